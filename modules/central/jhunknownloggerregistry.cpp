// Bookkeeping of unknown and misconfigured loggers.
#include "jhunknownloggerregistry.h"

#include <QDateTime>
#include <QJsonObject>

#include <algorithm>

bool JhUnknownLoggerRegistry::record(const QByteArray &mn, Reason reason, const QString &siteId,
                                     const QString &peer, qint64 nowMs)
{
    auto it = mEntries.find(mn);
    if (it != mEntries.end()) {
        const bool changed = it->reason != reason;
        it->reason = reason;
        it->siteId = siteId;
        if (it->peer != peer)
            it->peer = peer;
        it->lastSeenMs = nowMs;
        ++it->packetCount;
        return changed;
    }
    if (mCapacity <= 0)
        return false;
    if (mEntries.size() >= mCapacity) {
        auto oldest = mEntries.begin();
        for (auto candidate = mEntries.begin(); candidate != mEntries.end(); ++candidate)
            if (candidate->lastSeenMs < oldest->lastSeenMs)
                oldest = candidate;
        mEntries.erase(oldest);
        ++mEvicted;
    }
    Entry entry;
    entry.mn = mn;
    entry.reason = reason;
    entry.siteId = siteId;
    entry.peer = peer;
    entry.firstSeenMs = nowMs;
    entry.lastSeenMs = nowMs;
    entry.packetCount = 1;
    mEntries.insert(mn, entry);
    return true;
}

QVector<JhUnknownLoggerRegistry::Entry> JhUnknownLoggerRegistry::entries() const
{
    QVector<Entry> list;
    list.reserve(mEntries.size());
    for (const Entry &entry : mEntries)
        list.append(entry);
    std::sort(list.begin(), list.end(), [](const Entry &a, const Entry &b) {
        return a.lastSeenMs != b.lastSeenMs ? a.lastSeenMs > b.lastSeenMs : a.mn < b.mn;
    });
    return list;
}

const char *JhUnknownLoggerRegistry::reasonName(Reason reason)
{
    switch (reason) {
    case Reason::UnknownMn:
        return "unknown-mn";
    case Reason::WrongPassword:
        return "wrong-password";
    case Reason::ToleranceRefused:
        return "tolerance-refused";
    }
    return "unknown-mn";
}

QJsonArray JhUnknownLoggerRegistry::toJson() const
{
    QJsonArray array;
    for (const Entry &entry : entries()) {
        QJsonObject object;
        object.insert(QStringLiteral("mn"), QString::fromLatin1(entry.mn));
        object.insert(QStringLiteral("reason"), QLatin1String(reasonName(entry.reason)));
        if (!entry.siteId.isEmpty())
            object.insert(QStringLiteral("siteId"), entry.siteId);
        object.insert(QStringLiteral("peer"), entry.peer);
        object.insert(QStringLiteral("firstSeen"),
                      QDateTime::fromMSecsSinceEpoch(entry.firstSeenMs, Qt::UTC).toString(Qt::ISODateWithMs));
        object.insert(QStringLiteral("lastSeen"),
                      QDateTime::fromMSecsSinceEpoch(entry.lastSeenMs, Qt::UTC).toString(Qt::ISODateWithMs));
        object.insert(QStringLiteral("packetCount"), double(entry.packetCount));
        array.append(object);
    }
    return array;
}
