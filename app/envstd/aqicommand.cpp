// The 'aqi' sub-command: IAQI/AQI, primary pollutants and category per HJ 633-2012 or HJ 633-2026.
#include "jhairpollutants.h"
#include "jhaqicalculator.h"
#include "jhenvstdcommands.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>

namespace {

const char USAGE[] =
    "Usage: jianghai-envstd aqi (--standard 2012|2026 | --date YYYY-MM-DD) (--hourly | --daily)\n"
    "                           [--not-in-plan so2,co,...] name=value ...\n"
    "\n"
    "Prints one JSON object: per-indicator IAQI, AQI, primary pollutants, category and colour.\n"
    "--date picks the edition in force (HJ 633-2026 from 2026-03-01); --standard forces one.\n"
    "Names: so2 no2 co o3 pm10 pm25 take the averaging period of the report (hourly: 1 h; daily: 24 h,\n"
    "O3 daily maximum 1 h in 2012; PM in the 2012 real-time report: the 24 h sliding average);\n"
    "o3_8h and the explicit so2_1h so2_24h no2_1h no2_24h co_1h co_24h o3_1h pm10_1h pm10_24h pm25_1h\n"
    "pm25_24h name the indicator directly; HJ 212 codes (a21026 a21004 a34002 a34004 a21005 a05024) act\n"
    "like the short names. Units: ug/m3, CO mg/m3, unless written after the value (so2=0.02mg/m3).\n"
    "Exit status: 0 computed, 2 usage error or bad value.\n";

int fail(const QString &message)
{
    QTextStream(stderr) << "jianghai-envstd aqi: " << message << "\n(see jianghai-envstd aqi --help)\n";
    return 2;
}

QJsonArray pollutantKeys(const QVector<JhAirPollutant> &pollutants)
{
    QJsonArray array;
    for (JhAirPollutant pollutant : pollutants)
        array.append(QString::fromLatin1(JhAirPollutants::info(pollutant).key));
    return array;
}

QJsonArray indicatorKeys(const QVector<JhAqiIndicator> &indicators)
{
    QJsonArray array;
    for (JhAqiIndicator indicator : indicators)
        array.append(JhAqiStandard::indicatorKey(indicator));
    return array;
}

QJsonObject toJson(const JhAqiResult &result)
{
    const JhAqiStandard &standard = JhAqiStandard::standard(result.version);
    QJsonObject json;
    json.insert(QStringLiteral("standard"), standard.code());
    json.insert(QStringLiteral("report"),
                result.report == JhAqiReport::Hourly ? QStringLiteral("hourly") : QStringLiteral("daily"));
    QJsonObject indicators;
    for (const JhAqiIndicatorResult &entry : result.indicators) {
        QJsonObject item;
        item.insert(QStringLiteral("concentration"), entry.concentration);
        item.insert(QStringLiteral("evaluated"), entry.evaluatedConcentration);
        item.insert(QStringLiteral("iaqi"), entry.hasIaqi ? QJsonValue(entry.iaqi) : QJsonValue());
        item.insert(QStringLiteral("entersAqi"), entry.entersAqi);
        item.insert(QStringLiteral("breakpoints"), JhAqiStandard::indicatorKey(entry.column));
        if (!entry.note.isEmpty())
            item.insert(QStringLiteral("note"), entry.note);
        indicators.insert(JhAqiStandard::indicatorKey(entry.indicator), item);
    }
    json.insert(QStringLiteral("indicators"), indicators);
    QJsonObject iaqi;
    for (const auto &pair : result.pollutantIaqi)
        iaqi.insert(QString::fromLatin1(JhAirPollutants::info(pair.first).key), pair.second);
    json.insert(QStringLiteral("iaqi"), iaqi);
    json.insert(QStringLiteral("aqi"), result.hasAqi ? QJsonValue(result.aqi) : QJsonValue());
    if (!result.hasAqi && result.computedAqi >= 0)
        json.insert(QStringLiteral("aqiOfAvailable"), result.computedAqi);
    json.insert(QStringLiteral("primaryPollutants"), pollutantKeys(result.primaryPollutants));
    json.insert(QStringLiteral("primaryIndicators"), indicatorKeys(result.primaryIndicators));
    // 超标污染物 exists only in HJ 633-2012; 2026 uses IAQI > 100 only for its sensitive-group table.
    json.insert(standard.definesOverStandard() ? QStringLiteral("overStandard")
                                               : QStringLiteral("iaqiAbove100"),
                pollutantKeys(result.pollutantsAbove100));
    if (result.category) {
        const JhAqiCategory &category = *result.category;
        json.insert(QStringLiteral("level"), category.level);
        json.insert(QStringLiteral("levelZh"), QString::fromUtf8(category.levelZh));
        json.insert(QStringLiteral("category"),
                    QJsonObject{{QStringLiteral("zh"), QString::fromUtf8(category.categoryZh)},
                                {QStringLiteral("en"), QString::fromUtf8(category.categoryEn)}});
        json.insert(QStringLiteral("colour"), category.colourHex());
        json.insert(QStringLiteral("colourName"),
                    QJsonObject{{QStringLiteral("zh"), QString::fromUtf8(category.colourZh)},
                                {QStringLiteral("en"), QString::fromUtf8(category.colourEn)}});
        json.insert(QStringLiteral("rgb"), QJsonArray{category.red, category.green, category.blue});
    } else {
        json.insert(QStringLiteral("level"), QJsonValue());
        json.insert(QStringLiteral("category"), QJsonValue());
        json.insert(QStringLiteral("colour"), QJsonValue());
    }
    json.insert(QStringLiteral("missing"), indicatorKeys(result.missing));
    json.insert(QStringLiteral("complete"), result.complete);
    json.insert(QStringLiteral("notes"), QJsonArray::fromStringList(result.notes));
    return json;
}

} // namespace

int runAqiCommand(const QStringList &arguments)
{
    JhAqiInput input;
    bool haveReport = false;
    bool haveStandard = false;
    QStringList values;
    for (int i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == QLatin1String("--help") || argument == QLatin1String("-h")) {
            QTextStream(stdout) << USAGE;
            return 0;
        }
        if (argument == QLatin1String("--hourly") || argument == QLatin1String("--daily")) {
            const JhAqiReport report =
                argument == QLatin1String("--hourly") ? JhAqiReport::Hourly : JhAqiReport::Daily;
            if (haveReport && report != input.report)
                return fail(QStringLiteral("give either --hourly or --daily, not both"));
            input.report = report;
            haveReport = true;
        } else if (argument == QLatin1String("--standard") || argument == QLatin1String("--date") ||
                   argument == QLatin1String("--not-in-plan")) {
            if (i + 1 >= arguments.size())
                return fail(QStringLiteral("%1 needs a value").arg(argument));
            const QString value = arguments.at(++i);
            if (argument == QLatin1String("--standard")) {
                if (value == QLatin1String("2012") ||
                    value.compare(QLatin1String("HJ633-2012"), Qt::CaseInsensitive) == 0)
                    input.version = JhAqiVersion::Hj633_2012;
                else if (value == QLatin1String("2026") ||
                         value.compare(QLatin1String("HJ633-2026"), Qt::CaseInsensitive) == 0)
                    input.version = JhAqiVersion::Hj633_2026;
                else
                    return fail(QStringLiteral("--standard must be 2012 or 2026, not '%1'").arg(value));
                input.forceVersion = true;
                haveStandard = true;
            } else if (argument == QLatin1String("--date")) {
                input.observationDate = QDate::fromString(value, QStringLiteral("yyyy-MM-dd"));
                if (!input.observationDate.isValid())
                    return fail(QStringLiteral("--date must be YYYY-MM-DD, not '%1'").arg(value));
                haveStandard = true;
            } else {
                for (const QString &key : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                    JhAirPollutant pollutant;
                    if (!JhAirPollutants::fromKey(key.trimmed(), &pollutant))
                        return fail(QStringLiteral("--not-in-plan: unknown pollutant '%1'").arg(key));
                    input.notInMonitoringPlan.append(pollutant);
                }
            }
        } else if (argument.startsWith(QLatin1String("--"))) {
            return fail(QStringLiteral("unknown option '%1'").arg(argument));
        } else {
            values.append(argument);
        }
    }
    if (!haveStandard)
        return fail(QStringLiteral("give --standard 2012|2026 or --date YYYY-MM-DD"));
    if (!haveReport)
        return fail(QStringLiteral("give --hourly (real-time report) or --daily"));
    if (values.isEmpty())
        return fail(QStringLiteral("no concentrations given (e.g. pm25=35)"));

    // The edition must be known before short names can be mapped to indicators.
    const JhAqiVersion version =
        input.forceVersion ? input.version : JhAqiStandard::versionInForce(input.observationDate);
    for (const QString &pair : values) {
        const int equals = pair.indexOf(QLatin1Char('='));
        if (equals <= 0)
            return fail(QStringLiteral("expected name=value, got '%1'").arg(pair));
        const QString name = pair.left(equals).trimmed().toLower();
        const QString text = pair.mid(equals + 1);
        JhAqiIndicator indicator;
        JhAirPollutant pollutant;
        if (JhAqiStandard::indicatorFromKey(name, &indicator)) {
            pollutant = JhAqiStandard::pollutantOf(indicator);
        } else if (JhAirPollutants::fromKey(name, &pollutant) ||
                   JhAirPollutants::fromHj212Code(name, &pollutant)) {
            indicator = JhAqiStandard::standard(version).pollutantIndicator(pollutant, input.report);
            // A bare O3 value is a 1 h value by habit; the 2026 daily report has only the 8 h one.
            if (indicator == JhAqiIndicator::O3_8h)
                return fail(
                    QStringLiteral("%1: the %2 daily report uses only the O3 daily maximum 8 h average: "
                                   "give o3_8h=")
                        .arg(name, JhAqiStandard::standard(version).code()));
        } else {
            return fail(QStringLiteral("unknown pollutant '%1'").arg(name));
        }
        double value = 0;
        JhUnit unit = JhAirPollutants::info(pollutant).aqiUnit;
        bool hasUnit = false;
        if (!JhUnits::parseQuantity(text, &value, &unit, &hasUnit))
            return fail(QStringLiteral("%1: '%2' is not a number with an optional unit").arg(name, text));
        if (!hasUnit)
            unit = JhAirPollutants::info(pollutant).aqiUnit;
        if (!JhAirPollutants::toAqiUnit(pollutant, value, unit, &value))
            return fail(QStringLiteral("%1: unit '%2' is not a concentration in air")
                            .arg(name, JhUnits::symbol(unit)));
        if (input.concentrations.contains(indicator))
            return fail(QStringLiteral("%1 is given twice").arg(JhAqiStandard::indicatorKey(indicator)));
        input.concentrations.insert(indicator, value);
    }

    const JhAqiResult result = JhAqiCalculator::calculate(input);
    if (!result.ok())
        return fail(result.message);
    // Raw UTF-8 bytes: the category names must not depend on the locale's codec.
    const QByteArray bytes = QJsonDocument(toJson(result)).toJson(QJsonDocument::Compact) + '\n';
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stdout);
    return 0;
}
