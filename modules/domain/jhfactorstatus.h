// The newest value of one factor and interval at a site, as the live site status carries it.
#pragma once

#include "jhdomaintypes.h"

#include <QDateTime>
#include <QString>
#include <tuple>

//! Latest committed observation of one (factor, interval) of a site: value, data flag and data time.
struct JhFactorStatus
{
    QString factorCode;
    JhIntervalKind interval = JhIntervalKind::Realtime;
    double value = 0.0;
    QString flag = QStringLiteral("N"); //!< HJ 212 data flag N/F/M/S/D/C/T/B
    QDateTime dataTime;

    auto tie() const { return std::tie(factorCode, interval, value, flag, dataTime); }
    bool operator==(const JhFactorStatus &other) const { return tie() == other.tie(); }
    bool operator!=(const JhFactorStatus &other) const { return !(*this == other); }
};
