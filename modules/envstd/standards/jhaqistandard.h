// HJ 633 (2012 and 2026) as versioned data: breakpoints, report indicators, special rules, categories.
#pragma once

#include "jhairpollutants.h"

#include <QDate>
#include <QString>
#include <QVector>

//! Edition of HJ 633 环境空气质量指数（AQI）技术规定.
enum class JhAqiVersion
{
    Hj633_2012,
    Hj633_2026, //!< in force from 2026-03-01
};

//! Report type: real-time (hourly, 实时报) or daily (日报).
enum class JhAqiReport
{
    Hourly,
    Daily,
};

//! A pollutant with its averaging period, i.e. one concentration that can have an IAQI.
enum class JhAqiIndicator
{
    So2_24h,
    So2_1h,
    No2_24h,
    No2_1h,
    Co_24h,
    Co_1h,
    O3_1h,
    O3_8h, //!< 8 h sliding average (daily: daily maximum 8 h)
    Pm10_24h,
    Pm10_1h,
    Pm25_24h,
    Pm25_1h,
};

//! One AQI category row (HJ 633 Table 2 of 2012 / Table 1 of 2026, colours from Appendix A).
struct JhAqiCategory
{
    int level;   //!< 1 … 6
    int aqiLow;  //!< lowest AQI of the category
    int aqiHigh; //!< highest AQI of the category (500 for the last; the AQI never exceeds 500)
    const char *levelZh;
    const char *categoryZh;
    const char *categoryEn;
    const char *colourZh;
    const char *colourEn;
    int red, green, blue; //!< normative RGB (Appendix A)
    int cyan, magenta, yellow, black;

    QString colourHex() const; //!< "#RRGGBB"
};

//! What happens when a concentration is above the highest breakpoint its column defines.
struct JhAqiCapRule
{
    JhAqiIndicator indicator;
    double above;            //!< the rule applies to concentrations strictly above this
    int countAsIaqi;         //!< >= 0: IAQI counted as this value (2026); -1: IAQI not calculated (2012)
    JhAqiIndicator fallback; //!< when not calculated, the pollutant is reported with this indicator's IAQI
};

//! One edition of HJ 633. All numbers live in jhaqistandard.cpp.
class JhAqiStandard
{
public:
    static const JhAqiStandard &standard(JhAqiVersion version);
    //! The edition in force on the observation date (HJ 633-2026 from 2026-03-01).
    static JhAqiVersion versionInForce(const QDate &observationDate);
    //! IAQI value of breakpoint row `row` (0, 50, 100, 150, 200, 300, 400, 500).
    static int iaqiOfRow(int row);
    static constexpr int rowCount = 8;

    static QString indicatorKey(JhAqiIndicator indicator); //!< "pm25_24h" …
    static bool indicatorFromKey(const QString &key, JhAqiIndicator *indicator);
    static JhAirPollutant pollutantOf(JhAqiIndicator indicator);
    static const QVector<JhAqiIndicator> &allIndicators();

    JhAqiVersion version() const { return mVersion; }
    QString code() const { return QString::fromUtf8(mCode); } //!< "HJ 633-2012"
    QString source() const { return QString::fromUtf8(mSource); }
    QDate inForceFrom() const { return mInForceFrom; }
    int year() const;

    //! The indicators whose IAQI enters the AQI of a report (HJ 633-2012 §5.1, HJ 633-2026 §4.2.2–4.2.3).
    const QVector<JhAqiIndicator> &reportIndicators(JhAqiReport report) const;
    //! The indicator a bare pollutant value stands for in a report: the first of the pollutant's report
    //! indicators (2012 daily O3 -> daily max 1 h; 2026 daily O3 -> daily max 8 h; 2012 real-time PM -> the
    //! 24 h sliding average; 2026 real-time PM -> 1 h). This is how HJ 212 fields map to AQI inputs.
    JhAqiIndicator pollutantIndicator(JhAirPollutant pollutant, JhAqiReport report) const;
    //! Indicators accepted for a report without entering the AQI directly (2012 real-time: SO2 24 h as
    //! the fallback of the SO2 1 h rule; PM 1 h values, which are published without IAQI).
    const QVector<JhAqiIndicator> &auxiliaryIndicators(JhAqiReport report) const;
    //! The Table column used for an indicator (2026 real-time PM 1 h uses the 24 h column, §4.2.4);
    //! false if the indicator has no IAQI in this edition.
    bool breakpointColumn(JhAqiIndicator indicator, JhAqiIndicator *column) const;
    //! Number of breakpoints defined in a column (8, or 5/6 where a cap rule takes over).
    int breakpointCount(JhAqiIndicator column) const;
    double breakpoint(JhAqiIndicator column, int row) const;
    //! The special rule for concentrations above a short column, or nullptr.
    const JhAqiCapRule *capRule(JhAqiIndicator column) const;

    //! GB/T 8170 rounding of concentrations before the IAQI step (2026 §4.2.2); false for 2012.
    bool roundsConcentrations() const { return mRoundsConcentrations; }
    //! Lowest published AQI: 0 in 2012, 1 in 2026 (§4.1.1 "1～500").
    int minimumAqi() const { return mMinimumAqi; }
    //! Whether 超标污染物 (IAQI > 100) is defined (2012 §4.4.2; removed in 2026).
    bool definesOverStandard() const { return mDefinesOverStandard; }
    //! Whether a missing pollutant suppresses an AQI of 100 or less (2026 §5.3.1).
    bool suppressesIncompleteAqi() const { return mSuppressesIncompleteAqi; }

    const QVector<JhAqiCategory> &categories() const;
    //! The category of an AQI value (clamped into the table).
    const JhAqiCategory &category(int aqi) const;

    struct Data;
    explicit JhAqiStandard(const Data &data);

private:
    JhAqiVersion mVersion;
    const char *mCode;
    const char *mSource;
    QDate mInForceFrom;
    bool mRoundsConcentrations;
    int mMinimumAqi;
    bool mDefinesOverStandard;
    bool mSuppressesIncompleteAqi;
    const Data *mData;
};
