// The client's local cache on SQLite.
#include "jhclientcache.h"

#include "jhjsonmapping.h"

#include <QAtomicInt>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <thread>
#include <vector>

namespace {
QAtomicInt sConnectionCounter;
constexpr int sSchemaVersion = 1;

//! Object kinds of the objects table.
enum Kind
{
    SiteKind = 1,
    FactorKind,
    TeamKind,
    CatalogueKind,
    DepotKind,
    AlarmKind,
    IncidentKind,
    TaskKind
};

//! Objects are stored as UTF-8 BLOBs: read back without SQLite's UTF-8 -> UTF-16 -> UTF-8 round trip.
QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

bool parseObject(const QByteArray &text, QJsonObject &object)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    if (!document.isObject())
        return false;
    object = document.object();
    return true;
}

QJsonObject siteJson(const JhSite &site)
{
    QJsonObject json = JhJsonMapping::toJson(site);
    json.remove(QStringLiteral("password"));
    return json;
}
} // namespace

JhClientCache::JhClientCache() = default;

JhClientCache::~JhClientCache()
{
    close();
}

bool JhClientCache::fail(const QString &what, const QString &detail)
{
    mError = QStringLiteral("cache %1: %2: %3").arg(mPath, what, detail);
    return false;
}

void JhClientCache::close()
{
    mUpsert.reset();
    if (mConnectionName.isEmpty())
        return;
    mDatabase.close();
    mDatabase = QSqlDatabase();
    QSqlDatabase::removeDatabase(mConnectionName);
    mConnectionName.clear();
}

bool JhClientCache::openFile(const QString &path)
{
    close();
    mPath = path;
    mConnectionName = QStringLiteral("jh-cache-%1").arg(sConnectionCounter.fetchAndAddRelaxed(1));
    mDatabase = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), mConnectionName);
    mDatabase.setDatabaseName(path);
    if (!mDatabase.open())
        return fail(QStringLiteral("cannot open"), mDatabase.lastError().text());
    QSqlQuery query(mDatabase);
    // NORMAL: the cache can always be rebuilt from central, so it need not survive a power cut.
    const char *setup[] = {
        "PRAGMA journal_mode=WAL",
        "PRAGMA synchronous=NORMAL",
        "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS objects (kind INTEGER NOT NULL, id TEXT NOT NULL, json TEXT NOT NULL,"
        " PRIMARY KEY (kind, id)) WITHOUT ROWID",
        "CREATE TABLE IF NOT EXISTS site_status (site_id TEXT PRIMARY KEY, json TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS series (key TEXT PRIMARY KEY, json TEXT NOT NULL, fetched_at INTEGER NOT "
        "NULL)",
    };
    for (const char *sql : setup)
        if (!query.exec(QString::fromLatin1(sql)))
            return fail(QStringLiteral("cannot prepare"), query.lastError().text());
    if (!query.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'schema'")))
        return fail(QStringLiteral("cannot read"), query.lastError().text());
    if (!query.next()) {
        QSqlQuery insert(mDatabase);
        insert.prepare(QStringLiteral("INSERT INTO meta (key, value) VALUES ('schema', ?)"));
        insert.addBindValue(QString::number(sSchemaVersion));
        if (!insert.exec())
            return fail(QStringLiteral("cannot initialise"), insert.lastError().text());
    } else if (query.value(0).toString() != QString::number(sSchemaVersion)) {
        return fail(QStringLiteral("schema"), QStringLiteral("version %1, this client reads %2")
                                                  .arg(query.value(0).toString())
                                                  .arg(sSchemaVersion));
    }
    return true;
}

bool JhClientCache::open(const QString &path, Contents &contents)
{
    mSetAsideNote.clear();
    contents = Contents();
    QString problem;
    if (openFile(path) && read(contents, problem))
        return true;
    if (problem.isEmpty())
        problem = mError;
    const QString reason = QStringLiteral("damaged");
    const QString note = problem;
    if (!setAside(reason, QDateTime::currentDateTimeUtc()))
        return false;
    mSetAsideNote = QStringLiteral("%1 (%2)").arg(mSetAsideNote, note);
    contents = Contents();
    return true;
}

bool JhClientCache::setAside(const QString &reason, const QDateTime &now)
{
    const QString path = mPath;
    close();
    const QString aside = QStringLiteral("%1.%2-%3")
                              .arg(path, reason, now.toUTC().toString(QStringLiteral("yyyyMMddTHHmmsszzz")));
    bool moved = true;
    if (QFile::exists(path))
        moved = QFile::rename(path, aside);
    for (const char *suffix : {"-wal", "-shm"}) {
        const QString side = path + QLatin1String(suffix);
        if (QFile::exists(side) && !QFile::rename(side, aside + QLatin1String(suffix)))
            QFile::remove(side);
    }
    if (!moved) {
        // Cannot keep it: rather lose a cache than keep working on a damaged one.
        QFile::remove(path);
        mSetAsideNote = QStringLiteral("cache %1 could not be renamed and was removed").arg(path);
    } else {
        mSetAsideNote = QStringLiteral("cache %1 set aside as %2").arg(path, aside);
    }
    return openFile(path);
}

namespace {
//! One row to decode: an object of the objects table (kind > 0) or a site status (kind 0).
struct CacheRow
{
    int kind = 0;
    QString id;
    QByteArray json;
};

//! What one decoding thread made of its share of the rows.
struct DecodedRows
{
    QList<JhSite> sites;
    QList<JhFactor> factors;
    QList<JhCountyTeam> teams;
    QList<JhCatalogueItem> catalogue;
    QList<JhDepot> depots;
    QList<JhAlarm> alarms;
    QList<JhIncident> incidents;
    QList<JhTask> tasks;
    QList<JhSiteStatus> statuses;
    QString problem;
};

template <typename T>
bool decodeInto(const QJsonObject &json, QList<T> &list, JhProtocolError &error)
{
    T value;
    if (!JhJsonMapping::fromJson(json, value, &error))
        return false;
    list.append(value);
    return true;
}

void decodeRows(const std::vector<CacheRow> &rows, size_t begin, size_t end, DecodedRows &out)
{
    for (size_t i = begin; i < end; ++i) {
        const CacheRow &row = rows[i];
        QJsonObject json;
        if (!parseObject(row.json, json)) {
            out.problem = QStringLiteral("object %1 is not JSON").arg(row.id);
            return;
        }
        JhProtocolError error;
        bool ok = false;
        switch (row.kind) {
        case 0:
            ok = decodeInto(json, out.statuses, error);
            break;
        case SiteKind:
            ok = decodeInto(json, out.sites, error);
            break;
        case FactorKind:
            ok = decodeInto(json, out.factors, error);
            break;
        case TeamKind:
            ok = decodeInto(json, out.teams, error);
            break;
        case CatalogueKind:
            ok = decodeInto(json, out.catalogue, error);
            break;
        case DepotKind:
            ok = decodeInto(json, out.depots, error);
            break;
        case AlarmKind:
            ok = decodeInto(json, out.alarms, error);
            break;
        case IncidentKind:
            ok = decodeInto(json, out.incidents, error);
            break;
        case TaskKind:
            ok = decodeInto(json, out.tasks, error);
            break;
        default:
            error.message = QStringLiteral("unknown kind %1").arg(row.kind);
            break;
        }
        if (!ok) {
            out.problem = QStringLiteral("object %1: %2").arg(row.id, error.message);
            return;
        }
    }
}
} // namespace

bool JhClientCache::read(Contents &contents, QString &problem)
{
    QSqlQuery query(mDatabase);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT key, value FROM meta"))) {
        problem = query.lastError().text();
        return false;
    }
    qint64 lastSequence = 0;
    while (query.next()) {
        const QString key = query.value(0).toString();
        const QString value = query.value(1).toString();
        if (key == QLatin1String("lastSeq"))
            lastSequence = value.toLongLong();
        else if (key == QLatin1String("statusRevision"))
            contents.statusRevision = value.toLongLong();
        else if (key == QLatin1String("databaseId"))
            contents.databaseId = value;
        else if (key == QLatin1String("sitesRevision"))
            contents.sitesRevision = value.toLongLong();
        else if (key == QLatin1String("url"))
            contents.url = value;
        else if (key == QLatin1String("savedAt"))
            contents.savedAt = QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
        else if (key == QLatin1String("user")) {
            QJsonObject json;
            if (!parseObject(value.toUtf8(), json) || !JhJsonMapping::fromJson(json, contents.user)) {
                problem = QStringLiteral("unreadable user");
                return false;
            }
        }
    }
    std::vector<CacheRow> rows;
    if (!query.exec(QStringLiteral("SELECT kind, id, json FROM objects"))) {
        problem = query.lastError().text();
        return false;
    }
    while (query.next())
        rows.push_back({query.value(0).toInt(), query.value(1).toString(), query.value(2).toByteArray()});
    if (!query.exec(QStringLiteral("SELECT site_id, json FROM site_status"))) {
        problem = query.lastError().text();
        return false;
    }
    while (query.next())
        rows.push_back({0, query.value(0).toString(), query.value(1).toByteArray()});
    // Decoding is most of a start from a large cache: split it over two threads (the machine has two cores
    // and nothing else is running yet at start).
    DecodedRows parts[2];
    const size_t middle = rows.size() / 2;
    std::thread helper([&rows, &parts, middle]() { decodeRows(rows, middle, rows.size(), parts[1]); });
    decodeRows(rows, 0, middle, parts[0]);
    helper.join();
    JhWorldState &state = contents.state;
    for (const DecodedRows &part : parts) {
        if (!part.problem.isEmpty()) {
            problem = part.problem;
            return false;
        }
        for (const JhSite &v : part.sites)
            state.addSite(v);
        for (const JhFactor &v : part.factors)
            state.addFactor(v);
        for (const JhCountyTeam &v : part.teams)
            state.addTeam(v);
        for (const JhCatalogueItem &v : part.catalogue)
            state.addCatalogueItem(v);
        for (const JhDepot &v : part.depots)
            state.addDepot(v);
        for (const JhAlarm &v : part.alarms)
            state.addAlarm(v);
        for (const JhIncident &v : part.incidents)
            state.addIncident(v);
        for (const JhTask &v : part.tasks)
            state.addTask(v);
        for (const JhSiteStatus &v : part.statuses)
            contents.siteStatuses.insert(v.siteId, v);
    }
    state.setLastSequence(lastSequence);
    return true;
}

bool JhClientCache::writeMeta(const QString &key, const QString &value)
{
    QSqlQuery query(mDatabase);
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"));
    query.addBindValue(key);
    query.addBindValue(value);
    if (!query.exec())
        return fail(QStringLiteral("cannot write %1").arg(key), query.lastError().text());
    return true;
}

bool JhClientCache::upsertObject(int kind, const QString &id, const QJsonObject &json)
{
    if (!mUpsert) {
        mUpsert = std::make_unique<QSqlQuery>(mDatabase);
        mUpsert->prepare(QStringLiteral("INSERT OR REPLACE INTO objects (kind, id, json) VALUES (?, ?, ?)"));
    }
    QSqlQuery &query = *mUpsert;
    query.addBindValue(kind);
    query.addBindValue(id);
    query.addBindValue(compact(json));
    if (!query.exec())
        return fail(QStringLiteral("cannot write %1").arg(id), query.lastError().text());
    return true;
}

bool JhClientCache::deleteObject(int kind, const QString &id)
{
    QSqlQuery query(mDatabase);
    query.prepare(QStringLiteral("DELETE FROM objects WHERE kind = ? AND id = ?"));
    query.addBindValue(kind);
    query.addBindValue(id);
    if (!query.exec())
        return fail(QStringLiteral("cannot delete %1").arg(id), query.lastError().text());
    return true;
}

bool JhClientCache::saveState(const JhWorldState &state, const QDateTime &now)
{
    if (!mDatabase.transaction())
        return fail(QStringLiteral("cannot begin"), mDatabase.lastError().text());
    QSqlQuery clear(mDatabase);
    bool ok = clear.exec(QStringLiteral("DELETE FROM objects"));
    for (auto it = state.sites().cbegin(); ok && it != state.sites().cend(); ++it)
        ok = upsertObject(SiteKind, it.key(), siteJson(*it));
    for (auto it = state.factors().cbegin(); ok && it != state.factors().cend(); ++it)
        ok = upsertObject(FactorKind, it.key(), JhJsonMapping::toJson(*it));
    for (auto it = state.teams().cbegin(); ok && it != state.teams().cend(); ++it)
        ok = upsertObject(TeamKind, it.key(), JhJsonMapping::toJson(*it));
    for (auto it = state.catalogue().cbegin(); ok && it != state.catalogue().cend(); ++it)
        ok = upsertObject(CatalogueKind, it.key(), JhJsonMapping::toJson(*it));
    for (auto it = state.depots().cbegin(); ok && it != state.depots().cend(); ++it)
        ok = upsertObject(DepotKind, it.key(), JhJsonMapping::toJson(*it));
    for (auto it = state.alarms().cbegin(); ok && it != state.alarms().cend(); ++it)
        ok = upsertObject(AlarmKind, it.key(), JhJsonMapping::toJson(*it));
    for (auto it = state.incidents().cbegin(); ok && it != state.incidents().cend(); ++it)
        ok = upsertObject(IncidentKind, it.key(), JhJsonMapping::toJson(*it));
    for (auto it = state.tasks().cbegin(); ok && it != state.tasks().cend(); ++it)
        ok = upsertObject(TaskKind, it.key(), JhJsonMapping::toJson(*it));
    ok = ok && writeMeta(QStringLiteral("lastSeq"), QString::number(state.lastSequence())) &&
         writeMeta(QStringLiteral("savedAt"), QString::number(now.toMSecsSinceEpoch()));
    if (!ok || !mDatabase.commit()) {
        if (mError.isEmpty())
            mError = mDatabase.lastError().text();
        mDatabase.rollback();
        return false;
    }
    return true;
}

bool JhClientCache::saveChange(const JhWorldState &state, const JhStateChange &change, const QDateTime &now)
{
    if (change.replaced)
        return saveState(state, now);
    if (!mDatabase.transaction())
        return fail(QStringLiteral("cannot begin"), mDatabase.lastError().text());
    bool ok = true;
    auto write = [&](int kind, const QSet<QString> &ids, auto lookup) {
        for (const QString &id : ids) {
            if (!ok)
                return;
            const auto *object = lookup(id);
            ok = object ? upsertObject(kind, id, JhJsonMapping::toJson(*object)) : deleteObject(kind, id);
        }
    };
    write(AlarmKind, change.alarmIds, [&state](const QString &id) { return state.alarm(id); });
    write(IncidentKind, change.incidentIds, [&state](const QString &id) { return state.incident(id); });
    write(TaskKind, change.taskIds, [&state](const QString &id) { return state.task(id); });
    write(DepotKind, change.depotIds, [&state](const QString &id) { return state.depot(id); });
    write(TeamKind, change.teamIds, [&state](const QString &id) { return state.team(id); });
    ok = ok && writeMeta(QStringLiteral("lastSeq"), QString::number(state.lastSequence())) &&
         writeMeta(QStringLiteral("savedAt"), QString::number(now.toMSecsSinceEpoch()));
    if (!ok || !mDatabase.commit()) {
        mDatabase.rollback();
        return false;
    }
    return true;
}

bool JhClientCache::saveSiteStatuses(const QList<JhSiteStatus> &statuses, bool full, qint64 revision,
                                     const QDateTime &now)
{
    if (!mDatabase.transaction())
        return fail(QStringLiteral("cannot begin"), mDatabase.lastError().text());
    QSqlQuery query(mDatabase);
    bool ok = !full || query.exec(QStringLiteral("DELETE FROM site_status"));
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO site_status (site_id, json) VALUES (?, ?)"));
    for (const JhSiteStatus &status : statuses) {
        if (!ok)
            break;
        query.addBindValue(status.siteId);
        query.addBindValue(compact(JhJsonMapping::toJson(status)));
        ok = query.exec();
    }
    if (!ok)
        fail(QStringLiteral("cannot write site statuses"), query.lastError().text());
    ok = ok && writeMeta(QStringLiteral("statusRevision"), QString::number(revision)) &&
         writeMeta(QStringLiteral("savedAt"), QString::number(now.toMSecsSinceEpoch()));
    if (!ok || !mDatabase.commit()) {
        mDatabase.rollback();
        return false;
    }
    return true;
}

bool JhClientCache::saveIdentity(const JhUser &user, const QString &databaseId, const QString &url,
                                 qint64 sitesRevision)
{
    if (!writeMeta(QStringLiteral("sitesRevision"), QString::number(sitesRevision)))
        return false;
    return writeMeta(QStringLiteral("user"), QString::fromUtf8(compact(JhJsonMapping::toJson(user)))) &&
           writeMeta(QStringLiteral("databaseId"), databaseId) && writeMeta(QStringLiteral("url"), url);
}

bool JhClientCache::saveSeries(const QString &key, const QJsonObject &result, const QDateTime &now, int keep)
{
    QSqlQuery query(mDatabase);
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO series (key, json, fetched_at) VALUES (?, ?, ?)"));
    query.addBindValue(key);
    query.addBindValue(compact(result));
    query.addBindValue(now.toMSecsSinceEpoch());
    if (!query.exec())
        return fail(QStringLiteral("cannot write series"), query.lastError().text());
    query.prepare(QStringLiteral(
        "DELETE FROM series WHERE key NOT IN (SELECT key FROM series ORDER BY fetched_at DESC LIMIT ?)"));
    query.addBindValue(qMax(1, keep));
    if (!query.exec())
        return fail(QStringLiteral("cannot prune series"), query.lastError().text());
    return true;
}

bool JhClientCache::loadSeries(const QString &key, QJsonObject &result, QDateTime &fetchedAt)
{
    QSqlQuery query(mDatabase);
    query.prepare(QStringLiteral("SELECT json, fetched_at FROM series WHERE key = ?"));
    query.addBindValue(key);
    if (!query.exec() || !query.next())
        return false;
    fetchedAt = QDateTime::fromMSecsSinceEpoch(query.value(1).toLongLong(), Qt::UTC);
    return parseObject(query.value(0).toByteArray(), result);
}
