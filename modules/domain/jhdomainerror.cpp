// Table of domain error codes and their Chinese/English messages.
#include "jhdomainerror.h"

namespace {
struct Row
{
    JhDomainError error;
    const char *code;
    const char *zh;
    const char *en;
};

const Row sRows[] = {
    {JhDomainError::None, "ok", "成功", "OK"},
    {JhDomainError::Forbidden, "forbidden", "当前角色无权执行该操作", "Your role may not do this"},
    {JhDomainError::OutOfScope, "out-of-scope", "只能处理本县（市、区）的任务和资源",
     "County teams may only act on their own county's tasks and resources"},
    {JhDomainError::InvalidPayload, "invalid-payload", "指令内容缺失或格式错误",
     "Missing or malformed field"},
    {JhDomainError::UnknownUser, "unknown-user", "未知用户", "Unknown user"},
    {JhDomainError::AlarmNotFound, "alarm-not-found", "告警不存在", "No such alarm"},
    {JhDomainError::IncidentNotFound, "incident-not-found", "事件不存在", "No such incident"},
    {JhDomainError::TaskNotFound, "task-not-found", "任务不存在", "No such task"},
    {JhDomainError::TeamNotFound, "team-not-found", "队伍不存在", "No such team"},
    {JhDomainError::DepotNotFound, "depot-not-found", "物资库不存在", "No such depot"},
    {JhDomainError::ItemNotFound, "item-not-found", "物资目录中无此物资或该库无此物资",
     "No such item in the catalogue or at this depot"},
    {JhDomainError::SiteNotFound, "site-not-found", "站点不存在", "No such site"},
    {JhDomainError::AlarmClosed, "alarm-closed", "告警已关闭", "The alarm is already closed"},
    {JhDomainError::InvalidTransition, "invalid-transition", "当前状态不允许该操作",
     "Not allowed in the current state"},
    {JhDomainError::IncidentClosed, "incident-closed", "事件已结案", "The incident is closed"},
    {JhDomainError::IncidentHasActiveTasks, "incident-has-active-tasks", "事件仍有未完成的任务",
     "The incident still has open tasks"},
    {JhDomainError::InsufficientStock, "insufficient-stock", "可用库存不足", "Not enough available stock"},
    {JhDomainError::BelowReserved, "below-reserved", "调整后库存将低于已预留数量",
     "The adjustment would leave less stock than is reserved"},
    {JhDomainError::ExceedsReserved, "exceeds-reserved", "释放数量超过已预留数量",
     "Releasing more than is reserved"},
};

const Row &row(JhDomainError error)
{
    for (const Row &candidate : sRows)
        if (candidate.error == error)
            return candidate;
    return sRows[0];
}
} // namespace

QString JhDomainErrors::code(JhDomainError error)
{
    return QString::fromLatin1(row(error).code);
}

QString JhDomainErrors::messageZh(JhDomainError error)
{
    return QString::fromUtf8(row(error).zh);
}

QString JhDomainErrors::messageEn(JhDomainError error)
{
    return QString::fromUtf8(row(error).en);
}

bool JhDomainErrors::parse(const QString &code, JhDomainError &error)
{
    for (const Row &candidate : sRows)
        if (code == QLatin1String(candidate.code)) {
            error = candidate.error;
            return true;
        }
    return false;
}
