// jianghai-central: arguments -> JhCentralConfig -> JhCentralService; plus the user and site sub-commands.
#include "jhcentralconfig.h"
#include "jhcentralservice.h"
#include "jhenumnames.h"
#include "jhjsonmapping.h"
#include "jhscenario.h"
#include "jhstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {
int sSignalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(sSignalPipe[1], &byte, 1);
}

int fail(const QString &message, int code = 2)
{
    std::fprintf(stderr, "jianghai-central: %s\n", qPrintable(message));
    return code;
}

void print(const QString &line)
{
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

const char *sUsage =
    "usage:\n"
    "  jianghai-central serve [--data-dir D | --database URL] [--hj212-listen HOST:PORT]\n"
    "                         [--api-listen HOST:PORT] [--scenario FILE [--demo]]\n"
    "                         [--tls-cert PEM --tls-key PEM] [--hj212-tls-cert PEM --hj212-tls-key PEM]\n"
    "                         [--ingest-limits JSON]\n"
    "                         [--config JSON] [--loggers FILE]... [--status-file FILE]\n"
    "  jianghai-central user add --name ID [--display-name NAME]\n"
    "                         --role duty-officer|coordinator|county-team|viewer [--county CODE|--team ID]\n"
    "  jianghai-central user list\n"
    "  jianghai-central user revoke ID\n"
    "  jianghai-central sites import FILE.csv|FILE.json\n"
    "  (user and sites take --data-dir D | --database URL too; see docs/operations-central.md)\n";

//! Options every sub-command understands.
struct CommonOptions
{
    QCommandLineOption dataDir{QStringLiteral("data-dir"), QStringLiteral("Data folder (SQLite store)."),
                               QStringLiteral("dir"), QStringLiteral("data")};
    QCommandLineOption database{
        QStringLiteral("database"),
        QStringLiteral("Store URL (postgresql://user:pw@host:port/db or sqlite:FILE)."),
        QStringLiteral("url")};
    void add(QCommandLineParser &parser) { parser.addOptions({dataDir, database}); }
    void apply(const QCommandLineParser &parser, JhCentralConfig &config) const
    {
        config.dataDirectory = parser.value(dataDir);
        config.databaseUrl = parser.value(database);
    }
};

bool openStore(const JhCentralConfig &config, JhStore &store, QString &error)
{
    JhStoreConfig storeConfig;
    if (!config.storeConfig(storeConfig, &error))
        return false;
    if (storeConfig.dialect == JhStoreConfig::Dialect::Sqlite)
        QDir().mkpath(QFileInfo(storeConfig.sqlitePath).absolutePath());
    if (!store.open(storeConfig)) {
        error = store.error().message;
        return false;
    }
    return true;
}

int userCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    CommonOptions common;
    common.add(parser);
    const QCommandLineOption name(QStringLiteral("name"), QStringLiteral("Login id."), QStringLiteral("id"));
    const QCommandLineOption displayName(QStringLiteral("display-name"), QStringLiteral("Name shown."),
                                         QStringLiteral("text"));
    const QCommandLineOption role(QStringLiteral("role"), QStringLiteral("Role."), QStringLiteral("role"));
    const QCommandLineOption county(QStringLiteral("county"), QStringLiteral("County code (county teams)."),
                                    QStringLiteral("code"));
    const QCommandLineOption team(QStringLiteral("team"), QStringLiteral("Team id (county teams)."),
                                  QStringLiteral("id"));
    parser.addOptions({name, displayName, role, county, team});
    parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("add | list | revoke ID"));
    if (!parser.parse(arguments))
        return fail(parser.errorText());
    JhCentralConfig config;
    common.apply(parser, config);
    const QStringList positional = parser.positionalArguments(); // "user", action, ...
    const QString action = positional.value(1);
    JhStore store;
    QString error;
    if (!openStore(config, store, error))
        return fail(QStringLiteral("cannot open the store: %1").arg(error));
    const QDateTime now = QDateTime::currentDateTimeUtc();

    if (action == QLatin1String("add")) {
        JhUser user;
        user.id = parser.value(name);
        user.displayName = parser.isSet(displayName) ? parser.value(displayName) : user.id;
        QString roleCode = parser.value(role);
        if (roleCode == QLatin1String("coordinator"))
            roleCode = QStringLiteral("emergency-coordinator");
        if (user.id.isEmpty() || !JhEnumNames::parse(roleCode, user.role))
            return fail(QStringLiteral("user add needs --name ID and --role "
                                       "duty-officer|coordinator|county-team|viewer"));
        if (user.role == JhRole::CountyTeam) {
            user.teamId = parser.value(team);
            if (parser.isSet(county)) {
                JhWorldState state;
                if (!store.loadState(state))
                    return fail(store.error().message);
                const int code = parser.value(county).toInt();
                for (const JhCountyTeam &candidate : state.teams()) {
                    if (candidate.covers(code))
                        user.teamId = candidate.id;
                }
                if (user.teamId.isEmpty())
                    return fail(QStringLiteral("no team covers county %1 (is the scenario loaded? run serve "
                                               "--scenario once)")
                                    .arg(code));
            }
            if (user.teamId.isEmpty())
                return fail(QStringLiteral("a county-team user needs --county CODE or --team ID"));
        }
        QByteArray random(24, Qt::Uninitialized);
        for (char &byte : random)
            byte = char(QRandomGenerator::system()->bounded(256));
        const QString token = QString::fromLatin1(random.toBase64(QByteArray::Base64UrlEncoding));
        if (!store.addUser(user, token, now))
            return fail(QStringLiteral("cannot add user %1: %2").arg(user.id, store.error().message));
        print(QStringLiteral("user %1 (%2%3) added; token (shown once, only its hash is stored):")
                  .arg(user.id, JhEnumNames::code(user.role),
                       user.teamId.isEmpty() ? QString() : QStringLiteral(", team ") + user.teamId));
        print(token);
        return 0;
    }
    if (action == QLatin1String("list")) {
        QList<JhStoredUser> users;
        if (!store.users(users))
            return fail(store.error().message);
        for (const JhStoredUser &stored : users) {
            print(QStringLiteral("%1\t%2\t%3\t%4\t%5")
                      .arg(stored.user.id, JhEnumNames::code(stored.user.role), stored.user.teamId,
                           stored.user.displayName,
                           stored.isRevoked()
                               ? QStringLiteral("revoked ") + stored.revokedAt.toString(Qt::ISODate)
                               : QStringLiteral("active since ") + stored.createdAt.toString(Qt::ISODate)));
        }
        return 0;
    }
    if (action == QLatin1String("revoke")) {
        const QString id = positional.value(2, parser.value(name));
        bool found = false;
        if (id.isEmpty() || !store.revokeUser(id, now, found))
            return fail(id.isEmpty() ? QStringLiteral("user revoke needs a user id") : store.error().message);
        if (!found)
            return fail(QStringLiteral("no user %1").arg(id), 1);
        print(QStringLiteral("user %1 revoked; its token no longer works").arg(id));
        return 0;
    }
    std::fputs(sUsage, stderr);
    return 2;
}

//! Sites from JSON (wire mapping: an array, or {"sites": [...]}, or a scenario file) or CSV.
bool readSites(const QString &path, QList<JhSite> &sites, QString &error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        error = file.errorString();
        return false;
    }
    const QByteArray data = file.readAll();
    const QByteArray trimmed = data.trimmed();
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
        JhScenario scenario;
        if (scenario.loadFromData(data)) {
            sites = scenario.sites();
            return true;
        }
        const QJsonDocument document = QJsonDocument::fromJson(data);
        const QJsonArray array = document.isArray()
                                     ? document.array()
                                     : document.object().value(QStringLiteral("sites")).toArray();
        for (int i = 0; i < array.size(); ++i) {
            JhSite site;
            JhProtocolError protocolError;
            if (!JhJsonMapping::fromJson(array.at(i).toObject(), site, &protocolError)) {
                error = QStringLiteral("sites[%1]: %2").arg(i).arg(protocolError.message);
                return false;
            }
            sites.append(site);
        }
        return !sites.isEmpty() || (error = QStringLiteral("no sites in %1").arg(path), false);
    }
    // CSV: a header naming columns; id, name, kind, mn, password required.
    const QList<QByteArray> lines = data.split('\n');
    const QStringList header = QString::fromUtf8(lines.value(0)).trimmed().split(QLatin1Char(','));
    for (const QString &required :
         {QStringLiteral("id"), QStringLiteral("kind"), QStringLiteral("mn"), QStringLiteral("password")}) {
        if (!header.contains(required)) {
            error = QStringLiteral("the CSV header needs the column %1").arg(required);
            return false;
        }
    }
    for (int row = 1; row < lines.size(); ++row) {
        const QString line = QString::fromUtf8(lines.at(row)).trimmed();
        if (line.isEmpty())
            continue;
        const QStringList cells = line.split(QLatin1Char(','));
        QJsonObject object;
        for (int column = 0; column < header.size(); ++column) {
            const QString key = header.at(column).trimmed();
            const QString value = cells.value(column).trimmed();
            if (key == QLatin1String("longitude") || key == QLatin1String("latitude") ||
                key == QLatin1String("countyCode") || key == QLatin1String("waterTargetClass"))
                object.insert(key, value.toDouble());
            else if (key == QLatin1String("factorCodes"))
                object.insert(key,
                              QJsonArray::fromStringList(value.split(QLatin1Char(' '), Qt::SkipEmptyParts)));
            else
                object.insert(key, value);
        }
        if (!object.contains(QStringLiteral("name")))
            object.insert(QStringLiteral("name"), object.value(QStringLiteral("id")));
        JhSite site;
        JhProtocolError protocolError;
        if (!JhJsonMapping::fromJson(object, site, &protocolError)) {
            error = QStringLiteral("line %1: %2").arg(row + 1).arg(protocolError.message);
            return false;
        }
        sites.append(site);
    }
    return true;
}

int sitesCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    CommonOptions common;
    common.add(parser);
    parser.addPositionalArgument(QStringLiteral("import"), QStringLiteral("import FILE"));
    if (!parser.parse(arguments))
        return fail(parser.errorText());
    const QStringList positional = parser.positionalArguments();
    if (positional.value(1) != QLatin1String("import") || positional.size() < 3) {
        std::fputs(sUsage, stderr);
        return 2;
    }
    JhCentralConfig config;
    common.apply(parser, config);
    QList<JhSite> sites;
    QString error;
    if (!readSites(positional.at(2), sites, error))
        return fail(QStringLiteral("%1: %2").arg(positional.at(2), error));
    JhStore store;
    if (!openStore(config, store, error))
        return fail(QStringLiteral("cannot open the store: %1").arg(error));
    if (!store.upsertSites(sites))
        return fail(store.error().message);
    print(
        QStringLiteral("%1 sites imported; a running service picks them up within its site refresh interval")
            .arg(sites.size()));
    return 0;
}

int serveCommand(QCoreApplication &app, const QStringList &arguments)
{
    QCommandLineParser parser;
    CommonOptions common;
    common.add(parser);
    const QCommandLineOption hj212(QStringLiteral("hj212-listen"),
                                   QStringLiteral("HJ 212 HOST:PORT (0.0.0.0:6001)."),
                                   QStringLiteral("host:port"));
    const QCommandLineOption api(QStringLiteral("api-listen"),
                                 QStringLiteral("API HOST:PORT (0.0.0.0:6080)."),
                                 QStringLiteral("host:port"));
    const QCommandLineOption scenario(QStringLiteral("scenario"), QStringLiteral("Seeds an empty store."),
                                      QStringLiteral("file"));
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QStringLiteral("With --scenario: demo users, known tokens."));
    const QCommandLineOption tlsCert(QStringLiteral("tls-cert"), QStringLiteral("PEM certificate (wss)."),
                                     QStringLiteral("file"));
    const QCommandLineOption tlsKey(QStringLiteral("tls-key"), QStringLiteral("PEM key (wss)."),
                                    QStringLiteral("file"));
    const QCommandLineOption hj212TlsCert(QStringLiteral("hj212-tls-cert"),
                                          QStringLiteral("PEM certificate: loggers connect over TLS."),
                                          QStringLiteral("file"));
    const QCommandLineOption hj212TlsKey(QStringLiteral("hj212-tls-key"),
                                         QStringLiteral("PEM key for --hj212-tls-cert."),
                                         QStringLiteral("file"));
    const QCommandLineOption limits(
        QStringLiteral("ingest-limits"),
        QStringLiteral("JSON object of HJ 212 limits (docs/operations-ingest.md)."), QStringLiteral("json"));
    const QCommandLineOption siteRefresh(QStringLiteral("site-refresh-ms"),
                                         QStringLiteral("How often imported sites are picked up."),
                                         QStringLiteral("ms"));
    const QCommandLineOption heartbeat(QStringLiteral("heartbeat-ms"),
                                       QStringLiteral("API heartbeat interval."), QStringLiteral("ms"));
    const QCommandLineOption idle(QStringLiteral("idle-timeout-ms"), QStringLiteral("API idle timeout."),
                                  QStringLiteral("ms"));
    const QCommandLineOption snapshot(QStringLiteral("snapshot-threshold"),
                                      QStringLiteral("Events behind beyond which a client gets a snapshot."),
                                      QStringLiteral("events"));
    const QCommandLineOption configFile(
        QStringLiteral("config"), QStringLiteral("JSON configuration; command-line options win over it."),
        QStringLiteral("file"));
    const QCommandLineOption loggers(
        QStringLiteral("loggers"),
        QStringLiteral("JSON/CSV logger list, re-read whenever it changes (repeatable)."),
        QStringLiteral("file"));
    const QCommandLineOption statusFile(
        QStringLiteral("status-file"),
        QStringLiteral("Write counters and unknown loggers to this JSON file."), QStringLiteral("file"));
    parser.addOptions({hj212, api, scenario, demo, tlsCert, tlsKey, hj212TlsCert, hj212TlsKey, limits,
                       siteRefresh, heartbeat, idle, snapshot, configFile, loggers, statusFile});
    if (!parser.parse(arguments))
        return fail(parser.errorText());
    JhCentralConfig config;
    if (parser.isSet(configFile)) {
        QFile file(parser.value(configFile));
        QJsonParseError parseError;
        const QJsonDocument document = file.open(QIODevice::ReadOnly)
                                           ? QJsonDocument::fromJson(file.readAll(), &parseError)
                                           : QJsonDocument();
        if (!document.isObject())
            return fail(
                QStringLiteral("config %1 is not a readable JSON object").arg(parser.value(configFile)));
        config.readJson(document.object());
    }
    if (parser.isSet(common.dataDir) || parser.isSet(common.database))
        common.apply(parser, config);
    config.loggerFiles += parser.values(loggers);
    if (parser.isSet(statusFile))
        config.statusFile = parser.value(statusFile);
    QString error;
    if (parser.isSet(hj212) &&
        !JhCentralConfig::parseListen(parser.value(hj212), config.hj212Host, config.hj212Port, &error))
        return fail(QStringLiteral("--hj212-listen: %1").arg(error));
    if (parser.isSet(api) &&
        !JhCentralConfig::parseListen(parser.value(api), config.apiHost, config.apiPort, &error))
        return fail(QStringLiteral("--api-listen: %1").arg(error));
    if (parser.isSet(scenario))
        config.scenarioPath = parser.value(scenario);
    config.demoUsers = parser.isSet(demo);
    if (parser.isSet(tlsCert))
        config.tlsCertificatePath = parser.value(tlsCert);
    if (parser.isSet(tlsKey))
        config.tlsKeyPath = parser.value(tlsKey);
    if (parser.isSet(hj212TlsCert))
        config.hj212TlsCertificatePath = parser.value(hj212TlsCert);
    if (parser.isSet(hj212TlsKey))
        config.hj212TlsKeyPath = parser.value(hj212TlsKey);
    if (parser.isSet(limits))
        config.ingestLimits.readJson(QJsonDocument::fromJson(parser.value(limits).toUtf8()).object());
    if (parser.isSet(siteRefresh))
        config.siteRefreshMs = parser.value(siteRefresh).toInt();
    if (parser.isSet(heartbeat))
        config.heartbeatIntervalMs = parser.value(heartbeat).toInt();
    if (parser.isSet(idle))
        config.idleTimeoutMs = parser.value(idle).toInt();
    if (parser.isSet(snapshot))
        config.snapshotThreshold = parser.value(snapshot).toLongLong();

    JhCentralService service(config);
    if (!service.start())
        return fail(service.errorMessage());
    for (const QString &line : service.startMessages())
        print(line);

    // SIGTERM/SIGINT: stop listening, let the sink commit what it has, then exit.
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, sSignalPipe) == 0) {
        auto *notifier = new QSocketNotifier(sSignalPipe[0], QSocketNotifier::Read, &app);
        QObject::connect(notifier, &QSocketNotifier::activated, &app, [&]() {
            char byte = 0;
            [[maybe_unused]] const ssize_t got = ::read(sSignalPipe[0], &byte, 1);
            print(QStringLiteral("stopping"));
            service.stop();
            app.quit();
        });
        std::signal(SIGTERM, onSignal);
        std::signal(SIGINT, onSignal);
    }
    // A file-size limit (ulimit -f) must fail a write, which the store reports and the loggers retry,
    // not kill the service.
    std::signal(SIGXFSZ, SIG_IGN);
    return app.exec();
}
//! Thousands of logger connections need thousands of descriptors: the soft limit is often 1024.
void raiseDescriptorLimit()
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        if (setrlimit(RLIMIT_NOFILE, &limit) != 0)
            std::perror("jianghai-central: cannot raise the open-file limit");
    }
}
} // namespace

int main(int argc, char *argv[])
{
    raiseDescriptorLimit();
    // Qt's glib event dispatcher scans a list on every socket-notifier change: with thousands of
    // logger connections the plain UNIX dispatcher is several times cheaper.
    if (qEnvironmentVariableIsEmpty("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("jianghai-central"));
    QCoreApplication::setApplicationVersion(QStringLiteral("0.2"));
    QStringList arguments = app.arguments();
    const QString command = arguments.value(1);
    if (command == QLatin1String("--help") || command == QLatin1String("-h") || command.isEmpty()) {
        std::fputs(sUsage, command.isEmpty() ? stderr : stdout);
        return command.isEmpty() ? 2 : 0;
    }
    if (command == QLatin1String("--version")) {
        print(QStringLiteral("jianghai-central 0.2"));
        return 0;
    }
    if (command == QLatin1String("serve"))
        return serveCommand(app, arguments);
    // The ingest-only releases took their options without a sub-command: still serve.
    if (command.startsWith(QLatin1Char('-')))
        return serveCommand(app, arguments);
    if (command == QLatin1String("user"))
        return userCommand(arguments);
    if (command == QLatin1String("sites"))
        return sitesCommand(arguments);
    std::fprintf(stderr, "jianghai-central: unknown command '%s'\n%s", qPrintable(command), sUsage);
    return 2;
}
