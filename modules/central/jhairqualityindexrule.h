// Alarm rule: a station's hourly AQI above 100 once all its AQI pollutants of the hour are in.
#pragma once

#include "jhalarmrule.h"

//! Judged by the engine's hourly set per air station (see JhAlarmEngine); alarm factor "AQI".
class JhAirQualityIndexRule : public JhAlarmRule
{
public:
    static QString ruleId() { return QStringLiteral("exceedance.air-aqi"); }
    QString id() const override { return ruleId(); }
    QString nameZh() const override { return QStringLiteral("空气质量指数超标"); }
    JhAlarmVerdict evaluate(const JhAlarmContext &context) const override;
};
