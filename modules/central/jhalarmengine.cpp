// Alarm engine: series bookkeeping, rule evaluation, one active alarm per key, auto-close, offline sweep.
#include "jhalarmengine.h"

#include "jhairpollutants.h"
#include "jhcommandhandler.h"
#include "jhofflinerule.h"

namespace {

//! "ALM-000012" + offset -> "ALM-000013" (keeps the prefix and the digit width the state uses).
QString offsetId(const QString &first, int offset)
{
    if (offset == 0)
        return first;
    int digitsStart = first.size();
    while (digitsStart > 0 && first.at(digitsStart - 1).isDigit())
        --digitsStart;
    const QString digits = first.mid(digitsStart);
    return first.left(digitsStart) +
           QStringLiteral("%1").arg(digits.toLongLong() + offset, digits.size(), 10, QLatin1Char('0'));
}

const QString sNoFactor; // offline alarms are about the whole site

} // namespace

JhAlarmEngine::JhAlarmEngine(const JhAlarmEngineConfig &config, const JhAlarmRuleRegistry &rules)
    : mConfig(config), mRules(rules)
{
    for (int index = 0; index < mRules.count(); ++index) {
        const QString id = mRules.at(index).id();
        mRuleIds.append(id);
        const bool offline = id == JhOfflineRule::ruleId();
        mPerObservation.append(!offline);
        mOfflineEnabled = mOfflineEnabled || offline;
    }
}

void JhAlarmEngine::prime(const JhWorldState &state)
{
    if (mPrimed)
        return;
    mPrimed = true;
    for (const JhAlarm &alarm : state.alarms()) {
        if (!alarm.isActive())
            continue;
        mActive.insert(AlarmKey{alarm.siteId, alarm.factorCode, alarm.ruleId}, ActiveAlarm{alarm.id, 0});
        if (alarm.ruleId == JhOfflineRule::ruleId())
            mOfflineSites.insert(alarm.siteId);
    }
}

JhAlarmEngine::ActiveAlarm *JhAlarmEngine::activeAlarm(const AlarmKey &key, CallScope &scope)
{
    if (mActive.isEmpty())
        return nullptr;
    auto it = mActive.find(key);
    if (it == mActive.end())
        return nullptr;
    if (scope.openedIds.contains(it->alarmId))
        return &it.value();
    const JhAlarm *alarm = scope.state.alarm(it->alarmId);
    if (!alarm || !alarm->isActive()) {
        // Closed by an operator, or never stored (the caller's append failed): forget it.
        mActive.erase(it);
        return nullptr;
    }
    return &it.value();
}

void JhAlarmEngine::open(const AlarmKey &key, const JhAlarmVerdict &verdict, double value, CallScope &scope)
{
    JhEvent event = JhCommandHandler::alarmOpened(scope.state, key.siteId, key.factorCode, key.ruleId,
                                                  verdict.level, value, verdict.message, scope.now);
    // Several alarms may open in one call before the caller folds them: number them on from the state's next.
    const QString alarmId = offsetId(scope.state.nextAlarmId(), scope.opened++);
    event.payload.insert(QStringLiteral("alarmId"), alarmId);
    scope.events.append(event);
    scope.openedIds.insert(alarmId);
    mActive.insert(key, ActiveAlarm{alarmId, 0});
}

void JhAlarmEngine::close(const AlarmKey &key, const QString &alarmId, const QString &reason,
                          CallScope &scope)
{
    scope.events.append(JhCommandHandler::alarmClosedBySystem(alarmId, reason, scope.now));
    mActive.remove(key);
}

void JhAlarmEngine::apply(const AlarmKey &key, const JhAlarmVerdict &verdict, double value, CallScope &scope)
{
    if (verdict.kind == JhAlarmVerdict::Kind::NotApplicable)
        return;
    ActiveAlarm *active = activeAlarm(key, scope);
    if (verdict.kind == JhAlarmVerdict::Kind::Abnormal) {
        if (active)
            active->normalCount = 0;
        else
            open(key, verdict, value, scope);
        return;
    }
    if (!active)
        return;
    if (++active->normalCount < mConfig.autoCloseNormalIntervals)
        return;
    if (!scope.openedIds.contains(active->alarmId)) {
        const JhAlarm *alarm = scope.state.alarm(active->alarmId);
        if (alarm && alarm->state == JhAlarmState::Escalated)
            return; // part of an incident now: the operator closes it
    }
    close(key, active->alarmId,
          QStringLiteral("连续 %1 个数据正常，系统自动关闭").arg(mConfig.autoCloseNormalIntervals), scope);
}

void JhAlarmEngine::markSeen(const QString &siteId, qint64 nowMs, CallScope &scope)
{
    qint64 &seen = mLastSeen[siteId];
    if (seen >= nowMs)
        return;
    seen = nowMs;
    if (!mOfflineSites.isEmpty() && mOfflineSites.remove(siteId)) {
        const AlarmKey key{siteId, sNoFactor, JhOfflineRule::ruleId()};
        if (ActiveAlarm *active = activeAlarm(key, scope))
            close(key, active->alarmId, QStringLiteral("数据恢复，系统自动关闭"), scope);
    }
}

QList<JhEvent> JhAlarmEngine::process(const QVector<JhObservation> &observations, const JhWorldState &state,
                                      const QDateTime &now)
{
    prime(state);
    CallScope scope{state, now, {}, 0, {}};
    const qint64 nowMs = now.toMSecsSinceEpoch();
    if (mStartedMs < 0)
        mStartedMs = nowMs;
    const JhSite *site = nullptr;
    for (const JhObservation &observation : observations) {
        if (!site || site->id != observation.siteId) {
            site = state.site(observation.siteId);
            if (!site)
                continue;
            markSeen(site->id, nowMs, scope);
        }

        const qint64 dataMs = observation.dataTime.toMSecsSinceEpoch();
        SeriesState &series =
            mSeries[SeriesKey{observation.siteId, observation.factorCode, observation.interval}];
        if (series.sameValueCount > 0 && dataMs <= series.lastDataMs) {
            ++mSkipped;
            continue;
        }
        ++mJudged;
        const bool valid = observation.flag.isEmpty() || observation.flag == QLatin1String("N");
        if (valid && series.sameValueCount > 0 && series.lastValue == observation.value)
            ++series.sameValueCount;
        else
            series.sameValueCount = valid ? 1 : 0;
        series.lastDataMs = dataMs;
        series.lastValue = observation.value;
        if (!valid)
            series.sameValueCount = 0;

        JhAlarmContext context{observation, *site, mConfig, qMax(1, series.sameValueCount), nullptr};
        JhAirPollutant pollutant;
        if (valid && site->isAir() && observation.interval == JhIntervalKind::Hour &&
            JhAirPollutants::fromHj212Code(observation.factorCode, &pollutant)) {
            JhAirHourValues &hour = mAirHours[site->id];
            if (dataMs > hour.hourMs) {
                hour = JhAirHourValues();
                hour.hourMs = dataMs;
                for (const QString &code : site->factorCodes) {
                    JhAirPollutant reported;
                    if (JhAirPollutants::fromHj212Code(code, &reported))
                        hour.expectedMask |= 1u << unsigned(reported);
                }
            }
            if (dataMs == hour.hourMs) {
                double value = observation.value;
                if (mConfig.airValuesInHj212Units)
                    JhAirPollutants::toAqiUnit(pollutant, value, JhAirPollutants::info(pollutant).hj212Unit,
                                               &value);
                hour.values[int(pollutant)] = value;
                hour.presentMask |= 1u << unsigned(pollutant);
                context.airHour = &hour;
            }
        }

        for (int index = 0; index < mRuleIds.size(); ++index) {
            if (!mPerObservation.at(index))
                continue;
            const JhAlarmVerdict verdict = mRules.at(index).evaluate(context);
            if (verdict.kind == JhAlarmVerdict::Kind::NotApplicable)
                continue;
            const QString &factor =
                verdict.factorCode.isEmpty() ? observation.factorCode : verdict.factorCode;
            apply(AlarmKey{site->id, factor, mRuleIds.at(index)}, verdict, observation.value, scope);
        }
    }
    return scope.events;
}

QList<JhEvent> JhAlarmEngine::sweep(const JhWorldState &state, const QDateTime &now)
{
    prime(state);
    CallScope scope{state, now, {}, 0, {}};
    const qint64 nowMs = now.toMSecsSinceEpoch();
    if (mStartedMs < 0)
        mStartedMs = nowMs;
    if (!mOfflineEnabled)
        return scope.events;
    for (const JhSite &site : state.sites()) {
        auto seen = mLastSeen.constFind(site.id);
        qint64 lastMs;
        if (seen != mLastSeen.constEnd())
            lastMs = seen.value();
        else if (mConfig.offlineForNeverSeenSites)
            lastMs = mStartedMs;
        else
            continue;
        const JhAlarmVerdict verdict = JhOfflineRule::judge(site, lastMs, nowMs, mConfig);
        if (verdict.kind != JhAlarmVerdict::Kind::Abnormal)
            continue;
        const AlarmKey key{site.id, sNoFactor, JhOfflineRule::ruleId()};
        if (activeAlarm(key, scope))
            continue;
        open(key, verdict, double((nowMs - lastMs) / 60000), scope);
        mOfflineSites.insert(site.id);
    }
    return scope.events;
}

void JhAlarmEngine::noteSeen(const QString &siteId, const QDateTime &time)
{
    qint64 &seen = mLastSeen[siteId];
    seen = qMax(seen, time.toMSecsSinceEpoch());
}

QDateTime JhAlarmEngine::lastSeen(const QString &siteId) const
{
    auto it = mLastSeen.constFind(siteId);
    return it == mLastSeen.constEnd() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(it.value(), Qt::UTC);
}
