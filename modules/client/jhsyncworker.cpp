// The sync client's worker: connection state machine, folding, cache and outbox.
#include "jhsyncworker.h"

#include "jhsyncclient.h"

#include "jhjsonmapping.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QUuid>
#include <QWebSocket>

#ifndef QT_NO_SSL
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
#endif

namespace {
constexpr int sTickMs = 100;
constexpr int sCloseUnauthorized = 4003;
constexpr int sCloseUnsupportedVersion = 4001;
} // namespace

JhSyncWorker::JhSyncWorker(const JhClientConfig &config, JhSyncClient *client)
    : mConfig(config), mClient(client),
      mBackoff(config.initialBackoffMs, config.maxBackoffMs, config.backoffJitter), mTicker(this),
      mRetryTimer(this), mSaveTimer(this), mResultTimer(this)
{
    // The timers are children so that moveToThread() takes them along to the worker thread.
    mClock.start();
    mTicker.setInterval(sTickMs);
    connect(&mTicker, &QTimer::timeout, this, &JhSyncWorker::onTick);
    mRetryTimer.setSingleShot(true);
    mRetryTimer.setTimerType(
        Qt::PreciseTimer); // a coarse timer may fire 5 % early: the back-off is a promise
    connect(&mRetryTimer, &QTimer::timeout, this, &JhSyncWorker::connectToCentral);
    mSaveTimer.setSingleShot(true);
    connect(&mSaveTimer, &QTimer::timeout, this, &JhSyncWorker::flushCache);
    mResultTimer.setSingleShot(true);
    mResultTimer.setInterval(0);
    connect(&mResultTimer, &QTimer::timeout, this, &JhSyncWorker::flushResults);
}

JhSyncWorker::~JhSyncWorker()
{
    stop();
}

QString JhSyncWorker::cacheKey() const
{
    // One cache and outbox per (central, user): the token stands for the user before central says who it is.
    const QByteArray key = (mConfig.primaryUrl() + QLatin1Char('\n') + mConfig.token).toUtf8();
    return QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex().left(16));
}

void JhSyncWorker::start()
{
    mStopped = false;
    QDir().mkpath(mConfig.dataDirectory);
    const QString base = QDir(mConfig.dataDirectory).filePath(QStringLiteral("central-") + cacheKey());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    JhClientCache::Contents contents;
    QElapsedTimer openTimer;
    openTimer.start();
    if (!mCache.open(base + QStringLiteral(".cache.sqlite"), contents))
        qCWarning(jhClientLog).noquote() << "cache unusable, running without one:" << mCache.errorMessage();
    qCDebug(jhClientLog) << "cache read in" << openTimer.elapsed() << "ms";
    if (!mCache.setAsideNote().isEmpty())
        qCWarning(jhClientLog).noquote() << mCache.setAsideNote() << "; rebuilding it from a snapshot";
    const QString outboxPath = base + QStringLiteral(".outbox.sqlite");
    if (!mOutbox.open(outboxPath, now)) {
        // Kept under another name for a person to recover the commands from; a new outbox takes its place.
        const QString aside =
            outboxPath + QStringLiteral(".damaged-") + now.toString(QStringLiteral("yyyyMMddTHHmmsszzz"));
        qCCritical(jhClientLog).noquote()
            << mOutbox.errorMessage() << "; moved to" << aside << "(its commands were NOT sent)";
        mOutbox.close();
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::rename(outboxPath + suffix, aside + suffix);
        if (!mOutbox.open(outboxPath, now))
            qCCritical(jhClientLog).noquote() << mOutbox.errorMessage();
    }
    mState = contents.state;
    mStatuses = contents.siteStatuses;
    mStatusRevision = contents.statusRevision;
    mUser = contents.user;
    mDatabaseId = contents.databaseId;
    mSitesRevision = contents.sitesRevision;
    mCacheEmpty = contents.isEmpty();
    if (mClient) {
        const JhWorldState state = mState;
        const QHash<QString, JhSiteStatus> statuses = mStatuses;
        const qint64 revision = mStatusRevision;
        const JhUser user = mUser;
        const QDateTime savedAt = contents.savedAt;
        const QList<JhOutboxEntry> outbox = mOutbox.entries();
        QMetaObject::invokeMethod(
            mClient,
            [client = mClient, state, statuses, revision, user, savedAt, outbox]() {
                if (client)
                    client->onCacheLoaded(state, statuses, revision, user, savedAt, outbox);
            },
            Qt::QueuedConnection);
    }
    mTicker.start();
    connectToCentral();
}

void JhSyncWorker::stop()
{
    if (mStopped)
        return;
    mStopped = true;
    mTicker.stop();
    mRetryTimer.stop();
    flushResults();
    flushCache();
    if (mSocket) {
        mSocket->disconnect(this);
        if (mSocket->state() == QAbstractSocket::ConnectedState)
            mSocket->close(QWebSocketProtocol::CloseCodeNormal, QStringLiteral("client stopping"));
        else
            mSocket->abort();
        mSocket->deleteLater();
        mSocket = nullptr;
    }
    mPhase = Phase::Idle;
    mCache.close();
    mOutbox.close();
    setStatus(JhConnectionState::Stopped);
}

void JhSyncWorker::setStatus(JhConnectionState state, const QString &code, const QString &zh,
                             const QString &en)
{
    if (mStatus.state == state && mStatus.reasonCode == code && state != JhConnectionState::Offline)
        return;
    JhConnectionStatus status;
    status.state = state;
    // Offline keeps the time the connection was first lost, not the time of the latest failed attempt.
    status.since = (state == JhConnectionState::Offline && mStatus.state == JhConnectionState::Offline)
                       ? mStatus.since
                       : QDateTime::currentDateTimeUtc();
    if (state == JhConnectionState::Connecting && mStatus.state == JhConnectionState::Offline)
        status.since = mStatus.since;
    status.url = mConfig.urls.value(mUrlIndex);
    status.reasonCode = code;
    status.reasonZh = zh;
    status.reasonEn = en;
    status.attempt = mBackoff.attempts();
    status.retryInMs = mRetryTimer.isActive() ? mRetryTimer.remainingTime() : -1;
    mStatus = status;
    if (mClient)
        QMetaObject::invokeMethod(
            mClient,
            [client = mClient, status]() {
                if (client)
                    client->onStatus(status);
            },
            Qt::QueuedConnection);
}

void JhSyncWorker::connectToCentral()
{
    if (mStopped || mSocket)
        return;
    if (mConfig.urls.isEmpty()) {
        mRefused = true;
        setStatus(JhConnectionState::Refused, QStringLiteral("no-url"), QStringLiteral("未配置中心服务地址"),
                  QStringLiteral("no central URL configured"));
        return;
    }
    mRefused = false;
    mSocket = new QWebSocket(mConfig.clientName, QWebSocketProtocol::VersionLatest, this);
    // A central that sends more than this in one message is broken or hostile: the socket closes (1009).
    mSocket->setMaxAllowedIncomingMessageSize(quint64(mConfig.maxMessageBytes));
    mSocket->setMaxAllowedIncomingFrameSize(quint64(mConfig.maxMessageBytes));
#ifndef QT_NO_SSL
    if (!mConfig.caCertificates.isEmpty()) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(QSslCertificate::fromPath(mConfig.caCertificates, QSsl::Pem));
        mSocket->setSslConfiguration(tls);
    }
    connect(mSocket, &QWebSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        QStringList texts;
        for (const QSslError &error : errors)
            texts << error.errorString();
        mPendingDropCode = QStringLiteral("tls");
        mPendingDropZh = QStringLiteral("证书校验失败：") + texts.join(QStringLiteral("; "));
        mPendingDropEn = QStringLiteral("TLS certificate not trusted: ") + texts.join(QStringLiteral("; "));
    });
#endif
    connect(mSocket, &QWebSocket::connected, this, &JhSyncWorker::onConnected);
    connect(mSocket, &QWebSocket::disconnected, this, &JhSyncWorker::onDisconnected);
    connect(mSocket, &QWebSocket::textMessageReceived, this, &JhSyncWorker::onText);
    connect(mSocket, &QWebSocket::binaryMessageReceived, this, [this](const QByteArray &) {
        drop(QStringLiteral("bad-message"), QStringLiteral("中心服务发来无法识别的数据（二进制帧）"),
             QStringLiteral("central sent a binary frame"));
    });
    connect(mSocket, QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error), this,
            [this](QAbstractSocket::SocketError error) {
                if (!mPendingDropCode.isEmpty())
                    return;
                mPendingDropCode =
                    error == QAbstractSocket::ConnectionRefusedError ? QStringLiteral("connection-refused")
                    : error == QAbstractSocket::HostNotFoundError    ? QStringLiteral("host-not-found")
                                                                     : QStringLiteral("network");
                mPendingDropZh = error == QAbstractSocket::ConnectionRefusedError
                                     ? QStringLiteral("中心服务未运行或拒绝连接")
                                     : QStringLiteral("网络错误：") + mSocket->errorString();
                mPendingDropEn = mSocket->errorString();
            });
    mPendingDropCode.clear();
    mPendingDropZh.clear();
    mPendingDropEn.clear();
    mPendingDropRefused = false;
    mPhase = Phase::Connecting;
    mPhaseStartMs = mClock.elapsed();
    setStatus(JhConnectionState::Connecting);
    qCInfo(jhClientLog).noquote() << "connecting to" << mConfig.urls.value(mUrlIndex);
    mSocket->open(QUrl(mConfig.urls.value(mUrlIndex)));
}

void JhSyncWorker::onConnected()
{
    mPhase = Phase::AwaitingWelcome;
    mPhaseStartMs = mClock.elapsed();
    mLastReceivedMs = mPhaseStartMs;
    // Without reference data (no cache yet) the catch-up of events alone would leave the map empty.
    mSnapshotExpected = mCacheEmpty || mState.sites().isEmpty();
    JhMessage::HelloOptions options;
    options.statusRevision = mStatusRevision;
    options.wantSnapshot = mSnapshotExpected;
    options.databaseId = mDatabaseId;
    options.sitesRevision = mSitesRevision;
    send(JhMessage::hello(mConfig.token, mState.lastSequence(), mConfig.clientName, options));
}

void JhSyncWorker::send(const JhMessage &message)
{
    if (!mSocket)
        return;
    mSocket->sendTextMessage(QString::fromUtf8(message.encode()));
    mLastSentMs = mClock.elapsed();
}

void JhSyncWorker::drop(const QString &code, const QString &zh, const QString &en, bool refused)
{
    if (!mSocket)
        return;
    mPendingDropCode = code;
    mPendingDropZh = zh;
    mPendingDropEn = en;
    mPendingDropRefused = refused;
    qCWarning(jhClientLog).noquote() << "dropping the connection to" << mConfig.urls.value(mUrlIndex) << ":"
                                     << en;
    // abort(): a peer that misbehaves is not owed a close handshake, and memory is freed at once.
    mSocket->abort();
    if (mSocket && mPhase != Phase::Idle)
        onDisconnected();
}

void JhSyncWorker::onDisconnected()
{
    if (!mSocket)
        return;
    QWebSocket *socket = mSocket;
    mSocket = nullptr;
    const Phase phase = mPhase;
    mPhase = Phase::Idle;
    socket->disconnect(this);
    socket->deleteLater();
    failQueries(QStringLiteral("与中心服务的连接已断开，请稍后重试"),
                QStringLiteral("the connection to central was lost"));
    flushResults();
    flushCache();
    if (mStopped)
        return;
    QString code = mPendingDropCode, zh = mPendingDropZh, en = mPendingDropEn;
    bool refused = mPendingDropRefused;
    if (code.isEmpty()) {
        const int closeCode = int(socket->closeCode());
        if (closeCode == 1009) {
            code = QStringLiteral("message-too-large");
            zh = QStringLiteral("中心服务发来的消息超过 %1 MB 上限")
                     .arg(mConfig.maxMessageBytes / (1024 * 1024));
            en = QStringLiteral("central sent a message over the %1 MB limit")
                     .arg(mConfig.maxMessageBytes / (1024 * 1024));
        } else if (closeCode == sCloseUnauthorized) {
            code = QStringLiteral("unauthorized");
            zh = QStringLiteral("令牌无效或已被吊销，请重新登录");
            en = QStringLiteral("the token is unknown or was revoked; log in again");
            refused = true;
        } else if (closeCode == sCloseUnsupportedVersion) {
            code = QStringLiteral("unsupported-version");
            zh = QStringLiteral("中心服务的协议版本与本客户端不符，请升级");
            en = QStringLiteral("central speaks another protocol version; update this client");
            refused = true;
        } else if (phase == Phase::Connecting) {
            code = QStringLiteral("connect-failed");
            zh = QStringLiteral("无法连接中心服务");
            en = QStringLiteral("cannot connect to central: ") + socket->errorString();
        } else {
            code = QStringLiteral("connection-lost");
            zh = QStringLiteral("与中心服务的连接已断开（%1）").arg(closeCode);
            en = QStringLiteral("connection to central lost (close code %1 %2)")
                     .arg(closeCode)
                     .arg(socket->closeReason());
        }
    }
    mPendingDropCode.clear();
    if (refused) {
        mRefused = true;
        setStatus(JhConnectionState::Refused, code, zh, en);
        qCWarning(jhClientLog).noquote() << "central refused this client, not reconnecting:" << en;
        return;
    }
    // Several central nodes: the next attempt goes to the next URL.
    if (mConfig.urls.size() > 1 && phase != Phase::Live)
        mUrlIndex = (mUrlIndex + 1) % mConfig.urls.size();
    const qint64 delay = mBackoff.nextDelayMs();
    mRetryTimer.start(int(qMin<qint64>(delay, std::numeric_limits<int>::max())));
    setStatus(JhConnectionState::Offline, code, zh, en);
}

void JhSyncWorker::reconnectNow()
{
    if (mStopped)
        return;
    mRetryTimer.stop();
    mBackoff.reset();
    if (!mSocket)
        connectToCentral();
}

void JhSyncWorker::onTick()
{
    if (!mSocket)
        return;
    const qint64 now = mClock.elapsed();
    const qint64 inPhase = now - mPhaseStartMs;
    switch (mPhase) {
    case Phase::Connecting:
        if (inPhase > mConfig.connectTimeoutMs)
            drop(QStringLiteral("connect-timeout"), QStringLiteral("连接中心服务超时"),
                 QStringLiteral("no connection within %1 ms").arg(mConfig.connectTimeoutMs));
        return;
    case Phase::AwaitingWelcome:
        if (inPhase > mConfig.welcomeTimeoutMs)
            drop(QStringLiteral("no-answer"), QStringLiteral("中心服务无应答"),
                 QStringLiteral("no welcome within %1 ms of hello").arg(mConfig.welcomeTimeoutMs));
        return;
    case Phase::CatchingUp:
        if (inPhase > mConfig.catchUpTimeoutMs) {
            drop(QStringLiteral("catch-up-timeout"), QStringLiteral("同步数据超时"),
                 QStringLiteral("not caught up within %1 ms").arg(mConfig.catchUpTimeoutMs));
            return;
        }
        break;
    case Phase::Live:
    case Phase::Idle:
        break;
    }
    if (now - mLastReceivedMs > mConfig.idleTimeoutMs) {
        drop(QStringLiteral("silent"), QStringLiteral("中心服务长时间无数据"),
             QStringLiteral("nothing from central for %1 ms").arg(mConfig.idleTimeoutMs));
        return;
    }
    if (now - mLastSentMs >= mConfig.heartbeatIntervalMs)
        send(JhMessage::heartbeat(QDateTime::currentDateTimeUtc(), mState.lastSequence()));
}

void JhSyncWorker::onText(const QString &text)
{
    mLastReceivedMs = mClock.elapsed();
    JhMessage message;
    JhProtocolError error;
    if (!JhMessage::decode(text.toUtf8(), message, &error)) {
        if (error.code == JhProtocolError::Code::UnsupportedVersion) {
            drop(QStringLiteral("unsupported-version"),
                 QStringLiteral("中心服务的协议版本与本客户端不符，请升级"), error.message, true);
            return;
        }
        drop(QStringLiteral("bad-message"), QStringLiteral("中心服务发来无法识别的消息"),
             QStringLiteral("central sent an unreadable message: ") + error.message);
        return;
    }
    if (mPhase == Phase::AwaitingWelcome && message.type() != JhMessage::Type::Welcome &&
        message.type() != JhMessage::Type::Error) {
        drop(QStringLiteral("bad-message"), QStringLiteral("中心服务应答顺序错误"),
             QStringLiteral("expected welcome, got %1").arg(JhMessage::typeCode(message.type())));
        return;
    }
    switch (message.type()) {
    case JhMessage::Type::Welcome:
        handleWelcome(message);
        break;
    case JhMessage::Type::Events:
        handleEvents(message);
        break;
    case JhMessage::Type::Snapshot:
        handleSnapshot(message);
        break;
    case JhMessage::Type::CommandResult:
        handleCommandResult(message);
        break;
    case JhMessage::Type::Error:
        handleError(message);
        break;
    case JhMessage::Type::SiteStatus:
        handleSiteStatus(message);
        break;
    case JhMessage::Type::QueryResult:
        handleQueryResult(message);
        break;
    case JhMessage::Type::Heartbeat:
        break;
    default:
        drop(QStringLiteral("bad-message"), QStringLiteral("中心服务发来不应有的消息"),
             QStringLiteral("central sent a %1 message").arg(JhMessage::typeCode(message.type())));
        break;
    }
}

void JhSyncWorker::handleWelcome(const JhMessage &message)
{
    if (mPhase != Phase::AwaitingWelcome) {
        drop(QStringLiteral("bad-message"), QStringLiteral("中心服务应答顺序错误"),
             QStringLiteral("a second welcome"));
        return;
    }
    JhUser user;
    qint64 head = 0;
    JhProtocolError error;
    if (!message.readWelcome(user, head, &error)) {
        drop(QStringLiteral("bad-message"), QStringLiteral("中心服务发来无法识别的消息"), error.message);
        return;
    }
    const QString databaseId = message.welcomeDatabaseId();
    const bool otherDatabase = !mDatabaseId.isEmpty() && !databaseId.isEmpty() && databaseId != mDatabaseId;
    const bool otherUser = !mUser.id.isEmpty() && mUser.id != user.id;
    if (otherDatabase || otherUser) {
        // Central answers such a hello with a snapshot; the old cache is kept for a person to look at.
        const QString reason =
            otherDatabase ? QStringLiteral("other-database") : QStringLiteral("other-user");
        mCache.setAside(reason, QDateTime::currentDateTimeUtc());
        qCWarning(jhClientLog).noquote()
            << mCache.setAsideNote() << "(" << reason << "); rebuilding it from a snapshot";
        mUnsaved = JhStateChange();
        mStatuses.clear();
        mStatusRevision = 0;
        mSnapshotExpected = true;
        if (!otherDatabase) {
            // Same database, other user: the events this hello asked for are right, only the file is not.
            mSnapshotExpected = false;
            mCache.saveState(mState, QDateTime::currentDateTimeUtc());
        }
    }
    // Ahead of the log (another database without an id to tell): central answers with a snapshot.
    if (mState.lastSequence() > head)
        mSnapshotExpected = true;
    // Sites imported since the cached ones: central sends a snapshot for such a hello.
    if (mSitesRevision > 0 && message.welcomeSitesRevision() > 0 &&
        message.welcomeSitesRevision() != mSitesRevision)
        mSnapshotExpected = true;
    mUser = user;
    mDatabaseId = databaseId;
    mSitesRevision = message.welcomeSitesRevision();
    mHeadAtWelcome = head;
    mCache.saveIdentity(mUser, mDatabaseId, mConfig.urls.value(mUrlIndex), mSitesRevision);
    if (mClient)
        QMetaObject::invokeMethod(
            mClient,
            [client = mClient, user]() {
                if (client)
                    client->onUser(user);
            },
            Qt::QueuedConnection);
    mPhase = Phase::CatchingUp;
    mPhaseStartMs = mClock.elapsed();
    setStatus(JhConnectionState::CatchingUp);
    sendPendingCommands();
    checkCaughtUp();
}

void JhSyncWorker::checkCaughtUp()
{
    if (mPhase != Phase::CatchingUp || mSnapshotExpected)
        return;
    // Events appended during the catch-up follow in the same pages, so the head may have moved on.
    if (mState.lastSequence() < mHeadAtWelcome)
        return;
    mPhase = Phase::Live;
    mBackoff.reset();
    flushCache();
    setStatus(JhConnectionState::Live);
    qCInfo(jhClientLog).noquote() << "live with" << mConfig.urls.value(mUrlIndex) << "at sequence"
                                  << mState.lastSequence();
}

void JhSyncWorker::handleEvents(const JhMessage &message)
{
    QList<JhEvent> events;
    JhProtocolError error;
    if (!message.readEvents(events, &error)) {
        drop(QStringLiteral("bad-message"), QStringLiteral("中心服务发来无法识别的事件"), error.message);
        return;
    }
    if (mSnapshotExpected) {
        drop(QStringLiteral("bad-message"), QStringLiteral("中心服务应答顺序错误"),
             QStringLiteral("events before the snapshot that was asked for"));
        return;
    }
    QList<JhEvent> applied;
    for (const JhEvent &event : events) {
        if (event.sequence <= mState.lastSequence())
            continue; // already held (a page and a live push may overlap after a reconnect)
        QString applyError;
        if (!mState.apply(event, &applyError)) {
            // A gap or an event that does not fit: the copy cannot be trusted; start over from a snapshot.
            qCWarning(jhClientLog).noquote() << "event" << event.sequence << "does not fit:" << applyError;
            mCacheEmpty = true;
            mState = JhWorldState();
            mUnsaved = JhStateChange();
            mUnsaved.replaced = true;
            flushCache();
            drop(QStringLiteral("inconsistent"), QStringLiteral("本地数据与中心服务不一致，正在重新同步"),
                 QStringLiteral("event %1 does not fit: %2").arg(event.sequence).arg(applyError));
            return;
        }
        mUnsaved.note(event);
        applied.append(event);
    }
    if (!applied.isEmpty()) {
        if (!mSaveTimer.isActive())
            mSaveTimer.start(mConfig.cacheSaveDelayMs);
        if (mClient)
            QMetaObject::invokeMethod(
                mClient,
                [client = mClient, applied]() {
                    if (client)
                        client->onEvents(applied);
                },
                Qt::QueuedConnection);
    }
    checkCaughtUp();
}

void JhSyncWorker::handleSnapshot(const JhMessage &message)
{
    JhWorldState state;
    JhProtocolError error;
    if (!message.readSnapshot(state, &error)) {
        drop(QStringLiteral("bad-message"), QStringLiteral("中心服务发来无法识别的快照"), error.message);
        return;
    }
    mState = state;
    mSnapshotExpected = false;
    mCacheEmpty = false;
    mUnsaved = JhStateChange();
    mUnsaved.replaced = true;
    flushCache();
    if (mClient)
        QMetaObject::invokeMethod(
            mClient,
            [client = mClient, state]() {
                if (client)
                    client->onStateReplaced(state);
            },
            Qt::QueuedConnection);
    // The snapshot is the head the client now holds.
    mHeadAtWelcome = qMax(mHeadAtWelcome, mState.lastSequence());
    if (mState.lastSequence() < mHeadAtWelcome)
        return;
    mHeadAtWelcome = mState.lastSequence();
    checkCaughtUp();
}

void JhSyncWorker::flushCache()
{
    mSaveTimer.stop();
    if (mUnsaved.isEmpty())
        return;
    if (!mCache.saveChange(mState, mUnsaved, QDateTime::currentDateTimeUtc()))
        qCWarning(jhClientLog).noquote() << "cache not updated:" << mCache.errorMessage();
    mUnsaved = JhStateChange();
}

void JhSyncWorker::submit(const QList<JhCommand> &commands)
{
    QList<JhOutboxEntry> added;
    if (!mOutbox.enqueue(commands, QDateTime::currentDateTimeUtc(), &added)) {
        QStringList ids;
        for (const JhCommand &command : commands)
            ids << command.id;
        const QString message = mOutbox.errorMessage();
        qCCritical(jhClientLog).noquote() << "commands not queued:" << message;
        if (mClient)
            QMetaObject::invokeMethod(
                mClient,
                [client = mClient, ids, message]() {
                    if (client)
                        client->onSubmitFailed(ids, message);
                },
                Qt::QueuedConnection);
        return;
    }
    if (mClient)
        QMetaObject::invokeMethod(
            mClient,
            [client = mClient, added]() {
                if (client)
                    client->onOutbox(added, false);
            },
            Qt::QueuedConnection);
    if (mPhase == Phase::CatchingUp || mPhase == Phase::Live) {
        for (const JhOutboxEntry &entry : added) {
            send(JhMessage::command(entry.command));
            mOutbox.noteSent(entry.command.id);
        }
    }
}

void JhSyncWorker::sendPendingCommands()
{
    // In submission order; central answers a resent id with its first answer and appends nothing.
    const QList<JhOutboxEntry> pending = mOutbox.pending();
    for (const JhOutboxEntry &entry : pending) {
        send(JhMessage::command(entry.command));
        mOutbox.noteSent(entry.command.id);
    }
    if (!pending.isEmpty())
        qCInfo(jhClientLog).noquote() << "sent" << pending.size() << "queued command(s)";
}

void JhSyncWorker::handleCommandResult(const JhMessage &message)
{
    JhCommandResult result;
    JhProtocolError error;
    if (!message.readCommandResult(result, &error)) {
        drop(QStringLiteral("bad-message"), QStringLiteral("中心服务发来无法识别的命令结果"), error.message);
        return;
    }
    // Answers that arrive together are written in one transaction (one fsync, not one per command).
    mUnrecordedResults.append(result);
    if (!mResultTimer.isActive())
        mResultTimer.start();
}

void JhSyncWorker::flushResults()
{
    mResultTimer.stop();
    if (mUnrecordedResults.isEmpty())
        return;
    QList<JhOutboxEntry> changed;
    const QList<JhCommandResult> results = mUnrecordedResults;
    mUnrecordedResults.clear();
    if (!mOutbox.recordResults(results, QDateTime::currentDateTimeUtc(), &changed)) {
        // Not recorded: the commands stay pending and are resent; central answers them the same way.
        qCWarning(jhClientLog).noquote() << mOutbox.errorMessage();
        return;
    }
    if (!changed.isEmpty() && mClient)
        QMetaObject::invokeMethod(
            mClient,
            [client = mClient, changed]() {
                if (client)
                    client->onOutbox(changed, true);
            },
            Qt::QueuedConnection);
}

void JhSyncWorker::handleError(const JhMessage &message)
{
    QString code, text;
    JhProtocolError error;
    if (!message.readError(code, text, &error)) {
        drop(QStringLiteral("bad-message"), QStringLiteral("中心服务发来无法识别的消息"), error.message);
        return;
    }
    if (code == QLatin1String("unavailable") && mPhase != Phase::AwaitingWelcome) {
        // A command central could not store now: the connection stays; resend what is pending shortly.
        qCWarning(jhClientLog).noquote() << "central:" << text;
        QTimer::singleShot(2000, this, [this]() {
            if (mPhase == Phase::CatchingUp || mPhase == Phase::Live)
                sendPendingCommands();
        });
        return;
    }
    if (code == QLatin1String("unauthorized")) {
        drop(code, QStringLiteral("令牌无效或已被吊销，请重新登录"), text, true);
        return;
    }
    if (code == QLatin1String("unsupported-version")) {
        drop(code, QStringLiteral("中心服务的协议版本与本客户端不符，请升级"), text, true);
        return;
    }
    if (code == QLatin1String("going-away")) {
        drop(code, QStringLiteral("中心服务正在停止"), text);
        return;
    }
    drop(code, QStringLiteral("中心服务断开了连接：") + code, text);
}

void JhSyncWorker::handleSiteStatus(const JhMessage &message)
{
    QList<JhSiteStatus> statuses;
    bool full = false;
    qint64 revision = 0;
    JhProtocolError error;
    if (!message.readSiteStatus(revision, full, statuses, &error)) {
        drop(QStringLiteral("bad-message"), QStringLiteral("中心服务发来无法识别的站点状态"), error.message);
        return;
    }
    if (full)
        mStatuses.clear();
    for (const JhSiteStatus &status : statuses)
        mStatuses.insert(status.siteId, status);
    mStatusRevision = revision;
    if (!mCache.saveSiteStatuses(statuses, full, revision, QDateTime::currentDateTimeUtc()))
        qCWarning(jhClientLog).noquote() << "cache not updated:" << mCache.errorMessage();
    if (mClient)
        QMetaObject::invokeMethod(
            mClient,
            [client = mClient, statuses, full, revision]() {
                if (client)
                    client->onSiteStatuses(statuses, full, revision);
            },
            Qt::QueuedConnection);
}

namespace {
//! The series cache key: the request without its id (the same question asked again).
QString seriesKey(const JhSeriesQuery &query)
{
    JhSeriesQuery keyed = query;
    keyed.id.clear();
    return QString::fromUtf8(QJsonDocument(JhJsonMapping::toJson(keyed)).toJson(QJsonDocument::Compact));
}

JhSeriesResult failedQuery(const JhSeriesQuery &query, JhSeriesResult::Error error, const QString &zh,
                           const QString &en)
{
    JhSeriesResult result;
    result.queryId = query.id;
    result.error = error;
    result.messageZh = zh;
    result.messageEn = en;
    result.kind = query.kind;
    result.siteId = query.siteId;
    return result;
}
} // namespace

void JhSyncWorker::postQueryAnswer(const JhSeriesResult &result, const QDateTime &cachedAt)
{
    if (mClient)
        QMetaObject::invokeMethod(
            mClient,
            [client = mClient, result, cachedAt]() {
                if (client)
                    emit client->queryAnswered(result, cachedAt);
            },
            Qt::QueuedConnection);
}

void JhSyncWorker::query(const JhSeriesQuery &query)
{
    if (mPhase != Phase::CatchingUp && mPhase != Phase::Live) {
        // Offline: the same question answered earlier, marked with when it was fetched.
        QJsonObject cached;
        QDateTime fetchedAt;
        JhSeriesResult result;
        if (mCache.loadSeries(seriesKey(query), cached, fetchedAt) &&
            JhJsonMapping::fromJson(cached, result)) {
            result.queryId = query.id;
            postQueryAnswer(result, fetchedAt);
            return;
        }
        postQueryAnswer(failedQuery(query, JhSeriesResult::Error::Unavailable,
                                    QStringLiteral("离线：无法向中心服务查询，且本地无缓存"),
                                    QStringLiteral("offline: central cannot be asked and nothing is cached")),
                        QDateTime());
        return;
    }
    mQueriesInFlight.insert(query.id, query);
    send(JhMessage::query(query));
}

void JhSyncWorker::handleQueryResult(const JhMessage &message)
{
    JhSeriesResult result;
    JhProtocolError error;
    if (!message.readQueryResult(result, &error)) {
        drop(QStringLiteral("bad-message"), QStringLiteral("中心服务发来无法识别的查询结果"), error.message);
        return;
    }
    const auto request = mQueriesInFlight.constFind(result.queryId);
    if (request == mQueriesInFlight.constEnd())
        return; // an answer to a query this run did not ask (or already answered as offline)
    if (result.isOk()) {
        JhSeriesResult stored = result;
        stored.queryId.clear();
        mCache.saveSeries(seriesKey(*request), JhJsonMapping::toJson(stored), QDateTime::currentDateTimeUtc(),
                          mConfig.seriesCacheEntries);
    }
    mQueriesInFlight.remove(result.queryId);
    postQueryAnswer(result, QDateTime());
}

void JhSyncWorker::failQueries(const QString &zh, const QString &en)
{
    const QHash<QString, JhSeriesQuery> queries = mQueriesInFlight;
    mQueriesInFlight.clear();
    for (const JhSeriesQuery &query : queries)
        postQueryAnswer(failedQuery(query, JhSeriesResult::Error::Unavailable, zh, en), QDateTime());
}
