// The 'water-class' sub-command: GB 3838-2002 class of each item, section class, target comparison.
#include "jhenvstdcommands.h"
#include "jhsurfacewaterassessor.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cmath>
#include <cstdio>

namespace {

const char USAGE[] =
    "Usage: jianghai-envstd water-class [--lake] [--target I|II|III|IV|V] name=value[unit] ...\n"
    "\n"
    "Prints one JSON object with the GB 3838-2002 class of each item and of the section.\n"
    "Names: temp ph do codmn cod bod5 nh3n tp tn cu zn f se as hg cd cr6 pb cn phenol oil las s2 coliform,\n"
    "or the HJ 212 codes (w01001 pH, w01009 DO, w01019 CODMn, w21003 NH3-N, w21011 TP, w20111 Hg ...).\n"
    "Units: a short name is in the GB 3838 unit (mg/L; pH none; coliform count/L); an HJ 212 code is in\n"
    "its HJ 212 default unit (metals ug/L: w20111=0.05 is 0.00005 mg/L). Write the unit to be explicit:\n"
    "hg=0.05ug/L. --lake uses the lake/reservoir TP limits. 水温, 总氮 and 粪大肠菌群 are shown, not "
    "counted.\n"
    "Exit status: 0 computed, 2 usage error or bad value.\n";

int fail(const QString &message)
{
    QTextStream(stderr) << "jianghai-envstd water-class: " << message
                        << "\n(see jianghai-envstd water-class --help)\n";
    return 2;
}

QJsonArray itemKeys(const QVector<JhWaterItem> &items)
{
    QJsonArray array;
    for (JhWaterItem item : items)
        array.append(QString::fromLatin1(JhSurfaceWaterStandard::info(item).key));
    return array;
}

} // namespace

int runWaterClassCommand(const QStringList &arguments)
{
    JhWaterAssessmentInput input;
    for (int i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == QLatin1String("--help") || argument == QLatin1String("-h")) {
            QTextStream(stdout) << USAGE;
            return 0;
        }
        if (argument == QLatin1String("--lake")) {
            input.body = JhWaterBody::LakeOrReservoir;
        } else if (argument == QLatin1String("--river")) {
            input.body = JhWaterBody::River;
        } else if (argument == QLatin1String("--target")) {
            if (i + 1 >= arguments.size())
                return fail(QStringLiteral("--target needs a class (I … V)"));
            const QString value = arguments.at(++i);
            if (!JhSurfaceWaterStandard::classFromString(value, &input.target) ||
                input.target == JhWaterClass::WorseThanV)
                return fail(QStringLiteral("--target must be I, II, III, IV or V, not '%1'").arg(value));
            input.hasTarget = true;
        } else if (argument.startsWith(QLatin1String("--"))) {
            return fail(QStringLiteral("unknown option '%1'").arg(argument));
        } else {
            const int equals = argument.indexOf(QLatin1Char('='));
            if (equals <= 0)
                return fail(QStringLiteral("expected name=value, got '%1'").arg(argument));
            const QString name = argument.left(equals).trimmed();
            const QString text = argument.mid(equals + 1);
            JhWaterItem item;
            if (!JhSurfaceWaterStandard::itemFromName(name, &item))
                return fail(QStringLiteral("unknown item '%1'").arg(name));
            const JhWaterItemInfo &info = JhSurfaceWaterStandard::info(item);
            const bool isHj212Code = name.compare(QLatin1String(info.hj212Code), Qt::CaseInsensitive) == 0;
            JhWaterMeasurement measurement{item, 0, isHj212Code ? info.hj212Unit : info.unit};
            JhUnit written = measurement.unit;
            bool hasUnit = false;
            if (!JhUnits::parseQuantity(text, &measurement.value, &written, &hasUnit))
                return fail(QStringLiteral("%1: '%2' is not a number with an optional unit").arg(name, text));
            if (hasUnit)
                measurement.unit = written;
            input.measurements.append(measurement);
        }
    }
    if (input.measurements.isEmpty())
        return fail(QStringLiteral("no items given (e.g. nh3n=0.8)"));

    const JhWaterAssessment result = JhSurfaceWaterAssessor::assess(input);
    if (!result.ok())
        return fail(result.message);

    QJsonObject json;
    json.insert(QStringLiteral("standard"), JhSurfaceWaterStandard::code());
    json.insert(QStringLiteral("waterBody"),
                input.body == JhWaterBody::River ? QStringLiteral("river") : QStringLiteral("lake"));
    QJsonObject items;
    for (const JhWaterItemResult &entry : result.items) {
        const JhWaterItemInfo &info = JhSurfaceWaterStandard::info(entry.item);
        QJsonObject item;
        item.insert(QStringLiteral("nameZh"), QString::fromUtf8(info.nameZh));
        item.insert(QStringLiteral("value"), entry.value);
        item.insert(QStringLiteral("unit"), JhUnits::symbol(info.unit));
        item.insert(QStringLiteral("class"),
                    entry.classified ? QJsonValue(JhSurfaceWaterStandard::className(entry.waterClass))
                                     : QJsonValue());
        item.insert(QStringLiteral("participates"), entry.participates);
        if (!std::isnan(entry.exceedanceMultiple))
            item.insert(QStringLiteral("exceedanceMultiple"),
                        std::round(entry.exceedanceMultiple * 1000) / 1000);
        if (!entry.note.isEmpty())
            item.insert(QStringLiteral("note"), entry.note);
        items.insert(QString::fromLatin1(info.key), item);
    }
    json.insert(QStringLiteral("items"), items);
    if (result.hasClass) {
        json.insert(QStringLiteral("class"), JhSurfaceWaterStandard::className(result.overall));
        json.insert(QStringLiteral("classZh"), JhSurfaceWaterStandard::classNameZh(result.overall));
        json.insert(QStringLiteral("label"),
                    QJsonObject{{QStringLiteral("zh"), JhSurfaceWaterStandard::labelZh(result.overall)},
                                {QStringLiteral("en"), JhSurfaceWaterStandard::labelEn(result.overall)}});
    } else {
        json.insert(QStringLiteral("class"), QJsonValue());
    }
    json.insert(QStringLiteral("worstItems"), itemKeys(result.worstItems));
    json.insert(QStringLiteral("mainPollutants"), itemKeys(result.mainPollutants));
    if (result.hasTarget) {
        json.insert(QStringLiteral("target"), JhSurfaceWaterStandard::className(result.target));
        if (result.hasClass) {
            json.insert(QStringLiteral("meetsTarget"), result.meetsTarget);
            json.insert(QStringLiteral("classesOverTarget"), result.classesOverTarget);
            json.insert(QStringLiteral("itemsOverTarget"), itemKeys(result.itemsOverTarget));
        }
    }
    const QByteArray bytes = QJsonDocument(json).toJson(QJsonDocument::Compact) + '\n';
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stdout);
    return 0;
}
