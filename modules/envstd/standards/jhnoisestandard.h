// GB 3096-2008 environmental noise limits as data: zone classes, day/night periods, exceedance.
#pragma once

#include <QString>
#include <QTime>

//! Acoustic environment functional zone (声环境功能区) of GB 3096-2008.
enum class JhNoiseZone
{
    Class0,
    Class1,
    Class2,
    Class3,
    Class4a, //!< both sides of roads and inland waterways
    Class4b, //!< both sides of railway trunk lines
};

//! 昼间 06:00–22:00, 夜间 22:00–06:00.
enum class JhNoisePeriod
{
    Day,
    Night,
};

//! Assessment of one measurement against GB 3096-2008.
struct JhNoiseAssessment
{
    JhNoiseZone zone = JhNoiseZone::Class2;
    JhNoisePeriod period = JhNoisePeriod::Day;
    double limit = 0; //!< LAeq limit, dB(A)
    double leq = 0;
    double exceedance = 0; //!< leq − limit, rounded to 0.1 dB (negative: margin)
    bool exceeds = false;  //!< leq > limit (a value equal to the limit meets it)
    bool hasLmax = false;
    double lmax = 0;
    bool lmaxApplies = false; //!< only at night: sudden noise Lmax ≤ limit + 15 dB(A)
    double lmaxLimit = 0;
    double lmaxExceedance = 0;
    bool lmaxExceeds = false;
};

//! GB 3096-2008 Table 1 and §5 (data in the .cpp).
class JhNoiseStandard
{
public:
    static QString code() { return QStringLiteral("GB 3096-2008"); }
    static QString source();
    static QString zoneName(JhNoiseZone zone); //!< "0", "1", "2", "3", "4a", "4b"
    static bool zoneFromString(const QString &text, JhNoiseZone *zone);
    //! Day from 06:00 (inclusive) to 22:00 (exclusive), night otherwise.
    static JhNoisePeriod periodAt(const QTime &localTime);
    //! LAeq limit in dB(A). existingRailway: background noise beside an existing railway trunk line
    //! through a city (or its rebuilding) is held to day 70 / night 55 instead of the 4b values.
    static double limit(JhNoiseZone zone, JhNoisePeriod period, bool existingRailway = false);
    //! Margin of night-time sudden noise: Lmax may exceed the limit by at most 15 dB(A).
    static double nightLmaxMargin();
    static JhNoiseAssessment assess(JhNoiseZone zone, const QTime &localTime, double leq,
                                    bool hasLmax = false, double lmax = 0, bool existingRailway = false);
};
