// The answer to a time-series query: stored points, gaps and the standard's lines per factor, or an AQI
// series.
#pragma once

#include "jhseriesquery.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <cmath>
#include <limits>
#include <tuple>

//! What a `query-result` message carries. On error only queryId, error, field and the messages are set.
//! Points are always stored values (value, flag, data time as stored); when a factor holds more points
//! than asked, each bucket of bucketSeconds keeps its minimum and its maximum point (a peak never
//! disappears) and downsampled is set.
struct JhSeriesResult
{
    enum class Error
    {
        None,
        InvalidQuery,   //!< "invalid-query": a parameter is missing or out of bounds (field names it)
        SiteNotFound,   //!< "site-not-found"
        TooManyQueries, //!< "too-many-queries": the client already has the maximum number running
        Unavailable     //!< "unavailable": the observations store could not be read; retry later
    };

    //! One stored observation.
    struct Point
    {
        QDateTime dataTime;
        double value = 0;
        QString flag;

        auto tie() const { return std::tie(dataTime, value, flag); }
        bool operator==(const Point &other) const { return tie() == other.tie(); }
    };

    //! Expected data times from..to (both inclusive) without any stored value.
    struct Gap
    {
        QDateTime from;
        QDateTime to;

        auto tie() const { return std::tie(from, to); }
        bool operator==(const Gap &other) const { return tie() == other.tie(); }
    };

    //! A line (value) or a band (lower..upper) of a standard or permit that applies to a factor.
    struct Reference
    {
        enum class Kind
        {
            Limit, //!< "limit": one value (GB 3095 limit, GB 3838 class upper limit, GB 3096, permit)
            Band   //!< "band": lower..upper (HJ 633 IAQI breakpoints: the concentrations of one category)
        };
        Kind kind = Kind::Limit;
        QString standard; //!< "GB 3095-2026", "HJ 633-2026", "GB 3838-2002", "GB 3096-2008", "permit"
        QString label;    //!< short English label: "grade II 1h", "III", "day", "IAQI 51-100"
        QString labelZh;  //!< 二级 1小时平均, Ⅲ类, 昼间, 良 …
        double value = std::numeric_limits<double>::quiet_NaN(); //!< Limit
        double lower = std::numeric_limits<double>::quiet_NaN(); //!< Band
        double upper = std::numeric_limits<double>::quiet_NaN(); //!< Band
        QString unit;        //!< unit of the line, the unit the values are stored in
        QString period;      //!< noise: "day" (06-22 Beijing time) or "night"; else empty
        bool target = false; //!< water: the site's target class
        QDateTime from;      //!< the part of the query range it applies to (edition in force)
        QDateTime to;

        auto tie() const
        {
            // NaN != NaN: compare "absent" as equal.
            auto same = [](double a) { return std::isnan(a) ? -1e300 : a; };
            return std::make_tuple(kind, standard, label, labelZh, same(value), same(lower), same(upper),
                                   unit, period, target, from, to);
        }
        bool operator==(const Reference &other) const { return tie() == other.tie(); }
    };

    //! The answer for one factor of a Series query.
    struct Factor
    {
        QString factorCode;
        QString unit;                       //!< from the factor table, if known
        int storedPoints = 0;               //!< points in the range before downsampling
        bool downsampled = false;           //!< points are the min and max of each bucket
        qint64 bucketSeconds = 0;           //!< bucket width when downsampled
        qint64 expectedIntervalSeconds = 0; //!< the data period gaps are measured against
        QList<Point> points;                //!< oldest first
        QList<Gap> gaps;
        QList<Reference> references;

        auto tie() const
        {
            return std::tie(factorCode, unit, storedPoints, downsampled, bucketSeconds,
                            expectedIntervalSeconds, points, gaps, references);
        }
        bool operator==(const Factor &other) const { return tie() == other.tie(); }
    };

    //! One hour of an Aqi query (HJ 633 edition in force on the hour's Beijing date).
    struct AqiHour
    {
        QDateTime dataTime;
        bool hasAqi = false;  //!< false: published as NA (e.g. HJ 633-2026 with a pollutant missing)
        int aqi = 0;          //!< when hasAqi
        int computedAqi = -1; //!< AQI of the pollutants present even when NA
        int level = 0;        //!< category 1..6 of the AQI (of computedAqi when NA); 0 = none
        QString categoryZh;
        QString categoryEn;
        QString colour;                //!< "#RRGGBB"
        QStringList primaryPollutants; //!< symbols, "PM2.5"; only when the AQI > 50
        bool complete = true;          //!< every pollutant the site measures had a valid value
        QString standard;              //!< "HJ 633-2012" / "HJ 633-2026"

        auto tie() const
        {
            return std::tie(dataTime, hasAqi, aqi, computedAqi, level, categoryZh, categoryEn, colour,
                            primaryPollutants, complete, standard);
        }
        bool operator==(const AqiHour &other) const { return tie() == other.tie(); }
    };

    QString queryId;
    Error error = Error::None;
    QString field; //!< InvalidQuery: the request field at fault ("to", "factorCodes", …)
    QString messageZh;
    QString messageEn;

    JhSeriesQuery::Kind kind = JhSeriesQuery::Kind::Series;
    QString siteId;
    JhIntervalKind interval = JhIntervalKind::Hour;
    QDateTime from;
    QDateTime to;
    QList<Factor> factors; //!< Series: in the order asked
    QList<AqiHour> aqi;    //!< Aqi: hours with at least one pollutant value, oldest first
    QList<Gap> aqiGaps;    //!< Aqi: hours without any value

    bool isOk() const { return error == Error::None; }

    auto tie() const
    {
        return std::tie(queryId, error, field, messageZh, messageEn, kind, siteId, interval, from, to,
                        factors, aqi, aqiGaps);
    }
    bool operator==(const JhSeriesResult &other) const { return tie() == other.tie(); }
    bool operator!=(const JhSeriesResult &other) const { return !(*this == other); }
};
