// Test helpers for the ingest suites: a scripted logger client over real TCP and packet makers.
#pragma once

#include "jhhj212builder.h"
#include "jhhj212packet.h"
#include "jhhj212parser.h"

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QTcpSocket>

//! A logger's side of a connection: writes raw bytes and collects the lines the server sends back.
class TestLogger : public QObject
{
public:
    explicit TestLogger(quint16 port)
    {
        QObject::connect(&socket, &QTcpSocket::readyRead, this, [this]() {
            buffer += socket.readAll();
            int end;
            while ((end = buffer.indexOf('\n')) >= 0) {
                replies.append(buffer.left(end + 1));
                buffer.remove(0, end + 1);
            }
        });
        socket.connectToHost(QHostAddress::LocalHost, port);
    }
    bool isConnected() const { return socket.state() == QAbstractSocket::ConnectedState; }
    void send(const QByteArray &bytes)
    {
        socket.write(bytes);
        socket.flush();
    }
    //! The replies parsed; a reply that does not parse fails the caller's comparison.
    QList<JhHj212Packet> parsedReplies() const
    {
        QList<JhHj212Packet> packets;
        JhHj212Parser parser;
        for (const QByteArray &line : replies) {
            JhHj212Packet packet;
            if (parser.parse(line, packet).isOk())
                packets.append(packet);
        }
        return packets;
    }

    QTcpSocket socket;
    QByteArray buffer;
    QList<QByteArray> replies;
};

//! A 2017 packet: header QN/ST/CN/PW/MN/Flag, CP = DataTime then one group per factor (value, flag).
inline QByteArray makePacket(const QByteArray &mn, const QByteArray &password, int command,
                             const QByteArray &qn, int flag, const QByteArray &dataTime,
                             const QList<QPair<QByteArray, QByteArray>> &fields,
                             const JhHj212Builder::Quirks &quirks = JhHj212Builder::Quirks())
{
    JhHj212Packet packet;
    if (!qn.isEmpty())
        packet.setHeader(JhHj212Packet::Qn, qn.toStdString());
    packet.setHeader(JhHj212Packet::St, "22");
    packet.setHeader(JhHj212Packet::Cn, command);
    packet.setHeader(JhHj212Packet::Pw, password.toStdString());
    packet.setHeader(JhHj212Packet::Mn, mn.toStdString());
    if (flag >= 0)
        packet.setHeader(JhHj212Packet::Flag, flag);
    packet.addGroup();
    if (!dataTime.isEmpty())
        packet.addField("DataTime", dataTime.toStdString());
    for (const auto &field : fields) {
        if (field.first.endsWith("-Rtd") || field.first.endsWith("-Avg") || field.first.startsWith("i") ||
            !field.first.contains('-'))
            packet.addGroup();
        packet.addField(field.first.toStdString(), field.second.toStdString());
    }
    return JhHj212Builder::build(packet, quirks);
}
