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

#include "jhstoresql.h"

namespace {
QAtomicInt sConnectionCounter;
} // namespace

using namespace JhStoreSql;

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
