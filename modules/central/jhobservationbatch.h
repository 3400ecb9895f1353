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
    QVector<JhIngestAttribute> attributes;
};
