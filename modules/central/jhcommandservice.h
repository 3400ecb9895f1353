// Turns a workstation's command into stored events: role check, pure handler, exactly-once append.
#pragma once

#include "jhcommand.h"
#include "jhcommandresult.h"
#include "jhuser.h"

#include <QObject>

class JhEventJournal;

//! The command path of flow 2: validate against the sender's role, decide with JhCommandHandler on the
//! journal's state, record exactly once per client-made command id. A repeated id gets the first answer
//! (the handler's verdict on the current state is discarded).
class JhCommandService : public QObject
{
    Q_OBJECT
public:
    explicit JhCommandService(JhEventJournal *journal, QObject *parent = nullptr);

    //! \a command.userId is overwritten with the authenticated user's id: a client cannot act for another.
    //! Returns false only when the store failed (nothing recorded: the client retries with the same id);
    //! refusals are results with an error.
    bool execute(const JhUser &user, JhCommand command, JhCommandResult &result, QString *error = nullptr);

signals:
    void commandExecuted(const JhUser &user, const JhCommand &command, const JhCommandResult &result);

private:
    JhEventJournal *mJournal;
};
