// Live site status: newest values per series, judged with envstd, state from data flags and the offline rule.
#include "jhsitestatustracker.h"

#include "jhofflinerule.h"

#include "jhaqicalculator.h"
#include "jhnoisestandard.h"
#include "jhsurfacewaterassessor.h"

#include <QJsonArray>

#include <algorithm>

namespace {
bool isValidFlag(const QString &flag)
{
    return flag.isEmpty() || flag == QLatin1String("N");
}

//! Data time in Beijing time (Asia/Shanghai is UTC+8 all year), as the alarm rules read it.
QDateTime beijingTime(const QDateTime &time)
{
    return QDateTime::fromMSecsSinceEpoch(time.toMSecsSinceEpoch() + 8 * 3600 * 1000, Qt::UTC);
}

bool factorLess(const JhFactorStatus &status, const JhObservation &observation)
{
    return status.factorCode < observation.factorCode ||
           (status.factorCode == observation.factorCode && status.interval < observation.interval);
}

//! The newest valid value among \a intervals of each factor (the first interval listed wins a tie).
QMap<QString, const JhFactorStatus *> newestValid(const JhSiteStatus &status,
                                                  std::initializer_list<JhIntervalKind> intervals)
{
    QMap<QString, const JhFactorStatus *> result;
    for (JhIntervalKind interval : intervals) {
        for (const JhFactorStatus &factor : status.factors) {
            if (factor.interval != interval || !isValidFlag(factor.flag))
                continue;
            const JhFactorStatus *&best = result[factor.factorCode];
            if (!best || factor.dataTime > best->dataTime)
                best = &factor;
        }
    }
    return result;
}
} // namespace

JhSiteStatusTracker::JhSiteStatusTracker(const JhAlarmEngineConfig &config) : mConfig(config)
{}

void JhSiteStatusTracker::noteNow(const QDateTime &now)
{
    const qint64 nowMs = now.toMSecsSinceEpoch();
    if (mStartedMs < 0)
        mStartedMs = nowMs;
    mNowMs = qMax(mNowMs, nowMs);
}

JhSiteStatusTracker::Entry &JhSiteStatusTracker::entry(const JhSite &site)
{
    auto it = mEntries.find(site.id);
    if (it == mEntries.end()) {
        it = mEntries.insert(site.id, Entry());
        it->status.siteId = site.id;
    }
    return it.value();
}

QSet<QString> JhSiteStatusTracker::commit(const QMap<QString, JhSiteStatus> &before)
{
    QSet<QString> changed;
    for (auto it = before.constBegin(); it != before.constEnd(); ++it) {
        const JhSiteStatus &now = mEntries.value(it.key()).status;
        if (now.content() != it.value().content())
            changed.insert(it.key());
    }
    if (changed.isEmpty())
        return changed;
    ++mRevision;
    for (const QString &siteId : changed)
        mEntries[siteId].status.revision = mRevision;
    return changed;
}

QSet<QString> JhSiteStatusTracker::rebuild(const QList<JhObservation> &latest, const JhWorldState &state,
                                           const QDateTime &now, qint64 baseRevision)
{
    mEntries.clear();
    mStartedMs = -1;
    mNowMs = -1;
    noteNow(now);
    mBaseRevision = baseRevision;
    mRevision = baseRevision;
    for (const JhSite &site : state.sites())
        entry(site);
    for (const JhObservation &observation : latest) {
        auto it = mEntries.find(observation.siteId);
        if (it == mEntries.end())
            continue;
        QList<JhFactorStatus> &factors = it->status.factors;
        auto at = std::lower_bound(factors.begin(), factors.end(), observation, factorLess);
        if (at != factors.end() && at->factorCode == observation.factorCode &&
            at->interval == observation.interval) {
            if (observation.dataTime <= at->dataTime)
                continue;
            *at = {observation.factorCode, observation.interval, observation.value, observation.flag,
                   observation.dataTime};
        } else {
            factors.insert(at, {observation.factorCode, observation.interval, observation.value,
                                observation.flag, observation.dataTime});
        }
        if (!it->status.lastDataAt.isValid() || observation.dataTime > it->status.lastDataAt)
            it->status.lastDataAt = observation.dataTime;
    }
    // Stored data tells when a site was last heard of (its newest data time), as JhAlarmEngine::noteSeen.
    for (Entry &e : mEntries)
        if (e.status.lastDataAt.isValid())
            e.lastSeenMs = e.status.lastDataAt.toMSecsSinceEpoch();
    QMap<QString, JhSiteStatus> before;
    for (auto it = mEntries.constBegin(); it != mEntries.constEnd(); ++it)
        before.insert(it.key(), JhSiteStatus());
    QSet<QString> all;
    for (auto it = before.constBegin(); it != before.constEnd(); ++it)
        all.insert(it.key());
    for (const JhAlarm &alarm : state.alarms()) {
        auto it = mEntries.find(alarm.siteId);
        if (it == mEntries.end() || !alarm.isActive())
            continue;
        JhSiteStatus &status = it->status;
        ++status.openAlarms;
        if (alarm.state == JhAlarmState::Acknowledged)
            ++status.acknowledgedAlarms;
        if (!status.hasOpenAlarm || alarm.level > status.worstLevel)
            status.worstLevel = alarm.level;
        status.hasOpenAlarm = true;
    }
    for (auto it = mEntries.begin(); it != mEntries.end(); ++it)
        derive(it.value(), *state.site(it.key()));
    commit(before);
    return all;
}

QSet<QString> JhSiteStatusTracker::observe(const QVector<JhObservation> &observations,
                                           const JhWorldState &state, const QDateTime &now)
{
    noteNow(now);
    const qint64 nowMs = now.toMSecsSinceEpoch();
    QMap<QString, JhSiteStatus> before;
    const JhSite *site = nullptr;
    Entry *current = nullptr;
    for (const JhObservation &observation : observations) {
        if (!site || site->id != observation.siteId) {
            site = state.site(observation.siteId);
            if (!site)
                continue;
            current = &entry(*site);
            if (!before.contains(site->id))
                before.insert(site->id, current->status);
        }
        QList<JhFactorStatus> &factors = current->status.factors;
        auto at = std::lower_bound(factors.begin(), factors.end(), observation, factorLess);
        const JhFactorStatus fresh{observation.factorCode, observation.interval, observation.value,
                                   observation.flag, observation.dataTime};
        if (at != factors.end() && at->factorCode == observation.factorCode &&
            at->interval == observation.interval) {
            if (observation.dataTime <= at->dataTime)
                continue; // late data or a resend: says nothing about now
            *at = fresh;
        } else {
            factors.insert(at, fresh);
        }
        if (!current->status.lastDataAt.isValid() || observation.dataTime > current->status.lastDataAt)
            current->status.lastDataAt = observation.dataTime;
        current->lastSeenMs = qMax(current->lastSeenMs, nowMs);
    }
    for (auto it = before.constBegin(); it != before.constEnd(); ++it)
        derive(mEntries[it.key()], *state.site(it.key()));
    return commit(before);
}

QSet<QString> JhSiteStatusTracker::applyAlarmState(const JhWorldState &state, const QSet<QString> &siteIds)
{
    if (siteIds.isEmpty())
        return {};
    QMap<QString, JhSiteStatus> before;
    for (const QString &siteId : siteIds) {
        const JhSite *site = state.site(siteId);
        if (!site)
            continue;
        Entry &e = entry(*site);
        before.insert(siteId, e.status);
        e.status.openAlarms = 0;
        e.status.acknowledgedAlarms = 0;
        e.status.hasOpenAlarm = false;
        e.status.worstLevel = JhAlarmLevel::Notice;
    }
    for (const JhAlarm &alarm : state.alarms()) {
        if (!alarm.isActive() || !before.contains(alarm.siteId))
            continue;
        JhSiteStatus &status = mEntries[alarm.siteId].status;
        ++status.openAlarms;
        if (alarm.state == JhAlarmState::Acknowledged)
            ++status.acknowledgedAlarms;
        if (!status.hasOpenAlarm || alarm.level > status.worstLevel)
            status.worstLevel = alarm.level;
        status.hasOpenAlarm = true;
    }
    for (auto it = before.constBegin(); it != before.constEnd(); ++it)
        derive(mEntries[it.key()], *state.site(it.key()));
    return commit(before);
}

QSet<QString> JhSiteStatusTracker::alarmSites(const QList<JhEvent> &events, const JhWorldState &state)
{
    QSet<QString> result;
    for (const JhEvent &event : events) {
        switch (event.type) {
        case JhEventType::AlarmOpened:
        case JhEventType::AlarmAcknowledged:
        case JhEventType::AlarmEscalated:
        case JhEventType::AlarmClosed:
        case JhEventType::AlarmLevelRaised: {
            const QString siteId = event.payload.value(QStringLiteral("siteId")).toString();
            if (!siteId.isEmpty()) {
                result.insert(siteId);
            } else if (const JhAlarm *alarm =
                           state.alarm(event.payload.value(QStringLiteral("alarmId")).toString())) {
                result.insert(alarm->siteId);
            }
            break;
        }
        case JhEventType::IncidentCreated:
        case JhEventType::IncidentUpdated:
        case JhEventType::IncidentClosed:
            // Escalating into an incident or closing one may close or move alarms: recount their sites.
            for (const QJsonValue &id : event.payload.value(QStringLiteral("alarmIds")).toArray())
                if (const JhAlarm *alarm = state.alarm(id.toString()))
                    result.insert(alarm->siteId);
            break;
        default:
            break;
        }
    }
    return result;
}

QSet<QString> JhSiteStatusTracker::sweep(const JhWorldState &state, const QDateTime &now)
{
    noteNow(now);
    QMap<QString, JhSiteStatus> before;
    for (const JhSite &site : state.sites()) {
        auto it = mEntries.constFind(site.id);
        before.insert(site.id, it == mEntries.constEnd() ? JhSiteStatus() : it->status);
        derive(entry(site), site);
    }
    return commit(before);
}

void JhSiteStatusTracker::derive(Entry &entry, const JhSite &site) const
{
    JhSiteStatus &status = entry.status;
    status.air = JhAirJudgement();
    status.water = JhWaterJudgement();
    status.noise = JhNoiseJudgement();
    status.source = JhSourceJudgement();
    if (site.isAir())
        judgeAir(status, site);
    else if (site.isWater())
        judgeWater(status, site);
    else if (site.kind == JhSiteKind::Noise)
        judgeNoise(status, site);
    else if (site.kind == JhSiteKind::PollutionSource)
        judgeSource(status, site);

    status.offlineSince = QDateTime();
    if (status.factors.isEmpty()) {
        status.state = JhSiteState::NeverReported;
        return;
    }
    // The offline notion of the alarm engine: more than offlineMissedIntervals expected intervals silent.
    const qint64 lastSeenMs = entry.lastSeenMs >= 0 ? entry.lastSeenMs : mStartedMs;
    if (mNowMs >= 0 &&
        JhOfflineRule::judge(site, lastSeenMs, mNowMs, mConfig).kind == JhAlarmVerdict::Kind::Abnormal) {
        status.state = JhSiteState::Offline;
        status.offlineSince = QDateTime::fromMSecsSinceEpoch(
            lastSeenMs + mConfig.expectedIntervalSeconds(site.kind) * 1000 * mConfig.offlineMissedIntervals,
            Qt::UTC);
        return;
    }
    // The flags of the newest data (every factor reported at the newest data time): D, then M, then C.
    bool fault = false, maintenance = false, calibration = false;
    for (const JhFactorStatus &factor : status.factors) {
        if (factor.dataTime != status.lastDataAt)
            continue;
        fault |= factor.flag == QLatin1String("D");
        maintenance |= factor.flag == QLatin1String("M");
        calibration |= factor.flag == QLatin1String("C");
    }
    status.state = fault         ? JhSiteState::Fault
                   : maintenance ? JhSiteState::Maintenance
                   : calibration ? JhSiteState::Calibration
                                 : JhSiteState::Online;
}

void JhSiteStatusTracker::judgeAir(JhSiteStatus &status, const JhSite &site) const
{
    // The newest data hour with valid hourly values of AQI pollutants, and the pollutants of that hour.
    QDateTime hour;
    for (const JhFactorStatus &factor : status.factors) {
        JhAirPollutant pollutant;
        if (factor.interval == JhIntervalKind::Hour && isValidFlag(factor.flag) &&
            JhAirPollutants::fromHj212Code(factor.factorCode, &pollutant) &&
            (!hour.isValid() || factor.dataTime > hour))
            hour = factor.dataTime;
    }
    if (!hour.isValid())
        return;
    const QDate date = beijingTime(hour).date();
    const JhAqiStandard &standard = JhAqiStandard::standard(JhAqiStandard::versionInForce(date));
    JhAqiInput input;
    input.observationDate = date;
    input.report = JhAqiReport::Hourly;
    QMap<JhAirPollutant, QString> codes;
    for (const JhFactorStatus &factor : status.factors) {
        JhAirPollutant pollutant;
        if (factor.interval != JhIntervalKind::Hour || factor.dataTime != hour || !isValidFlag(factor.flag) ||
            !JhAirPollutants::fromHj212Code(factor.factorCode, &pollutant) || codes.contains(pollutant))
            continue;
        double value = factor.value;
        if (mConfig.airValuesInHj212Units)
            JhAirPollutants::toAqiUnit(pollutant, value, JhAirPollutants::info(pollutant).hj212Unit, &value);
        codes.insert(pollutant, factor.factorCode);
        input.concentrations.insert(standard.pollutantIndicator(pollutant, JhAqiReport::Hourly), value);
    }
    // As the AQI rule: the pollutants not in yet do not suppress the AQI; complete says whether all are in.
    for (const JhAirPollutantInfo &info : JhAirPollutants::all()) {
        if (!codes.contains(info.pollutant))
            input.notInMonitoringPlan.append(info.pollutant);
    }
    bool expected = false;
    bool complete = true;
    for (const QString &code : site.factorCodes) {
        JhAirPollutant reported;
        if (JhAirPollutants::fromHj212Code(code, &reported)) {
            expected = true;
            complete = complete && codes.contains(reported);
        }
    }
    complete = expected && complete;
    const JhAqiResult result = JhAqiCalculator::calculate(input);
    if (!result.ok() || result.computedAqi < 0)
        return;
    JhAirJudgement &air = status.air;
    air.valid = true;
    air.hour = hour;
    air.standard = standard.code();
    air.aqi = result.hasAqi ? result.aqi : result.computedAqi;
    air.complete = complete;
    const JhAqiCategory &category = standard.category(air.aqi);
    air.category = category.level;
    air.categoryZh = QString::fromUtf8(category.categoryZh);
    air.colour = category.colourHex();
    for (JhAirPollutant pollutant : result.primaryPollutants)
        air.primaryPollutants.append(codes.value(pollutant));
    for (const auto &pollutantIaqi : result.pollutantIaqi)
        air.iaqi.insert(codes.value(pollutantIaqi.first), pollutantIaqi.second);
}

void JhSiteStatusTracker::judgeWater(JhSiteStatus &status, const JhSite &site) const
{
    const JhWaterBody body =
        site.waterBody == JhWaterBodyType::Lake ? JhWaterBody::LakeOrReservoir : JhWaterBody::River;
    JhWaterJudgement &water = status.water;
    const QMap<QString, const JhFactorStatus *> values =
        newestValid(status, {JhIntervalKind::Hour, JhIntervalKind::Day});
    for (auto it = values.constBegin(); it != values.constEnd(); ++it) {
        // The same items, units and limits as the water class rule.
        JhWaterItem item;
        if (!JhSurfaceWaterStandard::itemFromName(it.key(), &item))
            continue;
        const JhWaterItemInfo &info = JhSurfaceWaterStandard::info(item);
        if (!info.participates)
            continue;
        double value = it.value()->value;
        if (info.hj212Unit != info.unit && !JhUnits::convert(value, info.hj212Unit, info.unit, &value))
            continue;
        JhWaterClass waterClass;
        if (!JhSurfaceWaterAssessor::classify(item, value, body, &waterClass))
            continue;
        water.valid = true;
        water.classes.insert(it.key(), int(waterClass));
        water.overallClass = qMax(water.overallClass, int(waterClass));
        if (!water.dataTime.isValid() || it.value()->dataTime > water.dataTime)
            water.dataTime = it.value()->dataTime;
    }
    if (!water.valid)
        return;
    if (site.waterTargetClass >= 1 && site.waterTargetClass <= 6) {
        water.targetClass = site.waterTargetClass;
        water.meetsTarget = water.overallClass <= water.targetClass;
    }
}

void JhSiteStatusTracker::judgeNoise(JhSiteStatus &status, const JhSite &site) const
{
    JhNoiseZone zone;
    if (!JhNoiseStandard::zoneFromString(site.noiseZone, &zone))
        return;
    // The newest LAeq, hourly before minute values at the same data time.
    const JhFactorStatus *newest = nullptr;
    const QMap<QString, const JhFactorStatus *> values =
        newestValid(status, {JhIntervalKind::Hour, JhIntervalKind::Minute});
    for (auto it = values.constBegin(); it != values.constEnd(); ++it)
        if (mConfig.noiseFactorCodes.contains(it.key()) &&
            (!newest || it.value()->dataTime > newest->dataTime))
            newest = it.value();
    if (!newest)
        return;
    const JhNoiseAssessment assessment =
        JhNoiseStandard::assess(zone, beijingTime(newest->dataTime).time(), newest->value);
    JhNoiseJudgement &noise = status.noise;
    noise.valid = true;
    noise.dataTime = newest->dataTime;
    noise.factorCode = newest->factorCode;
    noise.leq = newest->value;
    noise.zone = JhNoiseStandard::zoneName(zone);
    noise.night = assessment.period == JhNoisePeriod::Night;
    noise.limit = assessment.limit;
    noise.exceeded = assessment.exceeds;
}

void JhSiteStatusTracker::judgeSource(JhSiteStatus &status, const JhSite &site) const
{
    JhSourceJudgement &source = status.source;
    const QMap<QString, const JhFactorStatus *> values =
        newestValid(status, {JhIntervalKind::Hour, JhIntervalKind::Minute});
    for (auto it = values.constBegin(); it != values.constEnd(); ++it) {
        const JhPermittedLimit *limit = site.permittedLimit(it.key());
        if (!limit || limit->limit <= 0)
            continue;
        const double ratio = it.value()->value / limit->limit;
        if (source.valid && ratio <= source.ratio)
            continue;
        source.valid = true;
        source.dataTime = it.value()->dataTime;
        source.factorCode = it.key();
        source.value = it.value()->value;
        source.limit = limit->limit;
        source.ratio = ratio;
        source.exceeded = it.value()->value > limit->limit;
    }
}

const JhSiteStatus *JhSiteStatusTracker::status(const QString &siteId) const
{
    auto it = mEntries.constFind(siteId);
    return it == mEntries.constEnd() ? nullptr : &it->status;
}

QList<JhSiteStatus> JhSiteStatusTracker::statuses() const
{
    QList<JhSiteStatus> result;
    result.reserve(mEntries.size());
    for (const Entry &e : mEntries)
        result.append(e.status);
    return result;
}

QList<JhSiteStatus> JhSiteStatusTracker::changedSince(qint64 revision) const
{
    QList<JhSiteStatus> result;
    for (const Entry &e : mEntries)
        if (e.status.revision > revision)
            result.append(e.status);
    return result;
}

QList<JhSiteStatus> JhSiteStatusTracker::statusesOf(const QSet<QString> &siteIds) const
{
    QList<JhSiteStatus> result;
    for (auto it = mEntries.constBegin(); it != mEntries.constEnd(); ++it)
        if (siteIds.contains(it.key()))
            result.append(it->status);
    return result;
}
