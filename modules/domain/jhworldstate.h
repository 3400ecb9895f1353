// The state every workstation and the central service derive by folding the event log.
#pragma once

#include "jhalarm.h"
#include "jhcatalogueitem.h"
#include "jhcountyteam.h"
#include "jhdepot.h"
#include "jhevent.h"
#include "jhfactor.h"
#include "jhincident.h"
#include "jhsite.h"
#include "jhtask.h"

#include <QHash>
#include <QMap>
#include <QString>

//! Reference data (sites, factors, teams, catalogue, depots as configured) plus the operational state
//! built by apply(). apply() is pure and deterministic: replaying the same log rebuilds an equal state.
//! Ordered maps keep iteration deterministic across processes.
class JhWorldState
{
public:
    //! Applies one event. Events with a sequence number must follow lastSequence() without a gap;
    //! sequence 0 (not yet stored) is applied without moving lastSequence(). Returns false and leaves the
    //! state unchanged if the event does not fit (gap, duplicate, unknown object, bad payload).
    bool apply(const JhEvent &event, QString *error = nullptr);

    qint64 lastSequence() const { return mLastSequence; }
    //! For a state restored from a snapshot.
    void setLastSequence(qint64 sequence) { mLastSequence = sequence; }

    //! Adds or replaces a site (by id) and indexes its MN.
    void addSite(const JhSite &site);
    void addFactor(const JhFactor &factor) { mFactors.insert(factor.code, factor); }
    void addTeam(const JhCountyTeam &team) { mTeams.insert(team.id, team); }
    void addCatalogueItem(const JhCatalogueItem &item) { mCatalogue.insert(item.code, item); }
    void addDepot(const JhDepot &depot) { mDepots.insert(depot.id, depot); }
    //! Restores operational objects from a snapshot or the store's projection tables.
    void addAlarm(const JhAlarm &alarm);
    void addIncident(const JhIncident &incident);
    void addTask(const JhTask &task);

    const QMap<QString, JhSite> &sites() const { return mSites; }
    const QMap<QString, JhFactor> &factors() const { return mFactors; }
    const QMap<QString, JhCountyTeam> &teams() const { return mTeams; }
    const QMap<QString, JhCatalogueItem> &catalogue() const { return mCatalogue; }
    const QMap<QString, JhDepot> &depots() const { return mDepots; }
    const QMap<QString, JhAlarm> &alarms() const { return mAlarms; }
    const QMap<QString, JhIncident> &incidents() const { return mIncidents; }
    const QMap<QString, JhTask> &tasks() const { return mTasks; }

    const JhSite *site(const QString &id) const;
    //! The site whose data logger uses \a mn (the ingest lookup), or nullptr.
    const JhSite *siteByMn(const QString &mn) const;
    const JhCountyTeam *team(const QString &id) const;
    const JhDepot *depot(const QString &id) const;
    const JhAlarm *alarm(const QString &id) const;
    const JhIncident *incident(const QString &id) const;
    const JhTask *task(const QString &id) const;

    //! The active (not closed) alarm for (site, factor, rule), or nullptr: there is at most one.
    const JhAlarm *activeAlarm(const QString &siteId, const QString &factorCode, const QString &ruleId) const;
    //! Tasks of \a incidentId that are neither completed nor cancelled.
    int activeTaskCount(const QString &incidentId) const;

    //! Next ids, derived from the state so that a replay assigns the same ones.
    QString nextAlarmId() const;
    QString nextIncidentId() const;
    QString nextTaskId() const;

    bool operator==(const JhWorldState &other) const;
    bool operator!=(const JhWorldState &other) const { return !(*this == other); }

private:
    bool applyPayload(const JhEvent &event, QString *error);

    qint64 mLastSequence = 0;
    int mAlarmCounter = 0;
    int mIncidentCounter = 0;
    int mTaskCounter = 0;
    QMap<QString, JhSite> mSites;
    QHash<QString, QString> mSiteIdByMn;
    QMap<QString, JhFactor> mFactors;
    QMap<QString, JhCountyTeam> mTeams;
    QMap<QString, JhCatalogueItem> mCatalogue;
    QMap<QString, JhDepot> mDepots;
    QMap<QString, JhAlarm> mAlarms;
    QMap<QString, JhIncident> mIncidents;
    QMap<QString, JhTask> mTasks;
};
