// GB 3096-2008 environmental noise limits as data: zone classes, day/night periods, exceedance.
#include "jhnoisestandard.h"

#include <cmath>

namespace {

struct ZoneRow
{
    JhNoiseZone zone;
    const char *name;
    double day;
    double night;
};

// GB 3096-2008 Table 1, LAeq in dB(A) (standards.md §5, secondary transcriptions that agree).
const ZoneRow ZONES[] = {
    {JhNoiseZone::Class0, "0", 50, 40},   {JhNoiseZone::Class1, "1", 55, 45},
    {JhNoiseZone::Class2, "2", 60, 50},   {JhNoiseZone::Class3, "3", 65, 55},
    {JhNoiseZone::Class4a, "4a", 70, 55}, {JhNoiseZone::Class4b, "4b", 70, 60},
};
// Existing railway trunk lines through a city: day 70, night 55.
const double EXISTING_RAILWAY_DAY = 70;
const double EXISTING_RAILWAY_NIGHT = 55;
// Night-time sudden noise: Lmax at most 15 dB(A) above the limit.
const double NIGHT_LMAX_MARGIN = 15;
// Noise Law: day 06:00–22:00, night 22:00–06:00 (local government may redefine; not modelled).
const int DAY_START_HOUR = 6;
const int NIGHT_START_HOUR = 22;

const ZoneRow &row(JhNoiseZone zone)
{
    for (const ZoneRow &candidate : ZONES) {
        if (candidate.zone == zone)
            return candidate;
    }
    return ZONES[0];
}

double tenths(double value)
{
    return std::round(value * 10) / 10;
}

} // namespace

QString JhNoiseStandard::source()
{
    return QStringLiteral("GB 3096-2008 声环境质量标准 Table 1, §5 (secondary transcriptions)");
}

QString JhNoiseStandard::zoneName(JhNoiseZone zone)
{
    return QString::fromLatin1(row(zone).name);
}

bool JhNoiseStandard::zoneFromString(const QString &text, JhNoiseZone *zone)
{
    QString normalised = text.trimmed().toLower();
    normalised.remove(QStringLiteral("类"));
    if (normalised.startsWith(QLatin1String("class")))
        normalised = normalised.mid(5).trimmed();
    for (const ZoneRow &candidate : ZONES) {
        if (normalised == QLatin1String(candidate.name)) {
            *zone = candidate.zone;
            return true;
        }
    }
    return false;
}

JhNoisePeriod JhNoiseStandard::periodAt(const QTime &localTime)
{
    return localTime >= QTime(DAY_START_HOUR, 0) && localTime < QTime(NIGHT_START_HOUR, 0)
               ? JhNoisePeriod::Day
               : JhNoisePeriod::Night;
}

double JhNoiseStandard::limit(JhNoiseZone zone, JhNoisePeriod period, bool existingRailway)
{
    if (zone == JhNoiseZone::Class4b && existingRailway)
        return period == JhNoisePeriod::Day ? EXISTING_RAILWAY_DAY : EXISTING_RAILWAY_NIGHT;
    const ZoneRow &zoneRow = row(zone);
    return period == JhNoisePeriod::Day ? zoneRow.day : zoneRow.night;
}

double JhNoiseStandard::nightLmaxMargin()
{
    return NIGHT_LMAX_MARGIN;
}

JhNoiseAssessment JhNoiseStandard::assess(JhNoiseZone zone, const QTime &localTime, double leq, bool hasLmax,
                                          double lmax, bool existingRailway)
{
    JhNoiseAssessment result;
    result.zone = zone;
    result.period = periodAt(localTime);
    result.limit = limit(zone, result.period, existingRailway);
    result.leq = leq;
    // Levels are given to 0.1 dB; comparing the rounded difference keeps 55.0 vs 55 an exact "meets".
    result.exceedance = tenths(leq - result.limit);
    result.exceeds = result.exceedance > 0;
    result.hasLmax = hasLmax;
    result.lmax = lmax;
    if (hasLmax && result.period == JhNoisePeriod::Night) {
        result.lmaxApplies = true;
        result.lmaxLimit = result.limit + NIGHT_LMAX_MARGIN;
        result.lmaxExceedance = tenths(lmax - result.lmaxLimit);
        result.lmaxExceeds = result.lmaxExceedance > 0;
    }
    return result;
}
