// GB 3095-2012 and GB 3095-2026 ambient air concentration limits as versioned data, with exceedance checks.
#pragma once

#include "jhunits.h"

#include <QDate>
#include <QString>
#include <QVector>

//! Edition (and, for 2026, phase) of GB 3095 环境空气质量标准.
enum class JhAmbientAirVersion
{
    Gb3095_2012,
    Gb3095_2026Transitional, //!< 2026-03-01 … 2030-12-31 (过渡阶段浓度限值)
    Gb3095_2026Final,        //!< from 2031-01-01
};

//! Items of Table 1 (basic) and Table 2 (other).
enum class JhAmbientAirItem
{
    So2,
    No2,
    Co,
    O3,
    Pm10,
    Pm25,
    Tsp,
    Nox,
    Pb,
    BaP,
};

//! Averaging period of a limit.
enum class JhAveragingPeriod
{
    Annual,
    Quarterly,
    Daily,          //!< 24 h / 日平均
    DailyMaximum8h, //!< 日最大 8 小时平均 (O3)
    Hourly,         //!< 1 h
};

//! Grade of limit: grade I for class 1 areas (parks, nature reserves), grade II for class 2.
enum class JhAmbientAirGrade
{
    I,
    II,
};

//! One limit row.
struct JhAmbientAirLimit
{
    JhAmbientAirVersion version;
    JhAmbientAirItem item;
    JhAveragingPeriod period;
    double gradeI;
    double gradeII;
    JhUnit unit;
    bool basic; //!< Table 1 (true) or Table 2
};

//! Result of checking a concentration against a limit.
struct JhAmbientAirCheck
{
    bool found = false; //!< false: no limit for that item/period in the edition
    QString message;    //!< why not found / unit error
    JhAmbientAirVersion version = JhAmbientAirVersion::Gb3095_2012;
    double limit = 0;
    JhUnit unit = JhUnit::MicrogramPerCubicMetre;
    double value = 0;              //!< converted to the limit's unit
    bool exceeds = false;          //!< value > limit (a value equal to the limit meets it)
    double exceedanceMultiple = 0; //!< 超标倍数 (value − limit)/limit when exceeding, else 0
};

//! GB 3095 tables (data in the .cpp).
class JhAmbientAirStandard
{
public:
    static QString code(JhAmbientAirVersion version);
    static QString source(JhAmbientAirVersion version);
    //! The edition in force on a date: 2012 before 2026-03-01, 2026 transitional until 2030-12-31, then
    //! final.
    static JhAmbientAirVersion versionInForce(const QDate &date);
    static const QVector<JhAmbientAirLimit> &limits();
    //! The limit row for an item and period; false if the edition has none.
    static bool limit(JhAmbientAirVersion version, JhAmbientAirItem item, JhAveragingPeriod period,
                      JhAmbientAirLimit *row);
    static double limitValue(const JhAmbientAirLimit &row, JhAmbientAirGrade grade);
    static JhAmbientAirCheck check(JhAmbientAirVersion version, JhAmbientAirItem item,
                                   JhAveragingPeriod period, JhAmbientAirGrade grade, double value,
                                   JhUnit unit);
    static QString itemKey(JhAmbientAirItem item);      //!< "so2", "pm25", "bap" …
    static QString periodKey(JhAveragingPeriod period); //!< "annual", "quarterly", "24h", "8h", "1h"
    static bool itemFromKey(const QString &key, JhAmbientAirItem *item);
    static bool periodFromKey(const QString &key, JhAveragingPeriod *period);
};
