// JhSyncClient against the real jianghai-central executable on loopback: first sync, start from the cache
// with central down, catch-up, an alarm from a logger packet within 2 s, commands exactly once across kill -9
// of central, refusals kept and never resent, a revoked token, another database behind the same URL.
#include "centralprocess.h"

#include "../central/centraltestsupport.h"
#include "jhscenario.h"
#include "jhstore.h"
#include "jhsyncclient.h"

#include <QDir>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

namespace {
QJsonObject incidentPayload(int index)
{
    return {{"title", QStringLiteral("演练事件 %1").arg(index)},
            {"type", "water-pollution"},
            {"level", "IV"},
            {"longitude", 120.9 + index * 0.001},
            {"latitude", 32.0}};
}
} // namespace

class TestJhSyncClient : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir mFolder;
    JhScenario mScenario;
    std::unique_ptr<JhCentralProcess> mCentral;

    QString caseDirectory(const QString &name) const
    {
        return mFolder.filePath(QString::fromLatin1(QTest::currentTestFunction()) + QLatin1Char('-') + name);
    }

    JhClientConfig clientConfig(const QString &token, const QString &name = QStringLiteral("client")) const
    {
        JhClientConfig config;
        config.urls = QStringList{mCentral->url()};
        config.token = token;
        config.clientName = QStringLiteral("tst_jhsyncclient");
        config.dataDirectory = caseDirectory(name);
        config.initialBackoffMs = 100;
        config.maxBackoffMs = 800;
        return config;
    }

    bool startCentral()
    {
        mCentral = std::make_unique<JhCentralProcess>(caseDirectory(QStringLiteral("central")));
        return mCentral->start();
    }

    static bool waitLive(JhSyncClient &client, int timeoutMs = 15000)
    {
        return JhCentralProcess::waitFor(
            [&client]() { return client.connectionStatus().state == JhConnectionState::Live; }, timeoutMs);
    }

    //! Events of the central's log (read from its store after it stopped), by command id.
    QHash<QString, int> eventsPerCommand()
    {
        JhStore store;
        QHash<QString, int> counts;
        if (!store.open(JhStoreConfig::inDataDirectory(caseDirectory(QStringLiteral("central"))))) {
            qWarning() << store.error().message;
            return counts;
        }
        QList<JhEvent> events;
        store.eventsAfter(0, 1000000, events);
        for (const JhEvent &event : events)
            if (!event.commandId.isEmpty())
                ++counts[event.commandId];
        return counts;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(mFolder.isValid());
        QVERIFY(mScenario.load(QStringLiteral(JH_SOURCE_DIR "/resources/scenario/nantong-scenario.json")));
    }

    void cleanup() { mCentral.reset(); }

    void firstSyncThenTheCacheWhileCentralIsDown()
    {
        QVERIFY(startCentral());
        {
            JhSyncClient client(clientConfig(QStringLiteral("demo-duty")));
            QSignalSpy synced(&client, &JhSyncClient::synced);
            client.start();
            QVERIFY(waitLive(client));
            QCOMPARE(synced.count(), 1);
            // A client without a cache asks for a snapshot: it has every site and the reference data.
            QCOMPARE(client.state().sites().size(), mScenario.sites().size());
            QCOMPARE(client.state().teams().size(), mScenario.teams().size());
            QCOMPARE(client.user().id, QStringLiteral("duty"));
            QVERIFY(client.state().site(mScenario.sites().first().id)->password.isEmpty());
        }
        mCentral->stop();

        JhSyncClient offline(clientConfig(QStringLiteral("demo-duty")));
        QElapsedTimer started;
        started.start();
        offline.start();
        QVERIFY(JhCentralProcess::waitFor([&offline]() { return offline.isCacheLoaded(); }, 5000));
        QVERIFY2(started.elapsed() < 2000, qPrintable(QString::number(started.elapsed())));
        QCOMPARE(offline.state().sites().size(), mScenario.sites().size());
        QVERIFY(offline.cacheSavedAt().isValid());
        QCOMPARE(offline.user().id, QStringLiteral("duty"));
        QVERIFY(JhCentralProcess::waitFor(
            [&offline]() { return offline.connectionStatus().state == JhConnectionState::Offline; }, 5000));
        const JhConnectionStatus status = offline.connectionStatus();
        QVERIFY2(!status.reasonCode.isEmpty() && !status.reasonZh.isEmpty(), qPrintable(status.reasonEn));
        QVERIFY(status.since.isValid());
        QVERIFY(!offline.hasSynced());
    }

    void catchUpAfterADisconnectAndCommandsFromAnotherClient()
    {
        QVERIFY(startCentral());
        auto duty =
            std::make_unique<JhSyncClient>(clientConfig(QStringLiteral("demo-duty"), QStringLiteral("duty")));
        duty->start();
        QVERIFY(waitLive(*duty));
        const qint64 before = duty->state().lastSequence();
        duty.reset(); // away

        JhSyncClient coordinator(
            clientConfig(QStringLiteral("demo-coordinator"), QStringLiteral("coordinator")));
        coordinator.start();
        QVERIFY(waitLive(coordinator));
        QStringList ids;
        for (int i = 0; i < 5; ++i)
            ids << coordinator.submit(JhCommandType::CreateIncident, incidentPayload(i));
        QVERIFY(
            JhCentralProcess::waitFor([&coordinator]() { return coordinator.pendingCommandCount() == 0; }));
        for (const QString &id : ids)
            QCOMPARE(coordinator.outboxEntry(id)->state, JhOutboxEntry::State::Accepted);
        QVERIFY(JhCentralProcess::waitFor([&]() { return coordinator.state().incidents().size() == 5; }));

        duty =
            std::make_unique<JhSyncClient>(clientConfig(QStringLiteral("demo-duty"), QStringLiteral("duty")));
        QList<JhStateChange> changes;
        connect(duty.get(), &JhSyncClient::stateChanged, this,
                [&changes](const JhStateChange &change) { changes.append(change); });
        duty->start();
        QVERIFY(waitLive(*duty));
        QVERIFY(JhCentralProcess::waitFor(
            [&]() { return duty->state().lastSequence() == coordinator.state().lastSequence(); }));
        QVERIFY(duty->state().lastSequence() >= before + 5);
        QCOMPARE(duty->state().incidents(), coordinator.state().incidents());
        // The cache came first (replaced), then the missed events in batches naming what they touched.
        QVERIFY(!changes.isEmpty());
        QVERIFY(changes.first().replaced);
        QSet<QString> incidents;
        for (const JhStateChange &change : changes)
            incidents.unite(change.incidentIds);
        QCOMPARE(incidents.size(), 5);
    }

    void anAlarmFromALoggerReachesTheClientWithinTwoSeconds()
    {
        QVERIFY(startCentral());
        JhSyncClient client(clientConfig(QStringLiteral("demo-duty")));
        client.start();
        QVERIFY(waitLive(client));
        const JhSite &site = mScenario.sites().first();
        const QByteArray factor = site.factorCodes.value(0).toLatin1();
        TestLogger logger(mCentral->hj212Port());
        QVERIFY(JhCentralProcess::waitFor([&logger]() { return logger.isConnected(); }));
        const QDateTime now = QDateTime::currentDateTimeUtc().toOffsetFromUtc(8 * 3600);
        const QByteArray time = now.toString(QStringLiteral("yyyyMMddHHmmss")).toLatin1();
        QElapsedTimer elapsed;
        elapsed.start();
        logger.send(makePacket(site.mn.toLatin1(), site.password.toLatin1(), 2011, time + "000", 5, time,
                               {{factor + "-Rtd", "12"}, {factor + "-Flag", "D"}}));
        auto faultAlarm = [&]() -> const JhAlarm * {
            for (const JhAlarm &alarm : client.state().alarms())
                if (alarm.siteId == site.id && alarm.ruleId == QLatin1String("data.flag"))
                    return &alarm;
            return nullptr;
        };
        QVERIFY(JhCentralProcess::waitFor([&]() { return faultAlarm() != nullptr; }, 5000));
        QVERIFY2(elapsed.elapsed() <= 2000, qPrintable(QString::number(elapsed.elapsed())));
        QCOMPARE(faultAlarm()->state, JhAlarmState::Open);
        // The site's live status says fault, with the value the logger sent.
        QVERIFY(JhCentralProcess::waitFor(
            [&]() {
                const JhSiteStatus *status = client.siteStatus(site.id);
                return status && status->state == JhSiteState::Fault;
            },
            5000));
        QVERIFY2(elapsed.elapsed() <= 2000 + 1000, qPrintable(QString::number(elapsed.elapsed())));
        const JhFactorStatus *value =
            client.siteStatus(site.id)->factor(site.factorCodes.value(0), JhIntervalKind::Realtime);
        QVERIFY(value);
        QCOMPARE(value->value, 12.0);
        QCOMPARE(value->flag, QStringLiteral("D"));
    }

    void aSeriesQueryReturnsTheStoredValuesAndComesFromTheCacheOffline()
    {
        QVERIFY(startCentral());
        JhSyncClient client(clientConfig(QStringLiteral("demo-duty")));
        client.start();
        QVERIFY(waitLive(client));
        const JhSite &site = mScenario.sites().first();
        const QByteArray factor = site.factorCodes.value(0).toLatin1();
        // Five real-time values a minute apart on a fixed day (Beijing time 08:00-08:04 = 00:00-00:04 UTC).
        const QDateTime first(QDate(2026, 7, 1), QTime(0, 0), Qt::UTC);
        TestLogger logger(mCentral->hj212Port());
        QVERIFY(JhCentralProcess::waitFor([&logger]() { return logger.isConnected(); }));
        for (int i = 0; i < 5; ++i) {
            const QByteArray time = first.addSecs(60 * i)
                                        .toOffsetFromUtc(8 * 3600)
                                        .toString(QStringLiteral("yyyyMMddHHmmss"))
                                        .toLatin1();
            logger.send(
                makePacket(site.mn.toLatin1(), site.password.toLatin1(), 2011, time + "000", 5, time,
                           {{factor + "-Rtd", QByteArray::number(10.5 + i)}, {factor + "-Flag", "N"}}));
        }
        QVERIFY(JhCentralProcess::waitFor([&logger]() { return logger.replies.size() >= 5; }));
        JhSeriesQuery query;
        query.siteId = site.id;
        query.factorCodes = QStringList{site.factorCodes.value(0)};
        query.interval = JhIntervalKind::Realtime;
        query.from = first.addSecs(-60);
        query.to = first.addSecs(600);
        JhSeriesResult answer;
        QDateTime cachedAt;
        bool answered = false;
        connect(&client, &JhSyncClient::queryAnswered, this,
                [&](const JhSeriesResult &result, const QDateTime &cached) {
                    answer = result;
                    cachedAt = cached;
                    answered = true;
                });
        query.id = client.query(query);
        QVERIFY(JhCentralProcess::waitFor([&answered]() { return answered; }));
        QVERIFY2(answer.isOk(), qPrintable(answer.messageEn));
        QCOMPARE(answer.queryId, query.id);
        QVERIFY(!cachedAt.isValid());
        QCOMPARE(answer.factors.size(), 1);
        const QList<JhSeriesResult::Point> points = answer.factors.first().points;
        QCOMPARE(points.size(), 5);
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(points.at(i).dataTime, first.addSecs(60 * i));
            QCOMPARE(points.at(i).value, 10.5 + i);
            QCOMPARE(points.at(i).flag, QStringLiteral("N"));
        }
        // Central gone: the same question is answered from the cache, marked with when it was fetched.
        mCentral->stop();
        QVERIFY(JhCentralProcess::waitFor(
            [&client]() { return client.connectionStatus().state == JhConnectionState::Offline; }));
        answered = false;
        query.id.clear();
        query.id = client.query(query);
        QVERIFY(JhCentralProcess::waitFor([&answered]() { return answered; }));
        QVERIFY(answer.isOk());
        QVERIFY(cachedAt.isValid());
        QCOMPARE(answer.queryId, query.id);
        QCOMPARE(answer.factors.first().points, points);
        // Never asked before: offline says so.
        answered = false;
        query.id.clear();
        query.from = first.addSecs(-120);
        client.query(query);
        QVERIFY(JhCentralProcess::waitFor([&answered]() { return answered; }));
        QCOMPARE(answer.error, JhSeriesResult::Error::Unavailable);
        QVERIFY(!answer.messageZh.isEmpty());
    }

    void importedSitesReachLiveAndReturningClients()
    {
        QVERIFY(startCentral());
        auto importSite = [this](const QString &id, const QString &mn) {
            const QString csv = caseDirectory(id + QStringLiteral(".csv"));
            QFile file(csv);
            if (!file.open(QIODevice::WriteOnly))
                return false;
            file.write("id,name,kind,countyCode,longitude,latitude,mn,password,factorCodes\n");
            file.write(QStringLiteral("%1,新站,air-township,320614,121.2,31.9,%2,654321,a21026\n")
                           .arg(id, mn)
                           .toUtf8());
            file.close();
            QProcess import;
            import.start(QStringLiteral(JH_BINARY_DIR "/bin/jianghai-central"),
                         {QStringLiteral("sites"), QStringLiteral("import"), csv,
                          QStringLiteral("--data-dir"), caseDirectory(QStringLiteral("central"))});
            return import.waitForFinished(20000) && import.exitCode() == 0;
        };
        const JhClientConfig config = clientConfig(QStringLiteral("demo-duty"));
        {
            JhSyncClient client(config);
            client.start();
            QVERIFY(waitLive(client));
            // Imported while the client is live: central re-reads its sites (every 2 s) and sends a snapshot.
            QVERIFY(importSite(QStringLiteral("AIR-NEW1"), QStringLiteral("320600NEWSITE00000000001")));
            QVERIFY(JhCentralProcess::waitFor(
                [&]() { return client.state().site(QStringLiteral("AIR-NEW1")); }, 10000));
        }
        // Imported while the client is away: its hello names the sites revision it holds, central sends the
        // state.
        QVERIFY(importSite(QStringLiteral("AIR-NEW2"), QStringLiteral("320600NEWSITE00000000002")));
        QTest::qWait(2500); // central picks it up
        JhSyncClient client(config);
        client.start();
        QVERIFY(waitLive(client));
        QVERIFY(client.state().site(QStringLiteral("AIR-NEW1")));
        QVERIFY(JhCentralProcess::waitFor([&]() { return client.state().site(QStringLiteral("AIR-NEW2")); },
                                          5000));
    }

    void refusedCommandsKeepTheirReasonAndAreNeverResent()
    {
        QVERIFY(startCentral());
        JhSyncClient viewer(clientConfig(QStringLiteral("demo-viewer")));
        QSignalSpy answered(&viewer, &JhSyncClient::commandAnswered);
        viewer.start();
        QVERIFY(waitLive(viewer));
        const QString id = viewer.submit(JhCommandType::CreateIncident, incidentPayload(1));
        QVERIFY(JhCentralProcess::waitFor([&answered]() { return answered.count() == 1; }));
        const JhOutboxEntry *entry = viewer.outboxEntry(id);
        QCOMPARE(entry->state, JhOutboxEntry::State::Refused);
        QCOMPARE(entry->result.error, JhDomainError::Forbidden);
        QCOMPARE(entry->result.messageZh, QStringLiteral("当前角色无权执行该操作"));
        // After a restart of central the refused command is not sent again.
        mCentral->stop();
        QVERIFY(JhCentralProcess::waitFor(
            [&viewer]() { return viewer.connectionStatus().state == JhConnectionState::Offline; }));
        QVERIFY(mCentral->start());
        QVERIFY(waitLive(viewer));
        QTest::qWait(300);
        QCOMPARE(answered.count(), 1);
        QCOMPARE(viewer.pendingCommandCount(), 0);
    }

    void commandsQueuedOfflineAreAppliedExactlyOnceAcrossAKillOfCentral()
    {
        QVERIFY(startCentral());
        mCentral->stop(); // seeded, then down: the coordinator works offline
        JhSyncClient coordinator(clientConfig(QStringLiteral("demo-coordinator")));
        coordinator.start();
        QVERIFY(JhCentralProcess::waitFor([&]() { return coordinator.isCacheLoaded(); }));
        QStringList ids;
        for (int i = 0; i < 300; ++i)
            ids << coordinator.submit(JhCommandType::CreateIncident, incidentPayload(i));
        QVERIFY(JhCentralProcess::waitFor([&]() { return coordinator.pendingCommandCount() == 300; }));
        QVERIFY(mCentral->start());
        // Kill central as soon as the first answers arrive: some commands are applied, their answers lost.
        QVERIFY(JhCentralProcess::waitFor([&]() { return coordinator.pendingCommandCount() < 300; }, 15000));
        mCentral->kill();
        const int pendingAtKill = coordinator.pendingCommandCount();
        QVERIFY(mCentral->start());
        QVERIFY(JhCentralProcess::waitFor([&]() { return coordinator.pendingCommandCount() == 0; }, 20000));
        for (const QString &id : ids)
            QCOMPARE(coordinator.outboxEntry(id)->state, JhOutboxEntry::State::Accepted);
        QVERIFY(JhCentralProcess::waitFor([&]() { return coordinator.state().incidents().size() == 300; }));
        mCentral->stop();
        const QHash<QString, int> counts = eventsPerCommand();
        for (const QString &id : ids)
            QCOMPARE(counts.value(id), 1);
        qInfo() << "pending when central was killed:" << pendingAtKill;
    }

    void anUnknownTokenIsRefusedWithoutAReconnectStorm()
    {
        QVERIFY(startCentral());
        JhSyncClient client(clientConfig(QStringLiteral("not-a-token")));
        QList<JhConnectionState> states;
        connect(&client, &JhSyncClient::connectionStatusChanged, this,
                [&states](const JhConnectionStatus &status) { states.append(status.state); });
        client.start();
        QVERIFY(JhCentralProcess::waitFor(
            [&client]() { return client.connectionStatus().state == JhConnectionState::Refused; }));
        QCOMPARE(client.connectionStatus().reasonCode, QStringLiteral("unauthorized"));
        QVERIFY(client.connectionStatus().reasonZh.contains(QStringLiteral("令牌")));
        QTest::qWait(1500); // several back-off periods
        QCOMPARE(states.count(JhConnectionState::Connecting), 1);
        QCOMPARE(client.connectionStatus().state, JhConnectionState::Refused);
    }

    void anotherDatabaseBehindTheSameUrlSetsTheCacheAside()
    {
        QVERIFY(startCentral());
        const JhClientConfig config = clientConfig(QStringLiteral("demo-coordinator"));
        {
            JhSyncClient client(config);
            client.start();
            QVERIFY(waitLive(client));
            client.submit(JhCommandType::CreateIncident, incidentPayload(1));
            QVERIFY(JhCentralProcess::waitFor([&]() { return client.state().incidents().size() == 1; }));
        }
        const quint16 port = mCentral->apiPort();
        mCentral->stop();
        // A new, empty database on the same address.
        QDir(caseDirectory(QStringLiteral("central"))).removeRecursively();
        mCentral = std::make_unique<JhCentralProcess>(caseDirectory(QStringLiteral("central")));
        mCentral->setPorts(JhCentralProcess::freePort(), port);
        QVERIFY(mCentral->start());
        JhSyncClient client(config);
        client.start();
        QVERIFY(waitLive(client));
        QCOMPARE(client.state().incidents().size(), 0);
        QCOMPARE(client.state().sites().size(), mScenario.sites().size());
        const QStringList aside =
            QDir(config.dataDirectory).entryList({QStringLiteral("*.other-database-*")});
        QVERIFY2(!aside.isEmpty(), qPrintable(QDir(config.dataDirectory).entryList().join(' ')));
    }
};

QTEST_GUILESS_MAIN(TestJhSyncClient)
#include "tst_jhsyncclient.moc"
