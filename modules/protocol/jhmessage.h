// The versioned envelope of every workstation <-> central WebSocket message.
#pragma once

#include "jhprotocolerror.h"

#include "jhcommand.h"
#include "jhcommandresult.h"
#include "jhevent.h"
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
        Error
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
    static JhMessage hello(const QString &token, qint64 lastSequence, const QString &clientName);
    //! Central -> client: accepted; who the user is and the current head of the log.
    static JhMessage welcome(const JhUser &user, qint64 headSequence);
    //! Central -> client: events in sequence order (catch-up pages and live pushes).
    static JhMessage events(const QList<JhEvent> &events);
    //! Central -> client: the whole state when the client is too far behind.
    static JhMessage snapshot(const JhWorldState &state);
    static JhMessage command(const JhCommand &command);
    static JhMessage commandResult(const JhCommandResult &result);
    static JhMessage heartbeat(const QDateTime &time, qint64 headSequence);
    static JhMessage error(const QString &code, const QString &message);

    // Readers (each checks the type and the body) ------------------------------------------------------
    bool readHello(QString &token, qint64 &lastSequence, QString &clientName,
                   JhProtocolError *error = nullptr) const;
    bool readWelcome(JhUser &user, qint64 &headSequence, JhProtocolError *error = nullptr) const;
    bool readEvents(QList<JhEvent> &events, JhProtocolError *error = nullptr) const;
    bool readSnapshot(JhWorldState &state, JhProtocolError *error = nullptr) const;
    bool readCommand(JhCommand &command, JhProtocolError *error = nullptr) const;
    bool readCommandResult(JhCommandResult &result, JhProtocolError *error = nullptr) const;
    bool readHeartbeat(QDateTime &time, qint64 &headSequence, JhProtocolError *error = nullptr) const;
    bool readError(QString &code, QString &message, JhProtocolError *error = nullptr) const;

    bool operator==(const JhMessage &other) const { return mType == other.mType && mBody == other.mBody; }

private:
    JhMessage(Type type, const QJsonObject &body) : mType(type), mBody(body) {}
    bool expect(Type type, JhProtocolError *error) const;

    Type mType = Type::Heartbeat;
    QJsonObject mBody;
};
