// The client's outbox: every command on disk (synchronous=FULL) before it is sent, with its answer.
#pragma once

#include "jhoutboxentry.h"

#include <QList>
#include <QMap>
#include <QSqlDatabase>
#include <QString>

//! A SQLite file of its own. enqueue() returns only once the command is durable, so a command survives a
//! kill -9 of the client the moment it was accepted from the user. Entries keep their answers so the UI
//! can show what became of each; answered entries older than the retention are pruned at open.
//! Use from one thread (the sync worker's).
class JhOutbox
{
public:
    JhOutbox();
    ~JhOutbox();
    JhOutbox(const JhOutbox &) = delete;
    JhOutbox &operator=(const JhOutbox &) = delete;

    //! Opens (creating) the file and loads its entries; answered ones older than \a keepAnsweredDays go.
    bool open(const QString &path, const QDateTime &now, int keepAnsweredDays = 7);
    void close();
    QString errorMessage() const { return mError; }
    QString path() const { return mPath; }

    //! Writes \a commands (ids must be new) in one transaction and fsyncs. False when the disk refused
    //! them: then none is queued. \a added receives the new entries.
    bool enqueue(const QList<JhCommand> &commands, const QDateTime &now,
                 QList<JhOutboxEntry> *added = nullptr);
    //! Records central's answers in one transaction; answers to unknown ids (another client's commands)
    //! and repeated answers are skipped. \a changed receives the entries that changed.
    bool recordResults(const QList<JhCommandResult> &results, const QDateTime &now,
                       QList<JhOutboxEntry> *changed = nullptr);
    //! Counts one more send of a pending command (in memory).
    void noteSent(const QString &commandId);

    //! Commands still waiting for an answer, in submission order.
    QList<JhOutboxEntry> pending() const;
    //! Every entry, in submission order.
    QList<JhOutboxEntry> entries() const { return mEntries.values(); }
    const JhOutboxEntry *entry(const QString &commandId) const;
    int pendingCount() const { return mPendingCount; }

private:
    bool fail(const QString &what, const QString &detail);

    QString mPath;
    QString mConnectionName;
    QSqlDatabase mDatabase;
    QMap<qint64, JhOutboxEntry> mEntries;
    QHash<QString, qint64> mPositionById;
    qint64 mNextPosition = 1;
    int mPendingCount = 0;
    QString mError;
};
