// Unknown-logger list: counts, first/last seen, reason changes, bounded size, JSON for the operator.
#include "jhunknownloggerregistry.h"

#include <QJsonObject>
#include <QTest>

class TestJhUnknownLoggerRegistry : public QObject
{
    Q_OBJECT

private slots:
    void countsAndTimes()
    {
        JhUnknownLoggerRegistry registry;
        QVERIFY(registry.record("MN1", JhUnknownLoggerRegistry::Reason::UnknownMn, QString(), "10.0.0.1:5000",
                                1000));
        QVERIFY(!registry.record("MN1", JhUnknownLoggerRegistry::Reason::UnknownMn, QString(),
                                 "10.0.0.2:6000", 5000));
        const JhUnknownLoggerRegistry::Entry entry = registry.entry("MN1");
        QCOMPARE(entry.packetCount, quint64(2));
        QCOMPARE(entry.firstSeenMs, qint64(1000));
        QCOMPARE(entry.lastSeenMs, qint64(5000));
        QCOMPARE(entry.peer, QStringLiteral("10.0.0.2:6000"));
        // Registered meanwhile, but with another password: worth a new log line.
        QVERIFY(registry.record("MN1", JhUnknownLoggerRegistry::Reason::WrongPassword, QStringLiteral("S1"),
                                "10.0.0.2:6000", 6000));
        QCOMPARE(registry.entry("MN1").siteId, QStringLiteral("S1"));
        const QJsonObject json = registry.toJson().first().toObject();
        QCOMPARE(json.value(QStringLiteral("reason")).toString(), QStringLiteral("wrong-password"));
        QCOMPARE(json.value(QStringLiteral("packetCount")).toInt(), 3);
        QCOMPARE(json.value(QStringLiteral("firstSeen")).toString(),
                 QStringLiteral("1970-01-01T00:00:01.000Z"));
    }

    void boundedByEvictingTheLeastRecentlySeen()
    {
        JhUnknownLoggerRegistry registry(3);
        registry.record("A", JhUnknownLoggerRegistry::Reason::UnknownMn, QString(), "p", 10);
        registry.record("B", JhUnknownLoggerRegistry::Reason::UnknownMn, QString(), "p", 20);
        registry.record("C", JhUnknownLoggerRegistry::Reason::UnknownMn, QString(), "p", 30);
        registry.record("A", JhUnknownLoggerRegistry::Reason::UnknownMn, QString(), "p", 40);
        registry.record("D", JhUnknownLoggerRegistry::Reason::UnknownMn, QString(), "p", 50);
        QCOMPARE(registry.size(), 3);
        QVERIFY(!registry.contains("B"));
        QCOMPARE(registry.evicted(), quint64(1));
        const QVector<JhUnknownLoggerRegistry::Entry> entries = registry.entries();
        QCOMPARE(entries.at(0).mn, QByteArray("D"));
        QCOMPARE(entries.at(1).mn, QByteArray("A"));
        QCOMPARE(entries.at(2).mn, QByteArray("C"));
        registry.remove("A");
        QVERIFY(!registry.contains("A"));
    }
};

QTEST_GUILESS_MAIN(TestJhUnknownLoggerRegistry)
#include "tst_jhunknownloggerregistry.moc"
