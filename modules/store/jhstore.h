// Persistence of the central state through QtSql, on SQLite (embedded default) or PostgreSQL 15.
#pragma once

#include "jhstoreconfig.h"
#include "jhstoreduser.h"
#include "jhstoreerror.h"
#include "jhunknownmn.h"

#include "jhcommand.h"
#include "jhcommandresult.h"
#include "jhobservation.h"
#include "jhworldstate.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>

//! One connection to the store. Use one JhStore per thread (QtSql connections are per thread).
//! Every method returns false on failure and leaves the reason in error().
//!
//! The event log is the truth: appendEvents()/appendCommand() assign gap-free sequence numbers inside
//! the transaction that appends. The alarm/incident/task/inventory tables are a projection of the log
//! (saveProjection()), marked with the sequence they reflect; loadState() + eventsAfter() rebuild the
//! current state after a crash between the two.
class JhStore
{
public:
    JhStore();
    ~JhStore();
    JhStore(const JhStore &) = delete;
    JhStore &operator=(const JhStore &) = delete;

    //! Connects, configures (SQLite: WAL, busy timeout) and applies pending migrations.
    bool open(const JhStoreConfig &config);
    void close();
    bool isOpen() const;
    JhStoreConfig::Dialect dialect() const { return mConfig.dialect; }
    JhStoreError error() const { return mError; }
    bool schemaVersion(int &version);

    // Reference data --------------------------------------------------------------------------------
    //! Inserts or replaces sites (with their permitted limits) in one transaction.
    bool upsertSites(const QList<JhSite> &sites);
    bool upsertFactors(const QList<JhFactor> &factors);
    //! Adds teams, catalogue items and depots with their stock that are not stored yet; never overwrites
    //! existing rows (their live status and stock come from the event log).
    bool initialiseReferenceData(const JhWorldState &state);
    //! Sites, factors, teams, catalogue, depots, alarms, incidents and tasks as projected, with
    //! lastSequence() set to the projected sequence.
    bool loadState(JhWorldState &state);
    //! Writes the objects \a events touched, as they are in \a state (after the events were applied).
    bool saveProjection(const JhWorldState &state, const QList<JhEvent> &events);

    // Observations ----------------------------------------------------------------------------------
    //! Stores a batch in one transaction. An observation already stored (same site, factor, interval,
    //! data time) is left alone, so a logger's resend is not stored twice. \a inserted counts new rows.
    bool insertObservations(const QList<JhObservation> &observations, const QDateTime &receivedAt,
                            int *inserted = nullptr);
    //! SQLite: moves staged observations into the main table (insertObservations() calls it every
    //! ~50,000 rows; call it on shutdown or when idle). PostgreSQL has no staging: returns true.
    bool compactObservations();
    //! Staged rows that start a compaction sweep (SQLite; default 250,000).
    void setCompactionThreshold(int rows) { mCompactionThreshold = rows; }
    //! Observations of one factor at one site with from <= data time <= to, oldest first.
    bool observations(const QString &siteId, const QString &factorCode, JhIntervalKind interval,
                      const QDateTime &from, const QDateTime &to, QList<JhObservation> &result);

    // Event log and commands ------------------------------------------------------------------------
    //! Appends events (system events, e.g. alarms) and assigns their sequence numbers.
    bool appendEvents(QList<JhEvent> &events);
    //! Records a handled command and appends its events in one transaction, exactly once per command id.
    //! If the id was already processed, \a result is replaced by the stored answer and
    //! \a alreadyProcessed is set; nothing is appended.
    bool appendCommand(const JhCommand &command, JhCommandResult &result, const QDateTime &receivedAt,
                       bool *alreadyProcessed = nullptr);
    //! The stored answer for a command id (its events re-read from the log).
    bool commandResult(const QString &commandId, JhCommandResult &result, bool &found);
    //! Up to \a limit events with a sequence number greater than \a sequence, in order.
    bool eventsAfter(qint64 sequence, int limit, QList<JhEvent> &events);
    bool lastSequence(qint64 &sequence);

    // Users -----------------------------------------------------------------------------------------
    //! SHA-256 of a token, hex: the only form of a token the store keeps.
    static QString hashToken(const QString &token);
    bool addUser(const JhUser &user, const QString &token, const QDateTime &now);
    //! The active (not revoked) user holding \a token.
    bool userForToken(const QString &token, JhUser &user, bool &found);
    bool users(QList<JhStoredUser> &result);
    bool revokeUser(const QString &userId, const QDateTime &now, bool &found);

    // Unknown MNs -----------------------------------------------------------------------------------
    //! Counts packets from an unregistered MN (first/last seen, last peer).
    bool noteUnknownMn(const QString &mn, const QString &peer, const QDateTime &seen, qint64 packets = 1);
    bool unknownMns(QList<JhUnknownMn> &result);

private:
    bool fail(JhStoreError::Code code, const QString &message);
    bool failQuery(const QSqlQuery &query, const QString &what);
    bool exec(const QString &sql, const QString &what);
    //! A prepared statement cached per connection.
    QSqlQuery &prepared(const QString &sql);
    bool begin();
    bool commit();
    void rollback();
    bool migrate();
    bool reserveSequences(int count, qint64 &first);
    bool insertEvents(const QList<JhEvent> &events);
    bool readEvents(QSqlQuery &query, QList<JhEvent> &events);
    bool compactObservationSlice(int siteCount, int &moved);

    JhStoreConfig mConfig;
    int mStagedSinceCompaction = 0;
    int mCompactionThreshold = 250000;
    bool mCompacting = false;
    QString mSweepCursor; //!< last site moved by the running compaction sweep; null between sweeps
    QString mConnectionName;
    QSqlDatabase mDatabase;
    QHash<QString, QSqlQuery> mPrepared;
    JhStoreError mError;
};
