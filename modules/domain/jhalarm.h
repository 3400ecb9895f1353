// An alarm raised by a rule on a (site, factor) and its lifecycle.
#pragma once

#include "jhdomaintypes.h"

#include <QDateTime>
#include <QString>
#include <tuple>

//! An alarm: one open alarm per (site, factor, rule) at a time.
struct JhAlarm
{
    QString id;
    QString siteId;
    QString factorCode;
    QString ruleId; //!< alarm engine rule, e.g. "exceedance.air-iaqi"
    JhAlarmLevel level = JhAlarmLevel::Warning;
    JhAlarmState state = JhAlarmState::Open;
    double value = 0.0; //!< value that triggered the alarm
    QString message;    //!< human-readable cause
    QDateTime openedAt;
    QDateTime updatedAt;
    QString updatedBy;  //!< user id of the last transition ("system" for the engine)
    QString incidentId; //!< set when escalated
    QString note;       //!< last note given with a transition

    bool isActive() const { return state != JhAlarmState::Closed; }

    auto tie() const
    {
        return std::tie(id, siteId, factorCode, ruleId, level, state, value, message, openedAt, updatedAt,
                        updatedBy, incidentId, note);
    }
    bool operator==(const JhAlarm &other) const { return tie() == other.tie(); }
    bool operator!=(const JhAlarm &other) const { return !(*this == other); }
};
