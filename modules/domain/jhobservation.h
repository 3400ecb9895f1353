// One measured value of one factor at one site for one data time and interval.
#pragma once

#include "jhdomaintypes.h"

#include <QDateTime>
#include <QString>
#include <tuple>

//! An observation as stored: (site, factor, interval, data time) identifies it, so a resent packet
//! maps to the same observation.
struct JhObservation
{
    QString siteId;
    QString factorCode;
    QDateTime dataTime;
    JhIntervalKind interval = JhIntervalKind::Realtime;
    double value = 0.0;
    QString flag = QStringLiteral("N"); //!< HJ 212 data flag N/F/M/S/D/C/T/B

    auto tie() const { return std::tie(siteId, factorCode, dataTime, interval, value, flag); }
    bool operator==(const JhObservation &other) const { return tie() == other.tie(); }
    bool operator!=(const JhObservation &other) const { return !(*this == other); }
};
