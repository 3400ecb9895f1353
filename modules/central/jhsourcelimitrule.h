// Alarm rule: a pollution source's value above its permitted limit (discharge permit).
#pragma once

#include "jhalarmrule.h"

//! Minute and hourly values at pollution sources with a permitted limit for the factor.
class JhSourceLimitRule : public JhAlarmRule
{
public:
    static QString ruleId() { return QStringLiteral("exceedance.source-limit"); }
    QString id() const override { return ruleId(); }
    QString nameZh() const override { return QStringLiteral("排放超标"); }
    JhAlarmVerdict evaluate(const JhAlarmContext &context) const override;
};
