// The workstation API: a WebSocket server (wss when a certificate is configured) speaking JhMessage.
#pragma once

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QTimer>

#include <functional>

class JhApiSession;
class JhAuthenticator;
class JhCommandService;
class JhEventJournal;
class QWebSocketServer;
struct JhEvent;

//! Accepts workstation connections and keeps one JhApiSession per client: hello -> welcome + catch-up
//! (event pages or a snapshot) -> live events; commands -> command-result; heartbeats; idle and slow
//! clients are closed with a reason (docs/protocol.md lists the codes).
class JhWebSocketApi : public QObject
{
    Q_OBJECT
public:
    //! Limits per client; see JhCentralConfig for the defaults of the service.
    struct Settings
    {
        int catchUpPageEvents = 2000;
        qint64 snapshotThreshold = 250000;
        int heartbeatIntervalMs = 15000;
        int idleTimeoutMs = 45000;
        qint64 maxPendingBytes = 16 * 1024 * 1024;
    };

    JhWebSocketApi(JhEventJournal *journal, JhCommandService *commands, JhAuthenticator *authenticator,
                   QObject *parent = nullptr);
    ~JhWebSocketApi() override;

    void setSettings(const Settings &settings);
    const Settings &settings() const { return mSettings; }
    //! Serve wss:// with this PEM certificate (chain) and key; call before listen().
    bool setTls(const QString &certificatePath, const QString &keyPath, QString *error = nullptr);
    bool isSecure() const { return mSecure; }

    bool listen(const QHostAddress &address, quint16 port);
    quint16 serverPort() const;
    QString errorString() const;
    //! Stops listening and closes every session (going away).
    void close();
    int sessionCount() const { return mSessions.size(); }

    JhEventJournal *journal() const { return mJournal; }
    JhCommandService *commands() const { return mCommands; }
    const JhAuthenticator *authenticator() const { return mAuthenticator; }
    qint64 nowMs() const;

signals:
    void sessionOpened(const QString &userId, const QString &clientName);
    //! A session ended; \a reasonCode is the error code it was closed with ("" for a normal close).
    void sessionClosed(const QString &userId, const QString &reasonCode);

private:
    void createServer();
    void onNewConnection();
    void onEventsAppended(const QList<JhEvent> &events);
    void onTick();

    JhEventJournal *mJournal;
    JhCommandService *mCommands;
    JhAuthenticator *mAuthenticator;
    Settings mSettings;
    bool mSecure = false;
    QWebSocketServer *mServer = nullptr;
    QList<JhApiSession *> mSessions;
    QTimer mTicker;
    qint64 mLastHeartbeatMs = 0;
};
