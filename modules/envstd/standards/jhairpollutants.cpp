// The six AQI pollutants and their HJ 212 codes, so packet fields can become AQI inputs.
#include "jhairpollutants.h"

namespace {

// HJ 212-2017 Appendix B Table B.2. The PM units are printed as ng/m³ there, an evident misprint (stations
// report µg/m³), so µg/m³ is given; O3 is not in Table B.2 at all and a05024 is the de-facto code.
// Real stations often send SO2/NO2 in µg/m³ despite the mg/m³ default: the unit is station configuration,
// which is why the conversion takes the unit explicitly.
const QVector<JhAirPollutantInfo> &pollutantTable()
{
    static const QVector<JhAirPollutantInfo> table = {
        {JhAirPollutant::So2, "so2", "SO2", "二氧化硫", "a21026", JhUnit::MicrogramPerCubicMetre,
         JhUnit::MilligramPerCubicMetre},
        {JhAirPollutant::No2, "no2", "NO2", "二氧化氮", "a21004", JhUnit::MicrogramPerCubicMetre,
         JhUnit::MilligramPerCubicMetre},
        {JhAirPollutant::Pm10, "pm10", "PM10", "颗粒物（PM10）", "a34002", JhUnit::MicrogramPerCubicMetre,
         JhUnit::MicrogramPerCubicMetre},
        {JhAirPollutant::Pm25, "pm25", "PM2.5", "细颗粒物（PM2.5）", "a34004", JhUnit::MicrogramPerCubicMetre,
         JhUnit::MicrogramPerCubicMetre},
        {JhAirPollutant::Co, "co", "CO", "一氧化碳", "a21005", JhUnit::MilligramPerCubicMetre,
         JhUnit::MilligramPerCubicMetre},
        {JhAirPollutant::O3, "o3", "O3", "臭氧", "a05024", JhUnit::MicrogramPerCubicMetre,
         JhUnit::MicrogramPerCubicMetre},
    };
    return table;
}

} // namespace

const QVector<JhAirPollutantInfo> &JhAirPollutants::all()
{
    return pollutantTable();
}

const JhAirPollutantInfo &JhAirPollutants::info(JhAirPollutant pollutant)
{
    for (const JhAirPollutantInfo &candidate : pollutantTable()) {
        if (candidate.pollutant == pollutant)
            return candidate;
    }
    return pollutantTable().first();
}

bool JhAirPollutants::fromHj212Code(const QString &code, JhAirPollutant *pollutant)
{
    for (const JhAirPollutantInfo &candidate : pollutantTable()) {
        if (code.compare(QLatin1String(candidate.hj212Code), Qt::CaseInsensitive) == 0) {
            *pollutant = candidate.pollutant;
            return true;
        }
    }
    return false;
}

bool JhAirPollutants::fromKey(const QString &key, JhAirPollutant *pollutant)
{
    for (const JhAirPollutantInfo &candidate : pollutantTable()) {
        if (key.compare(QLatin1String(candidate.key), Qt::CaseInsensitive) == 0) {
            *pollutant = candidate.pollutant;
            return true;
        }
    }
    return false;
}

bool JhAirPollutants::toAqiUnit(JhAirPollutant pollutant, double value, JhUnit unit, double *result)
{
    return JhUnits::convert(value, unit, info(pollutant).aqiUnit, result);
}
