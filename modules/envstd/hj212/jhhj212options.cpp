// Names of the HJ 212 tolerances, as used on the command line and in logs.
#include "jhhj212options.h"

namespace {

struct ToleranceName
{
    JhHj212Options::Tolerance tolerance;
    const char *name;
};

const ToleranceName NAMES[] = {
    {JhHj212Options::LengthPlus6, "plus6"},
    {JhHj212Options::FactorNames, "factor-names"},
    {JhHj212Options::LongSegment, "long-segment"},
    {JhHj212Options::BareLineFeed, "bare-lf"},
    {JhHj212Options::Spaces, "spaces"},
};

} // namespace

QStringList JhHj212Options::toleranceNames(int tolerances)
{
    QStringList names;
    for (const ToleranceName &entry : NAMES) {
        if (tolerances & entry.tolerance)
            names << QString::fromLatin1(entry.name);
    }
    return names;
}

bool JhHj212Options::parseTolerances(const QString &text, int *tolerances, QString *badName)
{
    int result = NoTolerance;
    const QStringList parts = text.split(QLatin1Char(','));
    for (const QString &part : parts) {
        const QString name = part.trimmed();
        if (name.isEmpty())
            continue;
        bool found = false;
        for (const ToleranceName &entry : NAMES) {
            if (name == QLatin1String(entry.name)) {
                result |= entry.tolerance;
                found = true;
            }
        }
        if (name == QLatin1String("all")) {
            for (const ToleranceName &entry : NAMES)
                result |= entry.tolerance;
            found = true;
        }
        if (!found) {
            if (badName)
                *badName = name;
            return false;
        }
    }
    *tolerances = result;
    return true;
}
