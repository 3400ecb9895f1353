// Alarm engine: series bookkeeping, rule evaluation, one active alarm per key, auto-close, offline sweep.
#include "jhalarmengine.h"

#include "jhairpollutants.h"
#include "jhcommandhandler.h"
#include "jhenumnames.h"
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

//! floor(a / b) for b > 0, also for data times before the epoch.
qint64 floorDivide(qint64 a, qint64 b)
{
    return a >= 0 ? a / b : -((-a + b - 1) / b);
}

//! The 128-slot judged set of a series moves on by \a count slots when a newer data time arrives.
void shiftSlots(quint64 (&bits)[2], qint64 count)
{
    if (count >= 128) {
        bits[0] = bits[1] = 0;
    } else if (count >= 64) {
        bits[1] = bits[0] << (count - 64);
        bits[0] = 0;
    } else if (count > 0) {
        bits[1] = (bits[1] << count) | (bits[0] >> (64 - count));
        bits[0] <<= count;
    }
}

bool hasSlot(const quint64 (&bits)[2], qint64 age)
{
    return (bits[age >> 6] >> (age & 63)) & 1u;
}

void setSlot(quint64 (&bits)[2], qint64 age)
{
    bits[age >> 6] |= quint64(1) << (age & 63);
}

} // namespace

JhAlarmEngine::JhAlarmEngine(const JhAlarmEngineConfig &config, const JhAlarmRuleRegistry &rules)
    : mConfig(config), mRules(rules)
{
    for (int index = 0; index < mRules.count(); ++index) {
        const QString id = mRules.at(index).id();
        mRuleIds.append(id);
        const bool offline = id == JhOfflineRule::ruleId();
        mPerObservation.append(!offline);
        mJudgesLate.append(!offline && mRules.at(index).judgesLateData());
        mOfflineEnabled = mOfflineEnabled || offline;
    }
    for (JhIntervalKind interval :
         {JhIntervalKind::Realtime, JhIntervalKind::Minute, JhIntervalKind::Hour, JhIntervalKind::Day})
        mSlotMs[int(interval)] = 1000 * JhAlarmEngineConfig::lateDataSlotSeconds(interval);
    mWindowSlots = qBound(0, mConfig.lateDataWindowSlots, 128);
}

void JhAlarmEngine::prime(const JhWorldState &state)
{
    if (mPrimed)
        return;
    mPrimed = true;
    for (const JhAlarm &alarm : state.alarms()) {
        if (!alarm.isActive())
            continue;
        mActive.insert(AlarmKey{alarm.siteId, alarm.factorCode, alarm.ruleId},
                       ActiveAlarm{alarm.id, 0, alarm.level});
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

void JhAlarmEngine::open(const AlarmKey &key, JhAlarmLevel level, const QString &message, double value,
                         CallScope &scope)
{
    JhEvent event = JhCommandHandler::alarmOpened(scope.state, key.siteId, key.factorCode, key.ruleId, level,
                                                  value, message, scope.now);
    // Several alarms may open in one call before the caller folds them: number them on from the state's next.
    const QString alarmId = offsetId(scope.state.nextAlarmId(), scope.opened++);
    event.payload.insert(QStringLiteral("alarmId"), alarmId);
    scope.events.append(event);
    scope.openedIds.insert(alarmId);
    mActive.insert(key, ActiveAlarm{alarmId, 0, level});
}

QString JhAlarmEngine::messageOf(const JhAlarmVerdict &verdict, const Judged &judged)
{
    if (!judged.late)
        return verdict.message;
    // Operators read Beijing time (UTC+8 all year).
    const QDateTime beijing = QDateTime::fromMSecsSinceEpoch(
        judged.observation.dataTime.toMSecsSinceEpoch() + 8 * 3600 * 1000, Qt::UTC);
    return QStringLiteral("补传数据（数据时间 %1）：%2")
        .arg(beijing.toString(QStringLiteral("yyyy-MM-dd HH:mm")), verdict.message);
}

void JhAlarmEngine::close(const AlarmKey &key, const QString &alarmId, const QString &reason,
                          CallScope &scope)
{
    scope.events.append(JhCommandHandler::alarmClosedBySystem(alarmId, reason, scope.now));
    mActive.remove(key);
}

void JhAlarmEngine::apply(const AlarmKey &key, const JhAlarmVerdict &verdict, const Judged &judged,
                          CallScope &scope)
{
    if (verdict.kind == JhAlarmVerdict::Kind::NotApplicable)
        return;
    ActiveAlarm *active = activeAlarm(key, scope);
    // A flag the logger sent without a value (JhObservationBatch::flagsWithoutValue) has a NaN value: the
    // alarm carries 0, since NaN survives neither the JSON of the event nor the store's value column.
    const double value = qIsFinite(judged.observation.value) ? judged.observation.value : 0.0;
    if (verdict.kind == JhAlarmVerdict::Kind::Abnormal) {
        if (!active) {
            open(key, verdict.level, messageOf(verdict, judged), value, scope);
            return;
        }
        // A late value is about the past: it does not undo the recovery the current values show.
        if (!judged.late)
            active->normalCount = 0;
        if (int(verdict.level) > int(active->level)) {
            const QString message = QStringLiteral("%1；级别由%2升为%3")
                                        .arg(messageOf(verdict, judged), JhEnumNames::labelZh(active->level),
                                             JhEnumNames::labelZh(verdict.level));
            scope.events.append(
                JhCommandHandler::alarmLevelRaised(active->alarmId, active->level, verdict.level, value,
                                                   judged.observation.dataTime, message, scope.now));
            active->level = verdict.level;
        }
        return;
    }
    if (!active || judged.late)
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
    const JhSite *seenSite = nullptr;
    for (const JhObservation &observation : observations) {
        if (!site || site->id != observation.siteId) {
            site = state.site(observation.siteId);
            if (!site)
                continue;
        }

        const qint64 dataMs = observation.dataTime.toMSecsSinceEpoch();
        SeriesState &series =
            mSeries[SeriesKey{observation.siteId, observation.factorCode, observation.interval}];
        const qint64 slot = floorDivide(dataMs, mSlotMs[int(observation.interval) & 3]);
        const bool valid = observation.flag.isEmpty() || observation.flag == QLatin1String("N");
        bool late = false;
        if (!series.started || dataMs > series.lastDataMs) {
            if (!series.started) {
                series.started = true;
                series.judgedSlots[0] = series.judgedSlots[1] = 0;
                series.newestSlot = slot;
            } else if (slot > series.newestSlot) {
                shiftSlots(series.judgedSlots, slot - series.newestSlot);
                series.newestSlot = slot;
            }
            setSlot(series.judgedSlots, 0);
            if (valid && series.sameValueCount > 0 && series.lastValue == observation.value)
                ++series.sameValueCount;
            else
                series.sameValueCount = valid ? 1 : 0;
            series.lastDataMs = dataMs;
            series.lastValue = observation.value;
            // Only current data shows the site is alive: a backfill or a resend says nothing about now.
            if (seenSite != site) {
                seenSite = site;
                markSeen(site->id, nowMs, scope);
            }
        } else {
            const qint64 age = series.newestSlot - slot;
            if (age >= mWindowSlots) {
                ++mHistoryOnly; // too old to tell a resend from new data: stored, not judged
                continue;
            }
            if (hasSlot(series.judgedSlots, age)) {
                ++mSkipped; // a resend of a judged data time
                continue;
            }
            setSlot(series.judgedSlots, age);
            late = true;
            ++mLate;
        }
        ++mJudged;

        JhAlarmContext context{observation, *site, mConfig, late ? 1 : qMax(1, series.sameValueCount),
                               nullptr};
        JhAirPollutant pollutant;
        if (valid && site->isAir() && observation.interval == JhIntervalKind::Hour &&
            JhAirPollutants::fromHj212Code(observation.factorCode, &pollutant)) {
            // The newest hour collects the station's AQI; a backfill (late) hour is collected on its own.
            JhAirHourValues &hour = late ? mLateAirHours[site->id] : mAirHours[site->id];
            if (late ? dataMs != hour.hourMs : dataMs > hour.hourMs) {
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

        const Judged judged{observation, late};
        for (int index = 0; index < mRuleIds.size(); ++index) {
            if (!(late ? mJudgesLate.at(index) : mPerObservation.at(index)))
                continue;
            const JhAlarmVerdict verdict = mRules.at(index).evaluate(context);
            if (verdict.kind == JhAlarmVerdict::Kind::NotApplicable)
                continue;
            const QString &factor =
                verdict.factorCode.isEmpty() ? observation.factorCode : verdict.factorCode;
            apply(AlarmKey{site->id, factor, mRuleIds.at(index)}, verdict, judged, scope);
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
        open(key, verdict.level, verdict.message, double((nowMs - lastMs) / 60000), scope);
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
