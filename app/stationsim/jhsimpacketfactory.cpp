// Simulated logger packets.
#include "jhsimpacketfactory.h"

#include "jhhj212builder.h"
#include "jhhj212codes.h"
#include "jhhj212packet.h"
#include "jhsimfactormodel.h"

namespace {
std::string text(const QString &value)
{
    return value.toStdString();
}
} // namespace

QByteArray JhSimPacketFactory::beijingStamp(const QDateTime &timeUtc)
{
    return timeUtc.toUTC().addSecs(8 * 3600).toString(QStringLiteral("yyyyMMddHHmmss")).toLatin1();
}

QByteArray JhSimPacketFactory::qnFor(const QDateTime &timeUtc, int sequence)
{
    return beijingStamp(timeUtc) + QByteArray::number(1000 + sequence % 1000).mid(1);
}

QByteArray JhSimPacketFactory::systemCodeFor(JhSiteKind kind)
{
    switch (kind) {
    case JhSiteKind::SurfaceWater:
    case JhSiteKind::DrinkingWater:
    case JhSiteKind::Marine:
        return "21";
    case JhSiteKind::Noise:
        return "23";
    case JhSiteKind::PollutionSource:
        return "32";
    default:
        return "22";
    }
}

QByteArray JhSimPacketFactory::dataPacket(const JhSimLoggerProfile &profile, int command,
                                          const QDateTime &dataTimeUtc, const QVector<JhSimReading> &readings,
                                          const QByteArray &qn)
{
    const bool old = profile.version == JhHj212Version::V2005;
    JhHj212Packet packet;
    if (!qn.isEmpty())
        packet.setHeader(JhHj212Packet::Qn, qn.toStdString());
    packet.setHeader(JhHj212Packet::St, profile.systemCode.toStdString());
    packet.setHeader(JhHj212Packet::Cn, command);
    packet.setHeader(JhHj212Packet::Pw, profile.password.toStdString());
    packet.setHeader(JhHj212Packet::Mn, profile.mn.toStdString());
    packet.setHeader(JhHj212Packet::Flag, old ? 1 : 5);
    packet.addGroup();
    packet.addField("DataTime", (beijingStamp(dataTimeUtc) + (old ? "000" : "")).toStdString());
    const bool realtime = command == 2011;
    for (const JhSimReading &reading : readings) {
        QString code = reading.factorCode;
        if (old) {
            const JhHj212Codes::Pollutant *pollutant = JhHj212Codes::pollutant(code.toStdString());
            if (pollutant && pollutant->oldCode && *pollutant->oldCode)
                code = QString::fromLatin1(pollutant->oldCode);
        }
        const int decimals = JhSimFactorModel::decimals(reading.factorCode);
        packet.addGroup();
        if (realtime) {
            packet.addField(text(code + QStringLiteral("-Rtd")),
                            text(QString::number(reading.value, 'f', decimals)));
        } else {
            packet.addField(text(code + QStringLiteral("-Min")),
                            text(QString::number(reading.value * 0.9, 'f', decimals)));
            packet.addField(text(code + QStringLiteral("-Avg")),
                            text(QString::number(reading.value, 'f', decimals)));
            packet.addField(text(code + QStringLiteral("-Max")),
                            text(QString::number(reading.value * 1.1, 'f', decimals)));
        }
        packet.addField(text(code + QStringLiteral("-Flag")), text(reading.flag));
    }
    return JhHj212Builder::build(packet);
}
