// A monitoring team: the city station (崇川/通州) or one of the five county stations.
#pragma once

#include "jhdomaintypes.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <tuple>

//! A field team and the counties it covers; county-team users act only for their own team.
struct JhCountyTeam
{
    QString id; //!< e.g. "city", "haimen"
    QString name;
    QList<int> countyCodes;
    double longitude = 0; //!< base (station) location
    double latitude = 0;
    JhTeamStatus status = JhTeamStatus::Available;
    QString statusNote;
    QDateTime statusChangedAt;

    bool covers(int countyCode) const { return countyCodes.contains(countyCode); }

    auto tie() const
    {
        return std::tie(id, name, countyCodes, longitude, latitude, status, statusNote, statusChangedAt);
    }
    bool operator==(const JhCountyTeam &other) const { return tie() == other.tie(); }
    bool operator!=(const JhCountyTeam &other) const { return !(*this == other); }
};
