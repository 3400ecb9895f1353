// JhStore, users and unknown MNs: token hashes, revocation, the loggers knocking at the door.
#include "jhstore.h"

#include "jhstoresql.h"

#include <QCryptographicHash>

using namespace JhStoreSql;

// --- users ---------------------------------------------------------------------------------------

QString JhStore::hashToken(const QString &token)
{
    return QString::fromLatin1(QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
}

bool JhStore::addUser(const JhUser &user, const QString &token, const QDateTime &now)
{
    QSqlQuery &query =
        prepared(QStringLiteral("INSERT INTO users (id, display_name, role, team_id, token_hash,"
                                " created_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, NULL)"));
    bindAll(query, {user.id, user.displayName, JhEnumNames::code(user.role), user.teamId, hashToken(token),
                    toMs(now)});
    if (!query.exec())
        return failQuery(query, QStringLiteral("add user %1").arg(user.id));
    return true;
}

bool JhStore::userForToken(const QString &token, JhUser &user, bool &found)
{
    found = false;
    QSqlQuery &query = prepared(QStringLiteral(
        "SELECT id, display_name, role, team_id FROM users WHERE token_hash = ? AND revoked_at IS NULL"));
    query.bindValue(0, hashToken(token));
    if (!query.exec())
        return failQuery(query, QStringLiteral("look up token"));
    if (query.next()) {
        user = {query.value(0).toString(), query.value(1).toString(), parsed(query.value(2), JhRole::Viewer),
                query.value(3).toString()};
        found = true;
    }
    query.finish();
    return true;
}

bool JhStore::users(QList<JhStoredUser> &result)
{
    result.clear();
    QSqlQuery &query = prepared(QStringLiteral(
        "SELECT id, display_name, role, team_id, created_at, revoked_at FROM users ORDER BY id"));
    if (!query.exec())
        return failQuery(query, QStringLiteral("list users"));
    while (query.next())
        result.append({{query.value(0).toString(), query.value(1).toString(),
                        parsed(query.value(2), JhRole::Viewer), query.value(3).toString()},
                       fromMs(query.value(4)),
                       fromMs(query.value(5))});
    query.finish();
    return true;
}

bool JhStore::revokeUser(const QString &userId, const QDateTime &now, bool &found)
{
    QSqlQuery &query =
        prepared(QStringLiteral("UPDATE users SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL"));
    bindAll(query, {toMs(now), userId});
    if (!query.exec())
        return failQuery(query, QStringLiteral("revoke user %1").arg(userId));
    found = query.numRowsAffected() > 0;
    return true;
}

// --- unknown MNs ---------------------------------------------------------------------------------

bool JhStore::noteUnknownMn(const QString &mn, const QString &peer, const QDateTime &seen, qint64 packets)
{
    QSqlQuery &query = prepared(QStringLiteral(
        "INSERT INTO unknown_mns (mn, last_peer, first_seen, last_seen, packet_count) VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT (mn) DO UPDATE SET last_peer = excluded.last_peer,"
        " last_seen = CASE WHEN excluded.last_seen > unknown_mns.last_seen THEN excluded.last_seen"
        " ELSE unknown_mns.last_seen END,"
        " first_seen = CASE WHEN excluded.first_seen < unknown_mns.first_seen THEN excluded.first_seen"
        " ELSE unknown_mns.first_seen END,"
        " packet_count = unknown_mns.packet_count + excluded.packet_count"));
    bindAll(query, {mn, peer, toMs(seen), toMs(seen), packets});
    if (!query.exec())
        return failQuery(query, QStringLiteral("note unknown MN %1").arg(mn));
    return true;
}

bool JhStore::unknownMns(QList<JhUnknownMn> &result)
{
    result.clear();
    QSqlQuery &query = prepared(QStringLiteral("SELECT mn, last_peer, first_seen, last_seen, packet_count "
                                               "FROM unknown_mns ORDER BY last_seen DESC, mn"));
    if (!query.exec())
        return failQuery(query, QStringLiteral("list unknown MNs"));
    while (query.next())
        result.append({query.value(0).toString(), query.value(1).toString(), fromMs(query.value(2)),
                       fromMs(query.value(3)), query.value(4).toLongLong()});
    query.finish();
    return true;
}
