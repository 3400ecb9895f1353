// An observation sink that keeps everything in memory: for tests, benchmarks and a store-less demo.
#pragma once

#include "jhobservationsink.h"

#include <QHash>
#include <QObject>
#include <QVector>

//! Commits at once by default; can instead hold commits back (manual mode, for tests proving that
//! replies wait for the commit), delay them by a timer (an asynchronous store) or fail them.
//! Observations are kept once per (site, factor, interval, data time), as a store would.
class JhMemoryObservationSink : public QObject, public JhObservationSink
{
    Q_OBJECT
public:
    explicit JhMemoryObservationSink(QObject *parent = nullptr);

    void submit(QVector<JhObservationBatch> batches, Completion done) override;

    //! Hold submits until commitPending() (true) or commit them as they come (false, the default).
    void setManualCommit(bool manual) { mManual = manual; }
    //! Commit each submit this many ms later on a timer (0 = at once).
    void setCommitDelayMs(int delayMs) { mDelayMs = delayMs; }
    //! Make commits fail (nothing is kept, completions report StorageFailed).
    void setFailing(bool failing) { mFailing = failing; }
    //! Keep the batches themselves (false for long benchmarks: only counts are kept).
    void setKeepBatches(bool keep) { mKeepBatches = keep; }

    //! Commits every held submit; returns how many submits were completed.
    int commitPending();
    int pendingSubmits() const { return mPending.size(); }

    const QVector<JhObservationBatch> &batches() const { return mBatches; }
    //! Distinct stored observations (by key).
    int observationCount() const { return mObservations.size(); }
    QVector<JhObservation> observations() const { return mObservations.values().toVector(); }
    quint64 committedBatchCount() const { return mCommittedBatches; }
    quint64 submitCount() const { return mSubmits; }
    void clear();

signals:
    //! Emitted after a submit was committed (before its completion is called).
    void committed(int batchCount);
    //! Emitted when a submit arrives.
    void submitted(int batchCount);

private:
    struct Pending
    {
        QVector<JhObservationBatch> batches;
        Completion done;
    };
    void complete(Pending pending);

    bool mManual = false;
    int mDelayMs = 0;
    bool mFailing = false;
    bool mKeepBatches = true;
    quint64 mSubmits = 0;
    quint64 mCommittedBatches = 0;
    QVector<Pending> mPending;
    QVector<JhObservationBatch> mBatches;
    QHash<QString, JhObservation> mObservations;
};
