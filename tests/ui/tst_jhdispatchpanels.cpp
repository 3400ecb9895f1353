// The dispatch panels against the real jianghai-central: the coordinator opens two incidents and assigns a
// task to 海门; the 海门 team sees it, accepts and completes it; the coordinator's table shows 已完成; a team
// cannot act on another team's task (button disabled, central refuses). Grabs PNGs when JH_GRAB_DIR is set.
#include "../client/centralprocess.h"

#include "jhdispatchpanels.h"
#include "jhdockregistry.h"
#include "jhincidentdialog.h"
#include "jhincidentpanel.h"
#include "jhincidenttablemodel.h"
#include "jhlanguage.h"
#include "jhsyncclient.h"
#include "jhtaskdialog.h"
#include "jhtaskpanel.h"
#include "jhtasktablemodel.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QPlainTextEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolButton>
#include <QtTest>

#include <functional>
#include <memory>

namespace {
void grab(QWidget *widget, const QString &name)
{
    const QString folder = qEnvironmentVariable("JH_GRAB_DIR");
    if (folder.isEmpty())
        return;
    QDir().mkpath(folder);
    widget->grab().save(QDir(folder).filePath(name));
}

//! Fills the next modal dialog of type T with \a fill and accepts it; polls, so a slow machine that opens the
//! dialog late is not a failure.
template <typename T>
void answerDialog(QObject *context, const std::function<void(T *)> &fill, int attempts = 200)
{
    QTimer::singleShot(50, context, [context, fill, attempts]() {
        auto *dialog = qobject_cast<T *>(QApplication::activeModalWidget());
        if (!dialog) {
            if (attempts > 0)
                answerDialog<T>(context, fill, attempts - 1);
            return;
        }
        fill(dialog);
        dialog->accept();
    });
}
} // namespace

class TestJhDispatchPanels : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir mFolder;
    std::unique_ptr<JhCentralProcess> mCentral;

    JhClientConfig config(const QString &token, const QString &name) const
    {
        JhClientConfig config;
        config.urls = QStringList{mCentral->url()};
        config.token = token;
        config.clientName = QStringLiteral("tst_jhdispatchpanels");
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
    static QString cell(JhTaskPanel *panel, const QString &taskId, int column)
    {
        const int row = panel->model()->rowOf(taskId);
        return row < 0 ? QString() : panel->model()->index(row, column).data().toString();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(mFolder.isValid());
        QString error;
        QVERIFY2(JhLanguage::install(QStringLiteral("zh_CN"), &error), qPrintable(error));
        mCentral = std::make_unique<JhCentralProcess>(mFolder.filePath(QStringLiteral("central")));
        QVERIFY(mCentral->start());
    }
    void cleanupTestCase() { mCentral.reset(); }

    void coordinatorAndCountyTeam()
    {
        JhSyncClient coordinator(config(QStringLiteral("demo-coordinator"), QStringLiteral("coordinator")));
        JhSyncClient haimen(config(QStringLiteral("demo-team-haimen"), QStringLiteral("haimen")));
        coordinator.start();
        haimen.start();
        QVERIFY(waitLive(coordinator));
        QVERIFY(waitLive(haimen));
        QCOMPARE(coordinator.user().role, JhRole::EmergencyCoordinator);
        QCOMPARE(haimen.user().role, JhRole::CountyTeam);
        QCOMPARE(haimen.user().teamId, QStringLiteral("haimen"));

        QMainWindow window;
        window.resize(1600, 1000);
        JhDockRegistry registry(&window);
        const JhDispatchPanels panels = JhDispatchPanels::registerDocks(&registry, &coordinator);
        QVERIFY(panels.incidents && panels.tasks && panels.incidentsDock && panels.tasksDock);
        QCOMPARE(registry.dock(JhDispatchPanels::incidentsDockId()), panels.incidentsDock);
        QCOMPARE(registry.dock(JhDispatchPanels::tasksDockId()), panels.tasksDock);
        QCOMPARE(window.dockWidgetArea(panels.incidentsDock), Qt::RightDockWidgetArea);
        QCOMPARE(window.dockWidgetArea(panels.tasksDock), Qt::BottomDockWidgetArea);
        JhTaskPanel teamPanel(&haimen);
        window.show();
        teamPanel.resize(1100, 300);
        teamPanel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        JhIncidentPanel *incidents = panels.incidents;
        JhTaskPanel *tasks = panels.tasks;

        // Two incidents: one through the button and its dialog (position prefilled), one directly.
        QVERIFY(incidents->createButton()->isEnabled());
        incidents->setProposedLocation(121.18, 31.89);
        double prefilledLongitude = 0;
        answerDialog<JhIncidentDialog>(this, [&prefilledLongitude](JhIncidentDialog *dialog) {
            prefilledLongitude = dialog->longitudeEdit()->value();
            dialog->titleEdit()->setText(QStringLiteral("海门港 化工企业泄漏"));
            dialog->typeCombo()->setCurrentIndex(
                dialog->typeCombo()->findData(QStringLiteral("chemical-leak")));
            dialog->levelCombo()->setCurrentIndex(dialog->levelCombo()->findData(QStringLiteral("III")));
            dialog->textEdit()->setPlainText(QStringLiteral("厂区储罐泄漏，下风向有异味"));
            QComboBox *county = dialog->findChild<QComboBox *>(QStringLiteral("incidentCounty"));
            county->setCurrentIndex(county->findText(QStringLiteral("海门")));
            grab(dialog, QStringLiteral("incident-create-dialog.png"));
        });
        incidents->createButton()->click();
        QCOMPARE(prefilledLongitude, 121.18);
        incidents->submitCommand(JhCommandType::CreateIncident, {{"title", "如东近岸海域油膜"},
                                                                 {"type", "oil-spill"},
                                                                 {"level", "IV"},
                                                                 {"longitude", 121.3},
                                                                 {"latitude", 32.5}});
        QVERIFY(JhCentralProcess::waitFor([&]() { return incidents->proxy()->rowCount() == 2; }));
        QString leakId, oilId;
        for (const JhIncident &incident : coordinator.state().incidents())
            (incident.type == JhIncidentType::ChemicalLeak ? leakId : oilId) = incident.id;
        QVERIFY(!leakId.isEmpty() && !oilId.isEmpty());
        const int leakRow = incidents->model()->rowOf(leakId);
        QCOMPARE(incidents->model()->index(leakRow, JhIncidentTableModel::LevelColumn).data().toString(),
                 QStringLiteral("III 较大"));
        QCOMPARE(incidents->model()->index(leakRow, JhIncidentTableModel::TypeColumn).data().toString(),
                 QStringLiteral("危化品泄漏"));

        // Selecting the leak filters the tasks dock; assign to 海门 through the dialog, and one to 如东
        // directly.
        QSignalSpy activated(incidents, &JhIncidentPanel::incidentActivated);
        QVERIFY(incidents->selectIncident(leakId));
        QCOMPARE(activated.count(), 1);
        QCOMPARE(tasks->incidentId(), leakId);
        QVERIFY(tasks->button(JhTaskDialog::Mode::Assign)->isEnabled());
        QVERIFY(!tasks->button(JhTaskDialog::Mode::Accept)->isVisible());
        answerDialog<JhTaskDialog>(this, [&leakId](JhTaskDialog *dialog) {
            QCOMPARE(dialog->incidentCombo()->currentData().toString(), leakId);
            dialog->teamCombo()->setCurrentIndex(dialog->teamCombo()->findData(QStringLiteral("haimen")));
            dialog->titleEdit()->setText(QStringLiteral("现场采样监测"));
            dialog->textEdit()->setPlainText(QStringLiteral("携带便携式气相色谱仪，测下风向 VOCs"));
            grab(dialog, QStringLiteral("task-assign-dialog.png"));
        });
        tasks->button(JhTaskDialog::Mode::Assign)->click();
        tasks->submitCommand(JhCommandType::AssignTask,
                             {{"incidentId", oilId}, {"teamId", "rudong"}, {"title", "近岸海域油膜巡查"}});
        QVERIFY(JhCentralProcess::waitFor([&]() { return coordinator.state().tasks().size() == 2; }));
        QString haimenTask, rudongTask;
        for (const JhTask &task : coordinator.state().tasks())
            (task.teamId == QLatin1String("haimen") ? haimenTask : rudongTask) = task.id;
        QVERIFY(!haimenTask.isEmpty() && !rudongTask.isEmpty());
        QVERIFY(JhCentralProcess::waitFor([&]() { return tasks->model()->rowCount() == 2; }));
        QCOMPARE(tasks->proxy()->rowCount(), 1); // only the leak's task
        QCOMPARE(cell(tasks, haimenTask, JhTaskTableModel::StateColumn), QStringLiteral("已下达"));
        QVERIFY(JhCentralProcess::waitFor([&]() {
            return incidents->model()->index(leakRow, JhIncidentTableModel::OpenTasksColumn).data().toInt() ==
                   1;
        }));

        // Closing while the task is open: central refuses and the status line says why.
        QVERIFY(incidents->closeButton()->isEnabled());
        answerDialog<JhIncidentDialog>(this, [](JhIncidentDialog *dialog) {
            dialog->textEdit()->setPlainText(QStringLiteral("泄漏已控制"));
        });
        incidents->closeButton()->click();
        QVERIFY(JhCentralProcess::waitFor(
            [&]() { return incidents->statusLabel()->text().contains(QStringLiteral("拒绝")); }));
        QVERIFY2(incidents->statusLabel()->text().contains(QStringLiteral("事件仍有未完成的任务")),
                 qPrintable(incidents->statusLabel()->text()));
        QCOMPARE(coordinator.state().incident(leakId)->status, JhIncidentStatus::Responding);

        // The 海门 team sees its task (first), may accept it, and not the coordinator's actions.
        QVERIFY(JhCentralProcess::waitFor([&]() { return teamPanel.model()->rowOf(haimenTask) >= 0; }));
        QCOMPARE(teamPanel.proxy()->index(0, 0).data(JhTaskTableModel::TaskIdRole).toString(), haimenTask);
        QVERIFY(!teamPanel.button(JhTaskDialog::Mode::Assign)->isVisible());
        QVERIFY(!teamPanel.button(JhTaskDialog::Mode::Cancel)->isVisible());
        // Only its own task by default; with "only my team" unchecked another team's task shows, greyed, and
        // every action on it is disabled.
        QVERIFY(teamPanel.ownTeamOnlyBox()->isVisible());
        QVERIFY(JhCentralProcess::waitFor([&]() { return teamPanel.model()->rowOf(rudongTask) >= 0; }));
        QCOMPARE(teamPanel.proxy()->rowCount(), 1);
        QVERIFY(!teamPanel.selectTask(rudongTask));
        teamPanel.setOwnTeamOnly(false);
        QCOMPARE(teamPanel.proxy()->rowCount(), 2);
        QCOMPARE(teamPanel.proxy()->index(0, 0).data(JhTaskTableModel::TaskIdRole).toString(), haimenTask);
        QVERIFY(teamPanel.selectTask(rudongTask));
        for (JhTaskDialog::Mode mode : {JhTaskDialog::Mode::Accept, JhTaskDialog::Mode::EnRoute,
                                        JhTaskDialog::Mode::OnSite, JhTaskDialog::Mode::Complete})
            QVERIFY(!teamPanel.button(mode)->isEnabled());
        teamPanel.setOwnTeamOnly(true);
        const QString direct = teamPanel.submitCommand(JhCommandType::AcceptTask, {{"taskId", rudongTask}});
        QVERIFY(JhCentralProcess::waitFor([&]() {
            const JhOutboxEntry *entry = haimen.outboxEntry(direct);
            return entry && !entry->isPending();
        }));
        const JhOutboxEntry *refusal = haimen.outboxEntry(direct);
        QCOMPARE(refusal->state, JhOutboxEntry::State::Refused);
        QVERIFY2(refusal->result.error == JhDomainError::OutOfScope ||
                     refusal->result.error == JhDomainError::Forbidden ||
                     refusal->result.error == JhDomainError::TaskNotFound,
                 qPrintable(refusal->result.messageEn));
        QVERIFY(teamPanel.statusLabel()->text().contains(QStringLiteral("拒绝")));

        // Accept, en route, on site, complete with notes, each through its button.
        QVERIFY(teamPanel.selectTask(haimenTask));
        const QList<QPair<JhTaskDialog::Mode, QString>> steps = {
            {JhTaskDialog::Mode::Accept, QStringLiteral("已接收")},
            {JhTaskDialog::Mode::EnRoute, QStringLiteral("在途")},
            {JhTaskDialog::Mode::OnSite, QStringLiteral("已到场")},
            {JhTaskDialog::Mode::Complete, QStringLiteral("已完成")}};
        for (const auto &step : steps) {
            QVERIFY2(teamPanel.button(step.first)->isEnabled(), qPrintable(step.second));
            const QString note = step.first == JhTaskDialog::Mode::Complete
                                     ? QStringLiteral("采样完成，VOCs 0.8 mg/m³，已送检")
                                     : QString();
            answerDialog<JhTaskDialog>(this, [note](JhTaskDialog *dialog) {
                if (!note.isEmpty())
                    dialog->textEdit()->setPlainText(note);
            });
            teamPanel.button(step.first)->click();
            QVERIFY2(JhCentralProcess::waitFor([&]() {
                         return cell(&teamPanel, haimenTask, JhTaskTableModel::StateColumn) == step.second;
                     }),
                     qPrintable(teamPanel.statusLabel()->text()));
        }
        QVERIFY(!teamPanel.button(JhTaskDialog::Mode::Complete)->isEnabled());

        // The coordinator's table shows 已完成, the count of open tasks drops, the timeline lists the steps.
        QVERIFY(JhCentralProcess::waitFor([&]() {
            return cell(tasks, haimenTask, JhTaskTableModel::StateColumn) == QStringLiteral("已完成");
        }));
        QVERIFY(JhCentralProcess::waitFor([&]() {
            return incidents->model()->index(leakRow, JhIncidentTableModel::OpenTasksColumn).data().toInt() ==
                   0;
        }));
        QTableWidget *timeline = incidents->timeline();
        QVERIFY(timeline->rowCount() >= 6); // opened, assigned, four reports
        bool sawCompletion = false;
        for (int row = 0; row < timeline->rowCount(); ++row)
            if (timeline->item(row, 2)->text().contains(QStringLiteral("采样完成")) &&
                timeline->item(row, 1)->text() == haimen.user().id)
                sawCompletion = true;
        QVERIFY(sawCompletion);

        // Now the incident closes; it leaves the table unless closed ones are shown.
        tasks->setShowAllIncidents(true);
        QCOMPARE(tasks->proxy()->rowCount(), 2);
        panels.incidentsDock->resize(1000, 600);
        panels.tasksDock->resize(1600, 300);
        QTest::qWait(200);
        grab(&window, QStringLiteral("dispatch-window.png"));
        grab(incidents, QStringLiteral("incidents-coordinator.png"));
        grab(tasks, QStringLiteral("tasks-coordinator.png"));
        grab(&teamPanel, QStringLiteral("tasks-haimen.png"));
        incidents->submitCommand(JhCommandType::CloseIncident,
                                 {{"incidentId", leakId}, {"summary", "泄漏已控制"}});
        QVERIFY(JhCentralProcess::waitFor([&]() { return incidents->proxy()->rowCount() == 1; }));
        incidents->setShowClosed(true);
        QCOMPARE(incidents->proxy()->rowCount(), 2);
        QCOMPARE(incidents->proxy()->index(1, 0).data(JhIncidentTableModel::IncidentIdRole).toString(),
                 leakId);
    }
};

QTEST_MAIN(TestJhDispatchPanels)
#include "tst_jhdispatchpanels.moc"
