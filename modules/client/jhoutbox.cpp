// The client's outbox on SQLite.
#include "jhoutbox.h"

#include "jhjsonmapping.h"

#include <QAtomicInt>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace {
QAtomicInt sConnectionCounter;

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject parse(const QByteArray &text)
{
    return QJsonDocument::fromJson(text).object();
}
} // namespace

JhOutbox::JhOutbox() = default;

JhOutbox::~JhOutbox()
{
    close();
}

bool JhOutbox::fail(const QString &what, const QString &detail)
{
    mError = QStringLiteral("outbox %1: %2: %3").arg(mPath, what, detail);
    return false;
}

bool JhOutbox::open(const QString &path, const QDateTime &now, int keepAnsweredDays)
{
    close();
    mPath = path;
    mConnectionName = QStringLiteral("jh-outbox-%1").arg(sConnectionCounter.fetchAndAddRelaxed(1));
    mDatabase = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), mConnectionName);
    mDatabase.setDatabaseName(path);
    if (!mDatabase.open())
        return fail(QStringLiteral("cannot open"), mDatabase.lastError().text());
    QSqlQuery query(mDatabase);
    // FULL: a command the user was told is queued survives a power cut, not only a crash.
    const char *setup[] = {
        "PRAGMA journal_mode=WAL",
        "PRAGMA synchronous=FULL",
        "CREATE TABLE IF NOT EXISTS outbox (position INTEGER PRIMARY KEY, command_id TEXT NOT NULL UNIQUE,"
        " command TEXT NOT NULL, queued_at INTEGER NOT NULL, result TEXT, answered_at INTEGER)",
    };
    for (const char *sql : setup)
        if (!query.exec(QString::fromLatin1(sql)))
            return fail(QStringLiteral("cannot prepare"), query.lastError().text());
    if (keepAnsweredDays >= 0) {
        query.prepare(QStringLiteral("DELETE FROM outbox WHERE answered_at IS NOT NULL AND answered_at < ?"));
        query.addBindValue(now.addDays(-keepAnsweredDays).toMSecsSinceEpoch());
        if (!query.exec())
            return fail(QStringLiteral("cannot prune"), query.lastError().text());
    }
    if (!query.exec(QStringLiteral(
            "SELECT position, command, queued_at, result, answered_at FROM outbox ORDER BY position")))
        return fail(QStringLiteral("cannot read"), query.lastError().text());
    while (query.next()) {
        JhOutboxEntry entry;
        entry.position = query.value(0).toLongLong();
        JhProtocolError error;
        if (!JhJsonMapping::fromJson(parse(query.value(1).toByteArray()), entry.command, &error))
            return fail(QStringLiteral("unreadable command at position %1").arg(entry.position),
                        error.message);
        entry.queuedAt = QDateTime::fromMSecsSinceEpoch(query.value(2).toLongLong(), Qt::UTC);
        if (!query.value(3).isNull()) {
            if (!JhJsonMapping::fromJson(parse(query.value(3).toByteArray()), entry.result, &error))
                return fail(QStringLiteral("unreadable answer at position %1").arg(entry.position),
                            error.message);
            entry.state =
                entry.result.isOk() ? JhOutboxEntry::State::Accepted : JhOutboxEntry::State::Refused;
            entry.answeredAt = QDateTime::fromMSecsSinceEpoch(query.value(4).toLongLong(), Qt::UTC);
        } else {
            ++mPendingCount;
        }
        mPositionById.insert(entry.command.id, entry.position);
        mNextPosition = entry.position + 1;
        mEntries.insert(entry.position, entry);
    }
    return true;
}

void JhOutbox::close()
{
    mEntries.clear();
    mPositionById.clear();
    mPendingCount = 0;
    mNextPosition = 1;
    if (mConnectionName.isEmpty())
        return;
    mDatabase.close();
    mDatabase = QSqlDatabase();
    QSqlDatabase::removeDatabase(mConnectionName);
    mConnectionName.clear();
}

bool JhOutbox::enqueue(const QList<JhCommand> &commands, const QDateTime &now, QList<JhOutboxEntry> *added)
{
    QList<JhOutboxEntry> fresh;
    QSet<QString> ids;
    for (const JhCommand &command : commands) {
        if (command.id.isEmpty() || mPositionById.contains(command.id) || ids.contains(command.id))
            return fail(QStringLiteral("command %1").arg(command.id),
                        QStringLiteral("id empty or already queued"));
        ids.insert(command.id);
        JhOutboxEntry entry;
        entry.position = mNextPosition + fresh.size();
        entry.command = command;
        entry.queuedAt = now;
        fresh.append(entry);
    }
    if (!mDatabase.transaction())
        return fail(QStringLiteral("cannot begin"), mDatabase.lastError().text());
    QSqlQuery query(mDatabase);
    query.prepare(
        QStringLiteral("INSERT INTO outbox (position, command_id, command, queued_at) VALUES (?, ?, ?, ?)"));
    for (const JhOutboxEntry &entry : fresh) {
        query.addBindValue(entry.position);
        query.addBindValue(entry.command.id);
        query.addBindValue(QString::fromUtf8(compact(JhJsonMapping::toJson(entry.command))));
        query.addBindValue(now.toMSecsSinceEpoch());
        if (!query.exec()) {
            const QString detail = query.lastError().text();
            mDatabase.rollback();
            return fail(QStringLiteral("cannot queue command %1").arg(entry.command.id), detail);
        }
    }
    if (!mDatabase.commit()) {
        const QString detail = mDatabase.lastError().text();
        mDatabase.rollback();
        return fail(QStringLiteral("cannot commit %1 command(s)").arg(fresh.size()), detail);
    }
    for (const JhOutboxEntry &entry : fresh) {
        mPositionById.insert(entry.command.id, entry.position);
        mEntries.insert(entry.position, entry);
    }
    mNextPosition += fresh.size();
    mPendingCount += fresh.size();
    if (added)
        *added = fresh;
    return true;
}

bool JhOutbox::recordResults(const QList<JhCommandResult> &results, const QDateTime &now,
                             QList<JhOutboxEntry> *changed)
{
    QList<QPair<qint64, JhCommandResult>> answers;
    QSet<qint64> seen;
    for (const JhCommandResult &result : results) {
        const auto position = mPositionById.constFind(result.commandId);
        if (position == mPositionById.constEnd() || !mEntries.value(*position).isPending() ||
            seen.contains(*position))
            continue; // not ours, or a resend's answer repeating the first one
        seen.insert(*position);
        answers.append({*position, result});
    }
    if (answers.isEmpty())
        return true;
    if (!mDatabase.transaction())
        return fail(QStringLiteral("cannot begin"), mDatabase.lastError().text());
    QSqlQuery query(mDatabase);
    query.prepare(QStringLiteral("UPDATE outbox SET result = ?, answered_at = ? WHERE position = ?"));
    for (const auto &answer : answers) {
        query.addBindValue(QString::fromUtf8(compact(JhJsonMapping::toJson(answer.second))));
        query.addBindValue(now.toMSecsSinceEpoch());
        query.addBindValue(answer.first);
        if (!query.exec()) {
            const QString detail = query.lastError().text();
            mDatabase.rollback();
            return fail(QStringLiteral("cannot record the answer to %1").arg(answer.second.commandId),
                        detail);
        }
    }
    if (!mDatabase.commit()) {
        const QString detail = mDatabase.lastError().text();
        mDatabase.rollback();
        return fail(QStringLiteral("cannot commit %1 answer(s)").arg(answers.size()), detail);
    }
    for (const auto &answer : answers) {
        JhOutboxEntry &stored = mEntries[answer.first];
        stored.result = answer.second;
        stored.state = answer.second.isOk() ? JhOutboxEntry::State::Accepted : JhOutboxEntry::State::Refused;
        stored.answeredAt = now;
        --mPendingCount;
        if (changed)
            changed->append(stored);
    }
    return true;
}

void JhOutbox::noteSent(const QString &commandId)
{
    const auto position = mPositionById.constFind(commandId);
    if (position != mPositionById.constEnd())
        ++mEntries[*position].sendCount;
}

QList<JhOutboxEntry> JhOutbox::pending() const
{
    QList<JhOutboxEntry> result;
    for (const JhOutboxEntry &entry : mEntries)
        if (entry.isPending())
            result.append(entry);
    return result;
}

const JhOutboxEntry *JhOutbox::entry(const QString &commandId) const
{
    const auto position = mPositionById.constFind(commandId);
    if (position == mPositionById.constEnd())
        return nullptr;
    const auto found = mEntries.constFind(*position);
    return found == mEntries.constEnd() ? nullptr : &found.value();
}
