// Counters of the HJ 212 ingest server, for the operator's status view and the logs.
#pragma once

#include "jhhj212error.h"

#include <QJsonObject>
#include <QtGlobal>

#include <array>

//! Plain counters (monotonic except the gauges marked so); the server owns one and hands out copies.
struct JhIngestStatistics
{
    // Connections.
    quint64 connectionsAccepted = 0;
    quint64 connectionsRefusedTotal = 0;   //!< over maxConnections
    quint64 connectionsRefusedPerPeer = 0; //!< over maxConnectionsPerPeer
    quint64 connectionsClosedIdle = 0;     //!< idle/half-open timeout
    quint64 connectionsClosedSlow = 0;     //!< packet-assembly timeout (slow senders)
    quint64 connectionsClosedErrors = 0;   //!< too many malformed frames
    quint64 connectionsClosedByPeer = 0;
    int connectionsOpen = 0; //!< gauge
    // Bytes and frames.
    quint64 bytesReceived = 0;
    quint64 garbageBytes = 0; //!< bytes outside any frame, skipped
    quint64 framesRejected = 0;
    std::array<quint64, JhHj212Error::UnterminatedLogText + 1> rejectedByCode{}; //!< per JhHj212Error::Code
    // Packets that parsed.
    quint64 packetsUnknownMn = 0;
    quint64 packetsWrongPassword = 0;
    quint64 packetsToleranceRefused = 0; //!< needed a vendor tolerance not enabled for its MN
    quint64 packetsAccepted = 0;         //!< authenticated packets handled
    quint64 packetsStored = 0;           //!< packets whose data was committed by the sink
    quint64 packetsDuplicate = 0;        //!< repeats of a packet seen on the same connection (still stored)
    quint64 valuesEmpty = 0; //!< factor values a logger sent empty ("-Rtd="): not stored; its flag is judged
    quint64 packetsSplitParts = 0;        //!< parts of split packets (Flag D)
    quint64 packetsUnsupported = 0;       //!< commands the server does not act on
    quint64 packetsFromLoggerReplies = 0; //!< 9011..9014 sent by loggers
    quint64 observationsStored = 0;
    quint64 commitFailures = 0; //!< packets whose commit failed: no reply, the logger will resend
    quint64 repliesSent = 0;
    int commitsInFlight = 0; //!< gauge: packets handed to the sink and not yet committed
    // Flow control.
    quint64 rateLimitPauses = 0;    //!< a connection exceeded its packet rate; reading paused
    quint64 backpressurePauses = 0; //!< a connection had too many packets awaiting commit

    quint64 rejected(JhHj212Error::Code code) const { return rejectedByCode[std::size_t(code)]; }
    //! Counters by name; rejections per rule under "rejectedByRule".
    QJsonObject toJson() const;
};
