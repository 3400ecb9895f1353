// IAQI, AQI, primary pollutants and category from concentrations, per the HJ 633 edition in force.
#pragma once

#include "jhaqistandard.h"

#include <QDate>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QVector>

//! Why an AQI calculation was refused.
enum class JhAqiError
{
    None,
    NoDate,               //!< no valid observation date and no forced edition
    InvalidConcentration, //!< negative, NaN or infinite value
    NotInReport, //!< an indicator that the chosen edition/report does not use (e.g. O3 1 h in a 2026 daily)
};

//! Input of one AQI calculation. Concentrations are in the HJ 633 units: µg/m³, CO mg/m³.
struct JhAqiInput
{
    QDate observationDate; //!< chooses the edition (never read from the clock)
    bool forceVersion = false;
    JhAqiVersion version = JhAqiVersion::Hj633_2026; //!< used when forceVersion
    JhAqiReport report = JhAqiReport::Hourly;
    QMap<JhAqiIndicator, double> concentrations;
    //! Pollutants the site's monitoring plan does not cover (HJ 633-2026 §5.3.2): their absence does not
    //! suppress the AQI. The caller decides whether the three-year history condition holds.
    QVector<JhAirPollutant> notInMonitoringPlan;
};

//! The IAQI of one indicator.
struct JhAqiIndicatorResult
{
    JhAqiIndicator indicator;
    double concentration = 0;          //!< as given
    double evaluatedConcentration = 0; //!< after the edition's rounding (2026: GB/T 8170)
    bool hasIaqi = false;              //!< false: published as concentration only / not calculated
    int iaqi = 0;
    bool entersAqi = false; //!< whether this IAQI counts in the AQI
    JhAqiIndicator column;  //!< breakpoint column used (2026 PM 1 h -> 24 h)
    QString note;           //!< the special rule applied, if any
};

//! Result of one AQI calculation. When error() is not None nothing else is meaningful.
struct JhAqiResult
{
    JhAqiError error = JhAqiError::None;
    QString message;

    JhAqiVersion version = JhAqiVersion::Hj633_2026;
    JhAqiReport report = JhAqiReport::Hourly;
    QVector<JhAqiIndicatorResult> indicators;          //!< in the standard's order
    QVector<QPair<JhAirPollutant, int>> pollutantIaqi; //!< per pollutant, the largest IAQI entering the AQI
    bool hasAqi = false;                               //!< false: published as NA
    int aqi = 0;
    int computedAqi = -1; //!< AQI of the available pollutants even when published as NA (-1: none at all)
    QVector<JhAirPollutant> primaryPollutants; //!< only when AQI > 50; ties all listed
    QVector<JhAqiIndicator> primaryIndicators; //!< the indicators that gave the AQI
    QVector<JhAirPollutant> pollutantsAbove100; //!< 2012: 超标污染物; 2026: Table 2 sensitive-group trigger
    QVector<JhAqiIndicator> missing;            //!< required indicators without a usable value
    bool complete = true;
    const JhAqiCategory *category = nullptr; //!< null when hasAqi is false
    QStringList notes;

    bool ok() const { return error == JhAqiError::None; }
    const JhAqiIndicatorResult *indicator(JhAqiIndicator indicator) const;
    int iaqiOf(JhAirPollutant pollutant) const; //!< -1 if the pollutant has no IAQI
};

//! Applies HJ 633-2012 or HJ 633-2026 (tables in JhAqiStandard).
class JhAqiCalculator
{
public:
    static JhAqiResult calculate(const JhAqiInput &input);

    //! IAQI of a concentration in a breakpoint column, ceiling-rounded; -1 above the column's table.
    //! Exact for inputs with up to 6 decimals (fixed-point arithmetic, no floating-point ceiling errors).
    static int iaqi(const JhAqiStandard &standard, JhAqiIndicator column, double concentration);
    //! GB/T 8170 rounding (round half to even on the decimal value) to `decimals` places.
    static double roundHalfEven(double value, int decimals);
};
