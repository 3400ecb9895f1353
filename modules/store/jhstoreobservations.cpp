// JhStore, observations: batched inserts (SQLite staging buckets, PostgreSQL arrays), compaction, readers.
#include "jhstore.h"

#include "jhsqliteobservationstaging.h"
#include "jhstoresql.h"

#include <QSet>
#include <QSqlError>
#include <QSqlRecord>

#include <sqlite3.h>

using namespace JhStoreSql;

// --- observations --------------------------------------------------------------------------------

bool JhStore::insertObservations(const QList<JhObservation> &observations, const QDateTime &receivedAt)
{
    if (observations.isEmpty())
        return true;
    const qint64 received = receivedAt.toMSecsSinceEpoch();
    if (!begin(Connection::Observations))
        return false;
    if (mConfig.dialect == JhStoreConfig::Dialect::Postgres) {
        // One statement per chunk whatever its size: the columns travel as 7 array parameters and the
        // server unnests them, which is far cheaper than binding thousands of scalar parameters.
        QSqlQuery &query = prepared(QStringLiteral(
            "INSERT INTO observations (site_id, factor_code, interval_kind, data_time, value, flag, "
            "received_at)"
            " SELECT * FROM unnest(?::text[], ?::text[], ?::smallint[], ?::bigint[], ?::float8[], ?::text[],"
            " ?::bigint[]) ON CONFLICT DO NOTHING"));
        for (int start = 0; start < observations.size(); start += sPostgresObservationChunk) {
            const int rows = qMin(sPostgresObservationChunk, observations.size() - start);
            QStringList sites, factors, intervals, times, values, flags, receivedTimes;
            for (int i = start; i < start + rows; ++i) {
                const JhObservation &o = observations.at(i);
                sites.append(arrayElement(o.siteId));
                factors.append(arrayElement(o.factorCode));
                intervals.append(QString::number(int(o.interval)));
                times.append(QString::number(o.dataTime.toMSecsSinceEpoch()));
                values.append(QString::number(o.value, 'g', 17));
                flags.append(arrayElement(o.flag));
                receivedTimes.append(QString::number(received));
            }
            int index = 0;
            for (const QStringList *column :
                 {&sites, &factors, &intervals, &times, &values, &flags, &receivedTimes})
                query.bindValue(index++,
                                QLatin1Char('{') + column->join(QLatin1Char(',')) + QLatin1Char('}'));
            if (!query.exec()) {
                failQuery(query, QStringLiteral("insert observations"));
                rollback(Connection::Observations);
                return false;
            }
        }
    } else {
        QString message;
        if (!mStaging->stage(observations, received, &message)) {
            rollback(Connection::Observations);
            return fail(JhStoreError::Code::QueryFailed, message);
        }
    }
    return commit(Connection::Observations);
}

bool JhStore::compactIfDue()
{
    if (!mStaging)
        return true;
    // At most one bucket per call, so compaction pauses ingest briefly and often, not long.
    const int bucket =
        mStaging->fullestBucket(qMax(1, mCompactionThreshold / JhSqliteObservationStaging::BucketCount));
    return bucket < 0 || compactBucket(bucket);
}

bool JhStore::compactObservations()
{
    if (!mStaging)
        return true;
    for (int bucket = 0; bucket < JhSqliteObservationStaging::BucketCount; ++bucket)
        if (mStaging->stagedRows(bucket) > 0 && !compactBucket(bucket))
            return false;
    return true;
}

bool JhStore::compactBucket(int bucket)
{
    if (!begin(Connection::Observations))
        return false;
    int moved = 0;
    QString message;
    if (!mStaging->compact(bucket, &moved, &message)) {
        rollback(Connection::Observations);
        return fail(JhStoreError::Code::QueryFailed, message);
    }
    if (!commit(Connection::Observations))
        return false;
    mStaging->noteCompacted(bucket);
    return true;
}

bool JhStore::observations(const QString &siteId, const QString &factorCode, JhIntervalKind interval,
                           const QDateTime &from, const QDateTime &to, QList<JhObservation> &result)
{
    result.clear();
    const QString main = QStringLiteral(
        "SELECT data_time, value, flag FROM observations WHERE site_id = ? AND factor_code = ? AND"
        " interval_kind = ? AND data_time >= ? AND data_time <= ?");
    QVariantList values{siteId, factorCode, int(interval), from.toMSecsSinceEpoch(), to.toMSecsSinceEpoch()};
    QString sql = main + QStringLiteral(" ORDER BY data_time");
    if (mStaging) {
        // Staged rows not compacted yet: the first staged copy of each data time (MIN(rowid) picks that
        // row's value and flag), unless the main table already has the key. Compaction keeps the same row.
        sql = main +
              QStringLiteral(
                  " UNION ALL SELECT data_time, value, flag FROM (SELECT data_time, value, flag,"
                  " MIN(rowid) FROM %1 WHERE site_id = ? AND factor_code = ? AND interval_kind = ? AND"
                  " data_time >= ? AND data_time <= ? GROUP BY data_time) AS staged WHERE NOT EXISTS"
                  " (SELECT 1 FROM observations o WHERE o.site_id = ? AND o.factor_code = ? AND"
                  " o.interval_kind = ? AND o.data_time = staged.data_time) ORDER BY data_time")
                  .arg(JhSqliteObservationStaging::tableName(JhSqliteObservationStaging::bucketOf(siteId)));
        values += values;
        values += {siteId, factorCode, int(interval)};
    }
    QSqlQuery &query = prepared(sql, Connection::Observations);
    bindAll(query, values);
    if (!query.exec())
        return failQuery(query, QStringLiteral("read observations"));
    while (query.next())
        result.append({siteId, factorCode, fromMs(query.value(0)), interval, query.value(1).toDouble(),
                       query.value(2).toString()});
    query.finish();
    return true;
}

bool JhStore::latestObservations(QList<JhObservation> &result)
{
    result.clear();
    using Key = std::tuple<QString, QString, int>;
    QMap<Key, JhObservation> newest; // ordered by the key: the order of the result on both dialects
    auto readRow = [](const QSqlQuery &query) {
        JhObservation o;
        o.siteId = query.value(0).toString();
        o.factorCode = query.value(1).toString();
        o.interval = JhIntervalKind(query.value(2).toInt());
        o.dataTime = fromMs(query.value(3));
        o.value = query.value(4).toDouble();
        o.flag = query.value(5).toString();
        return o;
    };
    if (mConfig.dialect == JhStoreConfig::Dialect::Postgres) {
        // A loose index scan in one statement (one snapshot): the recursive part walks from series to series
        // along the primary key, the lateral part takes each series' newest row.
        QSqlQuery query(database(Connection::Observations));
        query.setForwardOnly(true);
        if (!execQuery(
                query,
                QStringLiteral(
                    "WITH RECURSIVE series AS ((SELECT site_id, factor_code, interval_kind FROM observations"
                    " ORDER BY site_id, factor_code, interval_kind LIMIT 1) UNION ALL SELECT n.site_id,"
                    " n.factor_code, n.interval_kind FROM series s CROSS JOIN LATERAL (SELECT o.site_id,"
                    " o.factor_code, o.interval_kind FROM observations o WHERE (o.site_id, o.factor_code,"
                    " o.interval_kind) > (s.site_id, s.factor_code, s.interval_kind) ORDER BY o.site_id,"
                    " o.factor_code, o.interval_kind LIMIT 1) n)"
                    " SELECT s.site_id, s.factor_code, s.interval_kind, l.data_time, l.value, l.flag FROM"
                    " series s CROSS JOIN LATERAL (SELECT data_time, value, flag FROM observations o WHERE"
                    " o.site_id = s.site_id AND o.factor_code = s.factor_code AND o.interval_kind ="
                    " s.interval_kind ORDER BY o.data_time DESC LIMIT 1) l")))
            return false;
        while (query.next()) {
            const JhObservation o = readRow(query);
            newest.insert(Key(o.siteId, o.factorCode, int(o.interval)), o);
        }
    } else {
        // One read transaction, so a compaction on the ingest connection cannot move a row between the
        // reads of the main table and of the staging buckets.
        if (!exec(QStringLiteral("BEGIN"), QStringLiteral("begin read"), Connection::Observations))
            return false;
        QSqlQuery &next = prepared(
            QStringLiteral("SELECT site_id, factor_code, interval_kind FROM observations WHERE (site_id,"
                           " factor_code, interval_kind) > (?, ?, ?) ORDER BY site_id, factor_code,"
                           " interval_kind LIMIT 1"),
            Connection::Observations);
        QSqlQuery &last =
            prepared(QStringLiteral("SELECT site_id, factor_code, interval_kind, data_time, value,"
                                    " flag FROM observations WHERE site_id = ? AND factor_code = ?"
                                    " AND interval_kind = ? ORDER BY data_time DESC LIMIT 1"),
                     Connection::Observations);
        QVariantList key{QString(), QString(), -1};
        for (;;) {
            bindAll(next, key);
            if (!next.exec()) {
                failQuery(next, QStringLiteral("find the next observation series"));
                rollback(Connection::Observations);
                return false;
            }
            if (!next.next())
                break;
            key = {next.value(0), next.value(1), next.value(2)};
            next.finish();
            bindAll(last, key);
            if (!last.exec() || !last.next()) {
                failQuery(last, QStringLiteral("read the newest observation"));
                rollback(Connection::Observations);
                return false;
            }
            const JhObservation o = readRow(last);
            last.finish();
            newest.insert(Key(o.siteId, o.factorCode, int(o.interval)), o);
        }
        next.finish();
        // Staged rows: each bucket's newest data time per series, copies in staging order, so the first
        // staged copy is met first and kept; the main table's row wins a tie (it was stored first).
        for (int bucket = 0; bucket < JhSqliteObservationStaging::BucketCount; ++bucket) {
            QSqlQuery query(database(Connection::Observations));
            query.setForwardOnly(true);
            if (!execQuery(
                    query,
                    QStringLiteral("SELECT b.site_id, b.factor_code, b.interval_kind, b.data_time, b.value,"
                                   " b.flag FROM %1 b JOIN (SELECT site_id, factor_code, interval_kind,"
                                   " MAX(data_time) AS newest FROM %1 GROUP BY site_id, factor_code,"
                                   " interval_kind) m ON b.site_id = m.site_id AND b.factor_code ="
                                   " m.factor_code AND b.interval_kind = m.interval_kind AND b.data_time ="
                                   " m.newest ORDER BY b.rowid")
                        .arg(JhSqliteObservationStaging::tableName(bucket)))) {
                rollback(Connection::Observations);
                return false;
            }
            while (query.next()) {
                const JhObservation o = readRow(query);
                const Key k(o.siteId, o.factorCode, int(o.interval));
                auto it = newest.find(k);
                if (it == newest.end() || o.dataTime > it->dataTime)
                    newest.insert(k, o);
            }
        }
        if (!commit(Connection::Observations))
            return false;
    }
    result = newest.values();
    return true;
}

bool JhStore::observationSeries(const QString &siteId, const QStringList &factorCodes,
                                JhIntervalKind interval, const QDateTime &from, const QDateTime &to,
                                QHash<QString, QList<JhObservation>> &result)
{
    result.clear();
    if (factorCodes.isEmpty())
        return true;
    QStringList marks;
    for (int i = 0; i < factorCodes.size(); ++i)
        marks.append(QStringLiteral("?"));
    const QString in = marks.join(QLatin1Char(','));
    // The primary key (site, factor, interval, time) makes the IN list one key range per factor.
    const QString main = QStringLiteral("SELECT factor_code, data_time, value, flag FROM observations WHERE"
                                        " site_id = ? AND factor_code IN (%1) AND interval_kind = ? AND"
                                        " data_time >= ? AND data_time <= ?")
                             .arg(in);
    QVariantList values{siteId};
    for (const QString &code : factorCodes)
        values.append(code);
    values += QVariantList{int(interval), from.toMSecsSinceEpoch(), to.toMSecsSinceEpoch()};
    QString sql = main + QStringLiteral(" ORDER BY factor_code, data_time");
    if (mStaging) {
        // As observations(): the first staged copy (MIN(rowid)) of a key not compacted yet, one scan of the
        // site's bucket for every factor.
        sql =
            main +
            QStringLiteral(" UNION ALL SELECT factor_code, data_time, value, flag FROM (SELECT"
                           " factor_code, data_time, value, flag, MIN(rowid) FROM %1 WHERE site_id = ?"
                           " AND factor_code IN (%2) AND interval_kind = ? AND data_time >= ? AND"
                           " data_time <= ? GROUP BY factor_code, data_time) AS staged WHERE NOT EXISTS"
                           " (SELECT 1 FROM observations o WHERE o.site_id = ? AND o.factor_code ="
                           " staged.factor_code AND o.interval_kind = ? AND o.data_time ="
                           " staged.data_time) ORDER BY factor_code, data_time")
                .arg(JhSqliteObservationStaging::tableName(JhSqliteObservationStaging::bucketOf(siteId)), in);
        values += values;
        values += QVariantList{siteId, int(interval)};
    }
    QSqlQuery &query = prepared(sql, Connection::Observations);
    bindAll(query, values);
    if (!query.exec())
        return failQuery(query, QStringLiteral("read observation series"));
    QList<JhObservation> *series = nullptr;
    QString current;
    while (query.next()) {
        const QString factor = query.value(0).toString();
        if (!series || factor != current) {
            current = factor;
            series = &result[factor];
        }
        series->append({siteId, current, fromMs(query.value(1)), interval, query.value(2).toDouble(),
                        query.value(3).toString()});
    }
    query.finish();
    return true;
}
