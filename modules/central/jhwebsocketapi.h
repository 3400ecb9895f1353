// The workstation API: a WebSocket server (wss when a certificate is configured) speaking JhMessage.
#pragma once

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>

class JhApiSession;
class JhAuthenticator;
class JhCommandService;
class JhEventJournal;
class JhSeriesQueryService;
class JhSiteStatusTracker;
class QWebSocketServer;
struct JhEvent;

//! Accepts workstation connections and keeps one JhApiSession per client: hello -> welcome + catch-up
//! (event pages or a snapshot) -> live events; commands -> command-result; heartbeats; idle and slow
//! clients are closed with a reason (docs/protocol.md lists the codes).
class JhWebSocketApi : public QObject
{
    Q_OBJECT
public:
    //! Limits per client; see JhCentralConfig for the defaults of the service.
    struct Settings
    {
        int catchUpPageEvents = 2000;
        qint64 snapshotThreshold = 250000;
        int heartbeatIntervalMs = 15000;
        int idleTimeoutMs = 45000;
        qint64 maxPendingBytes = 16 * 1024 * 1024;
        //! Site-status changes go to a client at most once per interval, many sites per message.
        int statusFlushIntervalMs = 1000;
        //! A client with more unsent bytes than this skips a status flush (it gets the newest state later).
        qint64 statusMaxPendingBytes = 1024 * 1024;
    };

    JhWebSocketApi(JhEventJournal *journal, JhCommandService *commands, JhAuthenticator *authenticator,
                   QObject *parent = nullptr);
    ~JhWebSocketApi() override;

    void setSettings(const Settings &settings);
    const Settings &settings() const { return mSettings; }
    //! Serve wss:// with this PEM certificate (chain) and key; call before listen().
    bool setTls(const QString &certificatePath, const QString &keyPath, QString *error = nullptr);
    bool isSecure() const { return mSecure; }

    bool listen(const QHostAddress &address, quint16 port);
    quint16 serverPort() const;
    QString errorString() const;
    //! Stops listening and closes every session (going away).
    void close();
    int sessionCount() const { return mSessions.size(); }

    //! The identity of the store's database, told to clients in welcome (read once, then kept).
    QString databaseId();
    JhEventJournal *journal() const { return mJournal; }
    JhCommandService *commands() const { return mCommands; }
    const JhAuthenticator *authenticator() const { return mAuthenticator; }
    qint64 nowMs() const;
    //! Answers `query` messages (owned by the caller; none: queries are answered unavailable).
    void setSeriesQueries(JhSeriesQueryService *service) { mSeriesQueries = service; }
    JhSeriesQueryService *seriesQueries() const { return mSeriesQueries; }

    //! The live site status to push (owned by the caller; none: no site-status messages are sent).
    void setSiteStatusTracker(const JhSiteStatusTracker *tracker) { mSiteStatus = tracker; }
    const JhSiteStatusTracker *siteStatusTracker() const { return mSiteStatus; }
    //! site-status message text for \a siteIds (all sites when \a all) at the tracker's revision. Each site's
    //! JSON is encoded once per revision of its status and shared by every session: 200 workstations cost one
    //! encoding per changed site, not 200.
    //! Sites were added or changed in the store (`sites import`): every live client gets a snapshot.
    void sitesChanged();
    QByteArray siteStatusText(const QSet<QString> &siteIds, bool full, bool all = false);
    //! The tracker changed these sites: every session sends them with its next status flush.
    void noteSiteStatusChanged(const QSet<QString> &siteIds);

signals:
    void sessionOpened(const QString &userId, const QString &clientName);
    //! A session ended; \a reasonCode is the error code it was closed with ("" for a normal close).
    void sessionClosed(const QString &userId, const QString &reasonCode);

private:
    void createServer();
    void onNewConnection();
    void onEventsAppended(const QList<JhEvent> &events);
    void onTick();
    void onStatusFlush();

    JhEventJournal *mJournal;
    JhCommandService *mCommands;
    JhAuthenticator *mAuthenticator;
    Settings mSettings;
    bool mSecure = false;
    QWebSocketServer *mServer = nullptr;
    QList<JhApiSession *> mSessions;
    QTimer mTicker;
    JhSeriesQueryService *mSeriesQueries = nullptr;
    QTimer mStatusTimer;
    const JhSiteStatusTracker *mSiteStatus = nullptr;
    qint64 mLastHeartbeatMs = 0;
    QString mDatabaseId;
    struct EncodedStatus
    {
        qint64 revision = -1;
        QByteArray json;
    };
    QHash<QString, EncodedStatus> mEncodedStatus; //!< site id -> its status JSON at that revision
};
