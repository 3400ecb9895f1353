// Station simulator: a logger's resends per OverTime/ReCount, acknowledgement by the real ingest server
// (2017 and 2005), scripted events, and a simulated hour of traffic end to end.
#include "centraltestsupport.h"
#include "jhhj212server.h"
#include "jhmemoryloggerdirectory.h"
#include "jhmemoryobservationsink.h"
#include "jhscenario.h"
#include "jhsimpacketfactory.h"
#include "jhsimscript.h"
#include "jhsimulatedlogger.h"
#include "jhstationsimulator.h"

#include <QSet>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <memory>

namespace {
//! A host that reads packets and never answers.
class SilentHost : public QObject
{
public:
    SilentHost()
    {
        server.listen(QHostAddress::LocalHost, 0);
        connect(&server, &QTcpServer::newConnection, this, [this]() {
            while (QTcpSocket *socket = server.nextPendingConnection())
                connect(socket, &QTcpSocket::readyRead, this, [this, socket]() {
                    buffer += socket->readAll();
                    int end;
                    while ((end = buffer.indexOf('\n')) >= 0) {
                        lines.append(buffer.left(end + 1));
                        buffer.remove(0, end + 1);
                    }
                });
        });
    }
    QTcpServer server;
    QByteArray buffer;
    QList<QByteArray> lines;
};

JhSimLoggerProfile airProfile()
{
    JhSimLoggerProfile profile;
    profile.siteId = QStringLiteral("AIR-1");
    profile.mn = "SIMAIR000000000000000001";
    profile.password = "abc123";
    profile.factorCodes = QStringList{QStringLiteral("a34004"), QStringLiteral("a21026")};
    profile.reCount = 2;
    profile.overTimeMs = 5000;
    return profile;
}

const QDateTime Start(QDate(2026, 11, 28), QTime(1, 58, 0), Qt::UTC); // 09:58 Beijing time
} // namespace

class TestJhSimulatedLogger : public QObject
{
    Q_OBJECT

private slots:
    void resendsAfterOverTimeAndGivesUpAfterReCount()
    {
        SilentHost host;
        qint64 now = 1'000'000;
        JhSimulatedLogger logger(airProfile());
        logger.setClock([&now]() { return now; });
        logger.setCheckIntervalMs(0);
        QSignalSpy gaveUp(&logger, &JhSimulatedLogger::gaveUp);
        logger.connectTo(QHostAddress::LocalHost, host.server.serverPort());
        QTRY_VERIFY_WITH_TIMEOUT(logger.isConnected(), 10000);

        const QByteArray qn = JhSimPacketFactory::qnFor(Start, 1);
        const QByteArray packet = JhSimPacketFactory::dataPacket(airProfile(), 2061, Start,
                                                                 {{QStringLiteral("a34004"), 30, "N"}}, qn);
        logger.send(packet, qn);
        QTRY_COMPARE_WITH_TIMEOUT(host.lines.size(), 1, 10000);

        now += 4999; // not yet OverTime
        logger.checkTimeouts();
        now += 2; // OverTime passed: first resend
        logger.checkTimeouts();
        QTRY_COMPARE_WITH_TIMEOUT(host.lines.size(), 2, 10000);
        QCOMPARE(host.lines.at(1), packet);
        now += 5001; // second resend (ReCount = 2)
        logger.checkTimeouts();
        QTRY_COMPARE_WITH_TIMEOUT(host.lines.size(), 3, 10000);
        QCOMPARE(gaveUp.count(), 0);
        now += 5001; // ReCount exhausted: given up, not sent again
        logger.checkTimeouts();
        QCOMPARE(gaveUp.count(), 1);
        QCOMPARE(gaveUp.first().first().toByteArray(), qn);
        QCOMPARE(logger.unacknowledgedCount(), 0);
        now += 60000;
        logger.checkTimeouts();
        // A new packet is the next thing on the wire: the old one was not sent a fourth time.
        const QByteArray nextQn = JhSimPacketFactory::qnFor(Start, 2);
        const QByteArray next = JhSimPacketFactory::dataPacket(airProfile(), 2061, Start,
                                                               {{QStringLiteral("a34004"), 31, "N"}}, nextQn);
        logger.send(next, nextQn);
        QTRY_COMPARE_WITH_TIMEOUT(host.lines.size(), 4, 10000);
        QCOMPARE(host.lines.at(3), next);
        QCOMPARE(logger.counters().resent, quint64(2));
        QCOMPARE(logger.counters().gaveUp, quint64(1));
    }

    void acknowledgedByTheIngestServerIn2017And2005()
    {
        JhMemoryLoggerDirectory directory;
        JhSimLoggerProfile modern = airProfile();
        JhSimLoggerProfile old = airProfile();
        old.siteId = QStringLiteral("OLD-1");
        old.mn = "SIMOLD000000000000000001";
        old.version = JhHj212Version::V2005;
        old.factorCodes = QStringList{QStringLiteral("w01018"), QStringLiteral("w00000")};
        for (const JhSimLoggerProfile &profile : {modern, old})
            directory.insert(JhLoggerEntry{profile.mn, profile.siteId, profile.password, 0, profile.version});
        JhMemoryObservationSink sink;
        JhHj212Server server(&directory, &sink);
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));

        for (const JhSimLoggerProfile &profile : {modern, old}) {
            JhSimulatedLogger logger(profile);
            QSignalSpy acknowledged(&logger, &JhSimulatedLogger::acknowledged);
            logger.connectTo(QHostAddress::LocalHost, server.serverPort());
            const QByteArray qn = JhSimPacketFactory::qnFor(Start, 7);
            QVector<JhSimReading> readings;
            for (const QString &code : profile.factorCodes)
                readings.append(JhSimReading{code, 12.5, QStringLiteral("N")});
            logger.send(JhSimPacketFactory::dataPacket(profile, 2061, Start, readings, qn), qn);
            QTRY_COMPARE_WITH_TIMEOUT(acknowledged.count(), 1, 10000);
            QCOMPARE(acknowledged.first().first().toByteArray(), qn);
            QCOMPARE(logger.unacknowledgedCount(), 0);
        }
        QCOMPARE(sink.batches().size(), 2);
        // The 2005 logger sent old codes (011, B01); they are stored under the 2017 codes.
        const JhObservationBatch &oldBatch = sink.batches().at(1);
        QCOMPARE(oldBatch.siteId, QStringLiteral("OLD-1"));
        QCOMPARE(oldBatch.observations.at(0).factorCode, QStringLiteral("w01018"));
        QCOMPARE(oldBatch.observations.at(1).factorCode, QStringLiteral("w00000"));
    }

    void scriptedEventsChangeTheReadings()
    {
        JhSimScript script;
        QVERIFY2(script.loadFromData(R"({"events":[
            {"type":"exceedance","site":"AIR-1","factor":"a34004","value":180,"afterMinutes":10,"minutes":60},
            {"type":"fault","site":"AIR-1","factor":"a21026","flag":"D","at":"2026-11-28T12:00:00+08:00","minutes":30},
            {"type":"stuck","site":"AIR-1","factor":"a21026","afterMinutes":300,"minutes":120}]})",
                                     Start),
                 qPrintable(script.errorMessage()));
        QCOMPARE(script.events().size(), 3);
        QVERIFY(!JhSimScript().loadFromData(R"({"events":[{"type":"meteor","site":"X"}]})", Start));

        JhStationSimulatorOptions options;
        options.startUtc = Start;
        JhStationSimulator simulator(options);
        simulator.setEvents(script.events());
        const JhSimLoggerProfile profile = airProfile();
        const QVector<JhSimReading> before = simulator.readings(profile, Start);
        QVERIFY(before.at(0).value < 150);
        QCOMPARE(before.at(0).flag, QStringLiteral("N"));
        QCOMPARE(simulator.readings(profile, Start.addSecs(15 * 60)).at(0).value, 180.0);
        QVERIFY(simulator.readings(profile, Start.addSecs(75 * 60)).at(0).value < 150);
        // 12:00-12:30 Beijing time: SO2 flagged D.
        const QDateTime noon(QDate(2026, 11, 28), QTime(4, 10), Qt::UTC);
        QCOMPARE(simulator.readings(profile, noon).at(1).flag, QStringLiteral("D"));
        QCOMPARE(simulator.readings(profile, noon).at(0).flag, QStringLiteral("N"));
        // Stuck: the same value at every time in the window, while the normal model moves.
        const double stuck = simulator.readings(profile, Start.addSecs(301 * 60)).at(1).value;
        QCOMPARE(simulator.readings(profile, Start.addSecs(360 * 60)).at(1).value, stuck);
        QCOMPARE(simulator.readings(profile, Start.addSecs(419 * 60)).at(1).value, stuck);
        QVERIFY(simulator.readings(profile, Start.addSecs(430 * 60)).at(1).value != stuck);
    }

    void aSimulatedHourOfTheScenarioReachesTheServer()
    {
        JhScenario scenario;
        QVERIFY(scenario.load(QStringLiteral(JH_SOURCE_DIR "/resources/scenario/nantong-scenario.json")));
        QVector<JhSimLoggerProfile> all = JhStationSimulator::profilesFromScenario(scenario);
        QCOMPARE(all.size(), scenario.sites().size());
        // A handful of loggers of every kind, with some 2005 ones.
        QVector<JhSimLoggerProfile> profiles;
        QSet<int> kinds;
        int old = 0;
        for (const JhSimLoggerProfile &profile : all) {
            if (profile.version == JhHj212Version::V2005) {
                if (old < 2) {
                    profiles.append(profile);
                    ++old;
                }
            } else if (!kinds.contains(int(profile.kind))) {
                kinds.insert(int(profile.kind));
                profiles.append(profile);
            }
        }
        QVERIFY(old == 2);
        JhMemoryLoggerDirectory directory;
        directory.addScenario(scenario);
        JhMemoryObservationSink sink;
        JhHj212Server server(&directory, &sink);
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));

        JhStationSimulatorOptions options;
        options.port = server.serverPort();
        options.startUtc = Start;
        options.connectSpreadMs = 0;
        JhStationSimulator simulator(options);
        simulator.setProfiles(profiles);
        JhSimScript script;
        const QByteArray offline = "{\"events\":[{\"type\":\"offline\",\"site\":\"" +
                                   profiles.last().siteId.toUtf8() +
                                   "\",\"afterMinutes\":30,\"minutes\":60}]}";
        QVERIFY(script.loadFromData(offline, Start));
        simulator.setEvents(script.events());
        simulator.connectAll();
        QTRY_COMPARE_WITH_TIMEOUT(server.connectionCount(), profiles.size(), 10000);

        // 09:58 -> 10:01 Beijing: realtime at 10:00, minute data for 09:50-10:00, the 09:00 hour.
        simulator.advanceTo(Start.addSecs(180));
        const int expected = profiles.size() * 3;
        QTRY_COMPARE_WITH_TIMEOUT(int(simulator.totals().acknowledged), expected, 10000);
        QCOMPARE(int(sink.committedBatchCount()), expected);
        int hourly = 0;
        for (const JhObservationBatch &batch : sink.batches())
            if (batch.command == 2061) {
                ++hourly;
                QCOMPARE(batch.observations.first().dataTime,
                         QDateTime(QDate(2026, 11, 28), QTime(1, 0), Qt::UTC));
                QCOMPARE(batch.observations.first().interval, JhIntervalKind::Hour);
            }
        QCOMPARE(hourly, profiles.size());
        QCOMPARE(server.statistics().packetsUnknownMn, quint64(0));

        // 40 minutes on: the last logger is offline and has disconnected.
        simulator.advanceTo(Start.addSecs(42 * 60));
        QTRY_COMPARE_WITH_TIMEOUT(server.connectionCount(), profiles.size() - 1, 10000);
        QVERIFY(!simulator.logger(profiles.size() - 1)->isOnline());
        simulator.advanceTo(Start.addSecs(100 * 60));
        QVERIFY(simulator.logger(profiles.size() - 1)->isOnline());
    }
};

QTEST_GUILESS_MAIN(TestJhSimulatedLogger)
#include "tst_jhsimulatedlogger.moc"
