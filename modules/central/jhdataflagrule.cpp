// Data flag rule: the flag table of JhAlarmEngineConfig decides which flags alarm and at what level.
#include "jhdataflagrule.h"

namespace {

QString flagMeaningZh(const QString &flag)
{
    if (flag == QLatin1String("D"))
        return QStringLiteral("设备故障");
    if (flag == QLatin1String("F"))
        return QStringLiteral("停运");
    if (flag == QLatin1String("M"))
        return QStringLiteral("维护");
    if (flag == QLatin1String("C"))
        return QStringLiteral("校准");
    if (flag == QLatin1String("T"))
        return QStringLiteral("超测上限");
    if (flag == QLatin1String("B"))
        return QStringLiteral("通讯异常");
    return QStringLiteral("异常");
}

} // namespace

JhAlarmVerdict JhDataFlagRule::evaluate(const JhAlarmContext &context) const
{
    const QString &flag = context.observation.flag;
    if (context.isValidData())
        return JhAlarmVerdict::normal();
    const auto it = context.config.flagLevels.constFind(flag);
    if (it == context.config.flagLevels.constEnd())
        return JhAlarmVerdict::notApplicable();
    return JhAlarmVerdict::abnormal(it.value(),
                                    QStringLiteral("%1 数据标记 %2（%3）")
                                        .arg(context.observation.factorCode, flag, flagMeaningZh(flag)));
}
