// Measurement units used by the standards and by HJ 212, with exact conversion between compatible ones.
#include "jhunits.h"

namespace {

struct UnitRow
{
    JhUnit unit;
    const char *symbol;
    int dimension;        // units convert only within the same dimension
    double nanogramScale; // size of the unit in the dimension's base (ng per volume), 1 for others
};

// Air units share dimension 1 (per m³), water units dimension 2 (per L).
const UnitRow UNITS[] = {
    {JhUnit::None, "", 0, 1},
    {JhUnit::MicrogramPerCubicMetre, "ug/m3", 1, 1e3},
    {JhUnit::MilligramPerCubicMetre, "mg/m3", 1, 1e6},
    {JhUnit::NanogramPerCubicMetre, "ng/m3", 1, 1},
    {JhUnit::MicrogramPerLitre, "ug/L", 2, 1e3},
    {JhUnit::MilligramPerLitre, "mg/L", 2, 1e6},
    {JhUnit::NanogramPerLitre, "ng/L", 2, 1},
    {JhUnit::CountPerLitre, "count/L", 3, 1},
    {JhUnit::DegreeCelsius, "degC", 4, 1},
    {JhUnit::DecibelA, "dB(A)", 5, 1},
};

const UnitRow &row(JhUnit unit)
{
    for (const UnitRow &candidate : UNITS) {
        if (candidate.unit == unit)
            return candidate;
    }
    return UNITS[0];
}

} // namespace

QString JhUnits::symbol(JhUnit unit)
{
    return QString::fromLatin1(row(unit).symbol);
}

bool JhUnits::fromSymbol(const QString &symbol, JhUnit *unit)
{
    QString normalised = symbol.trimmed();
    normalised.replace(QChar(0x00B5), QLatin1Char('u')); // µ (micro sign)
    normalised.replace(QChar(0x03BC), QLatin1Char('u')); // μ (Greek mu)
    normalised.replace(QChar(0x00B3), QLatin1Char('3')); // ³
    for (const UnitRow &candidate : UNITS) {
        if (candidate.dimension == 0)
            continue;
        if (normalised.compare(QLatin1String(candidate.symbol), Qt::CaseInsensitive) == 0) {
            // "mg/l" and "mg/L" are the same unit, but "mg/m3" must not match "Mg/M3"-style typos of
            // a different dimension; case-insensitive is safe because no two symbols differ only in case.
            *unit = candidate.unit;
            return true;
        }
    }
    if (normalised.isEmpty() || normalised == QLatin1String("1")) {
        *unit = JhUnit::None;
        return true;
    }
    return false;
}

bool JhUnits::convert(double value, JhUnit from, JhUnit to, double *result)
{
    const UnitRow &source = row(from);
    const UnitRow &target = row(to);
    if (source.dimension != target.dimension)
        return false;
    if (from == to) {
        *result = value;
        return true;
    }
    // Scales are powers of ten; dividing by the larger one keeps e.g. 50 ug/L -> 0.05 mg/L exact to the
    // nearest double.
    if (source.nanogramScale >= target.nanogramScale)
        *result = value * (source.nanogramScale / target.nanogramScale);
    else
        *result = value / (target.nanogramScale / source.nanogramScale);
    return true;
}

bool JhUnits::parseQuantity(const QString &text, double *value, JhUnit *unit, bool *hasUnit)
{
    const QString trimmed = text.trimmed();
    int end = 0;
    if (end < trimmed.size() && (trimmed.at(end) == QLatin1Char('+') || trimmed.at(end) == QLatin1Char('-')))
        ++end;
    int digits = 0;
    bool point = false;
    while (end < trimmed.size()) {
        const QChar c = trimmed.at(end);
        if (c >= QLatin1Char('0') && c <= QLatin1Char('9')) {
            ++digits;
        } else if (c == QLatin1Char('.') && !point) {
            point = true;
        } else {
            break;
        }
        ++end;
    }
    if (digits == 0)
        return false;
    bool ok = false;
    const double number = trimmed.left(end).toDouble(&ok);
    if (!ok)
        return false;
    const QString symbol = trimmed.mid(end).trimmed();
    *hasUnit = !symbol.isEmpty();
    if (*hasUnit && !fromSymbol(symbol, unit))
        return false;
    *value = number;
    return true;
}
