// JSON mapping of the domain types: one toJson/fromJson pair per type, sharing one field reader.
#include "jhjsonmapping.h"

#include "jhenumnames.h"
#include "jhtime.h"

#include <QJsonArray>

#include <functional>

namespace {
using Code = JhProtocolError::Code;

//! Reads typed fields and records the first problem as "<context>.<field>: <what>".
class Reader
{
public:
    Reader(const QJsonObject &json, const char *context, JhProtocolError *error)
        : mJson(json), mContext(QLatin1String(context)), mError(error)
    {}

    bool has(const char *key) const { return mJson.contains(QLatin1String(key)); }

    QString text(const char *key, bool required = true)
    {
        const QJsonValue value = mJson.value(QLatin1String(key));
        if (value.isString())
            return value.toString();
        check(key, value, required, "a string");
        return QString();
    }

    double number(const char *key, bool required = true)
    {
        const QJsonValue value = mJson.value(QLatin1String(key));
        if (value.isDouble())
            return value.toDouble();
        check(key, value, required, "a number");
        return 0;
    }

    qint64 integer(const char *key, bool required = true)
    {
        const QJsonValue value = mJson.value(QLatin1String(key));
        if (value.isDouble() && value.toDouble() == double(qint64(value.toDouble())))
            return qint64(value.toDouble());
        check(key, value, required, "an integer");
        return 0;
    }

    bool boolean(const char *key, bool required = false)
    {
        const QJsonValue value = mJson.value(QLatin1String(key));
        if (value.isBool())
            return value.toBool();
        check(key, value, required, "true or false");
        return false;
    }

    QDateTime time(const char *key, bool required = true)
    {
        const QJsonValue value = mJson.value(QLatin1String(key));
        if (value.isString()) {
            const QDateTime result = JhTime::fromText(value.toString());
            if (result.isValid())
                return result;
            if (value.toString().isEmpty() && !required)
                return QDateTime();
            fail(Code::InvalidField, key, "an ISO 8601 time");
            return QDateTime();
        }
        check(key, value, required, "an ISO 8601 time");
        return QDateTime();
    }

    QJsonObject object(const char *key, bool required = true)
    {
        const QJsonValue value = mJson.value(QLatin1String(key));
        if (value.isObject())
            return value.toObject();
        check(key, value, required, "an object");
        return QJsonObject();
    }

    QJsonArray array(const char *key, bool required = true)
    {
        const QJsonValue value = mJson.value(QLatin1String(key));
        if (value.isArray())
            return value.toArray();
        check(key, value, required, "an array");
        return QJsonArray();
    }

    QStringList strings(const char *key, bool required = false)
    {
        QStringList result;
        const QJsonArray values = array(key, required);
        for (const QJsonValue &value : values) {
            if (!value.isString())
                fail(Code::InvalidField, key, "an array of strings");
            result.append(value.toString());
        }
        return result;
    }

    template <typename Enum>
    Enum enumeration(const char *key, Enum fallback, bool required = true)
    {
        const QJsonValue value = mJson.value(QLatin1String(key));
        if (value.isUndefined() && !required)
            return fallback;
        Enum result = fallback;
        if (!JhEnumNames::parse(value.toString(), result))
            value.isUndefined() ? fail(Code::MissingField, key, "missing")
                                : fail(Code::InvalidField, key, "a known code");
        return result;
    }

    //! Decodes each element of an array field with JhJsonMapping::fromJson.
    template <typename Type>
    QList<Type> list(const char *key, bool required = false)
    {
        QList<Type> result;
        const QJsonArray values = array(key, required);
        for (int i = 0; i < values.size() && isOk(); ++i) {
            Type element;
            JhProtocolError inner;
            if (!values.at(i).isObject()) {
                fail(Code::InvalidField, key, "an array of objects");
            } else if (!JhJsonMapping::fromJson(values.at(i).toObject(), element, &inner)) {
                setError(inner.code, QStringLiteral("%1.%2[%3].%4")
                                         .arg(mContext, QLatin1String(key))
                                         .arg(i)
                                         .arg(inner.message));
            }
            result.append(element);
        }
        return result;
    }

    void fail(Code code, const char *key, const char *what)
    {
        if (mOk && mError)
            mError->field = QLatin1String(key);
        if (code == Code::InvalidField)
            setError(
                code,
                QStringLiteral("%1.%2: must be %3").arg(mContext, QLatin1String(key), QLatin1String(what)));
        else
            setError(code, QStringLiteral("%1.%2: missing").arg(mContext, QLatin1String(key)));
    }

    bool isOk() const { return mOk; }

private:
    void check(const char *key, const QJsonValue &value, bool required, const char *what)
    {
        if (value.isUndefined()) {
            if (required)
                fail(Code::MissingField, key, what);
        } else if (!value.isNull() || required) {
            fail(Code::InvalidField, key, what);
        }
    }

    void setError(Code code, const QString &message)
    {
        if (!mOk)
            return;
        mOk = false;
        if (mError) {
            mError->code = code;
            mError->message = message;
        }
    }

    QJsonObject mJson;
    QString mContext;
    JhProtocolError *mError;
    bool mOk = true;
};

template <typename Type>
QJsonArray toArray(const QList<Type> &values)
{
    QJsonArray result;
    for (const Type &value : values)
        result.append(JhJsonMapping::toJson(value));
    return result;
}

template <typename Map>
QJsonArray mapToArray(const Map &values)
{
    QJsonArray result;
    for (const auto &value : values)
        result.append(JhJsonMapping::toJson(value));
    return result;
}

bool finish(Reader &in, JhProtocolError *error)
{
    if (in.isOk() && error)
        *error = JhProtocolError();
    return in.isOk();
}
} // namespace

// --- reference data ------------------------------------------------------------------------------

QJsonObject JhJsonMapping::toJson(const JhPermittedLimit &value)
{
    return {{"factorCode", value.factorCode}, {"limit", value.limit}, {"unit", value.unit}};
}

bool JhJsonMapping::fromJson(const QJsonObject &json, JhPermittedLimit &value, JhProtocolError *error)
{
    Reader in(json, "permittedLimit", error);
    value.factorCode = in.text("factorCode");
    value.limit = in.number("limit");
    value.unit = in.text("unit", false);
    return finish(in, error);
}

QJsonObject JhJsonMapping::toJson(const JhSite &value)
{
    return {{"id", value.id},
            {"name", value.name},
            {"kind", JhEnumNames::code(value.kind)},
            {"stationCode", value.stationCode},
            {"network", value.network},
            {"countyCode", value.countyCode},
            {"longitude", value.longitude},
            {"latitude", value.latitude},
            {"mn", value.mn},
            {"password", value.password},
            {"protocolVersion", JhEnumNames::code(value.protocolVersion)},
            {"waterTargetClass", value.waterTargetClass},
            {"waterBody", JhEnumNames::code(value.waterBody)},
            {"noiseZone", value.noiseZone},
            {"parkId", value.parkId},
            {"factorCodes", QJsonArray::fromStringList(value.factorCodes)},
            {"permittedLimits", toArray(value.permittedLimits)},
            {"approximateLocation", value.approximateLocation}};
}

bool JhJsonMapping::fromJson(const QJsonObject &json, JhSite &value, JhProtocolError *error)
{
    Reader in(json, "site", error);
    value.id = in.text("id");
    value.name = in.text("name");
    value.kind = in.enumeration("kind", JhSiteKind::AirTownship);
    value.stationCode = in.text("stationCode", false);
    value.network = in.text("network", false);
    value.countyCode = int(in.integer("countyCode"));
    value.longitude = in.number("longitude");
    value.latitude = in.number("latitude");
    value.mn = in.text("mn");
    value.password = in.text("password", false);
    value.protocolVersion = in.enumeration("protocolVersion", JhHj212Version::V2017, false);
    value.waterTargetClass = int(in.integer("waterTargetClass", false));
    value.waterBody = in.enumeration("waterBody", JhWaterBodyType::None, false);
    value.noiseZone = in.text("noiseZone", false);
    value.parkId = in.text("parkId", false);
    value.factorCodes = in.strings("factorCodes");
    value.permittedLimits = in.list<JhPermittedLimit>("permittedLimits");
    value.approximateLocation = in.boolean("approximateLocation");
    if (in.isOk() && value.mn.size() != 24)
        in.fail(Code::InvalidField, "mn", "24 characters");
    if (in.isOk() && (value.waterTargetClass < 0 || value.waterTargetClass > 6))
        in.fail(Code::InvalidField, "waterTargetClass", "0..6");
    return finish(in, error);
}

QJsonObject JhJsonMapping::toJson(const JhFactor &value)
{
    return {{"code", value.code},
            {"legacyCode", value.legacyCode},
            {"nameZh", value.nameZh},
            {"nameEn", value.nameEn},
            {"unit", value.unit}};
}

bool JhJsonMapping::fromJson(const QJsonObject &json, JhFactor &value, JhProtocolError *error)
{
    Reader in(json, "factor", error);
    value.code = in.text("code");
    value.legacyCode = in.text("legacyCode", false);
    value.nameZh = in.text("nameZh");
    value.nameEn = in.text("nameEn", false);
    value.unit = in.text("unit", false);
    return finish(in, error);
}

QJsonObject JhJsonMapping::toJson(const JhObservation &value)
{
    return {{"siteId", value.siteId},
            {"factorCode", value.factorCode},
            {"dataTime", JhTime::toText(value.dataTime)},
            {"interval", JhEnumNames::code(value.interval)},
            {"value", value.value},
            {"flag", value.flag}};
}

bool JhJsonMapping::fromJson(const QJsonObject &json, JhObservation &value, JhProtocolError *error)
{
    Reader in(json, "observation", error);
    value.siteId = in.text("siteId");
    value.factorCode = in.text("factorCode");
    value.dataTime = in.time("dataTime");
    value.interval = in.enumeration("interval", JhIntervalKind::Realtime);
    value.value = in.number("value");
    value.flag = in.text("flag");
    return finish(in, error);
}

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

QJsonObject JhJsonMapping::toJson(const JhAlarm &value)
{
    return {{"id", value.id},
            {"siteId", value.siteId},
            {"factorCode", value.factorCode},
            {"ruleId", value.ruleId},
            {"level", JhEnumNames::code(value.level)},
            {"state", JhEnumNames::code(value.state)},
            {"value", value.value},
            {"message", value.message},
            {"openedAt", JhTime::toText(value.openedAt)},
            {"updatedAt", JhTime::toText(value.updatedAt)},
            {"updatedBy", value.updatedBy},
            {"incidentId", value.incidentId},
            {"note", value.note}};
}

bool JhJsonMapping::fromJson(const QJsonObject &json, JhAlarm &value, JhProtocolError *error)
{
    Reader in(json, "alarm", error);
    value.id = in.text("id");
    value.siteId = in.text("siteId");
    value.factorCode = in.text("factorCode");
    value.ruleId = in.text("ruleId");
    value.level = in.enumeration("level", JhAlarmLevel::Warning);
    value.state = in.enumeration("state", JhAlarmState::Open);
    value.value = in.number("value");
    value.message = in.text("message", false);
    value.openedAt = in.time("openedAt");
    value.updatedAt = in.time("updatedAt");
    value.updatedBy = in.text("updatedBy", false);
    value.incidentId = in.text("incidentId", false);
    value.note = in.text("note", false);
    return finish(in, error);
}

QJsonObject JhJsonMapping::toJson(const JhIncident &value)
{
    return {{"id", value.id},
            {"title", value.title},
            {"type", JhEnumNames::code(value.type)},
            {"level", JhEnumNames::code(value.level)},
            {"status", JhEnumNames::code(value.status)},
            {"longitude", value.longitude},
            {"latitude", value.latitude},
            {"countyCode", value.countyCode},
            {"location", value.location},
            {"description", value.description},
            {"alarmIds", QJsonArray::fromStringList(value.alarmIds)},
            {"openedAt", JhTime::toText(value.openedAt)},
            {"updatedAt", JhTime::toText(value.updatedAt)},
            {"createdBy", value.createdBy},
            {"updatedBy", value.updatedBy},
            {"summary", value.summary}};
}

bool JhJsonMapping::fromJson(const QJsonObject &json, JhIncident &value, JhProtocolError *error)
{
    Reader in(json, "incident", error);
    value.id = in.text("id");
    value.title = in.text("title");
    value.type = in.enumeration("type", JhIncidentType::Other);
    value.level = in.enumeration("level", JhIncidentLevel::IV);
    value.status = in.enumeration("status", JhIncidentStatus::Open);
    value.longitude = in.number("longitude");
    value.latitude = in.number("latitude");
    value.countyCode = int(in.integer("countyCode", false));
    value.location = in.text("location", false);
    value.description = in.text("description", false);
    value.alarmIds = in.strings("alarmIds");
    value.openedAt = in.time("openedAt");
    value.updatedAt = in.time("updatedAt");
    value.createdBy = in.text("createdBy", false);
    value.updatedBy = in.text("updatedBy", false);
    value.summary = in.text("summary", false);
    return finish(in, error);
}

QJsonObject JhJsonMapping::toJson(const JhCountyTeam &value)
{
    QJsonArray counties;
    for (int code : value.countyCodes)
        counties.append(code);
    return {{"id", value.id},
            {"name", value.name},
            {"countyCodes", counties},
            {"longitude", value.longitude},
            {"latitude", value.latitude},
            {"status", JhEnumNames::code(value.status)},
            {"statusNote", value.statusNote},
            {"statusChangedAt", JhTime::toText(value.statusChangedAt)}};
}

bool JhJsonMapping::fromJson(const QJsonObject &json, JhCountyTeam &value, JhProtocolError *error)
{
    Reader in(json, "team", error);
    value.id = in.text("id");
    value.name = in.text("name");
    value.countyCodes.clear();
    const QJsonArray counties = in.array("countyCodes");
    for (const QJsonValue &code : counties) {
        if (!code.isDouble())
            in.fail(Code::InvalidField, "countyCodes", "an array of integers");
        value.countyCodes.append(code.toInt());
    }
    value.longitude = in.number("longitude");
    value.latitude = in.number("latitude");
    value.status = in.enumeration("status", JhTeamStatus::Available, false);
    value.statusNote = in.text("statusNote", false);
    value.statusChangedAt = in.time("statusChangedAt", false);
    return finish(in, error);
}

QJsonObject JhJsonMapping::toJson(const JhTaskReport &value)
{
    QJsonObject json{{"time", JhTime::toText(value.time)},
                     {"author", value.author},
                     {"state", JhEnumNames::code(value.state)},
                     {"text", value.text}};
    if (value.hasPosition) {
        json.insert(QStringLiteral("longitude"), value.longitude);
        json.insert(QStringLiteral("latitude"), value.latitude);
    }
    return json;
}

bool JhJsonMapping::fromJson(const QJsonObject &json, JhTaskReport &value, JhProtocolError *error)
{
    Reader in(json, "taskReport", error);
    value.time = in.time("time");
    value.author = in.text("author");
    value.state = in.enumeration("state", JhTaskState::Assigned);
    value.text = in.text("text", false);
    value.hasPosition = in.has("longitude") || in.has("latitude");
    value.longitude = value.hasPosition ? in.number("longitude") : 0.0;
    value.latitude = value.hasPosition ? in.number("latitude") : 0.0;
    return finish(in, error);
}

QJsonObject JhJsonMapping::toJson(const JhTask &value)
{
    return {{"id", value.id},
            {"incidentId", value.incidentId},
            {"teamId", value.teamId},
            {"title", value.title},
            {"instructions", value.instructions},
            {"state", JhEnumNames::code(value.state)},
            {"createdAt", JhTime::toText(value.createdAt)},
            {"updatedAt", JhTime::toText(value.updatedAt)},
            {"assignedBy", value.assignedBy},
            {"cancelReason", value.cancelReason},
            {"reports", toArray(value.reports)}};
}

bool JhJsonMapping::fromJson(const QJsonObject &json, JhTask &value, JhProtocolError *error)
{
    Reader in(json, "task", error);
    value.id = in.text("id");
    value.incidentId = in.text("incidentId");
    value.teamId = in.text("teamId");
    value.title = in.text("title");
    value.instructions = in.text("instructions", false);
    value.state = in.enumeration("state", JhTaskState::Assigned);
    value.createdAt = in.time("createdAt");
    value.updatedAt = in.time("updatedAt");
    value.assignedBy = in.text("assignedBy", false);
    value.cancelReason = in.text("cancelReason", false);
    value.reports = in.list<JhTaskReport>("reports");
    return finish(in, error);
}

QJsonObject JhJsonMapping::toJson(const JhCatalogueItem &value)
{
    return {{"code", value.code},
            {"name", value.name},
            {"category", JhEnumNames::code(value.category)},
            {"unit", value.unit}};
}

bool JhJsonMapping::fromJson(const QJsonObject &json, JhCatalogueItem &value, JhProtocolError *error)
{
    Reader in(json, "catalogueItem", error);
    value.code = in.text("code");
    value.name = in.text("name");
    value.category = in.enumeration("category", JhItemCategory::Material);
    value.unit = in.text("unit");
    return finish(in, error);
}

QJsonObject JhJsonMapping::toJson(const JhInventoryItem &value)
{
    QJsonObject reservations;
    for (auto it = value.reservations.cbegin(); it != value.reservations.cend(); ++it)
        reservations.insert(it.key(), it.value());
    return {{"itemCode", value.itemCode},
            {"quantity", value.quantity},
            {"reserved", value.reserved},
            {"reservations", reservations},
            {"minimumStock", value.minimumStock}};
}

bool JhJsonMapping::fromJson(const QJsonObject &json, JhInventoryItem &value, JhProtocolError *error)
{
    Reader in(json, "inventoryItem", error);
    value.itemCode = in.text("itemCode");
    value.quantity = in.number("quantity");
    value.reserved = in.number("reserved", false);
    value.minimumStock = in.number("minimumStock", false);
    value.reservations.clear();
    const QJsonObject reservations = json.value(QStringLiteral("reservations")).toObject();
    for (auto it = reservations.constBegin(); it != reservations.constEnd(); ++it)
        value.reservations.insert(it.key(), it.value().toDouble());
    return finish(in, error);
}

QJsonObject JhJsonMapping::toJson(const JhDepot &value)
{
    return {{"id", value.id},
            {"name", value.name},
            {"countyCode", value.countyCode},
            {"teamId", value.teamId},
            {"longitude", value.longitude},
            {"latitude", value.latitude},
            {"inventory", toArray(value.inventory)}};
}

bool JhJsonMapping::fromJson(const QJsonObject &json, JhDepot &value, JhProtocolError *error)
{
    Reader in(json, "depot", error);
    value.id = in.text("id");
    value.name = in.text("name");
    value.countyCode = int(in.integer("countyCode"));
    value.teamId = in.text("teamId", false);
    value.longitude = in.number("longitude");
    value.latitude = in.number("latitude");
    value.inventory = in.list<JhInventoryItem>("inventory");
    return finish(in, error);
}

QJsonObject JhJsonMapping::toJson(const JhUser &value)
{
    return {{"id", value.id},
            {"displayName", value.displayName},
            {"role", JhEnumNames::code(value.role)},
            {"teamId", value.teamId}};
}

bool JhJsonMapping::fromJson(const QJsonObject &json, JhUser &value, JhProtocolError *error)
{
    Reader in(json, "user", error);
    value.id = in.text("id");
    value.displayName = in.text("displayName", false);
    value.role = in.enumeration("role", JhRole::Viewer);
    value.teamId = in.text("teamId", false);
    if (in.isOk() && value.role == JhRole::CountyTeam && value.teamId.isEmpty())
        in.fail(Code::MissingField, "teamId", "missing");
    return finish(in, error);
}

QJsonObject JhJsonMapping::toJson(const JhIndustrialPark &value)
{
    return {{"id", value.id},
            {"name", value.name},
            {"countyCode", value.countyCode},
            {"longitude", value.longitude},
            {"latitude", value.latitude},
            {"chemical", value.chemical},
            {"approximate", value.approximate}};
}

bool JhJsonMapping::fromJson(const QJsonObject &json, JhIndustrialPark &value, JhProtocolError *error)
{
    Reader in(json, "park", error);
    value.id = in.text("id");
    value.name = in.text("name");
    value.countyCode = int(in.integer("countyCode"));
    value.longitude = in.number("longitude");
    value.latitude = in.number("latitude");
    value.chemical = in.boolean("chemical");
    value.approximate = in.boolean("approximate");
    return finish(in, error);
}

// --- commands and events --------------------------------------------------------------------------

QJsonObject JhJsonMapping::toJson(const JhCommand &value)
{
    return {{"id", value.id},
            {"type", JhEnumNames::code(value.type)},
            {"userId", value.userId},
            {"issuedAt", JhTime::toText(value.issuedAt)},
            {"payload", value.payload}};
}

bool JhJsonMapping::fromJson(const QJsonObject &json, JhCommand &value, JhProtocolError *error)
{
    Reader in(json, "command", error);
    value.id = in.text("id");
    value.type = in.enumeration("type", JhCommandType::AcknowledgeAlarm);
    value.userId = in.text("userId");
    value.issuedAt = in.time("issuedAt");
    value.payload = in.object("payload");
    if (in.isOk() && value.id.trimmed().isEmpty())
        in.fail(Code::InvalidField, "id", "a non-empty UUID");
    return finish(in, error);
}

QJsonObject JhJsonMapping::toJson(const JhEvent &value)
{
    QJsonObject json{{"seq", value.sequence},
                     {"type", JhEnumNames::code(value.type)},
                     {"time", JhTime::toText(value.time)},
                     {"actor", value.actor},
                     {"payload", value.payload}};
    if (!value.commandId.isEmpty())
        json.insert(QStringLiteral("commandId"), value.commandId);
    return json;
}

bool JhJsonMapping::fromJson(const QJsonObject &json, JhEvent &value, JhProtocolError *error)
{
    Reader in(json, "event", error);
    value.sequence = in.integer("seq");
    value.type = in.enumeration("type", JhEventType::AlarmOpened);
    value.time = in.time("time");
    value.actor = in.text("actor");
    value.commandId = in.text("commandId", false);
    value.payload = in.object("payload");
    if (in.isOk() && value.sequence < 0)
        in.fail(Code::InvalidField, "seq", "zero or positive");
    return finish(in, error);
}

QJsonObject JhJsonMapping::toJson(const JhCommandResult &value)
{
    return {{"commandId", value.commandId},
            {"ok", value.isOk()},
            {"error", JhDomainErrors::code(value.error)},
            {"messageZh", value.messageZh},
            {"messageEn", value.messageEn},
            {"events", toArray(value.events)}};
}

bool JhJsonMapping::fromJson(const QJsonObject &json, JhCommandResult &value, JhProtocolError *error)
{
    Reader in(json, "commandResult", error);
    value.commandId = in.text("commandId");
    const QString code = in.text("error");
    if (in.isOk() && !JhDomainErrors::parse(code, value.error))
        in.fail(Code::InvalidField, "error", "a known error code");
    value.messageZh = in.text("messageZh", false);
    value.messageEn = in.text("messageEn", false);
    value.events = in.list<JhEvent>("events");
    return finish(in, error);
}

// --- snapshot -------------------------------------------------------------------------------------

QJsonObject JhJsonMapping::toJson(const JhWorldState &value)
{
    // Logger passwords stay on the central service: every workstation, viewers included, gets snapshots.
    QJsonArray sites;
    for (const JhSite &site : value.sites()) {
        QJsonObject json = JhJsonMapping::toJson(site);
        json.remove(QStringLiteral("password"));
        sites.append(json);
    }
    return {{"lastSeq", value.lastSequence()},
            {"sites", sites},
            {"factors", mapToArray(value.factors())},
            {"teams", mapToArray(value.teams())},
            {"catalogue", mapToArray(value.catalogue())},
            {"depots", mapToArray(value.depots())},
            {"alarms", mapToArray(value.alarms())},
            {"incidents", mapToArray(value.incidents())},
            {"tasks", mapToArray(value.tasks())}};
}

bool JhJsonMapping::fromJson(const QJsonObject &json, JhWorldState &value, JhProtocolError *error)
{
    Reader in(json, "snapshot", error);
    JhWorldState state;
    state.setLastSequence(in.integer("lastSeq"));
    for (const JhSite &site : in.list<JhSite>("sites"))
        state.addSite(site);
    for (const JhFactor &factor : in.list<JhFactor>("factors"))
        state.addFactor(factor);
    for (const JhCountyTeam &team : in.list<JhCountyTeam>("teams"))
        state.addTeam(team);
    for (const JhCatalogueItem &item : in.list<JhCatalogueItem>("catalogue"))
        state.addCatalogueItem(item);
    for (const JhDepot &depot : in.list<JhDepot>("depots"))
        state.addDepot(depot);
    for (const JhAlarm &alarm : in.list<JhAlarm>("alarms"))
        state.addAlarm(alarm);
    for (const JhIncident &incident : in.list<JhIncident>("incidents"))
        state.addIncident(incident);
    for (const JhTask &task : in.list<JhTask>("tasks"))
        state.addTask(task);
    if (!in.isOk())
        return false;
    value = state;
    return finish(in, error);
}

// --- time-series queries --------------------------------------------------------------------------

namespace {
const char *seriesKindCode(JhSeriesQuery::Kind kind)
{
    return kind == JhSeriesQuery::Kind::Aqi ? "aqi" : "series";
}

bool parseSeriesKind(const QString &code, JhSeriesQuery::Kind &kind)
{
    if (code == QLatin1String("series"))
        kind = JhSeriesQuery::Kind::Series;
    else if (code == QLatin1String("aqi"))
        kind = JhSeriesQuery::Kind::Aqi;
    else
        return false;
    return true;
}

struct SeriesErrorRow
{
    JhSeriesResult::Error error;
    const char *code;
};

const SeriesErrorRow sSeriesErrors[] = {
    {JhSeriesResult::Error::None, "ok"},
    {JhSeriesResult::Error::InvalidQuery, "invalid-query"},
    {JhSeriesResult::Error::SiteNotFound, "site-not-found"},
    {JhSeriesResult::Error::TooManyQueries, "too-many-queries"},
    {JhSeriesResult::Error::Unavailable, "unavailable"},
};

// A series answer holds tens of thousands of instants; QDateTime's ISO formatting and parsing cost more
// than the rest of the JSON work. These write and read the same text (JhTime's UTC form,
// "2026-07-01T08:00:00.000Z") directly; any other spelling falls back to JhTime.
QString fastTimeText(const QDateTime &time)
{
    if (!time.isValid())
        return QString();
    const qint64 ms = time.toMSecsSinceEpoch();
    const qint64 dayMs = 86400000LL;
    qint64 days = ms >= 0 ? ms / dayMs : (ms - dayMs + 1) / dayMs;
    const qint64 rest = ms - days * dayMs;
    if (days < -719468 || days > 2932896) // outside years 0..9999
        return JhTime::toText(time);
    // Civil date from days since 1970-01-01 (H. Hinnant's algorithm).
    days += 719468;
    const qint64 era = days / 146097;
    const qint64 doe = days - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    const int day = int(doy - (153 * mp + 2) / 5 + 1);
    const int month = int(mp < 10 ? mp + 3 : mp - 9);
    const int year = int(yoe + era * 400 + (month <= 2 ? 1 : 0));
    char text[25];
    auto put = [&text](int at, int value, int width) {
        for (int i = width - 1; i >= 0; --i, value /= 10)
            text[at + i] = char('0' + value % 10);
    };
    put(0, year, 4);
    text[4] = '-';
    put(5, month, 2);
    text[7] = '-';
    put(8, day, 2);
    text[10] = 'T';
    put(11, int(rest / 3600000), 2);
    text[13] = ':';
    put(14, int(rest / 60000 % 60), 2);
    text[16] = ':';
    put(17, int(rest / 1000 % 60), 2);
    text[19] = '.';
    put(20, int(rest % 1000), 3);
    text[23] = 'Z';
    return QString::fromLatin1(text, 24);
}

QDateTime fastTime(const QString &text)
{
    if (text.size() == 24 && text.at(4) == QLatin1Char('-') && text.at(10) == QLatin1Char('T') &&
        text.at(19) == QLatin1Char('.') && text.at(23) == QLatin1Char('Z')) {
        int digits[24] = {};
        bool ok = true;
        for (int i : {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21, 22}) {
            const QChar c = text.at(i);
            ok = ok && c >= QLatin1Char('0') && c <= QLatin1Char('9');
            digits[i] = c.unicode() - '0';
        }
        const QDate date(digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3],
                         digits[5] * 10 + digits[6], digits[8] * 10 + digits[9]);
        const QTime clock(digits[11] * 10 + digits[12], digits[14] * 10 + digits[15],
                          digits[17] * 10 + digits[18], digits[20] * 100 + digits[21] * 10 + digits[22]);
        if (ok && date.isValid() && clock.isValid())
            return QDateTime(date, clock, Qt::UTC);
    }
    return JhTime::fromText(text);
}

//! A point is [dataTime, value] or [dataTime, value, flag]: an answer holds up to 50,000 of them, and
//! the short form halves the bytes (flag "N", valid data, is left out).
QJsonArray pointToJson(const JhSeriesResult::Point &point)
{
    QJsonArray array{fastTimeText(point.dataTime), point.value};
    if (point.flag != QLatin1String("N"))
        array.append(point.flag);
    return array;
}

bool pointFromJson(const QJsonValue &json, JhSeriesResult::Point &point)
{
    const QJsonArray array = json.toArray();
    if (!json.isArray() || array.size() < 2 || array.size() > 3 || !array.at(0).isString() ||
        !array.at(1).isDouble() || (array.size() == 3 && !array.at(2).isString()))
        return false;
    point.dataTime = fastTime(array.at(0).toString());
    point.value = array.at(1).toDouble();
    point.flag = array.size() == 3 ? array.at(2).toString() : QStringLiteral("N");
    return point.dataTime.isValid();
}

QJsonObject gapToJson(const JhSeriesResult::Gap &gap)
{
    return {{"from", JhTime::toText(gap.from)}, {"to", JhTime::toText(gap.to)}};
}

QJsonArray gapsToJson(const QList<JhSeriesResult::Gap> &gaps)
{
    QJsonArray result;
    for (const JhSeriesResult::Gap &gap : gaps)
        result.append(gapToJson(gap));
    return result;
}

QJsonObject referenceToJson(const JhSeriesResult::Reference &reference)
{
    QJsonObject json{{"kind", reference.kind == JhSeriesResult::Reference::Kind::Band ? "band" : "limit"},
                     {"standard", reference.standard},
                     {"label", reference.label},
                     {"labelZh", reference.labelZh},
                     {"unit", reference.unit}};
    // Absent numbers are left out (an open band has no upper end).
    if (!std::isnan(reference.value))
        json.insert(QStringLiteral("value"), reference.value);
    if (!std::isnan(reference.lower))
        json.insert(QStringLiteral("lower"), reference.lower);
    if (!std::isnan(reference.upper))
        json.insert(QStringLiteral("upper"), reference.upper);
    if (!reference.period.isEmpty())
        json.insert(QStringLiteral("period"), reference.period);
    if (reference.target)
        json.insert(QStringLiteral("target"), true);
    if (reference.from.isValid())
        json.insert(QStringLiteral("from"), JhTime::toText(reference.from));
    if (reference.to.isValid())
        json.insert(QStringLiteral("to"), JhTime::toText(reference.to));
    return json;
}

//! Decodes an array of objects with \a decode(reader, element), naming "<context>.<key>[i]" on failure.
template <typename Type, typename Decode>
QList<Type> seriesList(Reader &outer, const char *key, const char *context, Decode decode)
{
    QList<Type> result;
    const QJsonArray values = outer.array(key, false);
    for (int i = 0; i < values.size() && outer.isOk(); ++i) {
        if (!values.at(i).isObject()) {
            outer.fail(Code::InvalidField, key, "an array of objects");
            break;
        }
        JhProtocolError inner;
        Reader in(values.at(i).toObject(), context, &inner);
        Type element;
        decode(in, element);
        if (!in.isOk()) {
            outer.fail(inner.code, key, "valid elements");
            break;
        }
        result.append(element);
    }
    return result;
}

void gapFromJson(Reader &in, JhSeriesResult::Gap &gap)
{
    gap.from = in.time("from");
    gap.to = in.time("to");
}

double optionalNumber(Reader &in, const char *key)
{
    return in.has(key) ? in.number(key) : std::numeric_limits<double>::quiet_NaN();
}

void referenceFromJson(Reader &in, JhSeriesResult::Reference &reference)
{
    const QString kind = in.text("kind");
    if (kind == QLatin1String("band"))
        reference.kind = JhSeriesResult::Reference::Kind::Band;
    else if (kind == QLatin1String("limit"))
        reference.kind = JhSeriesResult::Reference::Kind::Limit;
    else if (in.isOk())
        in.fail(Code::InvalidField, "kind", "limit or band");
    reference.standard = in.text("standard", false);
    reference.label = in.text("label", false);
    reference.labelZh = in.text("labelZh", false);
    reference.unit = in.text("unit", false);
    reference.value = optionalNumber(in, "value");
    reference.lower = optionalNumber(in, "lower");
    reference.upper = optionalNumber(in, "upper");
    reference.period = in.text("period", false);
    reference.target = in.boolean("target");
    reference.from = in.time("from", false);
    reference.to = in.time("to", false);
}

void factorFromJson(Reader &in, JhSeriesResult::Factor &factor)
{
    factor.factorCode = in.text("factorCode");
    factor.unit = in.text("unit", false);
    factor.storedPoints = int(in.integer("storedPoints", false));
    factor.downsampled = in.boolean("downsampled");
    factor.bucketSeconds = in.integer("bucketSeconds", false);
    factor.expectedIntervalSeconds = in.integer("expectedIntervalSeconds", false);
    const QJsonArray points = in.array("points", false);
    factor.points.reserve(points.size());
    for (const QJsonValue &value : points) {
        JhSeriesResult::Point point;
        if (!pointFromJson(value, point)) {
            in.fail(Code::InvalidField, "points", "an array of [dataTime, value] or [dataTime, value, flag]");
            break;
        }
        factor.points.append(point);
    }
    factor.gaps = seriesList<JhSeriesResult::Gap>(in, "gaps", "gap", gapFromJson);
    factor.references = seriesList<JhSeriesResult::Reference>(in, "limits", "limit", referenceFromJson);
}

void aqiHourFromJson(Reader &in, JhSeriesResult::AqiHour &hour)
{
    hour.dataTime = in.time("dataTime");
    hour.hasAqi = in.has("aqi");
    hour.aqi = hour.hasAqi ? int(in.integer("aqi")) : 0;
    hour.computedAqi = int(in.integer("computedAqi", false));
    hour.level = int(in.integer("level", false));
    hour.categoryZh = in.text("categoryZh", false);
    hour.categoryEn = in.text("categoryEn", false);
    hour.colour = in.text("colour", false);
    hour.primaryPollutants = in.strings("primaryPollutants");
    hour.complete = in.boolean("complete");
    hour.standard = in.text("standard", false);
}
} // namespace

QJsonObject JhJsonMapping::toJson(const JhSeriesQuery &value)
{
    return {{"id", value.id},
            {"kind", seriesKindCode(value.kind)},
            {"siteId", value.siteId},
            {"factorCodes", QJsonArray::fromStringList(value.factorCodes)},
            {"interval", JhEnumNames::code(value.interval)},
            {"from", JhTime::toText(value.from)},
            {"to", JhTime::toText(value.to)},
            {"maxPoints", value.maxPoints}};
}

bool JhJsonMapping::fromJson(const QJsonObject &json, JhSeriesQuery &value, JhProtocolError *error)
{
    Reader in(json, "query", error);
    value.id = in.text("id");
    if (in.isOk() && value.id.trimmed().isEmpty())
        in.fail(Code::InvalidField, "id", "a non-empty id");
    value.kind = JhSeriesQuery::Kind::Series;
    const QString kind = in.text("kind", false);
    if (in.isOk() && !kind.isEmpty() && !parseSeriesKind(kind, value.kind))
        in.fail(Code::InvalidField, "kind", "series or aqi");
    value.siteId = in.text("siteId");
    value.factorCodes = in.strings("factorCodes");
    value.interval = in.enumeration("interval", JhIntervalKind::Hour);
    value.from = in.time("from");
    value.to = in.time("to");
    value.maxPoints = int(in.integer("maxPoints", false));
    return finish(in, error);
}

QJsonObject JhJsonMapping::toJson(const JhSeriesResult &value)
{
    QString code;
    for (const SeriesErrorRow &row : sSeriesErrors)
        if (row.error == value.error)
            code = QString::fromLatin1(row.code);
    QJsonObject json{{"queryId", value.queryId},
                     {"ok", value.isOk()},
                     {"error", code},
                     {"messageZh", value.messageZh},
                     {"messageEn", value.messageEn}};
    if (!value.field.isEmpty())
        json.insert(QStringLiteral("field"), value.field);
    if (!value.isOk())
        return json;
    json.insert(QStringLiteral("kind"), seriesKindCode(value.kind));
    json.insert(QStringLiteral("siteId"), value.siteId);
    json.insert(QStringLiteral("interval"), JhEnumNames::code(value.interval));
    json.insert(QStringLiteral("from"), JhTime::toText(value.from));
    json.insert(QStringLiteral("to"), JhTime::toText(value.to));
    if (value.kind == JhSeriesQuery::Kind::Aqi) {
        QJsonArray hours;
        for (const JhSeriesResult::AqiHour &hour : value.aqi) {
            QJsonObject h{{"dataTime", JhTime::toText(hour.dataTime)},
                          {"computedAqi", hour.computedAqi},
                          {"level", hour.level},
                          {"categoryZh", hour.categoryZh},
                          {"categoryEn", hour.categoryEn},
                          {"colour", hour.colour},
                          {"primaryPollutants", QJsonArray::fromStringList(hour.primaryPollutants)},
                          {"complete", hour.complete},
                          {"standard", hour.standard}};
            if (hour.hasAqi)
                h.insert(QStringLiteral("aqi"), hour.aqi);
            hours.append(h);
        }
        json.insert(QStringLiteral("aqi"), hours);
        json.insert(QStringLiteral("gaps"), gapsToJson(value.aqiGaps));
        return json;
    }
    QJsonArray factors;
    for (const JhSeriesResult::Factor &factor : value.factors) {
        QJsonArray points;
        for (const JhSeriesResult::Point &point : factor.points)
            points.append(pointToJson(point));
        QJsonArray references;
        for (const JhSeriesResult::Reference &reference : factor.references)
            references.append(referenceToJson(reference));
        QJsonObject f{{"factorCode", factor.factorCode},
                      {"unit", factor.unit},
                      {"storedPoints", factor.storedPoints},
                      {"downsampled", factor.downsampled},
                      {"expectedIntervalSeconds", factor.expectedIntervalSeconds},
                      {"points", points},
                      {"gaps", gapsToJson(factor.gaps)},
                      {"limits", references}};
        if (factor.downsampled)
            f.insert(QStringLiteral("bucketSeconds"), factor.bucketSeconds);
        factors.append(f);
    }
    json.insert(QStringLiteral("factors"), factors);
    return json;
}

bool JhJsonMapping::fromJson(const QJsonObject &json, JhSeriesResult &value, JhProtocolError *error)
{
    Reader in(json, "queryResult", error);
    JhSeriesResult result;
    result.queryId = in.text("queryId", false);
    const QString code = in.text("error");
    bool known = false;
    for (const SeriesErrorRow &row : sSeriesErrors)
        if (code == QLatin1String(row.code)) {
            result.error = row.error;
            known = true;
        }
    if (in.isOk() && !known)
        in.fail(Code::InvalidField, "error", "a known error code");
    result.field = in.text("field", false);
    result.messageZh = in.text("messageZh", false);
    result.messageEn = in.text("messageEn", false);
    if (in.isOk() && result.isOk()) {
        if (!parseSeriesKind(in.text("kind"), result.kind) && in.isOk())
            in.fail(Code::InvalidField, "kind", "series or aqi");
        result.siteId = in.text("siteId");
        result.interval = in.enumeration("interval", JhIntervalKind::Hour);
        result.from = in.time("from");
        result.to = in.time("to");
        if (result.kind == JhSeriesQuery::Kind::Aqi) {
            result.aqi = seriesList<JhSeriesResult::AqiHour>(in, "aqi", "aqiHour", aqiHourFromJson);
            result.aqiGaps = seriesList<JhSeriesResult::Gap>(in, "gaps", "gap", gapFromJson);
        } else {
            result.factors = seriesList<JhSeriesResult::Factor>(in, "factors", "factor", factorFromJson);
        }
    }
    if (!in.isOk())
        return false;
    value = result;
    return finish(in, error);
}
