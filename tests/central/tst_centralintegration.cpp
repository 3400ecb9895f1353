// The real jianghai-central executable end to end over loopback: HJ 212 packets in -> observations stored,
// WebSocket client hello/command/events, sites imported while running, and kill -9 under load: every
// acknowledged packet is stored exactly once after a restart.
#include "centralstorefixture.h"
#include "centraltestsupport.h"
#include "jhscenario.h"
#include "jhstore.h"
#include "websockettestclient.h"

#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

namespace {
quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

QByteArray dataTime(int index)
{
    // One packet per minute from 2026-07-01 00:00 local time; distinct per index.
    const QDateTime time =
        QDateTime(QDate(2026, 7, 1), QTime(0, 0), Qt::OffsetFromUTC, 8 * 3600).addSecs(60 * index);
    return time.toString(QStringLiteral("yyyyMMddHHmmss")).toLatin1();
}
} // namespace

class TestCentralIntegration : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir mFolder;
    JhScenario mScenario;
    std::unique_ptr<QProcess> mCentral;
    quint16 mHj212Port = 0;
    quint16 mApiPort = 0;
    QByteArray mOutput;
    QString mDatabaseUrl; //!< when set, the service runs on this PostgreSQL database instead of SQLite

    JhStoreConfig storeConfig() const
    {
        JhStoreConfig config = JhStoreConfig::inDataDirectory(dataDirectory());
        if (!mDatabaseUrl.isEmpty())
            JhStoreConfig::fromUrl(mDatabaseUrl, config);
        return config;
    }

    //! One data folder per test function (a restart inside a function reuses it).
    QString dataDirectory() const
    {
        return mFolder.filePath(QStringLiteral("data-") + QString::fromLatin1(QTest::currentTestFunction()));
    }

    bool startCentral(const QStringList &extra = {})
    {
        mHj212Port = freePort();
        mApiPort = freePort();
        mCentral = std::make_unique<QProcess>();
        mCentral->setProcessChannelMode(QProcess::MergedChannels);
        mOutput.clear();
        connect(mCentral.get(), &QProcess::readyRead, this, [this]() { mOutput += mCentral->readAll(); });
        QStringList arguments = {QStringLiteral("serve"),
                                 mDatabaseUrl.isEmpty() ? QStringLiteral("--data-dir")
                                                        : QStringLiteral("--database"),
                                 mDatabaseUrl.isEmpty() ? dataDirectory() : mDatabaseUrl,
                                 QStringLiteral("--hj212-listen"),
                                 QStringLiteral("127.0.0.1:%1").arg(mHj212Port),
                                 QStringLiteral("--api-listen"),
                                 QStringLiteral("127.0.0.1:%1").arg(mApiPort),
                                 QStringLiteral("--scenario"),
                                 QStringLiteral(JH_SOURCE_DIR "/resources/scenario/nantong-scenario.json"),
                                 QStringLiteral("--demo"),
                                 QStringLiteral("--site-refresh-ms"),
                                 QStringLiteral("200"),
                                 QStringLiteral("--ingest-limits"),
                                 QStringLiteral("{\"maxPacketsPerSecond\":100000,\"packetBurst\":100000,"
                                                "\"maxPendingCommits\":100000}")};
        mCentral->start(QStringLiteral(JH_BINARY_DIR "/bin/jianghai-central"), arguments + extra);
        if (!mCentral->waitForStarted(10000))
            return false;
        const bool up = JhWebSocketTestClient::waitFor(
            [this]() {
                return mOutput.contains("workstation API listening") ||
                       mCentral->state() == QProcess::NotRunning;
            },
            30000);
        if (!up || !mOutput.contains("workstation API listening")) {
            qWarning().noquote() << "central did not start:" << mOutput;
            return false;
        }
        return true;
    }

    void stopCentral()
    {
        if (!mCentral)
            return;
        mCentral->terminate();
        if (!mCentral->waitForFinished(20000))
            mCentral->kill();
        mCentral->waitForFinished(5000);
        mCentral.reset();
    }

    const JhSite &site(int index) const { return mScenario.sites().at(index); }

    static QByteArray packetFor(const JhSite &site, int index)
    {
        const QByteArray factor = site.factorCodes.value(0, QStringLiteral("a21026")).toLatin1();
        return makePacket(site.mn.toLatin1(), site.password.toLatin1(), 2011, dataTime(index) + "000", 5,
                          dataTime(index),
                          {{factor + "-Rtd", QByteArray::number(10 + index % 50)}, {factor + "-Flag", "N"}});
    }

    //! What the store holds of logger \a index's packets (its first factor, real-time, around the test day).
    bool storedRealtime(JhStore &store, int index, QList<JhObservation> &stored) const
    {
        return store.observations(site(index).id, site(index).factorCodes.value(0), JhIntervalKind::Realtime,
                                  QDateTime(QDate(2026, 6, 30), QTime(0, 0), Qt::UTC),
                                  QDateTime(QDate(2026, 7, 2), QTime(0, 0), Qt::UTC), stored);
    }

    static QSet<QByteArray> acknowledgedQns(const TestLogger &logger)
    {
        QSet<QByteArray> qns;
        for (const JhHj212Packet &reply : logger.parsedReplies()) {
            if (reply.cn() == "9014")
                qns.insert(QByteArray(reply.qn().data(), int(reply.qn().size())));
        }
        return qns;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(mFolder.isValid());
        QVERIFY2(mScenario.load(QStringLiteral(JH_SOURCE_DIR "/resources/scenario/nantong-scenario.json")),
                 qPrintable(mScenario.errorMessage()));
    }

    void cleanup()
    {
        if (QTest::currentTestFailed() && mCentral)
            qInfo().noquote() << "jianghai-central output:" << mOutput.right(4000);
        stopCentral();
    }

    void packetsStoredAndClientServed()
    {
        QVERIFY(startCentral());
        QVERIFY(mOutput.contains("token demo-duty"));

        JhWebSocketTestClient client;
        QVERIFY(client.open(mApiPort));
        client.hello(QStringLiteral("demo-coordinator"), 0);
        QVERIFY(client.waitFor([&]() { return client.first(JhMessage::Type::Welcome); }));

        const JhSite &air = site(0);
        TestLogger logger(mHj212Port);
        QVERIFY(JhWebSocketTestClient::waitFor([&]() { return logger.isConnected(); }));
        for (int i = 0; i < 5; ++i)
            logger.send(packetFor(air, i));
        QVERIFY(JhWebSocketTestClient::waitFor([&]() { return acknowledgedQns(logger).size() == 5; }));

        // A fault flag (D) goes through store -> alarm engine -> event log -> this client.
        const QByteArray factor = air.factorCodes.value(0).toLatin1();
        logger.send(makePacket(air.mn.toLatin1(), air.password.toLatin1(), 2011, dataTime(5) + "000", 5,
                               dataTime(5), {{factor + "-Rtd", "12"}, {factor + "-Flag", "D"}}));
        QVERIFY(client.waitFor([&]() {
            for (const JhEvent &event : client.events()) {
                if (event.type == JhEventType::AlarmOpened)
                    return true;
            }
            return false;
        }));
        const JhEvent alarm = client.events().first();
        QCOMPARE(alarm.type, JhEventType::AlarmOpened);
        QCOMPARE(alarm.actor, QStringLiteral("system"));
        QCOMPARE(alarm.payload.value(QStringLiteral("siteId")).toString(), air.id);
        // Three normal intervals later the system closes it (JhAlarmEngineConfig::autoCloseNormalIntervals).
        for (int i = 6; i < 9; ++i)
            logger.send(packetFor(air, i));
        QVERIFY(client.waitFor([&]() {
            for (const JhEvent &event : client.events()) {
                if (event.type == JhEventType::AlarmClosed)
                    return event.payload.value(QStringLiteral("alarmId")) ==
                           alarm.payload.value(QStringLiteral("alarmId"));
            }
            return false;
        }));

        // A workstation command through the real service: answered, then pushed as a live event.
        JhCommand command;
        command.id = QStringLiteral("9b1d1f6e-0000-4000-8000-000000000001");
        command.type = JhCommandType::CreateIncident;
        command.issuedAt = QDateTime::currentDateTimeUtc();
        command.payload = {{"title", "如东近岸海域油膜"},
                           {"type", "oil-spill"},
                           {"level", "IV"},
                           {"longitude", 121.3},
                           {"latitude", 32.5}};
        client.send(JhMessage::command(command));
        QVERIFY(client.waitFor(
            [&]() { return client.first(JhMessage::Type::CommandResult) && client.lastSequence() >= 1; }));
        JhCommandResult result;
        QVERIFY(client.first(JhMessage::Type::CommandResult)->readCommandResult(result));
        QVERIFY2(result.isOk(), qPrintable(result.messageEn));
        QCOMPARE(client.events().last().type, JhEventType::IncidentCreated);

        // A site imported with the sub-command is served without a restart.
        const QString csv = mFolder.filePath(QStringLiteral("new-sites.csv"));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("id,name,kind,countyCode,longitude,latitude,mn,password,factorCodes\n"
                   "AIR-NEW1,新站,air-township,320614,121.2,31.9,320600NEWSITE00000000001,654321,a21026\n");
        file.close();
        QProcess import;
        import.start(QStringLiteral(JH_BINARY_DIR "/bin/jianghai-central"),
                     {QStringLiteral("sites"), QStringLiteral("import"), csv, QStringLiteral("--data-dir"),
                      dataDirectory()});
        QVERIFY(import.waitForFinished(20000));
        QVERIFY2(import.exitCode() == 0, import.readAllStandardError().constData());
        JhSite added;
        added.mn = QStringLiteral("320600NEWSITE00000000001");
        added.password = QStringLiteral("654321");
        added.factorCodes = QStringList{QStringLiteral("a21026")};
        TestLogger newcomer(mHj212Port);
        QVERIFY(JhWebSocketTestClient::waitFor([&]() { return newcomer.isConnected(); }));
        // Retried until the service has picked the site up (site refresh every 200 ms).
        QVERIFY(JhWebSocketTestClient::waitFor(
            [&]() {
                if (!acknowledgedQns(newcomer).isEmpty())
                    return true;
                newcomer.send(packetFor(added, 1));
                QTest::qWait(100);
                return false;
            },
            15000));

        stopCentral();
        JhStore store;
        JhStoreConfig config = JhStoreConfig::inDataDirectory(dataDirectory());
        QVERIFY(store.open(config));
        QList<JhObservation> stored;
        QVERIFY(store.observations(air.id, air.factorCodes.value(0), JhIntervalKind::Realtime,
                                   QDateTime(QDate(2026, 6, 30), QTime(0, 0), Qt::UTC),
                                   QDateTime(QDate(2026, 7, 2), QTime(0, 0), Qt::UTC), stored));
        QCOMPARE(stored.size(), 9);
        QVERIFY(store.observations(QStringLiteral("AIR-NEW1"), QStringLiteral("a21026"),
                                   JhIntervalKind::Realtime,
                                   QDateTime(QDate(2026, 6, 30), QTime(0, 0), Qt::UTC),
                                   QDateTime(QDate(2026, 7, 2), QTime(0, 0), Qt::UTC), stored));
        QCOMPARE(stored.size(), 1);
    }

    void userCommandsAndRevocation()
    {
        QVERIFY(startCentral());
        auto run = [this](const QStringList &arguments, QByteArray *output = nullptr) {
            QProcess process;
            process.start(QStringLiteral(JH_BINARY_DIR "/bin/jianghai-central"),
                          arguments + QStringList{QStringLiteral("--data-dir"), dataDirectory()});
            process.waitForFinished(20000);
            if (output)
                *output = process.readAllStandardOutput();
            return process.exitCode();
        };
        QByteArray output;
        QCOMPARE(run({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--name"),
                      QStringLiteral("zhang"), QStringLiteral("--role"), QStringLiteral("county-team"),
                      QStringLiteral("--county"), QStringLiteral("320614")},
                     &output),
                 0);
        const QList<QByteArray> lines = output.trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines.first().contains("team haimen"));
        const QString token = QString::fromLatin1(lines.last().trimmed());
        QVERIFY(token.size() >= 24);
        // Only the hash is stored: the token text is nowhere in the database file.
        QFile database(dataDirectory() + QStringLiteral("/central.sqlite"));
        QVERIFY(database.open(QIODevice::ReadOnly));
        QVERIFY(!database.readAll().contains(token.toLatin1()));
        QCOMPARE(run({QStringLiteral("user"), QStringLiteral("list")}, &output), 0);
        QVERIFY(output.contains("zhang\tcounty-team\thaimen"));

        JhWebSocketTestClient first;
        QVERIFY(first.open(mApiPort));
        first.hello(token, 0);
        QVERIFY(first.waitFor([&]() { return first.first(JhMessage::Type::Welcome); }));
        JhUser user;
        qint64 head = 0;
        QVERIFY(first.first(JhMessage::Type::Welcome)->readWelcome(user, head));
        QCOMPARE(user.teamId, QStringLiteral("haimen"));

        QCOMPARE(run({QStringLiteral("user"), QStringLiteral("revoke"), QStringLiteral("zhang")}), 0);
        JhWebSocketTestClient second;
        QVERIFY(second.open(mApiPort));
        second.hello(token, 0);
        QVERIFY(second.waitFor([&]() { return second.isClosed(); }));
        QCOMPARE(second.errorCode(), QStringLiteral("unauthorized"));
        QCOMPARE(run({QStringLiteral("user"), QStringLiteral("revoke"), QStringLiteral("nobody")}), 1);
    }

    void storageFailureLosesNothingAcknowledged()
    {
        // The disk "fills up" under a running service: prlimit gives it a soft file-size limit of one byte
        // (the hard limit stays, so it can be lifted again): every SQLite write fails as on a full disk
        // (EFBIG instead of ENOSPC). Nothing may be
        // acknowledged then; the service keeps running and says why; once there is room again, the
        // loggers' resends are stored and every acknowledged packet is there exactly once.
        QVERIFY(startCentral());
        const qint64 pid = mCentral->processId();
        auto limitFileSize = [pid](const QString &limit) {
            return QProcess::execute(QStringLiteral("prlimit"),
                                     {QStringLiteral("--pid"), QString::number(pid),
                                      QStringLiteral("--fsize=%1").arg(limit)}) == 0;
        };
        const int loggers = 4;
        std::vector<std::unique_ptr<TestLogger>> connections;
        for (int l = 0; l < loggers; ++l)
            connections.push_back(std::make_unique<TestLogger>(mHj212Port));
        QVERIFY(JhWebSocketTestClient::waitFor([&]() {
            for (const auto &logger : connections)
                if (!logger->isConnected())
                    return false;
            return true;
        }));
        auto sendRange = [&](int from, int to) {
            for (int i = from; i < to; ++i)
                for (int l = 0; l < loggers; ++l)
                    connections[size_t(l)]->send(packetFor(site(l), i));
        };
        auto acknowledged = [&]() {
            int total = 0;
            for (const auto &logger : connections)
                total += acknowledgedQns(*logger).size();
            return total;
        };
        sendRange(0, 20);
        QVERIFY(JhWebSocketTestClient::waitFor([&]() { return acknowledged() == loggers * 20; }));

        QVERIFY2(limitFileSize(QStringLiteral("1:unlimited")), "prlimit could not limit the running service");
        sendRange(20, 40);
        QVERIFY(JhWebSocketTestClient::waitFor([&]() { return mOutput.contains("STORAGE FAILING"); }, 15000));
        QTest::qWait(300);
        QCOMPARE(acknowledged(), loggers * 20); // nothing acknowledged while nothing can be written
        QCOMPARE(mCentral->state(), QProcess::Running);
        QVERIFY2(mOutput.contains("no replies sent; loggers will resend"), mOutput.right(2000).constData());
        // The service still serves: a new logger connects, a workstation is welcomed.
        TestLogger late(mHj212Port);
        QVERIFY(JhWebSocketTestClient::waitFor([&]() { return late.isConnected(); }));
        JhWebSocketTestClient client;
        QVERIFY(client.open(mApiPort));
        client.hello(QStringLiteral("demo-duty"), 0);
        QVERIFY(client.waitFor([&]() { return client.first(JhMessage::Type::Welcome); }));

        // Room again: the loggers resend what was not acknowledged (as HJ 212 loggers do after OverTime).
        QVERIFY(limitFileSize(QStringLiteral("unlimited:unlimited")));
        sendRange(20, 40);
        QVERIFY(JhWebSocketTestClient::waitFor([&]() { return acknowledged() == loggers * 40; }, 30000));
        QVERIFY(JhWebSocketTestClient::waitFor([&]() { return mOutput.contains("storage works again"); }));
        QCOMPARE(mOutput.count("STORAGE FAILING"), 1); // one line, not one per failed commit
        stopCentral();
        JhStore store;
        QVERIFY(store.open(storeConfig()));
        for (int l = 0; l < loggers; ++l) {
            QList<JhObservation> stored;
            QVERIFY(storedRealtime(store, l, stored));
            QCOMPARE(stored.size(), 40);
            for (int i = 1; i < stored.size(); ++i)
                QVERIFY(stored.at(i - 1).dataTime < stored.at(i).dataTime);
        }
    }

private:
    //! Loggers stream packets; the service is killed (SIGKILL) while replies come in, restarted on the same
    //! store; every packet that was acknowledged (9014) must be stored, none twice.
    void killUnderLoad()
    {
        QVERIFY(startCentral());
        const int loggers = 16;
        const int perLogger = 1500;
        std::vector<std::unique_ptr<TestLogger>> connections;
        for (int l = 0; l < loggers; ++l)
            connections.push_back(std::make_unique<TestLogger>(mHj212Port));
        QVERIFY(JhWebSocketTestClient::waitFor([&]() {
            for (const auto &logger : connections) {
                if (!logger->isConnected())
                    return false;
            }
            return true;
        }));
        // Load: every logger streams its packets; the service is killed while replies are coming in.
        for (int i = 0; i < perLogger; ++i) {
            for (int l = 0; l < loggers; ++l)
                connections[size_t(l)]->socket.write(packetFor(site(l), i));
        }
        for (const auto &logger : connections)
            logger->socket.flush();
        auto acknowledged = [&]() {
            int total = 0;
            for (const auto &logger : connections)
                total += acknowledgedQns(*logger).size();
            return total;
        };
        QVERIFY(JhWebSocketTestClient::waitFor([&]() { return acknowledged() >= loggers * perLogger / 4; },
                                               30000));
        mCentral->kill(); // SIGKILL: no shutdown, no final commit
        QVERIFY(mCentral->waitForFinished(10000));
        QTest::qWait(50);
        for (const auto &logger : connections)
            logger->socket.readAll(); // nothing more can arrive from a dead process
        QList<QSet<QByteArray>> acked;
        for (const auto &logger : connections)
            acked.append(acknowledgedQns(*logger));
        const int ackedTotal = acknowledged();
        qInfo("acknowledged before kill -9: %d of %d packets", ackedTotal, loggers * perLogger);
        QVERIFY(ackedTotal >= 500);
        connections.clear();

        // Restart on the same data (recovery), then stop cleanly and count.
        QVERIFY(startCentral());
        QVERIFY(!mOutput.contains("seeded the store")); // seeded once only
        QVERIFY(mOutput.contains("token demo-duty"));   // the demo tokens are listed again
        stopCentral();
        JhStore store;
        QVERIFY(store.open(storeConfig()));
        for (int l = 0; l < loggers; ++l) {
            QList<JhObservation> stored;
            QVERIFY(storedRealtime(store, l, stored));
            QSet<qint64> times;
            for (const JhObservation &observation : stored) {
                QVERIFY2(!times.contains(observation.dataTime.toMSecsSinceEpoch()),
                         "an observation stored twice");
                times.insert(observation.dataTime.toMSecsSinceEpoch());
            }
            QVERIFY(stored.size() <= perLogger);
            for (int i = 0; i < perLogger; ++i) {
                const QByteArray packet = packetFor(site(l), i);
                const int start = packet.indexOf("QN=") + 3;
                const QByteArray qn = packet.mid(start, packet.indexOf(';', start) - start);
                if (!acked.at(l).contains(qn))
                    continue;
                const QDateTime time =
                    QDateTime::fromString(QString::fromLatin1(dataTime(i)), QStringLiteral("yyyyMMddHHmmss"));
                QDateTime local = time;
                local.setOffsetFromUtc(8 * 3600);
                QVERIFY2(
                    times.contains(local.toMSecsSinceEpoch()),
                    qPrintable(
                        QStringLiteral("acknowledged packet %1 of %2 is missing").arg(i).arg(site(l).id)));
            }
        }
    }

private slots:
    void killUnderLoadKeepsEveryAcknowledgedPacketOnce() { killUnderLoad(); }

    void killUnderLoadOnPostgres()
    {
        if (qEnvironmentVariable("JH_TEST_NO_POSTGRES") == QLatin1String("1")) {
            qInfo("JH_TEST_NO_POSTGRES=1: PostgreSQL run left out on request (developer quick run)");
            return;
        }
        QVERIFY2(qEnvironmentVariableIntValue("JH_TEST_PG_PORT") > 0,
                 "JH_TEST_PG_PORT is not set: run scripts/test.sh, or source scripts/test-postgres.sh;"
                 " start_test_postgres (JH_TEST_NO_POSTGRES=1 skips PostgreSQL for a quick local run)");
        JhCentralStoreFixture database(JhStoreConfig::Dialect::Postgres);
        QVERIFY(database.create());
        mDatabaseUrl = database.url();
        killUnderLoad();
        stopCentral();
        mDatabaseUrl.clear();
        database.destroy();
    }
};

QTEST_GUILESS_MAIN(TestCentralIntegration)
#include "tst_centralintegration.moc"
