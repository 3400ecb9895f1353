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

    void siteStatusRoundTrip()
    {
        JhSiteStatus status;
        status.siteId = QStringLiteral("AIR-1168A");
        status.state = JhSiteState::Fault;
        status.lastDataAt = sTime;
        status.factors = {
            {QStringLiteral("a34004"), JhIntervalKind::Hour, 80, QStringLiteral("N"), sTime},
            {QStringLiteral("a34004"), JhIntervalKind::Realtime, 12.5, QStringLiteral("D"), sTime}};
        status.air.valid = true;
        status.air.hour = sTime.addSecs(-1800);
        status.air.standard = QStringLiteral("HJ 633-2026");
        status.air.aqi = 119;
        status.air.complete = true;
        status.air.category = 3;
        status.air.categoryZh = QStringLiteral("轻度污染");
        status.air.colour = QStringLiteral("#FF7E00");
        status.air.primaryPollutants = QStringList{QStringLiteral("a34004")};
        status.air.iaqi = {{QStringLiteral("a34004"), 119}, {QStringLiteral("a21004"), 75}};
        status.openAlarms = 2;
        status.acknowledgedAlarms = 1;
        status.hasOpenAlarm = true;
        status.worstLevel = JhAlarmLevel::Serious;
        status.revision = 1780000000000001;
        CHECK_ROUND_TRIP(status);

        JhSiteStatus water;
        water.siteId = QStringLiteral("WAT-1");
        water.state = JhSiteState::Offline;
        water.lastDataAt = sTime;
        water.offlineSince = sTime.addSecs(12 * 3600);
        water.water = {true, sTime, {{QStringLiteral("w21003"), 4}}, 4, 3, false};
        CHECK_ROUND_TRIP(water);
        JhSiteStatus noise;
        noise.siteId = QStringLiteral("NOI-1");
        noise.state = JhSiteState::Online;
        noise.noise = {true, sTime, QStringLiteral("Leq"), 46.5, QStringLiteral("4a"), true, 55, false};
        CHECK_ROUND_TRIP(noise);
        JhSiteStatus source;
        source.siteId = QStringLiteral("SRC-1");
        source.state = JhSiteState::Calibration;
        source.source = {true, sTime, QStringLiteral("w01018"), 620, 500, 1.24, true};
        CHECK_ROUND_TRIP(source);
        // Never reported: no times, no judgement, no worst level on the wire.
        JhSiteStatus never;
        never.siteId = QStringLiteral("AIR-2");
        const QJsonObject json = JhJsonMapping::toJson(never);
        QCOMPARE(json.value(QStringLiteral("state")).toString(), QStringLiteral("never-reported"));
        for (const char *key : {"air", "water", "noise", "source", "worstLevel"})
            QVERIFY2(!json.contains(QLatin1String(key)), key);
        CHECK_ROUND_TRIP(never);

        // A bad judgement names its field.
        QJsonObject bad = JhJsonMapping::toJson(status);
        QJsonObject air = bad.value(QStringLiteral("air")).toObject();
        air.insert(QStringLiteral("category"), 9);
        bad.insert(QStringLiteral("air"), air);
        JhSiteStatus decoded;
        JhProtocolError error;
        QVERIFY(!JhJsonMapping::fromJson(bad, decoded, &error));
        QCOMPARE(error.message, QStringLiteral("siteStatus.air.category: must be 1..6"));
        bad.insert(QStringLiteral("state"), QStringLiteral("sleeping"));
        QVERIFY(!JhJsonMapping::fromJson(bad, decoded, &error));
        QCOMPARE(error.message, QStringLiteral("siteStatus.state: must be a known code"));
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

    void seriesQueryAndResultRoundTrip()
    {
        const QDateTime from(QDate(2026, 7, 1), QTime(0, 0), Qt::UTC);
        JhSeriesQuery query;
        query.id = QStringLiteral("q-2");
        query.kind = JhSeriesQuery::Kind::Aqi;
        query.siteId = QStringLiteral("AIR-1168A");
        query.interval = JhIntervalKind::Hour;
        query.from = from;
        query.to = from.addDays(1);
        JhSeriesQuery decoded;
        JhProtocolError error;
        QVERIFY(JhJsonMapping::fromJson(JhJsonMapping::toJson(query), decoded, &error));
        QCOMPARE(decoded, query);
        QCOMPARE(JhJsonMapping::toJson(query).value(QStringLiteral("kind")).toString(),
                 QStringLiteral("aqi"));

        JhSeriesResult aqi;
        aqi.queryId = query.id;
        aqi.kind = JhSeriesQuery::Kind::Aqi;
        aqi.siteId = query.siteId;
        aqi.from = query.from;
        aqi.to = query.to;
        JhSeriesResult::AqiHour hour;
        hour.dataTime = from;
        hour.hasAqi = true;
        hour.aqi = 87;
        hour.computedAqi = 87;
        hour.level = 2;
        hour.categoryZh = QStringLiteral("良");
        hour.categoryEn = QStringLiteral("Good");
        hour.colour = QStringLiteral("#FFFF00");
        hour.primaryPollutants = QStringList{QStringLiteral("PM2.5")};
        hour.standard = QStringLiteral("HJ 633-2026");
        JhSeriesResult::AqiHour na = hour;
        na.dataTime = from.addSecs(3600);
        na.hasAqi = false;
        na.aqi = 0;
        na.complete = false;
        aqi.aqi = {hour, na};
        aqi.aqiGaps = {{from.addSecs(7200), from.addDays(1)}};
        JhSeriesResult back;
        QVERIFY(JhJsonMapping::fromJson(JhJsonMapping::toJson(aqi), back, &error));
        QCOMPARE(back, aqi);

        // Noise limit lines with their period, a water line marked as the target.
        JhSeriesResult series;
        series.queryId = QStringLiteral("q-3");
        series.siteId = QStringLiteral("WAT-0001");
        series.from = from;
        series.to = from.addDays(1);
        JhSeriesResult::Factor factor;
        factor.factorCode = QStringLiteral("w21003");
        factor.downsampled = true;
        factor.bucketSeconds = 3600;
        JhSeriesResult::Reference line;
        line.standard = QStringLiteral("GB 3838-2002");
        line.label = QStringLiteral("III");
        line.labelZh = QStringLiteral("Ⅲ类");
        line.value = 1.0;
        line.unit = QStringLiteral("mg/L");
        line.target = true;
        JhSeriesResult::Reference night = line;
        night.period = QStringLiteral("night");
        night.target = false;
        night.from = from;
        night.to = from.addDays(1);
        factor.references = {line, night};
        series.factors = {factor};
        const QJsonObject json = JhJsonMapping::toJson(series);
        QVERIFY(JhJsonMapping::fromJson(json, back, &error));
        QCOMPARE(back, series);
        const QJsonObject first = json.value(QStringLiteral("factors"))
                                      .toArray()
                                      .at(0)
                                      .toObject()
                                      .value(QStringLiteral("limits"))
                                      .toArray()
                                      .at(0)
                                      .toObject();
        QVERIFY(!first.contains(QStringLiteral("lower"))); // absent numbers are left out
        QCOMPARE(first.value(QStringLiteral("target")).toBool(), true);

        // An error answer carries only the id, the code, the field and the messages.
        JhSeriesResult refused;
        refused.queryId = QStringLiteral("q-4");
        refused.error = JhSeriesResult::Error::TooManyQueries;
        refused.messageZh = QStringLiteral("查询过多");
        refused.messageEn = QStringLiteral("Too many queries");
        const QJsonObject refusedJson = JhJsonMapping::toJson(refused);
        QCOMPARE(refusedJson.value(QStringLiteral("error")).toString(), QStringLiteral("too-many-queries"));
        QVERIFY(!refusedJson.contains(QStringLiteral("factors")));
        QVERIFY(JhJsonMapping::fromJson(refusedJson, back, &error));
        QCOMPARE(back, refused);
        QVERIFY(!JhJsonMapping::fromJson(QJsonObject{{"queryId", "x"}, {"error", "bored"}}, back, &error));
        QCOMPARE(error.field, QStringLiteral("error"));
    }
};

QTEST_GUILESS_MAIN(TestJhJsonMapping)
#include "tst_jhjsonmapping.moc"
