// Builders of sites, statuses and operational objects for the live layer tests and benchmarks.
#pragma once

#include "jhalarm.h"
#include "jhcountyteam.h"
#include "jhdepot.h"
#include "jhincident.h"
#include "jhsite.h"
#include "jhsitestatus.h"
#include "jhworldstate.h"

#include <QDateTime>
#include <QString>

//! Small factories so each test states only what matters (kind, place, judgement).
struct JhLiveTestData
{
    static QDateTime now() { return QDateTime(QDate(2026, 7, 1), QTime(9, 30), Qt::OffsetFromUTC, 8 * 3600); }

    static JhSite site(const QString &id, JhSiteKind kind, double longitude, double latitude,
                       int county = 320613)
    {
        JhSite site;
        site.id = id;
        site.name = QStringLiteral("站点") + id;
        site.kind = kind;
        site.countyCode = county;
        site.longitude = longitude;
        site.latitude = latitude;
        if (site.isWater())
            site.waterTargetClass = 3;
        return site;
    }

    static JhSiteStatus online(const QString &siteId)
    {
        JhSiteStatus status;
        status.siteId = siteId;
        status.state = JhSiteState::Online;
        status.lastDataAt = now().addSecs(-600);
        JhFactorStatus factor;
        factor.factorCode = QStringLiteral("a21026");
        factor.dataTime = status.lastDataAt;
        status.factors << factor;
        return status;
    }

    static JhSiteStatus air(const QString &siteId, int category, int aqi)
    {
        JhSiteStatus status = online(siteId);
        static const char *names[] = {"优", "良", "轻度污染", "中度污染", "重度污染", "严重污染"};
        status.air.valid = true;
        status.air.category = category;
        status.air.aqi = aqi;
        status.air.categoryZh = QString::fromUtf8(names[category - 1]);
        status.air.complete = true;
        return status;
    }

    static JhSiteStatus water(const QString &siteId, int waterClass, int target = 3)
    {
        JhSiteStatus status = online(siteId);
        status.water.valid = true;
        status.water.overallClass = waterClass;
        status.water.targetClass = target;
        status.water.meetsTarget = waterClass <= target;
        return status;
    }

    static JhSiteStatus withState(JhSiteStatus status, JhSiteState state)
    {
        status.state = state;
        return status;
    }

    static JhAlarm alarm(const QString &id, const QString &siteId, JhAlarmState state,
                         JhAlarmLevel level = JhAlarmLevel::Warning)
    {
        JhAlarm alarm;
        alarm.id = id;
        alarm.siteId = siteId;
        alarm.factorCode = QStringLiteral("a34004");
        alarm.ruleId = QStringLiteral("exceedance.air-iaqi");
        alarm.state = state;
        alarm.level = level;
        alarm.openedAt = now().addSecs(-1800);
        alarm.message = QStringLiteral("PM2.5 超标");
        return alarm;
    }
};
