// Noise rule: GB 3096 zone limit for the period (day 06-22, night) of the data time in Beijing time.
#include "jhnoiselimitrule.h"

#include "jhnoisestandard.h"

JhAlarmVerdict JhNoiseLimitRule::evaluate(const JhAlarmContext &context) const
{
    const JhObservation &observation = context.observation;
    if (context.site.kind != JhSiteKind::Noise || !context.isValidData() ||
        (observation.interval != JhIntervalKind::Minute && observation.interval != JhIntervalKind::Hour) ||
        !context.config.noiseFactorCodes.contains(observation.factorCode))
        return JhAlarmVerdict::notApplicable();
    JhNoiseZone zone;
    if (!JhNoiseStandard::zoneFromString(context.site.noiseZone, &zone))
        return JhAlarmVerdict::notApplicable();
    const JhNoiseAssessment assessment =
        JhNoiseStandard::assess(zone, context.beijingTime().time(), observation.value);
    if (!assessment.exceeds)
        return JhAlarmVerdict::normal();
    const bool day = assessment.period == JhNoisePeriod::Day;
    return JhAlarmVerdict::abnormal(
        assessment.exceedance >= context.config.noiseSeriousExceedance ? JhAlarmLevel::Serious
                                                                       : JhAlarmLevel::Warning,
        QStringLiteral("%1间等效声级 %2 dB(A)，超过 %3 类区限值 %4 dB(A) %5 dB（%6）")
            .arg(day ? QStringLiteral("昼") : QStringLiteral("夜"))
            .arg(observation.value)
            .arg(JhNoiseStandard::zoneName(zone))
            .arg(assessment.limit)
            .arg(assessment.exceedance)
            .arg(JhNoiseStandard::code()));
}
