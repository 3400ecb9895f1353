// The loggers that send packets the server cannot accept (unknown MN, wrong password), for the operator.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QString>
#include <QVector>

//! Unregistered or misconfigured loggers are not silently dropped: each MN is listed with the peer it
//! last came from, when it was first and last seen and how many packets it sent, so that an operator can
//! register it (jianghai-central sites import). Bounded: when full, the least recently seen entry goes.
class JhUnknownLoggerRegistry
{
public:
    enum class Reason
    {
        UnknownMn,
        WrongPassword,
        ToleranceRefused //!< a vendor deviation not enabled for this MN
    };
    struct Entry
    {
        QByteArray mn;
        Reason reason = Reason::UnknownMn;
        QString siteId; //!< the registered site, for a wrong password
        QString peer;   //!< "address:port" of the last packet
        qint64 firstSeenMs = 0;
        qint64 lastSeenMs = 0;
        quint64 packetCount = 0;
    };

    explicit JhUnknownLoggerRegistry(int capacity = 10000) : mCapacity(capacity) {}
    void setCapacity(int capacity) { mCapacity = capacity; }

    //! Records one packet; returns true when the MN (or its reason) is new, i.e. worth a log line.
    bool record(const QByteArray &mn, Reason reason, const QString &siteId, const QString &peer,
                qint64 nowMs);
    //! Forgets an MN (after it has been registered).
    void remove(const QByteArray &mn) { mEntries.remove(mn); }
    void clear() { mEntries.clear(); }
    int size() const { return mEntries.size(); }
    bool contains(const QByteArray &mn) const { return mEntries.contains(mn); }
    Entry entry(const QByteArray &mn) const { return mEntries.value(mn); }
    //! All entries, most recently seen first.
    QVector<Entry> entries() const;
    //! Entries evicted because the list was full.
    quint64 evicted() const { return mEvicted; }

    static const char *reasonName(Reason reason);
    QJsonArray toJson() const;

private:
    int mCapacity;
    quint64 mEvicted = 0;
    QHash<QByteArray, Entry> mEntries;
};
