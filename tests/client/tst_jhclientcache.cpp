// JhClientCache: the folded state and site statuses survive a reopen, changes rewrite only what they touch,
// a damaged file is set aside and kept, series are bounded.
#include "jhclientcache.h"

#include "jhjsonmapping.h"

#include <QDir>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

namespace {
const QDateTime sNow(QDate(2026, 7, 1), QTime(8, 0), Qt::UTC);

JhWorldState sampleState()
{
    JhWorldState state;
    JhSite site;
    site.id = QStringLiteral("AIR-1168A");
    site.name = QStringLiteral("南通紫琅学院");
    site.kind = JhSiteKind::AirNational;
    site.countyCode = 320612;
    site.longitude = 120.9;
    site.latitude = 31.98;
    site.mn = QStringLiteral("320600000000000000001168");
    site.factorCodes = QStringList{QStringLiteral("a34004")};
    state.addSite(site);
    JhFactor factor;
    factor.code = QStringLiteral("a34004");
    factor.nameZh = QStringLiteral("PM2.5");
    factor.unit = QStringLiteral("ug/m3");
    state.addFactor(factor);
    JhCountyTeam team;
    team.id = QStringLiteral("haimen");
    team.name = QStringLiteral("海门区监测站");
    team.countyCodes = {320614};
    state.addTeam(team);
    JhEvent opened;
    opened.sequence = 1;
    opened.type = JhEventType::AlarmOpened;
    opened.time = sNow;
    opened.actor = QStringLiteral("system");
    opened.payload = {{"alarmId", "ALM-000001"},
                      {"siteId", "AIR-1168A"},
                      {"factorCode", "a34004"},
                      {"ruleId", "exceedance.air-iaqi"},
                      {"level", "warning"},
                      {"value", 80},
                      {"message", QStringLiteral("PM2.5 超标")}};
    QString error;
    if (!state.apply(opened, &error))
        qFatal("sample event does not apply: %s", qPrintable(error));
    return state;
}

JhEvent acknowledge(qint64 sequence)
{
    JhEvent event;
    event.sequence = sequence;
    event.type = JhEventType::AlarmAcknowledged;
    event.time = sNow.addSecs(60);
    event.actor = QStringLiteral("duty");
    event.commandId = QStringLiteral("c-1");
    event.payload = {{"alarmId", "ALM-000001"}, {"note", QStringLiteral("已通知现场")}};
    return event;
}
} // namespace

class TestJhClientCache : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir mFolder;
    QString path() const
    {
        return mFolder.filePath(QString::fromLatin1(QTest::currentTestFunction()) +
                                QStringLiteral(".sqlite"));
    }

private slots:
    void stateSurvivesAReopen()
    {
        const JhWorldState state = sampleState();
        {
            JhClientCache cache;
            JhClientCache::Contents contents;
            QVERIFY2(cache.open(path(), contents), qPrintable(cache.errorMessage()));
            QVERIFY(contents.isEmpty());
            QVERIFY(cache.saveState(state, sNow));
            JhUser user{QStringLiteral("duty"), QStringLiteral("值班员"), JhRole::DutyOfficer, QString()};
            QVERIFY(cache.saveIdentity(user, QStringLiteral("db-1"), QStringLiteral("ws://127.0.0.1:6080")));
        }
        JhClientCache cache;
        JhClientCache::Contents contents;
        QVERIFY(cache.open(path(), contents));
        QVERIFY(cache.setAsideNote().isEmpty());
        QCOMPARE(contents.savedAt, sNow);
        QCOMPARE(contents.state.lastSequence(), qint64(1));
        // Passwords never reach a client; everything else is as folded.
        JhWorldState expected = state;
        QCOMPARE(contents.state.sites().size(), 1);
        QCOMPARE(contents.state.alarms(), expected.alarms());
        QCOMPARE(contents.state.factors(), expected.factors());
        QCOMPARE(contents.state.teams(), expected.teams());
        QCOMPARE(contents.state.site(QStringLiteral("AIR-1168A"))->name, QStringLiteral("南通紫琅学院"));
        QCOMPARE(contents.user.id, QStringLiteral("duty"));
        QCOMPARE(contents.databaseId, QStringLiteral("db-1"));
    }

    void aChangeRewritesWhatItTouchedAndTheSequence()
    {
        JhWorldState state = sampleState();
        JhClientCache cache;
        JhClientCache::Contents contents;
        QVERIFY(cache.open(path(), contents));
        QVERIFY(cache.saveState(state, sNow));
        const JhEvent event = acknowledge(2);
        QVERIFY(state.apply(event));
        JhStateChange change;
        change.note(event);
        QCOMPARE(change.alarmIds, QSet<QString>{QStringLiteral("ALM-000001")});
        QVERIFY(cache.saveChange(state, change, sNow.addSecs(60)));
        cache.close();

        JhClientCache reopened;
        QVERIFY(reopened.open(path(), contents));
        QCOMPARE(contents.state.lastSequence(), qint64(2));
        QCOMPARE(contents.state.alarm(QStringLiteral("ALM-000001"))->state, JhAlarmState::Acknowledged);
        QCOMPARE(contents.state.alarms(), state.alarms());
        // The restored state continues the log: the next event folds onto it.
        JhEvent next = acknowledge(3);
        next.type = JhEventType::AlarmClosed;
        QString error;
        QVERIFY2(contents.state.apply(next, &error), qPrintable(error));
    }

    void siteStatusesReplaceOrMerge()
    {
        JhClientCache cache;
        JhClientCache::Contents contents;
        QVERIFY(cache.open(path(), contents));
        JhSiteStatus a;
        a.siteId = QStringLiteral("A");
        a.state = JhSiteState::Online;
        a.lastDataAt = sNow;
        a.revision = 3;
        JhSiteStatus b = a;
        b.siteId = QStringLiteral("B");
        b.state = JhSiteState::Offline;
        b.offlineSince = sNow;
        QVERIFY(cache.saveSiteStatuses({a, b}, true, 10, sNow));
        JhSiteStatus b2 = b;
        b2.state = JhSiteState::Fault;
        b2.revision = 12;
        QVERIFY(cache.saveSiteStatuses({b2}, false, 12, sNow));
        cache.close();
        QVERIFY(cache.open(path(), contents));
        QCOMPARE(contents.statusRevision, qint64(12));
        QCOMPARE(contents.siteStatuses.size(), 2);
        QCOMPARE(contents.siteStatuses.value("B"), b2);
        QCOMPARE(contents.siteStatuses.value("A"), a);
        QVERIFY(cache.saveSiteStatuses({a}, true, 20, sNow));
        cache.close();
        QVERIFY(cache.open(path(), contents));
        QCOMPARE(contents.siteStatuses.keys(), QStringList{"A"});
    }

    void aDamagedFileIsSetAsideAndKept()
    {
        {
            QFile file(path());
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("SQLite format 3");
            file.write(QByteArray(8192, '\x5a'));
        }
        JhClientCache cache;
        JhClientCache::Contents contents;
        QVERIFY2(cache.open(path(), contents), qPrintable(cache.errorMessage()));
        QVERIFY(contents.isEmpty());
        QVERIFY2(cache.setAsideNote().contains(QStringLiteral("set aside")),
                 qPrintable(cache.setAsideNote()));
        const QStringList aside =
            QDir(mFolder.path()).entryList({QFileInfo(path()).fileName() + QStringLiteral(".damaged-*")});
        QCOMPARE(aside.size(), 1);
        QCOMPARE(QFileInfo(mFolder.filePath(aside.first())).size(), qint64(15 + 8192));
        // The new file works.
        QVERIFY(cache.saveState(sampleState(), sNow));
        cache.close();
        QVERIFY(cache.open(path(), contents));
        QCOMPARE(contents.state.lastSequence(), qint64(1));
    }

    void unreadableRowsSetTheFileAside()
    {
        {
            JhClientCache cache;
            JhClientCache::Contents contents;
            QVERIFY(cache.open(path(), contents));
            QVERIFY(cache.saveState(sampleState(), sNow));
        }
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
            db.setDatabaseName(path());
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(QStringLiteral("UPDATE objects SET json = '{\"id\":' WHERE kind = 6")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
        JhClientCache cache;
        JhClientCache::Contents contents;
        QVERIFY(cache.open(path(), contents));
        QVERIFY(contents.isEmpty());
        QVERIFY2(cache.setAsideNote().contains(QStringLiteral("not JSON")), qPrintable(cache.setAsideNote()));
    }

    void seriesAreKeptUpToTheLimit()
    {
        JhClientCache cache;
        JhClientCache::Contents contents;
        QVERIFY(cache.open(path(), contents));
        for (int i = 0; i < 5; ++i)
            QVERIFY(cache.saveSeries(QStringLiteral("k%1").arg(i), {{"n", i}}, sNow.addSecs(i), 3));
        QJsonObject result;
        QDateTime fetchedAt;
        QVERIFY(!cache.loadSeries(QStringLiteral("k1"), result, fetchedAt));
        QVERIFY(cache.loadSeries(QStringLiteral("k4"), result, fetchedAt));
        QCOMPARE(result.value("n").toInt(), 4);
        QCOMPARE(fetchedAt, sNow.addSecs(4));
    }
};

QTEST_GUILESS_MAIN(TestJhClientCache)
#include "tst_jhclientcache.moc"
