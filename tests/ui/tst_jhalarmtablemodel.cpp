// The alarms table model and its filter proxy over a JhWorldState fed directly: rows, labels, sorting,
// filters, counts, in-place updates (dataChanged, never a reset) and 5,000 alarms updating fast.
#include "jhalarmfilterproxymodel.h"
#include "jhalarmtablemodel.h"
#include "jhlivelabels.h"
#include "jhstatechange.h"
#include "jhworldstate.h"

#include <QElapsedTimer>
#include <QHeaderView>
#include <QSignalSpy>
#include <QTableView>
#include <QtTest>

namespace {
const QDateTime sNow = QDateTime(QDate(2026, 12, 4), QTime(6, 0), Qt::UTC); // 14:00 Beijing time

JhWorldState makeState(int alarms)
{
    JhWorldState state;
    JhSite air;
    air.id = QStringLiteral("AIR-1");
    air.name = QStringLiteral("城中");
    air.kind = JhSiteKind::AirNational;
    air.countyCode = 320613;
    state.addSite(air);
    JhSite water;
    water.id = QStringLiteral("WAT-1");
    water.name = QStringLiteral("姚港");
    water.kind = JhSiteKind::SurfaceWater;
    water.countyCode = 320614;
    state.addSite(water);
    state.addFactor({QStringLiteral("a34004"), QString(), QStringLiteral("PM2.5"), QStringLiteral("PM2.5"),
                     QStringLiteral("ug/m3")});
    state.addFactor({QStringLiteral("w21003"), QString(), QStringLiteral("氨氮"), QStringLiteral("Ammonia"),
                     QStringLiteral("mg/L")});
    for (int i = 0; i < alarms; ++i) {
        JhAlarm alarm;
        alarm.id = QStringLiteral("ALM-%1").arg(i + 1, 6, 10, QLatin1Char('0'));
        const bool isAir = i % 2 == 0;
        alarm.siteId = isAir ? air.id : water.id;
        alarm.factorCode = isAir ? QStringLiteral("a34004") : QStringLiteral("w21003");
        alarm.ruleId =
            isAir ? QStringLiteral("exceedance.air-iaqi") : QStringLiteral("exceedance.water-class");
        alarm.level = JhAlarmLevel(i % 3);
        alarm.state = JhAlarmState(i % 4);
        alarm.value = 10 + i;
        alarm.message = QStringLiteral("消息 %1").arg(i);
        alarm.openedAt = sNow.addSecs(-60 * (i + 1));
        alarm.updatedAt = alarm.openedAt;
        state.addAlarm(alarm);
    }
    return state;
}

QString display(const QAbstractItemModel &model, int row, int column)
{
    return model.index(row, column).data().toString();
}
} // namespace

class TestJhAlarmTableModel : public QObject
{
    Q_OBJECT

private slots:
    void rowsAndLabels()
    {
        const JhWorldState state = makeState(4);
        JhAlarmTableModel model;
        model.setNow(sNow);
        model.resetFrom(state);
        QCOMPARE(model.rowCount(), 4);
        const int row = model.rowOf(QStringLiteral("ALM-000001"));
        QCOMPARE(display(model, row, JhAlarmTableModel::TimeColumn), QStringLiteral("2026-12-04 13:59"));
        QCOMPARE(display(model, row, JhAlarmTableModel::SiteColumn), QStringLiteral("城中"));
        QCOMPARE(display(model, row, JhAlarmTableModel::CountyColumn), QStringLiteral("崇川"));
        QCOMPARE(display(model, row, JhAlarmTableModel::FactorColumn), QStringLiteral("PM2.5"));
        QCOMPARE(display(model, row, JhAlarmTableModel::ValueColumn), QStringLiteral("10 ug/m3"));
        QCOMPARE(display(model, row, JhAlarmTableModel::RuleColumn), QStringLiteral("空气质量超标"));
        QCOMPARE(display(model, row, JhAlarmTableModel::LevelColumn), QStringLiteral("提示"));
        QCOMPARE(display(model, row, JhAlarmTableModel::StateColumn), QStringLiteral("未确认"));
        QCOMPARE(display(model, row, JhAlarmTableModel::AgeColumn), QStringLiteral("1 分钟"));
        QCOMPARE(model.index(row, JhAlarmTableModel::ValueColumn).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("消息 0"));
        const int second = model.rowOf(QStringLiteral("ALM-000002"));
        QCOMPARE(display(model, second, JhAlarmTableModel::CountyColumn), QStringLiteral("海门"));
        QCOMPARE(display(model, second, JhAlarmTableModel::StateColumn), QStringLiteral("已确认"));
        QCOMPARE(display(model, second, JhAlarmTableModel::LevelColumn), QStringLiteral("预警"));
        // The age follows the injected clock.
        model.setNow(sNow.addSecs(2 * 3600));
        QCOMPARE(display(model, row, JhAlarmTableModel::AgeColumn), QStringLiteral("2 小时 1 分"));
    }

    void countsByState()
    {
        JhAlarmTableModel model;
        model.resetFrom(makeState(10)); // states cycle open, ack, escalated, closed
        QCOMPARE(model.count(JhAlarmState::Open), 3);
        QCOMPARE(model.count(JhAlarmState::Acknowledged), 3);
        QCOMPARE(model.count(JhAlarmState::Escalated), 2);
        QCOMPARE(model.count(JhAlarmState::Closed), 2);
        QCOMPARE(model.countsText(), QStringLiteral("未确认 3 · 已确认 3 · 已升级 2"));
    }

    void sortingAndFiltering()
    {
        const JhWorldState state = makeState(12);
        JhAlarmTableModel model;
        model.resetFrom(state);
        JhAlarmFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        // Closed ones are hidden by default.
        QCOMPARE(proxy.rowCount(), 9);
        proxy.sort(JhAlarmTableModel::TimeColumn, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, 0).data(JhAlarmTableModel::AlarmIdRole).toString(),
                 QStringLiteral("ALM-000001"));
        proxy.sort(JhAlarmTableModel::ValueColumn, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, 0).data(JhAlarmTableModel::AlarmIdRole).toString(),
                 QStringLiteral("ALM-000011"));
        proxy.sort(JhAlarmTableModel::LevelColumn, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, 0).data(JhAlarmTableModel::LevelRole).toInt(), int(JhAlarmLevel::Serious));

        // 海门 has the water alarms (odd indices: states acknowledged and closed in turn).
        proxy.setCountyCode(320614);
        QCOMPARE(proxy.rowCount(), 3);
        proxy.setCountyCode(0);
        proxy.setAlarmState(int(JhAlarmState::Closed));
        QCOMPARE(proxy.rowCount(), 3);
        proxy.setAlarmState(-1);
        proxy.setShowClosed(true);
        QCOMPARE(proxy.rowCount(), 12);
        proxy.setSiteKind(int(JhSiteKind::AirNational));
        QCOMPARE(proxy.rowCount(), 6);
        proxy.setRuleId(QStringLiteral("exceedance.water-class"));
        QCOMPARE(proxy.rowCount(), 0);
        proxy.setSiteKind(-1);
        QCOMPARE(proxy.rowCount(), 6);
        proxy.setLevel(int(JhAlarmLevel::Serious));
        for (int row = 0; row < proxy.rowCount(); ++row)
            QCOMPARE(proxy.index(row, 0).data(JhAlarmTableModel::LevelRole).toInt(),
                     int(JhAlarmLevel::Serious));
        QCOMPARE(proxy.rowCount(), 2);
    }

    void oneChangeUpdatesOneRowInPlace()
    {
        JhWorldState state = makeState(8);
        JhAlarmTableModel model;
        model.resetFrom(state);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy counts(&model, &JhAlarmTableModel::countsChanged);

        JhAlarm alarm = *state.alarm(QStringLiteral("ALM-000005"));
        QCOMPARE(alarm.state, JhAlarmState::Open);
        alarm.state = JhAlarmState::Acknowledged;
        alarm.note = QStringLiteral("已电话核实");
        state.addAlarm(alarm);
        JhStateChange change;
        change.alarmIds.insert(alarm.id);
        model.applyChange(state, change);
        QCOMPARE(resets.count(), 0);
        QCOMPARE(changed.count(), 1);
        const int row = model.rowOf(alarm.id);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), row);
        QCOMPARE(changed.first().at(1).toModelIndex().row(), row);
        QCOMPARE(display(model, row, JhAlarmTableModel::StateColumn), QStringLiteral("已确认"));
        QCOMPARE(counts.count(), 1);
        QCOMPARE(model.count(JhAlarmState::Open), 1);

        // A new alarm is inserted, not reset.
        JhAlarm fresh = alarm;
        fresh.id = QStringLiteral("ALM-999999");
        fresh.state = JhAlarmState::Open;
        state.addAlarm(fresh);
        JhStateChange opened;
        opened.alarmIds.insert(fresh.id);
        model.applyChange(state, opened);
        QCOMPARE(resets.count(), 0);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model.rowCount(), 9);
        // An unchanged id touches nothing.
        model.applyChange(state, opened);
        QCOMPARE(changed.count(), 1);
    }

    void commandStatusColumn()
    {
        JhAlarmTableModel model;
        model.resetFrom(makeState(2));
        const QString id = QStringLiteral("ALM-000001");
        model.setCommandStatus(id, JhAlarmTableModel::CommandStatus::Refused, QStringLiteral("告警已确认"));
        const QModelIndex index = model.index(model.rowOf(id), JhAlarmTableModel::CommandColumn);
        QCOMPARE(index.data(JhAlarmTableModel::CommandStatusRole).toInt(),
                 int(JhAlarmTableModel::CommandStatus::Refused));
        QVERIFY(index.data().toString().contains(QStringLiteral("告警已确认")));
    }

    void fiveThousandAlarmsUpdateFast()
    {
        JhWorldState state = makeState(5000);
        JhAlarmTableModel model;
        model.resetFrom(state);
        JhAlarmFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.sort(JhAlarmTableModel::TimeColumn, Qt::DescendingOrder);
        // A real view on screen (offscreen), as in the panel.
        QTableView view;
        view.setModel(&proxy);
        view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
        view.resize(1000, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QElapsedTimer timer;
        timer.start();
        // 500 batches of one event each, as a busy hour streams them.
        for (int i = 0; i < 500; ++i) {
            JhAlarm alarm = *state.alarm(QStringLiteral("ALM-%1").arg(i * 10 + 1, 6, 10, QLatin1Char('0')));
            alarm.value += 1;
            alarm.level = JhAlarmLevel::Serious;
            state.addAlarm(alarm);
            JhStateChange change;
            change.alarmIds.insert(alarm.id);
            model.applyChange(state, change);
            QCoreApplication::processEvents(); // the view repaints between batches
        }
        const qint64 elapsed = timer.elapsed();
        QCOMPARE(resets.count(), 0);
        QCOMPARE(changed.count(), 500);
        QCOMPARE(proxy.rowCount(), 3750);
        // Each batch, repaint included, well within a 60 Hz frame (the cost is the painting, not the model).
        QVERIFY2(elapsed < 500 * 10, qPrintable(QStringLiteral("%1 ms for 500 updates").arg(elapsed)));
        qInfo("500 single-alarm updates over 5,000 rows (sorted proxy, shown view): %lld ms", elapsed);
    }

    void labels()
    {
        QCOMPARE(JhLiveLabels::countyName(320685), QStringLiteral("海安"));
        QCOMPARE(JhLiveLabels::flagName(QStringLiteral("D")), QStringLiteral("设备故障"));
        QCOMPARE(JhLiveLabels::age(sNow, sNow.addSecs(3 * 86400 + 3600)), QStringLiteral("3 天 1 小时"));
        QCOMPARE(JhLiveLabels::waterClass(6), QStringLiteral("劣Ⅴ类"));
    }
};

QTEST_MAIN(TestJhAlarmTableModel)
#include "tst_jhalarmtablemodel.moc"
