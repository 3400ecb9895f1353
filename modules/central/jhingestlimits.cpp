// JSON form of the ingest limits (the "limits" object of the central configuration).
#include "jhingestlimits.h"

namespace {
template <typename T>
void readValue(const QJsonObject &object, const char *key, T *value)
{
    const QJsonValue json = object.value(QLatin1String(key));
    if (json.isDouble())
        *value = T(json.toDouble());
}
} // namespace

void JhIngestLimits::readJson(const QJsonObject &object)
{
    readValue(object, "maxConnections", &maxConnections);
    readValue(object, "maxConnectionsPerPeer", &maxConnectionsPerPeer);
    readValue(object, "maxFrameBytes", &maxFrameBytes);
    readValue(object, "maxDataLength", &maxDataLength);
    readValue(object, "maxPacketsPerSecond", &maxPacketsPerSecond);
    readValue(object, "packetBurst", &packetBurst);
    readValue(object, "maxPendingCommits", &maxPendingCommits);
    readValue(object, "maxRejectedFrames", &maxRejectedFrames);
    readValue(object, "idleTimeoutMs", &idleTimeoutMs);
    readValue(object, "packetTimeoutMs", &packetTimeoutMs);
    readValue(object, "readBufferBytes", &readBufferBytes);
    readValue(object, "maxUnknownLoggers", &maxUnknownLoggers);
    readValue(object, "splitTimeoutMs", &splitTimeoutMs);
}

QJsonObject JhIngestLimits::toJson() const
{
    QJsonObject object;
    object.insert(QStringLiteral("maxConnections"), maxConnections);
    object.insert(QStringLiteral("maxConnectionsPerPeer"), maxConnectionsPerPeer);
    object.insert(QStringLiteral("maxFrameBytes"), maxFrameBytes);
    object.insert(QStringLiteral("maxDataLength"), maxDataLength);
    object.insert(QStringLiteral("maxPacketsPerSecond"), maxPacketsPerSecond);
    object.insert(QStringLiteral("packetBurst"), packetBurst);
    object.insert(QStringLiteral("maxPendingCommits"), maxPendingCommits);
    object.insert(QStringLiteral("maxRejectedFrames"), maxRejectedFrames);
    object.insert(QStringLiteral("idleTimeoutMs"), idleTimeoutMs);
    object.insert(QStringLiteral("packetTimeoutMs"), packetTimeoutMs);
    object.insert(QStringLiteral("readBufferBytes"), readBufferBytes);
    object.insert(QStringLiteral("maxUnknownLoggers"), maxUnknownLoggers);
    object.insert(QStringLiteral("splitTimeoutMs"), splitTimeoutMs);
    return object;
}
