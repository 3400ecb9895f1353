// Surface-water class of a sample per GB 3838-2002 and 环办[2011]22号: item classes, section class, target.
#include "jhsurfacewaterassessor.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace {

// Values are compared with the limits with a relative tolerance of 1e-9 so that a value equal to a limit
// after a unit conversion (50 µg/L -> 0.05 mg/L) stays in that class.
constexpr double TOLERANCE = 1e-9;

bool atMost(double value, double limit)
{
    return value <= limit * (1 + TOLERANCE);
}

bool atLeast(double value, double limit)
{
    return value >= limit * (1 - TOLERANCE);
}

int rank(JhWaterClass waterClass)
{
    return static_cast<int>(waterClass);
}

} // namespace

const JhWaterItemResult *JhWaterAssessment::item(JhWaterItem item) const
{
    for (const JhWaterItemResult &entry : items) {
        if (entry.item == item)
            return &entry;
    }
    return nullptr;
}

bool JhSurfaceWaterAssessor::classify(JhWaterItem item, double value, JhWaterBody body,
                                      JhWaterClass *waterClass)
{
    const JhWaterItemInfo &info = JhSurfaceWaterStandard::info(item);
    switch (info.kind) {
    case JhWaterLimitKind::NoClassLimit:
        return false;
    case JhWaterLimitKind::Range:
        // pH 6–9 is the same for every class; outside it the item is worse than V (an implementation
        // choice shared with Journey.EQSFSW, see docs/standards.md).
        *waterClass =
            value >= info.limits[0] && value <= info.limits[1] ? JhWaterClass::I : JhWaterClass::WorseThanV;
        return true;
    case JhWaterLimitKind::AtMost:
    case JhWaterLimitKind::AtLeast:
        for (int index = 0; index < 5; ++index) {
            const JhWaterClass candidate = static_cast<JhWaterClass>(index + 1);
            const double limit = JhSurfaceWaterStandard::limit(item, candidate, body);
            if (info.kind == JhWaterLimitKind::AtMost ? atMost(value, limit) : atLeast(value, limit)) {
                *waterClass = candidate;
                return true;
            }
        }
        *waterClass = JhWaterClass::WorseThanV;
        return true;
    }
    return false;
}

JhWaterAssessment JhSurfaceWaterAssessor::assess(const JhWaterAssessmentInput &input)
{
    JhWaterAssessment result;
    result.body = input.body;
    result.hasTarget = input.hasTarget;
    result.target = input.target;

    for (int i = 0; i < input.measurements.size(); ++i) {
        const JhWaterMeasurement &measurement = input.measurements.at(i);
        const JhWaterItemInfo &info = JhSurfaceWaterStandard::info(measurement.item);
        const QString name = QString::fromLatin1(info.key);
        for (int j = 0; j < i; ++j) {
            if (input.measurements.at(j).item == measurement.item) {
                result.error = JhWaterError::DuplicateItem;
                result.message = QStringLiteral("%1 is given twice").arg(name);
                return result;
            }
        }
        double value = 0;
        if (!JhUnits::convert(measurement.value, measurement.unit, info.unit, &value)) {
            result.error = JhWaterError::IncompatibleUnit;
            result.message = QStringLiteral("%1: unit '%2' cannot be converted to '%3'")
                                 .arg(name, JhUnits::symbol(measurement.unit), JhUnits::symbol(info.unit));
            return result;
        }
        const bool mayBeNegative = info.kind == JhWaterLimitKind::NoClassLimit;
        if (!std::isfinite(value) || (value < 0 && !mayBeNegative)) {
            result.error = JhWaterError::InvalidValue;
            result.message = QStringLiteral("%1: value %2 is not a finite value >= 0")
                                 .arg(name, QString::number(measurement.value));
            return result;
        }
    }

    for (const JhWaterItemInfo &info : JhSurfaceWaterStandard::items()) {
        for (const JhWaterMeasurement &measurement : input.measurements) {
            if (measurement.item != info.item)
                continue;
            JhWaterItemResult entry;
            entry.item = info.item;
            JhUnits::convert(measurement.value, measurement.unit, info.unit, &entry.value);
            entry.classified = classify(info.item, entry.value, input.body, &entry.waterClass);
            entry.participates = info.participates && entry.classified;
            entry.exceedanceMultiple = std::numeric_limits<double>::quiet_NaN();
            const double limitIII = JhSurfaceWaterStandard::limit(info.item, JhWaterClass::III, input.body);
            if (info.kind == JhWaterLimitKind::AtMost && entry.classified && !atMost(entry.value, limitIII))
                entry.exceedanceMultiple = (entry.value - limitIII) / limitIII;
            if (info.item == JhWaterItem::WaterTemperature)
                entry.note =
                    QStringLiteral("GB 3838 limits the man-made change of temperature, not the value; "
                                   "not assessed");
            else if (info.item == JhWaterItem::TotalNitrogen)
                entry.note =
                    input.body == JhWaterBody::LakeOrReservoir
                        ? QStringLiteral("not in the class; used in the trophic-state evaluation")
                        : QStringLiteral("not in the class; the TN limits are for lakes and reservoirs");
            else if (info.item == JhWaterItem::FaecalColiform)
                entry.note = QStringLiteral("not in the class (环办[2011]22号)");
            result.items.append(entry);
        }
    }

    // Single-factor method: the worst participating item gives the class.
    for (const JhWaterItemResult &entry : result.items) {
        if (!entry.participates)
            continue;
        if (!result.hasClass || rank(entry.waterClass) > rank(result.overall)) {
            result.overall = entry.waterClass;
            result.hasClass = true;
        }
    }
    if (!result.hasClass)
        return result;
    for (const JhWaterItemResult &entry : result.items) {
        if (entry.participates && entry.waterClass == result.overall)
            result.worstItems.append(entry.item);
    }

    // Main pollution indicators: worse than III, worst class first, then the larger 超标倍数 (items without
    // one, DO and pH, after those with one in the same class), at most three.
    if (rank(result.overall) > rank(JhWaterClass::III)) {
        QVector<const JhWaterItemResult *> candidates;
        for (const JhWaterItemResult &entry : result.items) {
            if (entry.participates && rank(entry.waterClass) > rank(JhWaterClass::III))
                candidates.append(&entry);
        }
        std::stable_sort(candidates.begin(), candidates.end(),
                         [](const JhWaterItemResult *a, const JhWaterItemResult *b) {
                             if (a->waterClass != b->waterClass)
                                 return rank(a->waterClass) > rank(b->waterClass);
                             const double ma = std::isnan(a->exceedanceMultiple) ? -1 : a->exceedanceMultiple;
                             const double mb = std::isnan(b->exceedanceMultiple) ? -1 : b->exceedanceMultiple;
                             return ma > mb;
                         });
        for (int i = 0; i < candidates.size() && i < 3; ++i)
            result.mainPollutants.append(candidates.at(i)->item);
    }

    if (result.hasTarget) {
        result.classesOverTarget = std::max(0, rank(result.overall) - rank(result.target));
        result.meetsTarget = result.classesOverTarget == 0;
        for (const JhWaterItemResult &entry : result.items) {
            if (entry.participates && rank(entry.waterClass) > rank(result.target))
                result.itemsOverTarget.append(entry.item);
        }
    }
    return result;
}
