// A command sent by a workstation: what a user asks the central service to do.
#pragma once

#include "jhdomaintypes.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <tuple>

//! A command: the client-made UUID makes it idempotent (same id = same answer). Payload fields per
//! type are listed in docs/domain.md.
struct JhCommand
{
    QString id; //!< client-made UUID
    JhCommandType type = JhCommandType::AcknowledgeAlarm;
    QString userId;
    QDateTime issuedAt;
    QJsonObject payload;

    auto tie() const { return std::tie(id, type, userId, issuedAt, payload); }
    bool operator==(const JhCommand &other) const { return tie() == other.tie(); }
    bool operator!=(const JhCommand &other) const { return !(*this == other); }
};
