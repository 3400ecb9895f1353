// The HJ 212 ingest server: accepts data-logger connections, authenticates packets, stores, replies.
#pragma once

#include "jhingestlimits.h"
#include "jhingeststatistics.h"
#include "jhloggerconnection.h"
#include "jhobservationbatch.h"
#include "jhsinkresult.h"
#include "jhunknownloggerregistry.h"

#include <QHash>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTcpServer>
#include <QTimer>
#include <QVector>

#include <functional>
#include <optional>

#ifndef QT_NO_SSL
#include <QSslConfiguration>
#endif

class JhHj212Packet;
class JhLoggerDirectory;
class JhObservationSink;

Q_DECLARE_LOGGING_CATEGORY(jhIngestLog)

//! Listens for HJ 212 loggers (2017 and 2005). Per packet: MN looked up in the JhLoggerDirectory,
//! password checked, vendor tolerances allowed per MN; unknown MN / wrong password: counted, listed in
//! unknownLoggers(), logged once, nothing stored and no reply. Data and status packets become
//! JhObservationBatch es, gathered across connections and submitted to the JhObservationSink once per
//! event-loop turn; the reply (9014 when Flag asks) is written only after the sink reports the commit.
//! Timeouts use the injectable clock and are applied by sweep() (on a timer, or called by tests).
class JhHj212Server : public QTcpServer
{
    Q_OBJECT
public:
    using Clock = std::function<qint64()>;

    JhHj212Server(JhLoggerDirectory *directory, JhObservationSink *sink, QObject *parent = nullptr);
    ~JhHj212Server() override;

    void setLimits(const JhIngestLimits &limits);
    const JhIngestLimits &limits() const { return mLimits; }
    //! Milliseconds since the epoch; the default is the system clock.
    void setClock(Clock clock);
    qint64 now() const { return mClock(); }
    //! How often sweep() runs by itself (0: never; tests call it).
    void setSweepIntervalMs(int intervalMs);
    //! Most packets handed to the sink in one submit.
    void setMaxBatchPackets(int count) { mMaxBatchPackets = count; }
    void setDirectory(JhLoggerDirectory *directory) { mDirectory = directory; }
#ifndef QT_NO_SSL
    //! Loggers must then speak TLS on this port (HJ 212 over TLS); plain TCP otherwise (the default).
    void setTls(const QSslConfiguration &configuration)
    {
        mTls = configuration;
    }
#endif
    bool isTlsEnabled() const;

    //! QTcpServer::listen() with a listen backlog of 1,024 on every Qt version (Qt 5 listens with 50; after
    //! an outage thousands of loggers reconnect at once, and connections past the backlog wait unaccepted).
    bool listenForLoggers(const QHostAddress &address, quint16 port);

    //! Applies idle/packet timeouts, expires incomplete split packets, resumes paused connections.
    void sweep();
    //! Closes every logger connection (listening stops with close()).
    void closeConnections();

    JhIngestStatistics statistics() const
    {
        return mStatistics;
    }
    const JhUnknownLoggerRegistry &unknownLoggers() const
    {
        return mUnknownLoggers;
    }
    JhUnknownLoggerRegistry &unknownLoggers()
    {
        return mUnknownLoggers;
    }
    int connectionCount() const
    {
        return mConnections.size();
    }
    //! Statistics, limits and the unknown-logger list, for the operator.
    QJsonObject statusJson() const;

signals:
    void connectionOpened(const QString &peer);
    void connectionClosed(const QString &peer, JhLoggerConnection::CloseReason reason);
    //! A connection attempt over a limit was refused.
    void connectionRefused(const QString &peer);
    void frameRejected(const QString &peer, JhHj212Error::Code code);
    void packetRefused(const QByteArray &mn, JhUnknownLoggerRegistry::Reason reason);
    //! A packet was accepted from a registered logger (before its commit).
    void packetAccepted(const QString &siteId, int command);
    //! Packets were committed by the sink (replies follow).
    void packetsCommitted(int count);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    friend class JhLoggerConnection;
    struct PendingCommit
    {
        quint64 connectionId = 0;
        QByteArray reply;
        int observationCount = 0;
    };

    void handlePacket(JhLoggerConnection &connection, const JhHj212Packet &packet);
    void handleRejectedFrame(JhLoggerConnection &connection, const JhHj212Error &error);
    void refuse(JhLoggerConnection &connection, const JhHj212Packet &packet,
                JhUnknownLoggerRegistry::Reason reason, const QString &siteId);
    void enqueue(JhLoggerConnection &connection, JhObservationBatch &&batch, QByteArray &&reply);
    void flush();
    void commitFinished(const QVector<PendingCommit> &commits, const JhSinkResult &result);
    void onConnectionClosed(JhLoggerConnection *connection, JhLoggerConnection::CloseReason reason);

    JhLoggerDirectory *mDirectory;
    JhObservationSink *mSink;
    JhIngestLimits mLimits;
    Clock mClock;
    QTimer mSweepTimer;
    int mMaxBatchPackets = 2000;
    quint64 mNextConnectionId = 1;
    QHash<quint64, JhLoggerConnection *> mConnections;
    QHash<QString, int> mConnectionsPerPeer;
    JhIngestStatistics mStatistics;
    JhUnknownLoggerRegistry mUnknownLoggers;
    QVector<JhObservationBatch> mQueuedBatches;
    QVector<PendingCommit> mQueuedCommits;
    bool mFlushScheduled = false;
    qint64 mLastRefusalLogMs = -1000000;
    qint64 mRefusalWindowStartMs = -1000000;
    int mRefusalLinesLogged = 0;
    int mRefusalLinesSuppressed = 0;
    //! Storage failures are logged when they start, then at most every 10 s, and when they end.
    bool mStorageFailing = false;
    qint64 mLastStorageLogMs = 0;
    quint64 mStorageFailuresUnlogged = 0;
    QByteArray mReplyBuffer;
#ifndef QT_NO_SSL
    std::optional<QSslConfiguration> mTls;
#endif
};
