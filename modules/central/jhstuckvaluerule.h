// Alarm rule: a sensor reporting the same valid value for N intervals in a row (stuck sensor).
#pragma once

#include "jhalarmrule.h"

//! Minute and hourly valid values: JhAlarmEngineConfig::stuckIntervals identical values in a row are
//! abnormal.
class JhStuckValueRule : public JhAlarmRule
{
public:
    static QString ruleId() { return QStringLiteral("data.stuck"); }
    QString id() const override { return ruleId(); }
    QString nameZh() const override { return QStringLiteral("数据恒值"); }
    JhAlarmVerdict evaluate(const JhAlarmContext &context) const override;
    //! A late value says nothing about the values in a row now.
    bool judgesLateData() const override { return false; }
};
