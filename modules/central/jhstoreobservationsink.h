// An observation sink that commits to JhStore (SQLite or PostgreSQL) on its own worker thread.
#pragma once

#include "jhobservationsink.h"
#include "jhstoreconfig.h"

#include <QMutex>
#include <QObject>
#include <QString>
#include <QVector>

#include <atomic>
#include <functional>

class QThread;
class JhStoreObservationSinkWorker;

//! Runs a JhStore on a worker thread (its own connection: QtSql connections are per thread). Submits that
//! queue up while a commit runs are merged into the next transaction (JhStore::insertObservations), so
//! many loggers share one commit. Only after the commit does the sink, on its own thread (queued), hand
//! the committed observations to the listener / observationsCommitted() and then call each completion:
//! that is what lets the server send the 9014 reply only once the data is durable. On failure the
//! completion reports StorageFailed and no observation is announced (the loggers resend). Completions are
//! called in submit order. The store is compacted when idle and on stop().
class JhStoreObservationSink : public QObject, public JhObservationSink
{
    Q_OBJECT
public:
    using Listener = std::function<void(const QVector<JhObservation> &observations)>;

    explicit JhStoreObservationSink(const JhStoreConfig &config, QObject *parent = nullptr);
    //! Calls stop().
    ~JhStoreObservationSink() override;

    //! Starts the worker thread and opens the store there; blocks until it is open. False (with the
    //! store's message in \a error) when it cannot be opened: submits then fail with StorageFailed.
    bool start(QString *error = nullptr);
    //! Commits what is queued, compacts, closes the store and joins the thread. Completions of those last
    //! commits are delivered on the next event-loop pass; later submits complete with ShuttingDown.
    void stop();
    bool isRunning() const { return mThread != nullptr; }

    void submit(QVector<JhObservationBatch> batches, Completion done) override;

    //! Called with the observations of every successful commit (sink's thread, before the completions).
    void setListener(Listener listener) { mListener = std::move(listener); }
    //! Quiet time after the last commit before an idle compaction (ms, default 5000; 0 = never idle-compact).
    void setIdleCompactionDelayMs(int delayMs) { mIdleCompactionDelayMs = delayMs; }

    quint64 committedSubmits() const { return mCommittedSubmits; }
    quint64 failedSubmits() const { return mFailedSubmits; }
    //! Transactions run by the worker (fewer than submits when submits were merged).
    quint64 transactionCount() const { return mTransactions.load(); }
    //! Idle or shutdown compactions run so far.
    quint64 compactionCount() const { return mCompactions.load(); }

signals:
    //! The observations of one successful commit (every batch of the merged submits), in submit order.
    void observationsCommitted(const QVector<JhObservation> &observations);
    //! A commit failed; the loggers will resend.
    void commitFailed(const QString &message);

private:
    friend class JhStoreObservationSinkWorker;
    struct Pending
    {
        QVector<JhObservationBatch> batches;
        Completion done;
    };
    //! Worker thread: takes everything queued.
    QVector<Pending> takeQueue();
    //! Sink's thread: announces and completes one worker commit.
    void deliver(QVector<Pending> pending, const JhSinkResult &result);

    JhStoreConfig mConfig;
    QThread *mThread = nullptr;
    JhStoreObservationSinkWorker *mWorker = nullptr;
    QMutex mMutex;
    QVector<Pending> mQueue;   //!< guarded by mMutex
    bool mDrainPosted = false; //!< guarded by mMutex
    Listener mListener;
    int mIdleCompactionDelayMs = 5000;
    quint64 mCommittedSubmits = 0;
    quint64 mFailedSubmits = 0;
    std::atomic<quint64> mTransactions{0}; //!< written by the worker
    std::atomic<quint64> mCompactions{0};
};
