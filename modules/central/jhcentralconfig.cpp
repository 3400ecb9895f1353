// Settings of the central service: parsing helpers.
#include "jhcentralconfig.h"

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
