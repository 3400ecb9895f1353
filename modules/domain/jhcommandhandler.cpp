// Command decisions: state checks per command type and the events each produces.
#include "jhcommandhandler.h"

#include "jhcommandvalidator.h"
#include "jhenumnames.h"
#include "jhtime.h"
#include "jhworldstate.h"

#include <QJsonArray>

#include <cmath>

namespace {
const QString sSystemActor = QStringLiteral("system");

//! Small reader over a command payload that records the first missing/invalid field.
class PayloadReader
{
public:
    explicit PayloadReader(const QJsonObject &payload) : mPayload(payload) {}

    bool has(const char *key) const { return mPayload.contains(QLatin1String(key)); }

    //! Strings of an array field (non-strings are an error).
    QStringList strings(const char *key)
    {
        QStringList result;
        const QJsonValue value = mPayload.value(QLatin1String(key));
        if (!value.isUndefined() && !value.isArray())
            markBad(key);
        const QJsonArray array = value.toArray();
        for (const QJsonValue &element : array) {
            if (!element.isString())
                markBad(key);
            result.append(element.toString());
        }
        return result;
    }

    QString text(const char *key, bool required = true)
    {
        const QString value = mPayload.value(QLatin1String(key)).toString();
        if (required && value.trimmed().isEmpty())
            markBad(key);
        return value;
    }

    double number(const char *key, bool required = true)
    {
        const QJsonValue value = mPayload.value(QLatin1String(key));
        const bool ok = value.isDouble();
        const double result = value.toDouble();
        if ((required || !value.isUndefined()) && (!ok || !std::isfinite(result))) {
            markBad(key);
            return 0;
        }
        return result;
    }

    int integer(const char *key)
    {
        const QJsonValue value = mPayload.value(QLatin1String(key));
        if (!value.isUndefined() && !value.isDouble())
            markBad(key);
        return value.toInt();
    }

    //! A strictly positive quantity.
    double quantity(const char *key)
    {
        const double value = number(key);
        if (value <= 0)
            markBad(key);
        return value;
    }

    template <typename Enum>
    Enum enumeration(const char *key, Enum fallback, bool required = true)
    {
        const QJsonValue value = mPayload.value(QLatin1String(key));
        if (value.isUndefined() && !required)
            return fallback;
        Enum result = fallback;
        if (!JhEnumNames::parse(value.toString(), result))
            markBad(key);
        return result;
    }

    bool isOk() const { return mBadField.isEmpty(); }
    QString badField() const { return mBadField; }

private:
    void markBad(const char *key)
    {
        if (mBadField.isEmpty())
            mBadField = QLatin1String(key);
    }

    const QJsonObject &mPayload;
    QString mBadField;
};

class Builder
{
public:
    Builder(const JhCommand &command, const JhUser &user, const QDateTime &now)
        : mCommand(command), mUser(user), mNow(now)
    {
        mResult.commandId = command.id;
        mResult.messageZh = JhDomainErrors::messageZh(JhDomainError::None);
        mResult.messageEn = JhDomainErrors::messageEn(JhDomainError::None);
    }

    void add(JhEventType type, const QJsonObject &payload)
    {
        JhEvent event;
        event.type = type;
        event.time = mNow;
        event.actor = mUser.id;
        event.commandId = mCommand.id;
        event.payload = payload;
        mResult.events.append(event);
    }

    JhCommandResult result() const { return mResult; }

private:
    const JhCommand &mCommand;
    const JhUser &mUser;
    QDateTime mNow;
    JhCommandResult mResult;
};

JhIncidentType incidentTypeFor(const JhSite *site)
{
    if (!site)
        return JhIncidentType::Other;
    if (site->isAir())
        return JhIncidentType::AirPollution;
    if (site->isWater())
        return JhIncidentType::WaterPollution;
    if (site->kind == JhSiteKind::Marine)
        return JhIncidentType::MarinePollution;
    return JhIncidentType::Other;
}

bool isForward(JhTaskState from, JhTaskState to)
{
    switch (to) {
    case JhTaskState::EnRoute:
        return from == JhTaskState::Accepted;
    case JhTaskState::OnSite:
        return from == JhTaskState::Accepted || from == JhTaskState::EnRoute;
    default:
        return false;
    }
}
} // namespace

JhEvent JhCommandHandler::alarmOpened(const JhWorldState &state, const QString &siteId,
                                      const QString &factorCode, const QString &ruleId, JhAlarmLevel level,
                                      double value, const QString &message, const QDateTime &now)
{
    JhEvent event;
    event.type = JhEventType::AlarmOpened;
    event.time = now;
    event.actor = sSystemActor;
    event.payload = {{QStringLiteral("alarmId"), state.nextAlarmId()},
                     {QStringLiteral("siteId"), siteId},
                     {QStringLiteral("factorCode"), factorCode},
                     {QStringLiteral("ruleId"), ruleId},
                     {QStringLiteral("level"), JhEnumNames::code(level)},
                     {QStringLiteral("value"), value},
                     {QStringLiteral("message"), message}};
    return event;
}

JhEvent JhCommandHandler::alarmLevelRaised(const QString &alarmId, JhAlarmLevel previousLevel,
                                           JhAlarmLevel level, double value, const QDateTime &dataTime,
                                           const QString &message, const QDateTime &now)
{
    JhEvent event;
    event.type = JhEventType::AlarmLevelRaised;
    event.time = now;
    event.actor = sSystemActor;
    event.payload = {{QStringLiteral("alarmId"), alarmId},
                     {QStringLiteral("previousLevel"), JhEnumNames::code(previousLevel)},
                     {QStringLiteral("level"), JhEnumNames::code(level)},
                     {QStringLiteral("value"), value},
                     {QStringLiteral("dataTime"), JhTime::toText(dataTime)},
                     {QStringLiteral("message"), message}};
    return event;
}

JhEvent JhCommandHandler::alarmClosedBySystem(const QString &alarmId, const QString &reason,
                                              const QDateTime &now)
{
    JhEvent event;
    event.type = JhEventType::AlarmClosed;
    event.time = now;
    event.actor = sSystemActor;
    event.payload = {{QStringLiteral("alarmId"), alarmId}, {QStringLiteral("note"), reason}};
    return event;
}

JhCommandResult JhCommandHandler::handle(const JhCommand &command, const JhUser &user,
                                         const JhWorldState &state, const QDateTime &now)
{
    const QString id = command.id;
    if (id.trimmed().isEmpty())
        return JhCommandResult::rejected(id, JhDomainError::InvalidPayload, QStringLiteral("id"));
    if (user.id.isEmpty())
        return JhCommandResult::rejected(id, JhDomainError::UnknownUser);
    if (command.userId != user.id)
        return JhCommandResult::rejected(id, JhDomainError::Forbidden, QStringLiteral("userId"));
    const JhDomainError permission = JhCommandValidator::check(user, command, state);
    if (permission != JhDomainError::None)
        return JhCommandResult::rejected(id, permission);

    PayloadReader in(command.payload);
    Builder out(command, user, now);
    auto invalid = [&]() {
        return JhCommandResult::rejected(id, JhDomainError::InvalidPayload, in.badField());
    };
    auto reject = [&](JhDomainError error) { return JhCommandResult::rejected(id, error); };

    switch (command.type) {
    case JhCommandType::AcknowledgeAlarm:
    case JhCommandType::EscalateAlarm:
    case JhCommandType::CloseAlarm: {
        const QString alarmId = in.text("alarmId");
        const QString note = in.text("note", false);
        if (!in.isOk())
            return invalid();
        const JhAlarm *alarm = state.alarm(alarmId);
        if (!alarm)
            return reject(JhDomainError::AlarmNotFound);
        if (alarm->state == JhAlarmState::Closed)
            return reject(JhDomainError::AlarmClosed);
        if (command.type == JhCommandType::AcknowledgeAlarm) {
            if (alarm->state != JhAlarmState::Open)
                return reject(JhDomainError::InvalidTransition);
            out.add(JhEventType::AlarmAcknowledged, {{"alarmId", alarmId}, {"note", note}});
        } else if (command.type == JhCommandType::CloseAlarm) {
            out.add(JhEventType::AlarmClosed, {{"alarmId", alarmId}, {"note", note}});
        } else {
            if (alarm->state == JhAlarmState::Escalated)
                return reject(JhDomainError::InvalidTransition);
            QString incidentId = in.text("incidentId", false);
            if (!incidentId.isEmpty()) {
                const JhIncident *incident = state.incident(incidentId);
                if (!incident)
                    return reject(JhDomainError::IncidentNotFound);
                if (incident->status == JhIncidentStatus::Closed)
                    return reject(JhDomainError::IncidentClosed);
                out.add(JhEventType::IncidentUpdated,
                        {{"incidentId", incidentId}, {"addAlarmIds", QJsonArray{alarmId}}});
            } else {
                // Escalating without an incident opens one at the alarm's site.
                const JhSite *site = state.site(alarm->siteId);
                incidentId = state.nextIncidentId();
                const JhIncidentType type = in.enumeration("type", incidentTypeFor(site), false);
                const JhIncidentLevel level = in.enumeration("level", JhIncidentLevel::IV, false);
                if (!in.isOk())
                    return invalid();
                QString title = in.text("title", false);
                if (title.isEmpty())
                    title = QStringLiteral("%1 %2 告警升级")
                                .arg(site ? site->name : alarm->siteId, alarm->factorCode);
                out.add(JhEventType::IncidentCreated, {{"incidentId", incidentId},
                                                       {"title", title},
                                                       {"type", JhEnumNames::code(type)},
                                                       {"level", JhEnumNames::code(level)},
                                                       {"longitude", site ? site->longitude : 0.0},
                                                       {"latitude", site ? site->latitude : 0.0},
                                                       {"countyCode", site ? site->countyCode : 0},
                                                       {"location", site ? site->name : QString()},
                                                       {"description", alarm->message},
                                                       {"alarmIds", QJsonArray{alarmId}}});
            }
            out.add(JhEventType::AlarmEscalated,
                    {{"alarmId", alarmId}, {"incidentId", incidentId}, {"note", note}});
        }
        return out.result();
    }
    case JhCommandType::CreateIncident: {
        const QString title = in.text("title");
        const JhIncidentType type = in.enumeration("type", JhIncidentType::Other);
        const JhIncidentLevel level = in.enumeration("level", JhIncidentLevel::IV);
        const double longitude = in.number("longitude");
        const double latitude = in.number("latitude");
        const QStringList alarmIds = in.strings("alarmIds");
        if (!in.isOk())
            return invalid();
        for (const QString &alarmId : alarmIds)
            if (!state.alarm(alarmId))
                return reject(JhDomainError::AlarmNotFound);
        out.add(JhEventType::IncidentCreated, {{"incidentId", state.nextIncidentId()},
                                               {"title", title},
                                               {"type", JhEnumNames::code(type)},
                                               {"level", JhEnumNames::code(level)},
                                               {"longitude", longitude},
                                               {"latitude", latitude},
                                               {"countyCode", in.integer("countyCode")},
                                               {"location", in.text("location", false)},
                                               {"description", in.text("description", false)},
                                               {"alarmIds", QJsonArray::fromStringList(alarmIds)}});
        return out.result();
    }
    case JhCommandType::UpdateIncident: {
        const QString incidentId = in.text("incidentId");
        if (!in.isOk())
            return invalid();
        const JhIncident *incident = state.incident(incidentId);
        if (!incident)
            return reject(JhDomainError::IncidentNotFound);
        if (incident->status == JhIncidentStatus::Closed)
            return reject(JhDomainError::IncidentClosed);
        QJsonObject payload{{"incidentId", incidentId}};
        for (const char *key : {"title", "location", "description"})
            if (in.has(key))
                payload.insert(QLatin1String(key), in.text(key, false));
        for (const char *key : {"longitude", "latitude"})
            if (in.has(key))
                payload.insert(QLatin1String(key), in.number(key));
        if (in.has("countyCode"))
            payload.insert(QStringLiteral("countyCode"), in.integer("countyCode"));
        if (in.has("type"))
            payload.insert(QStringLiteral("type"), JhEnumNames::code(in.enumeration("type", incident->type)));
        if (in.has("level"))
            payload.insert(QStringLiteral("level"),
                           JhEnumNames::code(in.enumeration("level", incident->level)));
        if (in.has("status")) {
            const JhIncidentStatus status = in.enumeration("status", incident->status);
            if (status == JhIncidentStatus::Closed)
                return reject(JhDomainError::InvalidTransition); // closing has its own command
            payload.insert(QStringLiteral("status"), JhEnumNames::code(status));
        }
        if (in.has("addAlarmIds")) {
            const QStringList alarmIds = in.strings("addAlarmIds");
            for (const QString &alarmId : alarmIds)
                if (!state.alarm(alarmId))
                    return reject(JhDomainError::AlarmNotFound);
            payload.insert(QStringLiteral("addAlarmIds"), QJsonArray::fromStringList(alarmIds));
        }
        if (!in.isOk())
            return invalid();
        out.add(JhEventType::IncidentUpdated, payload);
        return out.result();
    }
    case JhCommandType::CloseIncident: {
        const QString incidentId = in.text("incidentId");
        if (!in.isOk())
            return invalid();
        const JhIncident *incident = state.incident(incidentId);
        if (!incident)
            return reject(JhDomainError::IncidentNotFound);
        if (incident->status == JhIncidentStatus::Closed)
            return reject(JhDomainError::IncidentClosed);
        if (state.activeTaskCount(incidentId) > 0)
            return reject(JhDomainError::IncidentHasActiveTasks);
        out.add(JhEventType::IncidentClosed,
                {{"incidentId", incidentId}, {"summary", in.text("summary", false)}});
        // What the incident still holds in reserve goes back to the depots with it.
        for (const JhDepot &depot : state.depots())
            for (const JhInventoryItem &line : depot.inventory)
                if (line.reservedFor(incidentId) > 0)
                    out.add(JhEventType::InventoryReleased, {{"depotId", depot.id},
                                                             {"itemCode", line.itemCode},
                                                             {"quantity", line.reservedFor(incidentId)},
                                                             {"incidentId", incidentId},
                                                             {"reason", QStringLiteral("incident-closed")}});
        return out.result();
    }
    case JhCommandType::AssignTask: {
        const QString incidentId = in.text("incidentId");
        const QString teamId = in.text("teamId");
        const QString title = in.text("title");
        if (!in.isOk())
            return invalid();
        const JhIncident *incident = state.incident(incidentId);
        if (!incident)
            return reject(JhDomainError::IncidentNotFound);
        if (incident->status == JhIncidentStatus::Closed)
            return reject(JhDomainError::IncidentClosed);
        if (!state.team(teamId))
            return reject(JhDomainError::TeamNotFound);
        out.add(JhEventType::TaskAssigned, {{"taskId", state.nextTaskId()},
                                            {"incidentId", incidentId},
                                            {"teamId", teamId},
                                            {"title", title},
                                            {"instructions", in.text("instructions", false)}});
        return out.result();
    }
    case JhCommandType::AcceptTask:
    case JhCommandType::UpdateTask:
    case JhCommandType::CompleteTask:
    case JhCommandType::CancelTask: {
        const QString taskId = in.text("taskId");
        if (!in.isOk())
            return invalid();
        const JhTask *task = state.task(taskId);
        if (!task)
            return reject(JhDomainError::TaskNotFound);
        if (task->isFinished())
            return reject(JhDomainError::InvalidTransition);
        QJsonObject payload{{"taskId", taskId}};
        if (command.type == JhCommandType::CancelTask) {
            payload.insert(QStringLiteral("reason"), in.text("reason", false));
            out.add(JhEventType::TaskCancelled, payload);
            return out.result();
        }
        payload.insert(QStringLiteral("text"), in.text("text", false));
        if (in.has("longitude") || in.has("latitude")) {
            payload.insert(QStringLiteral("longitude"), in.number("longitude"));
            payload.insert(QStringLiteral("latitude"), in.number("latitude"));
        }
        if (command.type == JhCommandType::AcceptTask) {
            if (task->state != JhTaskState::Assigned)
                return reject(JhDomainError::InvalidTransition);
            if (!in.isOk())
                return invalid();
            out.add(JhEventType::TaskAccepted, payload);
        } else if (command.type == JhCommandType::CompleteTask) {
            if (task->state == JhTaskState::Assigned)
                return reject(JhDomainError::InvalidTransition);
            if (!in.isOk())
                return invalid();
            out.add(JhEventType::TaskCompleted, payload);
        } else {
            // A progress report; with "state" it also moves the task forward (en route, on site).
            if (task->state == JhTaskState::Assigned)
                return reject(JhDomainError::InvalidTransition);
            if (in.has("state")) {
                const JhTaskState next = in.enumeration("state", task->state);
                if (!in.isOk())
                    return invalid();
                if (!isForward(task->state, next))
                    return reject(JhDomainError::InvalidTransition);
                payload.insert(QStringLiteral("state"), JhEnumNames::code(next));
            }
            if (!in.isOk())
                return invalid();
            out.add(JhEventType::TaskUpdated, payload);
        }
        return out.result();
    }
    case JhCommandType::AdjustInventory:
    case JhCommandType::ReserveInventory:
    case JhCommandType::ReleaseInventory:
    case JhCommandType::DispatchInventory: {
        const QString depotId = in.text("depotId");
        const QString itemCode = in.text("itemCode");
        if (!in.isOk())
            return invalid();
        const JhDepot *depot = state.depot(depotId);
        if (!depot)
            return reject(JhDomainError::DepotNotFound);
        if (!state.catalogue().contains(itemCode))
            return reject(JhDomainError::ItemNotFound);
        const JhInventoryItem empty{itemCode, 0, 0, 0};
        const JhInventoryItem *line = depot->item(itemCode);
        if (!line && command.type != JhCommandType::AdjustInventory)
            return reject(JhDomainError::ItemNotFound);
        if (!line)
            line = &empty;
        QJsonObject payload{{"depotId", depotId}, {"itemCode", itemCode}};

        if (command.type == JhCommandType::AdjustInventory) {
            const double delta = in.number("delta");
            const double minimum = in.number("minimumStock", false);
            if (!in.isOk() || (in.has("minimumStock") && minimum < 0))
                return JhCommandResult::rejected(id, JhDomainError::InvalidPayload,
                                                 in.isOk() ? QStringLiteral("minimumStock") : in.badField());
            if (line->quantity + delta < line->reserved)
                return reject(line->quantity + delta < 0 ? JhDomainError::InsufficientStock
                                                         : JhDomainError::BelowReserved);
            payload.insert(QStringLiteral("delta"), delta);
            if (in.has("minimumStock"))
                payload.insert(QStringLiteral("minimumStock"), minimum);
            payload.insert(QStringLiteral("reason"), in.text("reason", false));
            out.add(JhEventType::InventoryAdjusted, payload);
            return out.result();
        }

        const double quantity = in.quantity("quantity");
        const QString incidentId = in.text("incidentId", command.type != JhCommandType::DispatchInventory);
        if (!in.isOk())
            return invalid();
        if (!incidentId.isEmpty()) {
            const JhIncident *incident = state.incident(incidentId);
            if (!incident)
                return reject(JhDomainError::IncidentNotFound);
            if (incident->status == JhIncidentStatus::Closed &&
                command.type != JhCommandType::ReleaseInventory)
                return reject(JhDomainError::IncidentClosed);
        }
        payload.insert(QStringLiteral("quantity"), quantity);
        payload.insert(QStringLiteral("incidentId"), incidentId);
        if (command.type == JhCommandType::ReserveInventory) {
            if (quantity > line->available())
                return reject(JhDomainError::InsufficientStock);
            out.add(JhEventType::InventoryReserved, payload);
        } else if (command.type == JhCommandType::ReleaseInventory) {
            // Only what this incident reserved: another incident's reservation is not ours to release.
            if (quantity > line->reservedFor(incidentId) + 1e-9)
                return reject(JhDomainError::ExceedsReserved);
            out.add(JhEventType::InventoryReleased, payload);
        } else {
            // Dispatch for an incident draws on what that incident reserved first, then on free stock.
            const double fromReserved =
                incidentId.isEmpty() ? 0.0 : std::min(quantity, line->reservedFor(incidentId));
            if (quantity - fromReserved > line->available())
                return reject(JhDomainError::InsufficientStock);
            const QString taskId = in.text("taskId", false);
            if (!taskId.isEmpty() && !state.task(taskId))
                return reject(JhDomainError::TaskNotFound);
            payload.insert(QStringLiteral("fromReserved"), fromReserved);
            payload.insert(QStringLiteral("taskId"), taskId);
            out.add(JhEventType::InventoryDispatched, payload);
        }
        return out.result();
    }
    case JhCommandType::SetTeamStatus: {
        const QString teamId = in.text("teamId");
        const JhTeamStatus status = in.enumeration("status", JhTeamStatus::Available);
        if (!in.isOk())
            return invalid();
        if (!state.team(teamId))
            return reject(JhDomainError::TeamNotFound);
        out.add(
            JhEventType::TeamStatusChanged,
            {{"teamId", teamId}, {"status", JhEnumNames::code(status)}, {"note", in.text("note", false)}});
        return out.result();
    }
    }
    return reject(JhDomainError::InvalidPayload);
}
