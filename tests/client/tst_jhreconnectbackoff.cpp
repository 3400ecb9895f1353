// JhReconnectBackoff: doubling from the initial delay up to the maximum, jitter within its bounds, reset.
#include "jhreconnectbackoff.h"

#include <QtTest>

class TestJhReconnectBackoff : public QObject
{
    Q_OBJECT
private slots:
    void doublesUpToTheMaximum()
    {
        JhReconnectBackoff backoff(500, 30000, 0.2, []() { return 0.5; }); // 0.5: no spread
        QList<qint64> delays;
        for (int i = 0; i < 9; ++i)
            delays << backoff.nextDelayMs();
        QCOMPARE(delays, (QList<qint64>{500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000}));
        QCOMPARE(backoff.attempts(), 9);
    }

    void jitterSpreadsWithinItsFraction()
    {
        JhReconnectBackoff low(1000, 60000, 0.2, []() { return 0.0; });
        QCOMPARE(low.nextDelayMs(), qint64(800));
        JhReconnectBackoff high(1000, 60000, 0.2, []() { return 0.999999; });
        QVERIFY(high.nextDelayMs() >= 1199);
        // The real random source stays inside the bounds too, and does not give one value every time.
        JhReconnectBackoff real(1000, 1000, 0.2);
        QSet<qint64> seen;
        for (int i = 0; i < 200; ++i) {
            const qint64 delay = real.nextDelayMs();
            QVERIFY2(delay >= 800 && delay <= 1200, qPrintable(QString::number(delay)));
            seen.insert(delay);
        }
        QVERIFY(seen.size() > 10);
    }

    void resetStartsOver()
    {
        JhReconnectBackoff backoff(200, 10000, 0.0);
        backoff.nextDelayMs();
        backoff.nextDelayMs();
        QCOMPARE(backoff.nextDelayMs(), qint64(800));
        backoff.reset();
        QCOMPARE(backoff.attempts(), 0);
        QCOMPARE(backoff.nextDelayMs(), qint64(200));
    }

    void manyAttemptsNeverOverflow()
    {
        JhReconnectBackoff backoff(500, 30000, 0.0);
        for (int i = 0; i < 10000; ++i)
            QVERIFY(backoff.nextDelayMs() <= 30000);
    }
};

QTEST_GUILESS_MAIN(TestJhReconnectBackoff)
#include "tst_jhreconnectbackoff.moc"
