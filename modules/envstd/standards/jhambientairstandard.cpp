// GB 3095-2012 and GB 3095-2026 ambient air concentration limits as versioned data, with exceedance checks.
#include "jhambientairstandard.h"

#include <cmath>

namespace {

using V = JhAmbientAirVersion;
using A = JhAmbientAirItem;
using P = JhAveragingPeriod;
const JhUnit UG = JhUnit::MicrogramPerCubicMetre;
const JhUnit MG = JhUnit::MilligramPerCubicMetre;

// GB 3095-2026 in force from 2026-03-01; its Table 1 transitional limits apply until 2030-12-31
// (§4.4), the final ones from 2031-01-01. Table 2 NOx: 40/70 with transitional 50/100 (footnotes a, b).
QDate gb3095_2026InForce()
{
    return QDate(2026, 3, 1);
}
QDate gb3095_2026Final()
{
    return QDate(2031, 1, 1);
}

// All limits: {edition, item, period, grade I, grade II, unit, Table 1?}.
// GB 3095-2012 Tables 1 and 2: standards.md §6.1 (secondary; consistent with HJ 633-2012 IAQI 100).
// GB 3095-2026 Tables 1 and 2: read from the rendered PDF pages (p.3–4).
const QVector<JhAmbientAirLimit> &limitTable()
{
    static const QVector<JhAmbientAirLimit> table = {
        // GB 3095-2012, Table 1
        {V::Gb3095_2012, A::So2, P::Annual, 20, 60, UG, true},
        {V::Gb3095_2012, A::So2, P::Daily, 50, 150, UG, true},
        {V::Gb3095_2012, A::So2, P::Hourly, 150, 500, UG, true},
        {V::Gb3095_2012, A::No2, P::Annual, 40, 40, UG, true},
        {V::Gb3095_2012, A::No2, P::Daily, 80, 80, UG, true},
        {V::Gb3095_2012, A::No2, P::Hourly, 200, 200, UG, true},
        {V::Gb3095_2012, A::Co, P::Daily, 4, 4, MG, true},
        {V::Gb3095_2012, A::Co, P::Hourly, 10, 10, MG, true},
        {V::Gb3095_2012, A::O3, P::DailyMaximum8h, 100, 160, UG, true},
        {V::Gb3095_2012, A::O3, P::Hourly, 160, 200, UG, true},
        {V::Gb3095_2012, A::Pm10, P::Annual, 40, 70, UG, true},
        {V::Gb3095_2012, A::Pm10, P::Daily, 50, 150, UG, true},
        {V::Gb3095_2012, A::Pm25, P::Annual, 15, 35, UG, true},
        {V::Gb3095_2012, A::Pm25, P::Daily, 35, 75, UG, true},
        // GB 3095-2012, Table 2
        {V::Gb3095_2012, A::Tsp, P::Annual, 80, 200, UG, false},
        {V::Gb3095_2012, A::Tsp, P::Daily, 120, 300, UG, false},
        {V::Gb3095_2012, A::Nox, P::Annual, 50, 50, UG, false},
        {V::Gb3095_2012, A::Nox, P::Daily, 100, 100, UG, false},
        {V::Gb3095_2012, A::Nox, P::Hourly, 250, 250, UG, false},
        {V::Gb3095_2012, A::Pb, P::Annual, 0.5, 0.5, UG, false},
        {V::Gb3095_2012, A::Pb, P::Quarterly, 1, 1, UG, false},
        {V::Gb3095_2012, A::BaP, P::Annual, 0.001, 0.001, UG, false},
        {V::Gb3095_2012, A::BaP, P::Daily, 0.0025, 0.0025, UG, false},

        // GB 3095-2026, Table 1, 过渡阶段浓度限值 (to 2030-12-31)
        {V::Gb3095_2026Transitional, A::So2, P::Annual, 20, 60, UG, true},
        {V::Gb3095_2026Transitional, A::So2, P::Daily, 50, 150, UG, true},
        {V::Gb3095_2026Transitional, A::So2, P::Hourly, 150, 500, UG, true},
        {V::Gb3095_2026Transitional, A::No2, P::Annual, 40, 40, UG, true},
        {V::Gb3095_2026Transitional, A::No2, P::Daily, 80, 80, UG, true},
        {V::Gb3095_2026Transitional, A::No2, P::Hourly, 200, 200, UG, true},
        {V::Gb3095_2026Transitional, A::Co, P::Daily, 4, 4, MG, true},
        {V::Gb3095_2026Transitional, A::Co, P::Hourly, 10, 10, MG, true},
        {V::Gb3095_2026Transitional, A::O3, P::DailyMaximum8h, 100, 160, UG, true},
        {V::Gb3095_2026Transitional, A::O3, P::Hourly, 160, 200, UG, true},
        {V::Gb3095_2026Transitional, A::Pm10, P::Annual, 40, 60, UG, true},
        {V::Gb3095_2026Transitional, A::Pm10, P::Daily, 50, 120, UG, true},
        {V::Gb3095_2026Transitional, A::Pm25, P::Annual, 15, 30, UG, true},
        {V::Gb3095_2026Transitional, A::Pm25, P::Daily, 35, 60, UG, true},
        // GB 3095-2026, Table 2 until 2030-12-31 (NOx transitional values of footnotes a and b)
        {V::Gb3095_2026Transitional, A::Tsp, P::Annual, 80, 200, UG, false},
        {V::Gb3095_2026Transitional, A::Tsp, P::Daily, 120, 300, UG, false},
        {V::Gb3095_2026Transitional, A::Nox, P::Annual, 50, 50, UG, false},
        {V::Gb3095_2026Transitional, A::Nox, P::Daily, 100, 100, UG, false},
        {V::Gb3095_2026Transitional, A::Nox, P::Hourly, 250, 250, UG, false},
        {V::Gb3095_2026Transitional, A::Pb, P::Annual, 0.5, 0.5, UG, false},
        {V::Gb3095_2026Transitional, A::Pb, P::Quarterly, 1.0, 1.0, UG, false},
        {V::Gb3095_2026Transitional, A::BaP, P::Annual, 0.001, 0.001, UG, false},
        {V::Gb3095_2026Transitional, A::BaP, P::Daily, 0.0025, 0.0025, UG, false},

        // GB 3095-2026, Table 1, 浓度限值 (from 2031-01-01)
        {V::Gb3095_2026Final, A::So2, P::Annual, 20, 20, UG, true},
        {V::Gb3095_2026Final, A::So2, P::Daily, 50, 50, UG, true},
        {V::Gb3095_2026Final, A::So2, P::Hourly, 150, 150, UG, true},
        {V::Gb3095_2026Final, A::No2, P::Annual, 30, 30, UG, true},
        {V::Gb3095_2026Final, A::No2, P::Daily, 50, 50, UG, true},
        {V::Gb3095_2026Final, A::No2, P::Hourly, 200, 200, UG, true},
        {V::Gb3095_2026Final, A::Co, P::Daily, 4, 4, MG, true},
        {V::Gb3095_2026Final, A::Co, P::Hourly, 10, 10, MG, true},
        {V::Gb3095_2026Final, A::O3, P::DailyMaximum8h, 100, 160, UG, true},
        {V::Gb3095_2026Final, A::O3, P::Hourly, 160, 200, UG, true},
        {V::Gb3095_2026Final, A::Pm10, P::Annual, 20, 50, UG, true},
        {V::Gb3095_2026Final, A::Pm10, P::Daily, 50, 100, UG, true},
        {V::Gb3095_2026Final, A::Pm25, P::Annual, 10, 25, UG, true},
        {V::Gb3095_2026Final, A::Pm25, P::Daily, 25, 50, UG, true},
        // GB 3095-2026, Table 2 from 2031-01-01
        {V::Gb3095_2026Final, A::Tsp, P::Annual, 80, 200, UG, false},
        {V::Gb3095_2026Final, A::Tsp, P::Daily, 120, 300, UG, false},
        {V::Gb3095_2026Final, A::Nox, P::Annual, 40, 40, UG, false},
        {V::Gb3095_2026Final, A::Nox, P::Daily, 70, 70, UG, false},
        {V::Gb3095_2026Final, A::Nox, P::Hourly, 250, 250, UG, false},
        {V::Gb3095_2026Final, A::Pb, P::Annual, 0.5, 0.5, UG, false},
        {V::Gb3095_2026Final, A::Pb, P::Quarterly, 1.0, 1.0, UG, false},
        {V::Gb3095_2026Final, A::BaP, P::Annual, 0.001, 0.001, UG, false},
        {V::Gb3095_2026Final, A::BaP, P::Daily, 0.0025, 0.0025, UG, false},
    };
    return table;
}

const struct
{
    A item;
    const char *key;
} ITEM_KEYS[] = {{A::So2, "so2"},   {A::No2, "no2"}, {A::Co, "co"},   {A::O3, "o3"}, {A::Pm10, "pm10"},
                 {A::Pm25, "pm25"}, {A::Tsp, "tsp"}, {A::Nox, "nox"}, {A::Pb, "pb"}, {A::BaP, "bap"}};

const struct
{
    P period;
    const char *key;
} PERIOD_KEYS[] = {{P::Annual, "annual"},
                   {P::Quarterly, "quarterly"},
                   {P::Daily, "24h"},
                   {P::DailyMaximum8h, "8h"},
                   {P::Hourly, "1h"}};

} // namespace

QString JhAmbientAirStandard::code(JhAmbientAirVersion version)
{
    switch (version) {
    case V::Gb3095_2012:
        return QStringLiteral("GB 3095-2012");
    case V::Gb3095_2026Transitional:
        return QStringLiteral("GB 3095-2026 (transitional limits)");
    case V::Gb3095_2026Final:
        return QStringLiteral("GB 3095-2026");
    }
    return QString();
}

QString JhAmbientAirStandard::source(JhAmbientAirVersion version)
{
    return version == V::Gb3095_2012
               ? QStringLiteral("GB 3095-2012 环境空气质量标准 Tables 1–2 (secondary transcription)")
               : QStringLiteral("GB 3095—2026 环境空气质量标准 Tables 1–2, §4.4 (read from the PDF)");
}

JhAmbientAirVersion JhAmbientAirStandard::versionInForce(const QDate &date)
{
    if (date >= gb3095_2026Final())
        return V::Gb3095_2026Final;
    if (date >= gb3095_2026InForce())
        return V::Gb3095_2026Transitional;
    return V::Gb3095_2012;
}

const QVector<JhAmbientAirLimit> &JhAmbientAirStandard::limits()
{
    return limitTable();
}

bool JhAmbientAirStandard::limit(JhAmbientAirVersion version, JhAmbientAirItem item, JhAveragingPeriod period,
                                 JhAmbientAirLimit *row)
{
    for (const JhAmbientAirLimit &candidate : limitTable()) {
        if (candidate.version == version && candidate.item == item && candidate.period == period) {
            *row = candidate;
            return true;
        }
    }
    return false;
}

double JhAmbientAirStandard::limitValue(const JhAmbientAirLimit &row, JhAmbientAirGrade grade)
{
    return grade == JhAmbientAirGrade::I ? row.gradeI : row.gradeII;
}

JhAmbientAirCheck JhAmbientAirStandard::check(JhAmbientAirVersion version, JhAmbientAirItem item,
                                              JhAveragingPeriod period, JhAmbientAirGrade grade, double value,
                                              JhUnit unit)
{
    JhAmbientAirCheck result;
    result.version = version;
    JhAmbientAirLimit row;
    if (!limit(version, item, period, &row)) {
        result.message =
            QStringLiteral("%1 has no %2 limit for %3").arg(code(version), periodKey(period), itemKey(item));
        return result;
    }
    result.unit = row.unit;
    result.limit = limitValue(row, grade);
    if (!JhUnits::convert(value, unit, row.unit, &result.value) || !std::isfinite(result.value)) {
        result.message = QStringLiteral("%1: value in '%2' cannot be compared with a limit in '%3'")
                             .arg(itemKey(item), JhUnits::symbol(unit), JhUnits::symbol(row.unit));
        return result;
    }
    result.found = true;
    // Relative tolerance so that a limit reached through a unit conversion still meets the limit.
    result.exceeds = result.value > result.limit * (1 + 1e-9);
    result.exceedanceMultiple = result.exceeds ? (result.value - result.limit) / result.limit : 0;
    return result;
}

QString JhAmbientAirStandard::itemKey(JhAmbientAirItem item)
{
    for (const auto &entry : ITEM_KEYS) {
        if (entry.item == item)
            return QString::fromLatin1(entry.key);
    }
    return QString();
}

QString JhAmbientAirStandard::periodKey(JhAveragingPeriod period)
{
    for (const auto &entry : PERIOD_KEYS) {
        if (entry.period == period)
            return QString::fromLatin1(entry.key);
    }
    return QString();
}

bool JhAmbientAirStandard::itemFromKey(const QString &key, JhAmbientAirItem *item)
{
    for (const auto &entry : ITEM_KEYS) {
        if (key.compare(QLatin1String(entry.key), Qt::CaseInsensitive) == 0) {
            *item = entry.item;
            return true;
        }
    }
    return false;
}

bool JhAmbientAirStandard::periodFromKey(const QString &key, JhAveragingPeriod *period)
{
    for (const auto &entry : PERIOD_KEYS) {
        if (key.compare(QLatin1String(entry.key), Qt::CaseInsensitive) == 0) {
            *period = entry.period;
            return true;
        }
    }
    return false;
}
