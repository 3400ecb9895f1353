// Site, alarm, incident, depot and team attributes: class keys, style keys, labels, alarm halos, positions.
#include "jhlivetestdata.h"
#include "jhsiteattributes.h"

#include <QtTest>

class TestJhSiteAttributes : public QObject
{
    Q_OBJECT

private slots:
    void airClassKeys_data();
    void airClassKeys();
    void waterClassAndTarget();
    void noiseAndSourceClassKeys();
    void statesAreStyleKeys_data();
    void statesAreStyleKeys();
    void noStatusIsNeverReported();
    void alarmSummaryFromState();
    void alarmCountsFromStatusWhenNoAlarmObjects();
    void dataAge();
    void fieldsMatchValues();
    void incidentDepotTeam();
    void teamWithoutPositionSitsAtCountySeat();
};

using Data = JhLiveTestData;
using A = JhSiteAttributes;

void TestJhSiteAttributes::airClassKeys_data()
{
    QTest::addColumn<int>("category");
    QTest::addColumn<QString>("key");
    for (int c = 1; c <= 6; ++c)
        QTest::addRow("category %d", c) << c << QStringLiteral("aqi%1").arg(c);
}

void TestJhSiteAttributes::airClassKeys()
{
    QFETCH(int, category);
    QFETCH(QString, key);
    const JhSite site = Data::site(QStringLiteral("AIR-1"), JhSiteKind::AirNational, 120.9, 32.0);
    const JhSiteStatus status = Data::air(site.id, category, category * 50 - 10);
    QCOMPARE(A::classKey(site, &status), key);
    QCOMPARE(A::styleKey(site, &status), key);
    QVERIFY(A::label(site, &status).startsWith(QStringLiteral("AQI %1").arg(category * 50 - 10)));
    JhSiteStatus invalid = status;
    invalid.air.valid = false;
    QCOMPARE(A::classKey(site, &invalid), QStringLiteral("nodata"));
}

void TestJhSiteAttributes::waterClassAndTarget()
{
    const JhSite site = Data::site(QStringLiteral("WAT-1"), JhSiteKind::SurfaceWater, 120.9, 32.0);
    const JhSiteStatus four = Data::water(site.id, 4, 3);
    QCOMPARE(A::classKey(site, &four), QStringLiteral("water4"));
    QCOMPARE(A::label(site, &four), QStringLiteral("Ⅳ类（目标Ⅲ类）"));
    QVariantMap values = A::toMap(A::Layer::WaterStations, A::siteValues(site, &four, nullptr, Data::now()));
    QCOMPARE(values.value(QStringLiteral("meets_target")).toInt(), 0);
    const JhSiteStatus six = Data::water(site.id, 6, 6);
    QCOMPARE(A::classKey(site, &six), QStringLiteral("water6"));
    QCOMPARE(A::label(site, &six), QStringLiteral("劣Ⅴ类"));
    values = A::toMap(A::Layer::WaterStations, A::siteValues(site, &six, nullptr, Data::now()));
    QCOMPARE(values.value(QStringLiteral("meets_target")).toInt(), 1);
}

void TestJhSiteAttributes::noiseAndSourceClassKeys()
{
    const JhSite noise = Data::site(QStringLiteral("NOI-1"), JhSiteKind::Noise, 120.9, 32.0);
    JhSiteStatus status = Data::online(noise.id);
    status.noise.valid = true;
    status.noise.leq = 62.5;
    status.noise.limit = 60;
    status.noise.exceeded = true;
    QCOMPARE(A::classKey(noise, &status), QStringLiteral("noise_over"));
    QCOMPARE(A::label(noise, &status), QStringLiteral("62.5 dB(A)"));
    status.noise.exceeded = false;
    QCOMPARE(A::classKey(noise, &status), QStringLiteral("noise_ok"));

    const JhSite source = Data::site(QStringLiteral("SRC-1"), JhSiteKind::PollutionSource, 120.9, 32.0);
    JhSiteStatus emission = Data::online(source.id);
    emission.source.valid = true;
    emission.source.ratio = 0.5;
    QCOMPARE(A::classKey(source, &emission), QStringLiteral("source_ok"));
    emission.source.ratio = 0.8;
    QCOMPARE(A::classKey(source, &emission), QStringLiteral("source_near"));
    emission.source.ratio = 1.25;
    emission.source.exceeded = true;
    QCOMPARE(A::classKey(source, &emission), QStringLiteral("source_over"));
    QCOMPARE(A::label(source, &emission), QStringLiteral("超标 125%"));

    const JhSite marine = Data::site(QStringLiteral("MAR-1"), JhSiteKind::Marine, 121.5, 32.2);
    const JhSiteStatus sea = Data::online(marine.id);
    QCOMPARE(A::classKey(marine, &sea), QStringLiteral("marine_data"));
    QCOMPARE(A::layerForKind(JhSiteKind::DrinkingWater), A::Layer::WaterStations);
    QCOMPARE(A::layerForKind(JhSiteKind::AirPark), A::Layer::AirStations);
}

void TestJhSiteAttributes::statesAreStyleKeys_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("label");
    QTest::addRow("offline") << int(JhSiteState::Offline) << "offline" << QStringLiteral("离线");
    QTest::addRow("fault") << int(JhSiteState::Fault) << "fault" << QStringLiteral("故障");
    QTest::addRow("maintenance") << int(JhSiteState::Maintenance) << "maintenance" << QStringLiteral("维护");
    QTest::addRow("calibration") << int(JhSiteState::Calibration) << "calibration" << QStringLiteral("校准");
    QTest::addRow("stopped") << int(JhSiteState::EquipmentStopped) << "equipment-stopped"
                             << QStringLiteral("设备停运");
    QTest::addRow("never") << int(JhSiteState::NeverReported) << "never-reported"
                           << QStringLiteral("未上报数据");
}

void TestJhSiteAttributes::statesAreStyleKeys()
{
    QFETCH(int, state);
    QFETCH(QString, key);
    QFETCH(QString, label);
    const JhSite site = Data::site(QStringLiteral("AIR-1"), JhSiteKind::AirTownship, 120.9, 32.0);
    const JhSiteStatus status = Data::withState(Data::air(site.id, 2, 80), JhSiteState(state));
    QCOMPARE(A::styleKey(site, &status), key);
    QCOMPARE(A::classKey(site, &status), QStringLiteral("aqi2")); // the last judgement is kept for tooltips
    QCOMPARE(A::label(site, &status), label);
    const QVariantMap values =
        A::toMap(A::Layer::AirStations, A::siteValues(site, &status, nullptr, Data::now()));
    QCOMPARE(values.value(QStringLiteral("state")).toString(), key);
}

void TestJhSiteAttributes::noStatusIsNeverReported()
{
    const JhSite site = Data::site(QStringLiteral("AIR-1"), JhSiteKind::AirTownship, 120.9, 32.0);
    const QVariantMap values =
        A::toMap(A::Layer::AirStations, A::siteValues(site, nullptr, nullptr, Data::now()));
    QCOMPARE(values.value(QStringLiteral("class_key")).toString(), QStringLiteral("nodata"));
    QCOMPARE(values.value(QStringLiteral("style_key")).toString(), QStringLiteral("never-reported"));
    QCOMPARE(values.value(QStringLiteral("data_age_minutes")).toInt(), -1);
    QCOMPARE(values.value(QStringLiteral("alarm_state")).toString(), QStringLiteral("none"));
}

void TestJhSiteAttributes::alarmSummaryFromState()
{
    JhWorldState state;
    state.addSite(Data::site(QStringLiteral("AIR-1"), JhSiteKind::AirTownship, 120.9, 32.0));
    state.addSite(Data::site(QStringLiteral("AIR-2"), JhSiteKind::AirTownship, 120.8, 32.0));
    state.addAlarm(Data::alarm(QStringLiteral("ALM-1"), QStringLiteral("AIR-1"), JhAlarmState::Acknowledged));
    state.addAlarm(Data::alarm(QStringLiteral("ALM-2"), QStringLiteral("AIR-1"), JhAlarmState::Open,
                               JhAlarmLevel::Serious));
    state.addAlarm(Data::alarm(QStringLiteral("ALM-3"), QStringLiteral("AIR-2"), JhAlarmState::Acknowledged));
    state.addAlarm(Data::alarm(QStringLiteral("ALM-4"), QStringLiteral("AIR-2"), JhAlarmState::Closed));
    const auto summaries = A::alarmSummaries(state);
    QCOMPARE(summaries.size(), 2);
    QCOMPARE(A::alarmStateCode(summaries.value(QStringLiteral("AIR-1"))), QStringLiteral("open"));
    QCOMPARE(A::alarmLevelCode(summaries.value(QStringLiteral("AIR-1"))), QStringLiteral("serious"));
    QCOMPARE(A::alarmStateCode(summaries.value(QStringLiteral("AIR-2"))), QStringLiteral("acknowledged"));
    QCOMPARE(summaries.value(QStringLiteral("AIR-2")).active, 1);
    QCOMPARE(A::alarmSummary(state, QStringLiteral("AIR-1")).active, 2);

    const JhSiteStatus status = Data::air(QStringLiteral("AIR-1"), 3, 120);
    const auto summary = summaries.value(QStringLiteral("AIR-1"));
    const QVariantMap values =
        A::toMap(A::Layer::AirStations,
                 A::siteValues(*state.site(QStringLiteral("AIR-1")), &status, &summary, Data::now()));
    QCOMPARE(values.value(QStringLiteral("open_alarms")).toInt(), 2);
    QCOMPARE(values.value(QStringLiteral("alarm_level")).toString(), QStringLiteral("serious"));
}

void TestJhSiteAttributes::alarmCountsFromStatusWhenNoAlarmObjects()
{
    const JhSite site = Data::site(QStringLiteral("AIR-1"), JhSiteKind::AirTownship, 120.9, 32.0);
    JhSiteStatus status = Data::air(site.id, 3, 120);
    status.openAlarms = 2;
    status.acknowledgedAlarms = 2;
    status.hasOpenAlarm = true;
    status.worstLevel = JhAlarmLevel::Notice;
    QVariantMap values = A::toMap(A::Layer::AirStations, A::siteValues(site, &status, nullptr, Data::now()));
    QCOMPARE(values.value(QStringLiteral("alarm_state")).toString(), QStringLiteral("acknowledged"));
    QCOMPARE(values.value(QStringLiteral("alarm_level")).toString(), QStringLiteral("notice"));
    status.acknowledgedAlarms = 1;
    values = A::toMap(A::Layer::AirStations, A::siteValues(site, &status, nullptr, Data::now()));
    QCOMPARE(values.value(QStringLiteral("alarm_state")).toString(), QStringLiteral("open"));
}

void TestJhSiteAttributes::dataAge()
{
    const JhSite site = Data::site(QStringLiteral("AIR-1"), JhSiteKind::AirTownship, 120.9, 32.0);
    const JhSiteStatus status = Data::air(site.id, 1, 30);
    const QVariantMap values =
        A::toMap(A::Layer::AirStations, A::siteValues(site, &status, nullptr, Data::now()));
    QCOMPARE(values.value(QStringLiteral("data_age_minutes")).toInt(), 10);
    QCOMPARE(values.value(QStringLiteral("data_time")).toString(), QStringLiteral("2026-07-01 09:20"));
}

void TestJhSiteAttributes::fieldsMatchValues()
{
    const JhSite site = Data::site(QStringLiteral("AIR-1"), JhSiteKind::AirTownship, 120.9, 32.0);
    QCOMPARE(A::siteValues(site, nullptr, nullptr, Data::now()).size(),
             A::fields(A::Layer::AirStations).size());
    QCOMPARE(A::alarmValues(Data::alarm(QStringLiteral("A"), site.id, JhAlarmState::Open), &site, Data::now())
                 .size(),
             A::fields(A::Layer::ActiveAlarms).size());
    QCOMPARE(A::incidentValues(JhIncident(), Data::now()).size(), A::fields(A::Layer::Incidents).size());
    QCOMPARE(A::depotValues(JhDepot()).size(), A::fields(A::Layer::Depots).size());
    QCOMPARE(A::teamValues(JhCountyTeam(), 0).size(), A::fields(A::Layer::CountyTeams).size());
    QSet<QString> keys;
    for (A::Layer layer : A::layers()) {
        keys.insert(A::layerKey(layer));
        QVERIFY(!A::layerName(layer).isEmpty());
    }
    QCOMPARE(keys.size(), 9);
}

void TestJhSiteAttributes::incidentDepotTeam()
{
    JhIncident incident;
    incident.id = QStringLiteral("INC-1");
    incident.title = QStringLiteral("通吕运河水质异常");
    incident.level = JhIncidentLevel::III;
    QVariantMap values = A::toMap(A::Layer::Incidents, A::incidentValues(incident, Data::now()));
    QCOMPARE(values.value(QStringLiteral("level")).toString(), QStringLiteral("III"));
    QCOMPARE(values.value(QStringLiteral("level_zh")).toString(), QStringLiteral("较大"));

    JhDepot depot;
    depot.id = QStringLiteral("DEP-1");
    depot.name = QStringLiteral("海门应急物资库");
    JhInventoryItem boom;
    boom.itemCode = QStringLiteral("boom");
    boom.quantity = 10;
    boom.minimumStock = 20;
    JhInventoryItem pads;
    pads.itemCode = QStringLiteral("pads");
    pads.quantity = 100;
    pads.reserved = 10;
    depot.inventory << boom << pads;
    values = A::toMap(A::Layer::Depots, A::depotValues(depot));
    QCOMPARE(values.value(QStringLiteral("stock_key")).toString(), QStringLiteral("low"));
    QCOMPARE(values.value(QStringLiteral("stock_summary")).toString(),
             QStringLiteral("2种物资，1种低于储备下限，1种已预留"));
}

void TestJhSiteAttributes::teamWithoutPositionSitsAtCountySeat()
{
    JhCountyTeam team;
    team.id = QStringLiteral("haimen");
    team.name = QStringLiteral("海门站");
    team.countyCodes = {320614};
    team.status = JhTeamStatus::Busy;
    double longitude = 0;
    double latitude = 0;
    bool atSeat = false;
    QVERIFY(A::teamPosition(team, &longitude, &latitude, &atSeat));
    QVERIFY(atSeat);
    QCOMPARE(longitude, 121.172028);
    QVariantMap values = A::toMap(A::Layer::CountyTeams, A::teamValues(team, 2));
    QCOMPARE(values.value(QStringLiteral("position_source")).toString(), QStringLiteral("county_seat"));
    QCOMPARE(values.value(QStringLiteral("status")).toString(), QStringLiteral("busy"));
    QCOMPARE(values.value(QStringLiteral("label")).toString(), QStringLiteral("海门站 出动中（2项任务）"));
    team.longitude = 121.1;
    team.latitude = 31.9;
    QVERIFY(A::teamPosition(team, &longitude, &latitude, &atSeat));
    QVERIFY(!atSeat);
    team.longitude = team.latitude = 0;
    team.countyCodes.clear();
    QVERIFY(!A::teamPosition(team, &longitude, &latitude));
}

QTEST_GUILESS_MAIN(TestJhSiteAttributes)
#include "tst_jhsiteattributes.moc"
