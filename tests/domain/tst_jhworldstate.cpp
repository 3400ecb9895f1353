// Tests of the event fold: replaying the log rebuilds an equal state; gaps and bad events are refused.
#include "jhcommandhandler.h"
#include "jhworldstate.h"

#include <QtTest>

namespace {
JhCountyTeam makeTeam(const QString &id, const QString &name, const QList<int> &counties)
{
    JhCountyTeam team;
    team.id = id;
    team.name = name;
    team.countyCodes = counties;
    return team;
}

const QDateTime sStart = QDateTime(QDate(2026, 3, 5), QTime(0, 0), Qt::UTC);
} // namespace

class TestJhWorldState : public QObject
{
    Q_OBJECT

private:
    static JhWorldState referenceState()
    {
        JhWorldState state;
        JhSite site;
        site.id = QStringLiteral("SRC-0001");
        site.kind = JhSiteKind::PollutionSource;
        site.countyCode = 320623;
        state.addSite(site);
        state.addTeam(makeTeam(QStringLiteral("rudong"), QStringLiteral("如东站"), {320623}));
        state.addCatalogueItem({QStringLiteral("activated-carbon"), QStringLiteral("活性炭"),
                                JhItemCategory::Material, QStringLiteral("t")});
        JhDepot depot;
        depot.id = QStringLiteral("DEP-rudong");
        depot.teamId = QStringLiteral("rudong");
        depot.inventory = {{QStringLiteral("activated-carbon"), 10, 0, 5}};
        state.addDepot(depot);
        return state;
    }

    //! Drives a small incident through the handler, storing each event with the next sequence number.
    static QList<JhEvent> buildLog()
    {
        JhWorldState state = referenceState();
        QList<JhEvent> log;
        QDateTime now = sStart;
        auto store = [&](JhEvent event) {
            event.sequence = log.size() + 1;
            log.append(event);
            if (!state.apply(event))
                qWarning() << "fold failed";
        };
        const JhUser coordinator{QStringLiteral("coordinator"), QString(), JhRole::EmergencyCoordinator,
                                 QString()};
        const JhUser team{QStringLiteral("team-rudong"), QString(), JhRole::CountyTeam,
                          QStringLiteral("rudong")};
        int counter = 0;
        auto run = [&](const JhUser &user, JhCommandType type, const QJsonObject &payload) {
            now = now.addSecs(60);
            const JhCommand command{QStringLiteral("cmd-%1").arg(++counter), type, user.id, now, payload};
            const JhCommandResult result = JhCommandHandler::handle(command, user, state, now);
            if (!result.isOk())
                qWarning() << "rejected:" << result.messageEn;
            for (const JhEvent &event : result.events)
                store(event);
            return result;
        };
        store(JhCommandHandler::alarmOpened(state, QStringLiteral("SRC-0001"), QStringLiteral("w01018"),
                                            QStringLiteral("exceedance.permit"), JhAlarmLevel::Serious, 812,
                                            QStringLiteral("COD 超许可限值"), now));
        run(coordinator, JhCommandType::EscalateAlarm, {{"alarmId", "ALM-000001"}, {"level", "IV"}});
        run(coordinator, JhCommandType::AssignTask,
            {{"incidentId", "INC-000001"}, {"teamId", "rudong"}, {"title", "采样"}});
        run(team, JhCommandType::AcceptTask, {{"taskId", "TSK-000001"}});
        run(coordinator, JhCommandType::ReserveInventory,
            {{"depotId", "DEP-rudong"},
             {"itemCode", "activated-carbon"},
             {"quantity", 4},
             {"incidentId", "INC-000001"}});
        run(team, JhCommandType::DispatchInventory,
            {{"depotId", "DEP-rudong"},
             {"itemCode", "activated-carbon"},
             {"quantity", 4},
             {"incidentId", "INC-000001"}});
        run(team, JhCommandType::SetTeamStatus, {{"teamId", "rudong"}, {"status", "busy"}});
        run(team, JhCommandType::CompleteTask, {{"taskId", "TSK-000001"}, {"text", "完成"}});
        run(coordinator, JhCommandType::CloseIncident, {{"incidentId", "INC-000001"}});
        store(JhCommandHandler::alarmClosedBySystem(QStringLiteral("ALM-000001"), QStringLiteral("恢复正常"),
                                                    now));
        return log;
    }

private slots:
    void replayRebuildsState()
    {
        const QList<JhEvent> log = buildLog();
        QCOMPARE(log.size(), 11);
        JhWorldState first = referenceState();
        JhWorldState second = referenceState();
        for (const JhEvent &event : log) {
            QString error;
            QVERIFY2(first.apply(event, &error), qPrintable(error));
            QVERIFY(second.apply(event));
        }
        QCOMPARE(first.lastSequence(), 11);
        QVERIFY(first == second);
        QCOMPARE(first.alarm(QStringLiteral("ALM-000001"))->state, JhAlarmState::Closed);
        QCOMPARE(first.incident(QStringLiteral("INC-000001"))->status, JhIncidentStatus::Closed);
        QCOMPARE(first.task(QStringLiteral("TSK-000001"))->state, JhTaskState::Completed);
        const JhInventoryItem *carbon =
            first.depot(QStringLiteral("DEP-rudong"))->item(QStringLiteral("activated-carbon"));
        QCOMPARE(carbon->quantity, 6.0);
        QCOMPARE(carbon->reserved, 0.0);
        QCOMPARE(first.team(QStringLiteral("rudong"))->status, JhTeamStatus::Busy);

        // A different history gives a different state.
        JhWorldState partial = referenceState();
        for (int i = 0; i < log.size() - 1; ++i)
            QVERIFY(partial.apply(log.at(i)));
        QVERIFY(partial != first);
    }

    void gapsAndDuplicatesAreRefused()
    {
        const QList<JhEvent> log = buildLog();
        JhWorldState state = referenceState();
        QVERIFY(state.apply(log.at(0)));
        QString error;
        QVERIFY(!state.apply(log.at(2), &error));
        QVERIFY(error.contains(QStringLiteral("does not follow")));
        QVERIFY(!state.apply(log.at(0)));
        QCOMPARE(state.lastSequence(), 1);
        QVERIFY(state.apply(log.at(1)));
        QCOMPARE(state.lastSequence(), 2);
    }

    void badEventLeavesStateUnchanged()
    {
        JhWorldState state = referenceState();
        const JhWorldState before = state;
        JhEvent event;
        event.sequence = 1;
        event.type = JhEventType::TaskAccepted;
        event.time = sStart;
        event.payload = {{"taskId", "TSK-404"}};
        QVERIFY(!state.apply(event));
        event.type = JhEventType::InventoryReserved;
        event.payload = {{"depotId", "DEP-rudong"}, {"itemCode", "nothing"}, {"quantity", 1}};
        QVERIFY(!state.apply(event));
        event.type = JhEventType::AlarmOpened;
        event.payload = {{"alarmId", "ALM-000001"}, {"level", "apocalyptic"}};
        QVERIFY(!state.apply(event));
        QVERIFY(state == before);
    }

    void unsequencedEventsDoNotMoveTheSequence()
    {
        JhWorldState state = referenceState();
        state.setLastSequence(41);
        const JhEvent event =
            JhCommandHandler::alarmOpened(state, QStringLiteral("SRC-0001"), QStringLiteral("w01018"),
                                          QStringLiteral("rule"), JhAlarmLevel::Notice, 1, QString(), sStart);
        QVERIFY(state.apply(event));
        QCOMPARE(state.lastSequence(), 41);
        QVERIFY(state.alarm(QStringLiteral("ALM-000001")));
    }

    void levelRaisedUpdatesTheAlarm()
    {
        JhWorldState state = referenceState();
        const QString site = QStringLiteral("SRC-0001");
        const QString cod = QStringLiteral("w01018");
        auto opened = [&](const QString &rule) {
            const JhEvent event =
                JhCommandHandler::alarmOpened(state, site, cod, rule, JhAlarmLevel::Warning, 620,
                                              QStringLiteral("w01018 620 mg/L，超过许可排放限值"), sStart);
            QVERIFY(state.apply(event));
        };
        opened(QStringLiteral("rule-a")); // ALM-000001: acknowledged, then raised
        opened(QStringLiteral("rule-b")); // ALM-000002: escalated, then raised
        opened(QStringLiteral("rule-c")); // ALM-000003: closed, then raised
        JhEvent event;
        event.time = sStart.addSecs(60);
        event.actor = QStringLiteral("duty");
        event.type = JhEventType::AlarmAcknowledged;
        event.payload = {{"alarmId", "ALM-000001"}, {"note", "已知悉"}};
        QVERIFY(state.apply(event));
        event.type = JhEventType::AlarmEscalated;
        event.payload = {{"alarmId", "ALM-000002"}, {"incidentId", "INC-000001"}};
        QVERIFY(state.apply(event));
        event.type = JhEventType::AlarmClosed;
        event.payload = {{"alarmId", "ALM-000003"}};
        QVERIFY(state.apply(event));

        const QDateTime raisedAt = sStart.addSecs(3600);
        for (const QString id : {"ALM-000001", "ALM-000002", "ALM-000003"}) {
            const JhEvent raised = JhCommandHandler::alarmLevelRaised(
                id, JhAlarmLevel::Warning, JhAlarmLevel::Serious, 1100, sStart.addSecs(1800),
                QStringLiteral("w01018 1100 mg/L，超过许可排放限值 500 mg/L（2.20 倍）"), raisedAt);
            QCOMPARE(raised.actor, QStringLiteral("system"));
            QString error;
            QVERIFY2(state.apply(raised, &error), qPrintable(error));
        }
        const JhAlarm *acknowledged = state.alarm(QStringLiteral("ALM-000001"));
        QCOMPARE(acknowledged->state, JhAlarmState::Open); // a worse alarm must be acknowledged again
        QCOMPARE(acknowledged->level, JhAlarmLevel::Serious);
        QCOMPARE(acknowledged->value, 1100.0);
        QVERIFY(acknowledged->message.contains(QStringLiteral("1100")));
        QCOMPARE(acknowledged->updatedAt, raisedAt);
        QCOMPARE(acknowledged->updatedBy, QStringLiteral("system"));
        QCOMPARE(acknowledged->openedAt, sStart);
        const JhAlarm *escalated = state.alarm(QStringLiteral("ALM-000002"));
        QCOMPARE(escalated->state, JhAlarmState::Escalated);
        QCOMPARE(escalated->incidentId, QStringLiteral("INC-000001"));
        QCOMPARE(escalated->level, JhAlarmLevel::Serious);
        QCOMPARE(escalated->value, 1100.0);
        // Closed meanwhile: it stays closed as it was (the stored event still folds, so replay works).
        const JhAlarm *closed = state.alarm(QStringLiteral("ALM-000003"));
        QCOMPARE(closed->state, JhAlarmState::Closed);
        QCOMPARE(closed->level, JhAlarmLevel::Warning);
        QCOMPARE(closed->value, 620.0);

        // Unknown alarm or level: refused, state unchanged.
        const JhWorldState before = state;
        JhEvent bad =
            JhCommandHandler::alarmLevelRaised(QStringLiteral("ALM-000404"), JhAlarmLevel::Warning,
                                               JhAlarmLevel::Serious, 1, sStart, QString(), raisedAt);
        QVERIFY(!state.apply(bad));
        bad.payload.insert(QStringLiteral("alarmId"), QStringLiteral("ALM-000001"));
        bad.payload.insert(QStringLiteral("level"), QStringLiteral("apocalyptic"));
        QVERIFY(!state.apply(bad));
        QVERIFY(state == before);
    }

    void idsContinueAfterRestore()
    {
        JhWorldState state = referenceState();
        JhAlarm alarm;
        alarm.id = QStringLiteral("ALM-000041");
        state.addAlarm(alarm);
        JhIncident incident;
        incident.id = QStringLiteral("INC-000007");
        state.addIncident(incident);
        QCOMPARE(state.nextAlarmId(), QStringLiteral("ALM-000042"));
        QCOMPARE(state.nextIncidentId(), QStringLiteral("INC-000008"));
        QCOMPARE(state.nextTaskId(), QStringLiteral("TSK-000001"));
    }
};

QTEST_GUILESS_MAIN(TestJhWorldState)
#include "tst_jhworldstate.moc"
