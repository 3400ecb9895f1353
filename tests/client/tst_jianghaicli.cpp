// jianghai-cli end to end against the real jianghai-central: watch shows statuses and alarms as they happen,
// ack/status exit codes and reasons, and commands queued offline survive a kill -9 of the client: after the
// restarts each is applied exactly once.
#include "centralprocess.h"

#include "../central/centraltestsupport.h"
#include "jhscenario.h"
#include "jhstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

namespace {
struct CliRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QList<QJsonObject> lines() const
    {
        QList<QJsonObject> result;
        for (const QByteArray &line : out.split('\n'))
            if (!line.trimmed().isEmpty())
                result << QJsonDocument::fromJson(line).object();
        return result;
    }
};
} // namespace

class TestJianghaiCli : public QObject
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

    QStringList common(const QString &token, const QString &data = QStringLiteral("cli")) const
    {
        return {QStringLiteral("--url"),        mCentral->url(),
                QStringLiteral("--token"),      token,
                QStringLiteral("--data-dir"),   caseDirectory(data),
                QStringLiteral("--timeout-ms"), QStringLiteral("8000")};
    }

    static CliRun run(const QStringList &arguments, int timeoutMs = 30000)
    {
        QProcess process;
        process.start(QStringLiteral(JH_BINARY_DIR "/bin/jianghai-cli"), arguments);
        CliRun result;
        if (!process.waitForFinished(timeoutMs)) {
            process.kill();
            process.waitForFinished();
        }
        result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        result.out = process.readAllStandardOutput();
        result.err = process.readAllStandardError();
        return result;
    }

    void sendFault(const JhSite &site)
    {
        TestLogger logger(mCentral->hj212Port());
        QVERIFY(JhCentralProcess::waitFor([&logger]() { return logger.isConnected(); }));
        const QByteArray time = QDateTime::currentDateTimeUtc()
                                    .toOffsetFromUtc(8 * 3600)
                                    .toString(QStringLiteral("yyyyMMddHHmmss"))
                                    .toLatin1();
        const QByteArray factor = site.factorCodes.value(0).toLatin1();
        logger.send(makePacket(site.mn.toLatin1(), site.password.toLatin1(), 2011, time + "000", 5, time,
                               {{factor + "-Rtd", "7"}, {factor + "-Flag", "D"}}));
        QVERIFY(JhCentralProcess::waitFor([&logger]() { return !logger.replies.isEmpty(); }));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(mFolder.isValid());
        QVERIFY(mScenario.load(QStringLiteral(JH_SOURCE_DIR "/resources/scenario/nantong-scenario.json")));
    }
    void init()
    {
        mCentral = std::make_unique<JhCentralProcess>(caseDirectory(QStringLiteral("central")));
        QVERIFY(mCentral->start());
    }
    void cleanup() { mCentral.reset(); }

    void watchShowsStatusesAndAlarmsAsTheyHappen()
    {
        QProcess watch;
        QByteArray out;
        connect(&watch, &QProcess::readyReadStandardOutput, this,
                [&]() { out += watch.readAllStandardOutput(); });
        watch.start(QStringLiteral(JH_BINARY_DIR "/bin/jianghai-cli"),
                    common(QStringLiteral("demo-duty")) +
                        QStringList{QStringLiteral("watch"), QStringLiteral("--for"), QStringLiteral("20")});
        QVERIFY(JhCentralProcess::waitFor([&]() { return out.contains(R"("state":"live")"); }, 15000));
        const JhSite &site = mScenario.sites().at(3);
        sendFault(site);
        QVERIFY(JhCentralProcess::waitFor(
            [&]() { return out.contains("alarm.opened") && out.contains(R"("state":"fault")"); }, 8000));
        watch.terminate();
        QVERIFY(watch.waitForFinished(10000));
        bool sawAlarm = false, sawStatus = false;
        for (const QByteArray &line : out.split('\n')) {
            const QJsonObject json = QJsonDocument::fromJson(line).object();
            if (json.value("type") == QLatin1String("event") &&
                json.value("event").toObject().value("type") == QLatin1String("alarm.opened"))
                sawAlarm =
                    json.value("event").toObject().value("payload").toObject().value("siteId").toString() ==
                    site.id;
            if (json.value("type") == QLatin1String("site-status") &&
                json.value("status").toObject().value("siteId").toString() == site.id &&
                json.value("status").toObject().value("state").toString() == QLatin1String("fault"))
                sawStatus = true;
        }
        QVERIFY(sawAlarm);
        QVERIFY(sawStatus);
    }

    void statusAckAndTheirExitCodes()
    {
        const JhSite &site = mScenario.sites().at(5);
        sendFault(site);
        CliRun status;
        QVERIFY(JhCentralProcess::waitFor(
            [&]() {
                status =
                    run(common(QStringLiteral("demo-duty")) + QStringList{QStringLiteral("status"), site.id});
                return status.exitCode == 0 &&
                       !status.lines().value(0).value("openAlarms").toArray().isEmpty();
            },
            10000));
        const QJsonObject shown = status.lines().value(0);
        QCOMPARE(shown.value("site").toObject().value("id").toString(), site.id);
        QVERIFY(!shown.value("site").toObject().contains("password"));
        const QString alarmId = shown.value("openAlarms").toArray().first().toObject().value("id").toString();

        const CliRun refused = run(common(QStringLiteral("demo-viewer"), QStringLiteral("viewer")) +
                                   QStringList{QStringLiteral("ack"), alarmId});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(QString::fromUtf8(refused.err).contains(QStringLiteral("无权")), refused.err.constData());
        QCOMPARE(refused.lines().value(0).value("state").toString(), QStringLiteral("refused"));

        const CliRun ack = run(common(QStringLiteral("demo-duty")) +
                               QStringList{QStringLiteral("ack"), alarmId, QStringLiteral("--note"),
                                           QStringLiteral("已电话核实")});
        QCOMPARE(ack.exitCode, 0);
        QCOMPARE(ack.lines().value(0).value("state").toString(), QStringLiteral("accepted"));

        QCOMPARE(run(common(QStringLiteral("demo-duty")) +
                     QStringList{QStringLiteral("status"), QStringLiteral("NO-SUCH")})
                     .exitCode,
                 4);
        const CliRun badToken = run(
            common(QStringLiteral("not-a-token"), QStringLiteral("bad")) +
            QStringList{QStringLiteral("status"), site.id, QStringLiteral("--lang"), QStringLiteral("en")});
        QCOMPARE(badToken.exitCode, 5);
        QVERIFY2(badToken.err.contains("refused"), badToken.err.constData());
        QCOMPARE(run({QStringLiteral("status")}).exitCode, 2);

        // Central down: the cached status is shown, marked, and the exit code says central was not reached.
        mCentral->stop();
        const CliRun cached = run(common(QStringLiteral("demo-duty")) +
                                  QStringList{QStringLiteral("status"), site.id,
                                              QStringLiteral("--timeout-ms"), QStringLiteral("1500")});
        QCOMPARE(cached.exitCode, 3);
        QCOMPARE(cached.lines().value(0).value("live").toBool(true), false);
        QVERIFY(cached.lines().value(0).contains("cachedAt"));
        QCOMPARE(cached.lines().value(0).value("site").toObject().value("id").toString(), site.id);
    }

    void commandsQueuedOfflineSurviveAKilledClient()
    {
        mCentral->stop();
        QStringList ids;
        for (int i = 0; i < 20; ++i) {
            const QString payload =
                QStringLiteral(
                    R"({"title":"离线事件 %1","type":"other","level":"IV","longitude":121.0,"latitude":32.1})")
                    .arg(i);
            const CliRun queued =
                run(common(QStringLiteral("demo-coordinator")) +
                    QStringList{QStringLiteral("command"), QStringLiteral("incident.create"), payload,
                                QStringLiteral("--no-wait")});
            QCOMPARE(queued.exitCode, 0);
            QCOMPARE(queued.lines().value(0).value("state").toString(), QStringLiteral("pending"));
            ids << queued.lines().value(0).value("commandId").toString();
        }
        QCOMPARE(run(common(QStringLiteral("demo-coordinator")) + QStringList{QStringLiteral("outbox")})
                     .lines()
                     .size(),
                 20);
        QVERIFY(mCentral->start());
        // A sync killed as soon as it starts; whatever it sent is applied, whatever it did not hear is
        // resent.
        QProcess killed;
        killed.start(QStringLiteral(JH_BINARY_DIR "/bin/jianghai-cli"),
                     common(QStringLiteral("demo-coordinator")) + QStringList{QStringLiteral("sync")});
        QVERIFY(killed.waitForStarted());
        QTest::qWait(150);
        killed.kill();
        killed.waitForFinished();
        const CliRun sync =
            run(common(QStringLiteral("demo-coordinator")) + QStringList{QStringLiteral("sync")});
        QCOMPARE(sync.exitCode, 0);
        QCOMPARE(sync.lines().value(0).value("pending").toInt(-1), 0);
        const QList<QJsonObject> outbox =
            run(common(QStringLiteral("demo-coordinator")) + QStringList{QStringLiteral("outbox")}).lines();
        QCOMPARE(outbox.size(), 20);
        for (const QJsonObject &entry : outbox)
            QCOMPARE(entry.value("state").toString(), QStringLiteral("accepted"));
        mCentral->stop();
        JhStore store;
        QVERIFY(store.open(JhStoreConfig::inDataDirectory(caseDirectory(QStringLiteral("central")))));
        QList<JhEvent> events;
        QVERIFY(store.eventsAfter(0, 100000, events));
        QHash<QString, int> perCommand;
        for (const JhEvent &event : events)
            ++perCommand[event.commandId];
        for (const QString &id : ids)
            QCOMPARE(perCommand.value(id), 1);
    }
};

QTEST_GUILESS_MAIN(TestJianghaiCli)
#include "tst_jianghaicli.moc"
