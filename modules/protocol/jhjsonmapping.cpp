// JSON mapping of the domain types: one toJson/fromJson pair per type, sharing one field reader.
#include "jhjsonmapping.h"

#include "jhjsonreader.h"

using namespace JhJsonInternal;

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
