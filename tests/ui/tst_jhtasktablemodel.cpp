// Tests of the tasks table: rows, states in Chinese, the own team first, in-place updates from a change's
// ids.
#include "dispatchtestsupport.h"
#include "jhtasktablemodel.h"

#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QtTest>

class TestJhTaskTableModel : public QObject
{
    Q_OBJECT

private slots:
    void rowsFollowTheEvents()
    {
        JhDispatchWorld world;
        world.run(world.coordinator, JhCommandType::CreateIncident,
                  {{"title", "海门 化工企业泄漏"},
                   {"type", "chemical-leak"},
                   {"level", "III"},
                   {"longitude", 121.2},
                   {"latitude", 31.9}});
        JhTaskTableModel model;
        model.resetFrom(world.state());
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);

        model.applyChange(
            world.state(),
            world.run(world.coordinator, JhCommandType::AssignTask,
                      {{"incidentId", "INC-000001"}, {"teamId", "rudong"}, {"title", "下游断面加密监测"}}));
        model.applyChange(world.state(), world.run(world.coordinator, JhCommandType::AssignTask,
                                                   {{"incidentId", "INC-000001"},
                                                    {"teamId", "haimen"},
                                                    {"title", "现场采样"},
                                                    {"instructions", "携带便携式气相色谱仪"}}));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(inserts.count(), 2);
        const int row = model.rowOf(QStringLiteral("TSK-000002"));
        auto cell = [&model](int r, int column) { return model.index(r, column).data().toString(); };
        QCOMPARE(cell(row, JhTaskTableModel::TeamColumn), QStringLiteral("海门站"));
        QCOMPARE(cell(row, JhTaskTableModel::IncidentColumn), QStringLiteral("INC-000001 海门 化工企业泄漏"));
        QCOMPARE(cell(row, JhTaskTableModel::StateColumn), QStringLiteral("已下达"));
        QVERIFY(model.index(row, 0)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("便携式气相色谱仪")));

        // The team's own task sorts first for a county-team user.
        model.setOwnTeam(QStringLiteral("haimen"));
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(JhTaskTableModel::SortRole);
        proxy.sort(JhTaskTableModel::IdColumn);
        QCOMPARE(proxy.index(0, 0).data(JhTaskTableModel::TaskIdRole).toString(),
                 QStringLiteral("TSK-000002"));

        // Each step changes the row in place.
        const QStringList expected = {QStringLiteral("已接收"), QStringLiteral("在途"),
                                      QStringLiteral("已到场"), QStringLiteral("已完成")};
        const QList<QPair<JhCommandType, QJsonObject>> steps = {
            {JhCommandType::AcceptTask, {{"taskId", "TSK-000002"}}},
            {JhCommandType::UpdateTask, {{"taskId", "TSK-000002"}, {"state", "en-route"}}},
            {JhCommandType::UpdateTask,
             {{"taskId", "TSK-000002"}, {"state", "on-site"}, {"text", "已到达厂区"}}},
            {JhCommandType::CompleteTask, {{"taskId", "TSK-000002"}, {"text", "采样完成"}}}};
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
        for (int i = 0; i < steps.size(); ++i) {
            JhCommandResult result;
            model.applyChange(world.state(),
                              world.run(world.haimen, steps.at(i).first, steps.at(i).second, &result));
            QVERIFY2(result.isOk(), qPrintable(result.messageEn));
            QCOMPARE(cell(row, JhTaskTableModel::StateColumn), expected.at(i));
        }
        QCOMPARE(changes.count(), steps.size());
        QCOMPARE(cell(row, JhTaskTableModel::UpdatedColumn), QStringLiteral("2026-07-01 10:07"));

        // Renaming the incident refreshes its tasks' incident column.
        model.applyChange(world.state(),
                          world.run(world.coordinator, JhCommandType::UpdateIncident,
                                    {{"incidentId", "INC-000001"}, {"title", "海门 危化品泄漏"}}));
        QCOMPARE(cell(row, JhTaskTableModel::IncidentColumn), QStringLiteral("INC-000001 海门 危化品泄漏"));

        // The county team may not act on another team's task: central's handler refuses it.
        JhCommandResult refused;
        world.run(world.haimen, JhCommandType::AcceptTask, {{"taskId", "TSK-000001"}}, &refused);
        QCOMPARE(refused.error, JhDomainError::OutOfScope);
        QCOMPARE(resets.count(), 0);
    }
};

QTEST_MAIN(TestJhTaskTableModel)
#include "tst_jhtasktablemodel.moc"
