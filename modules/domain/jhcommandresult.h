// The answer to a command: the events it produced, or why it was refused.
#pragma once

#include "jhdomainerror.h"
#include "jhevent.h"

#include <QList>
#include <QString>
#include <tuple>

//! Result of handling a command. Stored per command id so a repeat gets the same answer.
struct JhCommandResult
{
    QString commandId;
    JhDomainError error = JhDomainError::None;
    QString messageZh;
    QString messageEn;
    QList<JhEvent> events;

    bool isOk() const { return error == JhDomainError::None; }

    //! A rejection with the table message, optionally with a detail appended (e.g. the missing field).
    static JhCommandResult rejected(const QString &commandId, JhDomainError error, const QString &detail = {})
    {
        JhCommandResult result;
        result.commandId = commandId;
        result.error = error;
        result.messageZh = JhDomainErrors::messageZh(error);
        result.messageEn = JhDomainErrors::messageEn(error);
        if (!detail.isEmpty()) {
            result.messageZh += QStringLiteral("：") + detail;
            result.messageEn += QStringLiteral(": ") + detail;
        }
        return result;
    }

    auto tie() const { return std::tie(commandId, error, messageZh, messageEn, events); }
    bool operator==(const JhCommandResult &other) const { return tie() == other.tie(); }
    bool operator!=(const JhCommandResult &other) const { return !(*this == other); }
};
