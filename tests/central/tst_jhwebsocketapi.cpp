// JhWebSocketApi over real loopback WebSockets (SQLite and PostgreSQL stores): hello, catch-up after a
// disconnect, snapshot when too far behind, refusals with reasons, commands, slow clients, heartbeats.
#include "centralstorefixture.h"
#include "jhauthenticator.h"
#include "jhcommandservice.h"
#include "jheventjournal.h"
#include "jhsitestatustracker.h"
#include "jhwebsocketapi.h"
#include "websockettestclient.h"

#include <QCryptographicHash>
#include <QProcess>
#include <QSignalSpy>
#include <QSslError>
#include <QTcpSocket>
#include <QtEndian>
#include <QtTest>

class TestJhWebSocketApi : public QObject
{
    Q_OBJECT
public:
    explicit TestJhWebSocketApi(JhStoreConfig::Dialect dialect) : mFixture(dialect) {}

private:
    JhCentralStoreFixture mFixture;
    std::unique_ptr<JhEventJournal> mJournal;
    std::unique_ptr<JhCommandService> mCommands;
    std::unique_ptr<JhAuthenticator> mAuthenticator;
    std::unique_ptr<JhWebSocketApi> mApi;
    int mRuleCounter = 0;

    void startApi(const JhWebSocketApi::Settings &settings)
    {
        mApi = std::make_unique<JhWebSocketApi>(mJournal.get(), mCommands.get(), mAuthenticator.get());
        mApi->setSettings(settings);
        QVERIFY(mApi->listen(QHostAddress::LocalHost, 0));
    }

    static JhWebSocketApi::Settings quickSettings()
    {
        JhWebSocketApi::Settings settings;
        settings.catchUpPageEvents = 2;
        settings.snapshotThreshold = 1000;
        settings.heartbeatIntervalMs = 60000;
        settings.idleTimeoutMs = 60000;
        return settings;
    }

    //! Appends \a count alarm events (each its own rule so each opens a new alarm).
    void appendAlarms(int count, const QString &message = {})
    {
        QList<JhEvent> batch;
        JhWorldState shadow = mJournal->state();
        for (int i = 0; i < count; ++i) {
            ++mRuleCounter; // before the call: argument evaluation order is unspecified
            JhEvent event = JhCommandHandler::alarmOpened(
                shadow, QStringLiteral("AIR-T1"), QStringLiteral("a21026"),
                QStringLiteral("rule-%1").arg(mRuleCounter), JhAlarmLevel::Warning, 150,
                message.isEmpty() ? QStringLiteral("exceedance %1").arg(mRuleCounter) : message,
                QDateTime(QDate(2026, 7, 1), QTime(8, 0), Qt::UTC));
            QVERIFY(shadow.apply(event));
            batch.append(event);
        }
        QVERIFY(mJournal->appendSystemEvents(batch));
    }

    static void verifyInOrder(const QList<JhEvent> &events, qint64 first, qint64 last)
    {
        QCOMPARE(qint64(events.size()), last - first + 1);
        for (int i = 0; i < events.size(); ++i)
            QCOMPARE(events.at(i).sequence, first + i);
    }

private slots:
    void init()
    {
        QVERIFY(mFixture.create());
        QVERIFY(mFixture.seed());
        mJournal = std::make_unique<JhEventJournal>();
        QVERIFY(mJournal->open(mFixture.config()));
        mCommands = std::make_unique<JhCommandService>(mJournal.get());
        mAuthenticator = std::make_unique<JhAuthenticator>(&mJournal->store());
        mRuleCounter = 0;
    }

    void cleanup()
    {
        mApi.reset();
        mAuthenticator.reset();
        mCommands.reset();
        mJournal.reset();
        mFixture.destroy();
    }

    void helloThenCatchUpAfterDisconnectThenLive()
    {
        startApi(quickSettings());
        appendAlarms(5);
        qint64 last = 0;
        {
            JhWebSocketTestClient client;
            QVERIFY(client.open(mApi->serverPort()));
            client.hello(JhCentralStoreFixture::token(QStringLiteral("duty")), 0);
            QVERIFY(client.waitFor([&]() { return client.lastSequence() == 5; }));
            const JhMessage *welcome = client.first(JhMessage::Type::Welcome);
            QVERIFY(welcome);
            QCOMPARE(client.messages().first().type(), JhMessage::Type::Welcome);
            JhUser user;
            qint64 head = 0;
            QVERIFY(welcome->readWelcome(user, head));
            QCOMPARE(user.id, QStringLiteral("duty"));
            QCOMPARE(head, qint64(5));
            QCOMPARE(client.count(JhMessage::Type::Events), 3); // pages of 2, 2, 1
            appendAlarms(1);
            QVERIFY(client.waitFor([&]() { return client.lastSequence() == 6; }));
            verifyInOrder(client.events(), 1, 6);
            last = client.lastSequence();
            client.socket().close();
            QVERIFY(client.waitFor([&]() { return client.isClosed(); }));
        }
        QVERIFY(JhWebSocketTestClient::waitFor([&]() { return mApi->sessionCount() == 0; }));
        appendAlarms(3); // missed while away
        JhWebSocketTestClient again;
        QVERIFY(again.open(mApi->serverPort()));
        again.hello(JhCentralStoreFixture::token(QStringLiteral("duty")), last);
        QVERIFY(again.waitFor([&]() { return again.lastSequence() == 9; }));
        appendAlarms(2); // live
        QVERIFY(again.waitFor([&]() { return again.lastSequence() == 11; }));
        verifyInOrder(again.events(), 7, 11);
        QVERIFY(!again.first(JhMessage::Type::Snapshot));
    }

    void siteStatusAfterWelcomeThenCoalesced()
    {
        JhWebSocketApi::Settings settings = quickSettings();
        settings.statusFlushIntervalMs = 300;
        startApi(settings);
        const QDateTime hour(QDate(2026, 7, 1), QTime(7, 0), Qt::UTC);
        auto so2 = [](const QString &site, const QDateTime &time, double value) {
            return JhObservation{site,  QStringLiteral("a21026"), time, JhIntervalKind::Hour,
                                 value, QStringLiteral("N")};
        };
        // The tracker is rebuilt from the store, then follows the alarm events and committed observations.
        QVERIFY(mJournal->store().insertObservations({so2(QStringLiteral("AIR-T1"), hour, 12)}, hour));
        QList<JhObservation> latest;
        QVERIFY(mJournal->store().latestObservations(latest));
        QCOMPARE(latest.size(), 1);
        JhSiteStatusTracker tracker;
        const QDateTime now = hour.addSecs(3600);
        tracker.rebuild(latest, mJournal->state(), now, 1000);
        mApi->setSiteStatusTracker(&tracker);
        appendAlarms(2);
        tracker.applyAlarmState(mJournal->state(), {QStringLiteral("AIR-T1")});

        JhWebSocketTestClient client;
        QVERIFY(client.open(mApi->serverPort()));
        client.hello(JhCentralStoreFixture::token(QStringLiteral("duty")), 0);
        QVERIFY(client.waitFor([&]() { return client.count(JhMessage::Type::SiteStatus) == 1; }));
        // welcome, the catch-up page, then the full set.
        QCOMPARE(client.messages().size(), 3);
        QCOMPARE(client.messages().at(1).type(), JhMessage::Type::Events);
        qint64 revision = 0;
        bool full = false;
        QList<JhSiteStatus> sites;
        QVERIFY(client.messages().at(2).readSiteStatus(revision, full, sites));
        QVERIFY(full);
        QCOMPARE(revision, qint64(1002));
        QCOMPARE(sites, tracker.statuses());
        QCOMPARE(sites.size(), 3);
        QCOMPARE(sites.at(0).siteId, QStringLiteral("AIR-T1"));
        QCOMPARE(sites.at(0).state, JhSiteState::Online);
        QCOMPARE(sites.at(0).openAlarms, 2);
        QCOMPARE(sites.at(0).air.aqi, 4); // SO2 1 h 12 ug/m3: IAQI 4, 优
        QCOMPARE(sites.at(0).air.category, 1);
        QCOMPARE(sites.at(1).state, JhSiteState::NeverReported);

        // Two commits in quick succession (AIR-T1 twice, AIR-T2 once): one message, each site once, after
        // the events that came with them.
        const QDateTime later = hour.addSecs(3600);
        QSet<QString> changed =
            tracker.observe({so2(QStringLiteral("AIR-T1"), later, 600)}, mJournal->state(), now);
        mApi->noteSiteStatusChanged(changed);
        appendAlarms(1);
        mApi->noteSiteStatusChanged(tracker.applyAlarmState(mJournal->state(), {QStringLiteral("AIR-T1")}));
        changed = tracker.observe({so2(QStringLiteral("AIR-T2"), later, 30),
                                   so2(QStringLiteral("AIR-T1"), later.addSecs(3600), 700)},
                                  mJournal->state(), now);
        mApi->noteSiteStatusChanged(changed);
        QVERIFY(client.waitFor([&]() { return client.count(JhMessage::Type::SiteStatus) == 2; }));
        QTest::qWait(settings.statusFlushIntervalMs * 2);
        QCOMPARE(client.count(JhMessage::Type::SiteStatus), 2);
        QCOMPARE(client.messages().size(), 5);
        QCOMPARE(client.messages().at(3).type(), JhMessage::Type::Events);
        QVERIFY(client.messages().at(4).readSiteStatus(revision, full, sites));
        QVERIFY(!full);
        QCOMPARE(revision, tracker.revision());
        QCOMPARE(revision, qint64(1005));
        QCOMPARE(sites.size(), 2);
        QCOMPARE(sites.at(0), *tracker.status(QStringLiteral("AIR-T1")));
        QCOMPARE(sites.at(0).openAlarms, 3);
        QCOMPARE(sites.at(0).air.hour, later.addSecs(3600));
        QCOMPARE(sites.at(0).air.aqi, 167); // SO2 1 h 700 ug/m3: 650 -> 150, 800 -> 200
        QCOMPARE(sites.at(0).air.category, 4);
        QCOMPARE(sites.at(1).siteId, QStringLiteral("AIR-T2"));
        client.socket().close();
        QVERIFY(client.waitFor([&]() { return client.isClosed(); }));

        // Away: AIR-T3 reports. Back with the revision held: only what changed since; an unknown
        // revision (another run) gets the full set again.
        mApi->noteSiteStatusChanged(
            tracker.observe({so2(QStringLiteral("AIR-T3"), later, 20)}, mJournal->state(), now));
        JhWebSocketTestClient again;
        QVERIFY(again.open(mApi->serverPort()));
        again.send(JhMessage::hello(JhCentralStoreFixture::token(QStringLiteral("duty")),
                                    client.lastSequence(), QStringLiteral("test-client"), revision));
        QVERIFY(again.waitFor([&]() { return again.count(JhMessage::Type::SiteStatus) == 1; }));
        QVERIFY(again.first(JhMessage::Type::SiteStatus)->readSiteStatus(revision, full, sites));
        QVERIFY(!full);
        QCOMPARE(revision, qint64(1006));
        QCOMPARE(sites.size(), 1);
        QCOMPARE(sites.first().siteId, QStringLiteral("AIR-T3"));
        JhWebSocketTestClient stranger;
        QVERIFY(stranger.open(mApi->serverPort()));
        stranger.send(JhMessage::hello(JhCentralStoreFixture::token(QStringLiteral("viewer")), 0,
                                       QStringLiteral("test-client"), 999));
        QVERIFY(stranger.waitFor([&]() { return stranger.count(JhMessage::Type::SiteStatus) == 1; }));
        QVERIFY(stranger.first(JhMessage::Type::SiteStatus)->readSiteStatus(revision, full, sites));
        QVERIFY(full);
        QCOMPARE(sites.size(), 3);
    }

    void snapshotWhenTooFarBehind()
    {
        JhWebSocketApi::Settings settings = quickSettings();
        settings.snapshotThreshold = 3;
        startApi(settings);
        appendAlarms(5);
        JhWebSocketTestClient client;
        QVERIFY(client.open(mApi->serverPort()));
        client.hello(JhCentralStoreFixture::token(QStringLiteral("viewer")), 1);
        QVERIFY(client.waitFor([&]() { return client.first(JhMessage::Type::Snapshot) != nullptr; }));
        JhWorldState state;
        QVERIFY(client.first(JhMessage::Type::Snapshot)->readSnapshot(state));
        QCOMPARE(state.lastSequence(), qint64(5));
        QCOMPARE(state.alarms().size(), 5);
        QVERIFY(client.events().isEmpty());
        appendAlarms(1);
        QVERIFY(client.waitFor([&]() { return client.lastSequence() == 6; }));
        QCOMPARE(client.events().size(), 1);
        // The snapshot leaves logger passwords out.
        for (const JhSite &site : state.sites())
            QVERIFY(site.password.isEmpty());
    }

    void badTokenRefused()
    {
        startApi(quickSettings());
        QSignalSpy closed(mApi.get(), &JhWebSocketApi::sessionClosed);
        JhWebSocketTestClient client;
        QVERIFY(client.open(mApi->serverPort()));
        client.hello(QStringLiteral("not-a-token"), 0);
        QVERIFY(client.waitFor([&]() { return client.isClosed(); }));
        QCOMPARE(client.errorCode(), QStringLiteral("unauthorized"));
        QCOMPARE(client.closeCode(), 4003);
        QVERIFY(!client.first(JhMessage::Type::Welcome));
        QVERIFY(closed.wait(5000) || closed.count() == 1);
        QCOMPARE(closed.last().at(1).toString(), QStringLiteral("unauthorized"));
    }

    void badJsonAndWrongVersionRefused()
    {
        startApi(quickSettings());
        JhWebSocketTestClient garbage;
        QVERIFY(garbage.open(mApi->serverPort()));
        garbage.sendRaw(QStringLiteral("{not json"));
        QVERIFY(garbage.waitFor([&]() { return garbage.isClosed(); }));
        QCOMPARE(garbage.errorCode(), QStringLiteral("bad-message"));
        QCOMPARE(garbage.closeCode(), 4000);

        JhWebSocketTestClient future;
        QVERIFY(future.open(mApi->serverPort()));
        future.sendRaw(QStringLiteral("{\"v\":2,\"type\":\"hello\",\"body\":{}}"));
        QVERIFY(future.waitFor([&]() { return future.isClosed(); }));
        QCOMPARE(future.errorCode(), QStringLiteral("unsupported-version"));
        QCOMPARE(future.closeCode(), 4001);

        JhWebSocketTestClient huge;
        QVERIFY(huge.open(mApi->serverPort()));
        huge.sendRaw(QString(2 * 1024 * 1024, QLatin1Char('x')));
        QVERIFY(huge.waitFor([&]() { return huge.isClosed(); }));
        QVERIFY(huge.messages().isEmpty()); // refused by the socket (1009 on Qt 6; Qt 5.15 reports 1000)

        JhWebSocketTestClient rude;
        QVERIFY(rude.open(mApi->serverPort()));
        rude.send(JhMessage::heartbeat(QDateTime::currentDateTimeUtc(), 0));
        QVERIFY(rude.waitFor([&]() { return rude.isClosed(); }));
        QCOMPARE(rude.errorCode(), QStringLiteral("hello-expected"));
    }

    void commandsAnsweredAndBroadcast()
    {
        startApi(quickSettings());
        appendAlarms(1);
        const QString alarmId = mJournal->state().alarms().firstKey();
        JhWebSocketTestClient duty;
        JhWebSocketTestClient viewer;
        QVERIFY(duty.open(mApi->serverPort()));
        QVERIFY(viewer.open(mApi->serverPort()));
        duty.hello(JhCentralStoreFixture::token(QStringLiteral("duty")), 1);
        viewer.hello(JhCentralStoreFixture::token(QStringLiteral("viewer")), 1);
        QVERIFY(duty.waitFor([&]() { return duty.first(JhMessage::Type::Welcome); }));
        QVERIFY(viewer.waitFor([&]() { return viewer.first(JhMessage::Type::Welcome); }));

        const JhCommand refused =
            JhCentralStoreFixture::command(JhCommandType::AcknowledgeAlarm, {{"alarmId", alarmId}});
        viewer.send(JhMessage::command(refused));
        QVERIFY(viewer.waitFor([&]() { return viewer.first(JhMessage::Type::CommandResult); }));
        JhCommandResult result;
        QVERIFY(viewer.first(JhMessage::Type::CommandResult)->readCommandResult(result));
        QCOMPARE(result.error, JhDomainError::Forbidden);
        QCOMPARE(result.commandId, refused.id);

        const JhCommand acknowledge =
            JhCentralStoreFixture::command(JhCommandType::AcknowledgeAlarm, {{"alarmId", alarmId}});
        duty.send(JhMessage::command(acknowledge));
        duty.send(JhMessage::command(acknowledge)); // a resend after a lost answer
        QVERIFY(duty.waitFor([&]() { return duty.count(JhMessage::Type::CommandResult) == 2; }));
        QList<JhCommandResult> answers;
        for (const JhMessage &message : duty.messages()) {
            JhCommandResult answer;
            if (message.type() == JhMessage::Type::CommandResult && message.readCommandResult(answer))
                answers.append(answer);
        }
        QVERIFY(answers.at(0).isOk());
        QCOMPARE(answers.at(1), answers.at(0));
        QCOMPARE(answers.at(0).events.first().sequence, qint64(2));
        // Both clients see the acknowledgement once, live.
        QVERIFY(viewer.waitFor([&]() { return viewer.lastSequence() == 2; }));
        QVERIFY(duty.waitFor([&]() { return duty.lastSequence() == 2; }));
        QCOMPARE(viewer.events().size(), 1);
        QCOMPARE(duty.events().size(), 1);
        QCOMPARE(mJournal->headSequence(), qint64(2));
    }

    void revokedTokenStopsWorkingAtOnce()
    {
        startApi(quickSettings());
        appendAlarms(1);
        JhWebSocketTestClient duty;
        QVERIFY(duty.open(mApi->serverPort()));
        duty.hello(JhCentralStoreFixture::token(QStringLiteral("duty")), 1);
        QVERIFY(duty.waitFor([&]() { return duty.first(JhMessage::Type::Welcome); }));
        bool found = false;
        QVERIFY(mJournal->store().revokeUser(QStringLiteral("duty"), QDateTime::currentDateTimeUtc(), found));
        QVERIFY(found);
        duty.send(JhMessage::command(JhCentralStoreFixture::command(
            JhCommandType::AcknowledgeAlarm, {{"alarmId", mJournal->state().alarms().firstKey()}})));
        QVERIFY(duty.waitFor([&]() { return duty.isClosed(); }));
        QCOMPARE(duty.errorCode(), QStringLiteral("unauthorized"));
        QCOMPARE(mJournal->headSequence(), qint64(1));
    }

    void slowClientIsCutOffWhileOthersKeepReceiving()
    {
        JhWebSocketApi::Settings settings = quickSettings();
        settings.maxPendingBytes = 512 * 1024;
        startApi(settings);
        QSignalSpy closed(mApi.get(), &JhWebSocketApi::sessionClosed);
        JhWebSocketTestClient fast;
        QVERIFY(fast.open(mApi->serverPort()));
        fast.hello(JhCentralStoreFixture::token(QStringLiteral("duty")), 0);

        // The slow client speaks WebSocket by hand so that it can stop reading after its hello.
        QTcpSocket slow;
        slow.connectToHost(QHostAddress::LocalHost, mApi->serverPort());
        QVERIFY(slow.waitForConnected(5000));
        slow.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 4096);
        slow.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                   "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
        QVERIFY(JhWebSocketTestClient::waitFor([&]() { return slow.bytesAvailable() > 0; }));
        QVERIFY(slow.readAll().startsWith("HTTP/1.1 101"));
        const QByteArray hello = JhMessage::hello(JhCentralStoreFixture::token(QStringLiteral("viewer")), 0,
                                                  QStringLiteral("slow"))
                                     .encode();
        QByteArray frame;
        frame.append(char(0x81));
        if (hello.size() < 126) {
            frame.append(char(0x80 | hello.size()));
        } else {
            frame.append(char(0x80 | 126));
            frame.append(char((hello.size() >> 8) & 0xff));
            frame.append(char(hello.size() & 0xff));
        }
        const char mask[4] = {0x12, 0x34, 0x56, 0x78};
        frame.append(mask, 4);
        for (int i = 0; i < hello.size(); ++i)
            frame.append(char(hello.at(i) ^ mask[i % 4]));
        slow.write(frame);
        slow.setReadBufferSize(1024);
        QVERIFY(JhWebSocketTestClient::waitFor([&]() { return mApi->sessionCount() == 2; }));
        QVERIFY(fast.waitFor([&]() { return fast.first(JhMessage::Type::Welcome); }));
        // The slow client's hello is answered with its welcome (then it stops reading).
        QVERIFY(JhWebSocketTestClient::waitFor([&]() { return slow.bytesAvailable() > 0; }));
        QVERIFY(slow.peek(1024).contains("welcome"));

        // Up to 32 MB of live events in 64 KiB rounds: far more than the kernel buffers and the limit.
        const QString big(16 * 1024, QLatin1Char('x'));
        for (int round = 0; round < 500 && closed.isEmpty(); ++round) {
            appendAlarms(4, big);
            QTest::qWait(2);
        }
        QVERIFY(JhWebSocketTestClient::waitFor([&]() { return !closed.isEmpty(); }, 20000));
        QCOMPARE(closed.first().at(0).toString(), QStringLiteral("viewer"));
        QCOMPARE(closed.first().at(1).toString(), QStringLiteral("slow-client"));
        // The fast client got everything and is still served.
        const qint64 head = mJournal->headSequence();
        QVERIFY(fast.waitFor([&]() { return fast.lastSequence() == head; }, 20000));
        verifyInOrder(fast.events(), 1, head);
        appendAlarms(1);
        QVERIFY(fast.waitFor([&]() { return fast.lastSequence() == head + 1; }));
        QVERIFY(!fast.isClosed());
    }

    void secureWebSocketWhenCertificateConfigured()
    {
        // A throw-away self-signed certificate made with the openssl tool (Debian: package openssl).
        QTemporaryDir folder;
        const QString certificate = folder.filePath(QStringLiteral("central.pem"));
        const QString key = folder.filePath(QStringLiteral("central.key"));
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                       QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
                       QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                       QStringLiteral("-keyout"), key, QStringLiteral("-out"), certificate});
        QVERIFY2(openssl.waitForFinished(30000) && openssl.exitCode() == 0, "the openssl tool is needed");
        mApi = std::make_unique<JhWebSocketApi>(mJournal.get(), mCommands.get(), mAuthenticator.get());
        mApi->setSettings(quickSettings());
        QString error;
        QVERIFY2(mApi->setTls(certificate, key, &error), qPrintable(error));
        QVERIFY(mApi->isSecure());
        QVERIFY(mApi->listen(QHostAddress::LocalHost, 0));
        appendAlarms(2);

        JhWebSocketTestClient client;
        connect(&client.socket(), &QWebSocket::sslErrors, &client.socket(),
                [&client](const QList<QSslError> &) { client.socket().ignoreSslErrors(); });
        client.socket().open(QUrl(QStringLiteral("wss://127.0.0.1:%1").arg(mApi->serverPort())));
        QVERIFY(client.waitFor([&]() { return client.socket().state() == QAbstractSocket::ConnectedState; }));
        client.hello(JhCentralStoreFixture::token(QStringLiteral("duty")), 0);
        QVERIFY(client.waitFor([&]() { return client.lastSequence() == 2; }));

        // A plain ws:// client gets nowhere on the TLS port.
        JhWebSocketTestClient plain;
        plain.socket().open(QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(mApi->serverPort())));
        plain.hello(JhCentralStoreFixture::token(QStringLiteral("duty")), 0);
        QVERIFY(plain.waitFor([&]() { return plain.isClosed(); }));
        QVERIFY(plain.messages().isEmpty());

        QVERIFY(!mApi->setTls(folder.filePath(QStringLiteral("missing.pem")), key, &error));
        QVERIFY(error.contains(QStringLiteral("missing.pem")));
    }

    void heartbeatsAndIdleClientsDropped()
    {
        JhWebSocketApi::Settings settings = quickSettings();
        settings.heartbeatIntervalMs = 100;
        settings.idleTimeoutMs = 600;
        startApi(settings);
        JhWebSocketTestClient talker;
        JhWebSocketTestClient silent;
        QVERIFY(talker.open(mApi->serverPort()));
        QVERIFY(silent.open(mApi->serverPort()));
        talker.hello(JhCentralStoreFixture::token(QStringLiteral("duty")), 0);
        silent.hello(JhCentralStoreFixture::token(QStringLiteral("viewer")), 0);
        QTimer keepAlive;
        connect(&keepAlive, &QTimer::timeout, this, [&]() {
            talker.send(JhMessage::heartbeat(QDateTime::currentDateTimeUtc(), talker.lastSequence()));
        });
        keepAlive.start(100);
        QVERIFY(silent.waitFor([&]() { return silent.count(JhMessage::Type::Heartbeat) >= 2; }));
        QDateTime time;
        qint64 head = -1;
        QVERIFY(silent.first(JhMessage::Type::Heartbeat)->readHeartbeat(time, head));
        QCOMPARE(head, qint64(0));
        QVERIFY(silent.waitFor([&]() { return silent.isClosed(); }));
        QCOMPARE(silent.errorCode(), QStringLiteral("idle-timeout"));
        QCOMPARE(silent.closeCode(), 4008);
        QVERIFY(!talker.isClosed());
        QVERIFY(talker.count(JhMessage::Type::Heartbeat) >= 2);
    }
};

int main(int argc, char **argv)
{
    QCoreApplication application(argc, argv);
    return jhRunOnBothDialects<TestJhWebSocketApi>(argc, argv);
}

#include "tst_jhwebsocketapi.moc"
