// Stuck sensor rule: the engine counts identical values per series; the rule compares with the config.
#include "jhstuckvaluerule.h"

JhAlarmVerdict JhStuckValueRule::evaluate(const JhAlarmContext &context) const
{
    const JhObservation &observation = context.observation;
    if (!context.isValidData() ||
        (observation.interval != JhIntervalKind::Minute && observation.interval != JhIntervalKind::Hour) ||
        context.config.stuckExemptFactorCodes.contains(observation.factorCode))
        return JhAlarmVerdict::notApplicable();
    if (context.sameValueCount < context.config.stuckIntervals)
        return JhAlarmVerdict::normal();
    return JhAlarmVerdict::abnormal(JhAlarmLevel::Warning,
                                    QStringLiteral("%1 连续 %2 个数据恒为 %3，疑似传感器卡滞")
                                        .arg(observation.factorCode)
                                        .arg(context.sameValueCount)
                                        .arg(observation.value));
}
