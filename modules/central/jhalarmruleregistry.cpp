// Alarm rule registry and the standard rule set.
#include "jhalarmruleregistry.h"

#include "jhairexceedancerule.h"
#include "jhairqualityindexrule.h"
#include "jhdataflagrule.h"
#include "jhnoiselimitrule.h"
#include "jhofflinerule.h"
#include "jhsourcelimitrule.h"
#include "jhstuckvaluerule.h"
#include "jhwaterclassrule.h"

JhAlarmRuleRegistry JhAlarmRuleRegistry::withStandardRules()
{
    JhAlarmRuleRegistry registry;
    registry.add(std::make_shared<JhAirExceedanceRule>());
    registry.add(std::make_shared<JhAirQualityIndexRule>());
    registry.add(std::make_shared<JhWaterClassRule>());
    registry.add(std::make_shared<JhNoiseLimitRule>());
    registry.add(std::make_shared<JhSourceLimitRule>());
    registry.add(std::make_shared<JhDataFlagRule>());
    registry.add(std::make_shared<JhStuckValueRule>());
    registry.add(std::make_shared<JhOfflineRule>());
    return registry;
}

void JhAlarmRuleRegistry::add(std::shared_ptr<const JhAlarmRule> rule)
{
    if (!rule)
        return;
    for (auto &existing : mRules)
        if (existing->id() == rule->id()) {
            existing = std::move(rule);
            return;
        }
    mRules.append(std::move(rule));
}

const JhAlarmRule *JhAlarmRuleRegistry::rule(const QString &id) const
{
    for (const auto &rule : mRules)
        if (rule->id() == id)
            return rule.get();
    return nullptr;
}

QStringList JhAlarmRuleRegistry::ids() const
{
    QStringList result;
    for (const auto &rule : mRules)
        result << rule->id();
    return result;
}
