// Settings of the central service: parsing helpers.
#include "jhcentralconfig.h"

#include <QJsonArray>

bool JhCentralConfig::storeConfig(JhStoreConfig &config, QString *error) const
{
    if (!databaseUrl.isEmpty())
        return JhStoreConfig::fromUrl(databaseUrl, config, error);
    config = JhStoreConfig::inDataDirectory(dataDirectory);
    return true;
}

bool JhCentralConfig::parseListen(const QString &text, QString &host, quint16 &port, QString *error)
{
    const int colon = text.lastIndexOf(QLatin1Char(':'));
    bool ok = false;
    const int value = colon < 0 ? -1 : text.mid(colon + 1).toInt(&ok);
    if (colon <= 0 || !ok || value < 0 || value > 65535) {
        if (error)
            *error = QStringLiteral("'%1' is not HOST:PORT").arg(text);
        return false;
    }
    host = text.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    port = quint16(value);
    return true;
}

void JhCentralConfig::readJson(const QJsonObject &object)
{
    const QJsonObject hj212 = object.value(QStringLiteral("hj212")).toObject();
    hj212Host = hj212.value(QStringLiteral("address")).toString(hj212Host);
    hj212Port = quint16(hj212.value(QStringLiteral("port")).toInt(hj212Port));
    ingestLimits.readJson(hj212.value(QStringLiteral("limits")).toObject());
    const QJsonObject hj212Tls = hj212.value(QStringLiteral("tls")).toObject();
    hj212TlsCertificatePath = hj212Tls.value(QStringLiteral("certificate")).toString(hj212TlsCertificatePath);
    hj212TlsKeyPath = hj212Tls.value(QStringLiteral("key")).toString(hj212TlsKeyPath);
    const QJsonObject api = object.value(QStringLiteral("api")).toObject();
    apiHost = api.value(QStringLiteral("address")).toString(apiHost);
    apiPort = quint16(api.value(QStringLiteral("port")).toInt(apiPort));
    const QJsonObject tls = object.value(QStringLiteral("tls")).toObject();
    tlsCertificatePath = tls.value(QStringLiteral("certificate")).toString(tlsCertificatePath);
    tlsKeyPath = tls.value(QStringLiteral("key")).toString(tlsKeyPath);
    dataDirectory = object.value(QStringLiteral("dataDir")).toString(dataDirectory);
    databaseUrl = object.value(QStringLiteral("database")).toString(databaseUrl);
    scenarioPath = object.value(QStringLiteral("scenario")).toString(scenarioPath);
    for (const QJsonValue &value : object.value(QStringLiteral("loggers")).toArray())
        loggerFiles.append(value.toString());
    statusFile = object.value(QStringLiteral("statusFile")).toString(statusFile);
    statusIntervalSeconds =
        object.value(QStringLiteral("statusIntervalSeconds")).toInt(statusIntervalSeconds);
}
