// Envelope encoding/decoding and the body of each message type.
#include "jhmessage.h"

#include "jhjsonmapping.h"
#include "jhtime.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {
using Code = JhProtocolError::Code;

struct TypeRow
{
    JhMessage::Type type;
    const char *code;
};

const TypeRow sTypes[] = {
    {JhMessage::Type::Hello, "hello"},
    {JhMessage::Type::Welcome, "welcome"},
    {JhMessage::Type::Events, "events"},
    {JhMessage::Type::Snapshot, "snapshot"},
    {JhMessage::Type::Command, "command"},
    {JhMessage::Type::CommandResult, "command-result"},
    {JhMessage::Type::Heartbeat, "heartbeat"},
    {JhMessage::Type::Error, "error"},
    {JhMessage::Type::SiteStatus, "site-status"},
    {JhMessage::Type::Query, "query"},
    {JhMessage::Type::QueryResult, "query-result"},
};

bool setError(JhProtocolError *error, Code code, const QString &message)
{
    if (error) {
        error->code = code;
        error->message = message;
    }
    return false;
}

bool ok(JhProtocolError *error)
{
    if (error)
        *error = JhProtocolError();
    return true;
}

//! A required field of a message body.
bool field(const QJsonObject &body, const char *key, QJsonValue::Type type, QJsonValue &value,
           JhProtocolError *error)
{
    value = body.value(QLatin1String(key));
    if (value.isUndefined())
        return setError(error, Code::MissingField,
                        QStringLiteral("body.%1: missing").arg(QLatin1String(key)));
    if (value.type() != type)
        return setError(error, Code::InvalidField,
                        QStringLiteral("body.%1: wrong type").arg(QLatin1String(key)));
    return true;
}
} // namespace

QString JhMessage::typeCode(Type type)
{
    for (const TypeRow &row : sTypes)
        if (row.type == type)
            return QString::fromLatin1(row.code);
    return QString();
}

bool JhMessage::parseType(const QString &code, Type &type)
{
    for (const TypeRow &row : sTypes)
        if (code == QLatin1String(row.code)) {
            type = row.type;
            return true;
        }
    return false;
}

QByteArray JhMessage::encode() const
{
    const QJsonObject envelope{{"v", sVersion}, {"type", typeCode(mType)}, {"body", mBody}};
    return QJsonDocument(envelope).toJson(QJsonDocument::Compact);
}

bool JhMessage::decode(const QByteArray &text, JhMessage &message, JhProtocolError *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text, &parseError);
    if (!document.isObject())
        return setError(error, Code::NotJson,
                        QStringLiteral("not a JSON object: %1 at offset %2")
                            .arg(parseError.errorString())
                            .arg(parseError.offset));
    const QJsonObject envelope = document.object();
    const QJsonValue version = envelope.value(QStringLiteral("v"));
    if (!version.isDouble())
        return setError(error, Code::MissingField, QStringLiteral("v: missing"));
    if (version.toDouble() != sVersion)
        return setError(error, Code::UnsupportedVersion,
                        QStringLiteral("protocol version %1 is not supported (this side speaks %2)")
                            .arg(version.toDouble())
                            .arg(sVersion));
    Type type;
    const QJsonValue typeValue = envelope.value(QStringLiteral("type"));
    if (!typeValue.isString())
        return setError(error, Code::MissingField, QStringLiteral("type: missing"));
    if (!parseType(typeValue.toString(), type))
        return setError(error, Code::UnknownMessageType,
                        QStringLiteral("type: unknown message type \"%1\"").arg(typeValue.toString()));
    const QJsonValue body = envelope.value(QStringLiteral("body"));
    if (!body.isObject())
        return setError(error, Code::MissingField, QStringLiteral("body: missing or not an object"));
    message = JhMessage(type, body.toObject());
    return ok(error);
}

bool JhMessage::expect(Type type, JhProtocolError *error) const
{
    if (mType == type)
        return true;
    return setError(error, Code::InvalidField,
                    QStringLiteral("expected a %1 message, got %2").arg(typeCode(type), typeCode(mType)));
}

JhMessage JhMessage::hello(const QString &token, qint64 lastSequence, const QString &clientName,
                           qint64 statusRevision)
{
    QJsonObject body{{"token", token}, {"lastSeq", lastSequence}, {"client", clientName}};
    if (statusRevision > 0)
        body.insert(QStringLiteral("statusRevision"), statusRevision);
    return JhMessage(Type::Hello, body);
}

JhMessage JhMessage::hello(const QString &token, qint64 lastSequence, const QString &clientName,
                           const HelloOptions &options)
{
    JhMessage message = hello(token, lastSequence, clientName, options.statusRevision);
    if (options.wantSnapshot)
        message.mBody.insert(QStringLiteral("snapshot"), true);
    if (!options.databaseId.isEmpty())
        message.mBody.insert(QStringLiteral("databaseId"), options.databaseId);
    if (options.sitesRevision > 0)
        message.mBody.insert(QStringLiteral("sitesRevision"), options.sitesRevision);
    return message;
}

JhMessage JhMessage::welcome(const JhUser &user, qint64 headSequence, const QString &databaseId,
                             qint64 sitesRevision)
{
    JhMessage message = welcome(user, headSequence);
    if (!databaseId.isEmpty())
        message.mBody.insert(QStringLiteral("databaseId"), databaseId);
    if (sitesRevision > 0)
        message.mBody.insert(QStringLiteral("sitesRevision"), sitesRevision);
    return message;
}

JhMessage JhMessage::welcome(const JhUser &user, qint64 headSequence)
{
    return JhMessage(Type::Welcome, {{"user", JhJsonMapping::toJson(user)}, {"headSeq", headSequence}});
}

JhMessage JhMessage::events(const QList<JhEvent> &events)
{
    QJsonArray array;
    for (const JhEvent &event : events)
        array.append(JhJsonMapping::toJson(event));
    return JhMessage(Type::Events, {{"events", array}});
}

JhMessage JhMessage::snapshot(const JhWorldState &state)
{
    return JhMessage(Type::Snapshot, {{"state", JhJsonMapping::toJson(state)}});
}

JhMessage JhMessage::command(const JhCommand &command)
{
    return JhMessage(Type::Command, {{"command", JhJsonMapping::toJson(command)}});
}

JhMessage JhMessage::commandResult(const JhCommandResult &result)
{
    return JhMessage(Type::CommandResult, {{"result", JhJsonMapping::toJson(result)}});
}

JhMessage JhMessage::heartbeat(const QDateTime &time, qint64 headSequence)
{
    return JhMessage(Type::Heartbeat, {{"time", JhTime::toText(time)}, {"headSeq", headSequence}});
}

JhMessage JhMessage::error(const QString &code, const QString &message)
{
    return JhMessage(Type::Error, {{"code", code}, {"message", message}});
}

JhMessage JhMessage::siteStatus(qint64 revision, bool full, const QList<JhSiteStatus> &sites)
{
    QJsonArray array;
    for (const JhSiteStatus &site : sites)
        array.append(JhJsonMapping::toJson(site));
    return JhMessage(Type::SiteStatus, {{"revision", revision}, {"full", full}, {"sites", array}});
}

QByteArray JhMessage::siteStatusJson(const JhSiteStatus &site)
{
    return QJsonDocument(JhJsonMapping::toJson(site)).toJson(QJsonDocument::Compact);
}

QByteArray JhMessage::encodeSiteStatus(qint64 revision, bool full, const QList<QByteArray> &sitesJson)
{
    // The key order QJsonDocument writes (sorted): body{full, revision, sites}, type, v.
    qsizetype size = 96;
    for (const QByteArray &site : sitesJson)
        size += site.size() + 1;
    QByteArray text;
    text.reserve(int(size));
    text += "{\"body\":{\"full\":";
    text += full ? "true" : "false";
    text += ",\"revision\":";
    text += QByteArray::number(revision);
    text += ",\"sites\":[";
    for (int i = 0; i < sitesJson.size(); ++i) {
        if (i)
            text += ',';
        text += sitesJson.at(i);
    }
    text += "]},\"type\":\"site-status\",\"v\":";
    text += QByteArray::number(sVersion);
    text += '}';
    return text;
}

bool JhMessage::readHello(QString &token, qint64 &lastSequence, QString &clientName,
                          JhProtocolError *error) const
{
    QJsonValue tokenValue, sequenceValue;
    if (!expect(Type::Hello, error) || !field(mBody, "token", QJsonValue::String, tokenValue, error) ||
        !field(mBody, "lastSeq", QJsonValue::Double, sequenceValue, error))
        return false;
    if (sequenceValue.toDouble() < 0)
        return setError(error, Code::InvalidField, QStringLiteral("body.lastSeq: must be zero or positive"));
    token = tokenValue.toString();
    lastSequence = qint64(sequenceValue.toDouble());
    clientName = mBody.value(QStringLiteral("client")).toString();
    return ok(error);
}

bool JhMessage::readHello(QString &token, qint64 &lastSequence, QString &clientName, qint64 &statusRevision,
                          JhProtocolError *error) const
{
    if (!readHello(token, lastSequence, clientName, error))
        return false;
    const QJsonValue value = mBody.value(QStringLiteral("statusRevision"));
    statusRevision = 0;
    if (value.isUndefined() || value.isNull())
        return true;
    if (!value.isDouble() || value.toDouble() < 0)
        return setError(error, Code::InvalidField,
                        QStringLiteral("body.statusRevision: must be zero or positive"));
    statusRevision = qint64(value.toDouble());
    return true;
}

bool JhMessage::readHello(QString &token, qint64 &lastSequence, QString &clientName, HelloOptions &options,
                          JhProtocolError *error) const
{
    options = HelloOptions();
    if (!readHello(token, lastSequence, clientName, options.statusRevision, error))
        return false;
    const QJsonValue snapshot = mBody.value(QStringLiteral("snapshot"));
    const QJsonValue databaseId = mBody.value(QStringLiteral("databaseId"));
    const QJsonValue sitesRevision = mBody.value(QStringLiteral("sitesRevision"));
    if (!sitesRevision.isUndefined() && !sitesRevision.isDouble())
        return setError(error, Code::InvalidField, QStringLiteral("body.sitesRevision: must be a number"));
    options.sitesRevision = qint64(sitesRevision.toDouble());
    if (!snapshot.isUndefined() && !snapshot.isBool())
        return setError(error, Code::InvalidField, QStringLiteral("body.snapshot: must be true or false"));
    if (!databaseId.isUndefined() && !databaseId.isString())
        return setError(error, Code::InvalidField, QStringLiteral("body.databaseId: must be a string"));
    options.wantSnapshot = snapshot.toBool();
    options.databaseId = databaseId.toString();
    return ok(error);
}

bool JhMessage::readWelcome(JhUser &user, qint64 &headSequence, JhProtocolError *error) const
{
    QJsonValue userValue, sequenceValue;
    if (!expect(Type::Welcome, error) || !field(mBody, "user", QJsonValue::Object, userValue, error) ||
        !field(mBody, "headSeq", QJsonValue::Double, sequenceValue, error))
        return false;
    if (!JhJsonMapping::fromJson(userValue.toObject(), user, error))
        return false;
    headSequence = qint64(sequenceValue.toDouble());
    return ok(error);
}

bool JhMessage::readEvents(QList<JhEvent> &events, JhProtocolError *error) const
{
    QJsonValue array;
    if (!expect(Type::Events, error) || !field(mBody, "events", QJsonValue::Array, array, error))
        return false;
    events.clear();
    const QJsonArray values = array.toArray();
    for (int i = 0; i < values.size(); ++i) {
        JhEvent event;
        if (!JhJsonMapping::fromJson(values.at(i).toObject(), event, error)) {
            if (error)
                error->message = QStringLiteral("body.events[%1].%2").arg(i).arg(error->message);
            return false;
        }
        events.append(event);
    }
    return ok(error);
}

bool JhMessage::readSnapshot(JhWorldState &state, JhProtocolError *error) const
{
    QJsonValue value;
    return expect(Type::Snapshot, error) && field(mBody, "state", QJsonValue::Object, value, error) &&
           JhJsonMapping::fromJson(value.toObject(), state, error);
}

bool JhMessage::readCommand(JhCommand &command, JhProtocolError *error) const
{
    QJsonValue value;
    return expect(Type::Command, error) && field(mBody, "command", QJsonValue::Object, value, error) &&
           JhJsonMapping::fromJson(value.toObject(), command, error);
}

bool JhMessage::readCommandResult(JhCommandResult &result, JhProtocolError *error) const
{
    QJsonValue value;
    return expect(Type::CommandResult, error) && field(mBody, "result", QJsonValue::Object, value, error) &&
           JhJsonMapping::fromJson(value.toObject(), result, error);
}

bool JhMessage::readHeartbeat(QDateTime &time, qint64 &headSequence, JhProtocolError *error) const
{
    QJsonValue timeValue, sequenceValue;
    if (!expect(Type::Heartbeat, error) || !field(mBody, "time", QJsonValue::String, timeValue, error) ||
        !field(mBody, "headSeq", QJsonValue::Double, sequenceValue, error))
        return false;
    time = JhTime::fromText(timeValue.toString());
    if (!time.isValid())
        return setError(error, Code::InvalidField, QStringLiteral("body.time: must be an ISO 8601 time"));
    headSequence = qint64(sequenceValue.toDouble());
    return ok(error);
}

bool JhMessage::readError(QString &code, QString &message, JhProtocolError *error) const
{
    QJsonValue codeValue;
    if (!expect(Type::Error, error) || !field(mBody, "code", QJsonValue::String, codeValue, error))
        return false;
    code = codeValue.toString();
    message = mBody.value(QStringLiteral("message")).toString();
    return ok(error);
}

bool JhMessage::readSiteStatus(qint64 &revision, bool &full, QList<JhSiteStatus> &sites,
                               JhProtocolError *error) const
{
    QJsonValue revisionValue, fullValue, array;
    if (!expect(Type::SiteStatus, error) ||
        !field(mBody, "revision", QJsonValue::Double, revisionValue, error) ||
        !field(mBody, "full", QJsonValue::Bool, fullValue, error) ||
        !field(mBody, "sites", QJsonValue::Array, array, error))
        return false;
    revision = qint64(revisionValue.toDouble());
    full = fullValue.toBool();
    sites.clear();
    const QJsonArray values = array.toArray();
    for (int i = 0; i < values.size(); ++i) {
        JhSiteStatus site;
        if (!JhJsonMapping::fromJson(values.at(i).toObject(), site, error)) {
            if (error)
                error->message = QStringLiteral("body.sites[%1].%2").arg(i).arg(error->message);
            return false;
        }
        sites.append(site);
    }
    return ok(error);
}

JhMessage JhMessage::query(const JhSeriesQuery &query)
{
    return JhMessage(Type::Query, {{"query", JhJsonMapping::toJson(query)}});
}

JhMessage JhMessage::queryResult(const JhSeriesResult &result)
{
    return JhMessage(Type::QueryResult, {{"result", JhJsonMapping::toJson(result)}});
}

bool JhMessage::readQuery(JhSeriesQuery &query, JhProtocolError *error) const
{
    QJsonValue value;
    if (!expect(Type::Query, error) || !field(mBody, "query", QJsonValue::Object, value, error)) {
        if (error)
            error->field = QStringLiteral("query");
        return false;
    }
    return JhJsonMapping::fromJson(value.toObject(), query, error);
}

bool JhMessage::readQueryResult(JhSeriesResult &result, JhProtocolError *error) const
{
    QJsonValue value;
    return expect(Type::QueryResult, error) && field(mBody, "result", QJsonValue::Object, value, error) &&
           JhJsonMapping::fromJson(value.toObject(), result, error);
}
