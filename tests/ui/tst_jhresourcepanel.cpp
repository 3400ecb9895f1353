// The 应急物资 dock against the real jianghai-central: the coordinator opens an incident, reserves 10 oil
// booms at 海门 through the dialog and dispatches 5; a second workstation's table follows; a county team may
// not touch another county's depot (buttons disabled, and central refuses a direct command in Chinese).
#include "../client/centralprocess.h"

#include "jhdockregistry.h"
#include "jhdomainerror.h"
#include "jhenumnames.h"
#include "jhinventorycommanddialog.h"
#include "jhinventoryfilterproxymodel.h"
#include "jhinventorytablemodel.h"
#include "jhlanguage.h"
#include "jhresourcepanel.h"
#include "jhresourcepanels.h"
#include "jhsyncclient.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolButton>
#include <QtTest>

#include <memory>

class TestJhResourcePanel : public QObject
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
        config.clientName = QStringLiteral("tst_jhresourcepanel");
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
    static QString cell(JhResourcePanel &panel, const QString &depotId, const QString &itemCode, int column)
    {
        const int row = panel.model()->rowOf(depotId, itemCode);
        return panel.model()->index(row, column).data().toString();
    }
    static int commandStatus(JhResourcePanel &panel, const QString &depotId, const QString &itemCode)
    {
        const int row = panel.model()->rowOf(depotId, itemCode);
        return panel.model()->index(row, 0).data(JhInventoryTableModel::CommandStatusRole).toInt();
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

    void reserveAndDispatchAcrossWorkstations()
    {
        JhSyncClient coordinator(config(QStringLiteral("demo-coordinator"), QStringLiteral("coordinator")));
        JhSyncClient viewer(config(QStringLiteral("demo-viewer"), QStringLiteral("viewer")));
        coordinator.start();
        viewer.start();
        QVERIFY(waitLive(coordinator));
        QVERIFY(waitLive(viewer));

        QMainWindow window;
        window.resize(1500, 600);
        JhDockRegistry registry(&window);
        const JhResourcePanels panels = JhResourcePanels::registerDock(&registry, &coordinator);
        QVERIFY(panels.panel && panels.dock);
        QCOMPARE(registry.dock(JhResourcePanels::dockId()), panels.dock);
        JhResourcePanel &panel = *panels.panel;
        JhResourcePanel viewerPanel(&viewer);
        viewerPanel.resize(1500, 500);
        window.show();
        viewerPanel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        const QString depot = QStringLiteral("DEP-haimen");
        const QString boom = QStringLiteral("oil-boom");
        const JhInventoryItem *start = coordinator.state().depot(depot)->item(boom);
        QVERIFY(start);
        const double quantity = start->quantity;
        const double reserved = start->reserved;
        QVERIFY(panel.model()->rowCount() >= 6);
        QCOMPARE(panel.model()->rowCount(), viewerPanel.model()->rowCount());
        QVERIFY(panel.countsLabel()->text().contains(QStringLiteral("低库存")));

        // An incident from the coordinator's client.
        const QString title =
            QStringLiteral("海门 危化品运输车泄漏 %1").arg(QDateTime::currentMSecsSinceEpoch());
        coordinator.submit(JhCommandType::CreateIncident, {{"title", title},
                                                           {"type", "chemical-leak"},
                                                           {"level", "III"},
                                                           {"longitude", 121.2},
                                                           {"latitude", 31.9},
                                                           {"countyCode", 320614}});
        QString incidentId;
        QVERIFY(JhCentralProcess::waitFor([&]() {
            for (const JhIncident &incident : coordinator.state().incidents())
                if (incident.title == title)
                    incidentId = incident.id;
            return !incidentId.isEmpty();
        }));

        // Reserve 10 through the button and its dialog.
        QVERIFY(panel.selectLine(depot, boom));
        QCOMPARE(panel.currentDepotId(), depot);
        QVERIFY(panel.adjustButton()->isEnabled());
        QVERIFY(panel.reserveButton()->isEnabled());
        QVERIFY(panel.dispatchButton()->isEnabled());
        bool dialogSeen = false;
        QTimer::singleShot(100, this, [&]() {
            auto *dialog = qobject_cast<JhInventoryCommandDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            dialogSeen = true;
            dialog->amountBox()->setValue(10);
            dialog->incidentBox()->setCurrentIndex(dialog->incidentBox()->findData(incidentId));
            dialog->accept();
        });
        panel.reserveButton()->click();
        QVERIFY(dialogSeen);
        QVERIFY(JhCentralProcess::waitFor([&]() {
            return commandStatus(panel, depot, boom) == int(JhInventoryTableModel::CommandStatus::Accepted);
        }));
        QVERIFY2(panel.statusLabel()->text().contains(JhEnumNames::labelZh(JhCommandType::ReserveInventory)),
                 qPrintable(panel.statusLabel()->text()));
        // The second workstation shows the reservation.
        const QString reservedText = QString::number(reserved + 10, 'g', 12);
        QVERIFY(JhCentralProcess::waitFor([&]() {
            return cell(viewerPanel, depot, boom, JhInventoryTableModel::ReservedColumn) == reservedText;
        }));
        QVERIFY(cell(viewerPanel, depot, boom, JhInventoryTableModel::LastChangeColumn)
                    .contains(QStringLiteral("coordinator")));
        const int viewerRow = viewerPanel.model()->rowOf(depot, boom);
        QVERIFY(viewerPanel.model()
                    ->index(viewerRow, JhInventoryTableModel::ReservedColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(incidentId));

        // Dispatch 5 for the incident: from its reservation.
        panel.submitCommand(
            JhCommandType::DispatchInventory,
            {{"depotId", depot}, {"itemCode", boom}, {"quantity", 5}, {"incidentId", incidentId}});
        const QString quantityText = QString::number(quantity - 5, 'g', 12);
        const QString reservedAfter = QString::number(reserved + 5, 'g', 12);
        QVERIFY(JhCentralProcess::waitFor([&]() {
            return cell(viewerPanel, depot, boom, JhInventoryTableModel::QuantityColumn) == quantityText &&
                   cell(viewerPanel, depot, boom, JhInventoryTableModel::ReservedColumn) == reservedAfter;
        }));
        QVERIFY(JhCentralProcess::waitFor([&]() {
            return commandStatus(panel, depot, boom) == int(JhInventoryTableModel::CommandStatus::Accepted);
        }));

        // The viewer may look, not act.
        QVERIFY(viewerPanel.selectLine(depot, boom));
        QVERIFY(!viewerPanel.adjustButton()->isEnabled());
        QVERIFY(!viewerPanel.reserveButton()->isEnabled());
        QVERIFY(!viewerPanel.releaseButton()->isEnabled());
        QVERIFY(!viewerPanel.dispatchButton()->isEnabled());
        // The coordinator may release what the incident still holds.
        QVERIFY(panel.releaseButton()->isEnabled());

        // The filters on live data.
        viewerPanel.searchEdit()->setText(QStringLiteral("海门 围油栏"));
        QCOMPARE(viewerPanel.proxy()->rowCount(), 1);
        viewerPanel.searchEdit()->clear();
        viewerPanel.depotFilter()->setCurrentIndex(viewerPanel.depotFilter()->findData(depot));
        QCOMPARE(viewerPanel.proxy()->rowCount(), coordinator.state().depot(depot)->inventory.size());
        viewerPanel.depotFilter()->setCurrentIndex(0);
        QVERIFY(viewerPanel.selectLine(depot, boom));

        // Reserving 300 of 海门's 500 kg of felt (minimum 250) makes a low-stock line in both tables.
        const QString felt = QStringLiteral("oil-absorbent-felt");
        const int lowBefore = viewerPanel.model()->lowStockCount();
        panel.submitCommand(
            JhCommandType::ReserveInventory,
            {{"depotId", depot}, {"itemCode", felt}, {"quantity", 300}, {"incidentId", incidentId}});
        QVERIFY(JhCentralProcess::waitFor(
            [&]() { return viewerPanel.model()->lowStockCount() == lowBefore + 1; }));
        const int feltRow = viewerPanel.model()->rowOf(depot, felt);
        QVERIFY(viewerPanel.model()->index(feltRow, 0).data(JhInventoryTableModel::LowStockRole).toBool());
        QVERIFY2(viewerPanel.countsLabel()->text().contains(QStringLiteral("低库存 %1").arg(lowBefore + 1)),
                 qPrintable(viewerPanel.countsLabel()->text()));
        viewerPanel.lowStockOnlyBox()->setChecked(true);
        QCOMPARE(viewerPanel.proxy()->rowCount(), lowBefore + 1);
        viewerPanel.lowStockOnlyBox()->setChecked(false);
        viewerPanel.depotFilter()->setCurrentIndex(viewerPanel.depotFilter()->findData(depot));
        viewerPanel.view()->clearSelection();
        viewerPanel.view()->scrollToTop();

        QTest::qWait(100);
        const QString folder = qEnvironmentVariable("JH_GRAB_DIR");
        if (!folder.isEmpty()) {
            QDir().mkpath(folder);
            viewerPanel.grab().save(QDir(folder).filePath(QStringLiteral("resource-panel.png")));
        }
    }

    void countyTeamOnlyAtItsOwnDepot()
    {
        JhSyncClient team(config(QStringLiteral("demo-team-haimen"), QStringLiteral("team-haimen")));
        team.start();
        QVERIFY(waitLive(team));
        QVERIFY(JhCentralProcess::waitFor([&]() { return team.user().role == JhRole::CountyTeam; }));
        JhResourcePanel panel(&team);
        panel.resize(1400, 500);
        panel.show();
        const QString boom = QStringLiteral("oil-boom");

        // Another county's depot: nothing enabled.
        QVERIFY(panel.selectLine(QStringLiteral("DEP-city"), boom));
        QVERIFY(!panel.adjustButton()->isEnabled());
        QVERIFY(!panel.dispatchButton()->isEnabled());
        QVERIFY(!panel.reserveButton()->isEnabled());
        QVERIFY(!panel.releaseButton()->isEnabled());
        // Its own depot: adjust and dispatch; reserving stays the coordinator's.
        QVERIFY(panel.selectLine(QStringLiteral("DEP-haimen"), boom));
        QVERIFY(panel.adjustButton()->isEnabled());
        QVERIFY(panel.dispatchButton()->isEnabled());
        QVERIFY(!panel.reserveButton()->isEnabled());

        // A direct command for the city depot is refused by central, with its Chinese reason in the row and
        // the status line; the stock is unchanged.
        const double before = team.state().depot(QStringLiteral("DEP-city"))->item(boom)->quantity;
        panel.submitCommand(JhCommandType::AdjustInventory,
                            {{"depotId", "DEP-city"}, {"itemCode", boom}, {"delta", -1}, {"reason", "试探"}});
        QVERIFY(JhCentralProcess::waitFor([&]() {
            return commandStatus(panel, QStringLiteral("DEP-city"), boom) ==
                   int(JhInventoryTableModel::CommandStatus::Refused);
        }));
        const QString reason = JhDomainErrors::messageZh(JhDomainError::OutOfScope);
        QVERIFY2(panel.statusLabel()->text().contains(reason), qPrintable(panel.statusLabel()->text()));
        QVERIFY(cell(panel, QStringLiteral("DEP-city"), boom, JhInventoryTableModel::CommandColumn)
                    .contains(reason));
        QCOMPARE(team.state().depot(QStringLiteral("DEP-city"))->item(boom)->quantity, before);

        // Its own depot: accepted.
        panel.submitCommand(
            JhCommandType::AdjustInventory,
            {{"depotId", "DEP-haimen"}, {"itemCode", boom}, {"delta", 7}, {"reason", "到货"}});
        QVERIFY(JhCentralProcess::waitFor([&]() {
            return commandStatus(panel, QStringLiteral("DEP-haimen"), boom) ==
                   int(JhInventoryTableModel::CommandStatus::Accepted);
        }));
    }
};

QTEST_MAIN(TestJhResourcePanel)
#include "tst_jhresourcepanel.moc"
