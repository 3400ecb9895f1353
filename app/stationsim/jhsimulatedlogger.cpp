// Simulated logger connection, acknowledgement tracking and resends.
#include "jhsimulatedlogger.h"

#include "jhhj212packet.h"

#include <QDateTime>

JhSimulatedLogger::JhSimulatedLogger(const JhSimLoggerProfile &profile, QObject *parent)
    : QObject(parent), mProfile(profile), mClock([]() { return QDateTime::currentMSecsSinceEpoch(); })
{
    connect(&mSocket, &QTcpSocket::connected, this, &JhSimulatedLogger::onConnected);
    connect(&mSocket, &QTcpSocket::readyRead, this, &JhSimulatedLogger::onReadyRead);
    connect(&mSocket, &QTcpSocket::disconnected, this, &JhSimulatedLogger::onDisconnected);
    connect(&mSocket, &QAbstractSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        if (mSocket.state() == QAbstractSocket::UnconnectedState)
            onDisconnected();
    });
    connect(&mCheckTimer, &QTimer::timeout, this, &JhSimulatedLogger::checkTimeouts);
    setCheckIntervalMs(500);
}

JhSimulatedLogger::~JhSimulatedLogger()
{
    // The socket outlives the other members: keep its last signals away from them.
    disconnect(&mSocket, nullptr, this, nullptr);
    mSocket.abort();
}

void JhSimulatedLogger::setCheckIntervalMs(int intervalMs)
{
    mCheckTimer.stop();
    if (intervalMs > 0)
        mCheckTimer.start(intervalMs);
}

void JhSimulatedLogger::connectTo(const QHostAddress &host, quint16 port)
{
    mHost = host;
    mPort = port;
    if (mOnline)
        mSocket.connectToHost(host, port);
}

void JhSimulatedLogger::setOnline(bool online)
{
    if (online == mOnline)
        return;
    mOnline = online;
    if (!online)
        mSocket.abort();
    else if (mPort != 0)
        mSocket.connectToHost(mHost, mPort);
}

void JhSimulatedLogger::send(const QByteArray &bytes, const QByteArray &qn)
{
    ++mCounters.sent;
    if (qn.isEmpty()) {
        if (isConnected())
            mSocket.write(bytes);
        else
            mQueuedWithoutQn += bytes;
        return;
    }
    Pending &pending = mPending[qn];
    pending.bytes = bytes;
    pending.resends = 0;
    pending.deadlineMs = 0;
    if (isConnected())
        write(pending);
}

void JhSimulatedLogger::write(Pending &pending)
{
    mSocket.write(pending.bytes);
    pending.deadlineMs = mClock() + mProfile.overTimeMs;
}

void JhSimulatedLogger::checkTimeouts()
{
    if (!isConnected())
        return;
    const qint64 now = mClock();
    for (auto it = mPending.begin(); it != mPending.end();) {
        Pending &pending = it.value();
        if (pending.deadlineMs == 0 || now < pending.deadlineMs) {
            ++it;
            continue;
        }
        if (pending.resends >= mProfile.reCount) {
            const QByteArray qn = it.key();
            it = mPending.erase(it);
            ++mCounters.gaveUp;
            emit gaveUp(qn);
            continue;
        }
        ++pending.resends;
        ++mCounters.resent;
        write(pending);
        emit resent(it.key(), pending.resends);
        ++it;
    }
}

void JhSimulatedLogger::onConnected()
{
    mFramer.reset();
    if (!mQueuedWithoutQn.isEmpty()) {
        mSocket.write(mQueuedWithoutQn);
        mQueuedWithoutQn.clear();
    }
    // What was not acknowledged before the connection dropped goes again (keeping its resend count).
    for (Pending &pending : mPending)
        write(pending);
    emit connected();
}

void JhSimulatedLogger::onReadyRead()
{
    mFramer.append(mSocket.readAll());
    JhHj212Packet reply;
    JhHj212Error error;
    while (mFramer.next(reply, error)) {
        if (!error.isOk() || reply.command() != 9014)
            continue;
        const QByteArray qn = JhHj212Packet::toByteArray(reply.requestQn());
        if (mPending.remove(qn) > 0) {
            ++mCounters.acknowledged;
            emit acknowledged(qn);
        }
    }
}

void JhSimulatedLogger::onDisconnected()
{
    for (Pending &pending : mPending)
        pending.deadlineMs = 0;
    if (!mOnline || mPort == 0)
        return;
    QTimer::singleShot(mReconnectDelayMs, this, [this]() {
        if (mOnline && mSocket.state() == QAbstractSocket::UnconnectedState)
            mSocket.connectToHost(mHost, mPort);
    });
}
