// The bounds the HJ 212 ingest server puts on every peer, so that hostile input cannot starve the rest.
#pragma once

#include <QJsonObject>

//! Configurable limits of the ingest server; every breach is counted in JhIngestStatistics.
//! Defaults suit a city network of a few thousand loggers that send a packet every few seconds.
struct JhIngestLimits
{
    int maxConnections = 5000;       //!< open connections overall; more are refused (closed at once)
    int maxConnectionsPerPeer = 64;  //!< open connections from one IP address
    int maxFrameBytes = 4096;        //!< a frame without line end within this many bytes is dropped
    int maxDataLength = 1024;        //!< data segment limit (HJ 212-2017 Table 2)
    double maxPacketsPerSecond = 20; //!< per connection; beyond it reading pauses (TCP back-pressure)
    int packetBurst = 200;           //!< packets a connection may send at once before the rate applies
    int maxPendingCommits = 64;      //!< packets of one connection awaiting commit before reading pauses
    int maxRejectedFrames = 100;     //!< malformed frames on one connection before it is closed
    int idleTimeoutMs = 600000;      //!< no byte at all for this long: half-open or dead, closed
    int packetTimeoutMs = 30000;     //!< a started packet must complete within this (slow senders)
    int readBufferBytes = 65536;     //!< socket read buffer per connection
    int maxUnknownLoggers = 10000;   //!< entries kept in the unknown-logger list
    int splitTimeoutMs = 600000;     //!< incomplete split packets (Flag D) are dropped after this

    //! Reads the keys above from JSON (missing keys keep their value).
    void readJson(const QJsonObject &object);
    QJsonObject toJson() const;
};
