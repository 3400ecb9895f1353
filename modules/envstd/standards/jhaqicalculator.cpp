// IAQI, AQI, primary pollutants and category from concentrations, per the HJ 633 edition in force.
#include "jhaqicalculator.h"

#include <QtGlobal>

#include <algorithm>
#include <cmath>

namespace {

// Concentrations become integers of 1e-6 units so that interpolation and ceiling are exact: a value on a
// breakpoint must give exactly that breakpoint's IAQI, never one more.
constexpr double MICRO = 1e6;
constexpr double LARGEST_FIXED = 1e9; // keeps every product far inside 64 bits

qint64 toMicro(double value)
{
    return static_cast<qint64>(std::llround(value * MICRO));
}

int decimalsFor(JhAqiIndicator indicator)
{
    // HJ 633-2026 §4.2.2: µg/m³ to integers, CO (mg/m³) to one decimal.
    const JhAirPollutant pollutant = JhAqiStandard::pollutantOf(indicator);
    return pollutant == JhAirPollutant::Co ? 1 : 0;
}

QString number(double value)
{
    return QString::number(value, 'g', 12);
}

template <typename T>
void appendUnique(QVector<T> &list, T value)
{
    if (!list.contains(value))
        list.append(value);
}

} // namespace

const JhAqiIndicatorResult *JhAqiResult::indicator(JhAqiIndicator indicator) const
{
    for (const JhAqiIndicatorResult &entry : indicators) {
        if (entry.indicator == indicator)
            return &entry;
    }
    return nullptr;
}

int JhAqiResult::iaqiOf(JhAirPollutant pollutant) const
{
    for (const auto &entry : pollutantIaqi) {
        if (entry.first == pollutant)
            return entry.second;
    }
    return -1;
}

double JhAqiCalculator::roundHalfEven(double value, int decimals)
{
    if (!std::isfinite(value) || std::fabs(value) >= LARGEST_FIXED || decimals < 0 || decimals > 6)
        return value;
    const bool negative = value < 0;
    const qint64 micro = toMicro(std::fabs(value));
    qint64 unit = 1;
    for (int i = decimals; i < 6; ++i)
        unit *= 10;
    qint64 quotient = micro / unit;
    const qint64 remainder = micro % unit;
    // GB/T 8170 3.3: drop < 5 -> keep; > 5 (or 5 followed by non-zero digits) -> up; exactly 5 -> to even.
    if (2 * remainder > unit || (2 * remainder == unit && quotient % 2 == 1))
        ++quotient;
    double result = static_cast<double>(quotient);
    for (int i = 0; i < decimals; ++i)
        result /= 10;
    return negative ? -result : result;
}

int JhAqiCalculator::iaqi(const JhAqiStandard &standard, JhAqiIndicator column, double concentration)
{
    const int count = standard.breakpointCount(column);
    if (count < 2 || !std::isfinite(concentration) || concentration < 0)
        return -1;
    if (concentration >= LARGEST_FIXED)
        return -1;
    const qint64 value = toMicro(concentration);
    for (int row = 1; row < count; ++row) {
        const qint64 low = toMicro(standard.breakpoint(column, row - 1));
        const qint64 high = toMicro(standard.breakpoint(column, row));
        if (value > high)
            continue;
        const qint64 iaqiLow = JhAqiStandard::iaqiOfRow(row - 1);
        const qint64 iaqiHigh = JhAqiStandard::iaqiOfRow(row);
        // Formula (1), with HJ 633 §6.2 (2012) / §4.2.6 (2026): every result is rounded up.
        const qint64 numerator = (iaqiHigh - iaqiLow) * (value - low);
        const qint64 denominator = high - low;
        return static_cast<int>(iaqiLow + (numerator + denominator - 1) / denominator);
    }
    return -1;
}

JhAqiResult JhAqiCalculator::calculate(const JhAqiInput &input)
{
    JhAqiResult result;
    result.report = input.report;
    if (!input.forceVersion && !input.observationDate.isValid()) {
        result.error = JhAqiError::NoDate;
        result.message = QStringLiteral("no observation date: give the date or force the HJ 633 edition");
        return result;
    }
    result.version =
        input.forceVersion ? input.version : JhAqiStandard::versionInForce(input.observationDate);
    const JhAqiStandard &standard = JhAqiStandard::standard(result.version);
    const QVector<JhAqiIndicator> &reportIndicators = standard.reportIndicators(input.report);
    const QVector<JhAqiIndicator> &auxiliary = standard.auxiliaryIndicators(input.report);
    const QString reportName =
        input.report == JhAqiReport::Hourly ? QStringLiteral("real-time (hourly)") : QStringLiteral("daily");

    for (auto it = input.concentrations.constBegin(); it != input.concentrations.constEnd(); ++it) {
        const QString key = JhAqiStandard::indicatorKey(it.key());
        if (!std::isfinite(it.value()) || it.value() < 0) {
            result.error = JhAqiError::InvalidConcentration;
            result.message = QStringLiteral("%1: concentration %2 is not a finite value >= 0")
                                 .arg(key, QString::number(it.value()));
            return result;
        }
        if (!reportIndicators.contains(it.key()) && !auxiliary.contains(it.key())) {
            QStringList accepted;
            for (JhAqiIndicator indicator : reportIndicators + auxiliary)
                accepted << JhAqiStandard::indicatorKey(indicator);
            result.error = JhAqiError::NotInReport;
            result.message = QStringLiteral("%1 is not an indicator of the %2 %3 report (accepted: %4)")
                                 .arg(key, standard.code(), reportName, accepted.join(QStringLiteral(", ")));
            return result;
        }
    }

    // Per-indicator IAQI, in the standard's indicator order.
    QVector<JhAqiIndicator> notCalculatedFallbacks;
    for (JhAqiIndicator indicator : JhAqiStandard::allIndicators()) {
        if (!input.concentrations.contains(indicator))
            continue;
        JhAqiIndicatorResult entry;
        entry.indicator = indicator;
        entry.column = indicator;
        entry.concentration = input.concentrations.value(indicator);
        entry.evaluatedConcentration = standard.roundsConcentrations()
                                           ? roundHalfEven(entry.concentration, decimalsFor(indicator))
                                           : entry.concentration;
        JhAqiIndicator column;
        if (!standard.breakpointColumn(indicator, &column)) {
            entry.note = QStringLiteral("%1 has no breakpoints in %2: concentration published without IAQI")
                             .arg(JhAqiStandard::indicatorKey(indicator), standard.code());
            result.indicators.append(entry);
            continue;
        }
        entry.column = column;
        const int count = standard.breakpointCount(column);
        const double top = standard.breakpoint(column, count - 1);
        if (toMicro(std::min(entry.evaluatedConcentration, LARGEST_FIXED)) > toMicro(top)) {
            if (const JhAqiCapRule *rule = standard.capRule(column)) {
                if (rule->countAsIaqi >= 0) {
                    entry.hasIaqi = true;
                    entry.iaqi = rule->countAsIaqi;
                    entry.note = QStringLiteral("%1 above %2: IAQI counted as %3 (%4 Table 3)")
                                     .arg(JhAqiStandard::indicatorKey(column), number(rule->above))
                                     .arg(rule->countAsIaqi)
                                     .arg(standard.code());
                } else {
                    entry.note = QStringLiteral("%1 above %2: IAQI not calculated, the pollutant is reported "
                                                "with its %3 IAQI (%4 Table 1)")
                                     .arg(JhAqiStandard::indicatorKey(column), number(rule->above),
                                          JhAqiStandard::indicatorKey(rule->fallback), standard.code());
                    notCalculatedFallbacks.append(rule->fallback);
                }
            } else {
                // Formula (1) has no segment above the last breakpoint; the AQI scale ends at 500.
                entry.hasIaqi = true;
                entry.iaqi = JhAqiStandard::iaqiOfRow(JhAqiStandard::rowCount - 1);
                entry.note =
                    QStringLiteral("above the highest breakpoint %1: IAQI capped at 500").arg(number(top));
            }
        } else {
            entry.hasIaqi = true;
            entry.iaqi = iaqi(standard, column, entry.evaluatedConcentration);
        }
        if (indicator != column)
            entry.note = QStringLiteral("1 h value evaluated against the 24 h breakpoints (%1 §4.2.4)")
                             .arg(standard.code()) +
                         (entry.note.isEmpty() ? QString() : QStringLiteral("; ") + entry.note);
        result.indicators.append(entry);
    }

    // Which IAQIs enter the AQI; the fallback of a "not calculated" rule takes the place of its indicator.
    for (JhAqiIndicatorResult &entry : result.indicators) {
        if (!entry.hasIaqi)
            continue;
        entry.entersAqi =
            reportIndicators.contains(entry.indicator) || notCalculatedFallbacks.contains(entry.indicator);
    }

    // Completeness: every report indicator needs a usable value (or its rule fallback).
    for (JhAqiIndicator indicator : reportIndicators) {
        const JhAqiIndicatorResult *entry = result.indicator(indicator);
        if (entry && entry->hasIaqi)
            continue;
        if (entry) {
            // Not calculated under a rule: needs the fallback instead.
            const JhAqiCapRule *rule = standard.capRule(entry->column);
            if (rule) {
                const JhAqiIndicatorResult *fallback = result.indicator(rule->fallback);
                if (!fallback || !fallback->hasIaqi)
                    appendUnique(result.missing, rule->fallback);
            }
            continue;
        }
        if (standard.suppressesIncompleteAqi() &&
            input.notInMonitoringPlan.contains(JhAqiStandard::pollutantOf(indicator)))
            continue;
        appendUnique(result.missing, indicator);
    }
    result.complete = result.missing.isEmpty();
    if (!result.complete) {
        QStringList keys;
        for (JhAqiIndicator indicator : result.missing)
            keys << JhAqiStandard::indicatorKey(indicator);
        result.notes << QStringLiteral("missing: %1 (shown as NA)").arg(keys.join(QStringLiteral(", ")));
    }

    // AQI = max IAQI (formula 2), per pollutant too.
    int maximum = -1;
    for (const JhAqiIndicatorResult &entry : result.indicators) {
        if (!entry.entersAqi)
            continue;
        maximum = std::max(maximum, entry.iaqi);
        const JhAirPollutant pollutant = JhAqiStandard::pollutantOf(entry.indicator);
        bool found = false;
        for (auto &pair : result.pollutantIaqi) {
            if (pair.first == pollutant) {
                pair.second = std::max(pair.second, entry.iaqi);
                found = true;
            }
        }
        if (!found)
            result.pollutantIaqi.append(qMakePair(pollutant, entry.iaqi));
    }
    if (maximum < 0) {
        result.notes << QStringLiteral("no pollutant has an IAQI: AQI is NA");
        return result;
    }
    result.computedAqi = std::max(maximum, standard.minimumAqi());
    if (maximum < standard.minimumAqi())
        result.notes << QStringLiteral("%1 publishes the AQI in the range %2-500")
                            .arg(standard.code())
                            .arg(standard.minimumAqi());
    if (!result.complete && standard.suppressesIncompleteAqi() && result.computedAqi <= 100) {
        result.notes << QStringLiteral("%1 §5.3.1: with a pollutant missing the AQI is published only when "
                                       "above 100; AQI, primary pollutant and category are NA")
                            .arg(standard.code());
        return result;
    }
    result.hasAqi = true;
    result.aqi = result.computedAqi;
    result.category = &standard.category(result.aqi);

    for (const JhAqiIndicatorResult &entry : result.indicators) {
        if (!entry.entersAqi)
            continue;
        if (result.aqi > 50 && entry.iaqi == maximum) {
            result.primaryIndicators.append(entry.indicator);
            appendUnique(result.primaryPollutants, JhAqiStandard::pollutantOf(entry.indicator));
        }
        if (entry.iaqi > 100)
            appendUnique(result.pollutantsAbove100, JhAqiStandard::pollutantOf(entry.indicator));
    }
    return result;
}
