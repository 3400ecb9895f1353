// One connected workstation on the WebSocket API: its handshake, catch-up position and output bound.
#pragma once

#include "jhevent.h"
#include "jhmessage.h"
#include "jhuser.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QWebSocket>

class JhWebSocketApi;

//! The per-client state machine: AwaitingHello -> CatchingUp (pages read from the log, paced by what the
//! socket has written) -> Live (events pushed as they are appended) -> Closed.
class JhApiSession : public QObject
{
    Q_OBJECT
public:
    enum class State
    {
        AwaitingHello,
        CatchingUp,
        Live,
        Closed
    };

    JhApiSession(QWebSocket *socket, JhWebSocketApi *api);
    ~JhApiSession() override;

    State state() const { return mState; }
    QString userId() const { return mUser.id; }
    //! Bytes handed to the socket and not yet written to the network.
    qint64 pendingBytes() const { return qMax<qint64>(0, mQueuedBytes - mWrittenBytes); }

    //! The whole state again (sites were imported: reference data changed); live sessions only.
    void sendSnapshot();
    //! Live events from the journal (ignored while catching up: the log is read instead).
    void pushEvents(const QList<JhEvent> &events);
    //! Sites whose live status changed: sent with the next status flush (a set, so never a backlog).
    void noteSiteStatusChanged(const QSet<QString> &siteIds);
    //! Periodic: at most once per statusFlushIntervalMs, sends the current status of the changed sites,
    //! unless the client has more than statusMaxPendingBytes unsent (then it waits for a later flush).
    void flushSiteStatus();
    //! Periodic: drops an idle client; sends a heartbeat when \a heartbeat is set.
    void tick(bool heartbeat);
    //! Sends an error message, then closes with \a closeCode.
    void closeWithError(const QString &code, const QString &message, int closeCode);

signals:
    void finished(JhApiSession *session, const QString &reasonCode);
    void opened(JhApiSession *session, const QString &clientName);

private:
    void onText(const QString &text);
    void onBytesWritten(qint64 bytes);
    void onDisconnected();
    void handleHello(const JhMessage &message);
    void handleCommand(const JhMessage &message);
    //! A time-series query: refused at once, or posted to the query worker (answered when it is done).
    void handleQuery(const JhMessage &message);
    void pump();
    //! Entering Live: the sites changed since the client's statusRevision, or all of them.
    void goLive();
    void send(const JhMessage &message);
    //! Sends a message encoded elsewhere (query results are encoded on the query worker).
    //! An already encoded message (UTF-8 JSON text).
    void sendUtf8(const QByteArray &text);
    void sendText(const QString &text, qint64 utf8Bytes);

    QPointer<QWebSocket> mSocket;
    JhWebSocketApi *mApi;
    State mState = State::AwaitingHello;
    JhUser mUser;
    QString mToken;
    QString mClientName;
    QString mCloseReason;
    qint64 mSentSequence = 0;     //!< the last event sequence sent (or covered by the snapshot)
    qint64 mStatusRevision = 0;   //!< the site-status revision the client holds
    qint64 mLastStatusMs = 0;     //!< when site statuses were last sent
    QSet<QString> mPendingStatus; //!< sites changed since they were last sent
    int mQueriesRunning = 0;      //!< queries posted to the worker and not answered yet
    qint64 mQueuedBytes = 0;
    qint64 mWrittenBytes = 0;
    qint64 mLastReceivedMs = 0;
    bool mFinished = false;
};
