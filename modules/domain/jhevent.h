// A fact in the append-only event log; the world state is the fold of all events.
#pragma once

#include "jhdomaintypes.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <tuple>

//! An event. The sequence is 0 until the store appends it and assigns the next gap-free number.
struct JhEvent
{
    qint64 sequence = 0;
    JhEventType type = JhEventType::AlarmOpened;
    QDateTime time;
    QString actor;     //!< user id, or "system" for the alarm engine
    QString commandId; //!< command that caused it, empty for system events
    QJsonObject payload;

    auto tie() const { return std::tie(sequence, type, time, actor, commandId, payload); }
    bool operator==(const JhEvent &other) const { return tie() == other.tie(); }
    bool operator!=(const JhEvent &other) const { return !(*this == other); }
};
