// Alarm rule: an air pollutant's hourly IAQI above 100 (HJ 633, edition by data date).
#pragma once

#include "jhalarmrule.h"

//! Hourly values of the six AQI pollutants at air stations: IAQI > 100 is a warning, > 200 serious.
class JhAirExceedanceRule : public JhAlarmRule
{
public:
    static QString ruleId() { return QStringLiteral("exceedance.air-iaqi"); }
    QString id() const override { return ruleId(); }
    QString nameZh() const override { return QStringLiteral("空气质量超标"); }
    JhAlarmVerdict evaluate(const JhAlarmContext &context) const override;
};
