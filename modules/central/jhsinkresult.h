// The outcome of committing observation batches to storage.
#pragma once

#include <QString>

//! Passed to a JhObservationSink completion: None means every batch of the call is durably committed.
struct JhSinkResult
{
    enum class Error
    {
        None,
        StorageFailed, //!< the commit failed (disk full, database gone); the loggers will resend
        ShuttingDown   //!< the sink stopped before committing
    };

    Error error = Error::None;
    QString message;

    bool isOk() const { return error == Error::None; }
};
