// Alarm rule: a surface-water item's GB 3838 class worse than the section's target class.
#pragma once

#include "jhalarmrule.h"

//! Hourly/daily items of water sites with a target class: one class worse is a warning, two or more serious.
class JhWaterClassRule : public JhAlarmRule
{
public:
    static QString ruleId() { return QStringLiteral("exceedance.water-class"); }
    QString id() const override { return ruleId(); }
    QString nameZh() const override { return QStringLiteral("水质劣于目标"); }
    JhAlarmVerdict evaluate(const JhAlarmContext &context) const override;
};
