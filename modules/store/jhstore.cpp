// QtSql implementation of the store: transactions, gap-free sequences, batched inserts, projections.
#include "jhstore.h"

#include "jhenumnames.h"
#include "jhsqliteobservationstaging.h"
#include "jhstoremigrations.h"

#include <QAtomicInt>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSet>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlRecord>
#include <QThread>
#include <QUuid>
#include <QVariant>

#include <sqlite3.h>

#include <tuple>

namespace {
QAtomicInt sConnectionCounter;

//! Rows per array-parameter INSERT of observations on PostgreSQL.
constexpr int sPostgresObservationChunk = 5000;

//! A text element of a PostgreSQL array literal: always quoted, with backslash and quote escaped.
QString arrayElement(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
        .replace(QLatin1Char('"'), QLatin1String("\\\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QVariant toMs(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant(qint64(0));
}

QVariant toNullableMs(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant();
}

QDateTime fromMs(const QVariant &value)
{
    if (value.isNull())
        return QDateTime();
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QDateTime fromNonZeroMs(const QVariant &value)
{
    return value.isNull() || value.toLongLong() == 0 ? QDateTime() : fromMs(value);
}

QString joinInts(const QList<int> &values)
{
    QStringList parts;
    for (int value : values)
        parts.append(QString::number(value));
    return parts.join(QLatin1Char(','));
}

QList<int> splitInts(const QString &text)
{
    QList<int> result;
    const QStringList parts = text.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &part : parts)
        result.append(part.toInt());
    return result;
}

QStringList splitStrings(const QString &text)
{
    return text.split(QLatin1Char(','), Qt::SkipEmptyParts);
}

template <typename Enum>
Enum parsed(const QVariant &value, Enum fallback)
{
    Enum result = fallback;
    JhEnumNames::parse(value.toString(), result);
    return result;
}

//! "INSERT ... ON CONFLICT (keys) DO UPDATE SET ..." (or DO NOTHING): the same text for both dialects.
QString upsertSql(const char *table, const QStringList &columns, const QStringList &keys, bool update = true)
{
    QStringList placeholders;
    QStringList assignments;
    for (const QString &column : columns) {
        placeholders.append(QStringLiteral("?"));
        if (!keys.contains(column))
            assignments.append(QStringLiteral("%1 = excluded.%1").arg(column));
    }
    QString sql = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT (%4) ")
                      .arg(QLatin1String(table), columns.join(QLatin1Char(',')),
                           placeholders.join(QLatin1Char(',')), keys.join(QLatin1Char(',')));
    sql += update && !assignments.isEmpty()
               ? QStringLiteral("DO UPDATE SET ") + assignments.join(QLatin1Char(','))
               : QStringLiteral("DO NOTHING");
    return sql;
}

const QStringList sSiteColumns = {
    "id",         "name",       "kind",    "station_code", "network",          "county_code",
    "longitude",  "latitude",   "mn",      "password",     "protocol_version", "water_target_class",
    "water_body", "noise_zone", "park_id", "factor_codes", "approximate"};
const QStringList sAlarmColumns = {"id",         "site_id",     "factor_code", "rule_id",   "level",
                                   "state",      "value",       "message",     "opened_at", "updated_at",
                                   "updated_by", "incident_id", "note"};
const QStringList sIncidentColumns = {"id",         "title",       "type",       "level",
                                      "status",     "longitude",   "latitude",   "county_code",
                                      "location",   "description", "alarm_ids",  "opened_at",
                                      "updated_at", "created_by",  "updated_by", "summary"};
const QStringList sTaskColumns = {"id",    "incident_id", "team_id",    "title",       "instructions",
                                  "state", "created_at",  "updated_at", "assigned_by", "cancel_reason"};
const QStringList sReportColumns = {"task_id", "position",     "time",      "author",  "state",
                                    "text",    "has_position", "longitude", "latitude"};
const QStringList sTeamColumns = {"id",       "name",   "county_codes", "longitude",
                                  "latitude", "status", "status_note",  "status_changed_at"};
const QStringList sDepotColumns = {"id", "name", "county_code", "team_id", "longitude", "latitude"};
const QStringList sInventoryColumns = {"depot_id", "item_code",     "position",    "quantity",
                                       "reserved", "minimum_stock", "reservations"};

//! An inventory line's per-incident reservations as stored: a JSON object, incident id -> quantity.
QString reservationsText(const JhInventoryItem &item)
{
    QJsonObject object;
    for (auto it = item.reservations.cbegin(); it != item.reservations.cend(); ++it)
        object.insert(it.key(), it.value());
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

//! The reservations of a stored line. A line from before schema 3 has none recorded: its reserved total
//! is kept under the empty incident id, so the sum stays right.
QMap<QString, double> reservationsFrom(const QString &text, double reserved)
{
    QMap<QString, double> result;
    const QJsonObject object = QJsonDocument::fromJson(text.toUtf8()).object();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it)
        result.insert(it.key(), it.value().toDouble());
    if (result.isEmpty() && reserved > 0)
        result.insert(QString(QLatin1String("")), reserved);
    return result;
}

//! Binds positional values; a null QString becomes '' because text columns are NOT NULL (empty = absent).
void bindAll(QSqlQuery &query, const QVariantList &values)
{
    for (int i = 0; i < values.size(); ++i) {
        const QVariant &value = values.at(i);
        if (value.userType() == QMetaType::QString && value.toString().isNull())
            query.bindValue(i, QString(QLatin1String("")));
        else
            query.bindValue(i, value);
    }
}
} // namespace

JhStore::JhStore() = default;

JhStore::~JhStore()
{
    close();
}

bool JhStore::fail(JhStoreError::Code code, const QString &message)
{
    mError.code = code;
    mError.message = message;
    return false;
}

bool JhStore::failQuery(const QSqlQuery &query, const QString &what)
{
    const QSqlError error = query.lastError();
    // 23505 = PostgreSQL unique_violation; SQLite reports "UNIQUE constraint failed".
    const bool conflict = error.nativeErrorCode() == QLatin1String("23505") ||
                          error.databaseText().contains(QLatin1String("UNIQUE constraint failed"));
    return fail(conflict ? JhStoreError::Code::Conflict : JhStoreError::Code::QueryFailed,
                QStringLiteral("%1: %2").arg(what, error.text()));
}

bool JhStore::bindExecOrRollback(QSqlQuery &query, const QVariantList &values, const QString &what)
{
    bindAll(query, values);
    if (query.exec())
        return true;
    failQuery(query, what);
    rollback();
    return false;
}

bool JhStore::execQuery(QSqlQuery &query, const QString &sql)
{
    return query.exec(sql) || failQuery(query, sql);
}

QSqlDatabase &JhStore::database(Connection connection)
{
    return connection == Connection::Observations && mObservationDatabase.isValid() ? mObservationDatabase
                                                                                    : mDatabase;
}

bool JhStore::exec(const QString &sql, const QString &what, Connection connection)
{
    QSqlQuery query(database(connection));
    if (!query.exec(sql))
        return failQuery(query, what);
    return true;
}

QSqlQuery &JhStore::prepared(const QString &sql, Connection connection)
{
    QSqlDatabase &db = database(connection);
    QHash<QString, QSqlQuery> &cache = &db == &mObservationDatabase ? mObservationPrepared : mPrepared;
    auto it = cache.find(sql);
    if (it == cache.end()) {
        QSqlQuery query(db);
        query.setForwardOnly(true);
        if (!query.prepare(sql))
            qWarning("JhStore: cannot prepare %s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
        it = cache.insert(sql, query);
    }
    return it.value();
}

bool JhStore::begin(Connection connection)
{
    // SQLite: take the write lock up front so two writers queue on busy_timeout instead of failing
    // when a read transaction tries to upgrade.
    return exec(mConfig.dialect == JhStoreConfig::Dialect::Sqlite ? QStringLiteral("BEGIN IMMEDIATE")
                                                                  : QStringLiteral("BEGIN"),
                QStringLiteral("begin transaction"), connection);
}

bool JhStore::commit(Connection connection)
{
    for (QSqlQuery &query : &database(connection) == &mObservationDatabase ? mObservationPrepared : mPrepared)
        query.finish();
    if (exec(QStringLiteral("COMMIT"), QStringLiteral("commit"), connection))
        return true;
    rollback(connection);
    return false;
}

void JhStore::rollback(Connection connection)
{
    for (QSqlQuery &query : &database(connection) == &mObservationDatabase ? mObservationPrepared : mPrepared)
        query.finish();
    QSqlQuery query(database(connection));
    query.exec(QStringLiteral("ROLLBACK"));
}

bool JhStore::isOpen() const
{
    return mDatabase.isValid() && mDatabase.isOpen();
}

void JhStore::close()
{
    mStaging.reset(); // its statements must be finalized before the connection closes
    mObservationPrepared.clear();
    if (mObservationDatabase.isValid())
        mObservationDatabase.close();
    mObservationDatabase = QSqlDatabase();
    if (!mObservationConnectionName.isEmpty())
        QSqlDatabase::removeDatabase(mObservationConnectionName);
    mObservationConnectionName.clear();
    mPrepared.clear();
    if (mDatabase.isValid())
        mDatabase.close();
    mDatabase = QSqlDatabase();
    if (!mConnectionName.isEmpty())
        QSqlDatabase::removeDatabase(mConnectionName);
    mConnectionName.clear();
}

bool JhStore::open(const JhStoreConfig &config)
{
    close();
    mError = JhStoreError();
    mConfig = config;
    mConnectionName = QStringLiteral("jh_store_%1").arg(sConnectionCounter.fetchAndAddRelaxed(1));
    const bool sqlite = config.dialect == JhStoreConfig::Dialect::Sqlite;
    const QString driver = sqlite ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL");
    if (!QSqlDatabase::isDriverAvailable(driver))
        return fail(
            JhStoreError::Code::ConnectionFailed,
            QStringLiteral("Qt SQL driver %1 is not installed (Debian: libqt5sql5-%2 / libqt6sql6-%2)")
                .arg(driver, sqlite ? QStringLiteral("sqlite") : QStringLiteral("psql")));
    mDatabase = QSqlDatabase::addDatabase(driver, mConnectionName);
    if (sqlite) {
        const QFileInfo file(config.sqlitePath);
        if (!QDir().mkpath(file.absolutePath()))
            return fail(JhStoreError::Code::ConnectionFailed,
                        QStringLiteral("cannot create data folder %1").arg(file.absolutePath()));
        mDatabase.setDatabaseName(file.absoluteFilePath());
        mDatabase.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    } else {
        mDatabase.setHostName(config.host);
        mDatabase.setPort(config.port);
        mDatabase.setDatabaseName(config.database);
        mDatabase.setUserName(config.user);
        mDatabase.setPassword(config.password);
        mDatabase.setConnectOptions(QStringLiteral("connect_timeout=10"));
    }
    if (!mDatabase.open())
        return fail(
            JhStoreError::Code::ConnectionFailed,
            QStringLiteral("cannot open %1: %2").arg(config.displayUrl(), mDatabase.lastError().text()));
    if (sqlite) {
        if (!configureSqlite(Connection::State, config.sqlitePath))
            return false;
    } else if (!exec(QStringLiteral("SET client_min_messages TO WARNING"),
                     QStringLiteral("configure session"))) {
        return false;
    }
    if (!migrate())
        return false;
    return !sqlite || openObservations();
}

bool JhStore::configureSqlite(Connection connection, const QString &path)
{
    {
        // Two processes opening a new or old-format file at once: switching to WAL needs a lock the other may
        // hold for a moment, and SQLite answers busy at once instead of waiting its busy timeout. Retry
        // (bounded: 5 s) before giving up.
        QSqlQuery query(database(connection));
        bool wal = false;
        for (int attempt = 0; attempt < 100 && !wal; ++attempt) {
            wal = query.exec(QStringLiteral("PRAGMA journal_mode=WAL")) && query.next() &&
                  query.value(0).toString().toLower() == QLatin1String("wal");
            query.finish();
            if (!wal)
                QThread::msleep(50);
        }
        if (!wal)
            return fail(JhStoreError::Code::ConnectionFailed,
                        QStringLiteral("cannot switch %1 to WAL mode").arg(path));
    }
    // A 64 MiB page cache and less frequent checkpoints: compaction touches pages all over the
    // observations key space, and each checkpoint copies every dirty page once more. No memory map:
    // mapped pages of a growing file count in central's RSS (190 MB after 15 s of 31k packets/s), and
    // ingest measured no faster with one.
    return exec(QStringLiteral("PRAGMA cache_size=-65536"), QStringLiteral("set cache size"), connection) &&
           exec(QStringLiteral("PRAGMA mmap_size=0"), QStringLiteral("set mmap size"), connection) &&
           exec(QStringLiteral("PRAGMA wal_autocheckpoint=8192"), QStringLiteral("set checkpoint interval"),
                connection) &&
           exec(mConfig.sqliteSynchronousFull ? QStringLiteral("PRAGMA synchronous=FULL")
                                              : QStringLiteral("PRAGMA synchronous=NORMAL"),
                QStringLiteral("set synchronous"), connection);
}

bool JhStore::openObservations()
{
    mObservationConnectionName = mConnectionName + QStringLiteral("_observations");
    mObservationDatabase = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), mObservationConnectionName);
    const QString path = QFileInfo(mConfig.sqliteObservationsPath()).absoluteFilePath();
    mObservationDatabase.setDatabaseName(path);
    mObservationDatabase.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!mObservationDatabase.open())
        return fail(JhStoreError::Code::ConnectionFailed,
                    QStringLiteral("cannot open %1: %2").arg(path, mObservationDatabase.lastError().text()));
    const Connection o = Connection::Observations;
    if (!configureSqlite(o, path))
        return false;
    // The file's tables (IF NOT EXISTS: it has no migrations of its own yet; a change would add them).
    if (!begin(o))
        return false;
    QStringList create = JhSqliteObservationStaging::createStatements();
    create.prepend(QString::fromLatin1(JhStoreMigrations::sqliteObservationsTable()));
    for (QString statement : create)
        if (!exec(statement.replace(QLatin1String("CREATE TABLE "),
                                    QLatin1String("CREATE TABLE IF NOT EXISTS ")),
                  QStringLiteral("create observation tables"), o)) {
            rollback(o);
            return false;
        }
    if (!commit(o))
        return false;
    // Schema 1-4 kept observations in the main file. Copy them (a repeat after a crash is harmless: keys
    // are ignored when present, staged copies are dropped at compaction), then drop them there. All of it
    // under the main file's write lock, so that of two stores opening at once only the first moves them.
    auto legacyPresent = [this](bool &present) {
        QSqlQuery legacy(mDatabase);
        if (!legacy.exec(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name = 'observations'")) ||
            !legacy.next())
            return failQuery(legacy, QStringLiteral("look for observations in the main file"));
        present = legacy.value(0).toInt() > 0;
        return true;
    };
    bool present = false;
    if (!legacyPresent(present))
        return false;
    if (present) {
        if (!begin())
            return false;
        if (!legacyPresent(present)) {
            rollback();
            return false;
        }
        if (present) {
            const QString mainPath = QFileInfo(mConfig.sqlitePath).absoluteFilePath();
            QSqlQuery attach(mObservationDatabase);
            attach.prepare(QStringLiteral("ATTACH DATABASE ? AS legacy"));
            attach.addBindValue(mainPath);
            bool moved = attach.exec() || failQuery(attach, QStringLiteral("attach %1").arg(mainPath));
            // A deferred BEGIN: BEGIN IMMEDIATE would also lock the attached main file, which this store's
            // own main connection holds.
            moved = moved && exec(QStringLiteral("BEGIN"), QStringLiteral("begin transaction"), o) &&
                    exec(QStringLiteral("INSERT INTO main.observations SELECT * FROM legacy.observations"
                                        " WHERE true ON CONFLICT DO NOTHING"),
                         QStringLiteral("move observations"), o);
            for (int bucket = 0; moved && bucket < JhSqliteObservationStaging::BucketCount; ++bucket)
                moved = exec(QStringLiteral("INSERT INTO main.%1 SELECT * FROM legacy.%1")
                                 .arg(JhSqliteObservationStaging::tableName(bucket)),
                             QStringLiteral("move staged observations"), o);
            if (moved)
                moved = commit(o);
            else
                rollback(o);
            exec(QStringLiteral("DETACH DATABASE legacy"), QStringLiteral("detach"), o);
            QStringList drops{QStringLiteral("DROP TABLE observations")};
            for (int bucket = 0; bucket < JhSqliteObservationStaging::BucketCount; ++bucket)
                drops.append(
                    QStringLiteral("DROP TABLE %1").arg(JhSqliteObservationStaging::tableName(bucket)));
            for (int i = 0; moved && i < drops.size(); ++i)
                moved = exec(drops.at(i), QStringLiteral("drop moved observations"));
            if (!moved) {
                rollback();
                return false;
            }
        }
        if (!commit())
            return false;
    }
    const QVariant handle = mObservationDatabase.driver()->handle();
    if (qstrcmp(handle.typeName(), "sqlite3*") != 0 || !*static_cast<sqlite3 *const *>(handle.constData()))
        return fail(JhStoreError::Code::ConnectionFailed,
                    QStringLiteral("the QSQLITE driver gave no sqlite3 handle for %1").arg(path));
    mStaging =
        std::make_unique<JhSqliteObservationStaging>(*static_cast<sqlite3 *const *>(handle.constData()));
    QString message;
    if (!mStaging->countStagedRows(&message))
        return fail(JhStoreError::Code::QueryFailed, message);
    return true;
}

bool JhStore::schemaVersion(int &version)
{
    if (!isOpen())
        return fail(JhStoreError::Code::NotOpen, QStringLiteral("store is not open"));
    QSqlQuery query(mDatabase);
    if (!query.exec(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")) ||
        !query.next())
        return failQuery(query, QStringLiteral("read schema version"));
    version = query.value(0).toInt();
    return true;
}

bool JhStore::migrate()
{
    if (!exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY,"
                             " name TEXT NOT NULL, applied_at BIGINT NOT NULL)"),
              QStringLiteral("create schema_migrations")))
        return fail(JhStoreError::Code::MigrationFailed, mError.message);
    int current = 0;
    if (!schemaVersion(current))
        return false;
    if (current > JhStoreMigrations::latestVersion())
        return fail(JhStoreError::Code::NewerSchema,
                    QStringLiteral("database schema version %1 is newer than this build (%2)")
                        .arg(current)
                        .arg(JhStoreMigrations::latestVersion()));
    const QList<JhMigration> migrations = JhStoreMigrations::migrations(mConfig.dialect);
    for (const JhMigration &migration : migrations) {
        if (migration.version <= current)
            continue;
        if (!begin())
            return fail(JhStoreError::Code::MigrationFailed, mError.message);
        // Another process may have migrated between our check and our lock.
        int again = 0;
        if (!schemaVersion(again)) {
            rollback();
            return false;
        }
        if (again >= migration.version) {
            rollback();
            continue;
        }
        for (const QString &statement : migration.statements) {
            if (!exec(statement, QStringLiteral("migration %1").arg(migration.version))) {
                rollback();
                return fail(JhStoreError::Code::MigrationFailed, mError.message);
            }
        }
        QSqlQuery record(mDatabase);
        record.prepare(
            QStringLiteral("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)"));
        record.addBindValue(migration.version);
        record.addBindValue(migration.name);
        record.addBindValue(QDateTime::currentMSecsSinceEpoch());
        if (!record.exec()) {
            rollback();
            return failQuery(record, QStringLiteral("record migration"));
        }
        record.finish();
        if (!commit())
            return fail(JhStoreError::Code::MigrationFailed, mError.message);
    }
    return true;
}

// --- reference data ------------------------------------------------------------------------------

bool JhStore::upsertSites(const QList<JhSite> &sites)
{
    if (!begin())
        return false;
    QSqlQuery &site = prepared(upsertSql("sites", sSiteColumns, {"id"}));
    QSqlQuery &removeLimits = prepared(QStringLiteral("DELETE FROM site_limits WHERE site_id = ?"));
    QSqlQuery &limit = prepared(QStringLiteral(
        "INSERT INTO site_limits (site_id, factor_code, limit_value, unit) VALUES (?, ?, ?, ?)"));
    for (const JhSite &s : sites) {
        bindAll(site, {s.id, s.name, JhEnumNames::code(s.kind), s.stationCode, s.network, s.countyCode,
                       s.longitude, s.latitude, s.mn, s.password, JhEnumNames::code(s.protocolVersion),
                       s.waterTargetClass, JhEnumNames::code(s.waterBody), s.noiseZone, s.parkId,
                       s.factorCodes.join(QLatin1Char(',')), s.approximateLocation ? 1 : 0});
        if (!site.exec()) {
            failQuery(site, QStringLiteral("store site %1").arg(s.id));
            rollback();
            return false;
        }
        removeLimits.bindValue(0, s.id);
        if (!removeLimits.exec()) {
            failQuery(removeLimits, QStringLiteral("store site limits"));
            rollback();
            return false;
        }
        for (const JhPermittedLimit &l : s.permittedLimits) {
            bindAll(limit, {s.id, l.factorCode, l.limit, l.unit});
            if (!limit.exec()) {
                failQuery(limit, QStringLiteral("store site limit %1/%2").arg(s.id, l.factorCode));
                rollback();
                return false;
            }
        }
    }
    // Running services compare this number to notice imported sites without re-reading them all.
    QSqlQuery &revision = prepared(QStringLiteral(
        "INSERT INTO meta (key, value) VALUES ('sites_revision', '1') ON CONFLICT (key) DO UPDATE"
        " SET value = CAST(CAST(meta.value AS BIGINT) + 1 AS TEXT)"));
    if (!revision.exec()) {
        failQuery(revision, QStringLiteral("advance sites revision"));
        rollback();
        return false;
    }
    return commit();
}

bool JhStore::upsertFactors(const QList<JhFactor> &factors)
{
    if (!begin())
        return false;
    QSqlQuery &query =
        prepared(upsertSql("factors", {"code", "legacy_code", "name_zh", "name_en", "unit"}, {"code"}));
    for (const JhFactor &f : factors) {
        bindAll(query, {f.code, f.legacyCode, f.nameZh, f.nameEn, f.unit});
        if (!query.exec()) {
            failQuery(query, QStringLiteral("store factor %1").arg(f.code));
            rollback();
            return false;
        }
    }
    return commit();
}

bool JhStore::initialiseReferenceData(const JhWorldState &state)
{
    if (!begin())
        return false;
    QSqlQuery &team = prepared(upsertSql("teams", sTeamColumns, {"id"}, false));
    for (const JhCountyTeam &t : state.teams())
        if (!bindExecOrRollback(team,
                                {t.id, t.name, joinInts(t.countyCodes), t.longitude, t.latitude,
                                 JhEnumNames::code(t.status), t.statusNote, toNullableMs(t.statusChangedAt)},
                                QStringLiteral("store team %1").arg(t.id)))
            return false;
    QSqlQuery &item = prepared(upsertSql("catalogue", {"code", "name", "category", "unit"}, {"code"}, false));
    for (const JhCatalogueItem &c : state.catalogue())
        if (!bindExecOrRollback(item, {c.code, c.name, JhEnumNames::code(c.category), c.unit},
                                QStringLiteral("store item %1").arg(c.code)))
            return false;
    QSqlQuery &depot = prepared(upsertSql("depots", sDepotColumns, {"id"}, false));
    QSqlQuery &line = prepared(upsertSql("inventory", sInventoryColumns, {"depot_id", "item_code"}, false));
    for (const JhDepot &d : state.depots()) {
        if (!bindExecOrRollback(depot, {d.id, d.name, d.countyCode, d.teamId, d.longitude, d.latitude},
                                QStringLiteral("store depot %1").arg(d.id)))
            return false;
        for (int position = 0; position < d.inventory.size(); ++position) {
            const JhInventoryItem &i = d.inventory.at(position);
            if (!bindExecOrRollback(
                    line,
                    {d.id, i.itemCode, position, i.quantity, i.reserved, i.minimumStock, reservationsText(i)},
                    QStringLiteral("store stock %1/%2").arg(d.id, i.itemCode)))
                return false;
        }
    }
    if (!commit())
        return false;
    QList<JhFactor> factors;
    for (const JhFactor &factor : state.factors())
        factors.append(factor);
    QList<JhSite> sites;
    for (const JhSite &site : state.sites())
        sites.append(site);
    return upsertFactors(factors) && upsertSites(sites);
}

bool JhStore::loadSites(QList<JhSite> &sites)
{
    sites.clear();
    QSqlQuery query(mDatabase);
    query.setForwardOnly(true);

    QHash<QString, QList<JhPermittedLimit>> limits;
    if (!execQuery(query, QStringLiteral("SELECT site_id, factor_code, limit_value, unit FROM site_limits "
                                         "ORDER BY site_id, factor_code")))
        return false;
    while (query.next())
        limits[query.value(0).toString()].append(
            {query.value(1).toString(), query.value(2).toDouble(), query.value(3).toString()});
    if (!execQuery(query, QStringLiteral("SELECT %1 FROM sites").arg(sSiteColumns.join(QLatin1Char(',')))))
        return false;
    while (query.next()) {
        JhSite s;
        s.id = query.value(0).toString();
        s.name = query.value(1).toString();
        s.kind = parsed(query.value(2), JhSiteKind::AirTownship);
        s.stationCode = query.value(3).toString();
        s.network = query.value(4).toString();
        s.countyCode = query.value(5).toInt();
        s.longitude = query.value(6).toDouble();
        s.latitude = query.value(7).toDouble();
        s.mn = query.value(8).toString();
        s.password = query.value(9).toString();
        s.protocolVersion = parsed(query.value(10), JhHj212Version::V2017);
        s.waterTargetClass = query.value(11).toInt();
        s.waterBody = parsed(query.value(12), JhWaterBodyType::None);
        s.noiseZone = query.value(13).toString();
        s.parkId = query.value(14).toString();
        s.factorCodes = splitStrings(query.value(15).toString());
        s.approximateLocation = query.value(16).toInt() != 0;
        s.permittedLimits = limits.value(s.id);
        sites.append(s);
    }
    return true;
}

bool JhStore::sitesRevision(qint64 &revision)
{
    QSqlQuery &query = prepared(QStringLiteral("SELECT value FROM meta WHERE key = 'sites_revision'"));
    if (!query.exec())
        return failQuery(query, QStringLiteral("read sites revision"));
    revision = query.next() ? query.value(0).toLongLong() : 0;
    query.finish();
    return true;
}

bool JhStore::databaseId(QString &id)
{
    // Made once, the first time anyone asks; two nodes asking at once agree (the first insert wins).
    QSqlQuery &insert = prepared(QStringLiteral(
        "INSERT INTO meta (key, value) VALUES ('database_id', ?) ON CONFLICT (key) DO NOTHING"));
    insert.addBindValue(QUuid::createUuid().toString(QUuid::WithoutBraces));
    if (!insert.exec())
        return failQuery(insert, QStringLiteral("make the database id"));
    insert.finish();
    QSqlQuery &query = prepared(QStringLiteral("SELECT value FROM meta WHERE key = 'database_id'"));
    if (!query.exec())
        return failQuery(query, QStringLiteral("read the database id"));
    id = query.next() ? query.value(0).toString() : QString();
    query.finish();
    return !id.isEmpty() || fail(JhStoreError::Code::QueryFailed, QStringLiteral("no database id"));
}

bool JhStore::loadState(JhWorldState &state)
{
    JhWorldState result;
    QList<JhSite> sites;
    if (!loadSites(sites))
        return false;
    for (const JhSite &site : sites)
        result.addSite(site);
    QSqlQuery query(mDatabase);
    query.setForwardOnly(true);

    if (!execQuery(query, QStringLiteral("SELECT code, legacy_code, name_zh, name_en, unit FROM factors")))
        return false;
    while (query.next())
        result.addFactor({query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                          query.value(3).toString(), query.value(4).toString()});
    if (!execQuery(query, QStringLiteral("SELECT %1 FROM teams").arg(sTeamColumns.join(QLatin1Char(',')))))
        return false;
    while (query.next()) {
        JhCountyTeam t;
        t.id = query.value(0).toString();
        t.name = query.value(1).toString();
        t.countyCodes = splitInts(query.value(2).toString());
        t.longitude = query.value(3).toDouble();
        t.latitude = query.value(4).toDouble();
        t.status = parsed(query.value(5), JhTeamStatus::Available);
        t.statusNote = query.value(6).toString();
        t.statusChangedAt = fromMs(query.value(7));
        result.addTeam(t);
    }
    if (!execQuery(query, QStringLiteral("SELECT code, name, category, unit FROM catalogue")))
        return false;
    while (query.next())
        result.addCatalogueItem({query.value(0).toString(), query.value(1).toString(),
                                 parsed(query.value(2), JhItemCategory::Material),
                                 query.value(3).toString()});
    QHash<QString, QList<JhInventoryItem>> stock;
    if (!execQuery(query, QStringLiteral("SELECT %1 FROM inventory ORDER BY depot_id, position")
                              .arg(sInventoryColumns.join(QLatin1Char(',')))))
        return false;
    while (query.next()) {
        JhInventoryItem line{query.value(1).toString(), query.value(3).toDouble(), query.value(4).toDouble(),
                             query.value(5).toDouble()};
        line.reservations = reservationsFrom(query.value(6).toString(), line.reserved);
        stock[query.value(0).toString()].append(line);
    }
    if (!execQuery(query, QStringLiteral("SELECT %1 FROM depots").arg(sDepotColumns.join(QLatin1Char(',')))))
        return false;
    while (query.next()) {
        JhDepot d;
        d.id = query.value(0).toString();
        d.name = query.value(1).toString();
        d.countyCode = query.value(2).toInt();
        d.teamId = query.value(3).toString();
        d.longitude = query.value(4).toDouble();
        d.latitude = query.value(5).toDouble();
        d.inventory = stock.value(d.id);
        result.addDepot(d);
    }
    if (!execQuery(query, QStringLiteral("SELECT %1 FROM alarms").arg(sAlarmColumns.join(QLatin1Char(',')))))
        return false;
    while (query.next()) {
        JhAlarm a;
        a.id = query.value(0).toString();
        a.siteId = query.value(1).toString();
        a.factorCode = query.value(2).toString();
        a.ruleId = query.value(3).toString();
        a.level = parsed(query.value(4), JhAlarmLevel::Warning);
        a.state = parsed(query.value(5), JhAlarmState::Open);
        a.value = query.value(6).toDouble();
        a.message = query.value(7).toString();
        a.openedAt = fromNonZeroMs(query.value(8));
        a.updatedAt = fromNonZeroMs(query.value(9));
        a.updatedBy = query.value(10).toString();
        a.incidentId = query.value(11).toString();
        a.note = query.value(12).toString();
        result.addAlarm(a);
    }
    if (!execQuery(query,
                   QStringLiteral("SELECT %1 FROM incidents").arg(sIncidentColumns.join(QLatin1Char(',')))))
        return false;
    while (query.next()) {
        JhIncident i;
        i.id = query.value(0).toString();
        i.title = query.value(1).toString();
        i.type = parsed(query.value(2), JhIncidentType::Other);
        i.level = parsed(query.value(3), JhIncidentLevel::IV);
        i.status = parsed(query.value(4), JhIncidentStatus::Open);
        i.longitude = query.value(5).toDouble();
        i.latitude = query.value(6).toDouble();
        i.countyCode = query.value(7).toInt();
        i.location = query.value(8).toString();
        i.description = query.value(9).toString();
        i.alarmIds = splitStrings(query.value(10).toString());
        i.openedAt = fromNonZeroMs(query.value(11));
        i.updatedAt = fromNonZeroMs(query.value(12));
        i.createdBy = query.value(13).toString();
        i.updatedBy = query.value(14).toString();
        i.summary = query.value(15).toString();
        result.addIncident(i);
    }
    QHash<QString, QList<JhTaskReport>> reports;
    if (!execQuery(query, QStringLiteral("SELECT %1 FROM task_reports ORDER BY task_id, position")
                              .arg(sReportColumns.join(QLatin1Char(',')))))
        return false;
    while (query.next())
        reports[query.value(0).toString()].append({fromNonZeroMs(query.value(2)), query.value(3).toString(),
                                                   parsed(query.value(4), JhTaskState::Assigned),
                                                   query.value(5).toString(), query.value(6).toInt() != 0,
                                                   query.value(7).toDouble(), query.value(8).toDouble()});
    if (!execQuery(query, QStringLiteral("SELECT %1 FROM tasks").arg(sTaskColumns.join(QLatin1Char(',')))))
        return false;
    while (query.next()) {
        JhTask t;
        t.id = query.value(0).toString();
        t.incidentId = query.value(1).toString();
        t.teamId = query.value(2).toString();
        t.title = query.value(3).toString();
        t.instructions = query.value(4).toString();
        t.state = parsed(query.value(5), JhTaskState::Assigned);
        t.createdAt = fromNonZeroMs(query.value(6));
        t.updatedAt = fromNonZeroMs(query.value(7));
        t.assignedBy = query.value(8).toString();
        t.cancelReason = query.value(9).toString();
        t.reports = reports.value(t.id);
        result.addTask(t);
    }
    if (!execQuery(query, QStringLiteral("SELECT value FROM meta WHERE key = 'projected_seq'")))
        return false;
    result.setLastSequence(query.next() ? query.value(0).toLongLong() : 0);
    query.finish();
    state = result;
    return true;
}

bool JhStore::saveProjection(const JhWorldState &state, const QList<JhEvent> &events)
{
    QSet<QString> alarms, incidents, tasks, depots, teams;
    qint64 highest = 0;
    for (const JhEvent &event : events) {
        const QJsonObject &p = event.payload;
        highest = qMax(highest, event.sequence);
        auto take = [&](QSet<QString> &set, const char *key) {
            const QString id = p.value(QLatin1String(key)).toString();
            if (!id.isEmpty())
                set.insert(id);
        };
        take(alarms, "alarmId");
        take(incidents, "incidentId");
        take(tasks, "taskId");
        take(depots, "depotId");
        take(teams, "teamId");
    }
    if (!begin())
        return false;
    QSqlQuery &alarm = prepared(upsertSql("alarms", sAlarmColumns, {"id"}));
    for (const QString &id : alarms)
        if (const JhAlarm *a = state.alarm(id))
            if (!bindExecOrRollback(alarm,
                                    {a->id, a->siteId, a->factorCode, a->ruleId, JhEnumNames::code(a->level),
                                     JhEnumNames::code(a->state), a->value, a->message, toMs(a->openedAt),
                                     toMs(a->updatedAt), a->updatedBy, a->incidentId, a->note},
                                    QStringLiteral("project alarm %1").arg(id)))
                return false;
    QSqlQuery &incident = prepared(upsertSql("incidents", sIncidentColumns, {"id"}));
    for (const QString &id : incidents)
        if (const JhIncident *i = state.incident(id))
            if (!bindExecOrRollback(incident,
                                    {i->id, i->title, JhEnumNames::code(i->type), JhEnumNames::code(i->level),
                                     JhEnumNames::code(i->status), i->longitude, i->latitude, i->countyCode,
                                     i->location, i->description, i->alarmIds.join(QLatin1Char(',')),
                                     toMs(i->openedAt), toMs(i->updatedAt), i->createdBy, i->updatedBy,
                                     i->summary},
                                    QStringLiteral("project incident %1").arg(id)))
                return false;
    QSqlQuery &task = prepared(upsertSql("tasks", sTaskColumns, {"id"}));
    QSqlQuery &report = prepared(upsertSql("task_reports", sReportColumns, {"task_id", "position"}));
    for (const QString &id : tasks) {
        const JhTask *t = state.task(id);
        if (!t)
            continue;
        if (!bindExecOrRollback(task,
                                {t->id, t->incidentId, t->teamId, t->title, t->instructions,
                                 JhEnumNames::code(t->state), toMs(t->createdAt), toMs(t->updatedAt),
                                 t->assignedBy, t->cancelReason},
                                QStringLiteral("project task %1").arg(id)))
            return false;
        // Reports only grow, so upserting by position is enough.
        for (int position = 0; position < t->reports.size(); ++position) {
            const JhTaskReport &r = t->reports.at(position);
            if (!bindExecOrRollback(report,
                                    {t->id, position, toMs(r.time), r.author, JhEnumNames::code(r.state),
                                     r.text, r.hasPosition ? 1 : 0, r.longitude, r.latitude},
                                    QStringLiteral("project task report %1").arg(id)))
                return false;
        }
    }
    QSqlQuery &line = prepared(upsertSql("inventory", sInventoryColumns, {"depot_id", "item_code"}));
    for (const QString &id : depots)
        if (const JhDepot *d = state.depot(id))
            for (int position = 0; position < d->inventory.size(); ++position) {
                const JhInventoryItem &i = d->inventory.at(position);
                if (!bindExecOrRollback(line,
                                        {d->id, i.itemCode, position, i.quantity, i.reserved, i.minimumStock,
                                         reservationsText(i)},
                                        QStringLiteral("project stock %1/%2").arg(id, i.itemCode)))
                    return false;
            }
    QSqlQuery &team = prepared(upsertSql("teams", sTeamColumns, {"id"}));
    for (const QString &id : teams)
        if (const JhCountyTeam *t = state.team(id))
            if (!bindExecOrRollback(team,
                                    {t->id, t->name, joinInts(t->countyCodes), t->longitude, t->latitude,
                                     JhEnumNames::code(t->status), t->statusNote,
                                     toNullableMs(t->statusChangedAt)},
                                    QStringLiteral("project team %1").arg(id)))
                return false;
    QSqlQuery &meta = prepared(upsertSql("meta", {"key", "value"}, {"key"}));
    if (!bindExecOrRollback(
            meta, {QStringLiteral("projected_seq"), QString::number(qMax(highest, state.lastSequence()))},
            QStringLiteral("record projected sequence")))
        return false;
    return commit();
}

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

// --- event log -----------------------------------------------------------------------------------

bool JhStore::reserveSequences(int count, qint64 &first)
{
    // The single counter row is the lock: concurrent appenders (other connections, other central nodes on
    // one PostgreSQL) queue on it until this transaction ends, and a rollback returns the numbers, so the
    // sequence has no gaps.
    QSqlQuery &update =
        prepared(QStringLiteral("UPDATE event_sequence SET last_seq = last_seq + ? WHERE id = 1"));
    update.bindValue(0, count);
    if (!update.exec())
        return failQuery(update, QStringLiteral("advance event sequence"));
    QSqlQuery &select = prepared(QStringLiteral("SELECT last_seq FROM event_sequence WHERE id = 1"));
    if (!select.exec() || !select.next())
        return failQuery(select, QStringLiteral("read event sequence"));
    first = select.value(0).toLongLong() - count + 1;
    select.finish();
    return true;
}

bool JhStore::insertEvents(const QList<JhEvent> &events)
{
    QSqlQuery &insert =
        prepared(QStringLiteral("INSERT INTO events (seq, type, time, actor, command_id, payload)"
                                " VALUES (?, ?, ?, ?, ?, ?)"));
    for (const JhEvent &event : events) {
        bindAll(insert, {event.sequence, JhEnumNames::code(event.type), toMs(event.time), event.actor,
                         event.commandId,
                         QString::fromUtf8(QJsonDocument(event.payload).toJson(QJsonDocument::Compact))});
        if (!insert.exec())
            return failQuery(insert, QStringLiteral("append event %1").arg(event.sequence));
    }
    if (mConfig.dialect == JhStoreConfig::Dialect::Postgres && !events.isEmpty()) {
        // Other central nodes LISTEN on jh_events; the notification is delivered only on commit.
        QSqlQuery &notify = prepared(QStringLiteral("SELECT pg_notify('jh_events', ?)"));
        notify.bindValue(0, QString::number(events.last().sequence));
        if (!notify.exec())
            return failQuery(notify, QStringLiteral("notify jh_events"));
        notify.finish();
    }
    return true;
}

bool JhStore::appendEvents(QList<JhEvent> &events)
{
    if (events.isEmpty())
        return true;
    if (!begin())
        return false;
    qint64 first = 0;
    if (!reserveSequences(events.size(), first)) {
        rollback();
        return false;
    }
    QList<JhEvent> numbered = events;
    for (int i = 0; i < numbered.size(); ++i)
        numbered[i].sequence = first + i;
    if (!insertEvents(numbered)) {
        rollback();
        return false;
    }
    if (!commit())
        return false;
    events = numbered;
    return true;
}

bool JhStore::appendCommand(const JhCommand &command, JhCommandResult &result, const QDateTime &receivedAt,
                            bool *alreadyProcessed)
{
    if (alreadyProcessed)
        *alreadyProcessed = false;
    auto storedAnswer = [&]() {
        bool found = false;
        JhCommandResult stored;
        if (!commandResult(command.id, stored, found))
            return false;
        if (!found)
            return fail(JhStoreError::Code::QueryFailed,
                        QStringLiteral("command %1 vanished").arg(command.id));
        result = stored;
        if (alreadyProcessed)
            *alreadyProcessed = true;
        return true;
    };
    // Fast path for a repeat: answer from the table without taking the write lock.
    bool found = false;
    JhCommandResult stored;
    if (!commandResult(command.id, stored, found))
        return false;
    if (found)
        return storedAnswer();

    if (!begin())
        return false;
    QList<JhEvent> numbered = result.events;
    qint64 first = 0;
    if (!numbered.isEmpty() && !reserveSequences(numbered.size(), first)) {
        rollback();
        return false;
    }
    for (int i = 0; i < numbered.size(); ++i)
        numbered[i].sequence = first + i;
    QSqlQuery &record =
        prepared(QStringLiteral("INSERT INTO processed_commands (command_id, user_id, command_type, "
                                "received_at, error_code, message_zh,"
                                " message_en, first_seq, last_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    bindAll(record, {command.id, command.userId, JhEnumNames::code(command.type), toMs(receivedAt),
                     JhDomainErrors::code(result.error), result.messageZh, result.messageEn,
                     numbered.isEmpty() ? 0 : first, numbered.isEmpty() ? 0 : first + numbered.size() - 1});
    if (!record.exec()) {
        failQuery(record, QStringLiteral("record command %1").arg(command.id));
        rollback();
        // Another connection processed the same id first: give its answer.
        if (mError.code == JhStoreError::Code::Conflict)
            return storedAnswer();
        return false;
    }
    if (!insertEvents(numbered)) {
        rollback();
        return false;
    }
    if (!commit())
        return false;
    result.events = numbered;
    return true;
}

bool JhStore::commandResult(const QString &commandId, JhCommandResult &result, bool &found)
{
    found = false;
    QSqlQuery &query =
        prepared(QStringLiteral("SELECT error_code, message_zh, message_en, first_seq, last_seq"
                                " FROM processed_commands WHERE command_id = ?"));
    query.bindValue(0, commandId);
    if (!query.exec())
        return failQuery(query, QStringLiteral("look up command %1").arg(commandId));
    if (!query.next()) {
        query.finish();
        return true;
    }
    JhCommandResult stored;
    stored.commandId = commandId;
    JhDomainErrors::parse(query.value(0).toString(), stored.error);
    stored.messageZh = query.value(1).toString();
    stored.messageEn = query.value(2).toString();
    const qint64 first = query.value(3).toLongLong();
    const qint64 last = query.value(4).toLongLong();
    query.finish();
    if (first > 0) {
        QSqlQuery &events = prepared(QStringLiteral("SELECT seq, type, time, actor, command_id, payload FROM "
                                                    "events WHERE seq >= ? AND seq <= ? ORDER BY seq"));
        bindAll(events, {first, last});
        if (!events.exec())
            return failQuery(events, QStringLiteral("read events of command %1").arg(commandId));
        if (!readEvents(events, stored.events))
            return false;
    }
    result = stored;
    found = true;
    return true;
}

bool JhStore::readEvents(QSqlQuery &query, QList<JhEvent> &events)
{
    while (query.next()) {
        JhEvent event;
        event.sequence = query.value(0).toLongLong();
        if (!JhEnumNames::parse(query.value(1).toString(), event.type))
            return fail(JhStoreError::Code::QueryFailed, QStringLiteral("event %1 has unknown type %2")
                                                             .arg(event.sequence)
                                                             .arg(query.value(1).toString()));
        event.time = fromMs(query.value(2));
        event.actor = query.value(3).toString();
        event.commandId = query.value(4).toString();
        event.payload = QJsonDocument::fromJson(query.value(5).toString().toUtf8()).object();
        events.append(event);
    }
    query.finish();
    return true;
}

bool JhStore::eventsAfter(qint64 sequence, int limit, QList<JhEvent> &events)
{
    events.clear();
    QSqlQuery &query = prepared(QStringLiteral(
        "SELECT seq, type, time, actor, command_id, payload FROM events WHERE seq > ? ORDER BY seq LIMIT ?"));
    bindAll(query, {sequence, limit});
    if (!query.exec())
        return failQuery(query, QStringLiteral("read events after %1").arg(sequence));
    return readEvents(query, events);
}

bool JhStore::lastSequence(qint64 &sequence)
{
    QSqlQuery &query = prepared(QStringLiteral("SELECT last_seq FROM event_sequence WHERE id = 1"));
    if (!query.exec() || !query.next())
        return failQuery(query, QStringLiteral("read event sequence"));
    sequence = query.value(0).toLongLong();
    query.finish();
    return true;
}

// --- users ---------------------------------------------------------------------------------------

QString JhStore::hashToken(const QString &token)
{
    return QString::fromLatin1(QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
}

bool JhStore::addUser(const JhUser &user, const QString &token, const QDateTime &now)
{
    QSqlQuery &query =
        prepared(QStringLiteral("INSERT INTO users (id, display_name, role, team_id, token_hash,"
                                " created_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, NULL)"));
    bindAll(query, {user.id, user.displayName, JhEnumNames::code(user.role), user.teamId, hashToken(token),
                    toMs(now)});
    if (!query.exec())
        return failQuery(query, QStringLiteral("add user %1").arg(user.id));
    return true;
}

bool JhStore::userForToken(const QString &token, JhUser &user, bool &found)
{
    found = false;
    QSqlQuery &query = prepared(QStringLiteral(
        "SELECT id, display_name, role, team_id FROM users WHERE token_hash = ? AND revoked_at IS NULL"));
    query.bindValue(0, hashToken(token));
    if (!query.exec())
        return failQuery(query, QStringLiteral("look up token"));
    if (query.next()) {
        user = {query.value(0).toString(), query.value(1).toString(), parsed(query.value(2), JhRole::Viewer),
                query.value(3).toString()};
        found = true;
    }
    query.finish();
    return true;
}

bool JhStore::users(QList<JhStoredUser> &result)
{
    result.clear();
    QSqlQuery &query = prepared(QStringLiteral(
        "SELECT id, display_name, role, team_id, created_at, revoked_at FROM users ORDER BY id"));
    if (!query.exec())
        return failQuery(query, QStringLiteral("list users"));
    while (query.next())
        result.append({{query.value(0).toString(), query.value(1).toString(),
                        parsed(query.value(2), JhRole::Viewer), query.value(3).toString()},
                       fromMs(query.value(4)),
                       fromMs(query.value(5))});
    query.finish();
    return true;
}

bool JhStore::revokeUser(const QString &userId, const QDateTime &now, bool &found)
{
    QSqlQuery &query =
        prepared(QStringLiteral("UPDATE users SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL"));
    bindAll(query, {toMs(now), userId});
    if (!query.exec())
        return failQuery(query, QStringLiteral("revoke user %1").arg(userId));
    found = query.numRowsAffected() > 0;
    return true;
}

// --- unknown MNs ---------------------------------------------------------------------------------

bool JhStore::noteUnknownMn(const QString &mn, const QString &peer, const QDateTime &seen, qint64 packets)
{
    QSqlQuery &query = prepared(QStringLiteral(
        "INSERT INTO unknown_mns (mn, last_peer, first_seen, last_seen, packet_count) VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT (mn) DO UPDATE SET last_peer = excluded.last_peer,"
        " last_seen = CASE WHEN excluded.last_seen > unknown_mns.last_seen THEN excluded.last_seen"
        " ELSE unknown_mns.last_seen END,"
        " first_seen = CASE WHEN excluded.first_seen < unknown_mns.first_seen THEN excluded.first_seen"
        " ELSE unknown_mns.first_seen END,"
        " packet_count = unknown_mns.packet_count + excluded.packet_count"));
    bindAll(query, {mn, peer, toMs(seen), toMs(seen), packets});
    if (!query.exec())
        return failQuery(query, QStringLiteral("note unknown MN %1").arg(mn));
    return true;
}

bool JhStore::unknownMns(QList<JhUnknownMn> &result)
{
    result.clear();
    QSqlQuery &query = prepared(QStringLiteral("SELECT mn, last_peer, first_seen, last_seen, packet_count "
                                               "FROM unknown_mns ORDER BY last_seen DESC, mn"));
    if (!query.exec())
        return failQuery(query, QStringLiteral("list unknown MNs"));
    while (query.next())
        result.append({query.value(0).toString(), query.value(1).toString(), fromMs(query.value(2)),
                       fromMs(query.value(3)), query.value(4).toLongLong()});
    query.finish();
    return true;
}
