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
//! JhWorldState and now; the engine returns the system events (alarm.opened / alarm.level-raised /
//! alarm.closed, actor "system", time = now, sequence 0) that the caller appends to the event log and folds
//! into the state BEFORE the next call. One active alarm per (site, factor, rule): an abnormal verdict opens
//! one only if none is active, and raises the level of the active one when it is more severe; an Open or
//! Acknowledged alarm is closed by the system after config.autoCloseNormalIntervals consecutive normal
//! verdicts of its key (escalated alarms are left to the operator). Offline alarms close as soon as data
//! arrives again.
//!
//! Per (site, factor, interval) the engine keeps the newest data time and value, and which data-time slots
//! of the last config.lateDataWindowSlots it judged. An observation newer than the newest is judged by every
//! rule. An older one (late: a backfill) is judged by the point-in-time rules only, never counts towards an
//! auto-close, a stuck sensor or the offline clock; one whose slot was judged already (a resend) is not
//! judged again; one older than the window is kept for history only.
class JhAlarmEngine
{
public:
    explicit JhAlarmEngine(const JhAlarmEngineConfig &config = JhAlarmEngineConfig(),
                           const JhAlarmRuleRegistry &rules = JhAlarmRuleRegistry::withStandardRules());

    const JhAlarmEngineConfig &config() const { return mConfig; }
    const JhAlarmRuleRegistry &rules() const { return mRules; }

    //! Judges committed observations (in order); observations of unknown sites are ignored. Marks the
    //! sites of current observations (newer than their series' newest) as seen at \a now for the offline
    //! sweep; late data and resends do not.
    QList<JhEvent> process(const QVector<JhObservation> &observations, const JhWorldState &state,
                           const QDateTime &now);
    //! The offline check the service runs on a timer (e.g. every minute): opens an offline alarm for
    //! every site silent for more than config.offlineMissedIntervals expected intervals.
    QList<JhEvent> sweep(const JhWorldState &state, const QDateTime &now);

    //! Seeds the last time data arrived from a site (e.g. the newest stored observation at startup).
    void noteSeen(const QString &siteId, const QDateTime &time);
    //! When data last arrived from \a siteId; invalid if never since the engine started.
    QDateTime lastSeen(const QString &siteId) const;
    //! Observations judged (late ones included) / skipped as resends of a judged data time.
    quint64 judgedCount() const { return mJudged; }
    quint64 skippedCount() const { return mSkipped; }
    //! Late observations judged / older than the window, so kept for history only.
    quint64 lateCount() const { return mLate; }
    quint64 historyOnlyCount() const { return mHistoryOnly; }

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
        qint64 newestSlot = 0;
        //! Bit i of the 128: the slot newestSlot - i was judged (judgedSlots[i / 64], bit i % 64).
        quint64 judgedSlots[2] = {0, 0};
        double lastValue = 0;
        int sameValueCount = 0;
        bool started = false;
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
        JhAlarmLevel level = JhAlarmLevel::Warning; //!< as opened or last raised
    };
    //! The observation a verdict is about.
    struct Judged
    {
        const JhObservation &observation;
        bool late;
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
    void apply(const AlarmKey &key, const JhAlarmVerdict &verdict, const Judged &judged, CallScope &scope);
    void open(const AlarmKey &key, JhAlarmLevel level, const QString &message, double value,
              CallScope &scope);
    //! "补传数据（数据时间 …）：" + the verdict's message for late observations, the message otherwise.
    static QString messageOf(const JhAlarmVerdict &verdict, const Judged &judged);
    void close(const AlarmKey &key, const QString &alarmId, const QString &reason, CallScope &scope);
    void markSeen(const QString &siteId, qint64 nowMs, CallScope &scope);

    JhAlarmEngineConfig mConfig;
    JhAlarmRuleRegistry mRules;
    QVector<QString> mRuleIds;     //!< per registry index
    QVector<bool> mPerObservation; //!< per registry index: evaluated for each observation
    QVector<bool> mJudgesLate;     //!< per registry index: evaluated for late observations too
    qint64 mSlotMs[4] = {};        //!< per JhIntervalKind: width of a data-time slot
    int mWindowSlots = 128;
    bool mOfflineEnabled = false;
    bool mPrimed = false;
    qint64 mStartedMs = -1;
    QHash<SeriesKey, SeriesState> mSeries;
    QHash<AlarmKey, ActiveAlarm> mActive;
    QHash<QString, JhAirHourValues> mAirHours;     //!< per air site: the newest data hour
    QHash<QString, JhAirHourValues> mLateAirHours; //!< per air site: the late data hour being backfilled
    QHash<QString, qint64> mLastSeen;
    QSet<QString> mOfflineSites; //!< sites with an offline alarm the engine opened or found
    quint64 mJudged = 0;
    quint64 mSkipped = 0;
    quint64 mLate = 0;
    quint64 mHistoryOnly = 0;
};
