// Sites and observations for the alarm rule and alarm engine suites.
#pragma once

#include "jhobservation.h"
#include "jhsite.h"

#include <QDateTime>
#include <QStringList>

namespace alarmtest {

//! 2026-05-01 00:00 UTC = 08:00 Beijing time (HJ 633-2026 in force).
inline QDateTime baseTime()
{
    return QDateTime(QDate(2026, 5, 1), QTime(0, 0), Qt::UTC);
}

inline JhSite airSite(const QString &id = QStringLiteral("AIR-1"))
{
    JhSite site;
    site.id = id;
    site.name = QStringLiteral("测试空气站");
    site.kind = JhSiteKind::AirNational;
    site.factorCodes =
        QStringList{QStringLiteral("a21026"), QStringLiteral("a21004"), QStringLiteral("a34002"),
                    QStringLiteral("a34004"), QStringLiteral("a21005"), QStringLiteral("a05024")};
    return site;
}

inline JhSite waterSite(int targetClass = 3, JhWaterBodyType body = JhWaterBodyType::River,
                        const QString &id = QStringLiteral("WAT-1"))
{
    JhSite site;
    site.id = id;
    site.kind = JhSiteKind::SurfaceWater;
    site.waterTargetClass = targetClass;
    site.waterBody = body;
    site.factorCodes =
        QStringList{QStringLiteral("w01009"), QStringLiteral("w21003"), QStringLiteral("w21011")};
    return site;
}

inline JhSite noiseSite(const QString &zone = QStringLiteral("1"),
                        const QString &id = QStringLiteral("NOI-1"))
{
    JhSite site;
    site.id = id;
    site.kind = JhSiteKind::Noise;
    site.noiseZone = zone;
    site.factorCodes = QStringList{QStringLiteral("LA"), QStringLiteral("Leq")};
    return site;
}

inline JhSite sourceSite(const QString &id = QStringLiteral("SRC-1"))
{
    JhSite site;
    site.id = id;
    site.kind = JhSiteKind::PollutionSource;
    site.factorCodes = QStringList{QStringLiteral("w01018"), QStringLiteral("w21003")};
    site.permittedLimits = {JhPermittedLimit{QStringLiteral("w01018"), 500.0, QStringLiteral("mg/L")}};
    return site;
}

inline JhObservation observation(const JhSite &site, const QString &factor, const QDateTime &time,
                                 double value, JhIntervalKind interval = JhIntervalKind::Hour,
                                 const QString &flag = QStringLiteral("N"))
{
    JhObservation result;
    result.siteId = site.id;
    result.factorCode = factor;
    result.dataTime = time;
    result.interval = interval;
    result.value = value;
    result.flag = flag;
    return result;
}

} // namespace alarmtest
