// Each alarm rule on single observations, with expected verdicts worked out from the standards' tables.
#include "alarmtestsupport.h"

#include "jhairexceedancerule.h"
#include "jhairpollutants.h"
#include "jhairqualityindexrule.h"
#include "jhalarmruleregistry.h"
#include "jhdataflagrule.h"
#include "jhnoiselimitrule.h"
#include "jhofflinerule.h"
#include "jhsourcelimitrule.h"
#include "jhstuckvaluerule.h"
#include "jhwaterclassrule.h"

#include <QTest>

using namespace alarmtest;
using Kind = JhAlarmVerdict::Kind;

Q_DECLARE_METATYPE(JhAlarmVerdict::Kind)
Q_DECLARE_METATYPE(JhAlarmLevel)
Q_DECLARE_METATYPE(JhIntervalKind)
Q_DECLARE_METATYPE(JhWaterBodyType)

class TestJhAlarmRules : public QObject
{
    Q_OBJECT

    JhAlarmEngineConfig mConfig;

    JhAlarmVerdict judge(const JhAlarmRule &rule, const JhSite &site, const JhObservation &observation,
                         int sameValueCount = 1, const JhAirHourValues *hour = nullptr)
    {
        JhAlarmContext context{observation, site, mConfig, sameValueCount, hour};
        return rule.evaluate(context);
    }

private slots:
    void registryHasEveryRuleOnce()
    {
        const JhAlarmRuleRegistry registry = JhAlarmRuleRegistry::withStandardRules();
        const QStringList expected{QStringLiteral("exceedance.air-iaqi"),
                                   QStringLiteral("exceedance.air-aqi"),
                                   QStringLiteral("exceedance.water-class"),
                                   QStringLiteral("exceedance.noise-limit"),
                                   QStringLiteral("exceedance.source-limit"),
                                   QStringLiteral("data.flag"),
                                   QStringLiteral("data.stuck"),
                                   QStringLiteral("data.offline")};
        QCOMPARE(registry.ids(), expected);
        for (const QString &id : expected) {
            QVERIFY(registry.rule(id));
            QVERIFY(!registry.rule(id)->nameZh().isEmpty());
        }
        QVERIFY(!registry.rule(QStringLiteral("nope")));
        JhAlarmRuleRegistry copy = registry;
        copy.add(std::make_shared<JhStuckValueRule>()); // same id: replaced, not added
        QCOMPARE(copy.count(), registry.count());
    }

    void airIaqi_data()
    {
        QTest::addColumn<QDateTime>("time");
        QTest::addColumn<QString>("factor");
        QTest::addColumn<double>("value");
        QTest::addColumn<JhIntervalKind>("interval");
        QTest::addColumn<QString>("flag");
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<JhAlarmLevel>("level");
        QTest::addColumn<QString>("inMessage");
        const QDateTime t2026 = baseTime().addSecs(2 * 3600); // 2026-05-01 10:00 Beijing
        const QDateTime t2012 = QDateTime(QDate(2025, 6, 1), QTime(2, 0), Qt::UTC); // HJ 633-2012 in force
        const JhIntervalKind hour = JhIntervalKind::Hour;
        const QString n = QStringLiteral("N");
        const QString pm25 = QStringLiteral("a34004");
        // PM2.5 hourly values use the 24 h column in both editions (2026 §4.2.4). HJ 633-2026 moved its IAQI
        // 100 breakpoint from 75 to 60: 60 -> IAQI 100; 61 -> ceil(100 + 1*50/55) = 101; 76 -> ceil(100 +
        // 16*50/55) = 115.
        QTest::newRow("pm25 60 = IAQI 100")
            << t2026 << pm25 << 60.0 << hour << n << Kind::Normal << JhAlarmLevel::Warning << QString();
        QTest::newRow("pm25 61 = IAQI 101") << t2026 << pm25 << 61.0 << hour << n << Kind::Abnormal
                                            << JhAlarmLevel::Warning << QStringLiteral("IAQI 101");
        QTest::newRow("pm25 76 = IAQI 115") << t2026 << pm25 << 76.0 << hour << n << Kind::Abnormal
                                            << JhAlarmLevel::Warning << QStringLiteral("IAQI 115");
        // HJ 633-2012: 75 -> IAQI 100; 76 -> ceil(100 + 1*50/40) = 102.
        QTest::newRow("pm25 2012 75 = IAQI 100")
            << t2012 << pm25 << 75.0 << hour << n << Kind::Normal << JhAlarmLevel::Warning << QString();
        // 150 -> 200 (warning); 151 -> ceil(200 + 1*100/100) = 201 (serious).
        QTest::newRow("pm25 150 = IAQI 200") << t2026 << pm25 << 150.0 << hour << n << Kind::Abnormal
                                             << JhAlarmLevel::Warning << QStringLiteral("IAQI 200");
        QTest::newRow("pm25 151 = IAQI 201") << t2026 << pm25 << 151.0 << hour << n << Kind::Abnormal
                                             << JhAlarmLevel::Serious << QStringLiteral("IAQI 201");
        QTest::newRow("pm25 2012 76 = IAQI 102")
            << t2012 << pm25 << 76.0 << hour << n << Kind::Abnormal << JhAlarmLevel::Warning
            << QStringLiteral("IAQI 102，超过 100（HJ 633-2012）");
        // HJ 633-2012 SO2 1 h: 500 -> 100; 501 -> ceil(100 + 1*50/150) = 101; above 800 no IAQI (cap):
        // serious.
        QTest::newRow("so2 2012 500") << t2012 << QStringLiteral("a21026") << 500.0 << hour << n
                                      << Kind::Normal << JhAlarmLevel::Warning << QString();
        QTest::newRow("so2 2012 501")
            << t2012 << QStringLiteral("a21026") << 501.0 << hour << n << Kind::Abnormal
            << JhAlarmLevel::Warning << QStringLiteral("IAQI 101");
        QTest::newRow("so2 2012 900 above table")
            << t2012 << QStringLiteral("a21026") << 900.0 << hour << n << Kind::Abnormal
            << JhAlarmLevel::Serious << QStringLiteral("800");
        // O3 1 h: 200 -> 100; 201 -> ceil(100 + 1*50/100) = 101.
        QTest::newRow("o3 2012 200") << t2012 << QStringLiteral("a05024") << 200.0 << hour << n
                                     << Kind::Normal << JhAlarmLevel::Warning << QString();
        QTest::newRow("o3 2012 201") << t2012 << QStringLiteral("a05024") << 201.0 << hour << n
                                     << Kind::Abnormal << JhAlarmLevel::Warning << QStringLiteral("IAQI 101");
        QTest::newRow("minute values not judged")
            << t2026 << pm25 << 300.0 << JhIntervalKind::Minute << n << Kind::NotApplicable
            << JhAlarmLevel::Warning << QString();
        QTest::newRow("fault flag not judged") << t2026 << pm25 << 300.0 << hour << QStringLiteral("D")
                                               << Kind::NotApplicable << JhAlarmLevel::Warning << QString();
        QTest::newRow("not an AQI pollutant") << t2026 << QStringLiteral("a01001") << 300.0 << hour << n
                                              << Kind::NotApplicable << JhAlarmLevel::Warning << QString();
    }

    void airIaqi()
    {
        QFETCH(QDateTime, time);
        QFETCH(QString, factor);
        QFETCH(double, value);
        QFETCH(JhIntervalKind, interval);
        QFETCH(QString, flag);
        QFETCH(Kind, kind);
        QFETCH(JhAlarmLevel, level);
        QFETCH(QString, inMessage);
        const JhSite site = airSite();
        const JhAlarmVerdict verdict =
            judge(JhAirExceedanceRule(), site, observation(site, factor, time, value, interval, flag));
        QCOMPARE(verdict.kind, kind);
        if (kind == Kind::Abnormal) {
            QCOMPARE(verdict.level, level);
            QVERIFY2(verdict.message.contains(inMessage), qPrintable(verdict.message));
            QVERIFY(verdict.factorCode.isEmpty());
        }
    }

    void airIaqiNotForOtherSitesAndHj212Units()
    {
        const JhSite water = waterSite();
        QCOMPARE(
            judge(JhAirExceedanceRule(), water, observation(water, QStringLiteral("a34004"), baseTime(), 300))
                .kind,
            Kind::NotApplicable);
        // HJ 212 Table B.2 unit for SO2 is mg/m³: 0.501 mg/m³ = 501 µg/m³ -> IAQI 101 (2012).
        mConfig.airValuesInHj212Units = true;
        const JhSite air = airSite();
        const QDateTime t2012 = QDateTime(QDate(2025, 6, 1), QTime(2, 0), Qt::UTC);
        QCOMPARE(
            judge(JhAirExceedanceRule(), air, observation(air, QStringLiteral("a21026"), t2012, 0.501)).kind,
            Kind::Abnormal);
        QCOMPARE(
            judge(JhAirExceedanceRule(), air, observation(air, QStringLiteral("a21026"), t2012, 0.5)).kind,
            Kind::Normal);
        mConfig = JhAlarmEngineConfig();
    }

    void airQualityIndexNeedsTheCompleteHour()
    {
        const JhSite site = airSite();
        const JhObservation pm25 = observation(site, QStringLiteral("a34004"), baseTime(), 120);
        JhAirHourValues hour;
        hour.hourMs = baseTime().toMSecsSinceEpoch();
        hour.expectedMask = 0x3f;
        hour.values[int(JhAirPollutant::Pm25)] = 120;
        hour.presentMask = 1u << unsigned(JhAirPollutant::Pm25);
        QCOMPARE(judge(JhAirQualityIndexRule(), site, pm25, 1, nullptr).kind, Kind::NotApplicable);
        QCOMPARE(judge(JhAirQualityIndexRule(), site, pm25, 1, &hour).kind, Kind::NotApplicable);
        // SO2 10 (IAQI 4), NO2 40 (20), PM10 50 (50), CO 0.8 (8), O3 100 (32), PM2.5 120:
        // ceil(150 + 5*50/35) = 158 -> AQI 158, 四级 中度污染, primary PM2.5.
        hour.values[int(JhAirPollutant::So2)] = 10;
        hour.values[int(JhAirPollutant::No2)] = 40;
        hour.values[int(JhAirPollutant::Pm10)] = 50;
        hour.values[int(JhAirPollutant::Co)] = 0.8;
        hour.values[int(JhAirPollutant::O3)] = 100;
        hour.presentMask = 0x3f;
        JhAlarmVerdict verdict = judge(JhAirQualityIndexRule(), site, pm25, 1, &hour);
        QCOMPARE(verdict.kind, Kind::Abnormal);
        QCOMPARE(verdict.level, JhAlarmLevel::Warning);
        QCOMPARE(verdict.factorCode, QStringLiteral("AQI"));
        QVERIFY2(verdict.message.contains(QStringLiteral("AQI 158")), qPrintable(verdict.message));
        QVERIFY2(verdict.message.contains(QStringLiteral("中度污染")), qPrintable(verdict.message));
        QVERIFY2(verdict.message.contains(QStringLiteral("PM2.5")), qPrintable(verdict.message));
        // PM2.5 35 -> IAQI 50; AQI 50 (PM10) -> normal.
        hour.values[int(JhAirPollutant::Pm25)] = 35;
        verdict = judge(JhAirQualityIndexRule(), site, pm25, 1, &hour);
        QCOMPARE(verdict.kind, Kind::Normal);
        QCOMPARE(verdict.factorCode, QStringLiteral("AQI"));
    }

    void waterClass_data()
    {
        QTest::addColumn<int>("target");
        QTest::addColumn<JhWaterBodyType>("body");
        QTest::addColumn<QString>("factor");
        QTest::addColumn<double>("value");
        QTest::addColumn<JhIntervalKind>("interval");
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<JhAlarmLevel>("level");
        QTest::addColumn<QString>("inMessage");
        const JhWaterBodyType river = JhWaterBodyType::River;
        const JhWaterBodyType lake = JhWaterBodyType::Lake;
        const JhIntervalKind hour = JhIntervalKind::Hour;
        const QString nh3n = QStringLiteral("w21003");
        // GB 3838 NH3-N (mg/L): I 0.15, II 0.5, III 1.0, IV 1.5, V 2.0.
        QTest::newRow("nh3n 1.0 = III")
            << 3 << river << nh3n << 1.0 << hour << Kind::Normal << JhAlarmLevel::Warning << QString();
        QTest::newRow("nh3n 1.2 = IV") << 3 << river << nh3n << 1.2 << hour << Kind::Abnormal
                                       << JhAlarmLevel::Warning << QStringLiteral("Ⅳ类");
        QTest::newRow("nh3n 1.8 = V") << 3 << river << nh3n << 1.8 << hour << Kind::Abnormal
                                      << JhAlarmLevel::Serious << QStringLiteral("Ⅴ类");
        QTest::newRow("nh3n 2.1 = worse than V")
            << 3 << river << nh3n << 2.1 << JhIntervalKind::Day << Kind::Abnormal << JhAlarmLevel::Serious
            << QStringLiteral("劣Ⅴ类");
        QTest::newRow("nh3n 1.2 target IV")
            << 4 << river << nh3n << 1.2 << hour << Kind::Normal << JhAlarmLevel::Warning << QString();
        // TP river: II 0.1, III 0.2; lake: III 0.05, IV 0.1.
        QTest::newRow("tp 0.08 river = II") << 3 << river << QStringLiteral("w21011") << 0.08 << hour
                                            << Kind::Normal << JhAlarmLevel::Warning << QString();
        QTest::newRow("tp 0.08 lake = IV")
            << 3 << lake << QStringLiteral("w21011") << 0.08 << hour << Kind::Abnormal
            << JhAlarmLevel::Warning << QStringLiteral("Ⅳ类");
        // Arsenic arrives in µg/L (HJ 212), GB 3838 limits in mg/L: III 0.05, IV 0.1.
        QTest::newRow("as 50 ug/L = III") << 3 << river << QStringLiteral("w20119") << 50.0 << hour
                                          << Kind::Normal << JhAlarmLevel::Warning << QString();
        QTest::newRow("as 60 ug/L = IV") << 3 << river << QStringLiteral("w20119") << 60.0 << hour
                                         << Kind::Abnormal << JhAlarmLevel::Warning << QStringLiteral("Ⅳ类");
        // DO is at least: III >= 5, IV >= 3.
        QTest::newRow("do 4 = IV") << 3 << river << QStringLiteral("w01009") << 4.0 << hour << Kind::Abnormal
                                   << JhAlarmLevel::Warning << QStringLiteral("溶解氧");
        QTest::newRow("do 6 = II") << 3 << river << QStringLiteral("w01009") << 6.0 << hour << Kind::Normal
                                   << JhAlarmLevel::Warning << QString();
        QTest::newRow("temperature has no class")
            << 3 << river << QStringLiteral("w01010") << 40.0 << hour << Kind::NotApplicable
            << JhAlarmLevel::Warning << QString();
        QTest::newRow("realtime not judged") << 3 << river << nh3n << 5.0 << JhIntervalKind::Realtime
                                             << Kind::NotApplicable << JhAlarmLevel::Warning << QString();
        QTest::newRow("no target") << 0 << river << nh3n << 5.0 << hour << Kind::NotApplicable
                                   << JhAlarmLevel::Warning << QString();
    }

    void waterClass()
    {
        QFETCH(int, target);
        QFETCH(JhWaterBodyType, body);
        QFETCH(QString, factor);
        QFETCH(double, value);
        QFETCH(JhIntervalKind, interval);
        QFETCH(Kind, kind);
        QFETCH(JhAlarmLevel, level);
        QFETCH(QString, inMessage);
        const JhSite site = waterSite(target, body);
        const JhAlarmVerdict verdict =
            judge(JhWaterClassRule(), site, observation(site, factor, baseTime(), value, interval));
        QCOMPARE(verdict.kind, kind);
        if (kind == Kind::Abnormal) {
            QCOMPARE(verdict.level, level);
            QVERIFY2(verdict.message.contains(inMessage), qPrintable(verdict.message));
            QVERIFY2(verdict.message.contains(QStringLiteral("劣于目标")), qPrintable(verdict.message));
        }
    }

    void noiseLimit_data()
    {
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QDateTime>("time");
        QTest::addColumn<QString>("factor");
        QTest::addColumn<double>("value");
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<JhAlarmLevel>("level");
        const QString leq = QStringLiteral("Leq");
        const QDateTime day = baseTime().addSecs(2 * 3600);              // 10:00 Beijing
        const QDateTime night = baseTime().addSecs(14 * 3600 + 30 * 60); // 22:30 Beijing
        const QDateTime before6 = baseTime().addSecs(-2 * 3600 - 60);    // 05:59 Beijing
        const QDateTime at6 = baseTime().addSecs(-2 * 3600);             // 06:00 Beijing
        // GB 3096 class 1: day 55, night 45; class 4a: day 70, night 55.
        QTest::newRow("1 day 55") << "1" << day << leq << 55.0 << Kind::Normal << JhAlarmLevel::Warning;
        QTest::newRow("1 day 55.1") << "1" << day << leq << 55.1 << Kind::Abnormal << JhAlarmLevel::Warning;
        QTest::newRow("1 day 66 serious")
            << "1" << day << leq << 66.0 << Kind::Abnormal << JhAlarmLevel::Serious;
        QTest::newRow("1 night 45") << "1" << night << leq << 45.0 << Kind::Normal << JhAlarmLevel::Warning;
        QTest::newRow("1 night 46") << "1" << night << leq << 46.0 << Kind::Abnormal << JhAlarmLevel::Warning;
        QTest::newRow("1 05:59 is night")
            << "1" << before6 << leq << 50.0 << Kind::Abnormal << JhAlarmLevel::Warning;
        QTest::newRow("1 06:00 is day") << "1" << at6 << leq << 50.0 << Kind::Normal << JhAlarmLevel::Warning;
        QTest::newRow("4a night 56") << "4a" << night << leq << 56.0 << Kind::Abnormal
                                     << JhAlarmLevel::Warning;
        QTest::newRow("4a day 69") << "4a" << day << leq << 69.0 << Kind::Normal << JhAlarmLevel::Warning;
        QTest::newRow("LA not judged")
            << "1" << day << QStringLiteral("LA") << 90.0 << Kind::NotApplicable << JhAlarmLevel::Warning;
        QTest::newRow("unknown zone")
            << "9" << day << leq << 90.0 << Kind::NotApplicable << JhAlarmLevel::Warning;
    }

    void noiseLimit()
    {
        QFETCH(QString, zone);
        QFETCH(QDateTime, time);
        QFETCH(QString, factor);
        QFETCH(double, value);
        QFETCH(Kind, kind);
        QFETCH(JhAlarmLevel, level);
        const JhSite site = noiseSite(zone);
        const JhAlarmVerdict verdict =
            judge(JhNoiseLimitRule(), site, observation(site, factor, time, value, JhIntervalKind::Minute));
        QCOMPARE(verdict.kind, kind);
        if (kind == Kind::Abnormal) {
            QCOMPARE(verdict.level, level);
            QVERIFY2(verdict.message.contains(QStringLiteral("dB(A)")), qPrintable(verdict.message));
        }
    }

    void sourceLimit()
    {
        const JhSite site = sourceSite();
        const QString cod = QStringLiteral("w01018");
        auto kindOf = [&](const QString &factor, double value,
                          JhIntervalKind interval = JhIntervalKind::Hour) {
            return judge(JhSourceLimitRule(), site, observation(site, factor, baseTime(), value, interval));
        };
        QCOMPARE(kindOf(cod, 500).kind, Kind::Normal);
        QCOMPARE(kindOf(cod, 501).kind, Kind::Abnormal);
        QCOMPARE(kindOf(cod, 501).level, JhAlarmLevel::Warning);
        QVERIFY(kindOf(cod, 501).message.contains(QStringLiteral("500")));
        QCOMPARE(kindOf(cod, 999).level, JhAlarmLevel::Warning);
        QCOMPARE(kindOf(cod, 1000).level, JhAlarmLevel::Serious); // 2 x the permitted limit
        QCOMPARE(kindOf(cod, 600, JhIntervalKind::Minute).kind, Kind::Abnormal);
        QCOMPARE(kindOf(cod, 600, JhIntervalKind::Realtime).kind, Kind::NotApplicable);
        QCOMPARE(kindOf(QStringLiteral("w21003"), 600).kind, Kind::NotApplicable); // no permitted limit
        const JhSite air = airSite();
        QCOMPARE(judge(JhSourceLimitRule(), air, observation(air, cod, baseTime(), 600)).kind,
                 Kind::NotApplicable);
    }

    void dataFlags_data()
    {
        QTest::addColumn<QString>("flag");
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<JhAlarmLevel>("level");
        QTest::newRow("N") << "N" << Kind::Normal << JhAlarmLevel::Warning;
        QTest::newRow("D fault") << "D" << Kind::Abnormal << JhAlarmLevel::Warning;
        QTest::newRow("F stopped") << "F" << Kind::Abnormal << JhAlarmLevel::Warning;
        QTest::newRow("M maintenance") << "M" << Kind::Abnormal << JhAlarmLevel::Notice;
        QTest::newRow("C calibration") << "C" << Kind::Abnormal << JhAlarmLevel::Notice;
        QTest::newRow("S set value") << "S" << Kind::NotApplicable << JhAlarmLevel::Warning;
    }

    void dataFlags()
    {
        QFETCH(QString, flag);
        QFETCH(Kind, kind);
        QFETCH(JhAlarmLevel, level);
        const JhSite site = waterSite();
        const JhAlarmVerdict verdict = judge(
            JhDataFlagRule(), site,
            observation(site, QStringLiteral("w21003"), baseTime(), 0.5, JhIntervalKind::Realtime, flag));
        QCOMPARE(verdict.kind, kind);
        if (kind == Kind::Abnormal) {
            QCOMPARE(verdict.level, level);
            QVERIFY2(verdict.message.contains(flag), qPrintable(verdict.message));
        }
    }

    void stuckValue()
    {
        const JhSite site = airSite();
        const JhObservation minute =
            observation(site, QStringLiteral("a21005"), baseTime(), 0.7, JhIntervalKind::Minute);
        QCOMPARE(mConfig.stuckIntervals, 12);
        QCOMPARE(judge(JhStuckValueRule(), site, minute, 11).kind, Kind::Normal);
        const JhAlarmVerdict verdict = judge(JhStuckValueRule(), site, minute, 12);
        QCOMPARE(verdict.kind, Kind::Abnormal);
        QCOMPARE(verdict.level, JhAlarmLevel::Warning);
        QVERIFY(verdict.message.contains(QStringLiteral("12")));
        JhObservation realtime = minute;
        realtime.interval = JhIntervalKind::Realtime;
        QCOMPARE(judge(JhStuckValueRule(), site, realtime, 50).kind, Kind::NotApplicable);
        JhObservation maintenance = minute;
        maintenance.flag = QStringLiteral("M");
        QCOMPARE(judge(JhStuckValueRule(), site, maintenance, 50).kind, Kind::NotApplicable);
        mConfig.stuckExemptFactorCodes = QStringList{QStringLiteral("a21005")};
        QCOMPARE(judge(JhStuckValueRule(), site, minute, 50).kind, Kind::NotApplicable);
        mConfig = JhAlarmEngineConfig();
    }

    void offline()
    {
        const qint64 hour = 3600 * 1000;
        const qint64 now = baseTime().toMSecsSinceEpoch();
        // Hourly sites: 3 missed hours allowed; water every 4 h: 12 h.
        QCOMPARE(JhOfflineRule::judge(airSite(), now - 3 * hour, now, mConfig).kind, Kind::Normal);
        const JhAlarmVerdict air = JhOfflineRule::judge(airSite(), now - 3 * hour - 60000, now, mConfig);
        QCOMPARE(air.kind, Kind::Abnormal);
        QVERIFY2(air.message.contains(QStringLiteral("181")), qPrintable(air.message));
        QCOMPARE(JhOfflineRule::judge(waterSite(), now - 12 * hour, now, mConfig).kind, Kind::Normal);
        QCOMPARE(JhOfflineRule::judge(waterSite(), now - 12 * hour - 1, now, mConfig).kind, Kind::Abnormal);
    }
};

QTEST_GUILESS_MAIN(TestJhAlarmRules)
#include "tst_jhalarmrules.moc"
