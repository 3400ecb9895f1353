// The inventory table model and its filter, fed from a JhWorldState: rows per depot × item, in-place updates
// from inventory events (never a reset), low-stock lines and counts, the last change per line, the filters.
#include "jhinventoryfilterproxymodel.h"
#include "jhinventorytablemodel.h"
#include "jhstatechange.h"
#include "jhworldstate.h"

#include <QSignalSpy>
#include <QtTest>

class TestJhInventoryTableModel : public QObject
{
    Q_OBJECT

private:
    JhWorldState mState;
    const QDateTime mNow = QDateTime(QDate(2026, 12, 4), QTime(6, 30), Qt::UTC);

    //! Applies one inventory event as central would store it and returns the change a client signals.
    JhStateChange apply(JhEventType type, const QJsonObject &payload, const QString &actor = "coordinator")
    {
        JhEvent event;
        event.sequence = mState.lastSequence() + 1;
        event.type = type;
        event.time = mNow;
        event.actor = actor;
        event.payload = payload;
        QString error;
        if (!mState.apply(event, &error))
            qWarning() << "event does not fold:" << error;
        JhStateChange change;
        change.note(event);
        return change;
    }
    QString cell(const JhInventoryTableModel &model, const QString &depotId, const QString &itemCode,
                 int column, int role = Qt::DisplayRole) const
    {
        return model.index(model.rowOf(depotId, itemCode), column).data(role).toString();
    }

private slots:
    void init()
    {
        mState = JhWorldState();
        JhCountyTeam haimen;
        haimen.id = QStringLiteral("haimen");
        haimen.countyCodes = {320614};
        mState.addTeam(haimen);
        JhCountyTeam city;
        city.id = QStringLiteral("city");
        city.countyCodes = {320613, 320612};
        mState.addTeam(city);
        mState.addCatalogueItem({QStringLiteral("oil-boom"), QStringLiteral("围油栏"),
                                 JhItemCategory::Material, QStringLiteral("m")});
        mState.addCatalogueItem({QStringLiteral("drone"), QStringLiteral("无人机"), JhItemCategory::Equipment,
                                 QStringLiteral("架")});
        JhDepot depot;
        depot.id = QStringLiteral("DEP-haimen");
        depot.name = QStringLiteral("海门区应急物资储备库");
        depot.teamId = QStringLiteral("haimen");
        depot.countyCode = 320614;
        depot.inventory = {{QStringLiteral("oil-boom"), 100, 0, 50, {}},
                           {QStringLiteral("drone"), 3, 0, 5, {}}};
        mState.addDepot(depot);
        JhDepot cityDepot;
        cityDepot.id = QStringLiteral("DEP-city");
        cityDepot.name = QStringLiteral("市级应急物资储备库");
        cityDepot.teamId = QStringLiteral("city");
        cityDepot.countyCode = 320613;
        cityDepot.inventory = {{QStringLiteral("oil-boom"), 800, 0, 400, {}}};
        mState.addDepot(cityDepot);
        JhIncident incident;
        incident.id = QStringLiteral("INC-000001");
        incident.title = QStringLiteral("海门 化工企业泄漏");
        mState.addIncident(incident);
    }

    void rowsFromTheState()
    {
        JhInventoryTableModel model;
        model.resetFrom(mState);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), int(JhInventoryTableModel::ColumnCount));
        const QString depot = QStringLiteral("DEP-haimen");
        const QString boom = QStringLiteral("oil-boom");
        QVERIFY(model.rowOf(depot, boom) >= 0);
        QCOMPARE(cell(model, depot, boom, JhInventoryTableModel::DepotColumn),
                 QStringLiteral("海门区应急物资储备库"));
        QCOMPARE(cell(model, depot, boom, JhInventoryTableModel::CountyColumn), QStringLiteral("海门"));
        QCOMPARE(cell(model, depot, boom, JhInventoryTableModel::ItemColumn), QStringLiteral("围油栏"));
        QCOMPARE(cell(model, depot, boom, JhInventoryTableModel::UnitColumn), QStringLiteral("m"));
        QCOMPARE(cell(model, depot, boom, JhInventoryTableModel::QuantityColumn), QStringLiteral("100"));
        QCOMPARE(cell(model, depot, boom, JhInventoryTableModel::AvailableColumn), QStringLiteral("100"));
        QCOMPARE(cell(model, depot, boom, JhInventoryTableModel::MinimumColumn), QStringLiteral("50"));
        QCOMPARE(cell(model, depot, boom, JhInventoryTableModel::LastChangeColumn), QString());
        // 3 drones against a minimum of 5: low, highlighted, counted.
        const int drone = model.rowOf(depot, QStringLiteral("drone"));
        QVERIFY(model.index(drone, 0).data(JhInventoryTableModel::LowStockRole).toBool());
        QVERIFY(model.index(drone, 0).data(Qt::BackgroundRole).isValid());
        QVERIFY(!model.index(model.rowOf(depot, boom), 0).data(Qt::BackgroundRole).isValid());
        QCOMPARE(model.lowStockCount(), 1);
        QVERIFY(model.countsText().contains(QLatin1Char('1')));
        QCOMPARE(model.index(drone, 0).data(JhInventoryTableModel::TeamIdRole),
                 QVariant(QStringLiteral("haimen")));
    }

    void updatesInPlace()
    {
        JhInventoryTableModel model;
        model.resetFrom(mState);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy counts(&model, &JhInventoryTableModel::countsChanged);
        const QString depot = QStringLiteral("DEP-haimen");
        const QString boom = QStringLiteral("oil-boom");
        const int row = model.rowOf(depot, boom);

        // Reserve 60 for the incident: available 40 < 50, the line turns low.
        model.applyChange(
            mState,
            apply(JhEventType::InventoryReserved,
                  {{"depotId", depot}, {"itemCode", boom}, {"quantity", 60}, {"incidentId", "INC-000001"}}));
        QCOMPARE(resets.count(), 0);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), row);
        QCOMPARE(changed.first().at(1).toModelIndex().row(), row);
        QCOMPARE(cell(model, depot, boom, JhInventoryTableModel::ReservedColumn), QStringLiteral("60"));
        QCOMPARE(cell(model, depot, boom, JhInventoryTableModel::AvailableColumn), QStringLiteral("40"));
        const QString tip = cell(model, depot, boom, JhInventoryTableModel::ReservedColumn, Qt::ToolTipRole);
        QVERIFY2(tip.contains(QStringLiteral("INC-000001")) &&
                     tip.contains(QStringLiteral("海门 化工企业泄漏")) && tip.contains(QStringLiteral("60")),
                 qPrintable(tip));
        QCOMPARE(model.lowStockCount(), 2);
        QCOMPARE(counts.count(), 1);
        const QString last = cell(model, depot, boom, JhInventoryTableModel::LastChangeColumn);
        QVERIFY2(last.contains(QStringLiteral("coordinator")) && last.contains(QStringLiteral("60")) &&
                     last.contains(QStringLiteral("2026-12-04 14:30")),
                 qPrintable(last));

        // Dispatch 30 for the incident: drawn from its reservation first.
        model.applyChange(mState, apply(JhEventType::InventoryDispatched, {{"depotId", depot},
                                                                           {"itemCode", boom},
                                                                           {"quantity", 30},
                                                                           {"fromReserved", 30},
                                                                           {"incidentId", "INC-000001"},
                                                                           {"taskId", ""}}));
        QCOMPARE(resets.count(), 0);
        QCOMPARE(changed.count(), 2);
        QCOMPARE(cell(model, depot, boom, JhInventoryTableModel::QuantityColumn), QStringLiteral("70"));
        QCOMPARE(cell(model, depot, boom, JhInventoryTableModel::ReservedColumn), QStringLiteral("30"));
        QCOMPARE(cell(model, depot, boom, JhInventoryTableModel::AvailableColumn), QStringLiteral("40"));

        // A county team books 20 in with a reason: available 60 ≥ 50, no longer low.
        model.applyChange(mState,
                          apply(JhEventType::InventoryAdjusted,
                                {{"depotId", depot}, {"itemCode", boom}, {"delta", 20}, {"reason", "到货"}},
                                QStringLiteral("team-haimen")));
        QCOMPARE(model.lowStockCount(), 1);
        QVERIFY(cell(model, depot, boom, JhInventoryTableModel::LastChangeColumn)
                    .contains(QStringLiteral("team-haimen")));
        QVERIFY(cell(model, depot, boom, JhInventoryTableModel::LastChangeColumn, Qt::ToolTipRole)
                    .contains(QStringLiteral("到货")));

        // An item the city depot did not stock yet: a new row at the end, the others untouched.
        const int before = changed.count();
        model.applyChange(mState, apply(JhEventType::InventoryAdjusted, {{"depotId", "DEP-city"},
                                                                         {"itemCode", "drone"},
                                                                         {"delta", 2},
                                                                         {"minimumStock", 1},
                                                                         {"reason", ""}}));
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(changed.count(), before);
        QCOMPARE(model.rowOf(QStringLiteral("DEP-city"), QStringLiteral("drone")), 3);
        QCOMPARE(resets.count(), 0);

        // A change naming no depot touches nothing.
        JhStateChange other;
        other.taskIds.insert(QStringLiteral("TSK-000001"));
        model.applyChange(mState, other);
        QCOMPARE(changed.count(), before);

        // The command column alone changes for a command's outcome.
        model.setCommandStatus(depot, boom, JhInventoryTableModel::CommandStatus::Refused,
                               QStringLiteral("库存不足"));
        QCOMPARE(changed.last().at(0).toModelIndex().column(), int(JhInventoryTableModel::CommandColumn));
        QVERIFY(cell(model, depot, boom, JhInventoryTableModel::CommandColumn)
                    .contains(QStringLiteral("库存不足")));

        // A replaced state resets once and keeps the last changes and command outcomes.
        JhStateChange replaced;
        replaced.replaced = true;
        model.applyChange(mState, replaced);
        QCOMPARE(resets.count(), 1);
        QVERIFY(cell(model, depot, boom, JhInventoryTableModel::CommandColumn)
                    .contains(QStringLiteral("库存不足")));
        QVERIFY(!cell(model, depot, boom, JhInventoryTableModel::LastChangeColumn).isEmpty());
    }

    void filters()
    {
        JhInventoryTableModel model;
        model.resetFrom(mState);
        JhInventoryFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QCOMPARE(proxy.rowCount(), 3);
        proxy.setSearchText(QStringLiteral("海门"));
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setSearchText(QStringLiteral("围油栏"));
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setSearchText(QStringLiteral("海门 围油栏"));
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setSearchText(QStringLiteral("DRONE"));
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setSearchText(QString());
        proxy.setDepotId(QStringLiteral("DEP-city"));
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, 0).data(JhInventoryTableModel::DepotIdRole).toString(),
                 QStringLiteral("DEP-city"));
        proxy.setDepotId(QString());
        proxy.setLowStockOnly(true);
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, 0).data(JhInventoryTableModel::ItemCodeRole).toString(),
                 QStringLiteral("drone"));
        // A line that turns low appears in the low-stock view as the event arrives.
        model.applyChange(mState, apply(JhEventType::InventoryReserved, {{"depotId", "DEP-city"},
                                                                         {"itemCode", "oil-boom"},
                                                                         {"quantity", 500},
                                                                         {"incidentId", "INC-000001"}}));
        QCOMPARE(proxy.rowCount(), 2);
        // Sorting by available uses the number, not the text.
        proxy.setLowStockOnly(false);
        proxy.sort(JhInventoryTableModel::AvailableColumn, Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, JhInventoryTableModel::AvailableColumn).data().toString(),
                 QStringLiteral("3"));
        QCOMPARE(proxy.index(2, JhInventoryTableModel::AvailableColumn).data().toString(),
                 QStringLiteral("300"));
    }
};

QTEST_MAIN(TestJhInventoryTableModel)
#include "tst_jhinventorytablemodel.moc"
