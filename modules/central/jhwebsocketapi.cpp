// The workstation API: WebSocket server and the set of sessions.
#include "jhwebsocketapi.h"

#include "jhapisession.h"
#include "jheventjournal.h"
#include "jhmessage.h"
#include "jhsitestatustracker.h"
#include "jhtlsfiles.h"

#include <QDateTime>
#include <QWebSocket>
#include <QWebSocketServer>

#ifndef QT_NO_SSL
#include <QSslConfiguration>
#endif

JhWebSocketApi::JhWebSocketApi(JhEventJournal *journal, JhCommandService *commands,
                               JhAuthenticator *authenticator, QObject *parent)
    : QObject(parent), mJournal(journal), mCommands(commands), mAuthenticator(authenticator)
{
    createServer();
    connect(journal, &JhEventJournal::eventsAppended, this, &JhWebSocketApi::onEventsAppended);
    connect(&mTicker, &QTimer::timeout, this, &JhWebSocketApi::onTick);
    connect(&mStatusTimer, &QTimer::timeout, this, &JhWebSocketApi::onStatusFlush);
    setSettings(mSettings);
}

JhWebSocketApi::~JhWebSocketApi()
{
    close();
}

void JhWebSocketApi::createServer()
{
    delete mServer;
    mServer =
        new QWebSocketServer(QStringLiteral("jianghai-central"),
                             mSecure ? QWebSocketServer::SecureMode : QWebSocketServer::NonSecureMode, this);
    connect(mServer, &QWebSocketServer::newConnection, this, &JhWebSocketApi::onNewConnection);
}

void JhWebSocketApi::setSettings(const Settings &settings)
{
    mSettings = settings;
    // Ticks often enough to notice an idle client within a fraction of its timeout.
    mTicker.start(qMax(10, qMin(settings.heartbeatIntervalMs, settings.idleTimeoutMs / 4)));
    // Each session keeps its own once-per-interval pace; the timer only looks four times as often.
    mStatusTimer.start(qMax(10, settings.statusFlushIntervalMs / 4));
}

bool JhWebSocketApi::setTls(const QString &certificatePath, const QString &keyPath, QString *error)
{
#ifdef QT_NO_SSL
    Q_UNUSED(certificatePath)
    Q_UNUSED(keyPath)
    if (error)
        *error = QStringLiteral("this Qt build has no TLS support");
    return false;
#else
    QSslConfiguration configuration;
    if (!JhTlsFiles::load(certificatePath, keyPath, configuration, error))
        return false;
    mSecure = true;
    createServer();
    mServer->setSslConfiguration(configuration);
    return true;
#endif
}

bool JhWebSocketApi::listen(const QHostAddress &address, quint16 port)
{
    return mServer->listen(address, port);
}

quint16 JhWebSocketApi::serverPort() const
{
    return mServer->serverPort();
}

QString JhWebSocketApi::errorString() const
{
    return mServer->errorString();
}

void JhWebSocketApi::sitesChanged()
{
    const QList<JhApiSession *> sessions = mSessions;
    for (JhApiSession *session : sessions)
        session->sendSnapshot();
}

QByteArray JhWebSocketApi::siteStatusText(const QSet<QString> &siteIds, bool full, bool all)
{
    QList<QByteArray> sites;
    auto add = [this, &sites](const JhSiteStatus &status) {
        EncodedStatus &encoded = mEncodedStatus[status.siteId];
        if (encoded.revision != status.revision || encoded.json.isEmpty()) {
            encoded.revision = status.revision;
            encoded.json = JhMessage::siteStatusJson(status);
        }
        sites.append(encoded.json);
    };
    if (all) {
        for (const JhSiteStatus &status : mSiteStatus->statuses())
            add(status);
    } else {
        // Sorted like statusesOf(): the same sites give the same message whatever the set's order.
        QStringList ids(siteIds.cbegin(), siteIds.cend());
        ids.sort();
        for (const QString &id : ids)
            if (const JhSiteStatus *status = mSiteStatus->status(id))
                add(*status);
    }
    return JhMessage::encodeSiteStatus(mSiteStatus->revision(), full, sites);
}

QString JhWebSocketApi::databaseId()
{
    // Empty while the store cannot say (a client then keeps its cache; the next hello asks again).
    if (mDatabaseId.isEmpty() && !mJournal->store().databaseId(mDatabaseId))
        mDatabaseId.clear();
    return mDatabaseId;
}

qint64 JhWebSocketApi::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

void JhWebSocketApi::close()
{
    if (mServer)
        mServer->close();
    const QList<JhApiSession *> sessions = mSessions;
    for (JhApiSession *session : sessions)
        session->closeWithError(QStringLiteral("going-away"),
                                QStringLiteral("the central service is stopping"), 1001);
}

void JhWebSocketApi::onNewConnection()
{
    while (QWebSocket *socket = mServer->nextPendingConnection()) {
        auto *session = new JhApiSession(socket, this);
        mSessions.append(session);
        connect(session, &JhApiSession::opened, this,
                [this](JhApiSession *opened, const QString &clientName) {
                    emit sessionOpened(opened->userId(), clientName);
                });
        connect(session, &JhApiSession::finished, this,
                [this](JhApiSession *finished, const QString &reason) {
                    mSessions.removeOne(finished);
                    emit sessionClosed(finished->userId(), reason);
                    finished->deleteLater();
                });
    }
}

void JhWebSocketApi::onEventsAppended(const QList<JhEvent> &events)
{
    const QList<JhApiSession *> sessions = mSessions;
    for (JhApiSession *session : sessions)
        session->pushEvents(events);
}

void JhWebSocketApi::noteSiteStatusChanged(const QSet<QString> &siteIds)
{
    if (!mSiteStatus || siteIds.isEmpty())
        return;
    const QList<JhApiSession *> sessions = mSessions;
    for (JhApiSession *session : sessions)
        session->noteSiteStatusChanged(siteIds);
}

void JhWebSocketApi::onStatusFlush()
{
    if (!mSiteStatus)
        return;
    const QList<JhApiSession *> sessions = mSessions;
    for (JhApiSession *session : sessions)
        session->flushSiteStatus();
}

void JhWebSocketApi::onTick()
{
    // Heartbeats go out every heartbeatIntervalMs; idle checks run on every tick.
    const qint64 now = nowMs();
    const bool heartbeat = now - mLastHeartbeatMs >= mSettings.heartbeatIntervalMs;
    if (heartbeat)
        mLastHeartbeatMs = now;
    const QList<JhApiSession *> sessions = mSessions;
    for (JhApiSession *session : sessions)
        session->tick(heartbeat);
}
