// Offline rule: silence longer than N expected intervals of the site's kind.
#include "jhofflinerule.h"

JhAlarmVerdict JhOfflineRule::judge(const JhSite &site, qint64 lastSeenMs, qint64 nowMs,
                                    const JhAlarmEngineConfig &config)
{
    const qint64 intervalMs = config.expectedIntervalSeconds(site.kind) * 1000;
    const qint64 silentMs = nowMs - lastSeenMs;
    if (intervalMs <= 0 || silentMs <= intervalMs * config.offlineMissedIntervals)
        return JhAlarmVerdict::normal();
    return JhAlarmVerdict::abnormal(JhAlarmLevel::Warning,
                                    QStringLiteral("已 %1 分钟未收到数据（应每 %2 分钟上报）")
                                        .arg(silentMs / 60000)
                                        .arg(intervalMs / 60000));
}
