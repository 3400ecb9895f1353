// Who a simulated data logger is: MN, password, HJ 212 edition, system code, factors, retry settings.
#pragma once

#include "jhdomaintypes.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

//! One simulated logger. reCount/overTimeMs are the logger's own retry settings (HJ 212 CN 1000:
//! ReCount resends, OverTime seconds to wait for a reply), here in milliseconds of real time.
struct JhSimLoggerProfile
{
    QString siteId;
    QByteArray mn;
    QByteArray password;
    QByteArray systemCode = "22"; //!< ST: 22 air, 21 surface water, 23 noise, 32 pollution source (water)
    JhHj212Version version = JhHj212Version::V2017;
    JhSiteKind kind = JhSiteKind::AirTownship;
    QStringList factorCodes; //!< 2017 codes; 2005 loggers send the old codes where one exists
    int reCount = 3;
    int overTimeMs = 5000;
};
