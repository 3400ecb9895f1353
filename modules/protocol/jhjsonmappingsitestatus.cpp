// JhJsonMapping, live site status: JhSiteStatus, JhFactorStatus and the judgements of each site kind.
#include "jhjsonreader.h"

using namespace JhJsonInternal;

// --- live site status ----------------------------------------------------------------------------

namespace {
QJsonObject intMap(const QMap<QString, int> &values)
{
    QJsonObject result;
    for (auto it = values.constBegin(); it != values.constEnd(); ++it)
        result.insert(it.key(), it.value());
    return result;
}

QMap<QString, int> intMapFrom(Reader &in, const char *key)
{
    QMap<QString, int> result;
    const QJsonObject values = in.object(key, false);
    for (auto it = values.constBegin(); it != values.constEnd(); ++it) {
        if (!it.value().isDouble())
            in.fail(Code::InvalidField, key, "an object of integers");
        result.insert(it.key(), it.value().toInt());
    }
    return result;
}
} // namespace

QJsonObject JhJsonMapping::toJson(const JhFactorStatus &value)
{
    return {{"factorCode", value.factorCode},
            {"interval", JhEnumNames::code(value.interval)},
            {"value", value.value},
            {"flag", value.flag},
            {"dataTime", JhTime::toText(value.dataTime)}};
}

bool JhJsonMapping::fromJson(const QJsonObject &json, JhFactorStatus &value, JhProtocolError *error)
{
    Reader in(json, "factorStatus", error);
    value.factorCode = in.text("factorCode");
    value.interval = in.enumeration("interval", JhIntervalKind::Realtime);
    value.value = in.number("value");
    value.flag = in.text("flag");
    value.dataTime = in.time("dataTime");
    return finish(in, error);
}

QJsonObject JhJsonMapping::toJson(const JhAirJudgement &value)
{
    return {{"hour", JhTime::toText(value.hour)},
            {"standard", value.standard},
            {"aqi", value.aqi},
            {"complete", value.complete},
            {"category", value.category},
            {"categoryZh", value.categoryZh},
            {"colour", value.colour},
            {"primaryPollutants", QJsonArray::fromStringList(value.primaryPollutants)},
            {"iaqi", intMap(value.iaqi)}};
}

bool JhJsonMapping::fromJson(const QJsonObject &json, JhAirJudgement &value, JhProtocolError *error)
{
    Reader in(json, "air", error);
    value.valid = true;
    value.hour = in.time("hour");
    value.standard = in.text("standard");
    value.aqi = int(in.integer("aqi"));
    value.complete = in.boolean("complete");
    value.category = int(in.integer("category"));
    value.categoryZh = in.text("categoryZh", false);
    value.colour = in.text("colour", false);
    value.primaryPollutants = in.strings("primaryPollutants");
    value.iaqi = intMapFrom(in, "iaqi");
    if (in.isOk() && (value.category < 1 || value.category > 6))
        in.fail(Code::InvalidField, "category", "1..6");
    return finish(in, error);
}

QJsonObject JhJsonMapping::toJson(const JhWaterJudgement &value)
{
    return {{"dataTime", JhTime::toText(value.dataTime)},
            {"classes", intMap(value.classes)},
            {"overallClass", value.overallClass},
            {"targetClass", value.targetClass},
            {"meetsTarget", value.meetsTarget}};
}

bool JhJsonMapping::fromJson(const QJsonObject &json, JhWaterJudgement &value, JhProtocolError *error)
{
    Reader in(json, "water", error);
    value.valid = true;
    value.dataTime = in.time("dataTime");
    value.classes = intMapFrom(in, "classes");
    value.overallClass = int(in.integer("overallClass"));
    value.targetClass = int(in.integer("targetClass", false));
    value.meetsTarget = in.boolean("meetsTarget", true);
    return finish(in, error);
}

QJsonObject JhJsonMapping::toJson(const JhNoiseJudgement &value)
{
    return {{"dataTime", JhTime::toText(value.dataTime)},
            {"factorCode", value.factorCode},
            {"leq", value.leq},
            {"zone", value.zone},
            {"period", value.night ? QStringLiteral("night") : QStringLiteral("day")},
            {"limit", value.limit},
            {"exceeded", value.exceeded}};
}

bool JhJsonMapping::fromJson(const QJsonObject &json, JhNoiseJudgement &value, JhProtocolError *error)
{
    Reader in(json, "noise", error);
    value.valid = true;
    value.dataTime = in.time("dataTime");
    value.factorCode = in.text("factorCode");
    value.leq = in.number("leq");
    value.zone = in.text("zone");
    const QString period = in.text("period");
    value.night = period == QLatin1String("night");
    if (in.isOk() && !value.night && period != QLatin1String("day"))
        in.fail(Code::InvalidField, "period", "day or night");
    value.limit = in.number("limit");
    value.exceeded = in.boolean("exceeded", true);
    return finish(in, error);
}

QJsonObject JhJsonMapping::toJson(const JhSourceJudgement &value)
{
    return {{"dataTime", JhTime::toText(value.dataTime)},
            {"factorCode", value.factorCode},
            {"value", value.value},
            {"limit", value.limit},
            {"ratio", value.ratio},
            {"exceeded", value.exceeded}};
}

bool JhJsonMapping::fromJson(const QJsonObject &json, JhSourceJudgement &value, JhProtocolError *error)
{
    Reader in(json, "source", error);
    value.valid = true;
    value.dataTime = in.time("dataTime");
    value.factorCode = in.text("factorCode");
    value.value = in.number("value");
    value.limit = in.number("limit");
    value.ratio = in.number("ratio");
    value.exceeded = in.boolean("exceeded", true);
    return finish(in, error);
}

QJsonObject JhJsonMapping::toJson(const JhSiteStatus &value)
{
    QJsonObject json{{"siteId", value.siteId},
                     {"state", JhEnumNames::code(value.state)},
                     {"lastDataAt", JhTime::toText(value.lastDataAt)},
                     {"offlineSince", JhTime::toText(value.offlineSince)},
                     {"factors", toArray(value.factors)},
                     {"openAlarms", value.openAlarms},
                     {"acknowledgedAlarms", value.acknowledgedAlarms},
                     {"revision", value.revision}};
    if (value.hasOpenAlarm)
        json.insert(QStringLiteral("worstLevel"), JhEnumNames::code(value.worstLevel));
    if (value.air.valid)
        json.insert(QStringLiteral("air"), toJson(value.air));
    if (value.water.valid)
        json.insert(QStringLiteral("water"), toJson(value.water));
    if (value.noise.valid)
        json.insert(QStringLiteral("noise"), toJson(value.noise));
    if (value.source.valid)
        json.insert(QStringLiteral("source"), toJson(value.source));
    return json;
}

bool JhJsonMapping::fromJson(const QJsonObject &json, JhSiteStatus &value, JhProtocolError *error)
{
    Reader in(json, "siteStatus", error);
    value = JhSiteStatus();
    value.siteId = in.text("siteId");
    value.state = in.enumeration("state", JhSiteState::NeverReported);
    value.lastDataAt = in.time("lastDataAt", false);
    value.offlineSince = in.time("offlineSince", false);
    value.factors = in.list<JhFactorStatus>("factors");
    value.openAlarms = int(in.integer("openAlarms"));
    value.acknowledgedAlarms = int(in.integer("acknowledgedAlarms", false));
    value.hasOpenAlarm = in.has("worstLevel");
    value.worstLevel = in.enumeration("worstLevel", JhAlarmLevel::Notice, false);
    value.revision = in.integer("revision");
    // The judgement objects: decoded with their own mapping, errors prefixed with the field.
    const struct
    {
        const char *key;
        std::function<bool(const QJsonObject &, JhProtocolError *)> read;
    } parts[] = {
        {"air", [&](const QJsonObject &o, JhProtocolError *e) { return fromJson(o, value.air, e); }},
        {"water", [&](const QJsonObject &o, JhProtocolError *e) { return fromJson(o, value.water, e); }},
        {"noise", [&](const QJsonObject &o, JhProtocolError *e) { return fromJson(o, value.noise, e); }},
        {"source", [&](const QJsonObject &o, JhProtocolError *e) { return fromJson(o, value.source, e); }},
    };
    for (const auto &part : parts) {
        if (!in.isOk() || !in.has(part.key))
            continue;
        const QJsonObject object = in.object(part.key);
        JhProtocolError inner;
        if (in.isOk() && !part.read(object, &inner)) {
            if (error) {
                error->code = inner.code;
                error->message = QStringLiteral("siteStatus.%1").arg(inner.message);
            }
            return false;
        }
    }
    return finish(in, error);
}

// --- operational objects --------------------------------------------------------------------------
