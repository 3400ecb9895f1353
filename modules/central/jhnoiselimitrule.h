// Alarm rule: LAeq above the GB 3096 day/night limit of the noise station's zone.
#pragma once

#include "jhalarmrule.h"

//! Minute and hourly Leq at noise stations; day/night from the data time in Beijing time.
class JhNoiseLimitRule : public JhAlarmRule
{
public:
    static QString ruleId() { return QStringLiteral("exceedance.noise-limit"); }
    QString id() const override { return ruleId(); }
    QString nameZh() const override { return QStringLiteral("噪声超标"); }
    JhAlarmVerdict evaluate(const JhAlarmContext &context) const override;
};
