// The store suite, run twice: against SQLite in a temporary folder and against PostgreSQL 15 (a fresh
// database per test case). PostgreSQL comes from JH_TEST_PG_PORT (scripts/test-postgres.sh); without it the
// PostgreSQL run FAILS, unless JH_TEST_NO_POSTGRES=1 is set for a quick developer run.
#include "jhsqliteobservationstaging.h"
#include "jhstore.h"
#include "jhstoremigrations.h"
#include "jhtestdatabase.h"

#include "jhcommandhandler.h"
#include "jhenumnames.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QMutex>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

namespace {
const QDateTime sStart = QDateTime(QDate(2026, 3, 5), QTime(0, 0), Qt::UTC);

JhCountyTeam makeTeam(const QString &id, const QList<int> &counties)
{
    JhCountyTeam team;
    team.id = id;
    team.name = id + QStringLiteral("站");
    team.countyCodes = counties;
    team.longitude = 121;
    team.latitude = 32;
    return team;
}

JhSite makeSite(const QString &id, const QString &mn, JhSiteKind kind, int county)
{
    JhSite site;
    site.id = id;
    site.name = QStringLiteral("站点 ") + id;
    site.kind = kind;
    site.countyCode = county;
    site.longitude = 121.1;
    site.latitude = 32.1;
    site.mn = mn;
    site.password = QStringLiteral("abc123");
    site.factorCodes = QStringList{QStringLiteral("w01018"), QStringLiteral("w21003")};
    return site;
}

//! A small reference world: two sites, two teams, a depot with stock.
JhWorldState referenceState()
{
    JhWorldState state;
    JhSite source = makeSite(QStringLiteral("SRC-0001"), QStringLiteral("0123456789ABCDEF01234567"),
                             JhSiteKind::PollutionSource, 320623);
    source.permittedLimits = {{QStringLiteral("w01018"), 500, QStringLiteral("mg/L")},
                              {QStringLiteral("w21003"), 45, QStringLiteral("mg/L")}};
    state.addSite(source);
    JhSite water = makeSite(QStringLiteral("WAT-0001"), QStringLiteral("ABCDEF0123456789ABCDEF01"),
                            JhSiteKind::SurfaceWater, 320614);
    water.waterTargetClass = 3;
    water.waterBody = JhWaterBodyType::River;
    water.protocolVersion = JhHj212Version::V2005;
    state.addSite(water);
    state.addFactor({QStringLiteral("w01018"), QStringLiteral("011"), QStringLiteral("化学需氧量"),
                     QStringLiteral("COD"), QStringLiteral("mg/L")});
    state.addTeam(makeTeam(QStringLiteral("rudong"), {320623}));
    state.addTeam(makeTeam(QStringLiteral("city"), {320613, 320612}));
    state.addCatalogueItem({QStringLiteral("oil-boom"), QStringLiteral("围油栏"), JhItemCategory::Material,
                            QStringLiteral("m")});
    state.addCatalogueItem(
        {QStringLiteral("drone"), QStringLiteral("无人机"), JhItemCategory::Equipment, QStringLiteral("架")});
    JhDepot depot;
    depot.id = QStringLiteral("DEP-rudong");
    depot.name = QStringLiteral("如东应急物资储备库");
    depot.countyCode = 320623;
    depot.teamId = QStringLiteral("rudong");
    depot.longitude = 121.18;
    depot.latitude = 32.31;
    depot.inventory = {{QStringLiteral("oil-boom"), 400, 0, 200}, {QStringLiteral("drone"), 2, 0, 1}};
    state.addDepot(depot);
    return state;
}
} // namespace

class TestJhStore : public QObject
{
    Q_OBJECT

public:
    explicit TestJhStore(JhStoreConfig::Dialect dialect) : mDatabase(dialect) {}

private:
    JhTestDatabase mDatabase;
    JhStoreConfig mConfig;

    bool isPostgres() const { return mDatabase.isPostgres(); }

    //! SQLite: rows of \a site still in its staging bucket, read through a separate connection.
    qint64 stagedRows(const QString &site)
    {
        const QString name = QStringLiteral("jh_store_test_staged");
        qint64 count = -1;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(mConfig.sqliteObservationsPath());
            QSqlQuery query(db);
            if (db.open() &&
                query.exec(QStringLiteral("SELECT COUNT(*) FROM %1 WHERE site_id = '%2'")
                               .arg(JhSqliteObservationStaging::tableName(
                                        JhSqliteObservationStaging::bucketOf(site)),
                                    site)) &&
                query.next())
                count = query.value(0).toLongLong();
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        return count;
    }

    bool openStore(JhStore &store)
    {
        if (!store.open(mConfig)) {
            qWarning() << "open failed:" << store.error().message;
            return false;
        }
        return true;
    }

    //! Drives a small incident through the handler and the store, as central does; returns the state.
    JhWorldState runScenario(JhStore &store, int *commandCount = nullptr)
    {
        JhWorldState state = referenceState();
        QDateTime now = sStart;
        auto fold = [&](const QList<JhEvent> &events) {
            for (const JhEvent &event : events)
                if (!state.apply(event))
                    qWarning() << "fold failed at" << event.sequence;
        };
        QList<JhEvent> opened{JhCommandHandler::alarmOpened(
            state, QStringLiteral("SRC-0001"), QStringLiteral("w01018"), QStringLiteral("exceedance.permit"),
            JhAlarmLevel::Serious, 812.5, QStringLiteral("COD 超许可限值"), now)};
        if (!store.appendEvents(opened))
            qWarning() << store.error().message;
        fold(opened);
        store.saveProjection(state, opened);
        const JhUser coordinator{QStringLiteral("coordinator"), QString(), JhRole::EmergencyCoordinator,
                                 QString()};
        const JhUser team{QStringLiteral("team-rudong"), QString(), JhRole::CountyTeam,
                          QStringLiteral("rudong")};
        const QList<QPair<JhUser, QPair<JhCommandType, QJsonObject>>> script{
            {coordinator, {JhCommandType::EscalateAlarm, {{"alarmId", "ALM-000001"}}}},
            {coordinator,
             {JhCommandType::AssignTask,
              {{"incidentId", "INC-000001"}, {"teamId", "rudong"}, {"title", "采样"}}}},
            {team, {JhCommandType::AcceptTask, {{"taskId", "TSK-000001"}}}},
            {team,
             {JhCommandType::UpdateTask,
              {{"taskId", "TSK-000001"},
               {"state", "on-site"},
               {"text", "到达"},
               {"longitude", 121.2},
               {"latitude", 32.3}}}},
            {coordinator,
             {JhCommandType::ReserveInventory,
              {{"depotId", "DEP-rudong"},
               {"itemCode", "oil-boom"},
               {"quantity", 150},
               {"incidentId", "INC-000001"}}}},
            {team,
             {JhCommandType::DispatchInventory,
              {{"depotId", "DEP-rudong"},
               {"itemCode", "oil-boom"},
               {"quantity", 100},
               {"incidentId", "INC-000001"}}}},
            {team,
             {JhCommandType::SetTeamStatus, {{"teamId", "rudong"}, {"status", "busy"}, {"note", "出动"}}}},
            {coordinator,
             {JhCommandType::ReserveInventory,
              {{"depotId", "DEP-rudong"},
               {"itemCode", "oil-boom"},
               {"quantity", 9999},
               {"incidentId", "INC-000001"}}}},
        };
        int counter = 0;
        for (const auto &step : script) {
            now = now.addSecs(60);
            const JhCommand command{QStringLiteral("cmd-%1").arg(++counter), step.second.first, step.first.id,
                                    now, step.second.second};
            JhCommandResult result = JhCommandHandler::handle(command, step.first, state, now);
            if (!store.appendCommand(command, result, now))
                qWarning() << store.error().message;
            fold(result.events);
            if (!store.saveProjection(state, result.events))
                qWarning() << store.error().message;
        }
        if (commandCount)
            *commandCount = counter;
        return state;
    }

private slots:
    void init()
    {
        QVERIFY2(mDatabase.create(), "cannot create the test database");
        mConfig = mDatabase.config();
    }

    void cleanup() { mDatabase.destroy(); }

    void migratesOnceAndReopens()
    {
        {
            JhStore store;
            QVERIFY(openStore(store));
            int version = 0;
            QVERIFY(store.schemaVersion(version));
            QCOMPARE(version, JhStoreMigrations::latestVersion());
            QVERIFY(store.noteUnknownMn(QStringLiteral("FFFFFFFFFFFFFFFFFFFFFFFF"),
                                        QStringLiteral("10.0.0.9:5000"), sStart));
        }
        JhStore again;
        QVERIFY(openStore(again));
        int version = 0;
        QVERIFY(again.schemaVersion(version));
        QCOMPARE(version, JhStoreMigrations::latestVersion());
        QList<JhUnknownMn> mns;
        QVERIFY(again.unknownMns(mns));
        QCOMPARE(mns.size(), 1);
        if (!isPostgres()) {
            // WAL mode: the write-ahead log file sits next to the database.
            QVERIFY(QFile::exists(mConfig.sqlitePath + QStringLiteral("-wal")));
            QVERIFY(QFile::exists(mConfig.sqlitePath));
            // Observations have a file (and write lock) of their own.
            QVERIFY(QFile::exists(mConfig.sqliteObservationsPath()));
            QVERIFY(QFile::exists(mConfig.sqliteObservationsPath() + QStringLiteral("-wal")));
        }
    }

    void migratesVersionOneStagingIntoBuckets()
    {
        if (isPostgres())
            return; // migration 2 changes SQLite's staging only (checked: PostgreSQL reaches version 2 above)
        // A version-1 database as an earlier build left it: one row staged in the keyed staging table.
        const QString name = QStringLiteral("jh_store_test_v1");
        QVERIFY(QDir().mkpath(QFileInfo(mConfig.sqlitePath).absolutePath()));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(mConfig.sqlitePath);
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(QStringLiteral("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY,"
                                              " name TEXT NOT NULL, applied_at BIGINT NOT NULL)")));
            const JhMigration first = JhStoreMigrations::migrations(JhStoreConfig::Dialect::Sqlite).first();
            QCOMPARE(first.version, 1);
            for (const QString &statement : first.statements)
                QVERIFY2(query.exec(statement), qPrintable(query.lastError().text()));
            QVERIFY(
                query.exec(QStringLiteral("INSERT INTO schema_migrations VALUES (1, 'initial schema', 0)")));
            QVERIFY(query.exec(QStringLiteral("INSERT INTO observations_staging VALUES ('AIR-1', 'a34004', 2,"
                                              " %1, 37.5, 'N', %1)")
                                   .arg(sStart.toMSecsSinceEpoch())));
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        // Two services (say central and a `user add`) open the old store at once: both succeed, and the
        // observations are moved to their own file once.
        std::atomic<int> opened{0};
        std::vector<std::thread> openers;
        for (int i = 0; i < 2; ++i)
            openers.emplace_back([this, &opened]() {
                JhStore concurrent;
                if (concurrent.open(mConfig))
                    ++opened;
                else
                    qWarning() << "concurrent open failed:" << concurrent.error().message;
            });
        for (std::thread &opener : openers)
            opener.join();
        QCOMPARE(opened.load(), 2);
        JhStore store;
        QVERIFY(openStore(store));
        int version = 0;
        QVERIFY(store.schemaVersion(version));
        QCOMPARE(version, JhStoreMigrations::latestVersion());
        QList<JhObservation> range;
        QVERIFY(store.observations(QStringLiteral("AIR-1"), QStringLiteral("a34004"), JhIntervalKind::Hour,
                                   sStart, sStart, range));
        QCOMPARE(range.size(), 1);
        QCOMPARE(range.first().value, 37.5);
    }

    void ingestAndEventLogDoNotWaitForEachOther()
    {
        if (isPostgres())
            return; // PostgreSQL locks rows, not the database: nothing to show there
        JhStore store;
        QVERIFY(openStore(store));
        // Another writer holds one file's write lock (as a long compaction or command would); the other
        // file's writes must go through at once, not after the 10 s busy timeout.
        for (const bool lockObservations : {true, false}) {
            const QString name = QStringLiteral("jh_store_test_lock");
            {
                QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
                db.setDatabaseName(lockObservations ? mConfig.sqliteObservationsPath() : mConfig.sqlitePath);
                QVERIFY(db.open());
                QSqlQuery lock(db);
                QVERIFY(lock.exec(QStringLiteral("BEGIN IMMEDIATE")));
                QElapsedTimer clock;
                clock.start();
                if (lockObservations) {
                    QList<JhEvent> events{{0,
                                           JhEventType::TeamStatusChanged,
                                           sStart,
                                           QStringLiteral("system"),
                                           QString(),
                                           {{"teamId", "city"}, {"status", "busy"}, {"note", ""}}}};
                    QVERIFY2(store.appendEvents(events), qPrintable(store.error().message));
                } else {
                    QVERIFY2(
                        store.insertObservations({{QStringLiteral("AIR-1"), QStringLiteral("a34004"), sStart,
                                                   JhIntervalKind::Hour, 42, QStringLiteral("N")}},
                                                 sStart),
                        qPrintable(store.error().message));
                }
                QVERIFY2(clock.elapsed() < 2000, "a write waited for the other file's lock");
                QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));
                db.close();
            }
            QSqlDatabase::removeDatabase(name);
        }
    }

    void reportsConnectionFailure()
    {
        JhStoreConfig bad = mConfig;
        if (isPostgres())
            bad.database = QStringLiteral("no_such_database_here");
        else
            bad.sqlitePath = QStringLiteral("/proc/no/such/folder/central.sqlite");
        JhStore store;
        QVERIFY(!store.open(bad));
        QCOMPARE(store.error().code, JhStoreError::Code::ConnectionFailed);
        QVERIFY(!store.error().message.isEmpty());
    }

    void observationsBatchAndRange()
    {
        JhStore store;
        QVERIFY(openStore(store));
        QList<JhObservation> batch;
        for (int minute = 0; minute < 24 * 60; minute += 2)
            for (const char *factor : {"w01018", "w21003"})
                batch.append({QStringLiteral("SRC-0001"), QLatin1String(factor), sStart.addSecs(minute * 60),
                              JhIntervalKind::Minute, 100 + minute * 0.5,
                              minute == 10 ? QStringLiteral("D") : QStringLiteral("N")});
        batch.append({QStringLiteral("SRC-0001"), QStringLiteral("w01018"), sStart, JhIntervalKind::Hour, 42,
                      QStringLiteral("N")});
        batch.append({QStringLiteral("WAT-0001"), QStringLiteral("w01018"), sStart, JhIntervalKind::Minute, 7,
                      QStringLiteral("N")});
        QVERIFY(store.insertObservations(batch, sStart.addDays(1)));
        // A resend is not stored twice, even mixed with new data; a resent key keeps its first value.
        QList<JhObservation> resend = batch.mid(0, 300);
        resend[120].value = -999; // minute 120 of w01018, resent with another value
        resend.append({QStringLiteral("WAT-0001"), QStringLiteral("w01018"), sStart.addSecs(60),
                       JhIntervalKind::Minute, 8, QStringLiteral("N")});
        QVERIFY(store.insertObservations(resend, sStart.addDays(1)));

        QList<JhObservation> range;
        QVERIFY(store.observations(QStringLiteral("SRC-0001"), QStringLiteral("w01018"),
                                   JhIntervalKind::Minute, sStart.addSecs(3600), sStart.addSecs(7200),
                                   range));
        QCOMPARE(range.size(), 31); // minutes 60, 62, ... 120 inclusive
        QCOMPARE(range.first().dataTime, sStart.addSecs(3600));
        QCOMPARE(range.last().dataTime, sStart.addSecs(7200));
        QCOMPARE(range.first().value, 130.0);
        QCOMPARE(range.last().value, 160.0); // minute 120: its first value, not the resent -999
        for (int i = 1; i < range.size(); ++i)
            QVERIFY(range.at(i - 1).dataTime < range.at(i).dataTime);
        QVERIFY(store.observations(QStringLiteral("SRC-0001"), QStringLiteral("w01018"),
                                   JhIntervalKind::Minute, sStart, sStart.addSecs(600), range));
        QCOMPARE(range.last().flag, QStringLiteral("D"));
        QCOMPARE(range.last(),
                 (JhObservation{QStringLiteral("SRC-0001"), QStringLiteral("w01018"), sStart.addSecs(600),
                                JhIntervalKind::Minute, 105, QStringLiteral("D")}));
        QVERIFY(store.observations(QStringLiteral("SRC-0001"), QStringLiteral("w01018"), JhIntervalKind::Hour,
                                   sStart, sStart.addDays(1), range));
        QCOMPARE(range.size(), 1);
        QCOMPARE(range.first().value, 42.0);
        QVERIFY(store.observations(QStringLiteral("WAT-0001"), QStringLiteral("w01018"),
                                   JhIntervalKind::Minute, sStart, sStart.addDays(1), range));
        QCOMPARE(range.size(), 2);

        // Awkward ids survive both insert paths (PostgreSQL sends arrays as literals).
        const QString awkward = QStringLiteral("SRC \"q\" \\ ,{}; 站'x");
        QVERIFY(store.insertObservations(
            {{awkward, QStringLiteral("w01018"), sStart, JhIntervalKind::Day, -1.25e-7, QStringLiteral("N")}},
            sStart));
        QVERIFY(store.observations(awkward, QStringLiteral("w01018"), JhIntervalKind::Day, sStart, sStart,
                                   range));
        QCOMPARE(range.size(), 1);
        QCOMPARE(range.first().siteId, awkward);
        QCOMPARE(range.first().value, -1.25e-7);
    }

    void observationsSurviveCompaction()
    {
        JhStore store;
        QVERIFY(openStore(store));
        store.setCompactionThreshold(500);
        auto minuteRows = [](const QString &site, int from, int to) {
            QList<JhObservation> rows;
            for (int minute = from; minute < to; ++minute)
                rows.append({site, QStringLiteral("a34004"), sStart.addSecs(minute * 60),
                             JhIntervalKind::Minute, double(minute), QStringLiteral("N")});
            return rows;
        };
        // Below the threshold rows stay staged; reads must see them, each key once.
        QVERIFY(store.insertObservations(minuteRows(QStringLiteral("A"), 0, 300), sStart));
        QVERIFY(store.insertObservations(minuteRows(QStringLiteral("A"), 250, 350), sStart));
        const JhObservation twice{
            QStringLiteral("E"), QStringLiteral("a34004"), sStart, JhIntervalKind::Hour, 1,
            QStringLiteral("N")};
        QVERIFY(store.insertObservations({twice, twice}, sStart));
        QList<JhObservation> range;
        QVERIFY(store.observations(QStringLiteral("A"), QStringLiteral("a34004"), JhIntervalKind::Minute,
                                   sStart, sStart.addDays(1), range));
        QCOMPARE(range.size(), 350);
        QVERIFY(store.observations(QStringLiteral("E"), QStringLiteral("a34004"), JhIntervalKind::Hour,
                                   sStart, sStart, range));
        QCOMPARE(range.size(), 1); // a duplicate inside one batch is seen once
        // Crossing the threshold compacts full buckets as batches come in; then everything explicitly.
        for (const char *site : {"B", "C", "D"}) {
            QVERIFY(store.insertObservations(minuteRows(QLatin1String(site), 0, 400), sStart));
            QVERIFY(store.compactIfDue());
        }
        QVERIFY(store.compactObservations());
        // Resends of compacted rows are staged again but never seen twice, before or after compaction.
        QList<JhObservation> again = minuteRows(QStringLiteral("A"), 340, 360);
        again[0].value = -1; // minute 340, already compacted with value 340
        QVERIFY(store.insertObservations(again, sStart));
        QVERIFY(store.insertObservations({twice}, sStart));
        for (bool compacted : {false, true}) {
            if (compacted)
                QVERIFY(store.compactObservations());
            QVERIFY(store.observations(QStringLiteral("A"), QStringLiteral("a34004"), JhIntervalKind::Minute,
                                       sStart, sStart.addDays(1), range));
            QCOMPARE(range.size(), 360);
            for (int i = 0; i < range.size(); ++i)
                QCOMPARE(range.at(i).value, double(i));
            QVERIFY(store.observations(QStringLiteral("E"), QStringLiteral("a34004"), JhIntervalKind::Hour,
                                       sStart, sStart, range));
            QCOMPARE(range.size(), 1);
            QVERIFY(store.observations(QStringLiteral("C"), QStringLiteral("a34004"), JhIntervalKind::Minute,
                                       sStart, sStart.addDays(1), range));
            QCOMPARE(range.size(), 400);
        }
        // Rows staged when the store closes without compacting (a crash) are read and compacted after a
        // reopen: the staged-row counts are recovered from the tables.
        QVERIFY(store.insertObservations(minuteRows(QStringLiteral("F"), 0, 100), sStart));
        store.close();
        QVERIFY(openStore(store));
        store.setCompactionThreshold(16 * 150); // 150 rows per bucket: F's 100 + 100 more compact it
        QVERIFY(store.observations(QStringLiteral("F"), QStringLiteral("a34004"), JhIntervalKind::Minute,
                                   sStart, sStart.addDays(1), range));
        QCOMPARE(range.size(), 100);
        QVERIFY(store.insertObservations(minuteRows(QStringLiteral("F"), 50, 200), sStart));
        if (!isPostgres())
            QCOMPARE(stagedRows(QStringLiteral("F")), 250); // inserting never compacts by itself
        QVERIFY(store.compactIfDue());
        QVERIFY(store.observations(QStringLiteral("F"), QStringLiteral("a34004"), JhIntervalKind::Minute,
                                   sStart, sStart.addDays(1), range));
        QCOMPARE(range.size(), 200);
        if (!isPostgres()) {
            QCOMPARE(stagedRows(QStringLiteral("F")), 0); // 250 staged rows passed the threshold
            QVERIFY(store.insertObservations(minuteRows(QStringLiteral("A"), 0, 10), sStart));
            QCOMPARE(stagedRows(QStringLiteral("A")), 10);
            QVERIFY(store.compactObservations());
            QCOMPARE(stagedRows(QStringLiteral("A")), 0);
        }
        // A second connection sees the same data.
        JhStore other;
        QVERIFY(openStore(other));
        QVERIFY(other.observations(QStringLiteral("A"), QStringLiteral("a34004"), JhIntervalKind::Minute,
                                   sStart, sStart.addDays(1), range));
        QCOMPARE(range.size(), 360);
    }

    void latestObservationsOnePerSeries()
    {
        JhStore store;
        QVERIFY(openStore(store));
        store.setCompactionThreshold(1000000); // compacted only when asked
        QList<JhObservation> result;
        QVERIFY(store.latestObservations(result));
        QVERIFY(result.isEmpty());
        auto row = [](const QString &site, const char *factor, JhIntervalKind interval, int minute,
                      double value, const char *flag = "N") {
            return JhObservation{site,  QLatin1String(factor), sStart.addSecs(minute * 60), interval,
                                 value, QLatin1String(flag)};
        };
        // Compacted rows, then newer staged rows for some series, a late row and resends of the newest.
        QVERIFY(store.insertObservations({row("A", "a34004", JhIntervalKind::Minute, 0, 1),
                                          row("A", "a34004", JhIntervalKind::Minute, 1, 2),
                                          row("A", "a34004", JhIntervalKind::Hour, 0, 30),
                                          row("B", "w01018", JhIntervalKind::Minute, 5, 50, "D")},
                                         sStart));
        QVERIFY(store.compactObservations());
        QVERIFY(store.insertObservations({row("A", "a34004", JhIntervalKind::Minute, 2, 3),
                                          row("A", "a34004", JhIntervalKind::Minute, 2, -3),  // resend
                                          row("B", "w01018", JhIntervalKind::Minute, 4, 40),  // late
                                          row("B", "w01018", JhIntervalKind::Minute, 5, -50), // resend
                                          row("C", "Leq", JhIntervalKind::Minute, 9, 55)},
                                         sStart));
        const QList<JhObservation> expected{row("A", "a34004", JhIntervalKind::Minute, 2, 3),
                                            row("A", "a34004", JhIntervalKind::Hour, 0, 30),
                                            row("B", "w01018", JhIntervalKind::Minute, 5, 50, "D"),
                                            row("C", "Leq", JhIntervalKind::Minute, 9, 55)};
        for (bool compacted : {false, true}) {
            if (compacted)
                QVERIFY(store.compactObservations());
            QVERIFY(store.latestObservations(result));
            QCOMPARE(result, expected);
        }
    }

    void eventLogIsGapFree()
    {
        JhStore store;
        QVERIFY(openStore(store));
        qint64 last = -1;
        QVERIFY(store.lastSequence(last));
        QCOMPARE(last, 0);
        QList<JhEvent> first;
        for (int i = 0; i < 3; ++i)
            first.append({0,
                          JhEventType::TeamStatusChanged,
                          sStart.addSecs(i),
                          QStringLiteral("system"),
                          QString(),
                          {{"teamId", "city"},
                           {"status", "busy"},
                           {"note", QStringLiteral("第%1次 \"引号\"").arg(i)}}});
        QVERIFY(store.appendEvents(first));
        QCOMPARE(first.at(0).sequence, 1);
        QCOMPARE(first.at(2).sequence, 3);
        QList<JhEvent> second = first.mid(0, 2);
        QVERIFY(store.appendEvents(second));
        QCOMPARE(second.at(0).sequence, 4);
        QCOMPARE(second.at(1).sequence, 5);
        QVERIFY(store.lastSequence(last));
        QCOMPARE(last, 5);
        QList<JhEvent> page;
        QVERIFY(store.eventsAfter(2, 2, page));
        QCOMPARE(page.size(), 2);
        QCOMPARE(page.at(0), first.at(2));
        QCOMPARE(page.at(1), second.at(0));
        QVERIFY(store.eventsAfter(5, 100, page));
        QVERIFY(page.isEmpty());
        QVERIFY(store.eventsAfter(0, 100, page));
        QCOMPARE(page.size(), 5);
    }

    void commandsApplyExactlyOnce()
    {
        JhStore store;
        QVERIFY(openStore(store));
        const JhCommand command{QStringLiteral("6f1c2a9e-3b7d-4c11-9a0e-5d2f8b7c4e10"),
                                JhCommandType::SetTeamStatus,
                                QStringLiteral("team-city"),
                                sStart,
                                {{"teamId", "city"}, {"status", "busy"}}};
        JhCommandResult result;
        result.commandId = command.id;
        result.messageZh = QStringLiteral("成功");
        result.messageEn = QStringLiteral("OK");
        result.events = {
            {0, JhEventType::TeamStatusChanged, sStart, command.userId, command.id, command.payload},
            {0, JhEventType::TeamStatusChanged, sStart, command.userId, command.id, command.payload}};
        bool repeated = true;
        QVERIFY(store.appendCommand(command, result, sStart, &repeated));
        QVERIFY(!repeated);
        QCOMPARE(result.events.at(0).sequence, 1);
        QCOMPARE(result.events.at(1).sequence, 2);

        // The same id again, even with a different answer computed: the first answer is returned.
        JhCommandResult again = JhCommandResult::rejected(command.id, JhDomainError::Forbidden);
        QVERIFY(store.appendCommand(command, again, sStart.addSecs(5), &repeated));
        QVERIFY(repeated);
        QCOMPARE(again, result);
        qint64 last = 0;
        QVERIFY(store.lastSequence(last));
        QCOMPARE(last, 2);

        const JhCommand refused{QStringLiteral("c-refused"),
                                JhCommandType::AcknowledgeAlarm,
                                QStringLiteral("viewer"),
                                sStart,
                                {{"alarmId", "ALM-000001"}}};
        JhCommandResult rejection = JhCommandResult::rejected(refused.id, JhDomainError::Forbidden);
        QVERIFY(store.appendCommand(refused, rejection, sStart, &repeated));
        QVERIFY(!repeated);
        JhCommandResult stored;
        bool found = false;
        QVERIFY(store.commandResult(refused.id, stored, found));
        QVERIFY(found);
        QCOMPARE(stored, rejection);
        QCOMPARE(stored.messageZh, QStringLiteral("当前角色无权执行该操作"));
        QVERIFY(store.commandResult(QStringLiteral("never-sent"), stored, found));
        QVERIFY(!found);
        QVERIFY(store.lastSequence(last));
        QCOMPARE(last, 2);
    }

    void concurrentAppendsStayGapFree()
    {
        {
            JhStore migrate;
            QVERIFY(openStore(migrate));
        }
        constexpr int sWriters = 2;
        constexpr int sCommands = 60;
        QMutex mutex;
        QStringList problems;
        QHash<QString, QList<qint64>> sequencesByCommand;
        auto writer = [&](int writerIndex) {
            JhStore store;
            if (!store.open(mConfig)) {
                QMutexLocker lock(&mutex);
                problems.append(store.error().message);
                return;
            }
            for (int i = 0; i < sCommands; ++i) {
                // Half of the ids are shared by both writers: each must be applied once.
                const QString id = i % 2 == 0 ? QStringLiteral("shared-%1").arg(i)
                                              : QStringLiteral("w%1-%2").arg(writerIndex).arg(i);
                const JhCommand command{id, JhCommandType::SetTeamStatus, QStringLiteral("u"), sStart, {}};
                JhCommandResult result;
                result.commandId = id;
                for (int e = 0; e < 1 + i % 3; ++e)
                    result.events.append({0,
                                          JhEventType::TeamStatusChanged,
                                          sStart,
                                          QStringLiteral("u"),
                                          id,
                                          {{"teamId", "city"}, {"status", "busy"}, {"writer", writerIndex}}});
                bool repeated = false;
                if (!store.appendCommand(command, result, sStart, &repeated)) {
                    QMutexLocker lock(&mutex);
                    problems.append(store.error().message);
                    continue;
                }
                QList<qint64> sequences;
                for (const JhEvent &event : result.events)
                    sequences.append(event.sequence);
                QMutexLocker lock(&mutex);
                if (sequencesByCommand.contains(id) && sequencesByCommand.value(id) != sequences)
                    problems.append(QStringLiteral("%1 answered differently").arg(id));
                sequencesByCommand.insert(id, sequences);
            }
            QList<JhEvent> system{
                {0, JhEventType::TeamStatusChanged, sStart, QStringLiteral("system"), QString(), {}}};
            for (int i = 0; i < 20; ++i) {
                QList<JhEvent> copy = system;
                if (!store.appendEvents(copy)) {
                    QMutexLocker lock(&mutex);
                    problems.append(store.error().message);
                }
            }
        };
        QList<QThread *> threads;
        for (int w = 0; w < sWriters; ++w)
            threads.append(QThread::create(writer, w));
        for (QThread *thread : threads)
            thread->start();
        for (QThread *thread : threads) {
            QVERIFY(thread->wait(120000));
            delete thread;
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));

        int expected = sWriters * 20;
        for (auto it = sequencesByCommand.cbegin(); it != sequencesByCommand.cend(); ++it) {
            expected += it.value().size();
            for (int i = 1; i < it.value().size(); ++i)
                QCOMPARE(it.value().at(i), it.value().at(i - 1) + 1); // a command's events are contiguous
        }
        JhStore store;
        QVERIFY(openStore(store));
        QList<JhEvent> all;
        QVERIFY(store.eventsAfter(0, 100000, all));
        QCOMPARE(all.size(), expected);
        for (int i = 0; i < all.size(); ++i)
            QCOMPARE(all.at(i).sequence, qint64(i + 1));
        qint64 last = 0;
        QVERIFY(store.lastSequence(last));
        QCOMPARE(last, qint64(expected));
    }

    void projectionRebuildsState()
    {
        JhStore store;
        QVERIFY(openStore(store));
        QVERIFY(store.initialiseReferenceData(referenceState()));
        const JhWorldState state = runScenario(store);
        QCOMPARE(state.lastSequence(), 9);
        QCOMPARE(state.depot(QStringLiteral("DEP-rudong"))->item(QStringLiteral("oil-boom"))->quantity,
                 300.0);
        QCOMPARE(state.depot(QStringLiteral("DEP-rudong"))
                     ->item(QStringLiteral("oil-boom"))
                     ->reservedFor(QStringLiteral("INC-000001")),
                 50.0); // 150 reserved, 100 of them dispatched
        JhWorldState loaded;
        QVERIFY2(store.loadState(loaded), qPrintable(store.error().message));
        QCOMPARE(loaded.sites().value(QStringLiteral("SRC-0001")),
                 state.sites().value(QStringLiteral("SRC-0001")));
        QCOMPARE(loaded.alarms(), state.alarms());
        QCOMPARE(loaded.incidents(), state.incidents());
        QCOMPARE(loaded.tasks(), state.tasks());
        QCOMPARE(loaded.depots(), state.depots());
        QCOMPARE(loaded.teams(), state.teams());
        QVERIFY(loaded == state);

        // Initialising again (e.g. a restart with the scenario) keeps the live stock and team status.
        QVERIFY(store.initialiseReferenceData(referenceState()));
        QVERIFY(store.loadState(loaded));
        QVERIFY(loaded == state);
    }

    void replayAfterStaleProjection()
    {
        JhStore store;
        QVERIFY(openStore(store));
        QVERIFY(store.initialiseReferenceData(referenceState()));
        // The reference data alone, then events appended without projecting (a crash between the two).
        JhWorldState before;
        QVERIFY(store.loadState(before));
        QCOMPARE(before.lastSequence(), 0);
        JhStore other;
        QVERIFY(openStore(other));
        const JhWorldState full = runScenario(other);
        // runScenario projected through `other`; rewind the projection marker to simulate staleness.
        QVERIFY(store.saveProjection(before, {}));
        JhWorldState rebuilt;
        QVERIFY(store.loadState(rebuilt));
        QCOMPARE(rebuilt.lastSequence(), 0);
        JhWorldState replayed = referenceState();
        QList<JhEvent> events;
        QVERIFY(store.eventsAfter(rebuilt.lastSequence(), 1000, events));
        for (const JhEvent &event : events)
            QVERIFY(replayed.apply(event));
        QVERIFY(replayed == full);
    }

    void usersAndTokens()
    {
        JhStore store;
        QVERIFY(openStore(store));
        const JhUser duty{QStringLiteral("duty"), QStringLiteral("值班员"), JhRole::DutyOfficer, QString()};
        const JhUser team{QStringLiteral("team-haimen"), QStringLiteral("海门站"), JhRole::CountyTeam,
                          QStringLiteral("haimen")};
        QVERIFY(store.addUser(duty, QStringLiteral("token-duty-secret"), sStart));
        QVERIFY(store.addUser(team, QStringLiteral("token-haimen"), sStart.addSecs(1)));
        QVERIFY(!store.addUser(duty, QStringLiteral("another-token"), sStart));
        QCOMPARE(store.error().code, JhStoreError::Code::Conflict);
        JhUser found;
        bool ok = false;
        QVERIFY(store.userForToken(QStringLiteral("token-haimen"), found, ok));
        QVERIFY(ok);
        QCOMPARE(found, team);
        QVERIFY(store.userForToken(QStringLiteral("token-HAIMEN"), found, ok));
        QVERIFY(!ok);
        QCOMPARE(JhStore::hashToken(QStringLiteral("abc")),
                 QStringLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        QVERIFY(store.revokeUser(QStringLiteral("team-haimen"), sStart.addDays(1), ok));
        QVERIFY(ok);
        QVERIFY(store.revokeUser(QStringLiteral("team-haimen"), sStart.addDays(2), ok));
        QVERIFY(!ok);
        QVERIFY(store.userForToken(QStringLiteral("token-haimen"), found, ok));
        QVERIFY(!ok);
        QList<JhStoredUser> all;
        QVERIFY(store.users(all));
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.at(0).user, duty);
        QVERIFY(!all.at(0).isRevoked());
        QCOMPARE(all.at(1).revokedAt, sStart.addDays(1));
        QCOMPARE(all.at(1).createdAt, sStart.addSecs(1));
    }

    void unknownMnRegistry()
    {
        JhStore store;
        QVERIFY(openStore(store));
        const QString mn = QStringLiteral("00000000000000000000BEEF");
        QVERIFY(store.noteUnknownMn(mn, QStringLiteral("10.1.1.1:4001"), sStart.addSecs(10)));
        QVERIFY(store.noteUnknownMn(mn, QStringLiteral("10.1.1.2:4002"), sStart.addSecs(30), 5));
        QVERIFY(store.noteUnknownMn(mn, QStringLiteral("10.1.1.3:4003"), sStart.addSecs(20)));
        QVERIFY(store.noteUnknownMn(QStringLiteral("00000000000000000000CAFE"), QStringLiteral("10.9.9.9:1"),
                                    sStart));
        QList<JhUnknownMn> mns;
        QVERIFY(store.unknownMns(mns));
        QCOMPARE(mns.size(), 2);
        QCOMPARE(mns.at(0).mn, mn);
        QCOMPARE(mns.at(0).packetCount, 7);
        QCOMPARE(mns.at(0).firstSeen, sStart.addSecs(10));
        QCOMPARE(mns.at(0).lastSeen, sStart.addSecs(30));
        QCOMPARE(mns.at(0).lastPeer, QStringLiteral("10.1.1.3:4003"));
    }

    void sitesUpsert()
    {
        JhStore store;
        QVERIFY(openStore(store));
        JhWorldState reference = referenceState();
        QList<JhSite> sites = reference.sites().values();
        QVERIFY(store.upsertSites(sites));
        sites[0].name = QStringLiteral("改名");
        sites[0].permittedLimits = {{QStringLiteral("w21003"), 30, QStringLiteral("mg/L")}};
        QVERIFY(store.upsertSites(sites));
        JhWorldState loaded;
        QVERIFY(store.loadState(loaded));
        QCOMPARE(loaded.sites().size(), 2);
        QCOMPARE(*loaded.site(sites[0].id), sites[0]);
        QCOMPARE(*loaded.site(sites[1].id), sites[1]);
        // Two sites cannot share an MN.
        JhSite clash = sites[1];
        clash.id = QStringLiteral("OTHER");
        QVERIFY(!store.upsertSites({clash}));
        QCOMPARE(store.error().code, JhStoreError::Code::Conflict);
    }
};

int main(int argc, char **argv)
{
    QCoreApplication application(argc, argv);
    return jhRunOnBothDialects<TestJhStore>(argc, argv);
}

#include "tst_jhstore.moc"
