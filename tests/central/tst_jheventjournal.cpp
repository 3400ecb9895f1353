// JhEventJournal against SQLite and PostgreSQL: load + replay, durable append then fold, catch-up reads.
#include "centralstorefixture.h"
#include "jheventjournal.h"

#include <QSignalSpy>
#include <QtTest>

class TestJhEventJournal : public QObject
{
    Q_OBJECT
public:
    explicit TestJhEventJournal(JhStoreConfig::Dialect dialect) : mFixture(dialect) {}

private:
    JhCentralStoreFixture mFixture;

private slots:
    void init()
    {
        QVERIFY(mFixture.create());
        QVERIFY(mFixture.seed());
    }
    void cleanup() { mFixture.destroy(); }

    void opensWithReferenceData()
    {
        JhEventJournal journal;
        QVERIFY2(journal.open(mFixture.config()), qPrintable(journal.errorMessage()));
        QCOMPARE(journal.headSequence(), qint64(0));
        QCOMPARE(journal.state().sites().size(), 3);
        QCOMPARE(journal.state().teams().size(), 2);
    }

    void systemEventsAreStoredFoldedAndAnnounced()
    {
        JhEventJournal journal;
        QVERIFY(journal.open(mFixture.config()));
        QList<QList<JhEvent>> appended;
        connect(&journal, &JhEventJournal::eventsAppended, this,
                [&appended](const QList<JhEvent> &events) { appended.append(events); });
        const JhEvent first = JhCentralStoreFixture::alarm(journal.state(), QStringLiteral("AIR-T1"));
        QVERIFY(journal.appendSystemEvents({first}));
        const JhEvent second = JhCentralStoreFixture::alarm(journal.state(), QStringLiteral("AIR-T2"));
        QVERIFY(journal.appendSystemEvents({second}));
        QCOMPARE(appended.count(), 2);
        const QList<JhEvent> announced = appended.at(1);
        QCOMPARE(announced.size(), 1);
        QCOMPARE(announced.first().sequence, qint64(2));
        QCOMPARE(journal.headSequence(), qint64(2));
        QCOMPARE(journal.state().alarms().size(), 2);
        QVERIFY(journal.state().activeAlarm(QStringLiteral("AIR-T2"), QStringLiteral("a21026"),
                                            QStringLiteral("air.iaqi")));
    }

    void reopenRebuildsTheSameState()
    {
        JhWorldState before;
        {
            JhEventJournal journal;
            QVERIFY(journal.open(mFixture.config()));
            for (const QString &site :
                 {QStringLiteral("AIR-T1"), QStringLiteral("AIR-T2"), QStringLiteral("AIR-T3")})
                QVERIFY(journal.appendSystemEvents({JhCentralStoreFixture::alarm(journal.state(), site)}));
            before = journal.state();
        }
        JhEventJournal reopened;
        QVERIFY(reopened.open(mFixture.config()));
        QCOMPARE(reopened.headSequence(), qint64(3));
        QVERIFY(reopened.state() == before);
    }

    void eventsAppendedWithoutProjectionAreReplayedAtOpen()
    {
        // A crash between the append and saveProjection(): the log has events the projection lacks.
        {
            JhEventJournal journal;
            QVERIFY(journal.open(mFixture.config()));
            QVERIFY(journal.appendSystemEvents(
                {JhCentralStoreFixture::alarm(journal.state(), QStringLiteral("AIR-T1"))}));
            JhWorldState shadow = journal.state();
            QList<JhEvent> unprojected = {JhCentralStoreFixture::alarm(shadow, QStringLiteral("AIR-T2"))};
            QVERIFY(journal.store().appendEvents(unprojected));
            QCOMPARE(unprojected.first().sequence, qint64(2));
        }
        JhEventJournal reopened;
        QVERIFY2(reopened.open(mFixture.config()), qPrintable(reopened.errorMessage()));
        QCOMPARE(reopened.headSequence(), qint64(2));
        QCOMPARE(reopened.state().alarms().size(), 2);
    }

    void eventsAfterPagesGapFree()
    {
        JhEventJournal journal;
        QVERIFY(journal.open(mFixture.config()));
        QList<JhEvent> batch;
        JhWorldState shadow = journal.state();
        // One alarm per site, then a batch of acknowledgement-free re-opens is not allowed: use distinct
        // sites.
        for (const QString &site :
             {QStringLiteral("AIR-T1"), QStringLiteral("AIR-T2"), QStringLiteral("AIR-T3")}) {
            JhEvent event = JhCentralStoreFixture::alarm(shadow, site);
            QVERIFY(shadow.apply(event));
            batch.append(event);
        }
        QVERIFY(journal.appendSystemEvents(batch));
        QList<JhEvent> page;
        QVERIFY(journal.eventsAfter(0, 2, page));
        QCOMPARE(page.size(), 2);
        QCOMPARE(page.at(0).sequence, qint64(1));
        QCOMPARE(page.at(1).sequence, qint64(2));
        QVERIFY(journal.eventsAfter(2, 2, page));
        QCOMPARE(page.size(), 1);
        QCOMPARE(page.at(0).sequence, qint64(3));
        QVERIFY(journal.eventsAfter(3, 2, page));
        QVERIFY(page.isEmpty());
    }

    void refreshSitesPicksUpImportedSites()
    {
        JhEventJournal journal;
        QVERIFY(journal.open(mFixture.config()));
        QVERIFY(journal.refreshSites().isEmpty());
        JhSite added = JhCentralStoreFixture::sites().first();
        added.id = QStringLiteral("AIR-NEW");
        added.mn = QStringLiteral("320600000000000000000099");
        JhStore importer;
        QVERIFY(importer.open(mFixture.config()));
        QVERIFY(importer.upsertSites({added}));
        const QList<JhSite> changed = journal.refreshSites();
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().id, QStringLiteral("AIR-NEW"));
        QVERIFY(journal.state().siteByMn(added.mn));
        QVERIFY(journal.refreshSites().isEmpty()); // nothing imported since
        // A changed password (re-import) is picked up too; unchanged sites in the same import are not listed.
        added.password = QStringLiteral("n3w-pw");
        QVERIFY(importer.upsertSites({added, JhCentralStoreFixture::sites().first()}));
        const QList<JhSite> again = journal.refreshSites();
        QCOMPARE(again.size(), 1);
        QCOMPARE(again.first().password, QStringLiteral("n3w-pw"));
        QCOMPARE(journal.state().siteByMn(added.mn)->password, QStringLiteral("n3w-pw"));
    }
};

int main(int argc, char **argv)
{
    QCoreApplication application(argc, argv);
    return jhRunOnBothDialects<TestJhEventJournal>(argc, argv);
}

#include "tst_jheventjournal.moc"
