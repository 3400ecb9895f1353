// Event fold: how each event type changes the world state.
#include "jhworldstate.h"

#include "jhenumnames.h"
#include "jhtime.h"

#include <QJsonArray>

namespace {
QString text(const QJsonObject &payload, const char *key)
{
    return payload.value(QLatin1String(key)).toString();
}

bool has(const QJsonObject &payload, const char *key)
{
    return payload.contains(QLatin1String(key));
}

double number(const QJsonObject &payload, const char *key)
{
    return payload.value(QLatin1String(key)).toDouble();
}

//! Keeps an id counter at the highest numeric suffix seen, so restored objects never collide with new ids.
void bump(int &counter, const QString &id)
{
    const int dash = id.lastIndexOf(QLatin1Char('-'));
    bool ok = false;
    const int value = id.mid(dash + 1).toInt(&ok);
    if (ok && value > counter)
        counter = value;
}

QStringList strings(const QJsonValue &value)
{
    QStringList result;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &element : array)
        result.append(element.toString());
    return result;
}

QString makeId(const char *prefix, int number)
{
    return QStringLiteral("%1-%2").arg(QLatin1String(prefix)).arg(number, 6, 10, QLatin1Char('0'));
}

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

template <typename Enum>
bool parseField(const QJsonObject &payload, const char *key, Enum &value)
{
    return JhEnumNames::parse(payload.value(QLatin1String(key)).toString(), value);
}
} // namespace

void JhWorldState::addSite(const JhSite &site)
{
    auto previous = mSites.constFind(site.id);
    if (previous != mSites.constEnd() && mSiteIdByMn.value(previous->mn) == site.id)
        mSiteIdByMn.remove(previous->mn);
    mSites.insert(site.id, site);
    if (!site.mn.isEmpty())
        mSiteIdByMn.insert(site.mn, site.id);
}

const JhSite *JhWorldState::siteByMn(const QString &mn) const
{
    auto id = mSiteIdByMn.constFind(mn);
    return id == mSiteIdByMn.constEnd() ? nullptr : site(id.value());
}

const JhSite *JhWorldState::site(const QString &id) const
{
    auto it = mSites.constFind(id);
    return it == mSites.constEnd() ? nullptr : &it.value();
}

const JhCountyTeam *JhWorldState::team(const QString &id) const
{
    auto it = mTeams.constFind(id);
    return it == mTeams.constEnd() ? nullptr : &it.value();
}

const JhDepot *JhWorldState::depot(const QString &id) const
{
    auto it = mDepots.constFind(id);
    return it == mDepots.constEnd() ? nullptr : &it.value();
}

const JhAlarm *JhWorldState::alarm(const QString &id) const
{
    auto it = mAlarms.constFind(id);
    return it == mAlarms.constEnd() ? nullptr : &it.value();
}

const JhIncident *JhWorldState::incident(const QString &id) const
{
    auto it = mIncidents.constFind(id);
    return it == mIncidents.constEnd() ? nullptr : &it.value();
}

const JhTask *JhWorldState::task(const QString &id) const
{
    auto it = mTasks.constFind(id);
    return it == mTasks.constEnd() ? nullptr : &it.value();
}

const JhAlarm *JhWorldState::activeAlarm(const QString &siteId, const QString &factorCode,
                                         const QString &ruleId) const
{
    for (const JhAlarm &alarm : mAlarms)
        if (alarm.isActive() && alarm.siteId == siteId && alarm.factorCode == factorCode &&
            alarm.ruleId == ruleId)
            return &alarm;
    return nullptr;
}

int JhWorldState::activeTaskCount(const QString &incidentId) const
{
    int count = 0;
    for (const JhTask &task : mTasks)
        if (task.incidentId == incidentId && !task.isFinished())
            ++count;
    return count;
}

void JhWorldState::addAlarm(const JhAlarm &alarm)
{
    mAlarms.insert(alarm.id, alarm);
    bump(mAlarmCounter, alarm.id);
}

void JhWorldState::addIncident(const JhIncident &incident)
{
    mIncidents.insert(incident.id, incident);
    bump(mIncidentCounter, incident.id);
}

void JhWorldState::addTask(const JhTask &task)
{
    mTasks.insert(task.id, task);
    bump(mTaskCounter, task.id);
}

QString JhWorldState::nextAlarmId() const
{
    return makeId("ALM", mAlarmCounter + 1);
}

QString JhWorldState::nextIncidentId() const
{
    return makeId("INC", mIncidentCounter + 1);
}

QString JhWorldState::nextTaskId() const
{
    return makeId("TSK", mTaskCounter + 1);
}

bool JhWorldState::operator==(const JhWorldState &other) const
{
    return mLastSequence == other.mLastSequence && mSites == other.mSites && mFactors == other.mFactors &&
           mTeams == other.mTeams && mCatalogue == other.mCatalogue && mDepots == other.mDepots &&
           mAlarms == other.mAlarms && mIncidents == other.mIncidents && mTasks == other.mTasks;
}

bool JhWorldState::apply(const JhEvent &event, QString *error)
{
    if (event.sequence != 0 && event.sequence != mLastSequence + 1)
        return fail(error,
                    QStringLiteral("event %1 does not follow %2").arg(event.sequence).arg(mLastSequence));
    if (!applyPayload(event, error))
        return false;
    if (event.sequence != 0)
        mLastSequence = event.sequence;
    return true;
}

bool JhWorldState::applyPayload(const JhEvent &event, QString *error)
{
    const QJsonObject &p = event.payload;
    const QString actor = event.actor;
    const QDateTime time = event.time;

    switch (event.type) {
    case JhEventType::AlarmOpened: {
        JhAlarm alarm;
        alarm.id = text(p, "alarmId");
        if (alarm.id.isEmpty() || mAlarms.contains(alarm.id))
            return fail(error, QStringLiteral("alarm.opened: missing or duplicate alarmId"));
        alarm.siteId = text(p, "siteId");
        alarm.factorCode = text(p, "factorCode");
        alarm.ruleId = text(p, "ruleId");
        if (!parseField(p, "level", alarm.level))
            return fail(error, QStringLiteral("alarm.opened: bad level"));
        alarm.value = number(p, "value");
        alarm.message = text(p, "message");
        alarm.openedAt = time;
        alarm.updatedAt = time;
        alarm.updatedBy = actor;
        mAlarms.insert(alarm.id, alarm);
        bump(mAlarmCounter, alarm.id);
        return true;
    }
    case JhEventType::AlarmAcknowledged:
    case JhEventType::AlarmEscalated:
    case JhEventType::AlarmClosed: {
        auto it = mAlarms.find(text(p, "alarmId"));
        if (it == mAlarms.end())
            return fail(error, QStringLiteral("alarm event for unknown alarm"));
        JhAlarm &alarm = it.value();
        if (event.type == JhEventType::AlarmAcknowledged) {
            alarm.state = JhAlarmState::Acknowledged;
        } else if (event.type == JhEventType::AlarmEscalated) {
            alarm.state = JhAlarmState::Escalated;
            alarm.incidentId = text(p, "incidentId");
        } else {
            alarm.state = JhAlarmState::Closed;
        }
        alarm.note = text(p, "note");
        alarm.updatedAt = time;
        alarm.updatedBy = actor;
        return true;
    }
    case JhEventType::AlarmLevelRaised: {
        auto it = mAlarms.find(text(p, "alarmId"));
        if (it == mAlarms.end())
            return fail(error, QStringLiteral("alarm.level-raised for unknown alarm"));
        JhAlarmLevel level;
        if (!parseField(p, "level", level))
            return fail(error, QStringLiteral("alarm.level-raised: bad level"));
        JhAlarm &alarm = it.value();
        // Closed by an operator between the engine's verdict and this event: the alarm stays closed.
        if (!alarm.isActive())
            return true;
        alarm.level = level;
        alarm.value = number(p, "value");
        alarm.message = text(p, "message");
        // The duty officer acknowledged a lesser alarm: the worse one must be acknowledged again. An
        // escalated alarm belongs to an incident and keeps its state.
        if (alarm.state == JhAlarmState::Acknowledged)
            alarm.state = JhAlarmState::Open;
        alarm.updatedAt = time;
        alarm.updatedBy = actor;
        return true;
    }
    case JhEventType::IncidentCreated: {
        JhIncident incident;
        incident.id = text(p, "incidentId");
        if (incident.id.isEmpty() || mIncidents.contains(incident.id))
            return fail(error, QStringLiteral("incident.created: missing or duplicate incidentId"));
        if (!parseField(p, "type", incident.type) || !parseField(p, "level", incident.level))
            return fail(error, QStringLiteral("incident.created: bad type or level"));
        incident.title = text(p, "title");
        incident.longitude = number(p, "longitude");
        incident.latitude = number(p, "latitude");
        incident.countyCode = p.value(QStringLiteral("countyCode")).toInt();
        incident.location = text(p, "location");
        incident.description = text(p, "description");
        incident.alarmIds = strings(p.value(QStringLiteral("alarmIds")));
        incident.openedAt = time;
        incident.updatedAt = time;
        incident.createdBy = actor;
        incident.updatedBy = actor;
        mIncidents.insert(incident.id, incident);
        bump(mIncidentCounter, incident.id);
        return true;
    }
    case JhEventType::IncidentUpdated:
    case JhEventType::IncidentClosed: {
        auto it = mIncidents.find(text(p, "incidentId"));
        if (it == mIncidents.end())
            return fail(error, QStringLiteral("incident event for unknown incident"));
        JhIncident updated = it.value();
        if (event.type == JhEventType::IncidentClosed) {
            updated.status = JhIncidentStatus::Closed;
            updated.summary = text(p, "summary");
        } else {
            if ((has(p, "type") && !parseField(p, "type", updated.type)) ||
                (has(p, "level") && !parseField(p, "level", updated.level)) ||
                (has(p, "status") && !parseField(p, "status", updated.status)))
                return fail(error, QStringLiteral("incident.updated: bad type, level or status"));
            if (has(p, "title"))
                updated.title = text(p, "title");
            if (has(p, "longitude"))
                updated.longitude = number(p, "longitude");
            if (has(p, "latitude"))
                updated.latitude = number(p, "latitude");
            if (has(p, "countyCode"))
                updated.countyCode = p.value(QStringLiteral("countyCode")).toInt();
            if (has(p, "location"))
                updated.location = text(p, "location");
            if (has(p, "description"))
                updated.description = text(p, "description");
            const QStringList added = strings(p.value(QStringLiteral("addAlarmIds")));
            for (const QString &alarmId : added)
                if (!updated.alarmIds.contains(alarmId))
                    updated.alarmIds.append(alarmId);
        }
        updated.updatedAt = time;
        updated.updatedBy = actor;
        it.value() = updated;
        return true;
    }
    case JhEventType::TaskAssigned: {
        JhTask task;
        task.id = text(p, "taskId");
        task.incidentId = text(p, "incidentId");
        task.teamId = text(p, "teamId");
        auto incident = mIncidents.find(task.incidentId);
        if (task.id.isEmpty() || mTasks.contains(task.id) || incident == mIncidents.end())
            return fail(error, QStringLiteral("task.assigned: bad taskId or unknown incident"));
        task.title = text(p, "title");
        task.instructions = text(p, "instructions");
        task.createdAt = time;
        task.updatedAt = time;
        task.assignedBy = actor;
        mTasks.insert(task.id, task);
        bump(mTaskCounter, task.id);
        // The first task puts an open incident into response.
        if (incident->status == JhIncidentStatus::Open) {
            incident->status = JhIncidentStatus::Responding;
            incident->updatedAt = time;
            incident->updatedBy = actor;
        }
        return true;
    }
    case JhEventType::TaskAccepted:
    case JhEventType::TaskUpdated:
    case JhEventType::TaskCompleted:
    case JhEventType::TaskCancelled: {
        auto it = mTasks.find(text(p, "taskId"));
        if (it == mTasks.end())
            return fail(error, QStringLiteral("task event for unknown task"));
        JhTask &task = it.value();
        JhTaskState state = task.state;
        if (event.type == JhEventType::TaskAccepted)
            state = JhTaskState::Accepted;
        else if (event.type == JhEventType::TaskCompleted)
            state = JhTaskState::Completed;
        else if (event.type == JhEventType::TaskCancelled)
            state = JhTaskState::Cancelled;
        else if (has(p, "state") && !parseField(p, "state", state))
            return fail(error, QStringLiteral("task.updated: bad state"));
        JhTaskReport report;
        report.time = time;
        report.author = actor;
        report.state = state;
        report.text = text(p, event.type == JhEventType::TaskCancelled ? "reason" : "text");
        report.hasPosition = has(p, "longitude") && has(p, "latitude");
        if (report.hasPosition) {
            report.longitude = number(p, "longitude");
            report.latitude = number(p, "latitude");
        }
        task.state = state;
        if (event.type == JhEventType::TaskCancelled)
            task.cancelReason = report.text;
        task.reports.append(report);
        task.updatedAt = time;
        return true;
    }
    case JhEventType::InventoryAdjusted:
    case JhEventType::InventoryReserved:
    case JhEventType::InventoryReleased:
    case JhEventType::InventoryDispatched: {
        auto depot = mDepots.find(text(p, "depotId"));
        if (depot == mDepots.end())
            return fail(error, QStringLiteral("inventory event for unknown depot"));
        const QString itemCode = text(p, "itemCode");
        JhInventoryItem *line = depot->item(itemCode);
        if (!line) {
            if (event.type != JhEventType::InventoryAdjusted || !mCatalogue.contains(itemCode))
                return fail(error, QStringLiteral("inventory event for unknown item"));
            JhInventoryItem created;
            created.itemCode = itemCode;
            depot->inventory.append(created);
            line = &depot->inventory.last();
        }
        if (event.type == JhEventType::InventoryAdjusted) {
            line->quantity += number(p, "delta");
            if (has(p, "minimumStock"))
                line->minimumStock = number(p, "minimumStock");
        } else if (event.type == JhEventType::InventoryReserved) {
            line->addReservation(text(p, "incidentId"), number(p, "quantity"));
        } else if (event.type == JhEventType::InventoryReleased) {
            line->addReservation(text(p, "incidentId"), -number(p, "quantity"));
        } else {
            line->quantity -= number(p, "quantity");
            line->addReservation(text(p, "incidentId"), -number(p, "fromReserved"));
        }
        return true;
    }
    case JhEventType::TeamStatusChanged: {
        auto team = mTeams.find(text(p, "teamId"));
        JhTeamStatus status;
        if (team == mTeams.end() || !parseField(p, "status", status))
            return fail(error, QStringLiteral("team.status-changed: unknown team or bad status"));
        team->status = status;
        team->statusNote = text(p, "note");
        team->statusChangedAt = time;
        return true;
    }
    }
    return fail(error, QStringLiteral("unknown event type"));
}
