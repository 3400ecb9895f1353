// AQI rule: the station's hourly AQI and category once the hour's set of pollutants is complete.
#include "jhairqualityindexrule.h"

#include "jhaqicalculator.h"

JhAlarmVerdict JhAirQualityIndexRule::evaluate(const JhAlarmContext &context) const
{
    const JhAirHourValues *hour = context.airHour;
    if (!hour || !hour->isComplete() || !context.isValidData())
        return JhAlarmVerdict::notApplicable();
    const QDate date = context.beijingTime().date();
    const JhAqiStandard &standard = JhAqiStandard::standard(JhAqiStandard::versionInForce(date));
    JhAqiInput input;
    input.observationDate = date;
    input.report = JhAqiReport::Hourly;
    for (const JhAirPollutantInfo &info : JhAirPollutants::all()) {
        const unsigned bit = 1u << unsigned(info.pollutant);
        if (hour->presentMask & bit)
            input.concentrations.insert(standard.pollutantIndicator(info.pollutant, JhAqiReport::Hourly),
                                        hour->values[int(info.pollutant)]);
        else
            input.notInMonitoringPlan.append(info.pollutant);
    }
    const JhAqiResult result = JhAqiCalculator::calculate(input);
    if (!result.ok() || result.computedAqi < 0)
        return JhAlarmVerdict::notApplicable();
    JhAlarmVerdict verdict;
    const int aqi = result.hasAqi ? result.aqi : result.computedAqi;
    if (aqi <= context.config.airIaqiLimit) {
        verdict = JhAlarmVerdict::normal();
    } else {
        const JhAqiCategory &category = standard.category(aqi);
        QStringList primary;
        for (JhAirPollutant pollutant : result.primaryPollutants)
            primary << QString::fromUtf8(JhAirPollutants::info(pollutant).symbol);
        verdict = JhAlarmVerdict::abnormal(
            aqi > context.config.airIaqiSerious ? JhAlarmLevel::Serious : JhAlarmLevel::Warning,
            QStringLiteral("小时 AQI %1，%2（%3），首要污染物 %4（%5）")
                .arg(aqi)
                .arg(QString::fromUtf8(category.levelZh), QString::fromUtf8(category.categoryZh),
                     primary.join(QStringLiteral("、")), standard.code()));
    }
    verdict.factorCode = QStringLiteral("AQI");
    return verdict;
}
