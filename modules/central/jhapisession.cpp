// One connected workstation on the WebSocket API.
#include "jhapisession.h"

#include "jhauthenticator.h"
#include "jhcommandservice.h"
#include "jheventjournal.h"
#include "jhseriesqueryservice.h"
#include "jhsitestatustracker.h"
#include "jhwebsocketapi.h"

#include <QDebug>
#include <QTimer>

namespace {
// Close codes in the private-use range 4000-4999 (docs/protocol.md).
constexpr int sCloseBadMessage = 4000;
constexpr int sCloseUnsupportedVersion = 4001;
constexpr int sCloseUnauthorized = 4003;
constexpr int sCloseIdle = 4008;
constexpr int sCloseSlowClient = 4009;
constexpr int sCloseUnexpected = 4010;
constexpr int sCloseUnavailable = 1011;
constexpr quint64 sMaxIncomingBytes = 1024 * 1024;
} // namespace

JhApiSession::JhApiSession(QWebSocket *socket, JhWebSocketApi *api) : QObject(api), mSocket(socket), mApi(api)
{
    socket->setParent(this);
    // Commands and hellos are small: a huge message is hostile and is refused by the socket (close 1009).
    socket->setMaxAllowedIncomingMessageSize(sMaxIncomingBytes);
    socket->setMaxAllowedIncomingFrameSize(sMaxIncomingBytes);
    mLastReceivedMs = api->nowMs();
    connect(socket, &QWebSocket::textMessageReceived, this, &JhApiSession::onText);
    connect(socket, &QWebSocket::binaryMessageReceived, this, [this](const QByteArray &) {
        closeWithError(QStringLiteral("bad-message"),
                       QStringLiteral("binary frames are not used; send JSON text"), sCloseBadMessage);
    });
    connect(socket, &QWebSocket::pong, this, [this]() { mLastReceivedMs = mApi->nowMs(); });
    connect(socket, &QWebSocket::bytesWritten, this, &JhApiSession::onBytesWritten);
    connect(socket, &QWebSocket::disconnected, this, &JhApiSession::onDisconnected);
}

JhApiSession::~JhApiSession() = default;

void JhApiSession::send(const JhMessage &message)
{
    if (!mSocket || mState == State::Closed)
        return;
    const QByteArray text = message.encode();
    mQueuedBytes += text.size();
    mSocket->sendTextMessage(QString::fromUtf8(text));
}

void JhApiSession::sendUtf8(const QByteArray &text)
{
    sendText(QString::fromUtf8(text), text.size());
}

void JhApiSession::sendText(const QString &text, qint64 utf8Bytes)
{
    if (!mSocket || mState == State::Closed)
        return;
    mQueuedBytes += utf8Bytes;
    mSocket->sendTextMessage(text);
}

void JhApiSession::closeWithError(const QString &code, const QString &message, int closeCode)
{
    if (mState == State::Closed)
        return;
    send(JhMessage::error(code, message));
    mState = State::Closed;
    mCloseReason = code;
    if (!mSocket)
        return;
    mSocket->close(QWebSocketProtocol::CloseCode(closeCode), code);
    // A peer that does not read never answers the close handshake: drop it after a grace period.
    QPointer<QWebSocket> socket = mSocket;
    QTimer::singleShot(2000, this, [socket]() {
        if (socket)
            socket->abort();
    });
    if (closeCode == sCloseSlowClient)
        mSocket->abort();
}

void JhApiSession::onDisconnected()
{
    mState = State::Closed;
    if (mFinished)
        return;
    mFinished = true;
    emit finished(this, mCloseReason);
}

void JhApiSession::onText(const QString &text)
{
    mLastReceivedMs = mApi->nowMs();
    if (mState == State::Closed)
        return;
    JhMessage message;
    JhProtocolError error;
    if (!JhMessage::decode(text.toUtf8(), message, &error)) {
        if (error.code == JhProtocolError::Code::UnsupportedVersion)
            closeWithError(QStringLiteral("unsupported-version"), error.message, sCloseUnsupportedVersion);
        else
            closeWithError(QStringLiteral("bad-message"), error.message, sCloseBadMessage);
        return;
    }
    if (mState == State::AwaitingHello) {
        if (message.type() != JhMessage::Type::Hello) {
            closeWithError(QStringLiteral("hello-expected"),
                           QStringLiteral("the first message must be hello, got %1")
                               .arg(JhMessage::typeCode(message.type())),
                           sCloseUnexpected);
            return;
        }
        handleHello(message);
        return;
    }
    switch (message.type()) {
    case JhMessage::Type::Command:
        handleCommand(message);
        break;
    case JhMessage::Type::Query:
        handleQuery(message);
        break;
    case JhMessage::Type::Heartbeat:
        send(JhMessage::heartbeat(QDateTime::fromMSecsSinceEpoch(mApi->nowMs(), Qt::UTC),
                                  mApi->journal()->headSequence()));
        break;
    default:
        closeWithError(QStringLiteral("unexpected-message"),
                       QStringLiteral("a client may send command, query and heartbeat after hello, not %1")
                           .arg(JhMessage::typeCode(message.type())),
                       sCloseUnexpected);
        break;
    }
}

void JhApiSession::handleHello(const JhMessage &message)
{
    qint64 lastSequence = 0;
    JhProtocolError error;
    JhMessage::HelloOptions options;
    if (!message.readHello(mToken, lastSequence, mClientName, options, &error)) {
        closeWithError(QStringLiteral("bad-message"), error.message, sCloseBadMessage);
        return;
    }
    mStatusRevision = options.statusRevision;
    QString storeError;
    switch (mApi->authenticator()->authenticate(mToken, mUser, &storeError)) {
    case JhAuthenticator::Result::Accepted:
        break;
    case JhAuthenticator::Result::Refused:
        closeWithError(QStringLiteral("unauthorized"), QStringLiteral("unknown or revoked token"),
                       sCloseUnauthorized);
        return;
    case JhAuthenticator::Result::StoreFailed:
        closeWithError(QStringLiteral("unavailable"),
                       QStringLiteral("cannot check the token now, retry later: ") + storeError,
                       sCloseUnavailable);
        return;
    }
    JhEventJournal *journal = mApi->journal();
    const qint64 head = journal->headSequence();
    const QString databaseId = mApi->databaseId();
    const qint64 sitesRevision = journal->sitesRevision();
    send(JhMessage::welcome(mUser, head, databaseId, sitesRevision));
    emit opened(this, mClientName);
    // A client ahead of the log, or whose copy came from another database, gets the state as it is here;
    // so does one that asks for it (no reference data yet).
    const bool otherDatabase = !options.databaseId.isEmpty() && options.databaseId != databaseId;
    // Sites are reference data, not events: a client whose sites predate an import gets them anew.
    const bool otherSites = options.sitesRevision > 0 && options.sitesRevision != sitesRevision;
    if (options.wantSnapshot || otherDatabase || otherSites || lastSequence < 0 || lastSequence > head ||
        head - lastSequence > mApi->settings().snapshotThreshold) {
        send(JhMessage::snapshot(journal->state()));
        mSentSequence = head;
        goLive();
        return;
    }
    mSentSequence = lastSequence;
    mState = State::CatchingUp;
    pump();
}

void JhApiSession::pump()
{
    const JhWebSocketApi::Settings &settings = mApi->settings();
    JhEventJournal *journal = mApi->journal();
    // Pages are read only as fast as the socket drains, so catch-up never counts as a slow client and
    // memory stays bounded by a quarter of the limit.
    while (mState == State::CatchingUp && pendingBytes() < settings.maxPendingBytes / 4) {
        if (mSentSequence >= journal->headSequence()) {
            goLive();
            return;
        }
        QList<JhEvent> page;
        if (!journal->eventsAfter(mSentSequence, settings.catchUpPageEvents, page)) {
            closeWithError(QStringLiteral("unavailable"), QStringLiteral("cannot read the event log"),
                           sCloseUnavailable);
            return;
        }
        if (page.isEmpty()) {
            goLive();
            return;
        }
        send(JhMessage::events(page));
        mSentSequence = page.constLast().sequence;
    }
}

void JhApiSession::goLive()
{
    mState = State::Live;
    const JhSiteStatusTracker *tracker = mApi->siteStatusTracker();
    if (!tracker)
        return;
    // After the events (catch-up or snapshot): a client whose revision this run can answer gets what
    // changed since (possibly nothing), any other the full set.
    const bool delta = mStatusRevision > 0 && tracker->canAnswerSince(mStatusRevision);
    QSet<QString> changed;
    if (delta)
        for (const JhSiteStatus &status : tracker->changedSince(mStatusRevision))
            changed.insert(status.siteId);
    sendUtf8(mApi->siteStatusText(changed, !delta, !delta));
    mStatusRevision = tracker->revision();
    mPendingStatus.clear();
    mLastStatusMs = mApi->nowMs();
}

void JhApiSession::sendSnapshot()
{
    // Only between messages of a live session: the snapshot takes the place of everything up to the head.
    if (mState != State::Live)
        return;
    JhEventJournal *journal = mApi->journal();
    send(JhMessage::snapshot(journal->state()));
    mSentSequence = journal->headSequence();
}

void JhApiSession::noteSiteStatusChanged(const QSet<QString> &siteIds)
{
    // Before Live the first status message covers every change.
    if (mState == State::Live)
        mPendingStatus += siteIds;
}

void JhApiSession::flushSiteStatus()
{
    const JhSiteStatusTracker *tracker = mApi->siteStatusTracker();
    if (!tracker || mState != State::Live || mPendingStatus.isEmpty())
        return;
    const qint64 now = mApi->nowMs();
    if (now - mLastStatusMs < mApi->settings().statusFlushIntervalMs)
        return;
    // A slow client is skipped, not queued: it gets the then newest status of the same sites later.
    if (pendingBytes() > mApi->settings().statusMaxPendingBytes)
        return;
    sendUtf8(mApi->siteStatusText(mPendingStatus, false));
    mStatusRevision = tracker->revision();
    mPendingStatus.clear();
    mLastStatusMs = now;
}

void JhApiSession::onBytesWritten(qint64 bytes)
{
    mWrittenBytes += bytes;
    if (mState == State::CatchingUp)
        pump();
}

void JhApiSession::pushEvents(const QList<JhEvent> &events)
{
    if (mState != State::Live)
        return;
    QList<JhEvent> fresh;
    for (const JhEvent &event : events) {
        if (event.sequence > mSentSequence)
            fresh.append(event);
    }
    if (fresh.isEmpty())
        return;
    // The backlog left from earlier messages decides, not the size of this one: a client that keeps up
    // is never cut off for one large batch.
    if (pendingBytes() > mApi->settings().maxPendingBytes) {
        closeWithError(
            QStringLiteral("slow-client"),
            QStringLiteral("%1 bytes not yet taken by the client (limit %2); reconnect with hello to "
                           "catch up")
                .arg(pendingBytes())
                .arg(mApi->settings().maxPendingBytes),
            sCloseSlowClient);
        return;
    }
    send(JhMessage::events(fresh));
    mSentSequence = fresh.constLast().sequence;
}

void JhApiSession::handleCommand(const JhMessage &message)
{
    JhCommand command;
    JhProtocolError error;
    if (!message.readCommand(command, &error)) {
        closeWithError(QStringLiteral("bad-message"), error.message, sCloseBadMessage);
        return;
    }
    // Checked again per command so that a revoked token stops working at once.
    JhUser user;
    QString storeError;
    const JhAuthenticator::Result auth = mApi->authenticator()->authenticate(mToken, user, &storeError);
    if (auth == JhAuthenticator::Result::Refused) {
        closeWithError(QStringLiteral("unauthorized"), QStringLiteral("the token was revoked"),
                       sCloseUnauthorized);
        return;
    }
    if (auth == JhAuthenticator::Result::StoreFailed) {
        send(JhMessage::error(QStringLiteral("unavailable"),
                              QStringLiteral("command %1 not processed, retry with the same id: %2")
                                  .arg(command.id, storeError)));
        return;
    }
    mUser = user;
    JhCommandResult result;
    QString failure;
    if (!mApi->commands()->execute(mUser, command, result, &failure)) {
        send(JhMessage::error(
            QStringLiteral("unavailable"),
            QStringLiteral("command %1 not processed, retry with the same id: %2").arg(command.id, failure)));
        return;
    }
    send(JhMessage::commandResult(result));
}

void JhApiSession::tick(bool heartbeat)
{
    if (mState == State::Closed)
        return;
    if (mApi->nowMs() - mLastReceivedMs > mApi->settings().idleTimeoutMs) {
        closeWithError(QStringLiteral("idle-timeout"),
                       QStringLiteral("nothing received for %1 ms; send heartbeat messages")
                           .arg(mApi->settings().idleTimeoutMs),
                       sCloseIdle);
        return;
    }
    if (heartbeat && mState == State::Live)
        send(JhMessage::heartbeat(QDateTime::fromMSecsSinceEpoch(mApi->nowMs(), Qt::UTC),
                                  mApi->journal()->headSequence()));
}

void JhApiSession::handleQuery(const JhMessage &message)
{
    JhSeriesQuery query;
    JhProtocolError error;
    if (!message.readQuery(query, &error)) {
        send(JhMessage::queryResult(JhSeriesQueryService::rejected(
            query.id, JhSeriesResult::Error::InvalidQuery, error.field, error.message, error.message)));
        return;
    }
    JhSeriesQueryService *service = mApi->seriesQueries();
    if (!service) {
        send(JhMessage::queryResult(
            JhSeriesQueryService::rejected(query.id, JhSeriesResult::Error::Unavailable)));
        return;
    }
    if (mQueriesRunning >= service->settings().maxConcurrentPerClient) {
        const int limit = service->settings().maxConcurrentPerClient;
        send(JhMessage::queryResult(JhSeriesQueryService::rejected(
            query.id, JhSeriesResult::Error::TooManyQueries, {}, QStringLiteral("最多同时 %1 个").arg(limit),
            QStringLiteral("at most %1 at once").arg(limit))));
        return;
    }
    const JhWorldState &state = mApi->journal()->state();
    const JhSite *site = state.site(query.siteId);
    const JhSeriesResult refusal = service->validate(query, site);
    if (!refusal.isOk()) {
        send(JhMessage::queryResult(refusal));
        return;
    }
    QHash<QString, QString> units;
    for (const QString &code : query.factorCodes)
        if (state.factors().contains(code))
            units.insert(code, state.factors().value(code).unit);
    // The store is read and the answer encoded on the worker; this thread only writes it to the socket.
    // If the session is gone by then, the service drops the answer.
    ++mQueriesRunning;
    service->submit(query, *site, units, this, [this](const QString &text, qint64 utf8Bytes) {
        --mQueriesRunning;
        sendText(text, utf8Bytes);
    });
}
