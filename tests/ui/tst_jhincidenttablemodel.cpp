// Tests of the incidents table: rows, Chinese labels, counts and in-place updates from a change's ids.
#include "dispatchtestsupport.h"
#include "jhincidenttablemodel.h"

#include <QSignalSpy>
#include <QtTest>

class TestJhIncidentTableModel : public QObject
{
    Q_OBJECT

private slots:
    void rowsFollowTheEvents()
    {
        JhDispatchWorld world;
        JhIncidentTableModel model;
        model.resetFrom(world.state());
        QCOMPARE(model.rowCount(), 0);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);

        model.applyChange(world.state(), world.run(world.coordinator, JhCommandType::CreateIncident,
                                                   {{"title", "海门 化工企业泄漏"},
                                                    {"type", "chemical-leak"},
                                                    {"level", "III"},
                                                    {"longitude", 121.2},
                                                    {"latitude", 31.9},
                                                    {"countyCode", 320684}}));
        model.applyChange(world.state(), world.run(world.coordinator, JhCommandType::CreateIncident,
                                                   {{"title", "如东近岸海域油膜"},
                                                    {"type", "oil-spill"},
                                                    {"level", "IV"},
                                                    {"longitude", 121.3},
                                                    {"latitude", 32.5}}));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(inserts.count(), 2);
        const int first = model.rowOf(QStringLiteral("INC-000001"));
        QVERIFY(first >= 0);
        auto cell = [&model](int row, int column) { return model.index(row, column).data().toString(); };
        QCOMPARE(cell(first, JhIncidentTableModel::TitleColumn), QStringLiteral("海门 化工企业泄漏"));
        QCOMPARE(cell(first, JhIncidentTableModel::TypeColumn), QStringLiteral("危化品泄漏"));
        QCOMPARE(cell(first, JhIncidentTableModel::LevelColumn), QStringLiteral("III 较大"));
        QCOMPARE(cell(first, JhIncidentTableModel::StatusColumn), QStringLiteral("已立案"));
        QCOMPARE(cell(first, JhIncidentTableModel::OpenedColumn), QStringLiteral("2026-07-01 10:01"));
        QCOMPARE(cell(first, JhIncidentTableModel::OpenTasksColumn), QStringLiteral("0"));
        QCOMPARE(model.index(first, 0).data(JhIncidentTableModel::OpenRole).toString(),
                 QStringLiteral("open"));

        // A task makes the incident responding with one open task; completing it (a task-only change) moves
        // the count back.
        model.applyChange(
            world.state(),
            world.run(world.coordinator, JhCommandType::AssignTask,
                      {{"incidentId", "INC-000001"}, {"teamId", "haimen"}, {"title", "现场采样"}}));
        QCOMPARE(cell(first, JhIncidentTableModel::OpenTasksColumn), QStringLiteral("1"));
        QCOMPARE(cell(first, JhIncidentTableModel::StatusColumn), QStringLiteral("处置中"));
        JhStateChange accepted =
            world.run(world.haimen, JhCommandType::AcceptTask, {{"taskId", "TSK-000001"}});
        QVERIFY(accepted.incidentIds.isEmpty() ||
                accepted.incidentIds.contains(QStringLiteral("INC-000001")));
        model.applyChange(world.state(), accepted);
        model.applyChange(world.state(), world.run(world.haimen, JhCommandType::CompleteTask,
                                                   {{"taskId", "TSK-000001"}, {"text", "采样完成"}}));
        QCOMPARE(cell(first, JhIncidentTableModel::OpenTasksColumn), QStringLiteral("0"));

        // Closing: status and the OpenRole a proxy hides closed incidents with; level changes in place.
        model.applyChange(world.state(), world.run(world.coordinator, JhCommandType::UpdateIncident,
                                                   {{"incidentId", "INC-000002"}, {"level", "II"}}));
        QCOMPARE(cell(model.rowOf(QStringLiteral("INC-000002")), JhIncidentTableModel::LevelColumn),
                 QStringLiteral("II 重大"));
        model.applyChange(world.state(), world.run(world.coordinator, JhCommandType::CloseIncident,
                                                   {{"incidentId", "INC-000001"}, {"summary", "已处置"}}));
        QCOMPARE(cell(first, JhIncidentTableModel::StatusColumn), QStringLiteral("已结案"));
        QCOMPARE(model.index(first, 0).data(JhIncidentTableModel::OpenRole).toString(),
                 QStringLiteral("closed"));
        // Open incidents sort before closed ones.
        QVERIFY(model.index(model.rowOf(QStringLiteral("INC-000002")), 0)
                    .data(JhIncidentTableModel::SortRole)
                    .toString() < model.index(first, 0).data(JhIncidentTableModel::SortRole).toString());
        QCOMPARE(resets.count(), 0);
        QVERIFY(changes.count() >= 4);
        QCOMPARE(model.rowCount(), 2);
    }

    void aReplacedStateResets()
    {
        JhDispatchWorld world;
        world.run(
            world.coordinator, JhCommandType::CreateIncident,
            {{"title", "A"}, {"type", "other"}, {"level", "IV"}, {"longitude", 121.0}, {"latitude", 32.0}});
        JhIncidentTableModel model;
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        JhStateChange replaced;
        replaced.replaced = true;
        model.applyChange(world.state(), replaced);
        QCOMPARE(resets.count(), 1);
        QCOMPARE(model.rowCount(), 1);
    }
};

QTEST_MAIN(TestJhIncidentTableModel)
#include "tst_jhincidenttablemodel.moc"
