// Where the store lives: an SQLite file in a data folder (default) or a PostgreSQL database (production).
#pragma once

#include <QString>

//! Connection spec parsed from a URL:
//!   sqlite:///var/lib/jianghai/central.sqlite   (or sqlite:relative/file.sqlite)
//!   postgresql://user:password@host:5432/database  (postgres:// accepted)
//! SQLite options: ?synchronous=full|normal (default full: a commit survives a power cut).
struct JhStoreConfig
{
    enum class Dialect
    {
        Sqlite,
        Postgres
    };

    Dialect dialect = Dialect::Sqlite;
    QString sqlitePath;
    bool sqliteSynchronousFull = true;
    QString host = QStringLiteral("127.0.0.1");
    int port = 5432;
    QString database;
    QString user;
    QString password;

    //! The embedded default: \a dataDirectory/central.sqlite.
    static JhStoreConfig inDataDirectory(const QString &dataDirectory);
    //! Parses a URL; on failure returns false and sets \a error.
    static bool fromUrl(const QString &url, JhStoreConfig &config, QString *error = nullptr);
    //! SQLite: the file beside sqlitePath that holds the observations (central.sqlite ->
    //! central-observations.sqlite), written on a connection of its own.
    QString sqliteObservationsPath() const;
    //! URL form without the password (for logs).
    QString displayUrl() const;
};
