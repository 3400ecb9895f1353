// Alarm rule: a site that sent no data for N expected intervals (judged by JhAlarmEngine::sweep()).
#pragma once

#include "jhalarmrule.h"

//! Offline is about the absence of observations, so the engine's timer sweep calls judge() per site with
//! the last time data arrived; evaluate() of an observation always says the site is not offline.
class JhOfflineRule : public JhAlarmRule
{
public:
    static QString ruleId() { return QStringLiteral("data.offline"); }
    QString id() const override { return ruleId(); }
    QString nameZh() const override { return QStringLiteral("站点离线"); }
    JhAlarmVerdict evaluate(const JhAlarmContext &) const override { return JhAlarmVerdict::normal(); }
    //! Late data is old news: it neither shows nor ends a silence.
    bool judgesLateData() const override { return false; }
    //! Abnormal when more than config.offlineMissedIntervals expected intervals passed since \a lastSeenMs.
    static JhAlarmVerdict judge(const JhSite &site, qint64 lastSeenMs, qint64 nowMs,
                                const JhAlarmEngineConfig &config);
};
