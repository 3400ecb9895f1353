// JhAlarmEngine over sequences of observations, folding its events into a JhWorldState as the service does:
// one alarm per (site, factor, rule), level raised on a worse verdict, auto-close after N normal intervals,
// offline sweep, restart, resends, late (backfilled) data.
#include "alarmtestsupport.h"

#include "jhalarmengine.h"
#include "jhcommandhandler.h"
#include "jhenumnames.h"
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

    void resendsAreNotJudgedAgain()
    {
        JhAlarmEngine engine;
        feedPm25(engine, {61, 50, 50});
        // The logger resends hour 2 (lost reply) and hour 1: not counted as further normal intervals.
        const JhSite &site = *mState.site(QStringLiteral("AIR-1"));
        QVERIFY(feed(engine,
                     {observation(site, sPm25, baseTime().addSecs(7200), 50),
                      observation(site, sPm25, baseTime().addSecs(3600), 50)},
                     baseTime().addSecs(3 * 3600))
                    .isEmpty());
        QCOMPARE(engine.skippedCount(), quint64(2));
        QCOMPARE(engine.lateCount(), quint64(0));
        QCOMPARE(activeAlarms(sAirRule), 1);
        QCOMPARE(countOf(feedPm25(engine, {50}, 3), JhEventType::AlarmClosed), 1);
    }

    // --- level raised ----------------------------------------------------------------------------------

    void levelRaisedOnAWorseVerdictOnly()
    {
        JhAlarmEngine engine;
        // HJ 633-2026, hourly PM2.5 on the 24 h breakpoints 60/115/150/250 (IAQI 100/150/200/300):
        // 80 -> IAQI 119 warning; 90 -> 128 warning (equal: nothing); 160 -> 210 serious (raise);
        // 70 -> 110 warning and 155 -> 205 serious (not lower, not again).
        QCOMPARE(feedPm25(engine, {80}).size(), 1);
        QVERIFY(feedPm25(engine, {90}, 1).isEmpty());
        QList<JhEvent> events = feedPm25(engine, {160}, 2);
        QCOMPARE(events.size(), 1);
        const JhEvent raised = events.first();
        QCOMPARE(raised.type, JhEventType::AlarmLevelRaised);
        QCOMPARE(JhEnumNames::code(raised.type), QStringLiteral("alarm.level-raised"));
        QCOMPARE(raised.actor, QStringLiteral("system"));
        QCOMPARE(raised.time, baseTime().addSecs(2 * 3600 + 300));
        QCOMPARE(raised.payload.value(QStringLiteral("alarmId")).toString(), QStringLiteral("ALM-000001"));
        QCOMPARE(raised.payload.value(QStringLiteral("previousLevel")).toString(), QStringLiteral("warning"));
        QCOMPARE(raised.payload.value(QStringLiteral("level")).toString(), QStringLiteral("serious"));
        QCOMPARE(raised.payload.value(QStringLiteral("value")).toDouble(), 160.0);
        QCOMPARE(raised.payload.value(QStringLiteral("dataTime")).toString(),
                 QStringLiteral("2026-05-01T02:00:00.000Z"));
        const QString message = raised.payload.value(QStringLiteral("message")).toString();
        QVERIFY2(message.contains(QStringLiteral("IAQI 210")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("严重")), qPrintable(message));

        const JhAlarm *alarm = mState.alarm(QStringLiteral("ALM-000001"));
        QCOMPARE(alarm->level, JhAlarmLevel::Serious);
        QCOMPARE(alarm->value, 160.0);
        QCOMPARE(alarm->message, message);
        QCOMPARE(alarm->state, JhAlarmState::Open);
        QCOMPARE(alarm->openedAt, baseTime().addSecs(300));

        QVERIFY(feedPm25(engine, {70, 155}, 3).isEmpty());
        QCOMPARE(mState.alarm(QStringLiteral("ALM-000001"))->level, JhAlarmLevel::Serious);
        QCOMPARE(mState.alarms().size(), 1);
        // Ends as before: 3 normal hours (50 -> IAQI 84) after the last abnormal one.
        QCOMPARE(countOf(feedPm25(engine, {50, 50, 50}, 5), JhEventType::AlarmClosed), 1);
    }

    void sourceRaisedAtTwiceThePermittedLimit()
    {
        JhAlarmEngine engine;
        const JhSite &source = *mState.site(QStringLiteral("SRC-1"));
        const QString cod = QStringLiteral("w01018");
        // Permitted 500 mg/L: 999 is 1.998 times (warning), 1000 exactly twice (serious).
        QList<JhEvent> all;
        for (int hour = 0; hour < 3; ++hour) {
            const QDateTime time = baseTime().addSecs(3600 * hour);
            all += feed(engine, {observation(source, cod, time, QVector<double>{620, 999, 1000}.at(hour))},
                        time.addSecs(60));
        }
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.at(1).type, JhEventType::AlarmLevelRaised);
        QCOMPARE(all.at(1).time, baseTime().addSecs(2 * 3600 + 60));
        QCOMPARE(mState.alarm(QStringLiteral("ALM-000001"))->level, JhAlarmLevel::Serious);
        QCOMPARE(mState.alarm(QStringLiteral("ALM-000001"))->value, 1000.0);
    }

    void raisedInTheCallThatOpenedIt()
    {
        JhAlarmEngine engine;
        const JhSite &site = *mState.site(QStringLiteral("AIR-1"));
        const QList<JhEvent> events = feed(engine,
                                           {observation(site, sPm25, baseTime(), 80),
                                            observation(site, sPm25, baseTime().addSecs(3600), 160)},
                                           baseTime().addSecs(7200));
        QCOMPARE(events.size(), 2);
        QCOMPARE(events.at(0).type, JhEventType::AlarmOpened);
        QCOMPARE(events.at(1).type, JhEventType::AlarmLevelRaised);
        QCOMPARE(events.at(1).payload.value(QStringLiteral("alarmId")).toString(),
                 events.at(0).payload.value(QStringLiteral("alarmId")).toString());
        QCOMPARE(mState.alarm(QStringLiteral("ALM-000001"))->level, JhAlarmLevel::Serious);
    }

    void acknowledgedAlarmIsOpenAgainWhenRaised()
    {
        JhAlarmEngine engine;
        feedPm25(engine, {80});
        const JhUser duty{QStringLiteral("duty"), QString(), JhRole::DutyOfficer, QString()};
        auto acknowledge = [&](const QString &commandId, const QDateTime &now) {
            const JhCommand command{commandId, JhCommandType::AcknowledgeAlarm, duty.id, now,
                                    QJsonObject{{QStringLiteral("alarmId"), QStringLiteral("ALM-000001")}}};
            JhCommandResult result = JhCommandHandler::handle(command, duty, mState, now);
            fold(result.events);
            return result;
        };
        QVERIFY(acknowledge(QStringLiteral("ack-1"), baseTime().addSecs(600)).isOk());
        QCOMPARE(mState.alarm(QStringLiteral("ALM-000001"))->state, JhAlarmState::Acknowledged);
        // An equal verdict leaves the acknowledgement alone.
        QVERIFY(feedPm25(engine, {90}, 1).isEmpty());
        QCOMPARE(mState.alarm(QStringLiteral("ALM-000001"))->state, JhAlarmState::Acknowledged);

        QCOMPARE(countOf(feedPm25(engine, {160}, 2), JhEventType::AlarmLevelRaised), 1);
        const JhAlarm *alarm = mState.alarm(QStringLiteral("ALM-000001"));
        QCOMPARE(alarm->state, JhAlarmState::Open);
        QCOMPARE(alarm->level, JhAlarmLevel::Serious);
        QCOMPARE(alarm->updatedBy, QStringLiteral("system"));
        // The duty officer acknowledges the serious alarm again (refused for an acknowledged one).
        QVERIFY(acknowledge(QStringLiteral("ack-2"), baseTime().addSecs(3 * 3600)).isOk());
        QCOMPARE(mState.alarm(QStringLiteral("ALM-000001"))->state, JhAlarmState::Acknowledged);
    }

    void escalatedAlarmStaysEscalatedWhenRaised()
    {
        JhAlarmEngine engine;
        feedPm25(engine, {80});
        JhEvent escalate;
        escalate.type = JhEventType::AlarmEscalated;
        escalate.time = baseTime().addSecs(900);
        escalate.actor = QStringLiteral("coordinator");
        escalate.payload = {{QStringLiteral("alarmId"), QStringLiteral("ALM-000001")},
                            {QStringLiteral("incidentId"), QStringLiteral("INC-000001")}};
        QList<JhEvent> manual{escalate};
        fold(manual);
        QCOMPARE(countOf(feedPm25(engine, {160}, 1), JhEventType::AlarmLevelRaised), 1);
        const JhAlarm *alarm = mState.alarm(QStringLiteral("ALM-000001"));
        QCOMPARE(alarm->state, JhAlarmState::Escalated);
        QCOMPARE(alarm->incidentId, QStringLiteral("INC-000001"));
        QCOMPARE(alarm->level, JhAlarmLevel::Serious);
        QCOMPARE(alarm->value, 160.0);
    }

    void restartedEngineKnowsTheRaisedLevel()
    {
        {
            JhAlarmEngine first;
            feedPm25(first, {80, 160});
        }
        JhAlarmEngine second;
        QVERIFY(feedPm25(second, {170}, 2).isEmpty()); // already serious in the state: not raised again
    }

    // --- late data ---------------------------------------------------------------------------------------

    void lateExceedanceOpensAnAlarmWithTheLateWording()
    {
        JhAlarmEngine engine;
        // The logger was cut off for hours 2-4: hour 5 arrives live, then the backfill of hours 2, 3, 4.
        // Hour 3 (03:00 UTC = 11:00 Beijing) had PM2.5 80 (IAQI 119).
        QVERIFY(feedPm25(engine, {30, 30}).isEmpty());
        QVERIFY(feedPm25(engine, {30}, 5).isEmpty());
        const JhSite &site = *mState.site(QStringLiteral("AIR-1"));
        const QDateTime now = baseTime().addSecs(5 * 3600 + 600);
        const QList<JhEvent> events = feed(engine,
                                           {observation(site, sPm25, baseTime().addSecs(2 * 3600), 30),
                                            observation(site, sPm25, baseTime().addSecs(3 * 3600), 80),
                                            observation(site, sPm25, baseTime().addSecs(4 * 3600), 40)},
                                           now);
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().type, JhEventType::AlarmOpened);
        QCOMPARE(events.first().time, now);
        const JhAlarm *alarm = mState.activeAlarm(site.id, sPm25, sAirRule);
        QVERIFY(alarm);
        QCOMPARE(alarm->level, JhAlarmLevel::Warning);
        QCOMPARE(alarm->value, 80.0);
        QVERIFY2(alarm->message.contains(QStringLiteral("补传")), qPrintable(alarm->message));
        QVERIFY2(alarm->message.contains(QStringLiteral("2026-05-01 11:00")), qPrintable(alarm->message));
        QVERIFY2(alarm->message.contains(QStringLiteral("IAQI 119")), qPrintable(alarm->message));
        QCOMPARE(engine.lateCount(), quint64(3));
        QCOMPARE(engine.skippedCount(), quint64(0));
        // The backfilled normal hour 4 did not count towards closing it: 3 live normal hours do.
        QVERIFY(feedPm25(engine, {30, 30}, 6).isEmpty());
        QCOMPARE(countOf(feedPm25(engine, {30}, 8), JhEventType::AlarmClosed), 1);
        // The backfill sent again (the logger did not get the reply): judged once already, no new alarm.
        QVERIFY(feed(engine, {observation(site, sPm25, baseTime().addSecs(3 * 3600), 80)},
                     baseTime().addSecs(9 * 3600))
                    .isEmpty());
        QCOMPARE(engine.skippedCount(), quint64(1));
        QCOMPARE(activeAlarms(sAirRule), 0);
    }

    void lateDataDoesNotCloseOrResetTheCount()
    {
        JhAlarmEngine engine;
        const JhSite &site = *mState.site(QStringLiteral("AIR-1"));
        // Alarm at hour 0; live hours 3 and 4 are normal; hours 1 and 2 come late: normal ones do not close
        // it (2 live normal hours so far), an abnormal one does not restart the count either.
        feedPm25(engine, {80});
        QVERIFY(feedPm25(engine, {30, 30}, 3).isEmpty());
        QVERIFY(feed(engine,
                     {observation(site, sPm25, baseTime().addSecs(3600), 30),
                      observation(site, sPm25, baseTime().addSecs(2 * 3600), 90)},
                     baseTime().addSecs(4 * 3600 + 900))
                    .isEmpty());
        QCOMPARE(activeAlarms(sAirRule), 1);
        QCOMPARE(countOf(feedPm25(engine, {30}, 5), JhEventType::AlarmClosed), 1);
    }

    void lateWorseValueRaisesTheActiveAlarm()
    {
        JhAlarmEngine engine;
        const JhSite &site = *mState.site(QStringLiteral("AIR-1"));
        feedPm25(engine, {80});
        QVERIFY(feedPm25(engine, {80}, 2).isEmpty());
        // The missing hour 1 had PM2.5 160 (IAQI 210): the alarm was serious, whatever the time of arrival.
        const QList<JhEvent> events = feed(engine, {observation(site, sPm25, baseTime().addSecs(3600), 160)},
                                           baseTime().addSecs(3 * 3600));
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().type, JhEventType::AlarmLevelRaised);
        QCOMPARE(events.first().payload.value(QStringLiteral("dataTime")).toString(),
                 QStringLiteral("2026-05-01T01:00:00.000Z"));
        const JhAlarm *alarm = mState.alarm(QStringLiteral("ALM-000001"));
        QCOMPARE(alarm->level, JhAlarmLevel::Serious);
        QVERIFY2(alarm->message.contains(QStringLiteral("补传")), qPrintable(alarm->message));
    }

    void resentObservationIsNotJudgedTwice()
    {
        JhAlarmEngine engine;
        const JhSite &water = *mState.site(QStringLiteral("WAT-1"));
        const QString nh3n = QStringLiteral("w21003");
        // Hour 0: NH3-N 1.2 mg/L, class IV against target III: alarm. Hours 1-3 at 0.8 (III) close it.
        for (int hour = 0; hour < 4; ++hour) {
            const QDateTime time = baseTime().addSecs(3600 * hour);
            feed(engine, {observation(water, nh3n, time, hour == 0 ? 1.2 : 0.8)}, time.addSecs(60));
        }
        QCOMPARE(mState.alarm(QStringLiteral("ALM-000001"))->state, JhAlarmState::Closed);
        // The logger resends hour 0 (say its reply was lost): judged already, so no new alarm.
        QVERIFY(feed(engine, {observation(water, nh3n, baseTime(), 1.2)}, baseTime().addSecs(4 * 3600))
                    .isEmpty());
        QCOMPARE(engine.skippedCount(), quint64(1));
        QCOMPARE(activeAlarms(), 0);
        // A fault flag resent after its alarm closed does not reopen it either.
        const QString doCode = QStringLiteral("w01009");
        const QDateTime faultTime = baseTime().addSecs(3600);
        feed(engine, {observation(water, doCode, faultTime, 0.1, JhIntervalKind::Hour, QStringLiteral("D"))},
             faultTime);
        for (int hour = 2; hour < 5; ++hour)
            feed(engine, {observation(water, doCode, baseTime().addSecs(3600 * hour), 7.0)},
                 baseTime().addSecs(3600 * hour));
        QCOMPARE(activeAlarms(QStringLiteral("data.flag")), 0);
        QVERIFY(feed(engine,
                     {observation(water, doCode, faultTime, 0.1, JhIntervalKind::Hour, QStringLiteral("D"))},
                     baseTime().addSecs(5 * 3600))
                    .isEmpty());
        QCOMPARE(engine.skippedCount(), quint64(2));
    }

    void lateDataOutsideTheWindowIsHistoryOnly()
    {
        JhAlarmEngine engine;
        const JhSite &source = *mState.site(QStringLiteral("SRC-1"));
        const QString cod = QStringLiteral("w01018");
        // Newest hourly COD at hour 130. The engine remembers 128 hourly slots back: hour 3 (127 back) is
        // judged, hour 2 (128 back) is too old to tell from a resend and is kept for history only.
        const QDateTime newest = baseTime().addSecs(130 * 3600);
        QVERIFY(feed(engine, {observation(source, cod, newest, 300)}, newest).isEmpty());
        QVERIFY(
            feed(engine, {observation(source, cod, baseTime().addSecs(2 * 3600), 800)}, newest).isEmpty());
        QCOMPARE(engine.historyOnlyCount(), quint64(1));
        const QList<JhEvent> events =
            feed(engine, {observation(source, cod, baseTime().addSecs(3 * 3600), 800)}, newest);
        QCOMPARE(countOf(events, JhEventType::AlarmOpened), 1);
        QCOMPARE(engine.lateCount(), quint64(1));
    }

    void stuckRuleIgnoresLateData()
    {
        JhAlarmEngine engine;
        const JhSite &site = *mState.site(QStringLiteral("AIR-1"));
        const QString co = QStringLiteral("a21005");
        auto minute = [&](int index, double value) {
            const QDateTime time = baseTime().addSecs(60 * index);
            return feed(engine, {observation(site, co, time, value, JhIntervalKind::Minute)},
                        baseTime().addSecs(3600));
        };
        // Live values every 2 minutes: 11 times 0.7, then a late odd minute with 0.7 is not a 12th in a row.
        QList<JhEvent> all;
        for (int index = 0; index < 11; ++index)
            all += minute(2 * index, 0.7);
        all += minute(1, 0.7);
        QCOMPARE(all.size(), 0);
        all += minute(22, 0.7); // the 12th live one
        QCOMPARE(countOf(all, JhEventType::AlarmOpened), 1);
        // Late different values do not count as the sensor moving again.
        all += minute(3, 0.8);
        all += minute(5, 0.9);
        all += minute(7, 0.8);
        QCOMPARE(countOf(all, JhEventType::AlarmClosed), 0);
        QCOMPARE(activeAlarms(QStringLiteral("data.stuck")), 1);
    }

    void offlineRuleIgnoresLateData()
    {
        JhAlarmEngine engine;
        const QDateTime start = baseTime();
        const JhSite &air = *mState.site(QStringLiteral("AIR-1"));
        feed(engine, {observation(air, sPm25, start, 30)}, start);
        // Two hours later only a backfill of the hour before arrives: the site is still silent since start.
        feed(engine, {observation(air, sPm25, start.addSecs(-3600), 30)}, start.addSecs(2 * 3600));
        QCOMPARE(engine.lastSeen(air.id), start);
        QList<JhEvent> events = engine.sweep(mState, start.addSecs(3 * 3600 + 60));
        fold(events);
        const JhAlarm *offline = mState.activeAlarm(air.id, QString(), JhOfflineRule::ruleId());
        QVERIFY(offline);
        const QString offlineId = offline->id;
        // More backfill does not end the silence; current data does.
        QVERIFY(
            feed(engine, {observation(air, sPm25, start.addSecs(-7200), 30)}, start.addSecs(3 * 3600 + 120))
                .isEmpty());
        QCOMPARE(mState.alarm(offlineId)->state, JhAlarmState::Open);
        events = feed(engine, {observation(air, sPm25, start.addSecs(3 * 3600), 30)},
                      start.addSecs(3 * 3600 + 180));
        QCOMPARE(countOf(events, JhEventType::AlarmClosed), 1);
        QCOMPARE(mState.alarm(offlineId)->state, JhAlarmState::Closed);
    }

    void lateHourCompletesItsOwnAirQualityIndex()
    {
        JhAlarmEngine engine;
        const JhSite &site = *mState.site(QStringLiteral("AIR-1"));
        auto hourOf = [&](const QDateTime &time, double pm25) {
            return QVector<JhObservation>{observation(site, QStringLiteral("a21026"), time, 10),
                                          observation(site, QStringLiteral("a21004"), time, 40),
                                          observation(site, QStringLiteral("a34002"), time, 50),
                                          observation(site, QStringLiteral("a21005"), time, 0.8),
                                          observation(site, QStringLiteral("a05024"), time, 100),
                                          observation(site, sPm25, time, pm25)};
        };
        const QDateTime live = baseTime().addSecs(5 * 3600);
        QVERIFY(feed(engine, hourOf(live, 30), live.addSecs(60)).isEmpty());
        // Backfilled hour 2 with PM2.5 120: AQI 158 (as in airQualityIndexAlarmWhenTheHourIsComplete) and the
        // PM2.5 IAQI alarm, both marked late.
        const QList<JhEvent> events =
            feed(engine, hourOf(baseTime().addSecs(2 * 3600), 120), live.addSecs(120));
        QCOMPARE(countOf(events, JhEventType::AlarmOpened), 2);
        const JhAlarm *aqi =
            mState.activeAlarm(site.id, QStringLiteral("AQI"), QStringLiteral("exceedance.air-aqi"));
        QVERIFY(aqi);
        QVERIFY2(aqi->message.contains(QStringLiteral("AQI 158")), qPrintable(aqi->message));
        QVERIFY2(aqi->message.contains(QStringLiteral("补传")), qPrintable(aqi->message));
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
        // NH3-N went from class IV (one worse than III: warning) to V (two worse: serious); noise 5 then 3 dB
        // over and COD 1.24 then 1.4 times the limit stay warnings.
        QCOMPARE(countOf(all, JhEventType::AlarmLevelRaised), 1);
        QCOMPARE(activeAlarms(), 0);
        QCOMPARE(mState.alarm(QStringLiteral("ALM-000001"))->ruleId,
                 QStringLiteral("exceedance.water-class"));
        QCOMPARE(mState.alarm(QStringLiteral("ALM-000001"))->level, JhAlarmLevel::Serious);
        QCOMPARE(mState.alarm(QStringLiteral("ALM-000001"))->value, 1.6);
        QCOMPARE(mState.alarm(QStringLiteral("ALM-000002"))->level, JhAlarmLevel::Warning);
        QCOMPARE(mState.alarm(QStringLiteral("ALM-000003"))->level, JhAlarmLevel::Warning);
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
        // M opens a notice; D finds it open (same key: site, factor, data.flag) - no duplicate, but a fault
        // is worse than maintenance: the notice is raised to a warning once; 3 x N close it.
        QCOMPARE(countOf(all, JhEventType::AlarmOpened), 1);
        QCOMPARE(countOf(all, JhEventType::AlarmLevelRaised), 1);
        QCOMPARE(countOf(all, JhEventType::AlarmClosed), 1);
        QCOMPARE(all.first().payload.value(QStringLiteral("level")).toString(), QStringLiteral("notice"));
        QCOMPARE(mState.alarm(QStringLiteral("ALM-000001"))->level, JhAlarmLevel::Warning);
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

    void faultFlagWithoutValueOpensAnAlarm()
    {
        // "w01009-Rtd=,w01009-Flag=D": the mapper passes the flag on with a NaN value
        // (JhObservationBatch::flagsWithoutValue). It is a fault alarm like any other, with value 0 in
        // its event (JSON and the store cannot carry NaN), and judged by no standard.
        JhAlarmEngine engine;
        const JhSite &water = *mState.site(QStringLiteral("WAT-1"));
        const QList<JhEvent> events = feed(engine,
                                           {observation(water, QStringLiteral("w01009"), baseTime(), qQNaN(),
                                                        JhIntervalKind::Hour, QStringLiteral("D"))},
                                           baseTime());
        QCOMPARE(countOf(events, JhEventType::AlarmOpened), 1);
        QCOMPARE(events.first().payload.value(QStringLiteral("ruleId")).toString(),
                 QStringLiteral("data.flag"));
        QCOMPARE(events.first().payload.value(QStringLiteral("value")).toDouble(), 0.0);
        QCOMPARE(activeAlarms(QStringLiteral("exceedance.water-class")), 0);
        QCOMPARE(activeAlarms(QStringLiteral("data.flag")), 1);
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
