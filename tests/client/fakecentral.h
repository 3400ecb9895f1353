// Test support: a hostile or broken "central" speaking raw WebSocket over TCP, frame by frame.
#pragma once

#include <QCryptographicHash>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <functional>

//! Accepts connections, completes (or withholds) the WebSocket handshake, and hands each connection to a
//! behaviour that writes whatever frames the test wants: garbage, a frame header announcing 64 MiB, a message
//! that never ends, or nothing at all. Counts connections and the bytes it managed to write.
class JhFakeCentral : public QObject
{
public:
    using Behaviour = std::function<void(QTcpSocket *socket)>;

    explicit JhFakeCentral(bool completeHandshake = true) : mCompleteHandshake(completeHandshake)
    {
        mServer.listen(QHostAddress::LocalHost, 0);
        connect(&mServer, &QTcpServer::newConnection, this, [this]() {
            while (QTcpSocket *socket = mServer.nextPendingConnection()) {
                ++mConnections;
                socket->setParent(this);
                connect(socket, &QTcpSocket::bytesWritten, this, [this](qint64 n) { mBytesWritten += n; });
                connect(socket, &QTcpSocket::disconnected, this, [this]() { ++mDisconnects; });
                auto *request = new QByteArray;
                connect(socket, &QTcpSocket::readyRead, this, [this, socket, request]() {
                    if (request->endsWith("\r\n\r\n") || request->contains("\r\n\r\n")) {
                        mReceived += socket->readAll(); // frames from the client after the handshake
                        return;
                    }
                    *request += socket->readAll();
                    if (!request->contains("\r\n\r\n") || !mCompleteHandshake)
                        return;
                    socket->write(handshakeReply(*request));
                    if (mBehaviour)
                        mBehaviour(socket);
                });
                connect(socket, &QObject::destroyed, this, [request]() { delete request; });
            }
        });
    }

    QString url() const { return QStringLiteral("ws://127.0.0.1:%1").arg(mServer.serverPort()); }
    void setBehaviour(Behaviour behaviour) { mBehaviour = std::move(behaviour); }
    int connections() const { return mConnections; }
    int disconnects() const { return mDisconnects; }
    qint64 bytesWritten() const { return mBytesWritten; }
    QByteArray received() const { return mReceived; }

    //! A server frame (not masked). \a opcode 1 text, 0 continuation.
    static QByteArray frame(const QByteArray &payload, int opcode = 1, bool fin = true)
    {
        return frameHeader(payload.size(), opcode, fin) + payload;
    }
    static QByteArray frameHeader(quint64 length, int opcode = 1, bool fin = true)
    {
        QByteArray header;
        header.append(char((fin ? 0x80 : 0x00) | opcode));
        if (length < 126) {
            header.append(char(length));
        } else if (length <= 0xFFFF) {
            header.append(char(126));
            header.append(char(length >> 8)).append(char(length & 0xFF));
        } else {
            header.append(char(127));
            for (int shift = 56; shift >= 0; shift -= 8)
                header.append(char((length >> shift) & 0xFF));
        }
        return header;
    }
    static QByteArray welcome()
    {
        return R"({"v":1,"type":"welcome","body":{"headSeq":0,"user":{"id":"duty","displayName":"duty","role":"duty-officer","teamId":""}}})";
    }

private:
    static QByteArray handshakeReply(const QByteArray &request)
    {
        QByteArray key;
        for (const QByteArray &line : request.split('\n'))
            if (line.toLower().startsWith("sec-websocket-key:"))
                key = line.mid(int(qstrlen("sec-websocket-key:"))).trimmed();
        const QByteArray accept =
            QCryptographicHash::hash(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11", QCryptographicHash::Sha1)
                .toBase64();
        return "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
               "Sec-WebSocket-Accept: " +
               accept + "\r\n\r\n";
    }

    QTcpServer mServer;
    bool mCompleteHandshake;
    Behaviour mBehaviour;
    int mConnections = 0;
    int mDisconnects = 0;
    qint64 mBytesWritten = 0;
    QByteArray mReceived;
};
