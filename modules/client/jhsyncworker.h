// The sync client's worker: socket, cache and outbox on a thread of their own.
#pragma once

#include "jhclientcache.h"
#include "jhclientconfig.h"
#include "jhconnectionstate.h"
#include "jhoutbox.h"
#include "jhreconnectbackoff.h"

#include "jhmessage.h"
#include "jhseriesresult.h"
#include "jhsitestatus.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>

class JhSyncClient;
class QWebSocket;

//! Lives on JhSyncClient's worker thread and owns everything that touches disk or network: the
//! WebSocket, the cache and the outbox. It folds what central sends into its own JhWorldState (the one the
//! cache mirrors) and posts each batch to the JhSyncClient on the caller's thread, which folds it again
//! into the state the UI reads. Private to modules/client: use JhSyncClient.
class JhSyncWorker : public QObject
{
    Q_OBJECT
public:
    JhSyncWorker(const JhClientConfig &config, JhSyncClient *client);
    ~JhSyncWorker() override;

    //! Opens cache and outbox (posting what they hold to the client), then connects.
    void start();
    //! Closes the connection and writes what the cache has not taken yet.
    void stop();
    //! Writes the commands to the outbox (durable), then sends them if connected.
    void submit(const QList<JhCommand> &commands);
    //! Sends a query when connected; offline, answers from the series cache (or with Unavailable).
    void query(const JhSeriesQuery &query);
    //! Drops the back-off wait (or a refusal) and connects at once.
    void reconnectNow();

private:
    enum class Phase
    {
        Idle,
        Connecting,
        AwaitingWelcome,
        CatchingUp,
        Live
    };

    void connectToCentral();
    void onConnected();
    void onDisconnected();
    void onText(const QString &text);
    void onTick();
    //! Ends the connection for \a code (a stable reason) and plans the next attempt unless \a refused.
    void drop(const QString &code, const QString &zh, const QString &en, bool refused = false);
    void setStatus(JhConnectionState state, const QString &code = {}, const QString &zh = {},
                   const QString &en = {});
    void handleWelcome(const JhMessage &message);
    void handleEvents(const JhMessage &message);
    void handleSnapshot(const JhMessage &message);
    void handleCommandResult(const JhMessage &message);
    void handleError(const JhMessage &message);
    void handleSiteStatus(const JhMessage &message);
    void handleQueryResult(const JhMessage &message);
    void checkCaughtUp();
    void sendPendingCommands();
    void send(const JhMessage &message);
    void flushCache();
    void flushResults();
    void failQueries(const QString &zh, const QString &en);
    void postQueryAnswer(const JhSeriesResult &result, const QDateTime &cachedAt);
    QString cacheKey() const;

    JhClientConfig mConfig;
    QPointer<JhSyncClient> mClient;
    JhClientCache mCache;
    JhOutbox mOutbox;
    JhWorldState mState;
    QHash<QString, JhSiteStatus> mStatuses;
    qint64 mStatusRevision = 0;
    JhUser mUser;
    QString mDatabaseId;
    qint64 mSitesRevision = 0; //!< central's sites revision the cached sites reflect
    bool mCacheEmpty = true;

    QWebSocket *mSocket = nullptr;
    Phase mPhase = Phase::Idle;
    JhConnectionStatus mStatus;
    JhReconnectBackoff mBackoff;
    int mUrlIndex = 0;
    bool mStopped = false;
    bool mRefused = false;
    bool mSnapshotExpected = false;
    qint64 mHeadAtWelcome = 0;
    QString mPendingDropCode; //!< why the socket is being closed (read when it reports disconnected)
    QString mPendingDropZh;
    QString mPendingDropEn;
    bool mPendingDropRefused = false;

    QElapsedTimer mClock;     //!< monotonic, for the deadlines below
    qint64 mPhaseStartMs = 0; //!< when the current phase began
    qint64 mLastReceivedMs = 0;
    qint64 mLastSentMs = 0;
    QTimer mTicker;
    QTimer mRetryTimer;
    QTimer mSaveTimer;
    QTimer mResultTimer;
    JhStateChange mUnsaved;
    QList<JhCommandResult> mUnrecordedResults;
    QHash<QString, JhSeriesQuery> mQueriesInFlight; //!< answered Unavailable when the connection drops
};
