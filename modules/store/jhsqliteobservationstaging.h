// SQLite ingest staging: observations appended to bucket tables through the sqlite3 API, then compacted.
#pragma once

#include "jhobservation.h"

#include <QList>
#include <QString>

#include <array>

struct sqlite3;
struct sqlite3_stmt;

//! The SQLite write path of observations. Ingest commits are small and frequent (one per merged batch of
//! logger packets, fsynced before the loggers get their replies), so each must touch as few pages as
//! possible: rows are appended, without any key, to one of BucketCount staging tables chosen by a stable
//! hash of the site. Nothing is looked up on the way in; a resend may be staged twice.
//!
//! Compaction moves one bucket at a time into the keyed observations table, in key order (each of its
//! pages is written once per compaction, not once per commit), keeping the first staged row of a key and
//! dropping every later copy (ON CONFLICT DO NOTHING), then empties the bucket. One bucket holds about a
//! sixteenth of the sites, so a compaction is a short pause of the ingest thread, not a long one. Readers
//! (JhStore::observations) merge a site's bucket with the main table and drop the same duplicates, so a
//! resend is never seen twice, before or after compaction.
//!
//! Statements run inside the caller's transaction (JhStore begins and commits). The sqlite3 handle is the
//! one QtSql's QSQLITE driver opened; Debian builds that driver against the system libsqlite3, the
//! library this class links.
class JhSqliteObservationStaging
{
public:
    static constexpr int BucketCount = 16;

    //! The bucket of a site: FNV-1a over its UTF-16 code units, stable across runs and Qt versions
    //! (rows already staged must be found in the same bucket after a restart).
    static int bucketOf(const QString &siteId);
    static QString tableName(int bucket);
    //! The CREATE TABLE statements of every bucket (the schema migration runs them).
    static QStringList createStatements();

    explicit JhSqliteObservationStaging(sqlite3 *database);
    ~JhSqliteObservationStaging();
    JhSqliteObservationStaging(const JhSqliteObservationStaging &) = delete;
    JhSqliteObservationStaging &operator=(const JhSqliteObservationStaging &) = delete;

    //! Reads how many rows each bucket holds (after a restart, a bucket may still hold rows).
    bool countStagedRows(QString *error);
    //! Appends the observations to their buckets (inside the caller's transaction).
    bool stage(const QList<JhObservation> &observations, qint64 receivedMs, QString *error);
    //! Moves bucket \a bucket into observations and empties it (inside the caller's transaction); \a moved
    //! is the number of staged rows it held. Call noteCompacted() once that transaction committed.
    bool compact(int bucket, int *moved, QString *error);
    void noteCompacted(int bucket) { mStagedRows[std::size_t(bucket)] = 0; }
    //! The bucket holding the most staged rows if it holds at least \a threshold; otherwise -1.
    int fullestBucket(int threshold) const;
    //! Rows staged in \a bucket (counted as appended; a rolled-back append overstates it until the next
    //! compaction, which is harmless: it only compacts a little earlier).
    int stagedRows(int bucket) const { return mStagedRows[std::size_t(bucket)]; }

private:
    sqlite3_stmt *statement(std::array<sqlite3_stmt *, BucketCount> &cache, int bucket, const QString &sql,
                            QString *error);
    bool step(sqlite3_stmt *statement, const QString &what, QString *error);

    sqlite3 *mDatabase;
    std::array<sqlite3_stmt *, BucketCount> mInsert{};
    std::array<sqlite3_stmt *, BucketCount> mMove{};
    std::array<sqlite3_stmt *, BucketCount> mClear{};
    std::array<int, BucketCount> mStagedRows{};
};
