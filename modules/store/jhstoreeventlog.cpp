// JhStore, event log and commands: gap-free sequences, exactly-once commands, catch-up reads.
#include "jhstore.h"

#include "jhstoresql.h"

#include <QSqlError>

using namespace JhStoreSql;

// --- event log -----------------------------------------------------------------------------------

bool JhStore::reserveSequences(int count, qint64 &first)
{
    // The single counter row is the lock: concurrent appenders (other connections, other central nodes on
    // one PostgreSQL) queue on it until this transaction ends, and a rollback returns the numbers, so the
    // sequence has no gaps.
    QSqlQuery &update =
        prepared(QStringLiteral("UPDATE event_sequence SET last_seq = last_seq + ? WHERE id = 1"));
    update.bindValue(0, count);
    if (!update.exec())
        return failQuery(update, QStringLiteral("advance event sequence"));
    QSqlQuery &select = prepared(QStringLiteral("SELECT last_seq FROM event_sequence WHERE id = 1"));
    if (!select.exec() || !select.next())
        return failQuery(select, QStringLiteral("read event sequence"));
    first = select.value(0).toLongLong() - count + 1;
    select.finish();
    return true;
}

bool JhStore::insertEvents(const QList<JhEvent> &events)
{
    QSqlQuery &insert =
        prepared(QStringLiteral("INSERT INTO events (seq, type, time, actor, command_id, payload)"
                                " VALUES (?, ?, ?, ?, ?, ?)"));
    for (const JhEvent &event : events) {
        bindAll(insert, {event.sequence, JhEnumNames::code(event.type), toMs(event.time), event.actor,
                         event.commandId,
                         QString::fromUtf8(QJsonDocument(event.payload).toJson(QJsonDocument::Compact))});
        if (!insert.exec())
            return failQuery(insert, QStringLiteral("append event %1").arg(event.sequence));
    }
    if (mConfig.dialect == JhStoreConfig::Dialect::Postgres && !events.isEmpty()) {
        // Other central nodes LISTEN on jh_events; the notification is delivered only on commit.
        QSqlQuery &notify = prepared(QStringLiteral("SELECT pg_notify('jh_events', ?)"));
        notify.bindValue(0, QString::number(events.last().sequence));
        if (!notify.exec())
            return failQuery(notify, QStringLiteral("notify jh_events"));
        notify.finish();
    }
    return true;
}

bool JhStore::appendEvents(QList<JhEvent> &events)
{
    if (events.isEmpty())
        return true;
    if (!begin())
        return false;
    qint64 first = 0;
    if (!reserveSequences(events.size(), first)) {
        rollback();
        return false;
    }
    QList<JhEvent> numbered = events;
    for (int i = 0; i < numbered.size(); ++i)
        numbered[i].sequence = first + i;
    if (!insertEvents(numbered)) {
        rollback();
        return false;
    }
    if (!commit())
        return false;
    events = numbered;
    return true;
}

bool JhStore::appendCommand(const JhCommand &command, JhCommandResult &result, const QDateTime &receivedAt,
                            bool *alreadyProcessed)
{
    if (alreadyProcessed)
        *alreadyProcessed = false;
    auto storedAnswer = [&]() {
        bool found = false;
        JhCommandResult stored;
        if (!commandResult(command.id, stored, found))
            return false;
        if (!found)
            return fail(JhStoreError::Code::QueryFailed,
                        QStringLiteral("command %1 vanished").arg(command.id));
        result = stored;
        if (alreadyProcessed)
            *alreadyProcessed = true;
        return true;
    };
    // Fast path for a repeat: answer from the table without taking the write lock.
    bool found = false;
    JhCommandResult stored;
    if (!commandResult(command.id, stored, found))
        return false;
    if (found)
        return storedAnswer();

    if (!begin())
        return false;
    QList<JhEvent> numbered = result.events;
    qint64 first = 0;
    if (!numbered.isEmpty() && !reserveSequences(numbered.size(), first)) {
        rollback();
        return false;
    }
    for (int i = 0; i < numbered.size(); ++i)
        numbered[i].sequence = first + i;
    QSqlQuery &record =
        prepared(QStringLiteral("INSERT INTO processed_commands (command_id, user_id, command_type, "
                                "received_at, error_code, message_zh,"
                                " message_en, first_seq, last_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    bindAll(record, {command.id, command.userId, JhEnumNames::code(command.type), toMs(receivedAt),
                     JhDomainErrors::code(result.error), result.messageZh, result.messageEn,
                     numbered.isEmpty() ? 0 : first, numbered.isEmpty() ? 0 : first + numbered.size() - 1});
    if (!record.exec()) {
        failQuery(record, QStringLiteral("record command %1").arg(command.id));
        rollback();
        // Another connection processed the same id first: give its answer.
        if (mError.code == JhStoreError::Code::Conflict)
            return storedAnswer();
        return false;
    }
    if (!insertEvents(numbered)) {
        rollback();
        return false;
    }
    if (!commit())
        return false;
    result.events = numbered;
    return true;
}

bool JhStore::commandResult(const QString &commandId, JhCommandResult &result, bool &found)
{
    found = false;
    QSqlQuery &query =
        prepared(QStringLiteral("SELECT error_code, message_zh, message_en, first_seq, last_seq"
                                " FROM processed_commands WHERE command_id = ?"));
    query.bindValue(0, commandId);
    if (!query.exec())
        return failQuery(query, QStringLiteral("look up command %1").arg(commandId));
    if (!query.next()) {
        query.finish();
        return true;
    }
    JhCommandResult stored;
    stored.commandId = commandId;
    JhDomainErrors::parse(query.value(0).toString(), stored.error);
    stored.messageZh = query.value(1).toString();
    stored.messageEn = query.value(2).toString();
    const qint64 first = query.value(3).toLongLong();
    const qint64 last = query.value(4).toLongLong();
    query.finish();
    if (first > 0) {
        QSqlQuery &events = prepared(QStringLiteral("SELECT seq, type, time, actor, command_id, payload FROM "
                                                    "events WHERE seq >= ? AND seq <= ? ORDER BY seq"));
        bindAll(events, {first, last});
        if (!events.exec())
            return failQuery(events, QStringLiteral("read events of command %1").arg(commandId));
        if (!readEvents(events, stored.events))
            return false;
    }
    result = stored;
    found = true;
    return true;
}

bool JhStore::readEvents(QSqlQuery &query, QList<JhEvent> &events)
{
    while (query.next()) {
        JhEvent event;
        event.sequence = query.value(0).toLongLong();
        if (!JhEnumNames::parse(query.value(1).toString(), event.type))
            return fail(JhStoreError::Code::QueryFailed, QStringLiteral("event %1 has unknown type %2")
                                                             .arg(event.sequence)
                                                             .arg(query.value(1).toString()));
        event.time = fromMs(query.value(2));
        event.actor = query.value(3).toString();
        event.commandId = query.value(4).toString();
        event.payload = QJsonDocument::fromJson(query.value(5).toString().toUtf8()).object();
        events.append(event);
    }
    query.finish();
    return true;
}

bool JhStore::eventsAfter(qint64 sequence, int limit, QList<JhEvent> &events)
{
    events.clear();
    QSqlQuery &query = prepared(QStringLiteral(
        "SELECT seq, type, time, actor, command_id, payload FROM events WHERE seq > ? ORDER BY seq LIMIT ?"));
    bindAll(query, {sequence, limit});
    if (!query.exec())
        return failQuery(query, QStringLiteral("read events after %1").arg(sequence));
    return readEvents(query, events);
}

bool JhStore::lastSequence(qint64 &sequence)
{
    QSqlQuery &query = prepared(QStringLiteral("SELECT last_seq FROM event_sequence WHERE id = 1"));
    if (!query.exec() || !query.next())
        return failQuery(query, QStringLiteral("read event sequence"));
    sequence = query.value(0).toLongLong();
    query.finish();
    return true;
}
