// Water class rule: GB 3838 class of one item (unit-converted, river/lake limits) against the target.
#include "jhwaterclassrule.h"

#include "jhsurfacewaterassessor.h"

JhAlarmVerdict JhWaterClassRule::evaluate(const JhAlarmContext &context) const
{
    const JhObservation &observation = context.observation;
    const JhSite &site = context.site;
    if (!site.isWater() || site.waterTargetClass < 1 || site.waterTargetClass > 6 || !context.isValidData() ||
        (observation.interval != JhIntervalKind::Hour && observation.interval != JhIntervalKind::Day))
        return JhAlarmVerdict::notApplicable();
    JhWaterItem item;
    if (!JhSurfaceWaterStandard::itemFromName(observation.factorCode, &item))
        return JhAlarmVerdict::notApplicable();
    const JhWaterItemInfo &info = JhSurfaceWaterStandard::info(item);
    if (!info.participates)
        return JhAlarmVerdict::notApplicable();
    double value = observation.value;
    // HJ 212 sends metals in µg/L; GB 3838 limits are mg/L.
    if (info.hj212Unit != info.unit && !JhUnits::convert(value, info.hj212Unit, info.unit, &value))
        return JhAlarmVerdict::notApplicable();
    const JhWaterBody body =
        site.waterBody == JhWaterBodyType::Lake ? JhWaterBody::LakeOrReservoir : JhWaterBody::River;
    JhWaterClass waterClass;
    if (!JhSurfaceWaterAssessor::classify(item, value, body, &waterClass))
        return JhAlarmVerdict::notApplicable();
    const int over = int(waterClass) - site.waterTargetClass;
    if (over <= 0)
        return JhAlarmVerdict::normal();
    const JhWaterClass target = JhWaterClass(site.waterTargetClass);
    return JhAlarmVerdict::abnormal(
        over >= context.config.waterClassesOverTargetSerious ? JhAlarmLevel::Serious : JhAlarmLevel::Warning,
        QStringLiteral("%1 %2 %3 为%4，劣于目标%5（%6）")
            .arg(QString::fromUtf8(info.nameZh))
            .arg(observation.value)
            .arg(JhUnits::symbol(info.hj212Unit), JhSurfaceWaterStandard::classNameZh(waterClass),
                 JhSurfaceWaterStandard::classNameZh(target), JhSurfaceWaterStandard::code()));
}
