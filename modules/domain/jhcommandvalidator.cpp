// Role permission table and scope rules for commands.
#include "jhcommandvalidator.h"

#include "jhworldstate.h"

namespace {
using T = JhCommandType;

struct Permission
{
    JhRole role;
    JhCommandType types[16];
    int count;
};

// The permission table: the duty officer handles alarms and opens incidents; the coordinator runs
// incidents, tasks and resources; a county team works its own tasks, depot and status; viewers only read.
const Permission sPermissions[] = {
    {JhRole::DutyOfficer,
     {T::AcknowledgeAlarm, T::EscalateAlarm, T::CloseAlarm, T::CreateIncident, T::UpdateIncident},
     5},
    {JhRole::EmergencyCoordinator,
     {T::AcknowledgeAlarm, T::EscalateAlarm, T::CloseAlarm, T::CreateIncident, T::UpdateIncident,
      T::CloseIncident, T::AssignTask, T::UpdateTask, T::CancelTask, T::AdjustInventory, T::ReserveInventory,
      T::ReleaseInventory, T::DispatchInventory, T::SetTeamStatus},
     14},
    {JhRole::CountyTeam,
     {T::AcknowledgeAlarm, T::AcceptTask, T::UpdateTask, T::CompleteTask, T::AdjustInventory,
      T::DispatchInventory, T::SetTeamStatus},
     7},
    {JhRole::Viewer, {}, 0},
};
} // namespace

bool JhCommandValidator::roleMay(JhRole role, JhCommandType type)
{
    for (const Permission &permission : sPermissions) {
        if (permission.role != role)
            continue;
        for (int i = 0; i < permission.count; ++i)
            if (permission.types[i] == type)
                return true;
    }
    return false;
}

JhDomainError JhCommandValidator::check(const JhUser &user, const JhCommand &command,
                                        const JhWorldState &state)
{
    if (!roleMay(user.role, command.type))
        return JhDomainError::Forbidden;
    if (user.role != JhRole::CountyTeam)
        return JhDomainError::None;

    const QJsonObject &payload = command.payload;
    const QString teamId = user.teamId;
    switch (command.type) {
    case T::AcknowledgeAlarm: {
        const JhAlarm *alarm = state.alarm(payload.value(QStringLiteral("alarmId")).toString());
        const JhSite *site = alarm ? state.site(alarm->siteId) : nullptr;
        const JhCountyTeam *team = state.team(teamId);
        if (site && (!team || !team->covers(site->countyCode)))
            return JhDomainError::OutOfScope;
        return JhDomainError::None;
    }
    case T::AcceptTask:
    case T::UpdateTask:
    case T::CompleteTask: {
        const JhTask *task = state.task(payload.value(QStringLiteral("taskId")).toString());
        return task && task->teamId != teamId ? JhDomainError::OutOfScope : JhDomainError::None;
    }
    case T::AdjustInventory:
    case T::DispatchInventory: {
        const JhDepot *depot = state.depot(payload.value(QStringLiteral("depotId")).toString());
        return depot && depot->teamId != teamId ? JhDomainError::OutOfScope : JhDomainError::None;
    }
    case T::SetTeamStatus:
        return payload.value(QStringLiteral("teamId")).toString() != teamId ? JhDomainError::OutOfScope
                                                                            : JhDomainError::None;
    default:
        return JhDomainError::None;
    }
}
