// The sync client: a workstation's (or jianghai-cli's) live copy of central's state, with cache and outbox.
#pragma once

#include "jhclientconfig.h"
#include "jhconnectionstate.h"
#include "jhoutboxentry.h"
#include "jhstatechange.h"

#include "jhseriesresult.h"
#include "jhsitestatus.h"
#include "jhuser.h"
#include "jhworldstate.h"

#include <QHash>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMap>
#include <QObject>
#include <QSet>

class JhSyncWorker;
class QThread;

Q_DECLARE_LOGGING_CATEGORY(jhClientLog)

//! Connects to central (a list of URLs, tried in turn), says hello with the last sequence it holds, and
//! keeps state(), siteStatuses() and outbox() current; reconnects with back-off and jitter. Everything that
//! touches disk or network runs on a worker thread: the methods here return at once, and the signals
//! arrive on the thread that created the client, batched (one per message from central, not per event).
//! At start the state is the cached one (cacheLoaded(), with its age), so a client started while central is
//! down shows the last known state at once. docs/client.md explains cache, outbox and reconnect.
class JhSyncClient : public QObject
{
    Q_OBJECT
public:
    explicit JhSyncClient(const JhClientConfig &config, QObject *parent = nullptr);
    //! Stops the worker (writing what the cache has not taken yet) and joins its thread.
    ~JhSyncClient() override;

    void start();
    void stop();

    const JhClientConfig &config() const { return mConfig; }
    const JhWorldState &state() const { return mState; }
    //! Live site statuses (site id -> status) as central last sent them, or as cached.
    const QHash<QString, JhSiteStatus> &siteStatuses() const { return mSiteStatuses; }
    const JhSiteStatus *siteStatus(const QString &siteId) const;
    qint64 siteStatusRevision() const { return mSiteStatusRevision; }
    JhConnectionStatus connectionStatus() const { return mStatus; }
    //! The user central welcomed (or the cached one before that).
    JhUser user() const { return mUser; }
    bool isCacheLoaded() const { return mCacheLoaded; }
    //! When the cached state was last updated (invalid when the cache was empty); the age of what is shown
    //! while offline.
    QDateTime cacheSavedAt() const { return mCacheSavedAt; }
    //! True once this run has been live with central at least once (state and statuses are current).
    bool hasSynced() const { return mSynced; }

    //! Every outbox entry in submission order (pending ones and recent answers); a command just submitted
    //! appears once it is on disk (pendingCommandCount() counts it at once).
    QList<JhOutboxEntry> outbox() const { return mOutbox.values(); }
    int pendingCommandCount() const;
    const JhOutboxEntry *outboxEntry(const QString &commandId) const;

    //! Queues a command (made with a new UUID and the current time) and returns its id at once; it is on
    //! disk before it is sent, sent in order and resent after reconnects until central answers.
    QString submit(JhCommandType type, const QJsonObject &payload);
    QString submit(const JhCommand &command);
    //! Sends a time-series query (an id is made when it has none) and returns its id; the answer comes in
    //! queryAnswered(). Offline, the same query answered earlier comes from the cache.
    QString query(const JhSeriesQuery &query);

    //! Connects now instead of waiting for the back-off (also after a refusal, e.g. a new token).
    void reconnectNow();

signals:
    void cacheLoaded();
    //! A batch of events was folded into state() (replaced: the whole state changed).
    void stateChanged(const JhStateChange &change);
    void siteStatusesChanged(const QStringList &siteIds, bool full);
    void connectionStatusChanged(const JhConnectionStatus &status);
    //! First time live in this run.
    void synced();
    void outboxChanged(const QList<JhOutboxEntry> &changed);
    //! Central answered a command of this client (accepted or refused with the reason).
    void commandAnswered(const JhOutboxEntry &entry);
    //! Commands that could not be written to the outbox (disk full …): they were not queued.
    void submitFailed(const QStringList &commandIds, const QString &message);
    //! \a cachedAt is valid when the answer came from the cache (offline): when it was fetched.
    void queryAnswered(const JhSeriesResult &result, const QDateTime &cachedAt);
    void userChanged(const JhUser &user);

private:
    friend class JhSyncWorker;
    // Called on this object's thread by the worker.
    void onCacheLoaded(const JhWorldState &state, const QHash<QString, JhSiteStatus> &statuses,
                       qint64 revision, const JhUser &user, const QDateTime &savedAt,
                       const QList<JhOutboxEntry> &outbox);
    void onEvents(const QList<JhEvent> &events);
    void onStateReplaced(const JhWorldState &state);
    void onSiteStatuses(const QList<JhSiteStatus> &statuses, bool full, qint64 revision);
    void onStatus(const JhConnectionStatus &status);
    void onUser(const JhUser &user);
    void onOutbox(const QList<JhOutboxEntry> &changed, bool answered);
    void onSubmitFailed(const QStringList &commandIds, const QString &message);

    JhClientConfig mConfig;
    QThread *mThread = nullptr;
    JhSyncWorker *mWorker = nullptr;
    JhWorldState mState;
    QHash<QString, JhSiteStatus> mSiteStatuses;
    qint64 mSiteStatusRevision = 0;
    JhConnectionStatus mStatus;
    JhUser mUser;
    QMap<qint64, JhOutboxEntry> mOutbox;
    QHash<QString, qint64> mOutboxPositions;
    QSet<QString> mSubmitting; //!< submitted, not yet on disk (counted as pending)
    QDateTime mCacheSavedAt;
    bool mCacheLoaded = false;
    bool mSynced = false;
};
