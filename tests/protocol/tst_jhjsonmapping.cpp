// Round trips of every domain type through JSON text, and errors that name the bad field.
#include "jhjsonmapping.h"

#include "jhcommandhandler.h"
#include "jhscenario.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

namespace {
const QDateTime sTime = QDateTime(QDate(2026, 3, 5), QTime(8, 30, 12, 345), Qt::UTC);

//! Through text and back, as on the wire.
template <typename Type>
Type roundTrip(const Type &value, bool *ok)
{
    const QByteArray text = QJsonDocument(JhJsonMapping::toJson(value)).toJson(QJsonDocument::Compact);
    Type result;
    JhProtocolError error;
    *ok = JhJsonMapping::fromJson(QJsonDocument::fromJson(text).object(), result, &error);
    if (!*ok)
        qWarning() << error.message;
    return result;
}

#define CHECK_ROUND_TRIP(value)                                                                              \
    do {                                                                                                     \
        bool ok = false;                                                                                     \
        const auto copy = roundTrip(value, &ok);                                                             \
        QVERIFY(ok);                                                                                         \
        QVERIFY(copy == value);                                                                              \
    } while (false)
} // namespace

class TestJhJsonMapping : public QObject
{
    Q_OBJECT

private slots:
    void siteRoundTrip()
    {
        JhSite site;
        site.id = QStringLiteral("SRC-0042");
        site.name = QStringLiteral("如东化工企业042（废水总排口）");
        site.kind = JhSiteKind::PollutionSource;
        site.stationCode = QStringLiteral("X1");
        site.network = QStringLiteral("key-discharger");
        site.countyCode = 320623;
        site.longitude = 121.123456;
        site.latitude = 32.654321;
        site.mn = QStringLiteral("0123456789ABCDEF01234567");
        site.password = QStringLiteral("aB3dE6");
        site.protocolVersion = JhHj212Version::V2005;
        site.waterTargetClass = 0;
        site.noiseZone = QStringLiteral("4a");
        site.parkId = QStringLiteral("P15");
        site.factorCodes = QStringList{QStringLiteral("w01018"), QStringLiteral("w21003")};
        site.permittedLimits = {{QStringLiteral("w01018"), 500, QStringLiteral("mg/L")},
                                {QStringLiteral("w21003"), 45, QStringLiteral("mg/L")}};
        site.approximateLocation = true;
        CHECK_ROUND_TRIP(site);
        site.kind = JhSiteKind::SurfaceWater;
        site.waterTargetClass = 3;
        site.waterBody = JhWaterBodyType::Lake;
        CHECK_ROUND_TRIP(site);
    }

    void smallTypesRoundTrip()
    {
        CHECK_ROUND_TRIP((JhFactor{QStringLiteral("a21026"), QStringLiteral("02"), QStringLiteral("二氧化硫"),
                                   QStringLiteral("SO2"), QStringLiteral("μg/m³")}));
        CHECK_ROUND_TRIP((JhObservation{QStringLiteral("AIR-1168A"), QStringLiteral("a34004"), sTime,
                                        JhIntervalKind::Hour, 75.5, QStringLiteral("T")}));
        CHECK_ROUND_TRIP((JhCatalogueItem{QStringLiteral("oil-boom"), QStringLiteral("围油栏"),
                                          JhItemCategory::Material, QStringLiteral("m")}));
        CHECK_ROUND_TRIP((JhInventoryItem{QStringLiteral("oil-boom"), 400, 0, 200}));
        JhInventoryItem reserved{QStringLiteral("oil-boom"), 400, 0, 200};
        reserved.addReservation(QStringLiteral("INC-000001"), 100);
        reserved.addReservation(QStringLiteral("INC-000002"), 20.5);
        CHECK_ROUND_TRIP(reserved);
        QCOMPARE(JhJsonMapping::toJson(reserved)
                     .value(QStringLiteral("reservations"))
                     .toObject()
                     .value(QStringLiteral("INC-000002"))
                     .toDouble(),
                 20.5);
        CHECK_ROUND_TRIP((JhUser{QStringLiteral("team-qidong"), QStringLiteral("启东站"), JhRole::CountyTeam,
                                 QStringLiteral("qidong")}));
        CHECK_ROUND_TRIP((JhIndustrialPark{QStringLiteral("P01"), QStringLiteral("南通经济技术开发区"),
                                           320613, 120.975, 31.935, true, true}));
        JhDepot depot;
        depot.id = QStringLiteral("DEP-haian");
        depot.name = QStringLiteral("海安应急物资储备库");
        depot.countyCode = 320685;
        depot.teamId = QStringLiteral("haian");
        depot.longitude = 120.4;
        depot.latitude = 32.5;
        depot.inventory = {{QStringLiteral("drone"), 2, 1, 1}, {QStringLiteral("oil-boom"), 400, 0, 200}};
        CHECK_ROUND_TRIP(depot);
        JhCountyTeam team;
        team.id = QStringLiteral("city");
        team.name = QStringLiteral("南通市生态环境监测站");
        team.countyCodes = {320613, 320612};
        team.status = JhTeamStatus::Busy;
        team.statusNote = QStringLiteral("出动");
        team.statusChangedAt = sTime;
        CHECK_ROUND_TRIP(team);
        team.statusChangedAt = QDateTime();
        CHECK_ROUND_TRIP(team);
    }

    void operationalObjectsRoundTrip()
    {
        JhAlarm alarm{QStringLiteral("ALM-000001"),
                      QStringLiteral("WAT-0001"),
                      QStringLiteral("w21003"),
                      QStringLiteral("exceedance.water-class"),
                      JhAlarmLevel::Serious,
                      JhAlarmState::Escalated,
                      2.41,
                      QStringLiteral("氨氮劣于Ⅲ类"),
                      sTime,
                      sTime.addSecs(60),
                      QStringLiteral("duty"),
                      QStringLiteral("INC-000001"),
                      QStringLiteral("已通知")};
        CHECK_ROUND_TRIP(alarm);
        JhIncident incident;
        incident.id = QStringLiteral("INC-000001");
        incident.title = QStringLiteral("通吕运河氨氮超标");
        incident.type = JhIncidentType::WaterPollution;
        incident.level = JhIncidentLevel::II;
        incident.status = JhIncidentStatus::Responding;
        incident.longitude = 121.2;
        incident.latitude = 32.0;
        incident.countyCode = 320614;
        incident.location = QStringLiteral("海门");
        incident.alarmIds = QStringList{alarm.id, QStringLiteral("ALM-000007")};
        incident.openedAt = sTime;
        incident.updatedAt = sTime.addSecs(5);
        incident.createdBy = QStringLiteral("duty");
        incident.updatedBy = QStringLiteral("coordinator");
        CHECK_ROUND_TRIP(incident);
        JhTask task;
        task.id = QStringLiteral("TSK-000001");
        task.incidentId = incident.id;
        task.teamId = QStringLiteral("haimen");
        task.title = QStringLiteral("采样");
        task.state = JhTaskState::OnSite;
        task.createdAt = sTime;
        task.updatedAt = sTime.addSecs(600);
        task.assignedBy = QStringLiteral("coordinator");
        task.reports = {{sTime.addSecs(300), QStringLiteral("team-haimen"), JhTaskState::EnRoute,
                         QStringLiteral("出发"), false, 0, 0},
                        {sTime.addSecs(600), QStringLiteral("team-haimen"), JhTaskState::OnSite,
                         QStringLiteral("到达"), true, 121.21, 32.01}};
        CHECK_ROUND_TRIP(task);
    }

    void commandEventResultRoundTrip()
    {
        const JhCommand command{QStringLiteral("6f1c2a9e-3b7d-4c11-9a0e-5d2f8b7c4e10"),
                                JhCommandType::ReserveInventory, QStringLiteral("coordinator"), sTime,
                                QJsonObject{{"depotId", "DEP-haimen"},
                                            {"itemCode", "oil-boom"},
                                            {"quantity", 200},
                                            {"incidentId", "INC-000001"}}};
        CHECK_ROUND_TRIP(command);
        JhEvent event{17,         JhEventType::InventoryReserved,
                      sTime,      QStringLiteral("coordinator"),
                      command.id, command.payload};
        CHECK_ROUND_TRIP(event);
        event.commandId.clear();
        CHECK_ROUND_TRIP(event);
        JhCommandResult result;
        result.commandId = command.id;
        result.events = {event, event};
        result.events[1].sequence = 18;
        CHECK_ROUND_TRIP(result);
        CHECK_ROUND_TRIP(JhCommandResult::rejected(command.id, JhDomainError::InsufficientStock));
    }

    void snapshotRoundTrip()
    {
        JhScenario scenario;
        QVERIFY(scenario.load(QStringLiteral(JH_SOURCE_DIR "/resources/scenario/nantong-scenario.json")));
        JhWorldState state;
        scenario.populate(state);
        JhEvent opened =
            JhCommandHandler::alarmOpened(state, scenario.sites().first().id, QStringLiteral("a34004"),
                                          QStringLiteral("exceedance.air-iaqi"), JhAlarmLevel::Warning, 160,
                                          QStringLiteral("PM2.5 IAQI > 100"), sTime);
        opened.sequence = 1;
        QVERIFY(state.apply(opened));
        const JhUser duty{QStringLiteral("duty"), QString(), JhRole::DutyOfficer, QString()};
        const JhCommandResult escalated = JhCommandHandler::handle(
            {QStringLiteral("c1"), JhCommandType::EscalateAlarm, duty.id, sTime, {{"alarmId", "ALM-000001"}}},
            duty, state, sTime.addSecs(30));
        QVERIFY(escalated.isOk());
        for (JhEvent event : escalated.events) {
            event.sequence = state.lastSequence() + 1;
            QVERIFY(state.apply(event));
        }
        const QByteArray text = QJsonDocument(JhJsonMapping::toJson(state)).toJson();
        QVERIFY(!text.contains("\"password\""));
        QVERIFY(text.contains(scenario.sites().first().mn.toLatin1()));
        bool ok = false;
        const JhWorldState copy = roundTrip(state, &ok);
        QVERIFY(ok);
        JhWorldState expected = state; // the same state without logger passwords
        for (JhSite site : state.sites()) {
            site.password.clear();
            expected.addSite(site);
        }
        QVERIFY(copy != state);
        QVERIFY(copy == expected);
        QCOMPARE(copy.lastSequence(), 3);
        // A restored state keeps assigning fresh ids.
        QCOMPARE(copy.nextAlarmId(), QStringLiteral("ALM-000002"));
        QCOMPARE(copy.nextIncidentId(), QStringLiteral("INC-000002"));
    }

    void errorsNameTheField()
    {
        JhSite site;
        JhProtocolError error;
        QJsonObject json = JhJsonMapping::toJson(JhSite{});
        json.insert(QStringLiteral("mn"), QStringLiteral("0123456789ABCDEF01234567"));
        json.insert(QStringLiteral("id"), QStringLiteral("x"));
        json.insert(QStringLiteral("name"), QStringLiteral("x"));
        QVERIFY(JhJsonMapping::fromJson(json, site, &error));
        QVERIFY(error.isOk());

        QJsonObject broken = json;
        broken.remove(QStringLiteral("mn"));
        QVERIFY(!JhJsonMapping::fromJson(broken, site, &error));
        QCOMPARE(error.code, JhProtocolError::Code::MissingField);
        QCOMPARE(error.message, QStringLiteral("site.mn: missing"));

        broken = json;
        broken.insert(QStringLiteral("kind"), QStringLiteral("volcano"));
        QVERIFY(!JhJsonMapping::fromJson(broken, site, &error));
        QCOMPARE(error.code, JhProtocolError::Code::InvalidField);
        QCOMPARE(error.message, QStringLiteral("site.kind: must be a known code"));

        broken = json;
        broken.insert(QStringLiteral("countyCode"), QStringLiteral("320613"));
        QVERIFY(!JhJsonMapping::fromJson(broken, site, &error));
        QCOMPARE(error.message, QStringLiteral("site.countyCode: must be an integer"));

        broken = json;
        broken.insert(QStringLiteral("mn"), QStringLiteral("short"));
        QVERIFY(!JhJsonMapping::fromJson(broken, site, &error));
        QCOMPARE(error.message, QStringLiteral("site.mn: must be 24 characters"));

        broken = json;
        broken.insert(QStringLiteral("permittedLimits"), QJsonArray{QJsonObject{{"factorCode", "w01018"}}});
        QVERIFY(!JhJsonMapping::fromJson(broken, site, &error));
        QCOMPARE(error.message, QStringLiteral("site.permittedLimits[0].permittedLimit.limit: missing"));

        JhEvent event;
        QVERIFY(!JhJsonMapping::fromJson(QJsonObject{{"seq", 1.5}, {"type", "alarm.opened"}}, event, &error));
        QCOMPARE(error.message, QStringLiteral("event.seq: must be an integer"));
        JhCommand command;
        QVERIFY(!JhJsonMapping::fromJson(QJsonObject{{"id", "c"},
                                                     {"type", "alarm.acknowledge"},
                                                     {"userId", "u"},
                                                     {"issuedAt", "yesterday"},
                                                     {"payload", QJsonObject()}},
                                         command, &error));
        QCOMPARE(error.message, QStringLiteral("command.issuedAt: must be an ISO 8601 time"));
        JhUser user;
        QVERIFY(!JhJsonMapping::fromJson(QJsonObject{{"id", "t"}, {"role", "county-team"}}, user, &error));
        QCOMPARE(error.message, QStringLiteral("user.teamId: missing"));
    }

    void timesAreUtcText()
    {
        const QDateTime local = QDateTime(QDate(2026, 3, 5), QTime(16, 30), Qt::OffsetFromUTC, 8 * 3600);
        const QJsonObject json = JhJsonMapping::toJson(JhObservation{
            QStringLiteral("s"), QStringLiteral("f"), local, JhIntervalKind::Minute, 1, QStringLiteral("N")});
        QCOMPARE(json.value(QStringLiteral("dataTime")).toString(),
                 QStringLiteral("2026-03-05T08:30:00.000Z"));
        QCOMPARE(json.value(QStringLiteral("interval")).toString(), QStringLiteral("minute"));
    }
};

QTEST_GUILESS_MAIN(TestJhJsonMapping)
#include "tst_jhjsonmapping.moc"
