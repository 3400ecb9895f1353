// JhSyncClient against hostile or broken centrals (raw WebSocket on loopback): garbage, a frame announcing
// 64 MiB, a snapshot that never ends, a central that never answers or never completes the handshake. The
// client drops each, says why, backs off (growing delays, no storm) and keeps its memory bounded.
#include "fakecentral.h"

#include "jhsyncclient.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>

class TestJhHostileCentral : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir mFolder;

    JhClientConfig config(const QString &url) const
    {
        JhClientConfig config;
        config.urls = QStringList{url};
        config.token = QStringLiteral("demo-duty");
        config.dataDirectory = mFolder.filePath(QString::fromLatin1(QTest::currentTestFunction()));
        config.initialBackoffMs = 100;
        config.maxBackoffMs = 400;
        config.backoffJitter = 0;
        config.connectTimeoutMs = 600;
        config.welcomeTimeoutMs = 500;
        config.catchUpTimeoutMs = 1000;
        config.maxMessageBytes = 1024 * 1024;
        return config;
    }

    template <typename Predicate>
    static bool waitFor(Predicate predicate, int timeoutMs = 10000)
    {
        QElapsedTimer timer;
        timer.start();
        while (!predicate()) {
            if (timer.elapsed() > timeoutMs)
                return false;
            QTest::qWait(5);
        }
        return true;
    }

    //! Runs the client until it has dropped the fake \a n times; returns the reasons it gave.
    static QStringList reasonsOfDrops(JhSyncClient &client, const JhFakeCentral &fake, int n,
                                      int timeoutMs = 15000)
    {
        QStringList reasons;
        QObject::connect(&client, &JhSyncClient::connectionStatusChanged, &client,
                         [&reasons](const JhConnectionStatus &status) {
                             if (status.state == JhConnectionState::Offline)
                                 reasons << status.reasonCode;
                         });
        client.start();
        waitFor([&]() { return reasons.size() >= n; }, timeoutMs);
        Q_UNUSED(fake)
        return reasons;
    }

private slots:
    void garbageIsDroppedAndTheClientBacksOff()
    {
        JhFakeCentral fake;
        fake.setBehaviour(
            [](QTcpSocket *socket) { socket->write(JhFakeCentral::frame("{not json at all")); });
        JhSyncClient client(config(fake.url()));
        QElapsedTimer elapsed;
        elapsed.start();
        const QStringList reasons = reasonsOfDrops(client, fake, 4);
        QCOMPARE(reasons.size(), 4);
        QCOMPARE(reasons.count(QStringLiteral("bad-message")), 4);
        QVERIFY(!client.connectionStatus().reasonZh.isEmpty());
        // 100 + 200 + 400 ms of back-off at least between the four attempts: no storm (1 ms per timer of
        // slack).
        QVERIFY2(elapsed.elapsed() >= 697, qPrintable(QString::number(elapsed.elapsed())));
        QCOMPARE(fake.connections(), 4);
    }

    void aWrongFirstMessageIsRefused()
    {
        JhFakeCentral fake;
        fake.setBehaviour([](QTcpSocket *socket) {
            socket->write(JhFakeCentral::frame(R"({"v":1,"type":"events","body":{"events":[]}})"));
        });
        JhSyncClient client(config(fake.url()));
        const QStringList reasons = reasonsOfDrops(client, fake, 1);
        QCOMPARE(reasons.value(0), QStringLiteral("bad-message"));
    }

    void aFrameAnnouncing64MiBIsRefusedBeforeItArrives()
    {
        JhFakeCentral fake;
        fake.setBehaviour([](QTcpSocket *socket) {
            socket->write(JhFakeCentral::frame(JhFakeCentral::welcome()));
            socket->write(JhFakeCentral::frameHeader(64ull * 1024 * 1024));
            // Keep writing while the client reads; it must give up long before 64 MiB.
            auto *pump = new QTimer(socket);
            QObject::connect(pump, &QTimer::timeout, socket, [socket]() {
                if (socket->bytesToWrite() < 256 * 1024)
                    socket->write(QByteArray(256 * 1024, 'x'));
            });
            pump->start(1);
        });
        JhSyncClient client(config(fake.url()));
        const QStringList reasons = reasonsOfDrops(client, fake, 1);
        QCOMPARE(reasons.size(), 1);
        QVERIFY2(reasons.first() == QLatin1String("message-too-large") ||
                     reasons.first() == QLatin1String("connection-lost"),
                 qPrintable(reasons.first()));
        QVERIFY2(fake.bytesWritten() < 8 * 1024 * 1024, qPrintable(QString::number(fake.bytesWritten())));
    }

    void aSnapshotThatNeverEndsIsCutOff()
    {
        JhFakeCentral fake;
        fake.setBehaviour([](QTcpSocket *socket) {
            socket->write(JhFakeCentral::frame(JhFakeCentral::welcome()));
            socket->write(
                JhFakeCentral::frame(R"({"v":1,"type":"snapshot","body":{"state":{"sites":[)", 1, false));
            auto *pump = new QTimer(socket);
            QObject::connect(pump, &QTimer::timeout, socket, [socket]() {
                socket->write(JhFakeCentral::frame(QByteArray(2000, ' '), 0, false));
            });
            pump->start(
                20); // 100 KB/s: under the size limit for ten seconds, over the catch-up limit at once
        });
        JhSyncClient client(config(fake.url()));
        QElapsedTimer elapsed;
        elapsed.start();
        const QStringList reasons = reasonsOfDrops(client, fake, 1);
        QCOMPARE(reasons.value(0), QStringLiteral("catch-up-timeout"));
        QVERIFY2(elapsed.elapsed() < 4000, qPrintable(QString::number(elapsed.elapsed())));
    }

    void aCentralThatNeverAnswersIsLeft()
    {
        JhFakeCentral fake;
        fake.setBehaviour([](QTcpSocket *) {});
        JhSyncClient client(config(fake.url()));
        const QStringList reasons = reasonsOfDrops(client, fake, 2);
        QCOMPARE(reasons, (QStringList{QStringLiteral("no-answer"), QStringLiteral("no-answer")}));
        QVERIFY(client.connectionStatus().reasonEn.contains(QStringLiteral("welcome")));
    }

    void aHandshakeThatNeverCompletesTimesOut()
    {
        JhFakeCentral fake(false);
        JhSyncClient client(config(fake.url()));
        const QStringList reasons = reasonsOfDrops(client, fake, 1);
        QCOMPARE(reasons.value(0), QStringLiteral("connect-timeout"));
    }

    void severalUrlsAreTriedInTurn()
    {
        JhFakeCentral broken;
        broken.setBehaviour([](QTcpSocket *socket) { socket->write(JhFakeCentral::frame("garbage")); });
        JhFakeCentral silent;
        silent.setBehaviour([](QTcpSocket *) {});
        JhClientConfig both = config(broken.url());
        both.urls << silent.url();
        JhSyncClient client(both);
        const QStringList reasons = reasonsOfDrops(client, broken, 3);
        QCOMPARE(reasons.size(), 3);
        QCOMPARE(broken.connections(), 2);
        QCOMPARE(silent.connections(), 1);
    }
};

QTEST_GUILESS_MAIN(TestJhHostileCentral)
#include "tst_jhhostilecentral.moc"
