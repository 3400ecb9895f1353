// What one accepted HJ 212 data packet contributes to storage: observations and status attributes.
#pragma once

#include "jhingestattribute.h"
#include "jhobservation.h"

#include <QByteArray>
#include <QString>
#include <QVector>

//! One packet's worth of data for JhObservationSink. Observations are keyed by (site, factor, interval,
//! data time), so a packet the logger resends maps to the same rows: a sink stores them idempotently.
struct JhObservationBatch
{
    QString siteId;
    QByteArray mn;
    int command = 0;       //!< CN: 2011, 2051, 2061, 2031 (observations) or 2021, 2041, 2081, 3020 ...
    QByteArray qn;         //!< request number the logger gave (empty for 2005 loggers without QN)
    qint64 receivedMs = 0; //!< server clock, ms since the epoch
    bool repeated = false; //!< the same connection already sent this packet (a resend)
    QVector<JhObservation> observations;
    //! Factors sent with an abnormal -Flag (D fault, M maintenance ...) but an empty value: nothing to
    //! store (value is NaN), but the alarm engine must still see the flag. Announced after the commit
    //! with the stored observations, never written.
    QVector<JhObservation> flagsWithoutValue;
    QVector<JhIngestAttribute> attributes;
};
