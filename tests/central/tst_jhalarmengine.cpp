// JhAlarmEngine over sequences of observations, folding its events into a JhWorldState as the service does:
// one alarm per (site, factor, rule), auto-close after N normal intervals, offline sweep, restart, resends.
#include "alarmtestsupport.h"

#include "jhalarmengine.h"
#include "jhofflinerule.h"

#include <QTest>

using namespace alarmtest;

namespace {

const QString sPm25 = QStringLiteral("a34004");
const QString sAirRule = QStringLiteral("exceedance.air-iaqi");

} // namespace

class TestJhAlarmEngine : public QObject
{
    Q_OBJECT

    JhWorldState mState;

    //! Appends the events as the store would (next sequence numbers) and folds them.
    void fold(QList<JhEvent> &events)
    {
        for (JhEvent &event : events) {
            event.sequence = mState.lastSequence() + 1;
            QString error;
            QVERIFY2(mState.apply(event, &error), qPrintable(error));
        }
    }

    QList<JhEvent> feed(JhAlarmEngine &engine, const QVector<JhObservation> &observations,
                        const QDateTime &now)
    {
        QList<JhEvent> events = engine.process(observations, mState, now);
        fold(events);
        return events;
    }

    //! Hourly PM2.5 values at AIR-1, hour k at baseTime + k h, each processed at its hour + 5 min.
    QList<JhEvent> feedPm25(JhAlarmEngine &engine, const QVector<double> &values, int firstHour = 0)
    {
        QList<JhEvent> all;
        const JhSite &site = *mState.site(QStringLiteral("AIR-1"));
        for (int index = 0; index < values.size(); ++index) {
            const QDateTime time = baseTime().addSecs(3600 * (firstHour + index));
            all += feed(engine, {observation(site, sPm25, time, values.at(index))}, time.addSecs(300));
        }
        return all;
    }

    static int countOf(const QList<JhEvent> &events, JhEventType type)
    {
        int count = 0;
        for (const JhEvent &event : events)
            count += event.type == type ? 1 : 0;
        return count;
    }

    int activeAlarms(const QString &ruleId = QString()) const
    {
        int count = 0;
        for (const JhAlarm &alarm : mState.alarms())
            count += alarm.isActive() && (ruleId.isEmpty() || alarm.ruleId == ruleId) ? 1 : 0;
        return count;
    }

private slots:
    void init()
    {
        mState = JhWorldState();
        mState.addSite(airSite());
        mState.addSite(airSite(QStringLiteral("AIR-2")));
        mState.addSite(waterSite());
        mState.addSite(noiseSite());
        mState.addSite(sourceSite());
    }

    void airExceedanceOpensOnceAndClosesAfterThreeNormalHours()
    {
        JhAlarmEngine engine;
        // 2026 PM2.5 hourly: 61 -> IAQI 101 (open), 90 -> 141 (still the same alarm), then 3 hours at 50
        // (IAQI 72).
        QList<JhEvent> events = feedPm25(engine, {61});
        QCOMPARE(events.size(), 1);
        const JhEvent opened = events.first();
        QCOMPARE(opened.type, JhEventType::AlarmOpened);
        QCOMPARE(opened.actor, QStringLiteral("system"));
        QCOMPARE(opened.time, baseTime().addSecs(300));
        const JhAlarm *alarm = mState.activeAlarm(QStringLiteral("AIR-1"), sPm25, sAirRule);
        QVERIFY(alarm);
        QCOMPARE(alarm->id, QStringLiteral("ALM-000001"));
        QCOMPARE(alarm->level, JhAlarmLevel::Warning);
        QCOMPARE(alarm->value, 61.0);
        QVERIFY2(alarm->message.contains(QStringLiteral("IAQI 101")), qPrintable(alarm->message));
        QCOMPARE(alarm->openedAt, baseTime().addSecs(300));

        QVERIFY(feedPm25(engine, {90}, 1).isEmpty()); // not duplicated
        QVERIFY(feedPm25(engine, {50, 50}, 2).isEmpty());
        events = feedPm25(engine, {50}, 4);
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().type, JhEventType::AlarmClosed);
        QCOMPARE(events.first().actor, QStringLiteral("system"));
        QCOMPARE(events.first().time, baseTime().addSecs(4 * 3600 + 300));
        alarm = mState.alarm(QStringLiteral("ALM-000001"));
        QCOMPARE(alarm->state, JhAlarmState::Closed);
        QCOMPARE(alarm->updatedBy, QStringLiteral("system"));
        QVERIFY(alarm->note.contains(QStringLiteral("3")));

        // A new exceedance is a new alarm.
        events = feedPm25(engine, {200}, 5); // 2026: (150, 250] -> IAQI 250: serious
        QCOMPARE(events.size(), 1);
        alarm = mState.activeAlarm(QStringLiteral("AIR-1"), sPm25, sAirRule);
        QCOMPARE(alarm->id, QStringLiteral("ALM-000002"));
        QCOMPARE(alarm->level, JhAlarmLevel::Serious);
    }

    void abnormalValueRestartsTheNormalCount()
    {
        JhAlarmEngine engine;
        QCOMPARE(countOf(feedPm25(engine, {61, 50, 50, 70, 50, 50}), JhEventType::AlarmOpened), 1);
        QCOMPARE(activeAlarms(sAirRule), 1);
        QCOMPARE(countOf(feedPm25(engine, {50}, 6), JhEventType::AlarmClosed), 1);
        QCOMPARE(activeAlarms(sAirRule), 0);
    }

    void autoCloseCountIsConfigurable()
    {
        JhAlarmEngineConfig config;
        config.autoCloseNormalIntervals = 1;
        JhAlarmEngine engine(config);
        const QList<JhEvent> events = feedPm25(engine, {61, 50});
        QCOMPARE(events.size(), 2);
        QCOMPARE(events.at(1).type, JhEventType::AlarmClosed);
    }

    void alarmsOpenedInOneCallGetConsecutiveIds()
    {
        JhAlarmEngine engine;
        const JhSite &one = *mState.site(QStringLiteral("AIR-1"));
        const JhSite &two = *mState.site(QStringLiteral("AIR-2"));
        const JhSite &source = *mState.site(QStringLiteral("SRC-1"));
        const QDateTime time = baseTime();
        const QList<JhEvent> events = feed(
            engine,
            {observation(one, sPm25, time, 80), observation(two, sPm25, time, 80),
             observation(source, QStringLiteral("w01018"), time, 600),
             observation(one, QStringLiteral("a21026"), time, 10, JhIntervalKind::Hour, QStringLiteral("D"))},
            time.addSecs(60));
        QCOMPARE(events.size(), 4);
        QStringList ids;
        for (const JhEvent &event : events)
            ids << event.payload.value(QStringLiteral("alarmId")).toString();
        QCOMPARE(ids, (QStringList{QStringLiteral("ALM-000001"), QStringLiteral("ALM-000002"),
                                   QStringLiteral("ALM-000003"), QStringLiteral("ALM-000004")}));
        QCOMPARE(mState.alarm(QStringLiteral("ALM-000003"))->ruleId,
                 QStringLiteral("exceedance.source-limit"));
        QCOMPARE(mState.alarm(QStringLiteral("ALM-000004"))->ruleId, QStringLiteral("data.flag"));
        QCOMPARE(mState.alarm(QStringLiteral("ALM-000004"))->factorCode, QStringLiteral("a21026"));
    }

    void sameSeriesTwiceInOneCallIsOneAlarm()
    {
        JhAlarmEngine engine;
        const JhSite &site = *mState.site(QStringLiteral("AIR-1"));
        const QList<JhEvent> events = feed(engine,
                                           {observation(site, sPm25, baseTime(), 80),
                                            observation(site, sPm25, baseTime().addSecs(3600), 90)},
                                           baseTime().addSecs(7200));
        QCOMPARE(events.size(), 1);
    }

    void resendsAndLateDataAreNotJudgedAgain()
    {
        JhAlarmEngine engine;
        feedPm25(engine, {61, 50, 50});
        // The logger resends hour 2 (lost reply) and a late hour 1: not counted as further normal intervals.
        const JhSite &site = *mState.site(QStringLiteral("AIR-1"));
        QVERIFY(feed(engine,
                     {observation(site, sPm25, baseTime().addSecs(7200), 50),
                      observation(site, sPm25, baseTime().addSecs(3600), 50)},
                     baseTime().addSecs(3 * 3600))
                    .isEmpty());
        QCOMPARE(engine.skippedCount(), quint64(2));
        QCOMPARE(activeAlarms(sAirRule), 1);
        QCOMPARE(countOf(feedPm25(engine, {50}, 3), JhEventType::AlarmClosed), 1);
    }

    void operatorClosedAlarmReopensOnTheNextExceedance()
    {
        JhAlarmEngine engine;
        feedPm25(engine, {61});
        JhEvent close;
        close.type = JhEventType::AlarmClosed;
        close.time = baseTime().addSecs(1800);
        close.actor = QStringLiteral("duty");
        close.payload = {{QStringLiteral("alarmId"), QStringLiteral("ALM-000001")},
                         {QStringLiteral("note"), QStringLiteral("已处理")}};
        QList<JhEvent> manual{close};
        fold(manual);
        const QList<JhEvent> events = feedPm25(engine, {70}, 1);
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().payload.value(QStringLiteral("alarmId")).toString(),
                 QStringLiteral("ALM-000002"));
    }

    void acknowledgedClosesButEscalatedStays()
    {
        JhAlarmEngine engine;
        const JhSite &one = *mState.site(QStringLiteral("AIR-1"));
        const JhSite &two = *mState.site(QStringLiteral("AIR-2"));
        feed(engine, {observation(one, sPm25, baseTime(), 80), observation(two, sPm25, baseTime(), 80)},
             baseTime().addSecs(60));
        JhEvent acknowledge;
        acknowledge.type = JhEventType::AlarmAcknowledged;
        acknowledge.time = baseTime().addSecs(600);
        acknowledge.actor = QStringLiteral("duty");
        acknowledge.payload = {{QStringLiteral("alarmId"), QStringLiteral("ALM-000001")}};
        JhEvent escalate = acknowledge;
        escalate.type = JhEventType::AlarmEscalated;
        escalate.payload = {{QStringLiteral("alarmId"), QStringLiteral("ALM-000002")},
                            {QStringLiteral("incidentId"), QStringLiteral("INC-000001")}};
        QList<JhEvent> manual{acknowledge, escalate};
        fold(manual);
        for (int hour = 1; hour <= 3; ++hour) {
            const QDateTime time = baseTime().addSecs(3600 * hour);
            feed(engine, {observation(one, sPm25, time, 40), observation(two, sPm25, time, 40)}, time);
        }
        QCOMPARE(mState.alarm(QStringLiteral("ALM-000001"))->state, JhAlarmState::Closed);
        QCOMPARE(mState.alarm(QStringLiteral("ALM-000002"))->state, JhAlarmState::Escalated);
        // Still no second alarm for AIR-2 while the escalated one is active.
        QVERIFY(
            feed(engine, {observation(two, sPm25, baseTime().addSecs(4 * 3600), 90)}, baseTime()).isEmpty());
    }

    void restartedEngineAdoptsOpenAlarmsFromTheState()
    {
        {
            JhAlarmEngine first;
            feedPm25(first, {61});
        }
        JhAlarmEngine second;
        QVERIFY(feedPm25(second, {80}, 1).isEmpty()); // no duplicate after a restart
        QCOMPARE(countOf(feedPm25(second, {40, 40, 40}, 2), JhEventType::AlarmClosed), 1);
    }

    void waterNoiseAndSourceSequences()
    {
        JhAlarmEngine engine;
        const JhSite &water = *mState.site(QStringLiteral("WAT-1"));
        const JhSite &noise = *mState.site(QStringLiteral("NOI-1"));
        const JhSite &source = *mState.site(QStringLiteral("SRC-1"));
        const QString nh3n = QStringLiteral("w21003");
        const QString leq = QStringLiteral("Leq");
        const QString cod = QStringLiteral("w01018");
        // NH3-N target III (<= 1.0): 1.2 (IV), 1.6 (V), then 0.8 x3. Noise class 1 day (55): 60, 58, then 50
        // x3. COD permitted 500 mg/L: 620, 700, then 300 x3.
        const QVector<double> nh3nValues{1.2, 1.6, 0.8, 0.8, 0.8};
        const QVector<double> leqValues{60, 58, 50, 50, 50};
        const QVector<double> codValues{620, 700, 300, 300, 300};
        QList<JhEvent> all;
        for (int index = 0; index < 5; ++index) {
            const QDateTime time = baseTime().addSecs(3600 * (index + 1)); // 09:00.. Beijing: day
            all += feed(engine,
                        {observation(water, nh3n, time, nh3nValues.at(index)),
                         observation(noise, leq, time, leqValues.at(index), JhIntervalKind::Minute),
                         observation(source, cod, time, codValues.at(index))},
                        time.addSecs(120));
            if (index == 1)
                QCOMPARE(activeAlarms(), 3);
        }
        QCOMPARE(countOf(all, JhEventType::AlarmOpened), 3);
        QCOMPARE(countOf(all, JhEventType::AlarmClosed), 3);
        QCOMPARE(activeAlarms(), 0);
        QCOMPARE(mState.alarm(QStringLiteral("ALM-000001"))->ruleId,
                 QStringLiteral("exceedance.water-class"));
        QCOMPARE(mState.alarm(QStringLiteral("ALM-000002"))->ruleId,
                 QStringLiteral("exceedance.noise-limit"));
        QCOMPARE(mState.alarm(QStringLiteral("ALM-000003"))->ruleId,
                 QStringLiteral("exceedance.source-limit"));
        QCOMPARE(mState.alarm(QStringLiteral("ALM-000003"))->value, 620.0);
    }

    void faultFlagAlarmAndMaintenanceNotice()
    {
        JhAlarmEngine engine;
        const JhSite &water = *mState.site(QStringLiteral("WAT-1"));
        const QString doCode = QStringLiteral("w01009");
        const QStringList flags{QStringLiteral("M"), QStringLiteral("D"), QStringLiteral("D"),
                                QStringLiteral("N"), QStringLiteral("N"), QStringLiteral("N")};
        QList<JhEvent> all;
        for (int index = 0; index < flags.size(); ++index) {
            const QDateTime time = baseTime().addSecs(600 * index);
            all += feed(engine,
                        {observation(water, doCode, time, 7.0 + 0.1 * index, JhIntervalKind::Realtime,
                                     flags.at(index))},
                        time);
        }
        // M opens a notice; D finds it open (same key: site, factor, data.flag) - no duplicate; 3 x N close
        // it.
        QCOMPARE(countOf(all, JhEventType::AlarmOpened), 1);
        QCOMPARE(countOf(all, JhEventType::AlarmClosed), 1);
        QCOMPARE(mState.alarm(QStringLiteral("ALM-000001"))->level, JhAlarmLevel::Notice);
        QCOMPARE(mState.alarm(QStringLiteral("ALM-000001"))->state, JhAlarmState::Closed);
        // Invalid data is never judged against the standard: a faulty 0.1 mg/L DO is no class alarm.
        feed(engine,
             {observation(water, doCode, baseTime().addDays(1), 0.1, JhIntervalKind::Hour,
                          QStringLiteral("D"))},
             baseTime().addDays(1));
        QCOMPARE(activeAlarms(QStringLiteral("exceedance.water-class")), 0);
        QCOMPARE(activeAlarms(QStringLiteral("data.flag")), 1);
        QCOMPARE(mState.alarm(QStringLiteral("ALM-000002"))->level, JhAlarmLevel::Warning);
    }

    void stuckSensorAfterTwelveIdenticalValues()
    {
        JhAlarmEngine engine;
        const JhSite &site = *mState.site(QStringLiteral("AIR-1"));
        const QString co = QStringLiteral("a21005");
        QList<JhEvent> all;
        auto minute = [&](int index, double value) {
            const QDateTime time = baseTime().addSecs(60 * index);
            return feed(engine, {observation(site, co, time, value, JhIntervalKind::Minute)}, time);
        };
        for (int index = 0; index < 11; ++index)
            all += minute(index, 0.7);
        QCOMPARE(all.size(), 0);
        all += minute(11, 0.7); // the 12th identical value
        QCOMPARE(countOf(all, JhEventType::AlarmOpened), 1);
        QCOMPARE(mState.alarm(QStringLiteral("ALM-000001"))->ruleId, QStringLiteral("data.stuck"));
        for (int index = 12; index < 20; ++index)
            all += minute(index, 0.7);
        QCOMPARE(countOf(all, JhEventType::AlarmOpened), 1);
        all += minute(20, 0.8);
        all += minute(21, 0.9);
        QCOMPARE(countOf(all, JhEventType::AlarmClosed), 0);
        all += minute(22, 0.8);
        QCOMPARE(countOf(all, JhEventType::AlarmClosed), 1);
    }

    void airQualityIndexAlarmWhenTheHourIsComplete()
    {
        JhAlarmEngine engine;
        const JhSite &site = *mState.site(QStringLiteral("AIR-1"));
        const QDateTime time = baseTime();
        // SO2 10, NO2 40, PM10 50, CO 0.8, O3 100 and PM2.5 120 -> AQI 158 (PM2.5), plus the PM2.5 IAQI
        // alarm.
        QVector<JhObservation> hour{observation(site, QStringLiteral("a21026"), time, 10),
                                    observation(site, QStringLiteral("a21004"), time, 40),
                                    observation(site, QStringLiteral("a34002"), time, 50),
                                    observation(site, QStringLiteral("a21005"), time, 0.8),
                                    observation(site, QStringLiteral("a05024"), time, 100)};
        QVERIFY(feed(engine, hour, time.addSecs(60)).isEmpty());
        const QList<JhEvent> events = feed(engine, {observation(site, sPm25, time, 120)}, time.addSecs(120));
        QCOMPARE(events.size(), 2);
        const JhAlarm *aqi =
            mState.activeAlarm(site.id, QStringLiteral("AQI"), QStringLiteral("exceedance.air-aqi"));
        QVERIFY(aqi);
        QVERIFY2(aqi->message.contains(QStringLiteral("AQI 158")), qPrintable(aqi->message));
        QVERIFY(mState.activeAlarm(site.id, sPm25, sAirRule));
    }

    void offlineSweep()
    {
        JhAlarmEngine engine;
        const QDateTime start = baseTime();
        const JhSite &air = *mState.site(QStringLiteral("AIR-1"));
        QList<JhEvent> events = feed(engine, {observation(air, sPm25, start, 30)}, start);
        QVERIFY(events.isEmpty());
        engine.noteSeen(QStringLiteral("AIR-2"), start.addSecs(3600));
        QCOMPARE(engine.lastSeen(QStringLiteral("AIR-1")), start);

        // Hourly sites: 3 hours of silence are allowed.
        events = engine.sweep(mState, start.addSecs(3 * 3600));
        fold(events);
        QVERIFY(events.isEmpty());
        // 3 h 1 min: AIR-1 plus the never-seen NOI-1 and SRC-1 are offline; AIR-2 (seen at +1 h) and WAT-1 (4
        // h interval) are not.
        events = engine.sweep(mState, start.addSecs(3 * 3600 + 60));
        fold(events);
        QCOMPARE(events.size(), 3);
        QCOMPARE(activeAlarms(JhOfflineRule::ruleId()), 3);
        const JhAlarm *offline =
            mState.activeAlarm(QStringLiteral("AIR-1"), QString(), JhOfflineRule::ruleId());
        QVERIFY(offline);
        QVERIFY2(offline->message.contains(QStringLiteral("181")), qPrintable(offline->message));
        // Not duplicated by later sweeps.
        events = engine.sweep(mState, start.addSecs(4 * 3600 + 30));
        fold(events);
        QCOMPARE(events.size(), 1); // only AIR-2 (+1 h + 3 h) is newly offline
        QCOMPARE(activeAlarms(JhOfflineRule::ruleId()), 4);
        // Data arrives: the offline alarm closes at once.
        events = feed(engine, {observation(air, sPm25, start.addSecs(4 * 3600), 30)},
                      start.addSecs(4 * 3600 + 40));
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().type, JhEventType::AlarmClosed);
        QCOMPARE(mState.alarm(offline->id)->state, JhAlarmState::Closed);
        QCOMPARE(activeAlarms(JhOfflineRule::ruleId()), 3);
    }

    void offlineIgnoresNeverSeenSitesWhenConfigured()
    {
        JhAlarmEngineConfig config;
        config.offlineForNeverSeenSites = false;
        JhAlarmEngine engine(config);
        QVERIFY(engine.sweep(mState, baseTime()).isEmpty());
        QVERIFY(engine.sweep(mState, baseTime().addDays(2)).isEmpty());
    }

    void unknownSitesAreIgnored()
    {
        JhAlarmEngine engine;
        JhSite stranger = airSite(QStringLiteral("AIR-X"));
        QVERIFY(feed(engine, {observation(stranger, sPm25, baseTime(), 500)}, baseTime()).isEmpty());
        QCOMPARE(engine.judgedCount(), quint64(0));
    }
};

QTEST_GUILESS_MAIN(TestJhAlarmEngine)
#include "tst_jhalarmengine.moc"
