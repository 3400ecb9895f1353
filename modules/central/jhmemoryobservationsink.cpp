// In-memory observation sink with controllable commit timing.
#include "jhmemoryobservationsink.h"

#include <QTimer>

#include <memory>

JhMemoryObservationSink::JhMemoryObservationSink(QObject *parent) : QObject(parent)
{}

void JhMemoryObservationSink::submit(QVector<JhObservationBatch> batches, Completion done)
{
    ++mSubmits;
    const int count = batches.size();
    Pending pending{std::move(batches), std::move(done)};
    emit submitted(count);
    if (mManual) {
        mPending.append(std::move(pending));
        return;
    }
    if (mDelayMs > 0) {
        auto held = std::make_shared<Pending>(std::move(pending));
        QTimer::singleShot(mDelayMs, this, [this, held]() { complete(std::move(*held)); });
        return;
    }
    complete(std::move(pending));
}

int JhMemoryObservationSink::commitPending()
{
    QVector<Pending> pending;
    pending.swap(mPending);
    for (Pending &item : pending)
        complete(std::move(item));
    return pending.size();
}

void JhMemoryObservationSink::clear()
{
    mBatches.clear();
    mObservations.clear();
    mCommittedBatches = 0;
}

void JhMemoryObservationSink::complete(Pending pending)
{
    JhSinkResult result;
    if (mFailing) {
        result.error = JhSinkResult::Error::StorageFailed;
        result.message = QStringLiteral("memory sink set to fail");
    } else {
        for (const JhObservationBatch &batch : pending.batches) {
            if (mKeepBatches) {
                for (const JhObservation &observation : batch.observations) {
                    const QString key = observation.siteId + QLatin1Char('|') + observation.factorCode +
                                        QLatin1Char('|') + QString::number(int(observation.interval)) +
                                        QLatin1Char('|') +
                                        QString::number(observation.dataTime.toMSecsSinceEpoch());
                    mObservations.insert(key, observation);
                }
                mBatches.append(batch);
            }
        }
        mCommittedBatches += quint64(pending.batches.size());
        emit committed(pending.batches.size());
    }
    if (pending.done)
        pending.done(result);
}
