// JhSiteStatusTracker: AQI, water class, noise and source judgements, flags and offline, revisions.
#include "alarmtestsupport.h"
#include "jhcommandhandler.h"
#include "jhsitestatustracker.h"

#include <QtTest>

using namespace alarmtest;

// Qt 5 needs data-driven column types declared (Qt 6 registers them itself).
Q_DECLARE_METATYPE(JhSiteState)

class TestJhSiteStatusTracker : public QObject
{
    Q_OBJECT

private:
    static JhWorldState stateWith(const QList<JhSite> &sites)
    {
        JhWorldState state;
        for (const JhSite &site : sites)
            state.addSite(site);
        return state;
    }

    //! The status of \a site after \a observations arrived at \a now on a fresh tracker.
    static JhSiteStatus statusAfter(const JhSite &site, const QVector<JhObservation> &observations,
                                    const QDateTime &now)
    {
        const JhWorldState state = stateWith({site});
        JhSiteStatusTracker tracker;
        tracker.rebuild({}, state, now);
        tracker.observe(observations, state, now);
        return *tracker.status(site.id);
    }

private slots:
    void airHourlyAqiPerEdition_data()
    {
        QTest::addColumn<QDateTime>("hour");
        QTest::addColumn<double>("pm25");
        QTest::addColumn<QString>("standard");
        QTest::addColumn<int>("aqi");
        QTest::addColumn<int>("pm25Iaqi");
        QTest::addColumn<int>("category");
        QTest::addColumn<QString>("categoryZh");
        QTest::addColumn<QString>("colour");
        // 2026 PM2.5 24 h column 60 -> 100, 115 -> 150: 80 gives 118.2, ceiling 119 (the doc's example).
        QTest::newRow("2026") << baseTime().addSecs(2 * 3600) << 80.0 << "HJ 633-2026" << 119 << 119 << 3
                              << QStringLiteral("轻度污染") << "#FF7E00";
        // 2026: 150 -> 200, 250 -> 300: 160 gives 210, 重度污染, purple (153,0,76).
        QTest::newRow("2026 serious") << baseTime() << 160.0 << "HJ 633-2026" << 210 << 210 << 5
                                      << QStringLiteral("重度污染") << "#99004C";
        // 2012 PM2.5 24 h column 75 -> 100, 115 -> 150: 80 gives 106.25, ceiling 107.
        QTest::newRow("2012") << QDateTime(QDate(2026, 2, 1), QTime(2, 0), Qt::UTC) << 80.0 << "HJ 633-2012"
                              << 107 << 107 << 3 << QStringLiteral("轻度污染") << "#FF7E00";
        // The edition goes by the data date in Beijing time: 2026-02-28 16:00 UTC is 2026-03-01 00:00.
        QTest::newRow("Beijing date, 2026")
            << QDateTime(QDate(2026, 2, 28), QTime(16, 0), Qt::UTC) << 80.0 << "HJ 633-2026" << 119 << 119
            << 3 << QStringLiteral("轻度污染") << "#FF7E00";
        QTest::newRow("Beijing date, 2012")
            << QDateTime(QDate(2026, 2, 28), QTime(15, 0), Qt::UTC) << 80.0 << "HJ 633-2012" << 107 << 107
            << 3 << QStringLiteral("轻度污染") << "#FF7E00";
        // 2026 PM2.5 0 -> 1, 35 -> 50: 20 gives 28.6, ceiling 29 (and NO2 75 stays below): 优, no primary.
        QTest::newRow("good") << baseTime() << 20.0 << "HJ 633-2026" << 75 << 29 << 2 << QStringLiteral("良")
                              << "#FFFF00";
    }

    void airHourlyAqiPerEdition()
    {
        QFETCH(QDateTime, hour);
        QFETCH(double, pm25);
        QFETCH(QString, standard);
        QFETCH(int, aqi);
        QFETCH(int, pm25Iaqi);
        QFETCH(int, category);
        QFETCH(QString, categoryZh);
        QFETCH(QString, colour);
        JhSite site = airSite();
        site.factorCodes = QStringList{QStringLiteral("a34004"), QStringLiteral("a21004")};
        // NO2 1 h 150: 100 -> 50, 200 -> 100 (both editions): IAQI 75.
        const JhSiteStatus status =
            statusAfter(site,
                        {observation(site, QStringLiteral("a34004"), hour, pm25),
                         observation(site, QStringLiteral("a21004"), hour, 150),
                         // an older hour and a minute value do not count for the hourly AQI
                         observation(site, QStringLiteral("a34004"), hour.addSecs(-3600), 400),
                         observation(site, QStringLiteral("a34004"), hour, 999, JhIntervalKind::Minute)},
                        hour.addSecs(3600));
        const JhAirJudgement &air = status.air;
        QVERIFY(air.valid);
        QVERIFY(!status.water.valid && !status.noise.valid && !status.source.valid);
        QCOMPARE(air.hour, hour);
        QCOMPARE(air.standard, standard);
        QCOMPARE(air.aqi, aqi);
        QVERIFY(air.complete);
        QCOMPARE(air.category, category);
        QCOMPARE(air.categoryZh, categoryZh);
        QCOMPARE(air.colour, colour);
        QCOMPARE(air.iaqi.value(QStringLiteral("a34004")), pm25Iaqi);
        QCOMPARE(air.iaqi.value(QStringLiteral("a21004")), 75);
        QCOMPARE(air.primaryPollutants,
                 QStringList{pm25Iaqi > 75 ? QStringLiteral("a34004") : QStringLiteral("a21004")});
        QCOMPARE(status.state, JhSiteState::Online);
    }

    void airHourIncompleteAndInvalid()
    {
        const JhSite site = airSite(); // reports all six pollutants
        const QDateTime hour = baseTime();
        JhSiteStatus status =
            statusAfter(site, {observation(site, QStringLiteral("a34004"), hour, 160)}, hour);
        QVERIFY(status.air.valid);
        QVERIFY(!status.air.complete); // the other five are not in yet; AQI of what is (above 100: published)
        QCOMPARE(status.air.aqi, 210);
        // Flagged values are not valid data: no AQI from them.
        status = statusAfter(
            site, {observation(site, QStringLiteral("a34004"), hour, 160, JhIntervalKind::Hour, "D")}, hour);
        QVERIFY(!status.air.valid);
        QCOMPARE(status.state, JhSiteState::Fault);
    }

    void waterClassAgainstTarget()
    {
        const JhSite site = waterSite(3);
        const QDateTime time = baseTime();
        // NH3-N 1.2 mg/L is class IV (III <= 1.0, IV <= 1.5); CODMn 3 is class II.
        JhSiteStatus status =
            statusAfter(site,
                        {observation(site, QStringLiteral("w21003"), time, 1.2),
                         observation(site, QStringLiteral("w01019"), time, 3),
                         observation(site, QStringLiteral("w01010"), time, 25)}, // water temp.
                        time);
        QVERIFY(status.water.valid);
        QCOMPARE(status.water.classes.value(QStringLiteral("w21003")), 4);
        QCOMPARE(status.water.classes.value(QStringLiteral("w01019")), 2);
        QVERIFY(!status.water.classes.contains(QStringLiteral("w01010")));
        QCOMPARE(status.water.overallClass, 4);
        QCOMPARE(status.water.targetClass, 3);
        QVERIFY(!status.water.meetsTarget);
        // Later data in class II: the target is met; a day value older than the hourly one does not count.
        const JhWorldState state = stateWith({site});
        JhSiteStatusTracker tracker;
        tracker.rebuild({}, state, time);
        tracker.observe({observation(site, QStringLiteral("w21003"), time, 1.2)}, state, time);
        tracker.observe(
            {observation(site, QStringLiteral("w21003"), time.addSecs(4 * 3600), 0.4),
             observation(site, QStringLiteral("w21003"), time.addSecs(-86400), 2.5, JhIntervalKind::Day)},
            state, time.addSecs(4 * 3600));
        status = *tracker.status(site.id);
        QCOMPARE(status.water.overallClass, 2);
        QVERIFY(status.water.meetsTarget);
        QCOMPARE(status.water.dataTime, time.addSecs(4 * 3600));
    }

    void noiseDayAndNight()
    {
        const JhSite site = noiseSite(QStringLiteral("1")); // GB 3096 class 1: day 55, night 45 dB(A)
        // 15:00 UTC = 23:00 Beijing: night.
        const QDateTime night = QDateTime(QDate(2026, 5, 1), QTime(15, 0), Qt::UTC);
        JhSiteStatus status = statusAfter(
            site, {observation(site, QStringLiteral("Leq"), night, 46, JhIntervalKind::Minute)}, night);
        QVERIFY(status.noise.valid);
        QVERIFY(status.noise.night);
        QCOMPARE(status.noise.limit, 45.0);
        QVERIFY(status.noise.exceeded);
        QCOMPARE(status.noise.zone, QStringLiteral("1"));
        // 02:00 UTC = 10:00 Beijing: day. LA is not a factor judged against the limit.
        const QDateTime day = QDateTime(QDate(2026, 5, 1), QTime(2, 0), Qt::UTC);
        status = statusAfter(
            site,
            {observation(site, QStringLiteral("Leq"), day, 46, JhIntervalKind::Minute),
             observation(site, QStringLiteral("LA"), day.addSecs(60), 90, JhIntervalKind::Minute)},
            day);
        QVERIFY(!status.noise.night);
        QCOMPARE(status.noise.limit, 55.0);
        QVERIFY(!status.noise.exceeded);
        QCOMPARE(status.noise.leq, 46.0);
    }

    void sourceHighestRatio()
    {
        JhSite site = sourceSite();
        site.permittedLimits.append({QStringLiteral("w21003"), 45, QStringLiteral("mg/L")});
        const QDateTime time = baseTime();
        JhSiteStatus status = statusAfter(site,
                                          {observation(site, QStringLiteral("w01018"), time, 620),
                                           observation(site, QStringLiteral("w21003"), time, 30)},
                                          time);
        QVERIFY(status.source.valid);
        QCOMPARE(status.source.factorCode, QStringLiteral("w01018"));
        QCOMPARE(status.source.ratio, 1.24);
        QCOMPARE(status.source.limit, 500.0);
        QVERIFY(status.source.exceeded);
        status = statusAfter(site,
                             {observation(site, QStringLiteral("w01018"), time, 100),
                              observation(site, QStringLiteral("w21003"), time, 36)},
                             time);
        QCOMPARE(status.source.factorCode, QStringLiteral("w21003"));
        QCOMPARE(status.source.ratio, 0.8);
        QVERIFY(!status.source.exceeded);
    }

    void flagsGiveStates_data()
    {
        QTest::addColumn<QStringList>("flags");
        QTest::addColumn<JhSiteState>("state");
        QTest::newRow("N") << QStringList{"N", "N"} << JhSiteState::Online;
        QTest::newRow("no flag") << QStringList{"", "N"} << JhSiteState::Online;
        QTest::newRow("D") << QStringList{"N", "D"} << JhSiteState::Fault;
        QTest::newRow("M") << QStringList{"M", "N"} << JhSiteState::Maintenance;
        QTest::newRow("C") << QStringList{"C", "N"} << JhSiteState::Calibration;
        QTest::newRow("D before M") << QStringList{"M", "D"} << JhSiteState::Fault;
        QTest::newRow("M before C") << QStringList{"C", "M"} << JhSiteState::Maintenance;
        // F (停运) is shown in the factor's flag; equipment-stopped needs the running status (not stored
        // yet).
        QTest::newRow("F") << QStringList{"F", "N"} << JhSiteState::Online;
    }

    void flagsGiveStates()
    {
        QFETCH(QStringList, flags);
        QFETCH(JhSiteState, state);
        const JhSite site = waterSite();
        const QDateTime time = baseTime();
        const JhSiteStatus status = statusAfter(
            site,
            {observation(site, QStringLiteral("w01009"), time, 7, JhIntervalKind::Hour, flags.at(0)),
             observation(site, QStringLiteral("w21003"), time, 0.5, JhIntervalKind::Hour, flags.at(1)),
             // an older fault does not count: only the newest data's flags do
             observation(site, QStringLiteral("w21011"), time.addSecs(-3600), 0.1, JhIntervalKind::Hour,
                         QStringLiteral("D"))},
            time);
        QCOMPARE(status.state, state);
        QCOMPARE(status.lastDataAt, time);
        QCOMPARE(status.factors.size(), 3);
        QCOMPARE(status.factor(QStringLiteral("w01009"), JhIntervalKind::Hour)->flag, flags.at(0));
    }

    void offlineAfterMissedIntervals()
    {
        const JhSite air = airSite();
        const JhSite water = waterSite();
        const JhSite silent = noiseSite();
        const JhWorldState state = stateWith({air, water, silent});
        const QDateTime start = baseTime();
        JhSiteStatusTracker tracker;
        QCOMPARE(tracker.rebuild({}, state, start).size(), 3);
        QCOMPARE(tracker.status(silent.id)->state, JhSiteState::NeverReported);
        tracker.observe({observation(air, QStringLiteral("a34004"), start.addSecs(-3600), 30),
                         observation(water, QStringLiteral("w21003"), start.addSecs(-3600), 0.3)},
                        state, start);
        QCOMPARE(tracker.status(air.id)->state, JhSiteState::Online);
        // Air: more than 3 expected intervals of 1 h (as the offline alarm rule); equal is not more.
        QVERIFY(tracker.sweep(state, start.addSecs(3 * 3600)).isEmpty());
        QCOMPARE(tracker.sweep(state, start.addSecs(3 * 3600 + 1)), QSet<QString>{air.id});
        QCOMPARE(tracker.status(air.id)->state, JhSiteState::Offline);
        QCOMPARE(tracker.status(air.id)->offlineSince, start.addSecs(3 * 3600));
        QCOMPARE(tracker.status(water.id)->state, JhSiteState::Online); // 4 h intervals: offline after 12 h
        QCOMPARE(tracker.status(silent.id)->state, JhSiteState::NeverReported);
        QCOMPARE(tracker.sweep(state, start.addSecs(12 * 3600 + 1)), QSet<QString>{water.id});
        // Late data (older than the newest) does not bring a site back; current data does.
        QVERIFY(tracker
                    .observe({observation(air, QStringLiteral("a34004"), start.addSecs(-7200), 30)}, state,
                             start.addSecs(13 * 3600))
                    .isEmpty());
        QCOMPARE(tracker.status(air.id)->state, JhSiteState::Offline);
        tracker.observe({observation(air, QStringLiteral("a34004"), start.addSecs(12 * 3600), 30)}, state,
                        start.addSecs(13 * 3600));
        QCOMPARE(tracker.status(air.id)->state, JhSiteState::Online);
        QVERIFY(!tracker.status(air.id)->offlineSince.isValid());

        // After a restart sites count from their newest stored data time.
        JhSiteStatusTracker restarted;
        restarted.rebuild({observation(air, QStringLiteral("a34004"), start, 30)}, state,
                          start.addSecs(3 * 3600 + 1));
        QCOMPARE(restarted.status(air.id)->state, JhSiteState::Offline);
        QCOMPARE(restarted.status(air.id)->lastDataAt, start);
        QCOMPARE(restarted.status(water.id)->state, JhSiteState::NeverReported);
    }

    void alarmCounts()
    {
        const JhSite site = airSite();
        JhWorldState state = stateWith({site, waterSite()});
        JhSiteStatusTracker tracker;
        tracker.rebuild({}, state, baseTime());
        QList<JhEvent> events;
        for (const auto &spec : {qMakePair(QStringLiteral("r1"), JhAlarmLevel::Notice),
                                 qMakePair(QStringLiteral("r2"), JhAlarmLevel::Serious),
                                 qMakePair(QStringLiteral("r3"), JhAlarmLevel::Warning)}) {
            const JhEvent event = JhCommandHandler::alarmOpened(
                state, site.id, QStringLiteral("a34004"), spec.first, spec.second, 1, QString(), baseTime());
            QVERIFY(state.apply(event));
            events.append(event);
        }
        QCOMPARE(JhSiteStatusTracker::alarmSites(events, state), QSet<QString>{site.id});
        QCOMPARE(tracker.applyAlarmState(state, {site.id}), QSet<QString>{site.id});
        const JhSiteStatus *status = tracker.status(site.id);
        QCOMPARE(status->openAlarms, 3);
        QCOMPARE(status->acknowledgedAlarms, 0);
        QVERIFY(status->hasOpenAlarm);
        QCOMPARE(status->worstLevel, JhAlarmLevel::Serious);
        // Acknowledge one, close the serious one (by their ids; the events carry no site id).
        JhAlarm acknowledged = *state.alarm(events.at(0).payload.value(QStringLiteral("alarmId")).toString());
        acknowledged.state = JhAlarmState::Acknowledged;
        state.addAlarm(acknowledged);
        JhAlarm closed = *state.alarm(events.at(1).payload.value(QStringLiteral("alarmId")).toString());
        closed.state = JhAlarmState::Closed;
        state.addAlarm(closed);
        JhEvent closing;
        closing.type = JhEventType::AlarmClosed;
        closing.payload = {{"alarmId", closed.id}, {"note", ""}};
        QCOMPARE(JhSiteStatusTracker::alarmSites({closing}, state), QSet<QString>{site.id});
        tracker.applyAlarmState(state, {site.id});
        status = tracker.status(site.id);
        QCOMPARE(status->openAlarms, 2);
        QCOMPARE(status->acknowledgedAlarms, 1);
        QCOMPARE(status->worstLevel, JhAlarmLevel::Warning);
        QCOMPARE(tracker.status(QStringLiteral("WAT-1"))->openAlarms, 0);
        QVERIFY(!tracker.status(QStringLiteral("WAT-1"))->hasOpenAlarm);
        // Counting again without a change changes nothing.
        QVERIFY(tracker.applyAlarmState(state, {site.id, QStringLiteral("WAT-1")}).isEmpty());
    }

    void revisionsFilterChanges()
    {
        const JhSite a = airSite(QStringLiteral("AIR-A"));
        const JhSite b = airSite(QStringLiteral("AIR-B"));
        JhWorldState state = stateWith({a, b});
        const QDateTime now = baseTime();
        JhSiteStatusTracker tracker;
        tracker.rebuild({observation(a, QStringLiteral("a34004"), now, 30)}, state, now, 1000);
        QCOMPARE(tracker.baseRevision(), qint64(1000));
        QCOMPARE(tracker.revision(), qint64(1001));
        QCOMPARE(tracker.changedSince(1000).size(), 2);
        QVERIFY(tracker.changedSince(1001).isEmpty());
        QVERIFY(!tracker.canAnswerSince(1000)); // a revision of an earlier run (or none)
        QVERIFY(tracker.canAnswerSince(1001));
        QVERIFY(!tracker.canAnswerSince(1002)); // ahead: another central
        QCOMPARE(tracker.observe({observation(b, QStringLiteral("a34004"), now, 40)}, state, now),
                 QSet<QString>{b.id});
        QCOMPARE(tracker.revision(), qint64(1002));
        const QList<JhSiteStatus> changed = tracker.changedSince(1001);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().siteId, b.id);
        QCOMPARE(changed.first().revision, qint64(1002));
        QCOMPARE(tracker.status(a.id)->revision, qint64(1001));
        // A resend, a sweep that changes nothing: no new revision.
        QVERIFY(tracker.observe({observation(b, QStringLiteral("a34004"), now, 41)}, state, now).isEmpty());
        QVERIFY(tracker.sweep(state, now.addSecs(60)).isEmpty());
        QCOMPARE(tracker.revision(), qint64(1002));
        // A site added to the state gets its status at the next sweep.
        const JhSite c = waterSite(3, JhWaterBodyType::River, QStringLiteral("WAT-C"));
        state.addSite(c);
        QCOMPARE(tracker.sweep(state, now.addSecs(120)), QSet<QString>{c.id});
        QCOMPARE(tracker.status(c.id)->revision, qint64(1003));
        QCOMPARE(tracker.statusesOf({c.id, QStringLiteral("nope")}).size(), 1);
        QCOMPARE(tracker.statuses().size(), 3);
        // Unknown sites are ignored.
        JhSite stranger = airSite(QStringLiteral("AIR-X"));
        QVERIFY(
            tracker.observe({observation(stranger, QStringLiteral("a34004"), now, 1)}, state, now).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestJhSiteStatusTracker)
#include "tst_jhsitestatustracker.moc"
