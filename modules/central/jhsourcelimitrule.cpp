// Pollution source rule: a value above the site's permitted limit for the factor.
#include "jhsourcelimitrule.h"

JhAlarmVerdict JhSourceLimitRule::evaluate(const JhAlarmContext &context) const
{
    const JhObservation &observation = context.observation;
    if (context.site.kind != JhSiteKind::PollutionSource || !context.isValidData() ||
        (observation.interval != JhIntervalKind::Minute && observation.interval != JhIntervalKind::Hour))
        return JhAlarmVerdict::notApplicable();
    const JhPermittedLimit *limit = context.site.permittedLimit(observation.factorCode);
    if (!limit || limit->limit <= 0)
        return JhAlarmVerdict::notApplicable();
    if (observation.value <= limit->limit)
        return JhAlarmVerdict::normal();
    const double multiple = observation.value / limit->limit;
    return JhAlarmVerdict::abnormal(multiple >= context.config.sourceSeriousMultiple ? JhAlarmLevel::Serious
                                                                                     : JhAlarmLevel::Warning,
                                    QStringLiteral("%1 %2 %3，超过许可排放限值 %4 %3（%5 倍）")
                                        .arg(observation.factorCode)
                                        .arg(observation.value)
                                        .arg(limit->unit)
                                        .arg(limit->limit)
                                        .arg(QString::number(multiple, 'f', 2)));
}
