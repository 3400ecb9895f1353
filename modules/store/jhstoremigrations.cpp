// Schema migrations for SQLite and PostgreSQL 15. Times are UTC milliseconds (BIGINT), booleans 0/1.
#include "jhstoremigrations.h"

#include "jhsqliteobservationstaging.h"

namespace {
// The SQLite observations table (migration 1 made it in the main file; JhStore keeps it in the observations
// file since schema 5).
const char *const sSqliteObservationsTable =
    "CREATE TABLE observations (site_id TEXT NOT NULL, factor_code TEXT NOT NULL, interval_kind INTEGER NOT"
    " NULL, data_time INTEGER NOT NULL, value REAL NOT NULL, flag TEXT NOT NULL, received_at INTEGER NOT "
    "NULL,"
    " PRIMARY KEY (site_id, factor_code, interval_kind, data_time)) WITHOUT ROWID";

// Migration 1, SQLite. observations is WITHOUT ROWID so rows cluster by (site, factor, interval, time):
// the 24-hour chart of one factor reads one contiguous key range.
const char *const sSqliteV1[] = {
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE sites (id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, station_code TEXT NOT "
    "NULL,"
    " network TEXT NOT NULL, county_code INTEGER NOT NULL, longitude REAL NOT NULL, latitude REAL NOT NULL,"
    " mn TEXT NOT NULL UNIQUE, password TEXT NOT NULL, protocol_version TEXT NOT NULL,"
    " water_target_class INTEGER NOT NULL, water_body TEXT NOT NULL, noise_zone TEXT NOT NULL,"
    " park_id TEXT NOT NULL, factor_codes TEXT NOT NULL, approximate INTEGER NOT NULL)",
    "CREATE TABLE site_limits (site_id TEXT NOT NULL, factor_code TEXT NOT NULL, limit_value REAL NOT NULL,"
    " unit TEXT NOT NULL, PRIMARY KEY (site_id, factor_code))",
    "CREATE TABLE factors (code TEXT PRIMARY KEY, legacy_code TEXT NOT NULL, name_zh TEXT NOT NULL,"
    " name_en TEXT NOT NULL, unit TEXT NOT NULL)",
    sSqliteObservationsTable,
    // Ingest lands here first: appends to a small table are cheap to commit often; compaction moves the
    // rows into observations in key order, touching each of its pages once per compaction, not per commit.
    "CREATE TABLE observations_staging (site_id TEXT NOT NULL, factor_code TEXT NOT NULL,"
    " interval_kind INTEGER NOT NULL, data_time INTEGER NOT NULL, value REAL NOT NULL, flag TEXT NOT NULL,"
    " received_at INTEGER NOT NULL, PRIMARY KEY (site_id, factor_code, interval_kind, data_time))",
    "CREATE TABLE event_sequence (id INTEGER PRIMARY KEY CHECK (id = 1), last_seq INTEGER NOT NULL)",
    "INSERT INTO event_sequence (id, last_seq) VALUES (1, 0)",
    "CREATE TABLE events (seq INTEGER PRIMARY KEY, type TEXT NOT NULL, time INTEGER NOT NULL, actor TEXT NOT "
    "NULL,"
    " command_id TEXT NOT NULL, payload TEXT NOT NULL)",
    "CREATE TABLE processed_commands (command_id TEXT PRIMARY KEY, user_id TEXT NOT NULL,"
    " command_type TEXT NOT NULL, received_at INTEGER NOT NULL, error_code TEXT NOT NULL,"
    " message_zh TEXT NOT NULL, message_en TEXT NOT NULL, first_seq INTEGER NOT NULL, last_seq INTEGER NOT "
    "NULL)",
    "CREATE TABLE alarms (id TEXT PRIMARY KEY, site_id TEXT NOT NULL, factor_code TEXT NOT NULL,"
    " rule_id TEXT NOT NULL, level TEXT NOT NULL, state TEXT NOT NULL, value REAL NOT NULL, message TEXT NOT "
    "NULL,"
    " opened_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, updated_by TEXT NOT NULL,"
    " incident_id TEXT NOT NULL, note TEXT NOT NULL)",
    "CREATE INDEX alarms_site ON alarms (site_id, factor_code, rule_id)",
    "CREATE TABLE incidents (id TEXT PRIMARY KEY, title TEXT NOT NULL, type TEXT NOT NULL, level TEXT NOT "
    "NULL,"
    " status TEXT NOT NULL, longitude REAL NOT NULL, latitude REAL NOT NULL, county_code INTEGER NOT NULL,"
    " location TEXT NOT NULL, description TEXT NOT NULL, alarm_ids TEXT NOT NULL, opened_at INTEGER NOT NULL,"
    " updated_at INTEGER NOT NULL, created_by TEXT NOT NULL, updated_by TEXT NOT NULL, summary TEXT NOT "
    "NULL)",
    "CREATE TABLE tasks (id TEXT PRIMARY KEY, incident_id TEXT NOT NULL, team_id TEXT NOT NULL,"
    " title TEXT NOT NULL, instructions TEXT NOT NULL, state TEXT NOT NULL, created_at INTEGER NOT NULL,"
    " updated_at INTEGER NOT NULL, assigned_by TEXT NOT NULL, cancel_reason TEXT NOT NULL)",
    "CREATE INDEX tasks_incident ON tasks (incident_id)",
    "CREATE TABLE task_reports (task_id TEXT NOT NULL, position INTEGER NOT NULL, time INTEGER NOT NULL,"
    " author TEXT NOT NULL, state TEXT NOT NULL, text TEXT NOT NULL, has_position INTEGER NOT NULL,"
    " longitude REAL NOT NULL, latitude REAL NOT NULL, PRIMARY KEY (task_id, position))",
    "CREATE TABLE teams (id TEXT PRIMARY KEY, name TEXT NOT NULL, county_codes TEXT NOT NULL,"
    " longitude REAL NOT NULL, latitude REAL NOT NULL, status TEXT NOT NULL, status_note TEXT NOT NULL,"
    " status_changed_at INTEGER)",
    "CREATE TABLE catalogue (code TEXT PRIMARY KEY, name TEXT NOT NULL, category TEXT NOT NULL, unit TEXT "
    "NOT NULL)",
    "CREATE TABLE depots (id TEXT PRIMARY KEY, name TEXT NOT NULL, county_code INTEGER NOT NULL,"
    " team_id TEXT NOT NULL, longitude REAL NOT NULL, latitude REAL NOT NULL)",
    "CREATE TABLE inventory (depot_id TEXT NOT NULL, item_code TEXT NOT NULL, position INTEGER NOT NULL,"
    " quantity REAL NOT NULL,"
    " reserved REAL NOT NULL, minimum_stock REAL NOT NULL, PRIMARY KEY (depot_id, item_code))",
    "CREATE TABLE users (id TEXT PRIMARY KEY, display_name TEXT NOT NULL, role TEXT NOT NULL,"
    " team_id TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE, created_at INTEGER NOT NULL, revoked_at "
    "INTEGER)",
    "CREATE TABLE unknown_mns (mn TEXT PRIMARY KEY, last_peer TEXT NOT NULL, first_seen INTEGER NOT NULL,"
    " last_seen INTEGER NOT NULL, packet_count INTEGER NOT NULL)",
};

// Migration 1, PostgreSQL 15: the same tables. observations keeps its primary key as the range index;
// time partitioning can come in a later migration when the table outgrows one index.
const char *const sPostgresV1[] = {
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE sites (id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, station_code TEXT NOT "
    "NULL,"
    " network TEXT NOT NULL, county_code INTEGER NOT NULL, longitude DOUBLE PRECISION NOT NULL,"
    " latitude DOUBLE PRECISION NOT NULL, mn TEXT NOT NULL UNIQUE, password TEXT NOT NULL,"
    " protocol_version TEXT NOT NULL, water_target_class INTEGER NOT NULL, water_body TEXT NOT NULL,"
    " noise_zone TEXT NOT NULL, park_id TEXT NOT NULL, factor_codes TEXT NOT NULL, approximate INTEGER NOT "
    "NULL)",
    "CREATE TABLE site_limits (site_id TEXT NOT NULL, factor_code TEXT NOT NULL,"
    " limit_value DOUBLE PRECISION NOT NULL, unit TEXT NOT NULL, PRIMARY KEY (site_id, factor_code))",
    "CREATE TABLE factors (code TEXT PRIMARY KEY, legacy_code TEXT NOT NULL, name_zh TEXT NOT NULL,"
    " name_en TEXT NOT NULL, unit TEXT NOT NULL)",
    "CREATE TABLE observations (site_id TEXT NOT NULL, factor_code TEXT NOT NULL, interval_kind SMALLINT NOT "
    "NULL,"
    " data_time BIGINT NOT NULL, value DOUBLE PRECISION NOT NULL, flag TEXT NOT NULL, received_at BIGINT NOT "
    "NULL,"
    " PRIMARY KEY (site_id, factor_code, interval_kind, data_time))",
    "CREATE TABLE event_sequence (id INTEGER PRIMARY KEY CHECK (id = 1), last_seq BIGINT NOT NULL)",
    "INSERT INTO event_sequence (id, last_seq) VALUES (1, 0)",
    "CREATE TABLE events (seq BIGINT PRIMARY KEY, type TEXT NOT NULL, time BIGINT NOT NULL, actor TEXT NOT "
    "NULL,"
    " command_id TEXT NOT NULL, payload TEXT NOT NULL)",
    "CREATE TABLE processed_commands (command_id TEXT PRIMARY KEY, user_id TEXT NOT NULL,"
    " command_type TEXT NOT NULL, received_at BIGINT NOT NULL, error_code TEXT NOT NULL,"
    " message_zh TEXT NOT NULL, message_en TEXT NOT NULL, first_seq BIGINT NOT NULL, last_seq BIGINT NOT "
    "NULL)",
    "CREATE TABLE alarms (id TEXT PRIMARY KEY, site_id TEXT NOT NULL, factor_code TEXT NOT NULL,"
    " rule_id TEXT NOT NULL, level TEXT NOT NULL, state TEXT NOT NULL, value DOUBLE PRECISION NOT NULL,"
    " message TEXT NOT NULL, opened_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, updated_by TEXT NOT NULL,"
    " incident_id TEXT NOT NULL, note TEXT NOT NULL)",
    "CREATE INDEX alarms_site ON alarms (site_id, factor_code, rule_id)",
    "CREATE TABLE incidents (id TEXT PRIMARY KEY, title TEXT NOT NULL, type TEXT NOT NULL, level TEXT NOT "
    "NULL,"
    " status TEXT NOT NULL, longitude DOUBLE PRECISION NOT NULL, latitude DOUBLE PRECISION NOT NULL,"
    " county_code INTEGER NOT NULL, location TEXT NOT NULL, description TEXT NOT NULL, alarm_ids TEXT NOT "
    "NULL,"
    " opened_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, created_by TEXT NOT NULL, updated_by TEXT NOT "
    "NULL,"
    " summary TEXT NOT NULL)",
    "CREATE TABLE tasks (id TEXT PRIMARY KEY, incident_id TEXT NOT NULL, team_id TEXT NOT NULL,"
    " title TEXT NOT NULL, instructions TEXT NOT NULL, state TEXT NOT NULL, created_at BIGINT NOT NULL,"
    " updated_at BIGINT NOT NULL, assigned_by TEXT NOT NULL, cancel_reason TEXT NOT NULL)",
    "CREATE INDEX tasks_incident ON tasks (incident_id)",
    "CREATE TABLE task_reports (task_id TEXT NOT NULL, position INTEGER NOT NULL, time BIGINT NOT NULL,"
    " author TEXT NOT NULL, state TEXT NOT NULL, text TEXT NOT NULL, has_position INTEGER NOT NULL,"
    " longitude DOUBLE PRECISION NOT NULL, latitude DOUBLE PRECISION NOT NULL, PRIMARY KEY (task_id, "
    "position))",
    "CREATE TABLE teams (id TEXT PRIMARY KEY, name TEXT NOT NULL, county_codes TEXT NOT NULL,"
    " longitude DOUBLE PRECISION NOT NULL, latitude DOUBLE PRECISION NOT NULL, status TEXT NOT NULL,"
    " status_note TEXT NOT NULL, status_changed_at BIGINT)",
    "CREATE TABLE catalogue (code TEXT PRIMARY KEY, name TEXT NOT NULL, category TEXT NOT NULL, unit TEXT "
    "NOT NULL)",
    "CREATE TABLE depots (id TEXT PRIMARY KEY, name TEXT NOT NULL, county_code INTEGER NOT NULL,"
    " team_id TEXT NOT NULL, longitude DOUBLE PRECISION NOT NULL, latitude DOUBLE PRECISION NOT NULL)",
    "CREATE TABLE inventory (depot_id TEXT NOT NULL, item_code TEXT NOT NULL, position INTEGER NOT NULL,"
    " quantity DOUBLE PRECISION NOT NULL,"
    " reserved DOUBLE PRECISION NOT NULL, minimum_stock DOUBLE PRECISION NOT NULL,"
    " PRIMARY KEY (depot_id, item_code))",
    "CREATE TABLE users (id TEXT PRIMARY KEY, display_name TEXT NOT NULL, role TEXT NOT NULL,"
    " team_id TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE, created_at BIGINT NOT NULL, revoked_at BIGINT)",
    "CREATE TABLE unknown_mns (mn TEXT PRIMARY KEY, last_peer TEXT NOT NULL, first_seen BIGINT NOT NULL,"
    " last_seen BIGINT NOT NULL, packet_count BIGINT NOT NULL)",
};

// Migration 3, both dialects: what each incident reserved of a stock line (JSON object, incident id ->
// quantity); reserved stays the total.
const QString sReservationsV3 =
    QStringLiteral("ALTER TABLE inventory ADD COLUMN reservations TEXT NOT NULL DEFAULT ''");

template <size_t N>
QStringList toList(const char *const (&statements)[N])
{
    QStringList result;
    for (const char *statement : statements)
        result.append(QString::fromLatin1(statement));
    return result;
}
} // namespace

QList<JhMigration> JhStoreMigrations::migrations(JhStoreConfig::Dialect dialect)
{
    if (dialect == JhStoreConfig::Dialect::Sqlite) {
        // Migration 2: the keyed staging table becomes append-only buckets (JhSqliteObservationStaging);
        // what it still holds moves into observations first.
        QStringList buckets = JhSqliteObservationStaging::createStatements();
        buckets << QStringLiteral("INSERT INTO observations SELECT site_id, factor_code, interval_kind,"
                                  " data_time, value, flag, received_at FROM observations_staging WHERE true"
                                  " ON CONFLICT DO NOTHING")
                << QStringLiteral("DROP TABLE observations_staging");
        return {{1, QStringLiteral("initial schema"), toList(sSqliteV1)},
                {2, QStringLiteral("append-only observation staging buckets"), buckets},
                {3, QStringLiteral("inventory reservations per incident"), {sReservationsV3}},
                {4, QStringLiteral("byte-order observation keys (PostgreSQL only)"), {}}};
    }
    // PostgreSQL stores observations directly: migration 2 has nothing to do there.
    return {{1, QStringLiteral("initial schema"), toList(sPostgresV1)},
            {2, QStringLiteral("append-only observation staging buckets (SQLite only)"), {}},
            {3, QStringLiteral("inventory reservations per incident"), {sReservationsV3}},
            // Migration 4: the observation key's text columns compare bytewise (COLLATE "C"), as SQLite's
            // do. Under the database's locale (zh_CN.UTF-8, en_US.UTF-8, even C.UTF-8) every b-tree
            // comparison of an ingest insert went through strcoll; no query orders by these columns.
            {4,
             QStringLiteral("byte-order observation keys"),
             {QStringLiteral("ALTER TABLE observations ALTER COLUMN site_id TYPE TEXT COLLATE \"C\","
                             " ALTER COLUMN factor_code TYPE TEXT COLLATE \"C\"")}}};
}

const char *JhStoreMigrations::sqliteObservationsTable()
{
    return sSqliteObservationsTable;
}

int JhStoreMigrations::latestVersion()
{
    return 4;
}
