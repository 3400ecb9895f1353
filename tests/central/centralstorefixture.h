// Test support for the central suites that need a store: a fresh SQLite folder or PostgreSQL database per
// case, a small reference network (two teams, three sites) and helpers to run a suite on both dialects.
#pragma once

#include "jhcommand.h"
#include "jhcommandhandler.h"
#include "jhstore.h"
#include "jhstoreconfig.h"
#include "jhworldstate.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

//! One store per test case on the suite's dialect. PostgreSQL comes from JH_TEST_PG_PORT.
class JhCentralStoreFixture
{
public:
    explicit JhCentralStoreFixture(JhStoreConfig::Dialect dialect) : mDialect(dialect) {}

    bool isPostgres() const { return mDialect == JhStoreConfig::Dialect::Postgres; }
    const JhStoreConfig &config() const { return mConfig; }
    QString url() const
    {
        if (isPostgres())
            return QStringLiteral("postgresql://postgres@127.0.0.1:%1/%2")
                .arg(mConfig.port)
                .arg(mDatabaseName);
        return QStringLiteral("sqlite:") + mConfig.sqlitePath;
    }

    bool create()
    {
        if (isPostgres()) {
            static QAtomicInt counter;
            mDatabaseName = QStringLiteral("jh_central_%1_%2")
                                .arg(QCoreApplication::applicationPid())
                                .arg(counter.fetchAndAddRelaxed(1));
            if (!adminExec(QStringLiteral("CREATE DATABASE %1").arg(mDatabaseName)))
                return false;
            mConfig = JhStoreConfig();
            mConfig.dialect = JhStoreConfig::Dialect::Postgres;
            mConfig.host = QStringLiteral("127.0.0.1");
            mConfig.port = qEnvironmentVariableIntValue("JH_TEST_PG_PORT");
            mConfig.user = QStringLiteral("postgres");
            mConfig.database = mDatabaseName;
            return true;
        }
        mFolder = std::make_unique<QTemporaryDir>();
        mConfig = JhStoreConfig::inDataDirectory(mFolder->filePath(QStringLiteral("data")));
        return mFolder->isValid();
    }

    void destroy()
    {
        if (isPostgres() && !mDatabaseName.isEmpty())
            adminExec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(mDatabaseName));
        mDatabaseName.clear();
        mFolder.reset();
    }

    //! Two teams (city covers 320612, haimen covers 320614), a site in each county and a catalogue-free
    //! reference set; users duty, coordinator, viewer, team-haimen, team-city with token "tok-<id>".
    static void populate(JhWorldState &state)
    {
        JhCountyTeam city;
        city.id = QStringLiteral("city");
        city.name = QStringLiteral("南通市生态环境监测站");
        city.countyCodes = {320612};
        JhCountyTeam haimen;
        haimen.id = QStringLiteral("haimen");
        haimen.name = QStringLiteral("海门区监测站");
        haimen.countyCodes = {320614};
        state.addTeam(city);
        state.addTeam(haimen);
        for (const JhSite &site : sites())
            state.addSite(site);
    }

    static QList<JhSite> sites()
    {
        QList<JhSite> result;
        const QList<QPair<QString, int>> specs = {{QStringLiteral("AIR-T1"), 320612},
                                                  {QStringLiteral("AIR-T2"), 320614},
                                                  {QStringLiteral("AIR-T3"), 320614}};
        int index = 0;
        for (const auto &spec : specs) {
            JhSite site;
            site.id = spec.first;
            site.name = spec.first;
            site.kind = JhSiteKind::AirNational;
            site.countyCode = spec.second;
            site.longitude = 120.8 + index * 0.1;
            site.latitude = 32.0;
            site.mn = QStringLiteral("3206000000000000000000%1").arg(++index, 2, 10, QLatin1Char('0'));
            site.password = QStringLiteral("123456");
            site.factorCodes = QStringList{QStringLiteral("a21026")};
            result.append(site);
        }
        return result;
    }

    static JhUser user(const QString &id, JhRole role, const QString &teamId = {})
    {
        JhUser result;
        result.id = id;
        result.displayName = id;
        result.role = role;
        result.teamId = teamId;
        return result;
    }

    static QList<JhUser> users()
    {
        return {user(QStringLiteral("duty"), JhRole::DutyOfficer),
                user(QStringLiteral("coordinator"), JhRole::EmergencyCoordinator),
                user(QStringLiteral("viewer"), JhRole::Viewer),
                user(QStringLiteral("team-haimen"), JhRole::CountyTeam, QStringLiteral("haimen")),
                user(QStringLiteral("team-city"), JhRole::CountyTeam, QStringLiteral("city"))};
    }

    static QString token(const QString &userId) { return QStringLiteral("tok-") + userId; }

    //! Writes the reference network and the users into the fresh store.
    bool seed()
    {
        JhStore store;
        if (!store.open(mConfig)) {
            qWarning() << store.error().message;
            return false;
        }
        JhWorldState state;
        populate(state);
        bool ok = store.upsertSites(sites()) && store.initialiseReferenceData(state);
        for (const JhUser &user : users())
            ok = ok && store.addUser(user, token(user.id), QDateTime::currentDateTimeUtc());
        if (!ok)
            qWarning() << store.error().message;
        return ok;
    }

    static JhCommand command(JhCommandType type, const QJsonObject &payload, const QString &id = {})
    {
        JhCommand result;
        result.id = id.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : id;
        result.type = type;
        result.issuedAt = QDateTime(QDate(2026, 7, 1), QTime(8, 0), Qt::UTC);
        result.payload = payload;
        return result;
    }

    //! An alarm.opened system event at \a siteId (next alarm id of \a state).
    static JhEvent alarm(const JhWorldState &state, const QString &siteId, const QString &message = {})
    {
        return JhCommandHandler::alarmOpened(state, siteId, QStringLiteral("a21026"),
                                             QStringLiteral("air.iaqi"), JhAlarmLevel::Warning, 180.0,
                                             message.isEmpty() ? QStringLiteral("SO2 IAQI 180") : message,
                                             QDateTime(QDate(2026, 7, 1), QTime(8, 0), Qt::UTC));
    }

    //! Runs \a Suite on SQLite, then on PostgreSQL (fails when JH_TEST_PG_PORT is unset, unless
    //! JH_TEST_NO_POSTGRES=1).
    template <typename Suite>
    static int runOnBothDialects(int argc, char **argv)
    {
        int failures = 0;
        {
            Suite sqlite(JhStoreConfig::Dialect::Sqlite);
            qInfo("=== on SQLite ===");
            failures += QTest::qExec(&sqlite, argc, argv);
        }
        if (qEnvironmentVariable("JH_TEST_NO_POSTGRES") == QLatin1String("1")) {
            qInfo("JH_TEST_NO_POSTGRES=1: PostgreSQL run left out on request (developer quick run)");
        } else if (qEnvironmentVariableIntValue("JH_TEST_PG_PORT") <= 0) {
            qCritical(
                "FAIL: JH_TEST_PG_PORT is not set, so this suite cannot run against PostgreSQL 15.\n"
                "Run scripts/test.sh (it starts a throw-away server), or: source scripts/test-postgres.sh;"
                " start_test_postgres. Set JH_TEST_NO_POSTGRES=1 to skip PostgreSQL for a quick local run.");
            ++failures;
        } else {
            Suite postgres(JhStoreConfig::Dialect::Postgres);
            qInfo("=== on PostgreSQL (port %d) ===", qEnvironmentVariableIntValue("JH_TEST_PG_PORT"));
            failures += QTest::qExec(&postgres, argc, argv);
        }
        return failures == 0 ? 0 : 1;
    }

private:
    static bool adminExec(const QString &sql)
    {
        const QString name = QStringLiteral("jh_central_test_admin");
        bool ok = false;
        {
            QSqlDatabase admin = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
            admin.setHostName(QStringLiteral("127.0.0.1"));
            admin.setPort(qEnvironmentVariableIntValue("JH_TEST_PG_PORT"));
            admin.setUserName(QStringLiteral("postgres"));
            admin.setDatabaseName(QStringLiteral("postgres"));
            if (admin.open()) {
                QSqlQuery query(admin);
                ok = query.exec(sql);
                if (!ok)
                    qWarning() << sql << query.lastError().text();
            } else {
                qWarning() << "cannot reach the test PostgreSQL:" << admin.lastError().text();
            }
            admin.close();
        }
        QSqlDatabase::removeDatabase(name);
        return ok;
    }

    JhStoreConfig::Dialect mDialect;
    JhStoreConfig mConfig;
    QString mDatabaseName;
    std::unique_ptr<QTemporaryDir> mFolder;
};
