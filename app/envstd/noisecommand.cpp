// The 'noise' sub-command: GB 3096-2008 limit of a zone at a local time, and the exceedance of a reading.
#include "jhenvstdcommands.h"
#include "jhnoisestandard.h"
#include "jhunits.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <QTime>

#include <cstdio>

namespace {

const char USAGE[] =
    "Usage: jianghai-envstd noise --zone 0|1|2|3|4a|4b --time HH:MM --leq dB [--lmax dB] "
    "[--existing-railway]\n"
    "\n"
    "Prints one JSON object: period (day 06:00-22:00, night 22:00-06:00), the LAeq limit, exceedance in dB\n"
    "(a level equal to the limit meets it) and, at night, the sudden-noise rule Lmax <= limit + 15 dB(A).\n"
    "--existing-railway: zone 4b beside an existing railway trunk line through a city (night 55).\n"
    "Exit status: 0 computed, 2 usage error or bad value.\n";

int fail(const QString &message)
{
    QTextStream(stderr) << "jianghai-envstd noise: " << message << "\n(see jianghai-envstd noise --help)\n";
    return 2;
}

bool parseLevel(const QString &text, double *level)
{
    JhUnit unit = JhUnit::DecibelA;
    bool hasUnit = false;
    if (!JhUnits::parseQuantity(text, level, &unit, &hasUnit))
        return false;
    // A sound level below 0 or above 200 dB(A) is a typo, not a measurement.
    return (!hasUnit || unit == JhUnit::DecibelA) && *level >= 0 && *level <= 200;
}

} // namespace

int runNoiseCommand(const QStringList &arguments)
{
    bool haveZone = false, haveTime = false, haveLeq = false, haveLmax = false, existingRailway = false;
    JhNoiseZone zone = JhNoiseZone::Class2;
    QTime time;
    double leq = 0, lmax = 0;
    for (int i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == QLatin1String("--help") || argument == QLatin1String("-h")) {
            QTextStream(stdout) << USAGE;
            return 0;
        }
        if (argument == QLatin1String("--existing-railway")) {
            existingRailway = true;
            continue;
        }
        if (argument != QLatin1String("--zone") && argument != QLatin1String("--time") &&
            argument != QLatin1String("--leq") && argument != QLatin1String("--lmax"))
            return fail(QStringLiteral("unknown argument '%1'").arg(argument));
        if (i + 1 >= arguments.size())
            return fail(QStringLiteral("%1 needs a value").arg(argument));
        const QString value = arguments.at(++i);
        if (argument == QLatin1String("--zone")) {
            if (!JhNoiseStandard::zoneFromString(value, &zone))
                return fail(QStringLiteral("--zone must be 0, 1, 2, 3, 4a or 4b, not '%1'").arg(value));
            haveZone = true;
        } else if (argument == QLatin1String("--time")) {
            time = QTime::fromString(value, QStringLiteral("HH:mm"));
            if (!time.isValid())
                time = QTime::fromString(value, QStringLiteral("HH:mm:ss"));
            if (!time.isValid())
                return fail(QStringLiteral("--time must be HH:MM (local time), not '%1'").arg(value));
            haveTime = true;
        } else if (argument == QLatin1String("--leq")) {
            if (!parseLevel(value, &leq))
                return fail(QStringLiteral("--leq must be a level in dB(A), not '%1'").arg(value));
            haveLeq = true;
        } else {
            if (!parseLevel(value, &lmax))
                return fail(QStringLiteral("--lmax must be a level in dB(A), not '%1'").arg(value));
            haveLmax = true;
        }
    }
    if (!haveZone || !haveTime || !haveLeq)
        return fail(QStringLiteral("--zone, --time and --leq are required"));
    if (existingRailway && zone != JhNoiseZone::Class4b)
        return fail(QStringLiteral("--existing-railway applies to zone 4b only"));

    const JhNoiseAssessment a = JhNoiseStandard::assess(zone, time, leq, haveLmax, lmax, existingRailway);
    QJsonObject json;
    json.insert(QStringLiteral("standard"), JhNoiseStandard::code());
    json.insert(QStringLiteral("zone"), JhNoiseStandard::zoneName(zone));
    json.insert(QStringLiteral("time"), time.toString(QStringLiteral("HH:mm")));
    json.insert(QStringLiteral("period"),
                a.period == JhNoisePeriod::Day ? QStringLiteral("day") : QStringLiteral("night"));
    json.insert(QStringLiteral("limit"), a.limit);
    json.insert(QStringLiteral("leq"), a.leq);
    json.insert(QStringLiteral("exceedance"), a.exceedance);
    json.insert(QStringLiteral("exceeds"), a.exceeds);
    if (haveLmax) {
        json.insert(QStringLiteral("lmax"), a.lmax);
        json.insert(QStringLiteral("lmaxApplies"), a.lmaxApplies);
        if (a.lmaxApplies) {
            json.insert(QStringLiteral("lmaxLimit"), a.lmaxLimit);
            json.insert(QStringLiteral("lmaxExceedance"), a.lmaxExceedance);
            json.insert(QStringLiteral("lmaxExceeds"), a.lmaxExceeds);
        }
    }
    const QByteArray bytes = QJsonDocument(json).toJson(QJsonDocument::Compact) + '\n';
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stdout);
    return 0;
}
