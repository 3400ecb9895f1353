// HJ 212 ingest: connection admission, per-packet authentication, batching to the sink, replies.
#include "jhhj212server.h"

#include "jhhj212builder.h"
#include "jhhj212observationmapper.h"
#include "jhhj212replies.h"
#include "jhloggerdirectory.h"
#include "jhobservationsink.h"

#include <QDateTime>
#include <QHostAddress>
#include <QPointer>
#include <QTcpSocket>
#include <QThread>

#ifndef QT_NO_SSL
#include <QSslSocket>
#endif

#include <cstring>
#include <memory>

#if QT_VERSION < QT_VERSION_CHECK(6, 3, 0) && defined(Q_OS_UNIX)
#include <sys/socket.h>
#endif

Q_LOGGING_CATEGORY(jhIngestLog, "jh.ingest")

namespace {
constexpr int sListenBacklog = 1024;

bool sameBytes(const QByteArray &bytes, std::string_view view)
{
    return std::size_t(bytes.size()) == view.size() &&
           std::memcmp(bytes.constData(), view.data(), view.size()) == 0;
}
} // namespace

JhHj212Server::JhHj212Server(JhLoggerDirectory *directory, JhObservationSink *sink, QObject *parent)
    : QTcpServer(parent), mDirectory(directory), mSink(sink),
      mClock([]() { return QDateTime::currentMSecsSinceEpoch(); })
{
    mUnknownLoggers.setCapacity(mLimits.maxUnknownLoggers);
    connect(&mSweepTimer, &QTimer::timeout, this, &JhHj212Server::sweep);
    setSweepIntervalMs(1000);
#if QT_VERSION >= QT_VERSION_CHECK(6, 3, 0)
    setListenBacklogSize(sListenBacklog);
#endif
}

bool JhHj212Server::listenForLoggers(const QHostAddress &address, quint16 port)
{
    if (!listen(address, port))
        return false;
#if QT_VERSION < QT_VERSION_CHECK(6, 3, 0) && defined(Q_OS_UNIX)
    // Qt 5 has no setListenBacklogSize(); listen() again on the listening socket changes its backlog.
    if (::listen(int(socketDescriptor()), sListenBacklog) != 0)
        qCWarning(jhIngestLog, "could not raise the HJ 212 listen backlog to %d", sListenBacklog);
#endif
    return true;
}

JhHj212Server::~JhHj212Server()
{
    closeConnections();
}

void JhHj212Server::setLimits(const JhIngestLimits &limits)
{
    mLimits = limits;
    mUnknownLoggers.setCapacity(limits.maxUnknownLoggers);
}

void JhHj212Server::setClock(Clock clock)
{
    mClock = std::move(clock);
}

void JhHj212Server::setSweepIntervalMs(int intervalMs)
{
    mSweepTimer.stop();
    if (intervalMs > 0)
        mSweepTimer.start(intervalMs);
}

bool JhHj212Server::isTlsEnabled() const
{
#ifndef QT_NO_SSL
    return mTls.has_value();
#else
    return false;
#endif
}

void JhHj212Server::incomingConnection(qintptr descriptor)
{
    QTcpSocket *socket = nullptr;
#ifndef QT_NO_SSL
    if (mTls) {
        // QSslSocket hands the connection decrypted bytes: the framer never sees TLS records.
        auto *secureSocket = new QSslSocket();
        secureSocket->setSslConfiguration(*mTls);
        connect(secureSocket, qOverload<const QList<QSslError> &>(&QSslSocket::sslErrors), secureSocket,
                [secureSocket](const QList<QSslError> &errors) {
                    qCWarning(jhIngestLog)
                        << "TLS handshake with" << secureSocket->peerAddress().toString()
                        << "failed:" << (errors.isEmpty() ? QString() : errors.first().errorString());
                });
        socket = secureSocket;
    }
#endif
    if (!socket)
        socket = new QTcpSocket();
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    const QString address = socket->peerAddress().toString();
    const QString peer = address + QLatin1Char(':') + QString::number(socket->peerPort());
    const bool overTotal = mConnections.size() >= mLimits.maxConnections;
    const bool overPeer = mConnectionsPerPeer.value(address) >= mLimits.maxConnectionsPerPeer;
    if (overTotal || overPeer) {
        if (overTotal)
            ++mStatistics.connectionsRefusedTotal;
        else
            ++mStatistics.connectionsRefusedPerPeer;
        // A refused logger retries every few seconds: log at most one line per 10 s.
        const qint64 nowMs = now();
        if (nowMs - mLastRefusalLogMs >= 10000) {
            qCWarning(jhIngestLog) << "refused connection from" << peer
                                   << (overTotal ? "(maxConnections reached)"
                                                 : "(maxConnectionsPerPeer reached)")
                                   << "- refused so far: total limit" << mStatistics.connectionsRefusedTotal
                                   << "per-peer limit" << mStatistics.connectionsRefusedPerPeer;
            mLastRefusalLogMs = nowMs;
        }
        socket->abort();
        socket->deleteLater();
        emit connectionRefused(peer);
        return;
    }
#ifndef QT_NO_SSL
    if (auto *secureSocket = qobject_cast<QSslSocket *>(socket))
        secureSocket->startServerEncryption();
#endif
    auto *connection = new JhLoggerConnection(this, socket, mNextConnectionId++);
    mConnections.insert(connection->id(), connection);
    ++mConnectionsPerPeer[address];
    ++mStatistics.connectionsAccepted;
    mStatistics.connectionsOpen = mConnections.size();
    connect(connection, &JhLoggerConnection::closed, this, &JhHj212Server::onConnectionClosed);
    emit connectionOpened(connection->peer());
    // Bytes may already be waiting (a logger sends right after connecting).
    connection->pump();
}

void JhHj212Server::onConnectionClosed(JhLoggerConnection *connection, JhLoggerConnection::CloseReason reason)
{
    if (!mConnections.remove(connection->id()))
        return;
    const QString address = connection->peerAddress();
    auto it = mConnectionsPerPeer.find(address);
    if (it != mConnectionsPerPeer.end() && --it.value() <= 0)
        mConnectionsPerPeer.erase(it);
    mStatistics.connectionsOpen = mConnections.size();
    switch (reason) {
    case JhLoggerConnection::CloseReason::ByPeer:
        ++mStatistics.connectionsClosedByPeer;
        break;
    case JhLoggerConnection::CloseReason::IdleTimeout:
        ++mStatistics.connectionsClosedIdle;
        break;
    case JhLoggerConnection::CloseReason::PacketTimeout:
        ++mStatistics.connectionsClosedSlow;
        break;
    case JhLoggerConnection::CloseReason::TooManyErrors:
        ++mStatistics.connectionsClosedErrors;
        break;
    case JhLoggerConnection::CloseReason::Shutdown:
        break;
    }
    if (reason != JhLoggerConnection::CloseReason::ByPeer &&
        reason != JhLoggerConnection::CloseReason::Shutdown)
        qCInfo(jhIngestLog) << "closed" << connection->peer() << JhLoggerConnection::closeReasonName(reason);
    emit connectionClosed(connection->peer(), reason);
    connection->deleteLater();
}

void JhHj212Server::closeConnections()
{
    const QList<JhLoggerConnection *> connections = mConnections.values();
    for (JhLoggerConnection *connection : connections)
        connection->close(JhLoggerConnection::CloseReason::Shutdown);
}

void JhHj212Server::sweep()
{
    const qint64 nowMs = now();
    const QList<JhLoggerConnection *> connections = mConnections.values();
    for (JhLoggerConnection *connection : connections) {
        connection->sweep(nowMs);
        const QVector<JhHj212Reassembler::Expired> expired = connection->reassembler().expire();
        for (const JhHj212Reassembler::Expired &set : expired)
            qCInfo(jhIngestLog) << "dropped incomplete split packet from" << set.mn << "QN" << set.qn
                                << set.received << "of" << set.total << "parts";
    }
}

void JhHj212Server::handleRejectedFrame(JhLoggerConnection &connection, const JhHj212Error &error)
{
    ++mStatistics.framesRejected;
    const std::size_t code = std::size_t(error.code());
    if (code < mStatistics.rejectedByCode.size())
        ++mStatistics.rejectedByCode[code];
    qCDebug(jhIngestLog) << "rejected frame from" << connection.peer() << error.rule() << error.message();
    emit frameRejected(connection.peer(), error.code());
}

void JhHj212Server::refuse(JhLoggerConnection &connection, const JhHj212Packet &packet,
                           JhUnknownLoggerRegistry::Reason reason, const QString &siteId)
{
    switch (reason) {
    case JhUnknownLoggerRegistry::Reason::UnknownMn:
        ++mStatistics.packetsUnknownMn;
        break;
    case JhUnknownLoggerRegistry::Reason::WrongPassword:
        ++mStatistics.packetsWrongPassword;
        break;
    case JhUnknownLoggerRegistry::Reason::ToleranceRefused:
        ++mStatistics.packetsToleranceRefused;
        break;
    }
    const QByteArray mn = JhHj212Packet::toByteArray(packet.mn());
    // Log an MN once (and when its reason changes), not once per packet: a misconfigured logger
    // sending every few seconds must not flood the log; the registry keeps the counts.
    // A flood of made-up MNs must not flood the log either: at most 20 such lines per 10 s.
    const qint64 nowMs = now();
    if (mUnknownLoggers.record(mn, reason, siteId, connection.peer(), nowMs)) {
        if (nowMs - mRefusalWindowStartMs >= 10000) {
            if (mRefusalLinesSuppressed > 0)
                qCWarning(jhIngestLog)
                    << mRefusalLinesSuppressed << "more refused MNs not logged (see the unknown-logger list)";
            mRefusalWindowStartMs = nowMs;
            mRefusalLinesLogged = 0;
            mRefusalLinesSuppressed = 0;
        }
        if (mRefusalLinesLogged < 20) {
            ++mRefusalLinesLogged;
            qCWarning(jhIngestLog) << "refused packets from MN" << mn << "at" << connection.peer() << "-"
                                   << JhUnknownLoggerRegistry::reasonName(reason);
        } else {
            ++mRefusalLinesSuppressed;
        }
    }
    emit packetRefused(mn, reason);
}

void JhHj212Server::handlePacket(JhLoggerConnection &connection, const JhHj212Packet &packet)
{
    const std::string_view mn = packet.mn();
    JhLoggerEntry entry;
    if (!mDirectory || !mDirectory->lookup(QByteArray::fromRawData(mn.data(), int(mn.size())), &entry)) {
        refuse(connection, packet, JhUnknownLoggerRegistry::Reason::UnknownMn, QString());
        return;
    }
    if (!sameBytes(entry.password, packet.pw())) {
        refuse(connection, packet, JhUnknownLoggerRegistry::Reason::WrongPassword, entry.siteId);
        return;
    }
    if ((packet.tolerancesUsed() & ~entry.tolerances) != 0) {
        refuse(connection, packet, JhUnknownLoggerRegistry::Reason::ToleranceRefused, entry.siteId);
        return;
    }
    ++mStatistics.packetsAccepted;

    const JhHj212Packet *whole = &packet;
    JhHj212Packet merged;
    if (packet.isSplit()) {
        ++mStatistics.packetsSplitParts;
        if (connection.reassembler().add(packet, &merged) != JhHj212Reassembler::Status::Complete)
            return;
        whole = &merged;
    }
    const int command = whole->command();
    emit packetAccepted(entry.siteId, command);
    switch (JhHj212ObservationMapper::handling(command)) {
    case JhHj212ObservationMapper::Handling::Observations:
    case JhHj212ObservationMapper::Handling::Attributes: {
        JhObservationBatch batch;
        batch.siteId = entry.siteId;
        batch.mn = entry.mn;
        batch.command = command;
        batch.qn = JhHj212Packet::toByteArray(whole->requestQn());
        batch.receivedMs = now();
        batch.repeated = connection.duplicates().seen(*whole);
        if (batch.repeated)
            ++mStatistics.packetsDuplicate;
        mStatistics.valuesEmpty += quint64(JhHj212ObservationMapper::map(*whole, batch).emptyValues.size());
        QByteArray reply;
        if (whole->replyRequested())
            JhHj212Builder::buildInto(JhHj212Replies::dataReply(*whole), reply);
        enqueue(connection, std::move(batch), std::move(reply));
        return;
    }
    case JhHj212ObservationMapper::Handling::Request:
        if (whole->replyRequested())
            connection.send(JhHj212Builder::build(JhHj212Replies::requestReply(*whole, 1)));
        return;
    case JhHj212ObservationMapper::Handling::Heartbeat:
        if (whole->replyRequested())
            connection.send(JhHj212Builder::build(JhHj212Replies::dataReply(*whole)));
        return;
    case JhHj212ObservationMapper::Handling::LoggerReply:
        ++mStatistics.packetsFromLoggerReplies;
        return;
    case JhHj212ObservationMapper::Handling::Unsupported:
        ++mStatistics.packetsUnsupported;
        if (whole->replyRequested())
            connection.send(JhHj212Builder::build(JhHj212Replies::requestReply(*whole, 2)));
        return;
    }
}

void JhHj212Server::enqueue(JhLoggerConnection &connection, JhObservationBatch &&batch, QByteArray &&reply)
{
    PendingCommit commit;
    commit.connectionId = connection.id();
    commit.reply = std::move(reply);
    commit.observationCount = batch.observations.size();
    mQueuedCommits.append(std::move(commit));
    mQueuedBatches.append(std::move(batch));
    connection.addPendingCommit();
    ++mStatistics.commitsInFlight;
    if (mQueuedBatches.size() >= mMaxBatchPackets) {
        flush();
        return;
    }
    if (!mFlushScheduled) {
        // Everything that arrives during this event-loop turn, from every connection, goes in one submit.
        mFlushScheduled = true;
        QMetaObject::invokeMethod(
            this, [this]() { flush(); }, Qt::QueuedConnection);
    }
}

void JhHj212Server::flush()
{
    mFlushScheduled = false;
    if (mQueuedBatches.isEmpty())
        return;
    QVector<JhObservationBatch> batches;
    batches.swap(mQueuedBatches);
    auto commits = std::make_shared<QVector<PendingCommit>>();
    commits->swap(mQueuedCommits);
    QPointer<JhHj212Server> self(this);
    mSink->submit(std::move(batches), [self, commits](const JhSinkResult &result) {
        // The sink may complete on its own thread: come back to the server's thread.
        if (!self)
            return;
        if (QThread::currentThread() == self->thread()) {
            self->commitFinished(*commits, result);
            return;
        }
        QMetaObject::invokeMethod(
            self.data(),
            [self, commits, result]() {
                if (self)
                    self->commitFinished(*commits, result);
            },
            Qt::QueuedConnection);
    });
}

void JhHj212Server::commitFinished(const QVector<PendingCommit> &commits, const JhSinkResult &result)
{
    const bool ok = result.isOk();
    const qint64 nowMs = now();
    if (!ok) {
        mStorageFailuresUnlogged += quint64(commits.size());
        if (!mStorageFailing || nowMs - mLastStorageLogMs >= 10000) {
            qCWarning(jhIngestLog).noquote()
                << QStringLiteral(
                       "STORAGE FAILING (disk full, read-only or gone?): %1 packets not stored%2: %3"
                       " - no replies sent; loggers will resend")
                       .arg(mStorageFailuresUnlogged)
                       .arg(mStorageFailing ? QStringLiteral(" in the last 10 s") : QString())
                       .arg(result.message);
            mStorageFailuresUnlogged = 0;
            mLastStorageLogMs = nowMs;
        }
        mStorageFailing = true;
    } else if (mStorageFailing) {
        qCWarning(jhIngestLog).noquote()
            << QStringLiteral(
                   "storage works again: packets are stored and acknowledged (%1 more failed before)")
                   .arg(mStorageFailuresUnlogged);
        mStorageFailing = false;
        mStorageFailuresUnlogged = 0;
    }
    for (const PendingCommit &commit : commits) {
        --mStatistics.commitsInFlight;
        if (ok) {
            ++mStatistics.packetsStored;
            mStatistics.observationsStored += quint64(commit.observationCount);
        } else {
            ++mStatistics.commitFailures;
        }
        if (JhLoggerConnection *connection = mConnections.value(commit.connectionId))
            connection->commitFinished(ok ? commit.reply : QByteArray());
    }
    if (ok)
        emit packetsCommitted(commits.size());
}

QJsonObject JhHj212Server::statusJson() const
{
    QJsonObject object;
    object.insert(QStringLiteral("listening"), isListening());
    object.insert(QStringLiteral("address"), serverAddress().toString());
    object.insert(QStringLiteral("port"), int(serverPort()));
    object.insert(QStringLiteral("statistics"), mStatistics.toJson());
    object.insert(QStringLiteral("limits"), mLimits.toJson());
    object.insert(QStringLiteral("unknownLoggers"), mUnknownLoggers.toJson());
    object.insert(QStringLiteral("unknownLoggersEvicted"), double(mUnknownLoggers.evicted()));
    return object;
}
