// Tests of command handling: role table, county scope, state checks and the events produced.
#include "jhcommandhandler.h"
#include "jhcommandvalidator.h"
#include "jhenumnames.h"
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

const QDateTime sNow = QDateTime(QDate(2026, 3, 5), QTime(8, 30), Qt::UTC);

JhUser user(const QString &id, JhRole role, const QString &teamId = QString())
{
    return JhUser{id, id, role, teamId};
}
} // namespace

class TestJhCommandHandler : public QObject
{
    Q_OBJECT

private:
    JhWorldState mState;
    JhUser mDuty = user(QStringLiteral("duty"), JhRole::DutyOfficer);
    JhUser mCoordinator = user(QStringLiteral("coordinator"), JhRole::EmergencyCoordinator);
    JhUser mHaimen = user(QStringLiteral("team-haimen"), JhRole::CountyTeam, QStringLiteral("haimen"));
    JhUser mCity = user(QStringLiteral("team-city"), JhRole::CountyTeam, QStringLiteral("city"));
    JhUser mViewer = user(QStringLiteral("viewer"), JhRole::Viewer);
    int mCommandCounter = 0;

    JhCommand command(const JhUser &sender, JhCommandType type, const QJsonObject &payload)
    {
        return JhCommand{
            QStringLiteral("00000000-0000-4000-8000-%1").arg(++mCommandCounter, 12, 10, QLatin1Char('0')),
            type, sender.id, sNow.addSecs(-2), payload};
    }

    //! Handles a command and folds its events into the state, as central does after storing them.
    JhCommandResult run(const JhUser &sender, JhCommandType type, const QJsonObject &payload)
    {
        const JhCommandResult result =
            JhCommandHandler::handle(command(sender, type, payload), sender, mState, sNow);
        for (JhEvent event : result.events) {
            event.sequence = mState.lastSequence() + 1;
            QString error;
            if (!mState.apply(event, &error))
                qWarning() << "fold failed:" << error;
        }
        return result;
    }

    QString openAlarm(const QString &siteId)
    {
        JhEvent event = JhCommandHandler::alarmOpened(
            mState, siteId, QStringLiteral("w21003"), QStringLiteral("exceedance.water-class"),
            JhAlarmLevel::Warning, 2.4, QStringLiteral("氨氮超Ⅲ类"), sNow);
        event.sequence = mState.lastSequence() + 1;
        const QString id = event.payload.value(QStringLiteral("alarmId")).toString();
        if (!mState.apply(event))
            qWarning() << "cannot open alarm";
        return id;
    }

    QString createIncident()
    {
        const JhCommandResult result = run(mCoordinator, JhCommandType::CreateIncident,
                                           {{"title", "海门 化工企业泄漏"},
                                            {"type", "chemical-leak"},
                                            {"level", "III"},
                                            {"longitude", 121.2},
                                            {"latitude", 31.9},
                                            {"countyCode", 320614}});
        return result.isOk() ? result.events.first().payload.value(QStringLiteral("incidentId")).toString()
                             : QString();
    }

    QString assignTask(const QString &incidentId, const QString &teamId)
    {
        const JhCommandResult result =
            run(mCoordinator, JhCommandType::AssignTask,
                {{"incidentId", incidentId}, {"teamId", teamId}, {"title", "现场采样"}});
        return result.isOk() ? result.events.first().payload.value(QStringLiteral("taskId")).toString()
                             : QString();
    }

private slots:
    void init()
    {
        mState = JhWorldState();
        JhSite haimenSite;
        haimenSite.id = QStringLiteral("WAT-0001");
        haimenSite.name = QStringLiteral("海门国控断面1");
        haimenSite.kind = JhSiteKind::SurfaceWater;
        haimenSite.countyCode = 320614;
        haimenSite.longitude = 121.17;
        haimenSite.latitude = 31.9;
        mState.addSite(haimenSite);
        JhSite citySite = haimenSite;
        citySite.id = QStringLiteral("AIR-1168A");
        citySite.name = QStringLiteral("狼山街道");
        citySite.kind = JhSiteKind::AirNational;
        citySite.countyCode = 320613;
        mState.addSite(citySite);
        mState.addTeam(makeTeam(QStringLiteral("city"), QStringLiteral("市站"), {320613, 320612}));
        mState.addTeam(makeTeam(QStringLiteral("haimen"), QStringLiteral("海门站"), {320614}));
        mState.addCatalogueItem({QStringLiteral("oil-boom"), QStringLiteral("围油栏"),
                                 JhItemCategory::Material, QStringLiteral("m")});
        mState.addCatalogueItem({QStringLiteral("drone"), QStringLiteral("无人机"), JhItemCategory::Equipment,
                                 QStringLiteral("架")});
        JhDepot depot;
        depot.id = QStringLiteral("DEP-haimen");
        depot.teamId = QStringLiteral("haimen");
        depot.countyCode = 320614;
        depot.inventory = {{QStringLiteral("oil-boom"), 100, 0, 50}};
        mState.addDepot(depot);
        JhDepot cityDepot = depot;
        cityDepot.id = QStringLiteral("DEP-city");
        cityDepot.teamId = QStringLiteral("city");
        mState.addDepot(cityDepot);
    }

    void acknowledgeProducesEvent()
    {
        const QString alarmId = openAlarm(QStringLiteral("WAT-0001"));
        const JhCommand ack =
            command(mDuty, JhCommandType::AcknowledgeAlarm, {{"alarmId", alarmId}, {"note", "已电话核实"}});
        const JhCommandResult result = JhCommandHandler::handle(ack, mDuty, mState, sNow);
        QVERIFY(result.isOk());
        QCOMPARE(result.commandId, ack.id);
        QCOMPARE(result.events.size(), 1);
        const JhEvent event = result.events.first();
        QCOMPARE(event.type, JhEventType::AlarmAcknowledged);
        QCOMPARE(event.actor, QStringLiteral("duty"));
        QCOMPARE(event.commandId, ack.id);
        QCOMPARE(event.time, sNow);
        QCOMPARE(event.sequence, 0);
        // The handler decides only; the state changes when the event is folded in.
        QCOMPARE(mState.alarm(alarmId)->state, JhAlarmState::Open);
        QVERIFY(mState.apply(event));
        QCOMPARE(mState.alarm(alarmId)->state, JhAlarmState::Acknowledged);
        QCOMPARE(mState.alarm(alarmId)->updatedBy, QStringLiteral("duty"));
        QCOMPARE(mState.alarm(alarmId)->note, QStringLiteral("已电话核实"));
    }

    void handlingIsDeterministic()
    {
        const QString alarmId = openAlarm(QStringLiteral("WAT-0001"));
        const JhCommand escalate = command(mDuty, JhCommandType::EscalateAlarm, {{"alarmId", alarmId}});
        QCOMPARE(JhCommandHandler::handle(escalate, mDuty, mState, sNow),
                 JhCommandHandler::handle(escalate, mDuty, mState, sNow));
    }

    void alarmTransitionsAreChecked()
    {
        const QString alarmId = openAlarm(QStringLiteral("WAT-0001"));
        QVERIFY(run(mDuty, JhCommandType::AcknowledgeAlarm, {{"alarmId", alarmId}}).isOk());
        QCOMPARE(run(mDuty, JhCommandType::AcknowledgeAlarm, {{"alarmId", alarmId}}).error,
                 JhDomainError::InvalidTransition);
        QVERIFY(run(mDuty, JhCommandType::CloseAlarm, {{"alarmId", alarmId}, {"note", "误报"}}).isOk());
        QCOMPARE(mState.alarm(alarmId)->state, JhAlarmState::Closed);
        const JhCommandResult closed = run(mDuty, JhCommandType::AcknowledgeAlarm, {{"alarmId", alarmId}});
        QCOMPARE(closed.error, JhDomainError::AlarmClosed);
        QCOMPARE(closed.messageZh, QStringLiteral("告警已关闭"));
        QCOMPARE(closed.messageEn, QStringLiteral("The alarm is already closed"));
        QVERIFY(closed.events.isEmpty());
        QCOMPARE(run(mDuty, JhCommandType::AcknowledgeAlarm, {{"alarmId", "ALM-999999"}}).error,
                 JhDomainError::AlarmNotFound);
        // A closed alarm no longer blocks a new one on the same (site, factor, rule).
        QVERIFY(!mState.activeAlarm(QStringLiteral("WAT-0001"), QStringLiteral("w21003"),
                                    QStringLiteral("exceedance.water-class")));
        const QString second = openAlarm(QStringLiteral("WAT-0001"));
        QVERIFY(second != alarmId);
        QCOMPARE(mState
                     .activeAlarm(QStringLiteral("WAT-0001"), QStringLiteral("w21003"),
                                  QStringLiteral("exceedance.water-class"))
                     ->id,
                 second);
    }

    void escalateOpensIncidentAtSite()
    {
        const QString alarmId = openAlarm(QStringLiteral("WAT-0001"));
        const JhCommandResult result =
            run(mDuty, JhCommandType::EscalateAlarm, {{"alarmId", alarmId}, {"level", "III"}});
        QVERIFY2(result.isOk(), qPrintable(result.messageEn));
        QCOMPARE(result.events.size(), 2);
        QCOMPARE(result.events.at(0).type, JhEventType::IncidentCreated);
        QCOMPARE(result.events.at(1).type, JhEventType::AlarmEscalated);
        const JhAlarm *alarm = mState.alarm(alarmId);
        QCOMPARE(alarm->state, JhAlarmState::Escalated);
        const JhIncident *incident = mState.incident(alarm->incidentId);
        QVERIFY(incident);
        QCOMPARE(incident->type, JhIncidentType::WaterPollution);
        QCOMPARE(incident->level, JhIncidentLevel::III);
        QCOMPARE(incident->countyCode, 320614);
        QCOMPARE(incident->longitude, 121.17);
        QCOMPARE(incident->alarmIds, QStringList{alarmId});
        QCOMPARE(run(mDuty, JhCommandType::EscalateAlarm, {{"alarmId", alarmId}}).error,
                 JhDomainError::InvalidTransition);
    }

    void escalateIntoExistingIncident()
    {
        const QString incidentId = createIncident();
        const QString alarmId = openAlarm(QStringLiteral("WAT-0001"));
        QVERIFY(run(mDuty, JhCommandType::EscalateAlarm, {{"alarmId", alarmId}, {"incidentId", incidentId}})
                    .isOk());
        QCOMPARE(mState.incident(incidentId)->alarmIds, QStringList{alarmId});
        QCOMPARE(mState.alarm(alarmId)->incidentId, incidentId);
        QCOMPARE(run(mDuty, JhCommandType::EscalateAlarm,
                     {{"alarmId", openAlarm(QStringLiteral("AIR-1168A"))}, {"incidentId", "INC-424242"}})
                     .error,
                 JhDomainError::IncidentNotFound);
    }

    void roleTable_data()
    {
        QTest::addColumn<int>("role");
        QTest::addColumn<int>("type");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("duty acknowledges")
            << int(JhRole::DutyOfficer) << int(JhCommandType::AcknowledgeAlarm) << true;
        QTest::newRow("duty creates incident")
            << int(JhRole::DutyOfficer) << int(JhCommandType::CreateIncident) << true;
        QTest::newRow("duty may not assign")
            << int(JhRole::DutyOfficer) << int(JhCommandType::AssignTask) << false;
        QTest::newRow("duty may not dispatch")
            << int(JhRole::DutyOfficer) << int(JhCommandType::DispatchInventory) << false;
        QTest::newRow("coordinator assigns")
            << int(JhRole::EmergencyCoordinator) << int(JhCommandType::AssignTask) << true;
        QTest::newRow("coordinator reserves")
            << int(JhRole::EmergencyCoordinator) << int(JhCommandType::ReserveInventory) << true;
        QTest::newRow("coordinator may not accept for a team")
            << int(JhRole::EmergencyCoordinator) << int(JhCommandType::AcceptTask) << false;
        QTest::newRow("team accepts") << int(JhRole::CountyTeam) << int(JhCommandType::AcceptTask) << true;
        QTest::newRow("team may not create incident")
            << int(JhRole::CountyTeam) << int(JhCommandType::CreateIncident) << false;
        QTest::newRow("team may not assign")
            << int(JhRole::CountyTeam) << int(JhCommandType::AssignTask) << false;
        for (int type = 0; type <= int(JhCommandType::SetTeamStatus); ++type)
            QTest::newRow(qPrintable(QStringLiteral("viewer %1").arg(JhEnumNames::code(JhCommandType(type)))))
                << int(JhRole::Viewer) << type << false;
    }

    void roleTable()
    {
        QFETCH(int, role);
        QFETCH(int, type);
        QFETCH(bool, allowed);
        QCOMPARE(JhCommandValidator::roleMay(JhRole(role), JhCommandType(type)), allowed);
        if (!allowed) {
            const JhUser sender = user(QStringLiteral("someone"), JhRole(role), QStringLiteral("haimen"));
            const JhCommandResult result = run(sender, JhCommandType(type), {});
            QCOMPARE(result.error, JhDomainError::Forbidden);
            QVERIFY(result.events.isEmpty());
        }
    }

    void countyTeamStaysInItsCounty()
    {
        const QString haimenAlarm = openAlarm(QStringLiteral("WAT-0001"));
        const QString cityAlarm = openAlarm(QStringLiteral("AIR-1168A"));
        QCOMPARE(run(mHaimen, JhCommandType::AcknowledgeAlarm, {{"alarmId", cityAlarm}}).error,
                 JhDomainError::OutOfScope);
        QVERIFY(run(mHaimen, JhCommandType::AcknowledgeAlarm, {{"alarmId", haimenAlarm}}).isOk());

        const QString incidentId = createIncident();
        const QString taskId = assignTask(incidentId, QStringLiteral("haimen"));
        QVERIFY(!taskId.isEmpty());
        const JhCommandResult foreign = run(mCity, JhCommandType::AcceptTask, {{"taskId", taskId}});
        QCOMPARE(foreign.error, JhDomainError::OutOfScope);
        QCOMPARE(foreign.messageZh, QStringLiteral("只能处理本县（市、区）的任务和资源"));
        QVERIFY(run(mHaimen, JhCommandType::AcceptTask, {{"taskId", taskId}}).isOk());

        QCOMPARE(run(mCity, JhCommandType::SetTeamStatus, {{"teamId", "haimen"}, {"status", "busy"}}).error,
                 JhDomainError::OutOfScope);
        QVERIFY(
            run(mHaimen, JhCommandType::SetTeamStatus, {{"teamId", "haimen"}, {"status", "busy"}}).isOk());
        QCOMPARE(mState.team(QStringLiteral("haimen"))->status, JhTeamStatus::Busy);

        QCOMPARE(run(mHaimen, JhCommandType::DispatchInventory,
                     {{"depotId", "DEP-city"}, {"itemCode", "oil-boom"}, {"quantity", 10}})
                     .error,
                 JhDomainError::OutOfScope);
        QVERIFY(run(mHaimen, JhCommandType::DispatchInventory,
                    {{"depotId", "DEP-haimen"}, {"itemCode", "oil-boom"}, {"quantity", 10}})
                    .isOk());
        QCOMPARE(mState.depot(QStringLiteral("DEP-haimen"))->item(QStringLiteral("oil-boom"))->quantity,
                 90.0);
    }

    void taskLifecycle()
    {
        const QString incidentId = createIncident();
        QCOMPARE(mState.incident(incidentId)->status, JhIncidentStatus::Open);
        const QString taskId = assignTask(incidentId, QStringLiteral("haimen"));
        QCOMPARE(mState.incident(incidentId)->status, JhIncidentStatus::Responding);
        QCOMPARE(mState.task(taskId)->state, JhTaskState::Assigned);
        QCOMPARE(run(mHaimen, JhCommandType::CompleteTask, {{"taskId", taskId}}).error,
                 JhDomainError::InvalidTransition);
        QCOMPARE(run(mHaimen, JhCommandType::UpdateTask, {{"taskId", taskId}, {"state", "on-site"}}).error,
                 JhDomainError::InvalidTransition);
        QVERIFY(run(mHaimen, JhCommandType::AcceptTask, {{"taskId", taskId}}).isOk());
        QVERIFY(run(mHaimen, JhCommandType::UpdateTask,
                    {{"taskId", taskId},
                     {"state", "en-route"},
                     {"text", "出发"},
                     {"longitude", 121.1},
                     {"latitude", 31.9}})
                    .isOk());
        QVERIFY(run(mHaimen, JhCommandType::UpdateTask, {{"taskId", taskId}, {"state", "on-site"}}).isOk());
        QCOMPARE(run(mHaimen, JhCommandType::UpdateTask, {{"taskId", taskId}, {"state", "en-route"}}).error,
                 JhDomainError::InvalidTransition);
        QVERIFY(run(mHaimen, JhCommandType::UpdateTask, {{"taskId", taskId}, {"text", "pH 6.8, 氨氮 3.1"}})
                    .isOk());
        QCOMPARE(run(mCoordinator, JhCommandType::CloseIncident, {{"incidentId", incidentId}}).error,
                 JhDomainError::IncidentHasActiveTasks);
        QVERIFY(run(mHaimen, JhCommandType::CompleteTask, {{"taskId", taskId}, {"text", "采样完成"}}).isOk());
        const JhTask *task = mState.task(taskId);
        QCOMPARE(task->state, JhTaskState::Completed);
        QCOMPARE(task->reports.size(), 5);
        QCOMPARE(task->reports.at(1).state, JhTaskState::EnRoute);
        QVERIFY(task->reports.at(1).hasPosition);
        QCOMPARE(task->reports.at(3).text, QStringLiteral("pH 6.8, 氨氮 3.1"));
        QCOMPARE(task->reports.at(3).state, JhTaskState::OnSite);
        QCOMPARE(run(mCoordinator, JhCommandType::CancelTask, {{"taskId", taskId}}).error,
                 JhDomainError::InvalidTransition);
        QVERIFY(run(mCoordinator, JhCommandType::CloseIncident,
                    {{"incidentId", incidentId}, {"summary", "已处置"}})
                    .isOk());
        QCOMPARE(mState.incident(incidentId)->status, JhIncidentStatus::Closed);
        QCOMPARE(assignTask(incidentId, QStringLiteral("city")), QString());
        QCOMPARE(
            run(mCoordinator, JhCommandType::UpdateIncident, {{"incidentId", incidentId}, {"level", "II"}})
                .error,
            JhDomainError::IncidentClosed);
    }

    void cancelTask()
    {
        const QString incidentId = createIncident();
        const QString taskId = assignTask(incidentId, QStringLiteral("city"));
        QVERIFY(
            run(mCoordinator, JhCommandType::CancelTask, {{"taskId", taskId}, {"reason", "改派"}}).isOk());
        QCOMPARE(mState.task(taskId)->state, JhTaskState::Cancelled);
        QCOMPARE(mState.task(taskId)->cancelReason, QStringLiteral("改派"));
        QCOMPARE(run(mCity, JhCommandType::AcceptTask, {{"taskId", taskId}}).error,
                 JhDomainError::InvalidTransition);
        QCOMPARE(run(mCoordinator, JhCommandType::AssignTask,
                     {{"incidentId", incidentId}, {"teamId", "nowhere"}, {"title", "x"}})
                     .error,
                 JhDomainError::TeamNotFound);
    }

    void updateIncident()
    {
        const QString incidentId = createIncident();
        QVERIFY(
            run(mCoordinator, JhCommandType::UpdateIncident,
                {{"incidentId", incidentId}, {"level", "II"}, {"title", "升级"}, {"status", "responding"}})
                .isOk());
        const JhIncident *incident = mState.incident(incidentId);
        QCOMPARE(incident->level, JhIncidentLevel::II);
        QCOMPARE(incident->title, QStringLiteral("升级"));
        QCOMPARE(incident->status, JhIncidentStatus::Responding);
        QCOMPARE(incident->type, JhIncidentType::ChemicalLeak); // untouched fields stay
        QCOMPARE(run(mCoordinator, JhCommandType::UpdateIncident,
                     {{"incidentId", incidentId}, {"status", "closed"}})
                     .error,
                 JhDomainError::InvalidTransition);
        QCOMPARE(
            run(mCoordinator, JhCommandType::UpdateIncident, {{"incidentId", incidentId}, {"level", "V"}})
                .error,
            JhDomainError::InvalidPayload);
    }

    void reservationsBelongToTheirIncident()
    {
        // Two incidents draw on the same 100 oil booms at 海门 (the fixture's stock).
        const QString spill = createIncident();
        const QString fire = createIncident();
        auto stockCommand = [](const QString &incidentId, double quantity) {
            return QJsonObject{{"depotId", "DEP-haimen"},
                               {"itemCode", "oil-boom"},
                               {"incidentId", incidentId},
                               {"quantity", quantity}};
        };
        auto stock = [this]() {
            return *mState.depot(QStringLiteral("DEP-haimen"))->item(QStringLiteral("oil-boom"));
        };
        QVERIFY(run(mCoordinator, JhCommandType::ReserveInventory, stockCommand(spill, 30)).isOk());
        QVERIFY(run(mCoordinator, JhCommandType::ReserveInventory, stockCommand(fire, 20)).isOk());
        QCOMPARE(stock().reserved, 50.0);
        QCOMPARE(stock().reservedFor(spill), 30.0);
        QCOMPARE(stock().reservedFor(fire), 20.0);
        // The fire cannot release the spill's reservation, even though 50 are reserved in all.
        QCOMPARE(run(mCoordinator, JhCommandType::ReleaseInventory, stockCommand(fire, 25)).error,
                 JhDomainError::ExceedsReserved);
        QVERIFY(run(mCoordinator, JhCommandType::ReleaseInventory, stockCommand(fire, 5)).isOk());
        QCOMPARE(stock().reservedFor(fire), 15.0);
        // Dispatching 40 for the spill takes its 30 reserved and 10 free ones; the fire keeps its 15.
        const JhCommandResult dispatched =
            run(mCoordinator, JhCommandType::DispatchInventory, stockCommand(spill, 40));
        QVERIFY(dispatched.isOk());
        QCOMPARE(dispatched.events.first().payload.value(QStringLiteral("fromReserved")).toDouble(), 30.0);
        QCOMPARE(stock().quantity, 60.0);
        QCOMPARE(stock().reservedFor(spill), 0.0);
        QCOMPARE(stock().reservedFor(fire), 15.0);
        QCOMPARE(stock().reserved, 15.0);
        QVERIFY(!stock().reservations.contains(spill));
        // Closing the fire incident returns what it still holds to the depot, as an event of its own.
        const JhCommandResult closed =
            run(mCoordinator, JhCommandType::CloseIncident, {{"incidentId", fire}, {"summary", "已处置"}});
        QVERIFY(closed.isOk());
        QCOMPARE(closed.events.size(), 2);
        QCOMPARE(closed.events.at(1).type, JhEventType::InventoryReleased);
        QCOMPARE(closed.events.at(1).payload.value(QStringLiteral("quantity")).toDouble(), 15.0);
        QCOMPARE(closed.events.at(1).payload.value(QStringLiteral("reason")).toString(),
                 QStringLiteral("incident-closed"));
        QCOMPARE(stock().reserved, 0.0);
        QVERIFY(stock().reservations.isEmpty());
        QCOMPARE(stock().available(), 60.0);
    }

    void inventoryRules()
    {
        const QString incidentId = createIncident();
        const QJsonObject line{
            {"depotId", "DEP-haimen"}, {"itemCode", "oil-boom"}, {"incidentId", incidentId}};
        auto with = [&](const char *key, const QJsonValue &value) {
            QJsonObject payload = line;
            payload.insert(QLatin1String(key), value);
            return payload;
        };
        const JhCommandResult tooMuch =
            run(mCoordinator, JhCommandType::ReserveInventory, with("quantity", 101));
        QCOMPARE(tooMuch.error, JhDomainError::InsufficientStock);
        QCOMPARE(tooMuch.messageZh, QStringLiteral("可用库存不足"));
        QVERIFY(run(mCoordinator, JhCommandType::ReserveInventory, with("quantity", 60)).isOk());
        const JhInventoryItem *stock =
            mState.depot(QStringLiteral("DEP-haimen"))->item(QStringLiteral("oil-boom"));
        QCOMPARE(stock->reserved, 60.0);
        QCOMPARE(stock->available(), 40.0);
        QCOMPARE(run(mCoordinator, JhCommandType::ReserveInventory, with("quantity", 41)).error,
                 JhDomainError::InsufficientStock);
        QCOMPARE(run(mCoordinator, JhCommandType::AdjustInventory, with("delta", -50)).error,
                 JhDomainError::BelowReserved);
        QCOMPARE(run(mCoordinator, JhCommandType::ReleaseInventory, with("quantity", 61)).error,
                 JhDomainError::ExceedsReserved);
        QVERIFY(run(mCoordinator, JhCommandType::ReleaseInventory, with("quantity", 10)).isOk());
        stock = mState.depot(QStringLiteral("DEP-haimen"))->item(QStringLiteral("oil-boom"));
        QCOMPARE(stock->reserved, 50.0);
        // Dispatch for the incident draws on its reservation first.
        QVERIFY(run(mCoordinator, JhCommandType::DispatchInventory, with("quantity", 70)).isOk());
        stock = mState.depot(QStringLiteral("DEP-haimen"))->item(QStringLiteral("oil-boom"));
        QCOMPARE(stock->quantity, 30.0);
        QCOMPARE(stock->reserved, 0.0);
        QVERIFY(stock->isBelowMinimum());
        QVERIFY(run(mCoordinator, JhCommandType::AdjustInventory, with("delta", 200)).isOk());
        QCOMPARE(mState.depot(QStringLiteral("DEP-haimen"))->item(QStringLiteral("oil-boom"))->quantity,
                 230.0);
        // A catalogue item the depot did not stock yet is created by an adjustment only.
        QCOMPARE(run(mCoordinator, JhCommandType::ReserveInventory,
                     {{"depotId", "DEP-haimen"},
                      {"itemCode", "drone"},
                      {"quantity", 1},
                      {"incidentId", incidentId}})
                     .error,
                 JhDomainError::ItemNotFound);
        QVERIFY(run(mCoordinator, JhCommandType::AdjustInventory,
                    {{"depotId", "DEP-haimen"}, {"itemCode", "drone"}, {"delta", 2}, {"minimumStock", 1}})
                    .isOk());
        QCOMPARE(mState.depot(QStringLiteral("DEP-haimen"))->item(QStringLiteral("drone"))->minimumStock,
                 1.0);
        QCOMPARE(run(mCoordinator, JhCommandType::AdjustInventory,
                     {{"depotId", "DEP-haimen"}, {"itemCode", "unicorn"}, {"delta", 2}})
                     .error,
                 JhDomainError::ItemNotFound);
        QCOMPARE(run(mCoordinator, JhCommandType::ReserveInventory,
                     {{"depotId", "DEP-nowhere"},
                      {"itemCode", "drone"},
                      {"quantity", 1},
                      {"incidentId", incidentId}})
                     .error,
                 JhDomainError::DepotNotFound);
    }

    void invalidPayloadNamesTheField()
    {
        const JhCommandResult missing =
            run(mCoordinator, JhCommandType::ReserveInventory,
                {{"depotId", "DEP-haimen"}, {"itemCode", "oil-boom"}, {"incidentId", "x"}});
        QCOMPARE(missing.error, JhDomainError::InvalidPayload);
        QVERIFY2(missing.messageEn.contains(QStringLiteral("quantity")), qPrintable(missing.messageEn));
        const QString incidentId = createIncident();
        QCOMPARE(run(mCoordinator, JhCommandType::ReserveInventory,
                     {{"depotId", "DEP-haimen"},
                      {"itemCode", "oil-boom"},
                      {"incidentId", incidentId},
                      {"quantity", -3}})
                     .error,
                 JhDomainError::InvalidPayload);
        QCOMPARE(run(mCoordinator, JhCommandType::CreateIncident,
                     {{"title", "x"}, {"type", "meteor"}, {"level", "I"}, {"longitude", 1}, {"latitude", 2}})
                     .error,
                 JhDomainError::InvalidPayload);
        QCOMPARE(run(mCoordinator, JhCommandType::SetTeamStatus, {{"teamId", "city"}}).error,
                 JhDomainError::InvalidPayload);
    }

    void senderMustMatchUser()
    {
        const QString alarmId = openAlarm(QStringLiteral("WAT-0001"));
        JhCommand forged = command(mViewer, JhCommandType::AcknowledgeAlarm, {{"alarmId", alarmId}});
        QCOMPARE(JhCommandHandler::handle(forged, mDuty, mState, sNow).error, JhDomainError::Forbidden);
        forged.id.clear();
        QCOMPARE(JhCommandHandler::handle(forged, mDuty, mState, sNow).error, JhDomainError::InvalidPayload);
    }
};

QTEST_GUILESS_MAIN(TestJhCommandHandler)
#include "tst_jhcommandhandler.moc"
