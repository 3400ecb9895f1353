// Per-connection reading, rate limiting and timeouts of the HJ 212 ingest server.
#include "jhloggerconnection.h"

#include "jhhj212server.h"

#include <QHostAddress>
#include <QTcpSocket>
#include <QTimer>

#include <cmath>

namespace {
// Split-packet sets and the duplicate memory are per connection: keep them small, 2,000 connections.
constexpr int DuplicateMemory = 64;

JhHj212Options optionsFor(const JhIngestLimits &limits)
{
    // Every vendor tolerance is recognised here; whether a packet may use one is decided per MN
    // (JhLoggerEntry::tolerances) once the packet says which MN it comes from.
    JhHj212Options options;
    options.maxDataLength = limits.maxDataLength;
    options.tolerances = JhHj212Options::LengthPlus6 | JhHj212Options::FactorNames |
                         JhHj212Options::LongSegment | JhHj212Options::BareLineFeed | JhHj212Options::Spaces;
    return options;
}
} // namespace

const char *JhLoggerConnection::closeReasonName(CloseReason reason)
{
    switch (reason) {
    case CloseReason::ByPeer:
        return "closed-by-peer";
    case CloseReason::IdleTimeout:
        return "idle-timeout";
    case CloseReason::PacketTimeout:
        return "packet-timeout";
    case CloseReason::TooManyErrors:
        return "too-many-errors";
    case CloseReason::Shutdown:
        return "shutdown";
    }
    return "closed";
}

JhLoggerConnection::JhLoggerConnection(JhHj212Server *server, QTcpSocket *socket, quint64 id)
    : QObject(server), mServer(server), mSocket(socket), mId(id),
      mFramer(optionsFor(server->limits()), server->limits().maxFrameBytes),
      mReassembler(server->limits().splitTimeoutMs, server->mClock), mDuplicates(DuplicateMemory)
{
    mSocket->setParent(this);
    mSocket->setReadBufferSize(server->limits().readBufferBytes);
    // Replies are tiny; Nagle would hold the second of two replies until the first is acknowledged.
    mSocket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    mPeerAddress = mSocket->peerAddress().toString();
    mPeer = mPeerAddress + QLatin1Char(':') + QString::number(mSocket->peerPort());
    const qint64 now = server->now();
    mTokens = server->limits().packetBurst;
    mTokenTimeMs = now;
    mLastByteMs = now;
    connect(mSocket, &QTcpSocket::readyRead, this, &JhLoggerConnection::pump);
    connect(mSocket, &QTcpSocket::disconnected, this, &JhLoggerConnection::onDisconnected);
}

JhLoggerConnection::~JhLoggerConnection()
{
    // The socket (a child) is deleted after the members: keep its last signals away from them.
    disconnect(mSocket, nullptr, this, nullptr);
}

void JhLoggerConnection::pump()
{
    if (mClosing)
        return;
    const JhIngestLimits &limits = mServer->limits();
    JhIngestStatistics &statistics = mServer->mStatistics;
    const qint64 now = mServer->now();
    for (;;) {
        if (mPendingCommits >= limits.maxPendingCommits) {
            if (!mBlockedOnCommits)
                ++statistics.backpressurePauses;
            mBlockedOnCommits = true;
            return; // commitFinished() resumes
        }
        mBlockedOnCommits = false;
        if (mTokens < 1) {
            const double elapsed = double(now - mTokenTimeMs) / 1000.0;
            if (elapsed > 0) {
                mTokens =
                    std::min(double(limits.packetBurst), mTokens + elapsed * limits.maxPacketsPerSecond);
                mTokenTimeMs = now;
            }
            if (mTokens < 1) {
                if (!mPausedForRate)
                    ++statistics.rateLimitPauses;
                mPausedForRate = true;
                scheduleResume(now);
                return;
            }
        }
        mPausedForRate = false;
        if (mFramer.next(mPacket, mError)) {
            handleFrame(now);
            if (mClosing)
                return;
            continue;
        }
        // Everything framed: note since when a partial frame waits, then read more.
        if (mFramer.bufferedBytes() == 0) {
            mAssemblyStartMs = -1;
            // The framer reports skipped garbage only when the next "##" arrives; ask now, so that a
            // trickle of garbage without any "##" is seen (and timed out) too.
            if (mFramer.finish(mError)) {
                handleFrame(now);
                continue;
            }
        } else if (mAssemblyStartMs < 0)
            mAssemblyStartMs = now;
        if (mSocket->bytesAvailable() <= 0)
            return;
        const qint64 count = mSocket->read(mReadBuffer, qint64(sizeof mReadBuffer));
        if (count <= 0)
            return;
        statistics.bytesReceived += quint64(count);
        mLastByteMs = now;
        mFramer.append(mReadBuffer, int(count));
    }
}

void JhLoggerConnection::handleFrame(qint64 nowMs)
{
    if (!mError.isOk()) {
        if (mError.code() == JhHj212Error::Garbage) {
            mServer->mStatistics.garbageBytes += quint64(mError.actual());
            if (mGarbageStartMs < 0)
                mGarbageStartMs = nowMs;
            return;
        }
        mAssemblyStartMs = -1;
        mTokens -= 1;
        ++mRejected;
        mServer->handleRejectedFrame(*this, mError);
        if (mRejected > mServer->limits().maxRejectedFrames)
            close(CloseReason::TooManyErrors);
        return;
    }
    mTokens -= 1;
    mAssemblyStartMs = -1;
    mGarbageStartMs = -1;
    mServer->handlePacket(*this, mPacket);
}

void JhLoggerConnection::scheduleResume(qint64 nowMs)
{
    if (mResumeScheduled)
        return;
    mResumeScheduled = true;
    const double rate = std::max(0.001, mServer->limits().maxPacketsPerSecond);
    const int delayMs = std::max(1, int(std::ceil((1.0 - mTokens) / rate * 1000.0)));
    QTimer::singleShot(delayMs, this, [this]() {
        mResumeScheduled = false;
        pump();
    });
}

void JhLoggerConnection::sweep(qint64 nowMs)
{
    if (mClosing)
        return;
    if (mPausedForRate) {
        pump();
        return;
    }
    if (mBlockedOnCommits)
        return;
    const JhIngestLimits &limits = mServer->limits();
    // A partial frame that does not complete in time (slow sender), or a stream of garbage without
    // a valid packet in time (a trickle of non-packet bytes would otherwise keep the idle timer happy).
    if ((mAssemblyStartMs >= 0 && nowMs - mAssemblyStartMs > limits.packetTimeoutMs) ||
        (mGarbageStartMs >= 0 && nowMs - mGarbageStartMs > limits.packetTimeoutMs)) {
        close(CloseReason::PacketTimeout);
        return;
    }
    if (nowMs - mLastByteMs > limits.idleTimeoutMs)
        close(CloseReason::IdleTimeout);
}

void JhLoggerConnection::commitFinished(const QByteArray &reply)
{
    --mPendingCommits;
    if (!reply.isEmpty())
        send(reply);
    // Resume on the next event-loop pass, not from inside the sink's completion (which may be inside
    // another connection's pump).
    if (mBlockedOnCommits && mPendingCommits < mServer->limits().maxPendingCommits)
        QMetaObject::invokeMethod(
            this, [this]() { pump(); }, Qt::QueuedConnection);
}

void JhLoggerConnection::send(const QByteArray &bytes)
{
    if (mClosing || mSocket->state() != QAbstractSocket::ConnectedState)
        return;
    // Written at once rather than on the next event-loop pass: the reply is what the logger waits for.
    mSocket->write(bytes);
    mSocket->flush();
    ++mServer->mStatistics.repliesSent;
}

void JhLoggerConnection::close(CloseReason reason)
{
    if (mClosing)
        return;
    mClosing = true;
    disconnect(mSocket, nullptr, this, nullptr);
    mSocket->abort();
    emit closed(this, reason);
}

void JhLoggerConnection::onDisconnected()
{
    if (mClosing)
        return;
    // The peer may have sent its last packets just before closing: take them.
    pump();
    if (mClosing)
        return;
    mClosing = true;
    emit closed(this, CloseReason::ByPeer);
}
