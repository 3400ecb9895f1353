// Settings of the central service: where the store lives, the two listening ports, API limits.
#pragma once

#include "jhingestlimits.h"

#include "jhstoreconfig.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

//! Everything `jianghai-central serve` is told by its arguments; defaults suit a single-machine install.
struct JhCentralConfig
{
    QString dataDirectory = QStringLiteral("data"); //!< SQLite store in dataDirectory/central.sqlite
    QString databaseUrl;                            //!< when set, overrides dataDirectory (PostgreSQL)
    QString hj212Host = QStringLiteral("0.0.0.0");
    quint16 hj212Port = 6001;
    QString apiHost = QStringLiteral("0.0.0.0");
    quint16 apiPort = 6080;
    QString scenarioPath;       //!< seeds an empty store (sites, teams, depots, catalogue)
    bool demoUsers = false;     //!< with the scenario: create the demo users with known tokens
    QString tlsCertificatePath; //!< PEM; with tlsKeyPath the API speaks wss://
    QString tlsKeyPath;
    QString hj212TlsCertificatePath; //!< PEM; with hj212TlsKeyPath loggers must connect over TLS
    QString hj212TlsKeyPath;
    JhIngestLimits ingestLimits;
    QStringList loggerFiles;        //!< extra JSON/CSV logger lists, re-read whenever they change
    QString statusFile;             //!< counters + unknown loggers written here every statusIntervalSeconds
    int statusIntervalSeconds = 10; //!< also the interval of the one-line jh.ingest summary

    int catchUpPageEvents = 2000;              //!< events per catch-up message
    qint64 snapshotThreshold = 250000;         //!< further behind than this: a snapshot instead of the events
    int heartbeatIntervalMs = 15000;           //!< central -> client heartbeat
    int idleTimeoutMs = 45000;                 //!< nothing from a client for this long: dropped
    qint64 maxPendingBytes = 16 * 1024 * 1024; //!< a client's unsent output beyond this: cut off
    int siteRefreshMs = 2000;                  //!< how often sites imported into the store are picked up
    int offlineSweepMs = 60000;                //!< how often the alarm engine looks for silent loggers

    //! Applies a JSON configuration file's keys (docs/operations-ingest.md, docs/operations-central.md):
    //! hj212 {address, port, limits}, api {address, port}, dataDir, database, scenario, loggers, statusFile,
    //! statusIntervalSeconds, tls {certificate, key}, hj212 {tls {certificate, key}}. Missing keys keep their
    //! value.
    void readJson(const QJsonObject &object);

    //! The store to open: databaseUrl if set, else SQLite in dataDirectory.
    bool storeConfig(JhStoreConfig &config, QString *error = nullptr) const;
    //! Parses "host:port" (IPv6 in brackets allowed); false with \a error on a bad value.
    static bool parseListen(const QString &text, QString &host, quint16 &port, QString *error = nullptr);
};
