// Tests of GB 3096-2008 noise limits: zone table, day/night boundaries, exceedance, night Lmax rule.
#include "jhnoisestandard.h"

#include <QtTest>

class TestJhNoiseStandard : public QObject
{
    Q_OBJECT

private slots:
    void limits_data()
    {
        QTest::addColumn<QString>("zone");
        QTest::addColumn<double>("day");
        QTest::addColumn<double>("night");
        // GB 3096-2008 Table 1 (standards.md §5)
        QTest::newRow("0") << QStringLiteral("0") << 50.0 << 40.0;
        QTest::newRow("1") << QStringLiteral("1") << 55.0 << 45.0;
        QTest::newRow("2") << QStringLiteral("2") << 60.0 << 50.0;
        QTest::newRow("3") << QStringLiteral("3") << 65.0 << 55.0;
        QTest::newRow("4a") << QStringLiteral("4a") << 70.0 << 55.0;
        QTest::newRow("4b") << QStringLiteral("4b") << 70.0 << 60.0;
    }

    void limits()
    {
        QFETCH(QString, zone);
        QFETCH(double, day);
        QFETCH(double, night);
        JhNoiseZone parsed;
        QVERIFY(JhNoiseStandard::zoneFromString(zone, &parsed));
        QCOMPARE(JhNoiseStandard::zoneName(parsed), zone);
        QCOMPARE(JhNoiseStandard::limit(parsed, JhNoisePeriod::Day), day);
        QCOMPARE(JhNoiseStandard::limit(parsed, JhNoisePeriod::Night), night);
    }

    void zoneNames()
    {
        JhNoiseZone zone;
        QVERIFY(JhNoiseStandard::zoneFromString(QStringLiteral("4A"), &zone));
        QCOMPARE(zone, JhNoiseZone::Class4a);
        QVERIFY(JhNoiseStandard::zoneFromString(QStringLiteral("4b类"), &zone));
        QCOMPARE(zone, JhNoiseZone::Class4b);
        QVERIFY(JhNoiseStandard::zoneFromString(QStringLiteral("class 3"), &zone));
        QCOMPARE(zone, JhNoiseZone::Class3);
        QVERIFY(!JhNoiseStandard::zoneFromString(QStringLiteral("4"), &zone));
        QVERIFY(!JhNoiseStandard::zoneFromString(QStringLiteral("5"), &zone));
    }

    void periods()
    {
        QCOMPARE(JhNoiseStandard::periodAt(QTime(5, 59, 59)), JhNoisePeriod::Night);
        QCOMPARE(JhNoiseStandard::periodAt(QTime(6, 0)), JhNoisePeriod::Day);
        QCOMPARE(JhNoiseStandard::periodAt(QTime(12, 0)), JhNoisePeriod::Day);
        QCOMPARE(JhNoiseStandard::periodAt(QTime(21, 59, 59)), JhNoisePeriod::Day);
        QCOMPARE(JhNoiseStandard::periodAt(QTime(22, 0)), JhNoisePeriod::Night);
        QCOMPARE(JhNoiseStandard::periodAt(QTime(0, 0)), JhNoisePeriod::Night);
    }

    void nightExceedanceAndLmax()
    {
        // 4a at 23:10: night limit 55; 58.3 exceeds by 3.3; Lmax 75 vs 55 + 15 = 70: 5 over.
        const JhNoiseAssessment a =
            JhNoiseStandard::assess(JhNoiseZone::Class4a, QTime(23, 10), 58.3, true, 75);
        QCOMPARE(a.period, JhNoisePeriod::Night);
        QCOMPARE(a.limit, 55.0);
        QVERIFY(a.exceeds);
        QCOMPARE(a.exceedance, 3.3);
        QVERIFY(a.lmaxApplies);
        QCOMPARE(a.lmaxLimit, 70.0);
        QCOMPARE(a.lmaxExceedance, 5.0);
        QVERIFY(a.lmaxExceeds);
        // Lmax exactly limit + 15 is allowed.
        QVERIFY(!JhNoiseStandard::assess(JhNoiseZone::Class4a, QTime(23, 10), 50, true, 70).lmaxExceeds);
    }

    void dayBoundaries()
    {
        // Equal to the limit meets it; 0.1 above exceeds.
        JhNoiseAssessment a = JhNoiseStandard::assess(JhNoiseZone::Class2, QTime(6, 0), 60.0);
        QCOMPARE(a.limit, 60.0);
        QVERIFY(!a.exceeds);
        QCOMPARE(a.exceedance, 0.0);
        a = JhNoiseStandard::assess(JhNoiseZone::Class2, QTime(21, 59), 60.1);
        QVERIFY(a.exceeds);
        QCOMPARE(a.exceedance, 0.1);
        a = JhNoiseStandard::assess(JhNoiseZone::Class0, QTime(10, 0), 45.5);
        QVERIFY(!a.exceeds);
        QCOMPARE(a.exceedance, -4.5);
        // The Lmax rule is a night-time rule only.
        a = JhNoiseStandard::assess(JhNoiseZone::Class2, QTime(10, 0), 55, true, 90);
        QVERIFY(!a.lmaxApplies);
        QVERIFY(!a.lmaxExceeds);
        // 22:00 is night: 60 in zone 2 exceeds the night 50 by 10.
        a = JhNoiseStandard::assess(JhNoiseZone::Class2, QTime(22, 0), 60);
        QCOMPARE(a.limit, 50.0);
        QCOMPARE(a.exceedance, 10.0);
    }

    void existingRailway()
    {
        QCOMPARE(JhNoiseStandard::limit(JhNoiseZone::Class4b, JhNoisePeriod::Night, true), 55.0);
        QCOMPARE(JhNoiseStandard::limit(JhNoiseZone::Class4b, JhNoisePeriod::Day, true), 70.0);
        QCOMPARE(JhNoiseStandard::limit(JhNoiseZone::Class4a, JhNoisePeriod::Night, true), 55.0);
        QCOMPARE(JhNoiseStandard::limit(JhNoiseZone::Class3, JhNoisePeriod::Night, true), 55.0);
    }
};

QTEST_APPLESS_MAIN(TestJhNoiseStandard)
#include "tst_jhnoisestandard.moc"
