// One simulated data logger: a TCP connection, and the resend rules of a real logger.
#pragma once

#include "jhhj212framer.h"
#include "jhsimloggerprofile.h"

#include <QHostAddress>
#include <QMap>
#include <QObject>
#include <QTcpSocket>
#include <QTimer>

#include <functional>

//! Sends packets over its own connection and keeps every packet that asked for a reply until the reply
//! (9014, matched by QN; in CP for 2005) arrives: after OverTime without one it resends, after ReCount
//! resends it gives up. Reconnects when the connection drops (unless taken offline) and then resends
//! what is still unacknowledged. Time comes from an injectable clock; checkTimeouts() applies it (a
//! timer calls it, tests call it directly).
class JhSimulatedLogger : public QObject
{
    Q_OBJECT
public:
    using Clock = std::function<qint64()>;
    struct Counters
    {
        quint64 sent = 0;
        quint64 resent = 0;
        quint64 acknowledged = 0;
        quint64 gaveUp = 0;
    };

    explicit JhSimulatedLogger(const JhSimLoggerProfile &profile, QObject *parent = nullptr);
    ~JhSimulatedLogger() override;

    const JhSimLoggerProfile &profile() const { return mProfile; }
    void setClock(Clock clock) { mClock = std::move(clock); }
    //! How often checkTimeouts() runs by itself (0: never).
    void setCheckIntervalMs(int intervalMs);
    void setReconnectDelayMs(int delayMs) { mReconnectDelayMs = delayMs; }

    void connectTo(const QHostAddress &host, quint16 port);
    //! Offline: disconnects and stays away (packets sent meanwhile are kept); online: reconnects.
    void setOnline(bool online);
    bool isOnline() const { return mOnline; }
    bool isConnected() const { return mSocket.state() == QAbstractSocket::ConnectedState; }

    //! Sends (or queues until connected) a packet; with a QN it is kept until acknowledged.
    void send(const QByteArray &bytes, const QByteArray &qn);
    //! Resends packets whose OverTime passed; gives up on those resent ReCount times.
    void checkTimeouts();

    int unacknowledgedCount() const { return mPending.size(); }
    const Counters &counters() const { return mCounters; }
    int sequence() { return mSequence++; }

signals:
    void connected();
    void acknowledged(const QByteArray &qn);
    void gaveUp(const QByteArray &qn);
    void resent(const QByteArray &qn, int attempt);

private:
    struct Pending
    {
        QByteArray bytes;
        int resends = 0;
        qint64 deadlineMs = 0; //!< 0: not yet written (waiting for the connection)
    };
    void onConnected();
    void onReadyRead();
    void onDisconnected();
    void write(Pending &pending);

    JhSimLoggerProfile mProfile;
    Clock mClock;
    QTcpSocket mSocket;
    QTimer mCheckTimer;
    JhHj212Framer mFramer;
    QHostAddress mHost;
    quint16 mPort = 0;
    bool mOnline = true;
    int mReconnectDelayMs = 2000;
    int mSequence = 0;
    QMap<QByteArray, Pending> mPending; //!< by QN, oldest first
    QByteArray mQueuedWithoutQn;
    Counters mCounters;
};
