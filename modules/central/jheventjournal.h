// The central service's event log front: the folded world state and every append to the log.
#pragma once

#include "jhcommand.h"
#include "jhcommandresult.h"
#include "jhevent.h"
#include "jhstore.h"
#include "jhworldstate.h"

#include <QObject>

#include <functional>

//! Owns the JhWorldState the service decides on and the store connection that appends to the log.
//! Every append is durable first (the store assigns gap-free sequences), then folded into the state,
//! then the projection is saved, then eventsAppended() tells the API. Lives on one thread.
class JhEventJournal : public QObject
{
    Q_OBJECT
public:
    using Clock = std::function<QDateTime()>;

    explicit JhEventJournal(QObject *parent = nullptr);
    ~JhEventJournal() override;

    //! Opens the store, loads the projected state and replays the events after it.
    bool open(const JhStoreConfig &config);
    QString errorMessage() const { return mErrorMessage; }

    void setClock(Clock clock) { mClock = std::move(clock); }
    QDateTime now() const { return mClock(); }

    const JhWorldState &state() const { return mState; }
    qint64 headSequence() const { return mState.lastSequence(); }
    //! The journal's own connection (main thread): users, reference data, catch-up reads.
    JhStore &store() { return mStore; }

    //! System events (alarm engine): appended in one transaction, folded, announced.
    bool appendSystemEvents(QList<JhEvent> events);
    //! A handled command: recorded exactly once per id; a repeat replaces \a result with the first answer
    //! and sets \a alreadyProcessed.
    bool appendCommand(const JhCommand &command, JhCommandResult &result, bool *alreadyProcessed = nullptr);
    //! Catch-up read from the log.
    bool eventsAfter(qint64 sequence, int limit, QList<JhEvent> &events);

    //! Re-reads sites from the store (imported by `jianghai-central sites import`); returns the sites that
    //! are new or changed since the last call (they are already in state()).
    QList<JhSite> refreshSites();
    //! The store's sites revision the state's sites reflect (clients compare it to know their sites are
    //! current).
    qint64 sitesRevision() const { return mSitesRevision; }

signals:
    void eventsAppended(const QList<JhEvent> &events);

private:
    bool fail(const QString &message);
    void fold(const QList<JhEvent> &events);

    JhStore mStore;
    JhWorldState mState;
    qint64 mSitesRevision = -1; //!< JhStore::sitesRevision() when the sites were last read
    Clock mClock;
    QString mErrorMessage;
};
