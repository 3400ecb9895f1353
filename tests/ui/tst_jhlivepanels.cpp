// The live panels against the real jianghai-central: an alarm from a logger packet in the table within 2 s
// (and one tone), acknowledge from one workstation seen in another's, a viewer's buttons disabled, the
// station detail with the value and a chart of the stored points; grabs PNGs when JH_GRAB_DIR is set.
#include "../central/centraltestsupport.h"
#include "../client/centralprocess.h"

#include "jhalarmcommanddialog.h"
#include "jhalarmpanel.h"
#include "jhalarmsoundplayer.h"
#include "jhalarmtablemodel.h"
#include "jhdockregistry.h"
#include "jhfactorchartview.h"
#include "jhlanguage.h"
#include "jhlivepanels.h"
#include "jhscenario.h"
#include "jhsitedetailpanel.h"
#include "jhsitesearchbox.h"
#include "jhsyncclient.h"

#include <QApplication>
#include <QCompleter>
#include <QDockWidget>
#include <QLabel>
#include <QMainWindow>
#include <QPlainTextEdit>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolButton>
#include <QtTest>

#include <memory>

namespace {
//! Counts the tones instead of playing them.
class CountingPlayer : public JhAlarmSoundPlayer
{
public:
    void play(JhAlarmLevel level) override { played.append(level); }
    QList<JhAlarmLevel> played;
};

void grab(QWidget *widget, const QString &name)
{
    const QString folder = qEnvironmentVariable("JH_GRAB_DIR");
    if (folder.isEmpty())
        return;
    QDir().mkpath(folder);
    widget->grab().save(QDir(folder).filePath(name));
}
} // namespace

class TestJhLivePanels : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir mFolder;
    JhScenario mScenario;
    std::unique_ptr<JhCentralProcess> mCentral;

    JhClientConfig config(const QString &token, const QString &name) const
    {
        JhClientConfig config;
        config.urls = QStringList{mCentral->url()};
        config.token = token;
        config.clientName = QStringLiteral("tst_jhlivepanels");
        config.dataDirectory = mFolder.filePath(name);
        config.initialBackoffMs = 100;
        config.maxBackoffMs = 800;
        return config;
    }
    static bool waitLive(JhSyncClient &client)
    {
        return JhCentralProcess::waitFor(
            [&client]() { return client.connectionStatus().state == JhConnectionState::Live; }, 15000);
    }
    const JhSite &airSite() const
    {
        for (const JhSite &site : mScenario.sites())
            if (site.isAir() && site.factorCodes.contains(QStringLiteral("a34004")))
                return site;
        return mScenario.sites().first();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(mFolder.isValid());
        // The panels as a duty officer sees them: in Chinese (the catalogue is built before this test).
        QString error;
        QVERIFY2(JhLanguage::install(QStringLiteral("zh_CN"), &error), qPrintable(error));
        QVERIFY(mScenario.load(QStringLiteral(JH_SOURCE_DIR "/resources/scenario/nantong-scenario.json")));
        mCentral = std::make_unique<JhCentralProcess>(mFolder.filePath(QStringLiteral("central")));
        QVERIFY(mCentral->start());
    }
    void cleanupTestCase() { mCentral.reset(); }

    void alarmsAcrossWorkstationsAndTheStationDetail()
    {
        JhSyncClient dutyA(config(QStringLiteral("demo-duty"), QStringLiteral("a")));
        JhSyncClient dutyB(config(QStringLiteral("demo-duty"), QStringLiteral("b")));
        JhSyncClient viewer(config(QStringLiteral("demo-viewer"), QStringLiteral("viewer")));
        dutyA.start();
        dutyB.start();
        viewer.start();
        QVERIFY(waitLive(dutyA));
        QVERIFY(waitLive(dutyB));
        QVERIFY(waitLive(viewer));

        QMainWindow window;
        window.resize(1500, 900);
        JhDockRegistry registry(&window);
        CountingPlayer player;
        const JhLivePanels panels = JhLivePanels::registerDocks(&registry, &dutyA, &player);
        QVERIFY(panels.alarms && panels.siteDetail && panels.search && panels.alarmsDock);
        QCOMPARE(registry.dock(JhLivePanels::alarmsDockId()), panels.alarmsDock);
        CountingPlayer playerB;
        JhAlarmPanel panelB(&dutyB, &playerB);
        JhAlarmPanel viewerPanel(&viewer, nullptr);
        window.show();
        panelB.resize(1100, 400);
        panelB.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const int catchUpTones = player.played.size();

        // Hourly values of the last hours, then a fault packet (flag D) now.
        const JhSite &site = airSite();
        const QByteArray factor = QByteArrayLiteral("a34004");
        TestLogger logger(mCentral->hj212Port());
        QVERIFY(JhCentralProcess::waitFor([&logger]() { return logger.isConnected(); }));
        const QDateTime now = QDateTime::currentDateTimeUtc().toOffsetFromUtc(8 * 3600);
        const QDateTime hour0 =
            QDateTime(now.date(), QTime(now.time().hour(), 0), Qt::OffsetFromUTC, now.offsetFromUtc());
        const int hours = 6;
        for (int i = hours; i >= 1; --i) {
            const QByteArray time =
                hour0.addSecs(-3600 * i).toString(QStringLiteral("yyyyMMddHHmmss")).toLatin1();
            logger.send(
                makePacket(site.mn.toLatin1(), site.password.toLatin1(), 2061, time + "001", 5, time,
                           {{factor + "-Avg", QByteArray::number(20 + 5 * i)}, {factor + "-Flag", "N"}}));
        }
        const QByteArray time = now.toString(QStringLiteral("yyyyMMddHHmmss")).toLatin1();
        QElapsedTimer elapsed;
        elapsed.start();
        logger.send(makePacket(site.mn.toLatin1(), site.password.toLatin1(), 2011, time + "000", 5, time,
                               {{factor + "-Rtd", "12"}, {factor + "-Flag", "D"}}));
        auto faultAlarmId = [&](JhSyncClient &client) {
            for (const JhAlarm &alarm : client.state().alarms())
                if (alarm.siteId == site.id && alarm.ruleId == QLatin1String("data.flag") && alarm.isActive())
                    return alarm.id;
            return QString();
        };
        QVERIFY(JhCentralProcess::waitFor([&]() { return !faultAlarmId(dutyA).isEmpty(); }, 5000));
        const QString alarmId = faultAlarmId(dutyA);
        QVERIFY(
            JhCentralProcess::waitFor([&]() { return panels.alarms->model()->rowOf(alarmId) >= 0; }, 2000));
        QVERIFY2(elapsed.elapsed() <= 2000, qPrintable(QString::number(elapsed.elapsed())));
        QVERIFY(panels.alarms->selectAlarm(alarmId));
        QCOMPARE(panels.alarms->currentAlarmId(), alarmId);
        // A live alarm.opened sounds once, at its level (D: warning); the catch-up at start did not.
        QCOMPARE(catchUpTones, 0);
        QVERIFY(JhCentralProcess::waitFor([&]() { return player.played.size() == 1; }, 2000));
        QCOMPARE(player.played.first(), JhAlarmLevel::Warning);
        QVERIFY(panels.alarms->countsLabel()->text().contains(QStringLiteral("未确认 1")));

        // Selecting the alarm showed its site in the detail; the chart comes from a series query.
        QCOMPARE(panels.siteDetail->siteId(), site.id);
        QVERIFY(JhCentralProcess::waitFor([&]() {
            const JhSiteStatus *status = dutyA.siteStatus(site.id);
            return status && status->state == JhSiteState::Fault;
        }));
        panels.siteDetail->showSite(site.id);
        QVERIFY(JhCentralProcess::waitFor([&]() { return !panels.siteDetail->isLoading(); }, 5000));
        QTableWidget *values = panels.siteDetail->factorTable();
        bool sawValue = false;
        for (int row = 0; row < values->rowCount(); ++row)
            if (values->item(row, 1)->text().startsWith(QStringLiteral("12")) &&
                values->item(row, 3)->text() == QStringLiteral("D 设备故障"))
                sawValue = true;
        QVERIFY2(sawValue, "the fault value 12 with flag D is in the latest values");
        JhFactorChartView *chart = nullptr;
        for (JhFactorChartView *view : panels.siteDetail->charts())
            if (view->objectName() == QStringLiteral("chart-a34004"))
                chart = view;
        QVERIFY2(chart, qPrintable(panels.siteDetail->chartStatusLabel()->text()));
        QCOMPARE(chart->pointCount(), hours);

        // The viewer sees the alarm but may not act on it.
        QVERIFY(JhCentralProcess::waitFor([&]() { return viewerPanel.model()->rowOf(alarmId) >= 0; }));
        QVERIFY(viewerPanel.selectAlarm(alarmId));
        QVERIFY(!viewerPanel.acknowledgeButton()->isEnabled());
        QVERIFY(!viewerPanel.escalateButton()->isEnabled());
        QVERIFY(!viewerPanel.closeButton()->isEnabled());

        // Acknowledge from A through the button and its dialog; B shows 已确认.
        QVERIFY(panels.alarms->acknowledgeButton()->isEnabled());
        QTimer::singleShot(100, this, []() {
            auto *dialog = qobject_cast<JhAlarmCommandDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            dialog->noteEdit()->setPlainText(QStringLiteral("已通知运维核查"));
            grab(dialog, QStringLiteral("acknowledge-dialog.png"));
            dialog->accept();
        });
        panels.alarms->acknowledgeButton()->click();
        JhAlarmTableModel *modelA = panels.alarms->model();
        const int rowA = modelA->rowOf(alarmId);
        QVERIFY(JhCentralProcess::waitFor([&]() {
            return modelA->index(rowA, 0).data(JhAlarmTableModel::CommandStatusRole).toInt() ==
                   int(JhAlarmTableModel::CommandStatus::Accepted);
        }));
        QCOMPARE(dutyA.state().alarm(alarmId)->note, QStringLiteral("已通知运维核查"));
        JhAlarmTableModel *modelB = panelB.model();
        QVERIFY(JhCentralProcess::waitFor([&]() {
            const int row = modelB->rowOf(alarmId);
            return row >= 0 && modelB->index(row, JhAlarmTableModel::StateColumn).data().toString() ==
                                   QStringLiteral("已确认");
        }));
        QVERIFY(!panels.alarms->acknowledgeButton()->isEnabled()); // already acknowledged
        QVERIFY(panels.alarms->escalateButton()->isEnabled());

        // A second acknowledge from B is refused by central; the reason shows in Chinese.
        const QString refused =
            panelB.submitCommand(JhCommandType::AcknowledgeAlarm, {{QStringLiteral("alarmId"), alarmId}});
        QVERIFY(!refused.isEmpty());
        QVERIFY(JhCentralProcess::waitFor([&]() {
            return modelB->index(modelB->rowOf(alarmId), 0)
                       .data(JhAlarmTableModel::CommandStatusRole)
                       .toInt() == int(JhAlarmTableModel::CommandStatus::Refused);
        }));
        QVERIFY(!panelB.statusLabel()->text().isEmpty());

        // Escalate from A: the dialog comes prefilled (title, type from the site kind, level from the alarm).
        QString prefilledTitle;
        QTimer::singleShot(100, this, [&prefilledTitle]() {
            auto *dialog = qobject_cast<JhAlarmCommandDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            prefilledTitle = dialog->titleEdit()->text();
            grab(dialog, QStringLiteral("escalate-dialog.png"));
            dialog->accept();
        });
        panels.alarms->escalateButton()->click();
        QVERIFY(prefilledTitle.contains(site.name));
        QVERIFY(JhCentralProcess::waitFor([&]() {
            const JhAlarm *alarm = dutyB.state().alarm(alarmId);
            return alarm && alarm->state == JhAlarmState::Escalated && !alarm->incidentId.isEmpty();
        }));
        const JhIncident *incident = dutyA.state().incident(dutyB.state().alarm(alarmId)->incidentId);
        QVERIFY(JhCentralProcess::waitFor(
            [&]() { return dutyA.state().incident(dutyB.state().alarm(alarmId)->incidentId) != nullptr; }));
        incident = dutyA.state().incident(dutyB.state().alarm(alarmId)->incidentId);
        QCOMPARE(incident->type, JhIncidentType::AirPollution);
        QCOMPARE(incident->level, JhIncidentLevel::IV);
        QVERIFY(JhCentralProcess::waitFor([&]() {
            return modelB->index(modelB->rowOf(alarmId), JhAlarmTableModel::StateColumn).data().toString() ==
                   QStringLiteral("已升级");
        }));
        QVERIFY(panelB.countsLabel()->text().contains(QStringLiteral("已升级 1")));

        // Silence is visible and holds back tones; acknowledging did not silence.
        QVERIFY(!panels.alarms->isSilenced());
        panels.alarms->silenceFor(15);
        QVERIFY(panels.alarms->isSilenced());
        QVERIFY(panels.alarms->silenceLabel()->isVisible());
        QVERIFY(panels.alarms->silenceLabel()->text().contains(
            panels.alarms->silencedUntil().toOffsetFromUtc(8 * 3600).toString(QStringLiteral("HH:mm"))));

        // The search finds the site by part of its MN.
        QCOMPARE(panels.search->findSite(site.mn.right(8)), site.id);

        panels.alarmsDock->resize(1100, 360);
        QTest::qWait(200);
        grab(panels.alarms, QStringLiteral("alarms-duty.png"));
        grab(&viewerPanel, QStringLiteral("alarms-viewer.png"));
        panels.siteDetail->resize(560, 1200);
        QTest::qWait(200);
        grab(panels.siteDetail, QStringLiteral("site-detail.png"));
        grab(&window, QStringLiteral("window.png"));
    }
};

QTEST_MAIN(TestJhLivePanels)
#include "tst_jhlivepanels.moc"
