// The six AQI pollutants and their HJ 212 codes, so packet fields can become AQI inputs.
#pragma once

#include "jhunits.h"

#include <QString>
#include <QVector>

//! The pollutants that enter the AQI (HJ 633) and the basic items of GB 3095.
enum class JhAirPollutant
{
    So2,
    No2,
    Pm10,
    Pm25,
    Co,
    O3,
};

//! Identity of one AQI pollutant: key, names, HJ 212 code and units.
struct JhAirPollutantInfo
{
    JhAirPollutant pollutant;
    const char *key;       //!< "so2", "pm25" … (CLI and JSON key)
    const char *symbol;    //!< "SO2", "PM2.5" … (as printed in reports)
    const char *nameZh;    //!< 二氧化硫 …
    const char *hj212Code; //!< HJ 212-2017 code; O3 uses a05024, the code stations send in practice
    JhUnit aqiUnit;        //!< unit of the HJ 633 breakpoints (µg/m³, CO mg/m³)
    JhUnit hj212Unit;      //!< HJ 212-2017 Table B.2 default unit (stations may be configured otherwise)
};

//! Registry of the AQI pollutants (data in jhairpollutants.cpp). Deliberately independent of the full
//! HJ 212 code table in hj212/.
class JhAirPollutants
{
public:
    static const QVector<JhAirPollutantInfo> &all();
    static const JhAirPollutantInfo &info(JhAirPollutant pollutant);
    //! Maps an HJ 212 factor code (e.g. "a34004", case-insensitive) to the pollutant; false if not one of
    //! six.
    static bool fromHj212Code(const QString &code, JhAirPollutant *pollutant);
    //! Maps a key such as "pm25" to the pollutant; false if unknown.
    static bool fromKey(const QString &key, JhAirPollutant *pollutant);
    //! Converts a value reported in `unit` to the AQI unit of the pollutant; false if incompatible.
    static bool toAqiUnit(JhAirPollutant pollutant, double value, JhUnit unit, double *result);
};
