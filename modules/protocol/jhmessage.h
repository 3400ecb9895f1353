// The versioned envelope of every workstation <-> central WebSocket message.
#pragma once

#include "jhprotocolerror.h"

#include "jhcommand.h"
#include "jhcommandresult.h"
#include "jhevent.h"
#include "jhseriesquery.h"
#include "jhseriesresult.h"
#include "jhsitestatus.h"
#include "jhuser.h"
#include "jhworldstate.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>

//! A message: {"v":1, "type":"<type>", "body":{...}}. Bodies per type are in docs/protocol examples;
//! the typed builders and readers below are the one way to make and read them.
class JhMessage
{
public:
    static constexpr int sVersion = 1;

    enum class Type
    {
        Hello,
        Welcome,
        Events,
        Snapshot,
        Command,
        CommandResult,
        Heartbeat,
        Error,
        SiteStatus,
        Query,
        QueryResult
    };

    //! What a client's hello says beyond token and last sequence (docs/protocol.md).
    struct HelloOptions
    {
        qint64 statusRevision = 0; //!< the site-status revision the client holds (0: none)
        bool wantSnapshot = false; //!< the client holds no reference data: send the state, not the events
        QString databaseId;        //!< the central database the client's copy came from (empty: unknown)
        qint64 sitesRevision = 0;  //!< the sites revision of the client's reference data (0: unknown)
    };

    JhMessage() = default;

    Type type() const { return mType; }
    QJsonObject body() const { return mBody; }

    static QString typeCode(Type type);
    static bool parseType(const QString &code, Type &type);

    //! Compact JSON text of the envelope.
    QByteArray encode() const;
    //! Parses an envelope; rejects other versions, unknown types and a missing body.
    static bool decode(const QByteArray &text, JhMessage &message, JhProtocolError *error = nullptr);

    // Builders ---------------------------------------------------------------------------------------
    //! Client -> central: authenticate and say where the client's event log ends.
    //! \a statusRevision: the site-status revision the client holds (0: none; only sent when set).
    static JhMessage hello(const QString &token, qint64 lastSequence, const QString &clientName,
                           qint64 statusRevision = 0);
    static JhMessage hello(const QString &token, qint64 lastSequence, const QString &clientName,
                           const HelloOptions &options);
    //! Central -> client: accepted; who the user is and the current head of the log.
    static JhMessage welcome(const JhUser &user, qint64 headSequence);
    //! With the identity of central's database (JhStore::databaseId) and the revision of its sites.
    static JhMessage welcome(const JhUser &user, qint64 headSequence, const QString &databaseId,
                             qint64 sitesRevision = 0);
    //! Central -> client: events in sequence order (catch-up pages and live pushes).
    static JhMessage events(const QList<JhEvent> &events);
    //! Central -> client: the whole state when the client is too far behind.
    static JhMessage snapshot(const JhWorldState &state);
    static JhMessage command(const JhCommand &command);
    static JhMessage commandResult(const JhCommandResult &result);
    static JhMessage heartbeat(const QDateTime &time, qint64 headSequence);
    static JhMessage error(const QString &code, const QString &message);
    //! Central -> client: live site statuses at \a revision; \a full: every site (replace what you hold),
    //! else only the sites changed since the revision the client held.
    static JhMessage siteStatus(qint64 revision, bool full, const QList<JhSiteStatus> &sites);
    //! The encoded text of siteStatus(\a revision, \a full, sites) from the sites' already encoded JSON
    //! (siteStatusJson()): byte for byte what encode() would give, without re-encoding a site per client.
    static QByteArray encodeSiteStatus(qint64 revision, bool full, const QList<QByteArray> &sitesJson);
    //! One site's entry of a site-status message, compact JSON.
    static QByteArray siteStatusJson(const JhSiteStatus &site);
    //! Client -> central: a time-series query (answered by a query-result with the same id).
    static JhMessage query(const JhSeriesQuery &query);
    //! Central -> client: the answer to the query with result.queryId.
    static JhMessage queryResult(const JhSeriesResult &result);

    // Readers (each checks the type and the body) ------------------------------------------------------
    bool readHello(QString &token, qint64 &lastSequence, QString &clientName,
                   JhProtocolError *error = nullptr) const;
    //! Also reads the optional statusRevision (0 when missing).
    bool readHello(QString &token, qint64 &lastSequence, QString &clientName, qint64 &statusRevision,
                   JhProtocolError *error = nullptr) const;
    //! Also reads the optional fields of HelloOptions (defaults when missing).
    bool readHello(QString &token, qint64 &lastSequence, QString &clientName, HelloOptions &options,
                   JhProtocolError *error = nullptr) const;
    bool readWelcome(JhUser &user, qint64 &headSequence, JhProtocolError *error = nullptr) const;
    //! The databaseId of a welcome (empty from a central that does not send one).
    QString welcomeDatabaseId() const { return mBody.value(QStringLiteral("databaseId")).toString(); }
    //! The sitesRevision of a welcome (0 from a central that does not send one).
    qint64 welcomeSitesRevision() const
    {
        return qint64(mBody.value(QStringLiteral("sitesRevision")).toDouble());
    }
    bool readEvents(QList<JhEvent> &events, JhProtocolError *error = nullptr) const;
    bool readSnapshot(JhWorldState &state, JhProtocolError *error = nullptr) const;
    bool readCommand(JhCommand &command, JhProtocolError *error = nullptr) const;
    bool readCommandResult(JhCommandResult &result, JhProtocolError *error = nullptr) const;
    bool readHeartbeat(QDateTime &time, qint64 &headSequence, JhProtocolError *error = nullptr) const;
    bool readError(QString &code, QString &message, JhProtocolError *error = nullptr) const;
    bool readSiteStatus(qint64 &revision, bool &full, QList<JhSiteStatus> &sites,
                        JhProtocolError *error = nullptr) const;
    //! On failure \a query holds what could be read (the id, if any) and error->field names the field.
    bool readQuery(JhSeriesQuery &query, JhProtocolError *error = nullptr) const;
    bool readQueryResult(JhSeriesResult &result, JhProtocolError *error = nullptr) const;

    bool operator==(const JhMessage &other) const { return mType == other.mType && mBody == other.mBody; }

private:
    JhMessage(Type type, const QJsonObject &body) : mType(type), mBody(body) {}
    bool expect(Type type, JhProtocolError *error) const;

    Type mType = Type::Heartbeat;
    QJsonObject mBody;
};
