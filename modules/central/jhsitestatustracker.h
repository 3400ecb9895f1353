// Central's live status per site: newest values, the standard's judgement, the site state, alarm counts.
#pragma once

#include "jhalarmengineconfig.h"

#include "jhevent.h"
#include "jhobservation.h"
#include "jhsitestatus.h"
#include "jhworldstate.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>
#include <QVector>

//! Pure logic, no I/O, no clock (now is passed in). Keeps one JhSiteStatus per site of the state, derived
//! from committed observations (the newest per factor and interval), the alarms of the state and the
//! offline rule of the alarm engine (JhOfflineRule with the same JhAlarmEngineConfig). Nothing of it goes
//! to the event log: it is volatile and rebuilt from the store at start (JhStore::latestObservations).
//!
//! Every call returns the ids of the sites whose status changed; if any did, the tracker's revision moves
//! on by one and those statuses carry it, so "what changed since revision R" is a filter (changedSince()).
//!
//! As in the alarm engine, only current data (newer than the newest of its series) moves a value or marks
//! the site as seen (at now); late data and resends change nothing. Sites are seen at their newest data time
//! after rebuild(); a site not seen since the tracker started counts from its start.
class JhSiteStatusTracker
{
public:
    explicit JhSiteStatusTracker(const JhAlarmEngineConfig &config = JhAlarmEngineConfig());

    const JhAlarmEngineConfig &config() const { return mConfig; }

    //! Starts over from the newest stored observation per (site, factor, interval) and the alarms of
    //! \a state. Revisions continue after \a baseRevision: the service passes its start time in
    //! microseconds, so a revision a client kept from an earlier run is never taken for one of this run.
    //! Returns every site id.
    QSet<QString> rebuild(const QList<JhObservation> &latest, const JhWorldState &state, const QDateTime &now,
                          qint64 baseRevision = 0);
    //! Committed observations (in commit order); observations of unknown sites are ignored.
    QSet<QString> observe(const QVector<JhObservation> &observations, const JhWorldState &state,
                          const QDateTime &now);
    //! Recounts the alarms of \a siteIds from \a state (after alarm events were folded into it).
    QSet<QString> applyAlarmState(const JhWorldState &state, const QSet<QString> &siteIds);
    //! The sites whose alarms \a events (already folded into \a state) opened, raised, acknowledged,
    //! escalated or closed.
    static QSet<QString> alarmSites(const QList<JhEvent> &events, const JhWorldState &state);
    //! The timer check: sites added to \a state get a status, silent sites go offline.
    QSet<QString> sweep(const JhWorldState &state, const QDateTime &now);

    qint64 revision() const { return mRevision; }
    //! Revisions up to this one belong to no status of this tracker (an earlier run, or none).
    qint64 baseRevision() const { return mBaseRevision; }
    //! Whether changedSince(\a revision) tells a client holding \a revision everything it lacks.
    bool canAnswerSince(qint64 revision) const { return revision > mBaseRevision && revision <= mRevision; }

    const JhSiteStatus *status(const QString &siteId) const;
    //! Every status, ordered by site id.
    QList<JhSiteStatus> statuses() const;
    //! The statuses whose revision is newer than \a revision, ordered by site id.
    QList<JhSiteStatus> changedSince(qint64 revision) const;
    //! The statuses of \a siteIds that the tracker has, ordered by site id.
    QList<JhSiteStatus> statusesOf(const QSet<QString> &siteIds) const;

private:
    struct Entry
    {
        JhSiteStatus status;
        qint64 lastSeenMs = -1; //!< -1: not seen since the tracker started
    };

    Entry &entry(const JhSite &site);
    //! Recomputes the judgement and the state of \a entry from its values, alarm counts and now.
    void derive(Entry &entry, const JhSite &site) const;
    void judgeAir(JhSiteStatus &status, const JhSite &site) const;
    void judgeWater(JhSiteStatus &status, const JhSite &site) const;
    void judgeNoise(JhSiteStatus &status, const JhSite &site) const;
    void judgeSource(JhSiteStatus &status, const JhSite &site) const;
    //! Stores \a changed as the new statuses when they differ, and bumps the revision once.
    QSet<QString> commit(const QMap<QString, JhSiteStatus> &before);
    void noteNow(const QDateTime &now);

    JhAlarmEngineConfig mConfig;
    QMap<QString, Entry> mEntries;
    qint64 mBaseRevision = 0;
    qint64 mRevision = 0;
    qint64 mStartedMs = -1;
    qint64 mNowMs = -1; //!< the newest now passed in
};
