// One command in a client's outbox: what was asked, and what central answered.
#pragma once

#include "jhcommand.h"
#include "jhcommandresult.h"

#include <QDateTime>
#include <QMetaType>

//! A command is Pending from the moment it is on disk until central answers; then Accepted or Refused
//! (with the reason in Chinese and English). A refused command is never sent again.
struct JhOutboxEntry
{
    enum class State
    {
        Pending,
        Accepted,
        Refused
    };

    qint64 position = 0; //!< order of submission (sent in this order)
    JhCommand command;
    State state = State::Pending;
    JhCommandResult result; //!< valid when not Pending
    QDateTime queuedAt;
    QDateTime answeredAt;
    int sendCount = 0; //!< how often it went out in this run (not persisted)

    bool isPending() const { return state == State::Pending; }
    static QString stateCode(State state)
    {
        switch (state) {
        case State::Pending:
            return QStringLiteral("pending");
        case State::Accepted:
            return QStringLiteral("accepted");
        case State::Refused:
            return QStringLiteral("refused");
        }
        return QString();
    }
};
Q_DECLARE_METATYPE(JhOutboxEntry)
