// The alarm engine: runs the rule registry over committed observations and a timer sweep, yields events.
#pragma once

#include "jhalarmengineconfig.h"
#include "jhalarmruleregistry.h"

#include "jhevent.h"
#include "jhobservation.h"
#include "jhworldstate.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <QVector>
#include <QtGlobal>

//! Pure logic, no I/O, no clock: the caller passes committed observations (or a sweep time), the current
//! JhWorldState and now; the engine returns the system events (alarm.opened / alarm.closed, actor
//! "system", time = now, sequence 0) that the caller appends to the event log and folds into the state
//! BEFORE the next call. One active alarm per (site, factor, rule): an abnormal verdict opens one only if
//! none is active; an Open or Acknowledged alarm is closed by the system after
//! config.autoCloseNormalIntervals consecutive normal verdicts of its key (escalated alarms are left to the
//! operator). Offline alarms close as soon as data arrives again.
//!
//! Per (site, factor, interval) the engine keeps the last data time and value: an observation that is not
//! newer than the last one (a logger resend, a late backfill) is not judged again.
class JhAlarmEngine
{
public:
    explicit JhAlarmEngine(const JhAlarmEngineConfig &config = JhAlarmEngineConfig(),
                           const JhAlarmRuleRegistry &rules = JhAlarmRuleRegistry::withStandardRules());

    const JhAlarmEngineConfig &config() const { return mConfig; }
    const JhAlarmRuleRegistry &rules() const { return mRules; }

    //! Judges committed observations (in order); observations of unknown sites are ignored. Marks their
    //! sites as seen at \a now for the offline sweep.
    QList<JhEvent> process(const QVector<JhObservation> &observations, const JhWorldState &state,
                           const QDateTime &now);
    //! The offline check the service runs on a timer (e.g. every minute): opens an offline alarm for
    //! every site silent for more than config.offlineMissedIntervals expected intervals.
    QList<JhEvent> sweep(const JhWorldState &state, const QDateTime &now);

    //! Seeds the last time data arrived from a site (e.g. the newest stored observation at startup).
    void noteSeen(const QString &siteId, const QDateTime &time);
    //! When data last arrived from \a siteId; invalid if never since the engine started.
    QDateTime lastSeen(const QString &siteId) const;
    //! Observations judged / skipped as not newer than their series' last one.
    quint64 judgedCount() const { return mJudged; }
    quint64 skippedCount() const { return mSkipped; }

private:
    struct SeriesKey
    {
        QString siteId;
        QString factorCode;
        JhIntervalKind interval;
        bool operator==(const SeriesKey &other) const
        {
            return interval == other.interval && siteId == other.siteId && factorCode == other.factorCode;
        }
    };
    struct SeriesState
    {
        qint64 lastDataMs = 0;
        double lastValue = 0;
        int sameValueCount = 0;
    };
    struct AlarmKey
    {
        QString siteId;
        QString factorCode;
        QString ruleId;
        bool operator==(const AlarmKey &other) const
        {
            return siteId == other.siteId && factorCode == other.factorCode && ruleId == other.ruleId;
        }
    };
    struct ActiveAlarm
    {
        QString alarmId;
        int normalCount = 0;
    };
    //! Alarms opened during one process()/sweep() call: not in the state yet.
    struct CallScope
    {
        const JhWorldState &state;
        QDateTime now;
        QList<JhEvent> events;
        int opened = 0;
        QSet<QString> openedIds;
    };
#if QT_VERSION >= QT_VERSION_CHECK(6, 0, 0)
    using HashValue = size_t;
#else
    using HashValue = uint;
#endif
    friend HashValue qHash(const SeriesKey &key, HashValue seed = 0)
    {
        return seed ^ qHash(key.siteId) ^ (qHash(key.factorCode) * 31u) ^ (HashValue(key.interval) << 28);
    }
    friend HashValue qHash(const AlarmKey &key, HashValue seed = 0)
    {
        return seed ^ qHash(key.siteId) ^ (qHash(key.factorCode) * 31u) ^ (qHash(key.ruleId) * 131u);
    }

    void prime(const JhWorldState &state);
    //! The engine's active alarm for \a key, after checking the state still has it active; or nullptr.
    ActiveAlarm *activeAlarm(const AlarmKey &key, CallScope &scope);
    void apply(const AlarmKey &key, const JhAlarmVerdict &verdict, double value, CallScope &scope);
    void open(const AlarmKey &key, const JhAlarmVerdict &verdict, double value, CallScope &scope);
    void close(const AlarmKey &key, const QString &alarmId, const QString &reason, CallScope &scope);
    void markSeen(const QString &siteId, qint64 nowMs, CallScope &scope);

    JhAlarmEngineConfig mConfig;
    JhAlarmRuleRegistry mRules;
    QVector<QString> mRuleIds;     //!< per registry index
    QVector<bool> mPerObservation; //!< per registry index: evaluated for each observation
    bool mOfflineEnabled = false;
    bool mPrimed = false;
    qint64 mStartedMs = -1;
    QHash<SeriesKey, SeriesState> mSeries;
    QHash<AlarmKey, ActiveAlarm> mActive;
    QHash<QString, JhAirHourValues> mAirHours;
    QHash<QString, qint64> mLastSeen;
    QSet<QString> mOfflineSites; //!< sites with an offline alarm the engine opened or found
    quint64 mJudged = 0;
    quint64 mSkipped = 0;
};
