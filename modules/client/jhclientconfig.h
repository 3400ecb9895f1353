// How a sync client reaches central and where it keeps its cache and outbox.
#pragma once

#include <QString>
#include <QStringList>

//! Settings of one JhSyncClient. Only urls, token and dataDirectory are required; the timings have the
//! defaults the workstation uses (docs/client.md).
struct JhClientConfig
{
    QStringList urls;       //!< ws:// or wss:// URLs of central nodes, tried in turn
    QString token;          //!< the user's API token
    QString clientName;     //!< shown in central's log ("jianghai-workstation", "jianghai-cli")
    QString dataDirectory;  //!< where the cache and outbox files live (one pair per central and user)
    QString caCertificates; //!< PEM file of CAs to trust for wss:// (empty: the system's)

    int connectTimeoutMs = 10000;    //!< socket + WebSocket handshake
    int welcomeTimeoutMs = 10000;    //!< hello sent -> welcome received
    int catchUpTimeoutMs = 120000;   //!< welcome -> live (a snapshot or catch-up that never ends)
    int heartbeatIntervalMs = 15000; //!< a heartbeat to central this often
    int idleTimeoutMs = 45000;       //!< nothing from central for this long: the connection is dead
    qint64 initialBackoffMs = 500;
    qint64 maxBackoffMs = 30000;
    double backoffJitter = 0.2;
    qint64 maxMessageBytes = 256LL * 1024 * 1024; //!< a larger message (or frame) drops the connection
    int cacheSaveDelayMs = 200;  //!< events are written to the cache at most this late (batched)
    int seriesCacheEntries = 64; //!< recently fetched series kept in the cache

    //! The central URL as a person reads it (first of the list).
    QString primaryUrl() const { return urls.value(0); }
};
