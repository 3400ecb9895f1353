// What the national standard says about a site's newest values, one small struct per site kind.
#pragma once

#include <QDateTime>
#include <QMap>
#include <QString>
#include <QStringList>
#include <tuple>

//! Air station: hourly AQI (HJ 633 edition in force on the data date, Beijing time) of the newest data
//! hour with valid values of the AQI pollutants.
struct JhAirJudgement
{
    bool valid = false;            //!< false: no valid hourly AQI pollutant value yet
    QDateTime hour;                //!< data time of the hour judged
    QString standard;              //!< "HJ 633-2012" or "HJ 633-2026"
    int aqi = 0;                   //!< the AQI (of the pollutants in, when the hour is incomplete)
    bool complete = false;         //!< every AQI pollutant the site reports is in for that hour
    int category = 0;              //!< 1..6 (一级 … 六级)
    QString categoryZh;            //!< 优, 良, 轻度污染 …
    QString colour;                //!< category colour "#RRGGBB" (HJ 633 Appendix A)
    QStringList primaryPollutants; //!< factor codes; only when AQI > 50
    QMap<QString, int> iaqi;       //!< factor code -> IAQI

    auto tie() const
    {
        return std::tie(valid, hour, standard, aqi, complete, category, categoryZh, colour, primaryPollutants,
                        iaqi);
    }
    bool operator==(const JhAirJudgement &other) const { return tie() == other.tie(); }
    bool operator!=(const JhAirJudgement &other) const { return !(*this == other); }
};

//! Surface or drinking water: GB 3838-2002 class of each item that counts for the section, and overall.
struct JhWaterJudgement
{
    bool valid = false;
    QDateTime dataTime;         //!< newest data time among the items judged
    QMap<QString, int> classes; //!< factor code -> class 1..6 (6 = 劣Ⅴ)
    int overallClass = 0;       //!< the worst item's class
    int targetClass = 0;        //!< the site's target class (0: none)
    bool meetsTarget = true;    //!< overallClass <= targetClass (true without a target)

    auto tie() const { return std::tie(valid, dataTime, classes, overallClass, targetClass, meetsTarget); }
    bool operator==(const JhWaterJudgement &other) const { return tie() == other.tie(); }
    bool operator!=(const JhWaterJudgement &other) const { return !(*this == other); }
};

//! Noise station: the newest LAeq against the GB 3096-2008 limit of the site's zone for its period.
struct JhNoiseJudgement
{
    bool valid = false;
    QDateTime dataTime;
    QString factorCode; //!< "Leq"
    double leq = 0;
    QString zone;       //!< "0", "1", "2", "3", "4a", "4b"
    bool night = false; //!< period of the data time in Beijing time: day 06:00-22:00, night otherwise
    double limit = 0;
    bool exceeded = false; //!< leq > limit

    auto tie() const { return std::tie(valid, dataTime, factorCode, leq, zone, night, limit, exceeded); }
    bool operator==(const JhNoiseJudgement &other) const { return tie() == other.tie(); }
    bool operator!=(const JhNoiseJudgement &other) const { return !(*this == other); }
};

//! Pollution source: the factor whose newest valid value comes closest to (or furthest over) its permit.
struct JhSourceJudgement
{
    bool valid = false;
    QDateTime dataTime;
    QString factorCode; //!< the factor with the highest ratio
    double value = 0;
    double limit = 0;
    double ratio = 0;      //!< value / permitted limit
    bool exceeded = false; //!< ratio > 1

    auto tie() const { return std::tie(valid, dataTime, factorCode, value, limit, ratio, exceeded); }
    bool operator==(const JhSourceJudgement &other) const { return tie() == other.tie(); }
    bool operator!=(const JhSourceJudgement &other) const { return !(*this == other); }
};
