// Observation sink on JhStore: a worker thread commits merged submits, the sink's thread completes them.
#include "jhstoreobservationsink.h"

#include "jhstore.h"

#include <QDateTime>
#include <QMutexLocker>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <memory>

//! Lives on the worker thread and owns the JhStore (created, used and closed there only).
class JhStoreObservationSinkWorker : public QObject
{
public:
    explicit JhStoreObservationSinkWorker(JhStoreObservationSink *sink) : mSink(sink) {}

    bool open(const JhStoreConfig &config, int idleDelayMs, QString *error)
    {
        mIdleDelayMs = idleDelayMs;
        mIdleTimer = new QTimer(this);
        mIdleTimer->setSingleShot(true);
        QObject::connect(mIdleTimer, &QTimer::timeout, this, [this]() { compact(); });
        mStore = std::make_unique<JhStore>();
        if (mStore->open(config))
            return true;
        mOpenError = mStore->error().message;
        mStore.reset();
        if (error)
            *error = mOpenError;
        return false;
    }

    void drain()
    {
        QVector<JhStoreObservationSink::Pending> pending = mSink->takeQueue();
        if (pending.isEmpty())
            return;
        JhSinkResult result;
        if (!mStore) {
            result.error = JhSinkResult::Error::StorageFailed;
            result.message = QStringLiteral("store not open: %1").arg(mOpenError);
        } else {
            int count = 0;
            qint64 receivedMs = 0;
            for (const auto &item : pending)
                for (const JhObservationBatch &batch : item.batches) {
                    count += batch.observations.size();
                    receivedMs = qMax(receivedMs, batch.receivedMs);
                }
            QList<JhObservation> observations;
            observations.reserve(count);
            for (const auto &item : pending)
                for (const JhObservationBatch &batch : item.batches)
                    for (const JhObservation &observation : batch.observations)
                        observations.append(observation);
            const QDateTime receivedAt = receivedMs > 0 ? QDateTime::fromMSecsSinceEpoch(receivedMs, Qt::UTC)
                                                        : QDateTime::currentDateTimeUtc();
            if (!mStore->insertObservations(observations, receivedAt)) {
                result.error = JhSinkResult::Error::StorageFailed;
                result.message = mStore->error().message;
            }
            ++mSink->mTransactions;
            if (mIdleDelayMs > 0)
                mIdleTimer->start(mIdleDelayMs);
        }
        JhStoreObservationSink *sink = mSink;
        QMetaObject::invokeMethod(
            sink, [sink, pending, result]() mutable { sink->deliver(std::move(pending), result); },
            Qt::QueuedConnection);
        // After the replies are on their way: a compaction now delays the next batch, not this one.
        if (mStore && result.isOk() && !mStore->compactIfDue())
            qWarning("observation sink: compaction failed (retried later): %s",
                     qPrintable(mStore->error().message));
    }

    void compact()
    {
        if (mStore && mStore->compactObservations())
            ++mSink->mCompactions;
    }

    void shutdown()
    {
        drain();
        if (mIdleTimer)
            mIdleTimer->stop();
        compact();
        if (mStore)
            mStore->close();
        mStore.reset();
    }

private:
    JhStoreObservationSink *mSink;
    std::unique_ptr<JhStore> mStore;
    QTimer *mIdleTimer = nullptr;
    QString mOpenError;
    int mIdleDelayMs = 0;
};

JhStoreObservationSink::JhStoreObservationSink(const JhStoreConfig &config, QObject *parent)
    : QObject(parent), mConfig(config)
{}

JhStoreObservationSink::~JhStoreObservationSink()
{
    stop();
}

bool JhStoreObservationSink::start(QString *error)
{
    if (mThread)
        return true;
    mThread = new QThread();
    mThread->setObjectName(QStringLiteral("jh-store-sink"));
    mWorker = new JhStoreObservationSinkWorker(this);
    mWorker->moveToThread(mThread);
    mThread->start();
    bool opened = false;
    QString message;
    JhStoreObservationSinkWorker *worker = mWorker;
    const JhStoreConfig config = mConfig;
    const int idleDelay = mIdleCompactionDelayMs;
    QMetaObject::invokeMethod(
        worker,
        [worker, config, idleDelay, &opened, &message]() {
            opened = worker->open(config, idleDelay, &message);
        },
        Qt::BlockingQueuedConnection);
    // The worker stays up even when the store did not open: submits then fail there, in order.
    if (!opened && error)
        *error = message;
    return opened;
}

void JhStoreObservationSink::stop()
{
    if (!mThread)
        return;
    JhStoreObservationSinkWorker *worker = mWorker;
    QMetaObject::invokeMethod(
        worker, [worker]() { worker->shutdown(); }, Qt::BlockingQueuedConnection);
    mThread->quit();
    mThread->wait();
    delete mWorker;
    mWorker = nullptr;
    delete mThread;
    mThread = nullptr;
}

void JhStoreObservationSink::submit(QVector<JhObservationBatch> batches, Completion done)
{
    if (!mThread) {
        JhSinkResult result;
        result.error = JhSinkResult::Error::ShuttingDown;
        result.message = QStringLiteral("observation sink is not running");
        ++mFailedSubmits;
        QMetaObject::invokeMethod(
            this,
            [done, result]() {
                if (done)
                    done(result);
            },
            Qt::QueuedConnection);
        return;
    }
    bool post = false;
    {
        QMutexLocker lock(&mMutex);
        mQueue.append(Pending{std::move(batches), std::move(done)});
        if (!mDrainPosted) {
            mDrainPosted = true;
            post = true;
        }
    }
    if (post) {
        JhStoreObservationSinkWorker *worker = mWorker;
        QMetaObject::invokeMethod(
            worker, [worker]() { worker->drain(); }, Qt::QueuedConnection);
    }
}

QVector<JhStoreObservationSink::Pending> JhStoreObservationSink::takeQueue()
{
    QMutexLocker lock(&mMutex);
    QVector<Pending> queue;
    queue.swap(mQueue);
    mDrainPosted = false;
    return queue;
}

void JhStoreObservationSink::deliver(QVector<Pending> pending, const JhSinkResult &result)
{
    if (result.isOk()) {
        int count = 0;
        for (const Pending &item : pending)
            for (const JhObservationBatch &batch : item.batches)
                count += batch.observations.size();
        QVector<JhObservation> observations;
        observations.reserve(count);
        for (const Pending &item : pending)
            for (const JhObservationBatch &batch : item.batches) {
                observations += batch.observations;
                observations += batch.flagsWithoutValue; // judged, never stored
            }
        mCommittedSubmits += quint64(pending.size());
        if (mListener)
            mListener(observations);
        emit observationsCommitted(observations);
    } else {
        mFailedSubmits += quint64(pending.size());
        emit commitFailed(result.message);
    }
    for (Pending &item : pending)
        if (item.done)
            item.done(result);
}
