// The tunable numbers of the alarm engine, with their defaults in one place.
#pragma once

#include "jhdomaintypes.h"

#include <QHash>
#include <QString>
#include <QStringList>

//! Counts, intervals and thresholds of the alarm engine and its rules (docs/alarm-engine.md lists them).
struct JhAlarmEngineConfig
{
    //! Consecutive normal verdicts for one (site, factor, rule) before the system closes its alarm.
    int autoCloseNormalIntervals = 3;
    //! Expected intervals without any data before a site is offline.
    int offlineMissedIntervals = 3;
    //! Consecutive identical values (same site, factor, interval) that make a stuck sensor.
    int stuckIntervals = 12;
    //! Sites never heard from since the engine started are offline too (after the same wait).
    bool offlineForNeverSeenSites = true;

    //! Expected data period per site kind in seconds (hourly data; water and marine every 4 hours).
    qint64 expectedIntervalSeconds(JhSiteKind kind) const
    {
        switch (kind) {
        case JhSiteKind::SurfaceWater:
        case JhSiteKind::DrinkingWater:
        case JhSiteKind::Marine:
            return waterExpectedIntervalSeconds;
        default:
            return expectedIntervalSecondsDefault;
        }
    }
    qint64 expectedIntervalSecondsDefault = 3600;
    qint64 waterExpectedIntervalSeconds = 4 * 3600;

    //! Late data (older than the newest of its series): the engine remembers which data-time slots of a
    //! series it judged, for this many slots back from the newest (at most 128). A late observation in a
    //! remembered slot is a resend and is not judged again; one further back is kept for history only
    //! (never judged). Slot width per interval: see lateDataSlotSeconds().
    int lateDataWindowSlots = 128;
    //! One data time per slot: HJ 212 minute/hour/day data carry the start of their period.
    static qint64 lateDataSlotSeconds(JhIntervalKind interval)
    {
        switch (interval) {
        case JhIntervalKind::Minute:
            return 60;
        case JhIntervalKind::Hour:
            return 3600;
        case JhIntervalKind::Day:
            return 86400;
        default:
            return 1; // real-time values: acquisition instants, whole seconds
        }
    }

    //! Air: HJ 212 values are taken in the HJ 633 units (µg/m³, CO mg/m³), as stations send them. Set to
    //! read them in the HJ 212-2017 Table B.2 units instead (SO2/NO2 mg/m³).
    bool airValuesInHj212Units = false;
    //! IAQI (and AQI) above this is an alarm; above the serious value it is a serious one.
    int airIaqiLimit = 100;
    int airIaqiSerious = 200;
    //! Water: classes worse than the target from which the alarm is serious.
    int waterClassesOverTargetSerious = 2;
    //! Noise: dB(A) over the limit from which the alarm is serious.
    double noiseSeriousExceedance = 10.0;
    //! Factors compared with the GB 3096 LAeq limits.
    QStringList noiseFactorCodes{QStringLiteral("Leq")};
    //! Pollution source: multiple of the permitted limit from which the alarm is serious.
    double sourceSeriousMultiple = 2.0;
    //! Factors never judged stuck (e.g. a switch state that is legitimately constant).
    QStringList stuckExemptFactorCodes;

    //! Data flags that raise an alarm, with their level (HJ 212-2017 Table 4 / 2005 Table 6).
    QHash<QString, JhAlarmLevel> flagLevels{{QStringLiteral("D"), JhAlarmLevel::Warning},
                                            {QStringLiteral("F"), JhAlarmLevel::Warning},
                                            {QStringLiteral("M"), JhAlarmLevel::Notice},
                                            {QStringLiteral("C"), JhAlarmLevel::Notice}};
};
