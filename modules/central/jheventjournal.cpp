// The central service's event log front: load + replay at start, durable append then fold then announce.
#include "jheventjournal.h"

#include <QDebug>

JhEventJournal::JhEventJournal(QObject *parent)
    : QObject(parent), mClock([]() { return QDateTime::currentDateTimeUtc(); })
{}

JhEventJournal::~JhEventJournal() = default;

bool JhEventJournal::fail(const QString &message)
{
    mErrorMessage = message;
    qWarning().noquote() << "event journal:" << message;
    return false;
}

bool JhEventJournal::open(const JhStoreConfig &config)
{
    if (!mStore.open(config))
        return fail(
            QStringLiteral("cannot open store %1: %2").arg(config.displayUrl(), mStore.error().message));
    mState = JhWorldState();
    if (!mStore.sitesRevision(mSitesRevision) || !mStore.loadState(mState))
        return fail(QStringLiteral("cannot load state: %1").arg(mStore.error().message));
    // The projection may lag the log after a crash between the append and saveProjection().
    QList<JhEvent> replayed;
    for (;;) {
        QList<JhEvent> page;
        if (!mStore.eventsAfter(mState.lastSequence(), 5000, page))
            return fail(QStringLiteral("cannot read the event log: %1").arg(mStore.error().message));
        if (page.isEmpty())
            break;
        for (const JhEvent &event : page) {
            QString error;
            if (!mState.apply(event, &error))
                return fail(QStringLiteral("event %1 does not apply: %2").arg(event.sequence).arg(error));
        }
        replayed += page;
    }
    if (!replayed.isEmpty() && !mStore.saveProjection(mState, replayed))
        return fail(QStringLiteral("cannot save the projection: %1").arg(mStore.error().message));
    mErrorMessage.clear();
    return true;
}

void JhEventJournal::fold(const QList<JhEvent> &events)
{
    if (events.isEmpty())
        return;
    for (const JhEvent &event : events) {
        QString error;
        // The handler decided on this very state, so a refusal here is a bug; the log stays the truth
        // and a restart rebuilds the state from it.
        if (!mState.apply(event, &error))
            qWarning().noquote() << "event journal: stored event" << event.sequence
                                 << "does not fold:" << error;
    }
    if (!mStore.saveProjection(mState, events))
        qWarning().noquote() << "event journal: projection not saved (rebuilt at restart):"
                             << mStore.error().message;
    emit eventsAppended(events);
}

bool JhEventJournal::appendSystemEvents(QList<JhEvent> events)
{
    if (events.isEmpty())
        return true;
    if (!mStore.appendEvents(events))
        return fail(QStringLiteral("cannot append system events: %1").arg(mStore.error().message));
    fold(events);
    return true;
}

bool JhEventJournal::appendCommand(const JhCommand &command, JhCommandResult &result, bool *alreadyProcessed)
{
    bool repeat = false;
    if (!mStore.appendCommand(command, result, now(), &repeat))
        return fail(QStringLiteral("cannot record command %1: %2").arg(command.id, mStore.error().message));
    if (alreadyProcessed)
        *alreadyProcessed = repeat;
    if (!repeat)
        fold(result.events);
    return true;
}

bool JhEventJournal::eventsAfter(qint64 sequence, int limit, QList<JhEvent> &events)
{
    events.clear();
    if (!mStore.eventsAfter(sequence, limit, events))
        return fail(
            QStringLiteral("cannot read events after %1: %2").arg(sequence).arg(mStore.error().message));
    return true;
}

QList<JhSite> JhEventJournal::refreshSites()
{
    QList<JhSite> changed;
    qint64 revision = 0;
    if (!mStore.sitesRevision(revision)) {
        fail(QStringLiteral("cannot check for imported sites: %1").arg(mStore.error().message));
        return changed;
    }
    if (revision == mSitesRevision)
        return changed;
    QList<JhSite> stored;
    if (!mStore.loadSites(stored)) {
        fail(QStringLiteral("cannot re-read sites: %1").arg(mStore.error().message));
        return changed;
    }
    for (const JhSite &site : stored) {
        const JhSite *known = mState.site(site.id);
        if (!known || !(*known == site)) {
            mState.addSite(site);
            changed.append(site);
        }
    }
    mSitesRevision = revision;
    return changed;
}
