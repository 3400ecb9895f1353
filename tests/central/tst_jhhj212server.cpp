// Ingest server over real TCP on 127.0.0.1: commit-then-reply, authentication, 2005 loggers, hostile input.
#include "centraltestsupport.h"
#include "jhhj212replies.h"
#include "jhhj212server.h"
#include "jhmemoryloggerdirectory.h"
#include "jhmemoryobservationsink.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

#include <cmath>
#include <memory>
#include <vector>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {
const QByteArray AirMn = "90A7374FA7A62D1081D2D6C0";
const QByteArray AirPw = "EsRRaA";
const QByteArray OldMn = "LD130133000015";
const QByteArray OldPw = "123456";
const QByteArray VendorMn = "VENDOR000000000000000001";
const QByteArray VendorPw = "654321";
} // namespace

class TestJhHj212Server : public QObject
{
    Q_OBJECT

private:
    qint64 mNow = 1'790'000'000'000;
    std::unique_ptr<JhMemoryLoggerDirectory> mDirectory;
    std::unique_ptr<JhMemoryObservationSink> mSink;
    std::unique_ptr<JhHj212Server> mServer;

    void start(const JhIngestLimits &limits = JhIngestLimits())
    {
        mDirectory = std::make_unique<JhMemoryLoggerDirectory>();
        mDirectory->insert(
            JhLoggerEntry{AirMn, QStringLiteral("AIR-1168A"), AirPw, 0, JhHj212Version::V2017});
        mDirectory->insert(JhLoggerEntry{OldMn, QStringLiteral("SRC-0001"), OldPw, 0, JhHj212Version::V2005});
        mDirectory->insert(JhLoggerEntry{VendorMn, QStringLiteral("SRC-0002"), VendorPw,
                                         JhHj212Options::LengthPlus6, JhHj212Version::V2017});
        mSink = std::make_unique<JhMemoryObservationSink>();
        mServer = std::make_unique<JhHj212Server>(mDirectory.get(), mSink.get());
        mServer->setLimits(limits);
        mServer->setClock([this]() { return mNow; });
        mServer->setSweepIntervalMs(0);
        QVERIFY(mServer->listenForLoggers(QHostAddress::LocalHost, 0));
    }
    std::unique_ptr<TestLogger> connectLogger(int expectedConnections)
    {
        auto logger = std::make_unique<TestLogger>(mServer->serverPort());
        [&]() { QTRY_VERIFY_WITH_TIMEOUT(logger->isConnected(), 10000); }();
        [&]() { QTRY_COMPARE_WITH_TIMEOUT(mServer->connectionCount(), expectedConnections, 10000); }();
        return logger;
    }
    static QByteArray hourPacket(const QByteArray &qn, double pm25, const QByteArray &flag = "N")
    {
        return makePacket(
            AirMn, AirPw, 2061, qn, 5, "20261128100000",
            {{"a34004-Avg", QByteArray::number(pm25)}, {"a34004-Flag", flag}, {"a21026-Avg", "12.5"}});
    }
    //! A 1013 request is answered at once (9011): when its answer arrives, everything sent before it on
    //! the same connection has been handled.
    static QByteArray syncRequest(const QByteArray &qn)
    {
        return makePacket(AirMn, AirPw, 1013, qn, 5, QByteArray(), {});
    }
    static int countCommand(const TestLogger &logger, int command)
    {
        int count = 0;
        for (const JhHj212Packet &reply : logger.parsedReplies())
            count += reply.command() == command ? 1 : 0;
        return count;
    }

private slots:
    void cleanup()
    {
        mServer.reset();
        mSink.reset();
        mDirectory.reset();
    }

    void replyOnlyAfterCommit()
    {
        start();
        mSink->setManualCommit(true);
        auto logger = connectLogger(1);
        logger->send(hourPacket("20261128100000001", 35.5));
        QTRY_COMPARE_WITH_TIMEOUT(mSink->pendingSubmits(), 1, 10000);
        logger->send(syncRequest("20261128100000002"));
        QTRY_COMPARE_WITH_TIMEOUT(logger->replies.size(), 1, 10000);
        // The request was answered; the held data packet was not.
        QCOMPARE(logger->parsedReplies().first().command(), 9011);
        QCOMPARE(mSink->observationCount(), 0);
        QCOMPARE(mServer->statistics().commitsInFlight, 1);

        QCOMPARE(mSink->commitPending(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(logger->replies.size(), 2, 10000);
        const JhHj212Packet reply = logger->parsedReplies().at(1);
        QCOMPARE(reply.command(), 9014);
        QCOMPARE(QByteArray(reply.qn().data(), int(reply.qn().size())), QByteArray("20261128100000001"));
        QCOMPARE(QByteArray(reply.mn().data(), int(reply.mn().size())), AirMn);

        QCOMPARE(mSink->batches().size(), 1);
        const JhObservationBatch &batch = mSink->batches().first();
        QCOMPARE(batch.siteId, QStringLiteral("AIR-1168A"));
        QCOMPARE(batch.command, 2061);
        QCOMPARE(batch.observations.size(), 2);
        const JhObservation &pm25 = batch.observations.first();
        QCOMPARE(pm25.factorCode, QStringLiteral("a34004"));
        QCOMPARE(pm25.value, 35.5);
        QCOMPARE(pm25.flag, QStringLiteral("N"));
        QCOMPARE(pm25.interval, JhIntervalKind::Hour);
        // 10:00 Beijing time is 02:00 UTC.
        QCOMPARE(pm25.dataTime, QDateTime(QDate(2026, 11, 28), QTime(2, 0), Qt::UTC));
        QCOMPARE(mServer->statistics().packetsStored, quint64(1));
        QCOMPARE(mServer->statistics().observationsStored, quint64(2));
        QCOMPARE(mServer->statistics().commitsInFlight, 0);
    }

    void replyWaitsForAsynchronousCommit()
    {
        start();
        mSink->setCommitDelayMs(150);
        auto logger = connectLogger(1);
        QSignalSpy committed(mSink.get(), &JhMemoryObservationSink::committed);
        int committedWhenReplied = -1;
        connect(&logger->socket, &QTcpSocket::readyRead, this, [&]() {
            if (committedWhenReplied < 0)
                committedWhenReplied = committed.count();
        });
        for (int i = 0; i < 5; ++i)
            logger->send(hourPacket("2026112810000000" + QByteArray::number(i), 30 + i));
        QTRY_COMPARE_WITH_TIMEOUT(logger->replies.size(), 5, 10000);
        QVERIFY(committedWhenReplied >= 1);
        QCOMPARE(countCommand(*logger, 9014), 5);
        QCOMPARE(mServer->statistics().packetsStored, quint64(5));
    }

    void failedCommitIsNotAcknowledged()
    {
        start();
        mSink->setFailing(true);
        auto logger = connectLogger(1);
        logger->send(hourPacket("20261128100000001", 35.5));
        QTRY_COMPARE_WITH_TIMEOUT(mServer->statistics().commitFailures, quint64(1), 10000);
        logger->send(syncRequest("20261128100000002"));
        QTRY_COMPARE_WITH_TIMEOUT(logger->replies.size(), 1, 10000);
        QCOMPARE(countCommand(*logger, 9014), 0);
        // The logger resends; the store is back: stored once and acknowledged.
        mSink->setFailing(false);
        logger->send(hourPacket("20261128100000001", 35.5));
        QTRY_COMPARE_WITH_TIMEOUT(countCommand(*logger, 9014), 1, 10000);
        QCOMPARE(mSink->observationCount(), 2);
        QCOMPARE(mServer->statistics().packetsDuplicate, quint64(1));
    }

    void resentPacketStoredOnce()
    {
        start();
        auto logger = connectLogger(1);
        logger->send(hourPacket("20261128100000001", 35.5));
        logger->send(hourPacket("20261128100000001", 35.5));
        QTRY_COMPARE_WITH_TIMEOUT(countCommand(*logger, 9014), 2, 10000);
        QCOMPARE(mSink->observationCount(), 2);
        QCOMPARE(mServer->statistics().packetsDuplicate, quint64(1));
    }

    void batchesGroupPacketsOfManyConnections()
    {
        start();
        mSink->setManualCommit(true);
        std::vector<std::unique_ptr<TestLogger>> loggers;
        for (int i = 0; i < 5; ++i)
            loggers.push_back(connectLogger(i + 1));
        for (auto &logger : loggers)
            for (int i = 0; i < 4; ++i)
                logger->send(hourPacket("2026112810000000" + QByteArray::number(i), i));
        QTRY_COMPARE_WITH_TIMEOUT(mServer->statistics().commitsInFlight, 20, 10000);
        // Fewer submits than packets: one submit carries the packets of a whole event-loop turn.
        QVERIFY(mSink->submitCount() < 20);
        mSink->commitPending();
        for (auto &logger : loggers)
            QTRY_COMPARE_WITH_TIMEOUT(countCommand(*logger, 9014), 4, 10000);
    }

    void unknownMnAndWrongPasswordAreListedNotStored()
    {
        start();
        auto logger = connectLogger(1);
        QSignalSpy refused(mServer.get(), &JhHj212Server::packetRefused);
        const QByteArray strangerMn = "ABCDEF0123456789ABCDEF01";
        logger->send(makePacket(strangerMn, "111111", 2061, "20261128100000001", 5, "20261128100000",
                                {{"a34004-Avg", "10"}}));
        logger->send(makePacket(AirMn, "wrong!", 2061, "20261128100000002", 5, "20261128100000",
                                {{"a34004-Avg", "10"}}));
        QTRY_COMPARE_WITH_TIMEOUT(refused.count(), 2, 10000);
        mNow += 60000;
        logger->send(makePacket(strangerMn, "111111", 2061, "20261128110000001", 5, "20261128110000",
                                {{"a34004-Avg", "11"}}));
        logger->send(syncRequest("20261128110000002"));
        QTRY_COMPARE_WITH_TIMEOUT(logger->replies.size(), 1, 10000);
        QCOMPARE(logger->parsedReplies().first().command(), 9011); // only the sync request was answered
        QCOMPARE(mSink->submitCount(), quint64(0));

        const JhIngestStatistics statistics = mServer->statistics();
        QCOMPARE(statistics.packetsUnknownMn, quint64(2));
        QCOMPARE(statistics.packetsWrongPassword, quint64(1));
        QCOMPARE(statistics.packetsStored, quint64(0));

        const JhUnknownLoggerRegistry &registry = mServer->unknownLoggers();
        QCOMPARE(registry.size(), 2);
        const JhUnknownLoggerRegistry::Entry stranger = registry.entry(strangerMn);
        QCOMPARE(stranger.reason, JhUnknownLoggerRegistry::Reason::UnknownMn);
        QCOMPARE(stranger.packetCount, quint64(2));
        QCOMPARE(stranger.firstSeenMs, mNow - 60000);
        QCOMPARE(stranger.lastSeenMs, mNow);
        QVERIFY(stranger.peer.startsWith(QStringLiteral("127.0.0.1:")));
        const JhUnknownLoggerRegistry::Entry wrong = registry.entry(AirMn);
        QCOMPARE(wrong.reason, JhUnknownLoggerRegistry::Reason::WrongPassword);
        QCOMPARE(wrong.siteId, QStringLiteral("AIR-1168A"));
        // The operator's view lists them most recent first.
        QCOMPARE(registry.entries().first().mn, strangerMn);
        QCOMPARE(mServer->statusJson().value(QStringLiteral("unknownLoggers")).toArray().size(), 2);

        // Registered while running: served from the next packet on.
        mDirectory->insert(
            JhLoggerEntry{strangerMn, QStringLiteral("NEW-1"), "111111", 0, JhHj212Version::V2017});
        logger->send(makePacket(strangerMn, "111111", 2061, "20261128120000001", 5, "20261128120000",
                                {{"a34004-Avg", "12"}}));
        QTRY_COMPARE_WITH_TIMEOUT(countCommand(*logger, 9014), 1, 10000);
    }

    void logger2005PacketsAccepted()
    {
        start();
        auto logger = connectLogger(1);
        // HJ/T 212-2005: no QN, no Flag (no reply), 2005 factor codes, 17-digit DataTime.
        logger->send(makePacket(OldMn, OldPw, 2011, QByteArray(), -1, "20261128093015000",
                                {{"B01-Rtd", "36.91"},
                                 {"011-Rtd", "231.0"},
                                 {"011-Flag", "N"},
                                 {"060-Rtd", "1.803"},
                                 {"060-Flag", "D"}}));
        // 2005 with QN and Flag=1 (version 0, reply wanted): the reply carries QN in CP.
        logger->send(makePacket(OldMn, OldPw, 2051, "20261128093000123", 1, "20261128093000",
                                {{"011-Avg", "220.5"}, {"011-Flag", "N"}}));
        QTRY_COMPARE_WITH_TIMEOUT(logger->replies.size(), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(mServer->statistics().packetsStored, quint64(2), 10000);
        const JhHj212Packet reply = logger->parsedReplies().first();
        QCOMPARE(reply.command(), 9014);
        QVERIFY(!reply.has(JhHj212Packet::Qn));
        QCOMPARE(QByteArray(reply.value("QN").data(), int(reply.value("QN").size())),
                 QByteArray("20261128093000123"));

        const JhObservationBatch realtime = mSink->batches().at(0);
        QCOMPARE(realtime.siteId, QStringLiteral("SRC-0001"));
        QCOMPARE(realtime.observations.size(), 3);
        QCOMPARE(realtime.observations.at(0).factorCode, QStringLiteral("w00000"));
        QCOMPARE(realtime.observations.at(1).factorCode, QStringLiteral("w01018"));
        QCOMPARE(realtime.observations.at(1).value, 231.0);
        QCOMPARE(realtime.observations.at(2).factorCode, QStringLiteral("w21003"));
        QCOMPARE(realtime.observations.at(2).flag, QStringLiteral("D"));
        QCOMPARE(realtime.observations.at(1).dataTime,
                 QDateTime(QDate(2026, 11, 28), QTime(1, 30, 15), Qt::UTC));
        QCOMPARE(mSink->batches().at(1).observations.first().interval, JhIntervalKind::Minute);
    }

    void statusPacketsBecomeAttributes()
    {
        start();
        auto logger = connectLogger(1);
        logger->send(makePacket(AirMn, AirPw, 3020, "20261128100000001", 5, "20261128100000",
                                {{"PolId", "a34004"}, {"i13004-Info", "1.25"}}));
        QTRY_COMPARE_WITH_TIMEOUT(countCommand(*logger, 9014), 1, 10000);
        const JhObservationBatch batch = mSink->batches().first();
        QCOMPARE(batch.command, 3020);
        QCOMPARE(batch.observations.size(), 0);
        QCOMPARE(batch.attributes.size(), 2);
        QCOMPARE(batch.attributes.at(1).name, QStringLiteral("i13004-Info"));
        QCOMPARE(batch.attributes.at(1).value, QStringLiteral("1.25"));
    }

    void vendorToleranceOnlyForItsMn()
    {
        start();
        auto logger = connectLogger(1);
        JhHj212Builder::Quirks plus6;
        plus6.lengthPlus6 = true;
        logger->send(makePacket(AirMn, AirPw, 2061, "20261128100000001", 5, "20261128100000",
                                {{"a34004-Avg", "1"}}, plus6));
        logger->send(makePacket(VendorMn, VendorPw, 2061, "20261128100000002", 5, "20261128100000",
                                {{"w01018-Avg", "1"}}, plus6));
        QTRY_COMPARE_WITH_TIMEOUT(countCommand(*logger, 9014), 1, 10000);
        QCOMPARE(mServer->statistics().packetsToleranceRefused, quint64(1));
        QCOMPARE(mSink->batches().first().siteId, QStringLiteral("SRC-0002"));
    }

    void hostileInputWhileAWellBehavedLoggerIsServed()
    {
        JhIngestLimits limits;
        limits.maxFrameBytes = 2048;
        limits.packetTimeoutMs = 5000;
        limits.idleTimeoutMs = 20000;
        limits.maxRejectedFrames = 5;
        limits.maxPacketsPerSecond = 10;
        limits.packetBurst = 10;
        start(limits);
        auto good = connectLogger(1);
        int goodQn = 0;
        auto goodRoundTrip = [&]() {
            const int before = countCommand(*good, 9014);
            good->send(hourPacket("202611281000" + QByteArray::number(10000 + ++goodQn), 20));
            QTRY_COMPARE_WITH_TIMEOUT(countCommand(*good, 9014), before + 1, 10000);
        };
        goodRoundTrip();

        // Oversized: a frame without line end beyond maxFrameBytes is dropped and counted.
        auto oversize = connectLogger(2);
        oversize->send("##9999QN=" + QByteArray(5000, '7'));
        oversize->send("\r\n");
        QTRY_VERIFY_WITH_TIMEOUT(mServer->statistics().rejected(JhHj212Error::Oversize) >= 1, 10000);
        goodRoundTrip();

        // Garbage: skipped and counted; then bad frames until the connection is cut.
        auto garbage = connectLogger(3);
        garbage->send(QByteArray(3000, '\x5a') + "\r\n");
        QByteArray badCrc = hourPacket("20261128100000001", 1);
        badCrc[badCrc.size() - 3] = badCrc[badCrc.size() - 3] == '0' ? '1' : '0';
        for (int i = 0; i < limits.maxRejectedFrames + 1; ++i)
            garbage->send(badCrc);
        QTRY_COMPARE_WITH_TIMEOUT(mServer->statistics().connectionsClosedErrors, quint64(1), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!garbage->isConnected(), 10000);
        QVERIFY(mServer->statistics().rejected(JhHj212Error::BadCrc) >= 1);
        QVERIFY(mServer->statistics().garbageBytes >= 3000);
        goodRoundTrip();

        // Flood: 40 packets at once from one connection; 10 go through, reading pauses, the rest wait.
        auto flood = connectLogger(3);
        for (int i = 0; i < 40; ++i)
            flood->send(hourPacket("202611281000" + QByteArray::number(20000 + i), i));
        QTRY_COMPARE_WITH_TIMEOUT(countCommand(*flood, 9014), 10, 10000);
        QVERIFY(mServer->statistics().rateLimitPauses >= 1);
        goodRoundTrip();
        QCOMPARE(countCommand(*flood, 9014), 10);
        mNow += 1000; // one second later: ten more
        mServer->sweep();
        QTRY_COMPARE_WITH_TIMEOUT(countCommand(*flood, 9014), 20, 10000);

        // Slow: a packet started, one byte at a time, never finished in packetTimeoutMs.
        auto slow = connectLogger(4);
        const QByteArray slowPacket = hourPacket("20261128100099999", 1);
        const quint64 bytesBefore = mServer->statistics().bytesReceived;
        for (int i = 0; i < 5; ++i) {
            slow->send(slowPacket.mid(i, 1));
            QTRY_COMPARE_WITH_TIMEOUT(mServer->statistics().bytesReceived, bytesBefore + quint64(i + 1),
                                      10000);
            mNow += 1000;
            mServer->sweep();
        }
        mNow += 1000;
        mServer->sweep();
        QTRY_COMPARE_WITH_TIMEOUT(mServer->statistics().connectionsClosedSlow, quint64(1), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!slow->isConnected(), 10000);

        // A trickle of garbage (never a "##"): each byte keeps the idle timer happy, but no valid packet
        // comes within packetTimeoutMs.
        auto trickle = connectLogger(4);
        const quint64 garbageBefore = mServer->statistics().garbageBytes;
        for (int i = 0; i < 6; ++i) {
            trickle->send("Z");
            QTRY_COMPARE_WITH_TIMEOUT(mServer->statistics().garbageBytes, garbageBefore + quint64(i + 1),
                                      10000);
            mNow += 1000;
            mServer->sweep();
        }
        QTRY_COMPARE_WITH_TIMEOUT(mServer->statistics().connectionsClosedSlow, quint64(2), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!trickle->isConnected(), 10000);
        goodRoundTrip();

        // Half-open: connected, then silent past idleTimeoutMs. The good logger keeps talking.
        auto silent = connectLogger(4);
        mNow += 15000;
        goodRoundTrip();
        mNow += 15000;
        goodRoundTrip();
        mServer->sweep();
        QTRY_VERIFY_WITH_TIMEOUT(!silent->isConnected(), 10000);
        QVERIFY(mServer->statistics().connectionsClosedIdle >= 1);
        QVERIFY(good->isConnected());
        goodRoundTrip();
        QCOMPARE(mServer->statistics().connectionsClosedByPeer, quint64(0));
    }

    void slowStorePausesReading()
    {
        JhIngestLimits limits;
        limits.maxPendingCommits = 2;
        start(limits);
        mSink->setManualCommit(true);
        auto logger = connectLogger(1);
        for (int i = 0; i < 5; ++i)
            logger->send(hourPacket("2026112810000000" + QByteArray::number(i), i));
        QTRY_COMPARE_WITH_TIMEOUT(mServer->statistics().commitsInFlight, 2, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(mServer->statistics().backpressurePauses, quint64(1), 10000);
        // Reading stays paused while the store holds the two packets.
        auto other = connectLogger(2);
        other->send(syncRequest("20261128100000099"));
        QTRY_COMPARE_WITH_TIMEOUT(other->replies.size(), 1, 10000);
        QCOMPARE(mServer->statistics().commitsInFlight, 2);
        int maxInFlight = 0;
        connect(mSink.get(), &JhMemoryObservationSink::submitted, this,
                [&]() { maxInFlight = std::max(maxInFlight, mServer->statistics().commitsInFlight); });
        // Commit whatever is held each time round until all five are acknowledged.
        QTRY_VERIFY_WITH_TIMEOUT((mSink->commitPending(), countCommand(*logger, 9014) == 5), 10000);
        QVERIFY(maxInFlight <= 2);
        QCOMPARE(mServer->statistics().packetsStored, quint64(5));
    }

    void reconnectStormIsQueuedByTheKernel()
    {
        // After an outage every logger reconnects at once. While the server is busy (no accept() runs
        // here: the event loop is not entered), the kernel completes handshakes only up to the listen
        // backlog; Qt 5's own backlog of 50 would leave the rest waiting for SYN retransmits (1 s, 3 s...).
        start();
        // The kernel caps any backlog at net.core.somaxconn (4096 on Debian 12; 128 on old kernels).
        QFile somaxconn(QStringLiteral("/proc/sys/net/core/somaxconn"));
        const int cap = somaxconn.open(QIODevice::ReadOnly) ? somaxconn.readAll().trimmed().toInt() : 128;
        const int sLoggers = qMin(300, cap);
        QVERIFY2(sLoggers > 60, "net.core.somaxconn is too small to tell a raised backlog from Qt 5's 50");
        std::vector<int> sockets;
        sockets.reserve(std::size_t(sLoggers));
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(mServer->serverPort());
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        for (int i = 0; i < sLoggers; ++i) {
            const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
            QVERIFY(fd >= 0);
            sockets.push_back(fd);
            ::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address);
        }
        // One shared 2 s deadline: handshakes within the backlog complete at once.
        std::vector<pollfd> pending;
        for (int fd : sockets)
            pending.push_back(pollfd{fd, POLLOUT, 0});
        int established = 0;
        QElapsedTimer clock;
        clock.start();
        while (!pending.empty() && clock.elapsed() < 2000) {
            if (::poll(pending.data(), nfds_t(pending.size()), int(2000 - clock.elapsed())) <= 0)
                break;
            std::vector<pollfd> still;
            for (const pollfd &entry : pending) {
                int error = -1;
                socklen_t length = sizeof error;
                if (!(entry.revents & (POLLOUT | POLLERR | POLLHUP)))
                    still.push_back(entry);
                else if (::getsockopt(entry.fd, SOL_SOCKET, SO_ERROR, &error, &length) == 0 && error == 0)
                    ++established;
            }
            pending.swap(still);
        }
        for (int fd : sockets)
            ::close(fd);
        QCOMPARE(established, sLoggers);
    }

    void connectionLimits()
    {
        JhIngestLimits limits;
        limits.maxConnectionsPerPeer = 2;
        limits.maxConnections = 3;
        start(limits);
        QSignalSpy refused(mServer.get(), &JhHj212Server::connectionRefused);
        auto first = connectLogger(1);
        auto second = connectLogger(2);
        TestLogger third(mServer->serverPort());
        QTRY_COMPARE_WITH_TIMEOUT(refused.count(), 1, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(third.socket.state() == QAbstractSocket::UnconnectedState, 10000);
        QCOMPARE(mServer->statistics().connectionsRefusedPerPeer, quint64(1));
        QCOMPARE(mServer->connectionCount(), 2);

        // Over the total: the per-peer limit raised, the overall one still 3.
        JhIngestLimits perPeer = limits;
        perPeer.maxConnectionsPerPeer = 10;
        mServer->setLimits(perPeer);
        auto thirdOk = connectLogger(3);
        QTcpSocket fourth;
        fourth.connectToHost(QHostAddress(QStringLiteral("127.0.0.1")), mServer->serverPort());
        QTRY_COMPARE_WITH_TIMEOUT(refused.count(), 2, 10000);
        QCOMPARE(mServer->statistics().connectionsRefusedTotal, quint64(1));
        first->send(hourPacket("20261128100000001", 1));
        QTRY_COMPARE_WITH_TIMEOUT(countCommand(*first, 9014), 1, 10000);
    }

    void splitPacketStoredWhenComplete()
    {
        start();
        auto logger = connectLogger(1);
        auto part = [](int pno, const QByteArray &field, const QByteArray &value) {
            JhHj212Packet packet;
            packet.setHeader(JhHj212Packet::Qn, "20261128100000777");
            packet.setHeader(JhHj212Packet::St, "22");
            packet.setHeader(JhHj212Packet::Cn, 2061);
            packet.setHeader(JhHj212Packet::Pw, AirPw.toStdString());
            packet.setHeader(JhHj212Packet::Mn, AirMn.toStdString());
            packet.setHeader(JhHj212Packet::Flag, 7);
            packet.setHeader(JhHj212Packet::Pnum, 2);
            packet.setHeader(JhHj212Packet::Pno, pno);
            packet.addGroup();
            packet.addField("DataTime", "20261128100000");
            packet.addGroup();
            packet.addField(field.toStdString(), value.toStdString());
            return JhHj212Builder::build(packet);
        };
        logger->send(part(1, "a34004-Avg", "40"));
        logger->send(syncRequest("20261128100000778"));
        QTRY_COMPARE_WITH_TIMEOUT(logger->replies.size(), 1, 10000);
        QCOMPARE(mSink->submitCount(), quint64(0));
        logger->send(part(2, "a21026-Avg", "9"));
        QTRY_COMPARE_WITH_TIMEOUT(countCommand(*logger, 9014), 1, 10000);
        QCOMPARE(mSink->batches().first().observations.size(), 2);
        QCOMPARE(mServer->statistics().packetsSplitParts, quint64(2));
    }
};

QTEST_GUILESS_MAIN(TestJhHj212Server)
#include "tst_jhhj212server.moc"
