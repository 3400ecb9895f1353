// Where the ingest server hands accepted data for durable storage.
#pragma once

#include "jhobservationbatch.h"
#include "jhsinkresult.h"

#include <QVector>

#include <functional>

//! Receives batches gathered from many connections (one submit per event-loop turn of the server, up to
//! JhHj212Server's batch limit) so that one storage transaction commits many packets.
//! Contract: done is called exactly once per submit, only after every batch of that call is durably
//! committed (or has failed), on any thread: the server re-posts it to its own thread. A sink may
//! merge several submits into one transaction; it must store observations idempotently by
//! (site, factor, interval, data time) because loggers resend packets whose reply was lost.
class JhObservationSink
{
public:
    using Completion = std::function<void(const JhSinkResult &result)>;

    virtual ~JhObservationSink() = default;
    virtual void submit(QVector<JhObservationBatch> batches, Completion done) = 0;
};
