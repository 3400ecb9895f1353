// A workstation's request for stored time series of one site (the chart and table of a site's data).
#pragma once

#include "jhdomaintypes.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <tuple>

//! What a `query` message asks for: the stored values of some factors of one site over a time range
//! (kind Series), or the hourly AQI of an air site computed from its stored hourly values (kind Aqi).
//! The client makes the id; the answer (JhSeriesResult) carries it back.
struct JhSeriesQuery
{
    enum class Kind
    {
        Series, //!< "series": points, gaps and limit lines per factor
        Aqi     //!< "aqi": AQI, category and primary pollutant per hour (interval hour, no factors)
    };

    QString id; //!< client-made, e.g. a UUID
    Kind kind = Kind::Series;
    QString siteId;
    QStringList factorCodes; //!< Series only
    JhIntervalKind interval = JhIntervalKind::Hour;
    QDateTime from;    //!< inclusive (data time, UTC)
    QDateTime to;      //!< inclusive
    int maxPoints = 0; //!< per factor; more stored points are downsampled. 0 = the service's maximum

    auto tie() const { return std::tie(id, kind, siteId, factorCodes, interval, from, to, maxPoints); }
    bool operator==(const JhSeriesQuery &other) const { return tie() == other.tie(); }
    bool operator!=(const JhSeriesQuery &other) const { return !(*this == other); }
};
