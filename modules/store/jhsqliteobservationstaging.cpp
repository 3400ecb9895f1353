// SQLite ingest staging: append-only bucket tables written through the sqlite3 API, compacted by bucket.
#include "jhsqliteobservationstaging.h"

#include <QByteArray>
#include <QStringList>

#include <sqlite3.h>

namespace {
const char *const sColumns = "site_id, factor_code, interval_kind, data_time, value, flag, received_at";

QString errorText(sqlite3 *database, const QString &what)
{
    return QStringLiteral("%1: %2").arg(what, QString::fromUtf8(sqlite3_errmsg(database)));
}
} // namespace

int JhSqliteObservationStaging::bucketOf(const QString &siteId)
{
    quint32 hash = 2166136261u;
    for (const QChar character : siteId) {
        hash ^= character.unicode();
        hash *= 16777619u;
    }
    return int(hash % quint32(BucketCount));
}

QString JhSqliteObservationStaging::tableName(int bucket)
{
    return QStringLiteral("observations_staging_%1").arg(bucket);
}

QStringList JhSqliteObservationStaging::createStatements()
{
    QStringList statements;
    for (int bucket = 0; bucket < BucketCount; ++bucket)
        statements.append(QStringLiteral("CREATE TABLE %1 (site_id TEXT NOT NULL, factor_code TEXT NOT NULL,"
                                         " interval_kind INTEGER NOT NULL, data_time INTEGER NOT NULL,"
                                         " value REAL NOT NULL, flag TEXT NOT NULL, received_at INTEGER NOT"
                                         " NULL)")
                              .arg(tableName(bucket)));
    return statements;
}

JhSqliteObservationStaging::JhSqliteObservationStaging(sqlite3 *database) : mDatabase(database)
{}

JhSqliteObservationStaging::~JhSqliteObservationStaging()
{
    for (auto *cache : {&mInsert, &mMove, &mClear})
        for (sqlite3_stmt *&prepared : *cache) {
            sqlite3_finalize(prepared);
            prepared = nullptr;
        }
}

sqlite3_stmt *JhSqliteObservationStaging::statement(std::array<sqlite3_stmt *, BucketCount> &cache,
                                                    int bucket, const QString &sql, QString *error)
{
    sqlite3_stmt *&prepared = cache[std::size_t(bucket)];
    if (!prepared) {
        const QByteArray text = sql.toUtf8();
        if (sqlite3_prepare_v3(mDatabase, text.constData(), int(text.size()), SQLITE_PREPARE_PERSISTENT,
                               &prepared, nullptr) != SQLITE_OK) {
            *error = errorText(mDatabase, QStringLiteral("prepare %1").arg(sql));
            sqlite3_finalize(prepared);
            prepared = nullptr;
        }
    }
    return prepared;
}

bool JhSqliteObservationStaging::step(sqlite3_stmt *statement, const QString &what, QString *error)
{
    const int result = sqlite3_step(statement);
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
    if (result == SQLITE_DONE || result == SQLITE_ROW)
        return true;
    *error = errorText(mDatabase, what);
    return false;
}

bool JhSqliteObservationStaging::countStagedRows(QString *error)
{
    for (int bucket = 0; bucket < BucketCount; ++bucket) {
        sqlite3_stmt *count = nullptr;
        const QByteArray sql = QStringLiteral("SELECT COUNT(*) FROM %1").arg(tableName(bucket)).toUtf8();
        if (sqlite3_prepare_v2(mDatabase, sql.constData(), int(sql.size()), &count, nullptr) != SQLITE_OK ||
            sqlite3_step(count) != SQLITE_ROW) {
            *error = errorText(mDatabase, QStringLiteral("count staged observations"));
            sqlite3_finalize(count);
            return false;
        }
        mStagedRows[std::size_t(bucket)] = int(sqlite3_column_int64(count, 0));
        sqlite3_finalize(count);
    }
    return true;
}

bool JhSqliteObservationStaging::stage(const QList<JhObservation> &observations, qint64 receivedMs,
                                       QString *error)
{
    // Text goes in as UTF-8 bound SQLITE_STATIC: the buffers live until the row's step has run.
    QByteArray site;
    QByteArray factor;
    QByteArray flag;
    QString lastSite;
    int bucket = 0;
    for (const JhObservation &o : observations) {
        if (o.siteId != lastSite || site.isNull()) {
            lastSite = o.siteId;
            site = o.siteId.toUtf8();
            bucket = bucketOf(o.siteId);
        }
        sqlite3_stmt *insert = mInsert[std::size_t(bucket)];
        if (!insert) {
            insert = statement(mInsert, bucket,
                               QStringLiteral("INSERT INTO %1 (%2) VALUES (?,?,?,?,?,?,?)")
                                   .arg(tableName(bucket), QLatin1String(sColumns)),
                               error);
            if (!insert)
                return false;
        }
        factor = o.factorCode.toUtf8();
        flag = o.flag.toUtf8();
        sqlite3_bind_text(insert, 1, site.constData(), int(site.size()), SQLITE_STATIC);
        sqlite3_bind_text(insert, 2, factor.constData(), int(factor.size()), SQLITE_STATIC);
        sqlite3_bind_int(insert, 3, int(o.interval));
        sqlite3_bind_int64(insert, 4, o.dataTime.toMSecsSinceEpoch());
        sqlite3_bind_double(insert, 5, o.value);
        sqlite3_bind_text(insert, 6, flag.constData(), int(flag.size()), SQLITE_STATIC);
        sqlite3_bind_int64(insert, 7, receivedMs);
        if (!step(insert, QStringLiteral("stage observation"), error))
            return false;
        ++mStagedRows[std::size_t(bucket)];
    }
    return true;
}

bool JhSqliteObservationStaging::compact(int bucket, int *moved, QString *error)
{
    const QString table = tableName(bucket);
    // rowid breaks ties between copies of one key: the first staged copy is the one kept, as readers do.
    sqlite3_stmt *move = statement(
        mMove, bucket,
        QStringLiteral(
            "INSERT INTO observations (%1) SELECT %1 FROM %2 WHERE true"
            " ORDER BY site_id, factor_code, interval_kind, data_time, rowid ON CONFLICT DO NOTHING")
            .arg(QLatin1String(sColumns), table),
        error);
    sqlite3_stmt *clear =
        move ? statement(mClear, bucket, QStringLiteral("DELETE FROM %1").arg(table), error) : nullptr;
    if (!clear)
        return false;
    if (!step(move, QStringLiteral("compact observations"), error))
        return false;
    if (!step(clear, QStringLiteral("clear staged observations"), error))
        return false;
    *moved = sqlite3_changes(mDatabase);
    return true;
}

int JhSqliteObservationStaging::fullestBucket(int threshold) const
{
    int fullest = -1;
    for (int bucket = 0; bucket < BucketCount; ++bucket)
        if (mStagedRows[std::size_t(bucket)] >= threshold &&
            (fullest < 0 || mStagedRows[std::size_t(bucket)] > mStagedRows[std::size_t(fullest)]))
            fullest = bucket;
    return fullest;
}
