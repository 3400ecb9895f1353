// jianghai-central: arguments and wiring of the central service (currently the HJ 212 ingest server).
#include "jhhj212server.h"
#include "jhmemoryloggerdirectory.h"
#include "jhmemoryobservationsink.h"
#include "jhscenario.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileSystemWatcher>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTimer>

#include <cstdio>

namespace {
void fail(const QString &message)
{
    std::fprintf(stderr, "jianghai-central: %s\n", qPrintable(message));
    std::exit(2);
}

QJsonObject readConfig(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        fail(QStringLiteral("cannot read config %1: %2").arg(path, file.errorString()));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (!document.isObject())
        fail(QStringLiteral("config %1 is not a JSON object: %2").arg(path, error.errorString()));
    return document.object();
}
} // namespace

int main(int argc, char *argv[])
{
    // Qt's glib event dispatcher scans a list on every socket-notifier change: with thousands of
    // logger connections the plain UNIX dispatcher is several times cheaper.
    if (qEnvironmentVariableIsEmpty("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("jianghai-central"));
    QCoreApplication::setApplicationVersion(QStringLiteral("0.1"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Jianghai Command central service: HJ 212 ingest."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption configOption(
        QStringLiteral("config"), QStringLiteral("JSON configuration (see docs/operations-ingest.md)."),
        QStringLiteral("file"));
    const QCommandLineOption listenOption(
        QStringLiteral("hj212-listen"), QStringLiteral("HJ 212 listen address:port (default 0.0.0.0:6001)."),
        QStringLiteral("address:port"));
    const QCommandLineOption scenarioOption(
        QStringLiteral("scenario"), QStringLiteral("Scenario JSON whose sites are the registered loggers."),
        QStringLiteral("file"));
    const QCommandLineOption importOption(
        QStringLiteral("loggers"), QStringLiteral("JSON/CSV logger list; re-read whenever it changes."),
        QStringLiteral("file"));
    const QCommandLineOption statusOption(
        QStringLiteral("status-file"),
        QStringLiteral("Write counters and unknown loggers to this JSON file."), QStringLiteral("file"));
    parser.addOptions({configOption, listenOption, scenarioOption, importOption, statusOption});
    parser.process(app);

    QJsonObject config;
    if (parser.isSet(configOption))
        config = readConfig(parser.value(configOption));
    const QJsonObject ingest = config.value(QStringLiteral("hj212")).toObject();
    QString address = ingest.value(QStringLiteral("address")).toString(QStringLiteral("0.0.0.0"));
    int port = ingest.value(QStringLiteral("port")).toInt(6001);
    if (parser.isSet(listenOption)) {
        const QString value = parser.value(listenOption);
        const int colon = value.lastIndexOf(QLatin1Char(':'));
        if (colon < 0)
            fail(QStringLiteral("--hj212-listen needs address:port"));
        address = value.left(colon);
        port = value.mid(colon + 1).toInt();
    }
    JhIngestLimits limits;
    limits.readJson(ingest.value(QStringLiteral("limits")).toObject());

    JhMemoryLoggerDirectory directory;
    const QString scenarioPath = parser.value(scenarioOption).isEmpty()
                                     ? config.value(QStringLiteral("scenario")).toString()
                                     : parser.value(scenarioOption);
    if (!scenarioPath.isEmpty()) {
        JhScenario scenario;
        if (!scenario.load(scenarioPath))
            fail(QStringLiteral("scenario %1: %2").arg(scenarioPath, scenario.errorMessage()));
        std::printf("registered loggers: %s\n", qPrintable(directory.addScenario(scenario).message));
    }
    QStringList importPaths = parser.values(importOption);
    for (const QJsonValue &value : config.value(QStringLiteral("loggers")).toArray())
        importPaths.append(value.toString());
    QFileSystemWatcher watcher;
    auto import = [&directory](const QString &path) {
        const JhLoggerImportResult result = directory.importFile(path);
        std::printf("%s: %s\n", qPrintable(path), qPrintable(result.message));
        std::fflush(stdout);
    };
    for (const QString &path : importPaths) {
        import(path);
        watcher.addPath(path);
    }
    // Sites added to a logger list are served without a restart.
    QObject::connect(&watcher, &QFileSystemWatcher::fileChanged, &app, [&](const QString &path) {
        import(path);
        if (!watcher.files().contains(path))
            watcher.addPath(path); // editors replace the file
    });

    // Until the store is wired in, data goes to memory (counted, not kept): acknowledged, not durable.
    JhMemoryObservationSink sink;
    sink.setKeepBatches(false);
    JhHj212Server server(&directory, &sink);
    server.setLimits(limits);
    if (!server.listen(QHostAddress(address), quint16(port)))
        fail(QStringLiteral("cannot listen on %1:%2: %3").arg(address).arg(port).arg(server.errorString()));
    std::printf("HJ 212 ingest listening on %s:%d (%d loggers registered)\n", qPrintable(address),
                int(server.serverPort()), directory.size());
    std::fflush(stdout);

    const QString statusPath = parser.value(statusOption).isEmpty()
                                   ? config.value(QStringLiteral("statusFile")).toString()
                                   : parser.value(statusOption);
    QTimer statusTimer;
    QObject::connect(&statusTimer, &QTimer::timeout, &app, [&]() {
        const JhIngestStatistics s = server.statistics();
        qCInfo(jhIngestLog).nospace() << "connections " << s.connectionsOpen << ", stored " << s.packetsStored
                                      << " packets, rejected " << s.framesRejected << " frames, unknown MN "
                                      << s.packetsUnknownMn << ", wrong password " << s.packetsWrongPassword;
        if (statusPath.isEmpty())
            return;
        QSaveFile file(statusPath);
        if (file.open(QIODevice::WriteOnly)) {
            file.write(QJsonDocument(server.statusJson()).toJson());
            file.commit();
        }
    });
    statusTimer.start(config.value(QStringLiteral("statusIntervalSeconds")).toInt(10) * 1000);
    return app.exec();
}
