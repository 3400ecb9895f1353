// A monitored site: air/water/noise/marine station or an online-monitored pollution source.
#pragma once

#include "jhdomaintypes.h"
#include "jhpermittedlimit.h"

#include <QList>
#include <QString>
#include <QStringList>

//! One monitored site with the data its standard needs, kept as plain data (no envstd types yet):
//! water target class 1..6 (I..V, 劣V), noise zone code ("0", "1", "2", "3", "4a", "4b").
struct JhSite
{
    QString id; //!< stable id, e.g. "AIR-1168A", "WAT-0001"
    QString name;
    JhSiteKind kind = JhSiteKind::AirTownship;
    QString stationCode;  //!< official code where one exists (national air: "1168A")
    QString network;      //!< finer network label, e.g. "tributary", "sea-bound", "key-discharger"
    int countyCode = 0;   //!< 320612 ... 320685
    double longitude = 0; //!< CGCS2000 degrees
    double latitude = 0;
    QString mn;       //!< 24-character HJ 212 device id
    QString password; //!< HJ 212 PW
    JhHj212Version protocolVersion = JhHj212Version::V2017;
    int waterTargetClass = 0; //!< 1..6 for water sites, 0 otherwise
    JhWaterBodyType waterBody = JhWaterBodyType::None;
    QString noiseZone;       //!< GB 3096 zone code for noise stations
    QString parkId;          //!< industrial park the site belongs to, if any
    QStringList factorCodes; //!< factors the logger reports
    QList<JhPermittedLimit> permittedLimits;
    bool approximateLocation = false;

    bool isAir() const { return kind <= JhSiteKind::AirRoadside; }
    bool isWater() const { return kind == JhSiteKind::SurfaceWater || kind == JhSiteKind::DrinkingWater; }
    //! Permitted limit of \a factorCode, or nullptr when the site has none.
    const JhPermittedLimit *permittedLimit(const QString &factorCode) const
    {
        for (const JhPermittedLimit &limit : permittedLimits)
            if (limit.factorCode == factorCode)
                return &limit;
        return nullptr;
    }

    auto tie() const
    {
        return std::tie(id, name, kind, stationCode, network, countyCode, longitude, latitude, mn, password,
                        protocolVersion, waterTargetClass, waterBody, noiseZone, parkId, factorCodes,
                        permittedLimits, approximateLocation);
    }
    bool operator==(const JhSite &other) const { return tie() == other.tie(); }
    bool operator!=(const JhSite &other) const { return !(*this == other); }
};
