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

#include <memory>

class JhSqliteObservationStaging;
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
    //! The stored sites with their permitted limits.
    bool loadSites(QList<JhSite> &sites);
    //! A number upsertSites() advances: unchanged means no site was added or changed since it was read.
    bool sitesRevision(qint64 &revision);
    //! The identity of this database (a UUID made on first use): a client that mirrored another database
    //! behind the same URL can tell.
    bool databaseId(QString &id);
    //! Writes the objects \a events touched, as they are in \a state (after the events were applied).
    bool saveProjection(const JhWorldState &state, const QList<JhEvent> &events);

    // Observations ----------------------------------------------------------------------------------
    //! Stores a batch in one transaction. Each observation (site, factor, interval, data time) is stored
    //! once: a logger's resend is left out (PostgreSQL at once; SQLite stages rows without looking them up
    //! and drops the copies when it compacts, see JhSqliteObservationStaging). Readers never see a copy.
    bool insertObservations(const QList<JhObservation> &observations, const QDateTime &receivedAt);
    //! SQLite: compacts the fullest staging bucket if it passed its share of the threshold. Call it after
    //! insertObservations() once the batch is acknowledged (the ingest sink does), so a compaction pause
    //! delays the next batch, not this one's replies. PostgreSQL: returns true.
    bool compactIfDue();
    //! SQLite: moves every staged observation into the main table (call it on shutdown or when idle).
    //! PostgreSQL: returns true.
    bool compactObservations();
    //! Staged rows (all buckets together) from which compactIfDue() compacts (SQLite; 250,000).
    void setCompactionThreshold(int rows) { mCompactionThreshold = rows; }
    //! Observations of one factor at one site with from <= data time <= to, oldest first.
    bool observations(const QString &siteId, const QString &factorCode, JhIntervalKind interval,
                      const QDateTime &from, const QDateTime &to, QList<JhObservation> &result);
    //! The newest observation of every stored (site, factor, interval), ordered by site id, factor code and
    //! interval: what central rebuilds its live site status from at start. One primary-key probe per series,
    //! not a scan of every row; SQLite merges the staged rows as observations() does (the first stored copy
    //! of a data time wins), so a series appears once and a resend is never seen.
    bool latestObservations(QList<JhObservation> &result);
    //! Observations of several factors of one site with from <= data time <= to, grouped by factor, oldest
    //! first (the time-series queries of the workstation API). One statement, so one snapshot: a
    //! compaction on the ingest connection cannot move a row between two factors' reads. SQLite merges the
    //! site's staging bucket as observations() does (first staged copy of a key, unless compacted), so a
    //! resend is never seen twice. A factor without data has no entry.
    bool observationSeries(const QString &siteId, const QStringList &factorCodes, JhIntervalKind interval,
                           const QDateTime &from, const QDateTime &to,
                           QHash<QString, QList<JhObservation>> &result);

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
    //! SQLite keeps observations in a file of their own (JhStoreConfig::sqliteObservationsPath()), on a
    //! second connection: ingest commits and compactions then never wait for the event log's write lock,
    //! nor it for theirs. PostgreSQL (row locks) uses the one connection for both.
    enum class Connection
    {
        State,
        Observations
    };
    QSqlDatabase &database(Connection connection);
    bool exec(const QString &sql, const QString &what, Connection connection = Connection::State);
    //! Runs \a sql on \a query (a forward-only read); on failure the error names the statement.
    bool execQuery(QSqlQuery &query, const QString &sql);
    //! Binds \a values and runs a prepared statement of the open transaction; on failure rolls it back.
    bool bindExecOrRollback(QSqlQuery &query, const QVariantList &values, const QString &what);
    //! A prepared statement cached per connection.
    QSqlQuery &prepared(const QString &sql, Connection connection = Connection::State);
    bool begin(Connection connection = Connection::State);
    bool commit(Connection connection = Connection::State);
    void rollback(Connection connection = Connection::State);
    //! SQLite: opens the observations file, creates its tables and moves observations an older schema
    //! kept in the main file over to it.
    bool openObservations();
    //! SQLite: WAL, page cache, checkpoints and synchronous mode of one connection.
    bool configureSqlite(Connection connection, const QString &path);
    bool migrate();
    bool reserveSequences(int count, qint64 &first);
    bool insertEvents(const QList<JhEvent> &events);
    bool readEvents(QSqlQuery &query, QList<JhEvent> &events);
    //! SQLite: moves one staging bucket into the main table in its own transaction.
    bool compactBucket(int bucket);

    JhStoreConfig mConfig;
    int mCompactionThreshold = 250000;
    std::unique_ptr<JhSqliteObservationStaging> mStaging; //!< SQLite only
    QString mConnectionName;
    QSqlDatabase mDatabase;
    QHash<QString, QSqlQuery> mPrepared;
    QString mObservationConnectionName; //!< SQLite only
    QSqlDatabase mObservationDatabase;  //!< SQLite only
    QHash<QString, QSqlQuery> mObservationPrepared;
    JhStoreError mError;
};
