// A small JSON script of simulation events.
#pragma once

#include "jhsimevent.h"

#include <QVector>

//! {"events": [{"type": "exceedance", "site": "AIR-1168A", "factor": "a34004", "value": 180,
//!              "at": "2026-11-28T10:00:00+08:00" | "afterMinutes": 30, "minutes": 120}, ...]}
//! Types: exceedance (factor, value), offline, fault (factor optional, flag default "D"), stuck (factor).
class JhSimScript
{
public:
    enum class Error
    {
        None,
        FileNotReadable,
        NotJson,
        InvalidEvent
    };

    //! Reads a script; afterMinutes are counted from simulationStart (UTC).
    bool load(const QString &path, const QDateTime &simulationStart);
    bool loadFromData(const QByteArray &data, const QDateTime &simulationStart);

    const QVector<JhSimEvent> &events() const { return mEvents; }
    Error error() const { return mError; }
    QString errorMessage() const { return mErrorMessage; }

private:
    bool fail(Error error, const QString &message);

    QVector<JhSimEvent> mEvents;
    Error mError = Error::None;
    QString mErrorMessage;
};
