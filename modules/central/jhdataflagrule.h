// Alarm rule: abnormal HJ 212 data flags (D fault, F stopped as alarms; M/C maintenance/calibration as
// notices).
#pragma once

#include "jhalarmrule.h"

//! Any interval: a flag listed in JhAlarmEngineConfig::flagLevels is abnormal at its level, N is normal.
class JhDataFlagRule : public JhAlarmRule
{
public:
    static QString ruleId() { return QStringLiteral("data.flag"); }
    QString id() const override { return ruleId(); }
    QString nameZh() const override { return QStringLiteral("数据标记异常"); }
    JhAlarmVerdict evaluate(const JhAlarmContext &context) const override;
};
