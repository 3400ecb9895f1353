// Tests of store URL parsing.
#include "jhstoreconfig.h"

#include <QtTest>

class TestJhStoreConfig : public QObject
{
    Q_OBJECT

private slots:
    void parsesUrls()
    {
        JhStoreConfig config;
        QString error;
        QVERIFY(JhStoreConfig::fromUrl(QStringLiteral("sqlite:///var/lib/jianghai/central.sqlite"), config,
                                       &error));
        QCOMPARE(config.dialect, JhStoreConfig::Dialect::Sqlite);
        QCOMPARE(config.sqlitePath, QStringLiteral("/var/lib/jianghai/central.sqlite"));
        QVERIFY(config.sqliteSynchronousFull);
        QVERIFY(JhStoreConfig::fromUrl(QStringLiteral("sqlite:data/c.sqlite?synchronous=normal"), config,
                                       &error));
        QCOMPARE(config.sqlitePath, QStringLiteral("data/c.sqlite"));
        QVERIFY(!config.sqliteSynchronousFull);
        QVERIFY(JhStoreConfig::fromUrl(QStringLiteral("postgresql://jh:secret@db.example:6543/jianghai"),
                                       config, &error));
        QCOMPARE(config.dialect, JhStoreConfig::Dialect::Postgres);
        QCOMPARE(config.host, QStringLiteral("db.example"));
        QCOMPARE(config.port, 6543);
        QCOMPARE(config.database, QStringLiteral("jianghai"));
        QCOMPARE(config.user, QStringLiteral("jh"));
        QCOMPARE(config.password, QStringLiteral("secret"));
        QVERIFY(!config.displayUrl().contains(QStringLiteral("secret")));
        QVERIFY(JhStoreConfig::fromUrl(QStringLiteral("postgres://postgres@127.0.0.1/x"), config, &error));
        QCOMPARE(config.port, 5432);
        QCOMPARE(JhStoreConfig::inDataDirectory(QStringLiteral("/tmp/jh")).sqlitePath,
                 QStringLiteral("/tmp/jh/central.sqlite"));
    }

    void rejectsBadUrls()
    {
        JhStoreConfig config;
        QString error;
        QVERIFY(!JhStoreConfig::fromUrl(QStringLiteral("mysql://x/y"), config, &error));
        QVERIFY(error.contains(QStringLiteral("mysql")));
        QVERIFY(!JhStoreConfig::fromUrl(QStringLiteral("postgresql://host:5432/"), config, &error));
        QVERIFY(error.contains(QStringLiteral("database")));
        QVERIFY(!JhStoreConfig::fromUrl(QStringLiteral("sqlite:x.sqlite?synchronous=off"), config, &error));
    }
};

QTEST_GUILESS_MAIN(TestJhStoreConfig)
#include "tst_jhstoreconfig.moc"
