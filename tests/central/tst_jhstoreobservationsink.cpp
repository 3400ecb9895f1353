// JhStoreObservationSink against real SQLite (temporary folder) and PostgreSQL 15 (fresh database per case):
// durable before the completion, completion on the caller's thread, merged commits in order, failures.
// PostgreSQL comes from JH_TEST_PG_PORT (scripts/test-postgres.sh); without it the PostgreSQL run FAILS,
// unless JH_TEST_NO_POSTGRES=1 is set for a quick developer run.
#include "jhsqliteobservationstaging.h"
#include "jhstore.h"
#include "jhstoreobservationsink.h"
#include "jhtestdatabase.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>

namespace {

const QDateTime sStart = QDateTime(QDate(2026, 5, 1), QTime(0, 0), Qt::UTC);

JhObservation makeObservation(const QString &site, const QString &factor, int minute, double value)
{
    JhObservation observation;
    observation.siteId = site;
    observation.factorCode = factor;
    observation.dataTime = sStart.addSecs(60 * minute);
    observation.interval = JhIntervalKind::Minute;
    observation.value = value;
    observation.flag = QStringLiteral("N");
    return observation;
}

JhObservationBatch makeBatch(const QString &site, int minute, double value)
{
    JhObservationBatch batch;
    batch.siteId = site;
    batch.command = 2051;
    batch.receivedMs = sStart.addSecs(60 * minute + 5).toMSecsSinceEpoch();
    batch.observations.append(makeObservation(site, QStringLiteral("a34004"), minute, value));
    batch.observations.append(makeObservation(site, QStringLiteral("a21026"), minute, value / 2));
    return batch;
}

//! What one completion saw.
struct Completed
{
    int index = -1;
    JhSinkResult result;
    QThread *thread = nullptr;
};

} // namespace

class TestJhStoreObservationSink : public QObject
{
    Q_OBJECT
public:
    explicit TestJhStoreObservationSink(JhStoreConfig::Dialect dialect) : mDatabase(dialect) {}

private:
    JhTestDatabase mDatabase;
    JhStoreConfig mConfig;

    bool isPostgres() const { return mDatabase.isPostgres(); }

    //! Breaks the store under a running sink: its observation tables disappear.
    bool dropObservationTables()
    {
        if (isPostgres())
            return JhTestDatabase::exec(QStringLiteral("DROP TABLE observations"), mDatabase.databaseName());
        const QString name = QStringLiteral("jh_sink_test_sqlite");
        bool ok = false;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(mConfig.sqliteObservationsPath());
            if (db.open()) {
                QSqlQuery query(db);
                ok = query.exec(QStringLiteral("DROP TABLE observations"));
                for (int bucket = 0; ok && bucket < JhSqliteObservationStaging::BucketCount; ++bucket)
                    ok = query.exec(
                        QStringLiteral("DROP TABLE %1").arg(JhSqliteObservationStaging::tableName(bucket)));
                if (!ok)
                    qWarning() << query.lastError().text();
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        return ok;
    }

    //! Observations of one factor at one site, read through a fresh store connection.
    QList<JhObservation> stored(const QString &site, const QString &factor)
    {
        JhStore store;
        QList<JhObservation> result;
        if (!store.open(mConfig)) {
            qWarning() << "fresh store did not open:" << store.error().message;
            return result;
        }
        if (!store.observations(site, factor, JhIntervalKind::Minute, sStart.addDays(-1), sStart.addDays(1),
                                result))
            qWarning() << store.error().message;
        return result;
    }

    //! Submits \a batches; the completion records into \a completed.
    static void submit(JhStoreObservationSink &sink, QVector<JhObservationBatch> batches, int index,
                       QVector<Completed> &completed)
    {
        sink.submit(std::move(batches), [&completed, index](const JhSinkResult &result) {
            Completed entry;
            entry.index = index;
            entry.result = result;
            entry.thread = QThread::currentThread();
            completed.append(entry);
        });
    }

private slots:
    void init()
    {
        QVERIFY2(mDatabase.create(), "cannot create the test database");
        mConfig = mDatabase.config();
    }

    void cleanup() { mDatabase.destroy(); }

    void committedDataIsReadableWhenTheCompletionRuns()
    {
        JhStoreObservationSink sink(mConfig);
        QString error;
        QVERIFY2(sink.start(&error), qPrintable(error));
        QVector<JhObservation> announced;
        sink.setListener(
            [&announced](const QVector<JhObservation> &observations) { announced += observations; });
        QSignalSpy committed(&sink, &JhStoreObservationSink::observationsCommitted);

        QList<JhObservation> seenAtCompletion;
        QThread *completionThread = nullptr;
        JhSinkResult outcome;
        bool called = false;
        sink.submit({makeBatch(QStringLiteral("AIR-1"), 0, 40), makeBatch(QStringLiteral("AIR-2"), 0, 80)},
                    [&](const JhSinkResult &result) {
                        called = true;
                        outcome = result;
                        completionThread = QThread::currentThread();
                        // Durable before the reply: a separate connection sees the rows now.
                        seenAtCompletion = stored(QStringLiteral("AIR-2"), QStringLiteral("a34004"));
                    });
        QVERIFY(!called); // never inside submit(): the commit runs on the worker thread
        QTRY_VERIFY_WITH_TIMEOUT(called, 10000);
        QVERIFY2(outcome.isOk(), qPrintable(outcome.message));
        QCOMPARE(completionThread, QThread::currentThread());
        QCOMPARE(seenAtCompletion.size(), 1);
        QCOMPARE(seenAtCompletion.first().value, 80.0);
        QCOMPARE(seenAtCompletion.first().dataTime, sStart);
        QCOMPARE(announced.size(), 4);
        QCOMPARE(committed.count(), 1);
        QCOMPARE(sink.committedSubmits(), quint64(1));

        sink.stop();
        QCOMPARE(stored(QStringLiteral("AIR-1"), QStringLiteral("a21026")).size(), 1);
        QCOMPARE(stored(QStringLiteral("AIR-1"), QStringLiteral("a21026")).first().value, 20.0);
    }

    void flagsWithoutValueAreAnnouncedNotStored()
    {
        // A logger's "a34004-Rtd=,a34004-Flag=D": the fault must reach the alarm engine, but there is no
        // number to store (a NaN would break the NOT NULL value column and fail the whole commit).
        JhStoreObservationSink sink(mConfig);
        QVERIFY(sink.start());
        QVector<JhObservation> announced;
        sink.setListener(
            [&announced](const QVector<JhObservation> &observations) { announced += observations; });
        JhObservationBatch batch = makeBatch(QStringLiteral("AIR-1"), 0, 40);
        JhObservation fault = batch.observations.takeFirst(); // a34004
        fault.value = qQNaN();
        fault.flag = QStringLiteral("D");
        batch.flagsWithoutValue.append(fault);
        bool ok = false;
        sink.submit({batch}, [&ok](const JhSinkResult &result) { ok = result.isOk(); });
        QTRY_VERIFY_WITH_TIMEOUT(ok, 10000);
        bool faultAnnounced = false;
        for (const JhObservation &observation : announced)
            faultAnnounced |= observation.factorCode == QLatin1String("a34004") &&
                              observation.flag == QLatin1String("D") && qIsNaN(observation.value);
        QVERIFY(faultAnnounced);
        sink.stop();
        QVERIFY(stored(QStringLiteral("AIR-1"), QStringLiteral("a34004")).isEmpty());
    }

    void completionsKeepSubmitOrderAndResendsAreStoredOnce()
    {
        JhStoreObservationSink sink(mConfig);
        QVERIFY(sink.start());
        QVector<Completed> completed;
        const int submits = 40;
        for (int index = 0; index < submits; ++index)
            submit(sink, {makeBatch(QStringLiteral("AIR-1"), index % 30, 10 + index % 30)}, index, completed);
        QTRY_COMPARE_WITH_TIMEOUT(completed.size(), submits, 20000);
        for (int index = 0; index < submits; ++index) {
            QCOMPARE(completed.at(index).index, index);
            QVERIFY2(completed.at(index).result.isOk(), qPrintable(completed.at(index).result.message));
            QCOMPARE(completed.at(index).thread, QThread::currentThread());
        }
        // Submits queued behind a running commit share the next one.
        QVERIFY(sink.transactionCount() >= 1);
        QVERIFY(sink.transactionCount() <= quint64(submits));
        sink.stop();
        // Minutes 0..9 were sent twice (index 30..39): still one row each, oldest first.
        const QList<JhObservation> rows = stored(QStringLiteral("AIR-1"), QStringLiteral("a34004"));
        QCOMPARE(rows.size(), 30);
        for (int minute = 0; minute < 30; ++minute) {
            QCOMPARE(rows.at(minute).dataTime, sStart.addSecs(60 * minute));
            QCOMPARE(rows.at(minute).value, double(10 + minute));
        }
    }

    void failingStoreReportsFailureAndAnnouncesNothing()
    {
        JhStoreObservationSink sink(mConfig);
        QVERIFY(sink.start());
        QVector<Completed> completed;
        submit(sink, {makeBatch(QStringLiteral("AIR-1"), 0, 40)}, 0, completed);
        QTRY_COMPARE_WITH_TIMEOUT(completed.size(), 1, 10000);
        QVERIFY(completed.first().result.isOk());

        QVERIFY(dropObservationTables());
        int announced = 0;
        sink.setListener([&announced](const QVector<JhObservation> &) { ++announced; });
        QSignalSpy failed(&sink, &JhStoreObservationSink::commitFailed);
        submit(sink, {makeBatch(QStringLiteral("AIR-1"), 1, 41)}, 1, completed);
        QTRY_COMPARE_WITH_TIMEOUT(completed.size(), 2, 10000);
        QCOMPARE(completed.at(1).result.error, JhSinkResult::Error::StorageFailed);
        QVERIFY(!completed.at(1).result.message.isEmpty());
        QCOMPARE(completed.at(1).thread, QThread::currentThread());
        QCOMPARE(failed.count(), 1);
        QCOMPARE(announced, 0);
        QCOMPARE(sink.failedSubmits(), quint64(1));
        sink.stop();
    }

    void storeThatCannotOpenFailsEverySubmit()
    {
        if (isPostgres()) {
            mConfig.database = QStringLiteral("jh_sink_test_missing_database");
        } else {
            // A data folder below a regular file cannot be created, not even by root.
            QFile blocker(mDatabase.folderPath(QStringLiteral("blocker")));
            QVERIFY(blocker.open(QIODevice::WriteOnly));
            blocker.close();
            mConfig = JhStoreConfig::inDataDirectory(mDatabase.folderPath(QStringLiteral("blocker/data")));
        }
        JhStoreObservationSink sink(mConfig);
        QString error;
        QVERIFY(!sink.start(&error));
        QVERIFY(!error.isEmpty());
        QVector<Completed> completed;
        submit(sink, {makeBatch(QStringLiteral("AIR-1"), 0, 40)}, 0, completed);
        submit(sink, {makeBatch(QStringLiteral("AIR-1"), 1, 40)}, 1, completed);
        QTRY_COMPARE_WITH_TIMEOUT(completed.size(), 2, 10000);
        QCOMPARE(completed.at(0).index, 0);
        QCOMPARE(completed.at(0).result.error, JhSinkResult::Error::StorageFailed);
        QCOMPARE(completed.at(1).result.error, JhSinkResult::Error::StorageFailed);
        QVERIFY(completed.at(0).result.message.contains(error));
    }

    void compactsWhenIdleAndOnStopThenRefusesSubmits()
    {
        JhStoreObservationSink sink(mConfig);
        sink.setIdleCompactionDelayMs(50);
        QVERIFY(sink.start());
        QVector<Completed> completed;
        submit(sink, {makeBatch(QStringLiteral("AIR-1"), 0, 40)}, 0, completed);
        QTRY_COMPARE_WITH_TIMEOUT(completed.size(), 1, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(sink.compactionCount() >= 1, 10000);
        const quint64 idleCompactions = sink.compactionCount();
        sink.stop();
        QCOMPARE(sink.compactionCount(), idleCompactions + 1);
        QVERIFY(!sink.isRunning());

        submit(sink, {makeBatch(QStringLiteral("AIR-1"), 1, 40)}, 1, completed);
        QCOMPARE(completed.size(), 1); // not called inside submit()
        QTRY_COMPARE_WITH_TIMEOUT(completed.size(), 2, 10000);
        QCOMPARE(completed.at(1).result.error, JhSinkResult::Error::ShuttingDown);
        QCOMPARE(stored(QStringLiteral("AIR-1"), QStringLiteral("a34004")).size(), 1);
    }

    void stopCommitsWhatIsQueued()
    {
        QVector<Completed> completed;
        {
            JhStoreObservationSink sink(mConfig);
            QVERIFY(sink.start());
            for (int index = 0; index < 5; ++index)
                submit(sink, {makeBatch(QStringLiteral("AIR-3"), index, 50)}, index, completed);
            sink.stop();
            QCOMPARE(completed.size(), 0); // delivered on the next event-loop pass
            QTRY_COMPARE_WITH_TIMEOUT(completed.size(), 5, 10000);
        }
        for (const Completed &entry : completed)
            QVERIFY(entry.result.isOk());
        QCOMPARE(stored(QStringLiteral("AIR-3"), QStringLiteral("a34004")).size(), 5);
    }
};

int main(int argc, char **argv)
{
    QCoreApplication application(argc, argv);
    return jhRunOnBothDialects<TestJhStoreObservationSink>(argc, argv);
}

#include "tst_jhstoreobservationsink.moc"
