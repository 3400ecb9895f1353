// Test support: a fresh store per test case, on SQLite (temporary folder) or on the throw-away PostgreSQL 15
// that scripts/test.sh starts (JH_TEST_PG_PORT), and running one suite on both dialects.
#pragma once

#include "jhstoreconfig.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QDebug>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

//! One database for one test case: create() before, destroy() after (also on destruction).
class JhTestDatabase
{
public:
    explicit JhTestDatabase(JhStoreConfig::Dialect dialect) : mDialect(dialect) {}
    ~JhTestDatabase() { destroy(); }
    JhTestDatabase(const JhTestDatabase &) = delete;
    JhTestDatabase &operator=(const JhTestDatabase &) = delete;

    bool isPostgres() const { return mDialect == JhStoreConfig::Dialect::Postgres; }
    const JhStoreConfig &config() const { return mConfig; }
    const QString &databaseName() const { return mDatabaseName; }
    //! The store as a URL, as jianghai-central takes it (--database).
    QString url() const
    {
        if (isPostgres())
            return QStringLiteral("postgresql://postgres@127.0.0.1:%1/%2")
                .arg(mConfig.port)
                .arg(mDatabaseName);
        return QStringLiteral("sqlite:") + mConfig.sqlitePath;
    }
    //! A path inside the case's temporary folder (SQLite only).
    QString folderPath(const QString &name) const { return mFolder ? mFolder->filePath(name) : QString(); }

    //! A new empty database (PostgreSQL: CREATE DATABASE with a name unique to this process and case).
    bool create()
    {
        destroy();
        if (isPostgres()) {
            static QAtomicInt counter;
            mDatabaseName = QStringLiteral("jh_test_%1_%2")
                                .arg(QCoreApplication::applicationPid())
                                .arg(counter.fetchAndAddRelaxed(1));
            if (!exec(QStringLiteral("CREATE DATABASE %1").arg(mDatabaseName))) {
                mDatabaseName.clear();
                return false;
            }
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
            exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(mDatabaseName));
        mDatabaseName.clear();
        mFolder.reset();
    }

    //! Runs SQL on \a database of the test server; CREATE/DROP DATABASE go to the maintenance database.
    static bool exec(const QString &sql, const QString &database = QStringLiteral("postgres"))
    {
        const QString name = QStringLiteral("jh_test_admin");
        bool ok = false;
        {
            QSqlDatabase admin = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
            admin.setHostName(QStringLiteral("127.0.0.1"));
            admin.setPort(qEnvironmentVariableIntValue("JH_TEST_PG_PORT"));
            admin.setUserName(QStringLiteral("postgres"));
            admin.setDatabaseName(database);
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

private:
    JhStoreConfig::Dialect mDialect;
    JhStoreConfig mConfig;
    QString mDatabaseName;
    std::unique_ptr<QTemporaryDir> mFolder;
};

//! Runs \a Suite (constructed with a dialect) on SQLite, then on PostgreSQL. Without JH_TEST_PG_PORT the run
//! fails with a clear message, unless JH_TEST_NO_POSTGRES=1 asks for a quick SQLite-only developer run.
template <typename Suite>
int jhRunOnBothDialects(int argc, char **argv)
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
