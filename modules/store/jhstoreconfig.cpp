// Parsing of store URLs.
#include "jhstoreconfig.h"

#include <QDir>
#include <QUrl>
#include <QUrlQuery>

JhStoreConfig JhStoreConfig::inDataDirectory(const QString &dataDirectory)
{
    JhStoreConfig config;
    config.sqlitePath = QDir(dataDirectory).filePath(QStringLiteral("central.sqlite"));
    return config;
}

bool JhStoreConfig::fromUrl(const QString &text, JhStoreConfig &config, QString *error)
{
    auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return fail(QStringLiteral("not a valid URL: %1").arg(text));
    const QString scheme = url.scheme().toLower();
    JhStoreConfig result;
    if (scheme == QLatin1String("sqlite")) {
        result.dialect = Dialect::Sqlite;
        result.sqlitePath = url.path();
        if (result.sqlitePath.isEmpty())
            return fail(QStringLiteral("sqlite URL without a file path: %1").arg(text));
        const QString synchronous = QUrlQuery(url).queryItemValue(QStringLiteral("synchronous")).toLower();
        if (synchronous == QLatin1String("normal"))
            result.sqliteSynchronousFull = false;
        else if (!synchronous.isEmpty() && synchronous != QLatin1String("full"))
            return fail(QStringLiteral("synchronous must be full or normal, not %1").arg(synchronous));
    } else if (scheme == QLatin1String("postgresql") || scheme == QLatin1String("postgres")) {
        result.dialect = Dialect::Postgres;
        result.host = url.host().isEmpty() ? QStringLiteral("127.0.0.1") : url.host();
        result.port = url.port(5432);
        result.database = url.path().mid(1);
        result.user = url.userName();
        result.password = url.password();
        if (result.database.isEmpty())
            return fail(QStringLiteral("postgresql URL without a database name: %1").arg(text));
    } else {
        return fail(QStringLiteral("unknown store scheme \"%1\" (use sqlite: or postgresql:)").arg(scheme));
    }
    config = result;
    return true;
}

QString JhStoreConfig::displayUrl() const
{
    if (dialect == Dialect::Sqlite)
        return QStringLiteral("sqlite://%1").arg(sqlitePath);
    return QStringLiteral("postgresql://%1@%2:%3/%4").arg(user, host).arg(port).arg(database);
}

QString JhStoreConfig::sqliteObservationsPath() const
{
    const QString suffix = QStringLiteral(".sqlite");
    if (sqlitePath.endsWith(suffix))
        return sqlitePath.left(sqlitePath.size() - suffix.size()) + QStringLiteral("-observations") + suffix;
    return sqlitePath + QStringLiteral("-observations");
}
