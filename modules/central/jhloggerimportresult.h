// The outcome of importing logger registrations from a scenario, JSON or CSV file.
#pragma once

#include <QString>

//! How many loggers an import added or replaced, or why it failed (nothing is changed on failure).
struct JhLoggerImportResult
{
    enum class Error
    {
        None,
        FileNotReadable,
        BadFormat,   //!< not JSON/CSV of the expected shape
        InvalidEntry //!< an entry without id, MN or password, or with an unknown tolerance
    };

    Error error = Error::None;
    QString message;
    int added = 0;
    int replaced = 0;

    bool isOk() const { return error == Error::None; }
};
