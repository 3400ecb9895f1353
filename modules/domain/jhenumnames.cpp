// Code tables for the domain enumerations: one row per value (value, wire code, Chinese label).
#include "jhenumnames.h"

namespace {
template <typename Enum>
struct Row
{
    Enum value;
    const char *code;
    const char *labelZh;
};
} // namespace

#define JH_ENUM_NAMES_DEFINE(Enum, ...)                                                                      \
    static const Row<Enum> s##Enum##Rows[] = {__VA_ARGS__};                                                  \
    QString JhEnumNames::code(Enum value)                                                                    \
    {                                                                                                        \
        for (const auto &row : s##Enum##Rows)                                                                \
            if (row.value == value)                                                                          \
                return QString::fromLatin1(row.code);                                                        \
        return QString();                                                                                    \
    }                                                                                                        \
    QString JhEnumNames::labelZh(Enum value)                                                                 \
    {                                                                                                        \
        for (const auto &row : s##Enum##Rows)                                                                \
            if (row.value == value)                                                                          \
                return QString::fromUtf8(row.labelZh);                                                       \
        return QString();                                                                                    \
    }                                                                                                        \
    bool JhEnumNames::parse(const QString &code, Enum &value)                                                \
    {                                                                                                        \
        for (const auto &row : s##Enum##Rows)                                                                \
            if (code == QLatin1String(row.code)) {                                                           \
                value = row.value;                                                                           \
                return true;                                                                                 \
            }                                                                                                \
        return false;                                                                                        \
    }

JH_ENUM_NAMES_DEFINE(JhSiteKind, {JhSiteKind::AirNational, "air-national", "国控空气自动站"},
                     {JhSiteKind::AirProvincial, "air-provincial", "省控空气自动站"},
                     {JhSiteKind::AirTownship, "air-township", "乡镇空气自动站"},
                     {JhSiteKind::AirPark, "air-park", "化工园区空气自动站"},
                     {JhSiteKind::AirPort, "air-port", "码头空气自动站"},
                     {JhSiteKind::AirSuper, "air-super", "大气超级站"},
                     {JhSiteKind::AirRoadside, "air-roadside", "路边空气自动站"},
                     {JhSiteKind::SurfaceWater, "surface-water", "地表水自动站"},
                     {JhSiteKind::DrinkingWater, "drinking-water", "饮用水源地自动站"},
                     {JhSiteKind::Noise, "noise", "噪声自动站"}, {JhSiteKind::Marine, "marine", "海洋观测点"},
                     {JhSiteKind::PollutionSource, "pollution-source", "重点排污单位"})

JH_ENUM_NAMES_DEFINE(JhWaterBodyType, {JhWaterBodyType::None, "none", "无"},
                     {JhWaterBodyType::River, "river", "河流"}, {JhWaterBodyType::Lake, "lake", "湖库"})

JH_ENUM_NAMES_DEFINE(JhHj212Version, {JhHj212Version::V2017, "2017", "HJ 212-2017"},
                     {JhHj212Version::V2005, "2005", "HJ/T 212-2005"})

JH_ENUM_NAMES_DEFINE(JhIntervalKind, {JhIntervalKind::Realtime, "rtd", "实时"},
                     {JhIntervalKind::Minute, "minute", "分钟"}, {JhIntervalKind::Hour, "hour", "小时"},
                     {JhIntervalKind::Day, "day", "日"})

JH_ENUM_NAMES_DEFINE(JhSiteState, {JhSiteState::Online, "online", "在线"},
                     {JhSiteState::Offline, "offline", "离线"}, {JhSiteState::Fault, "fault", "故障"},
                     {JhSiteState::Maintenance, "maintenance", "维护"},
                     {JhSiteState::Calibration, "calibration", "校准"},
                     {JhSiteState::EquipmentStopped, "equipment-stopped", "设备停运"},
                     {JhSiteState::NeverReported, "never-reported", "从未上报"})

JH_ENUM_NAMES_DEFINE(JhAlarmLevel, {JhAlarmLevel::Notice, "notice", "提示"},
                     {JhAlarmLevel::Warning, "warning", "预警"}, {JhAlarmLevel::Serious, "serious", "严重"})

JH_ENUM_NAMES_DEFINE(JhAlarmState, {JhAlarmState::Open, "open", "未确认"},
                     {JhAlarmState::Acknowledged, "acknowledged", "已确认"},
                     {JhAlarmState::Escalated, "escalated", "已升级"},
                     {JhAlarmState::Closed, "closed", "已关闭"})

JH_ENUM_NAMES_DEFINE(JhIncidentType, {JhIncidentType::WaterPollution, "water-pollution", "水污染"},
                     {JhIncidentType::AirPollution, "air-pollution", "大气污染"},
                     {JhIncidentType::ChemicalLeak, "chemical-leak", "危化品泄漏"},
                     {JhIncidentType::OilSpill, "oil-spill", "溢油"},
                     {JhIncidentType::MarinePollution, "marine-pollution", "海洋污染"},
                     {JhIncidentType::Other, "other", "其他"})

JH_ENUM_NAMES_DEFINE(JhIncidentLevel, {JhIncidentLevel::I, "I", "特别重大"},
                     {JhIncidentLevel::II, "II", "重大"}, {JhIncidentLevel::III, "III", "较大"},
                     {JhIncidentLevel::IV, "IV", "一般"})

JH_ENUM_NAMES_DEFINE(JhIncidentStatus, {JhIncidentStatus::Open, "open", "已立案"},
                     {JhIncidentStatus::Responding, "responding", "处置中"},
                     {JhIncidentStatus::Closed, "closed", "已结案"})

JH_ENUM_NAMES_DEFINE(JhTaskState, {JhTaskState::Assigned, "assigned", "已下达"},
                     {JhTaskState::Accepted, "accepted", "已接收"},
                     {JhTaskState::EnRoute, "en-route", "在途"}, {JhTaskState::OnSite, "on-site", "已到场"},
                     {JhTaskState::Completed, "completed", "已完成"},
                     {JhTaskState::Cancelled, "cancelled", "已取消"})

JH_ENUM_NAMES_DEFINE(JhTeamStatus, {JhTeamStatus::Available, "available", "待命"},
                     {JhTeamStatus::Busy, "busy", "出动中"}, {JhTeamStatus::OffDuty, "off-duty", "休整"})

JH_ENUM_NAMES_DEFINE(JhItemCategory, {JhItemCategory::Material, "material", "应急物资"},
                     {JhItemCategory::Equipment, "equipment", "应急装备"})

JH_ENUM_NAMES_DEFINE(JhRole, {JhRole::DutyOfficer, "duty-officer", "值班员"},
                     {JhRole::EmergencyCoordinator, "emergency-coordinator", "应急协调员"},
                     {JhRole::CountyTeam, "county-team", "县级监测站"},
                     {JhRole::Viewer, "viewer", "只读用户"})

JH_ENUM_NAMES_DEFINE(JhCommandType, {JhCommandType::AcknowledgeAlarm, "alarm.acknowledge", "确认告警"},
                     {JhCommandType::EscalateAlarm, "alarm.escalate", "升级告警"},
                     {JhCommandType::CloseAlarm, "alarm.close", "关闭告警"},
                     {JhCommandType::CreateIncident, "incident.create", "创建事件"},
                     {JhCommandType::UpdateIncident, "incident.update", "更新事件"},
                     {JhCommandType::CloseIncident, "incident.close", "结案"},
                     {JhCommandType::AssignTask, "task.assign", "下达任务"},
                     {JhCommandType::AcceptTask, "task.accept", "接收任务"},
                     {JhCommandType::UpdateTask, "task.update", "任务进展"},
                     {JhCommandType::CompleteTask, "task.complete", "完成任务"},
                     {JhCommandType::CancelTask, "task.cancel", "取消任务"},
                     {JhCommandType::AdjustInventory, "inventory.adjust", "调整库存"},
                     {JhCommandType::ReserveInventory, "inventory.reserve", "预留物资"},
                     {JhCommandType::ReleaseInventory, "inventory.release", "释放预留"},
                     {JhCommandType::DispatchInventory, "inventory.dispatch", "调拨出库"},
                     {JhCommandType::SetTeamStatus, "team.status", "队伍状态"})

JH_ENUM_NAMES_DEFINE(JhEventType, {JhEventType::AlarmOpened, "alarm.opened", "告警产生"},
                     {JhEventType::AlarmAcknowledged, "alarm.acknowledged", "告警已确认"},
                     {JhEventType::AlarmEscalated, "alarm.escalated", "告警已升级"},
                     {JhEventType::AlarmClosed, "alarm.closed", "告警已关闭"},
                     {JhEventType::AlarmLevelRaised, "alarm.level-raised", "告警级别提升"},
                     {JhEventType::IncidentCreated, "incident.created", "事件已创建"},
                     {JhEventType::IncidentUpdated, "incident.updated", "事件已更新"},
                     {JhEventType::IncidentClosed, "incident.closed", "事件已结案"},
                     {JhEventType::TaskAssigned, "task.assigned", "任务已下达"},
                     {JhEventType::TaskAccepted, "task.accepted", "任务已接收"},
                     {JhEventType::TaskUpdated, "task.updated", "任务进展"},
                     {JhEventType::TaskCompleted, "task.completed", "任务已完成"},
                     {JhEventType::TaskCancelled, "task.cancelled", "任务已取消"},
                     {JhEventType::InventoryAdjusted, "inventory.adjusted", "库存已调整"},
                     {JhEventType::InventoryReserved, "inventory.reserved", "物资已预留"},
                     {JhEventType::InventoryReleased, "inventory.released", "预留已释放"},
                     {JhEventType::InventoryDispatched, "inventory.dispatched", "物资已出库"},
                     {JhEventType::TeamStatusChanged, "team.status-changed", "队伍状态变更"})
