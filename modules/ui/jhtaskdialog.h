// The dialog behind the task actions: assign (incident, team, title, instructions), a progress step, cancel.
#pragma once

#include "jhdomaintypes.h"
#include "jhtask.h"

#include <QDialog>
#include <QJsonObject>

class JhWorldState;
class QComboBox;
class QLineEdit;
class QPlainTextEdit;

//! Asks for what task.assign, task.accept / task.update (en route, on site) / task.complete and task.cancel
//! need; payload() is ready for JhSyncClient::submit.
class JhTaskDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Mode
    {
        Assign,
        Accept,
        EnRoute,
        OnSite,
        Complete,
        Cancel
    };

    //! \a task is the one acted on (ignored for Assign); for Assign, \a state lists the incidents that are
    //! not closed and the teams, with \a incidentId preselected.
    JhTaskDialog(Mode mode, const JhTask &task, const JhWorldState &state, const QString &incidentId,
                 QWidget *parent = nullptr);

    JhCommandType commandType() const;
    QJsonObject payload() const;

    QComboBox *incidentCombo() const { return mIncident; }
    QComboBox *teamCombo() const { return mTeam; }
    QLineEdit *titleEdit() const { return mTitle; }
    //! Instructions (assign), notes (progress) or the reason (cancel).
    QPlainTextEdit *textEdit() const { return mText; }

    //! 接收, 在途, 到场, 完成 … as the button and the dialog say it.
    static QString actionLabel(Mode mode);

private:
    Mode mMode;
    JhTask mTask;
    QComboBox *mIncident = nullptr;
    QComboBox *mTeam = nullptr;
    QLineEdit *mTitle = nullptr;
    QPlainTextEdit *mText = nullptr;
};
