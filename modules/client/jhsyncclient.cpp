// The sync client facade: the caller's thread side of JhSyncWorker.
#include "jhsyncclient.h"

#include "jhsyncworker.h"

#include <QThread>
#include <QUuid>

Q_LOGGING_CATEGORY(jhClientLog, "jianghai.client")

JhSyncClient::JhSyncClient(const JhClientConfig &config, QObject *parent) : QObject(parent), mConfig(config)
{
    qRegisterMetaType<JhConnectionStatus>();
    qRegisterMetaType<JhStateChange>();
    qRegisterMetaType<JhOutboxEntry>();
    if (mConfig.clientName.isEmpty())
        mConfig.clientName = QStringLiteral("jianghai-client");
}

JhSyncClient::~JhSyncClient()
{
    stop();
}

void JhSyncClient::start()
{
    if (mThread)
        return;
    mThread = new QThread(this);
    mThread->setObjectName(QStringLiteral("jh-sync"));
    mWorker = new JhSyncWorker(mConfig, this);
    mWorker->moveToThread(mThread);
    connect(mThread, &QThread::finished, mWorker, &QObject::deleteLater);
    mThread->start();
    QMetaObject::invokeMethod(
        mWorker, [worker = mWorker]() { worker->start(); }, Qt::QueuedConnection);
}

void JhSyncClient::stop()
{
    if (!mThread)
        return;
    // Blocking once, at shutdown: the worker writes what the cache has not taken yet and closes the files.
    QMetaObject::invokeMethod(
        mWorker, [worker = mWorker]() { worker->stop(); }, Qt::BlockingQueuedConnection);
    mThread->quit();
    mThread->wait();
    delete mThread;
    mThread = nullptr;
    mWorker = nullptr;
}

const JhSiteStatus *JhSyncClient::siteStatus(const QString &siteId) const
{
    const auto found = mSiteStatuses.constFind(siteId);
    return found == mSiteStatuses.constEnd() ? nullptr : &found.value();
}

int JhSyncClient::pendingCommandCount() const
{
    int count = mSubmitting.size();
    for (const JhOutboxEntry &entry : mOutbox)
        count += entry.isPending() ? 1 : 0;
    return count;
}

const JhOutboxEntry *JhSyncClient::outboxEntry(const QString &commandId) const
{
    const auto position = mOutboxPositions.constFind(commandId);
    if (position == mOutboxPositions.constEnd())
        return nullptr;
    const auto found = mOutbox.constFind(*position);
    return found == mOutbox.constEnd() ? nullptr : &found.value();
}

QString JhSyncClient::submit(JhCommandType type, const QJsonObject &payload)
{
    JhCommand command;
    command.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    command.type = type;
    command.issuedAt = QDateTime::currentDateTimeUtc();
    command.payload = payload;
    return submit(command);
}

QString JhSyncClient::submit(const JhCommand &command)
{
    JhCommand queued = command;
    if (queued.id.isEmpty())
        queued.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (!queued.issuedAt.isValid())
        queued.issuedAt = QDateTime::currentDateTimeUtc();
    if (!mWorker) {
        const QString id = queued.id;
        QMetaObject::invokeMethod(
            this, [this, id]() { onSubmitFailed({id}, QStringLiteral("the sync client is not running")); },
            Qt::QueuedConnection);
        return queued.id;
    }
    mSubmitting.insert(queued.id);
    QMetaObject::invokeMethod(
        mWorker, [worker = mWorker, queued]() { worker->submit({queued}); }, Qt::QueuedConnection);
    return queued.id;
}

QString JhSyncClient::query(const JhSeriesQuery &query)
{
    JhSeriesQuery asked = query;
    if (asked.id.isEmpty())
        asked.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (mWorker)
        QMetaObject::invokeMethod(
            mWorker, [worker = mWorker, asked]() { worker->query(asked); }, Qt::QueuedConnection);
    return asked.id;
}

void JhSyncClient::reconnectNow()
{
    if (mWorker)
        QMetaObject::invokeMethod(
            mWorker, [worker = mWorker]() { worker->reconnectNow(); }, Qt::QueuedConnection);
}

void JhSyncClient::onCacheLoaded(const JhWorldState &state, const QHash<QString, JhSiteStatus> &statuses,
                                 qint64 revision, const JhUser &user, const QDateTime &savedAt,
                                 const QList<JhOutboxEntry> &outbox)
{
    mState = state;
    mSiteStatuses = statuses;
    mSiteStatusRevision = revision;
    mUser = user;
    mCacheSavedAt = savedAt;
    mOutbox.clear();
    mOutboxPositions.clear();
    for (const JhOutboxEntry &entry : outbox) {
        mOutbox.insert(entry.position, entry);
        mOutboxPositions.insert(entry.command.id, entry.position);
    }
    mCacheLoaded = true;
    emit cacheLoaded();
    JhStateChange change;
    change.replaced = true;
    emit stateChanged(change);
    emit siteStatusesChanged(mSiteStatuses.keys(), true);
    emit outboxChanged(outbox);
}

void JhSyncClient::onEvents(const QList<JhEvent> &events)
{
    JhStateChange change;
    for (const JhEvent &event : events) {
        QString error;
        if (!mState.apply(event, &error)) {
            qCWarning(jhClientLog).noquote() << "event" << event.sequence << "not applied:" << error;
            continue;
        }
        change.note(event);
    }
    mCacheSavedAt = QDateTime::currentDateTimeUtc();
    if (!change.isEmpty())
        emit stateChanged(change);
}

void JhSyncClient::onStateReplaced(const JhWorldState &state)
{
    mState = state;
    mCacheSavedAt = QDateTime::currentDateTimeUtc();
    JhStateChange change;
    change.replaced = true;
    emit stateChanged(change);
}

void JhSyncClient::onSiteStatuses(const QList<JhSiteStatus> &statuses, bool full, qint64 revision)
{
    if (full)
        mSiteStatuses.clear();
    QStringList ids;
    ids.reserve(statuses.size());
    for (const JhSiteStatus &status : statuses) {
        mSiteStatuses.insert(status.siteId, status);
        ids << status.siteId;
    }
    mSiteStatusRevision = revision;
    emit siteStatusesChanged(ids, full);
}

void JhSyncClient::onStatus(const JhConnectionStatus &status)
{
    mStatus = status;
    emit connectionStatusChanged(status);
    if (status.state == JhConnectionState::Live && !mSynced) {
        mSynced = true;
        emit synced();
    }
}

void JhSyncClient::onUser(const JhUser &user)
{
    if (user == mUser)
        return;
    mUser = user;
    emit userChanged(user);
}

void JhSyncClient::onOutbox(const QList<JhOutboxEntry> &changed, bool answered)
{
    for (const JhOutboxEntry &entry : changed) {
        mSubmitting.remove(entry.command.id);
        mOutbox.insert(entry.position, entry);
        mOutboxPositions.insert(entry.command.id, entry.position);
    }
    emit outboxChanged(changed);
    if (answered)
        for (const JhOutboxEntry &entry : changed)
            emit commandAnswered(entry);
}

void JhSyncClient::onSubmitFailed(const QStringList &commandIds, const QString &message)
{
    for (const QString &id : commandIds)
        mSubmitting.remove(id);
    emit submitFailed(commandIds, message);
}
