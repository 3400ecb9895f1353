// Test support: a QWebSocket workstation client that records every JhMessage it receives.
#pragma once

#include "jhmessage.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTest>
#include <QWebSocket>

//! Connects, says hello, collects messages and the close code; events() flattens every events message.
class JhWebSocketTestClient : public QObject
{
    Q_OBJECT
public:
    JhWebSocketTestClient()
    {
        connect(&mSocket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
            mTexts.append(text);
            capture("<- ", text);
            JhMessage message;
            if (JhMessage::decode(text.toUtf8(), message))
                mMessages.append(message);
            else
                qWarning() << "undecodable message" << text.left(200);
        });
        connect(&mSocket, &QWebSocket::disconnected, this, [this]() {
            mClosed = true;
            mCloseCode = int(mSocket.closeCode());
        });
    }

    QWebSocket &socket() { return mSocket; }

    bool open(quint16 port)
    {
        mSocket.open(QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(port)));
        return waitFor([this]() { return mSocket.state() == QAbstractSocket::ConnectedState; });
    }

    void send(const JhMessage &message) { sendRaw(QString::fromUtf8(message.encode())); }
    void sendRaw(const QString &text)
    {
        if (text.size() < 4096)
            capture("-> ", text);
        mSocket.sendTextMessage(text);
    }
    void hello(const QString &token, qint64 lastSequence)
    {
        send(JhMessage::hello(token, lastSequence, QStringLiteral("test-client")));
    }

    template <typename Predicate>
    static bool waitFor(Predicate predicate, int timeoutMs = 10000)
    {
        QElapsedTimer timer;
        timer.start();
        while (!predicate()) {
            if (timer.elapsed() > timeoutMs)
                return false;
            QTest::qWait(5);
        }
        return true;
    }

    const QList<JhMessage> &messages() const { return mMessages; }
    QStringList texts() const { return mTexts; }
    int count(JhMessage::Type type) const
    {
        int n = 0;
        for (const JhMessage &message : mMessages)
            n += message.type() == type ? 1 : 0;
        return n;
    }
    const JhMessage *first(JhMessage::Type type) const
    {
        for (const JhMessage &message : mMessages) {
            if (message.type() == type)
                return &message;
        }
        return nullptr;
    }
    QList<JhEvent> events() const
    {
        QList<JhEvent> result;
        for (const JhMessage &message : mMessages) {
            QList<JhEvent> page;
            if (message.type() == JhMessage::Type::Events && message.readEvents(page))
                result += page;
        }
        return result;
    }
    qint64 lastSequence() const
    {
        const QList<JhEvent> all = events();
        return all.isEmpty() ? 0 : all.constLast().sequence;
    }
    QString errorCode() const
    {
        const JhMessage *error = first(JhMessage::Type::Error);
        QString code;
        QString text;
        if (error)
            error->readError(code, text);
        return code;
    }
    bool isClosed() const { return mClosed; }
    int closeCode() const { return mCloseCode; }
    void clear()
    {
        mMessages.clear();
        mTexts.clear();
    }

private:
    //! With JH_PROTOCOL_CAPTURE=<file>, every message is appended there (docs/protocol.md examples).
    static void capture(const char *direction, const QString &text)
    {
        const QString path = qEnvironmentVariable("JH_PROTOCOL_CAPTURE");
        if (path.isEmpty())
            return;
        QFile file(path);
        if (file.open(QIODevice::Append))
            file.write(QByteArray(direction) + text.left(1500).toUtf8() + '\n');
    }

    QWebSocket mSocket;
    QList<JhMessage> mMessages;
    QStringList mTexts;
    bool mClosed = false;
    int mCloseCode = 0;
};
