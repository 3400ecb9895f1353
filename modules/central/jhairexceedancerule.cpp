// Air exceedance rule: per-pollutant IAQI of hourly values through JhAqiCalculator.
#include "jhairexceedancerule.h"

#include "jhairpollutants.h"
#include "jhaqicalculator.h"

JhAlarmVerdict JhAirExceedanceRule::evaluate(const JhAlarmContext &context) const
{
    const JhObservation &observation = context.observation;
    if (!context.site.isAir() || observation.interval != JhIntervalKind::Hour || !context.isValidData())
        return JhAlarmVerdict::notApplicable();
    JhAirPollutant pollutant;
    if (!JhAirPollutants::fromHj212Code(observation.factorCode, &pollutant))
        return JhAlarmVerdict::notApplicable();
    const JhAirPollutantInfo &info = JhAirPollutants::info(pollutant);
    double value = observation.value;
    if (context.config.airValuesInHj212Units &&
        !JhAirPollutants::toAqiUnit(pollutant, value, info.hj212Unit, &value))
        return JhAlarmVerdict::notApplicable();

    const QDate date = context.beijingTime().date();
    const JhAqiStandard &standard = JhAqiStandard::standard(JhAqiStandard::versionInForce(date));
    const JhAqiIndicator indicator = standard.pollutantIndicator(pollutant, JhAqiReport::Hourly);
    JhAqiInput input;
    input.observationDate = date;
    input.report = JhAqiReport::Hourly;
    input.concentrations.insert(indicator, value);
    const JhAqiResult result = JhAqiCalculator::calculate(input);
    if (!result.ok())
        return JhAlarmVerdict::notApplicable();
    const QString unit = JhUnits::symbol(info.aqiUnit);
    const int iaqi = result.iaqiOf(pollutant);
    if (iaqi < 0) {
        // Above the short column of the edition (2012: SO2 1 h > 800 µg/m³ is not given an IAQI).
        JhAqiIndicator column;
        const JhAqiCapRule *cap =
            standard.breakpointColumn(indicator, &column) ? standard.capRule(column) : nullptr;
        if (cap && value > cap->above)
            return JhAlarmVerdict::abnormal(JhAlarmLevel::Serious,
                                            QStringLiteral("%1 小时浓度 %2 %3，超出 %4 分指数表上限 %5")
                                                .arg(QString::fromUtf8(info.symbol))
                                                .arg(value)
                                                .arg(unit, standard.code())
                                                .arg(cap->above));
        return JhAlarmVerdict::notApplicable();
    }
    if (iaqi <= context.config.airIaqiLimit)
        return JhAlarmVerdict::normal();
    const JhAlarmLevel level =
        iaqi > context.config.airIaqiSerious ? JhAlarmLevel::Serious : JhAlarmLevel::Warning;
    return JhAlarmVerdict::abnormal(level, QStringLiteral("%1 小时浓度 %2 %3，IAQI %4，超过 %5（%6）")
                                               .arg(QString::fromUtf8(info.symbol))
                                               .arg(value)
                                               .arg(unit)
                                               .arg(iaqi)
                                               .arg(context.config.airIaqiLimit)
                                               .arg(standard.code()));
}
