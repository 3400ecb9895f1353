// The client's local cache: the folded state, the last sequence, site statuses and recent series.
#pragma once

#include "jhstatechange.h"

#include "jhsitestatus.h"
#include "jhuser.h"
#include "jhworldstate.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>

#include <memory>

class QSqlQuery;

//! One SQLite file per (central, user). Objects are kept one row each (site, alarm, task …) so that a
//! batch of events rewrites only what it touched; the last sequence is written in the same transaction,
//! so the file always holds a state that a hello with that sequence continues exactly.
//! A file that cannot be read (damaged, another schema) is set aside under a new name, kept for a person
//! to look at, and an empty one takes its place. Use from one thread (the sync worker's).
class JhClientCache
{
public:
    //! What the cache holds when opened.
    struct Contents
    {
        JhWorldState state;
        QHash<QString, JhSiteStatus> siteStatuses; //!< site id -> live status as last received
        qint64 statusRevision = 0;
        JhUser user;
        QString databaseId;       //!< central's database identity when known
        qint64 sitesRevision = 0; //!< central's sites revision the cached sites reflect
        QString url;
        QDateTime savedAt; //!< when the cache last took a change (invalid: empty cache)
        bool isEmpty() const { return !savedAt.isValid(); }
    };

    JhClientCache();
    ~JhClientCache();
    JhClientCache(const JhClientCache &) = delete;
    JhClientCache &operator=(const JhClientCache &) = delete;

    //! Opens \a path and reads it into \a contents. A damaged file is set aside (setAsideNote() says
    //! where) and an empty cache is opened instead; false only when no cache can be opened at all.
    bool open(const QString &path, Contents &contents);
    void close();
    QString errorMessage() const { return mError; }
    //! Non-empty after open() or setAside() moved a file away: a line for the log.
    QString setAsideNote() const { return mSetAsideNote; }
    QString path() const { return mPath; }

    //! Moves the file away (renamed with \a reason and the time) and starts an empty one.
    bool setAside(const QString &reason, const QDateTime &now);

    //! Replaces everything with \a state (after a snapshot).
    bool saveState(const JhWorldState &state, const QDateTime &now);
    //! Writes the objects \a change touched, as they are in \a state, and its last sequence.
    bool saveChange(const JhWorldState &state, const JhStateChange &change, const QDateTime &now);
    //! Site statuses (replacing all when \a full) and the status revision.
    bool saveSiteStatuses(const QList<JhSiteStatus> &statuses, bool full, qint64 revision,
                          const QDateTime &now);
    //! Who the cache belongs to and which central database it mirrors.
    bool saveIdentity(const JhUser &user, const QString &databaseId, const QString &url,
                      qint64 sitesRevision = 0);

    //! A fetched series by its query key; keeps the newest \a keep entries.
    bool saveSeries(const QString &key, const QJsonObject &result, const QDateTime &now, int keep);
    bool loadSeries(const QString &key, QJsonObject &result, QDateTime &fetchedAt);

private:
    bool fail(const QString &what, const QString &detail);
    bool openFile(const QString &path);
    bool read(Contents &contents, QString &problem);
    bool writeMeta(const QString &key, const QString &value);
    bool upsertObject(int kind, const QString &id, const QJsonObject &json);
    bool deleteObject(int kind, const QString &id);

    QString mPath;
    QString mConnectionName;
    QSqlDatabase mDatabase;
    std::unique_ptr<QSqlQuery> mUpsert; //!< prepared once: a snapshot writes thousands of rows
    QString mError;
    QString mSetAsideNote;
};
