// jianghai-stationsim: arguments and wiring of the station simulator.
#include "jhscenario.h"
#include "jhsimscript.h"
#include "jhstationsimulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTimer>

#include <cstdio>
#include <sys/resource.h>

namespace {
[[noreturn]] void fail(const QString &message)
{
    std::fprintf(stderr, "jianghai-stationsim: %s\n", qPrintable(message));
    std::exit(2);
}
} // namespace

int main(int argc, char *argv[])
{
    // Qt's glib event dispatcher scans a list on every socket-notifier change: with thousands of
    // logger connections the plain UNIX dispatcher is several times cheaper.
    if (qEnvironmentVariableIsEmpty("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("jianghai-stationsim"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Plays the monitoring network as HJ 212 traffic to jianghai-central (one TCP connection per "
        "logger, resends per ReCount/OverTime)."));
    parser.addHelpOption();
    auto option = [&parser](const char *name, const char *help, const char *value,
                            const char *fallback = nullptr) {
        QCommandLineOption result(QString::fromLatin1(name), QString::fromLatin1(help),
                                  QString::fromLatin1(value));
        if (fallback)
            result.setDefaultValue(QString::fromLatin1(fallback));
        parser.addOption(result);
        return result;
    };
    const auto host = option("host", "Central host.", "address", "127.0.0.1");
    const auto port = option("port", "Central HJ 212 port.", "port", "6001");
    const auto scenario =
        option("scenario", "Scenario JSON (resources/scenario/nantong-scenario.json).", "file");
    const auto loggers =
        option("loggers", "Synthetic loggers when no scenario is given (or a cap).", "count");
    const auto script = option("script", "Event script JSON (exceedance, offline, fault, stuck).", "file");
    const auto speed = option("speed", "Simulated seconds per real second.", "factor", "60");
    const auto start = option("start", "Simulated start (ISO 8601, default now).", "time");
    const auto realtime =
        option("realtime-interval", "Simulated seconds between 2011 packets.", "seconds", "300");
    const auto load = option("load", "Load mode: this many loggers ...", "count");
    const auto rate = option("rate", "... each sending this many 2011 packets per second.", "packets", "10");
    const auto overTime =
        option("over-time", "Logger OverTime: seconds to wait for a reply.", "seconds", "5");
    const auto reCount = option("re-count", "Logger ReCount: resends before giving up.", "count", "3");
    const auto duration =
        option("duration", "Stop after this many real seconds (0: run until killed).", "seconds", "0");
    parser.process(app);

    JhStationSimulatorOptions options;
    options.host = QHostAddress(parser.value(host));
    options.port = quint16(parser.value(port).toUInt());
    options.speed = parser.value(speed).toDouble();
    options.realtimeIntervalSeconds = std::max(1, parser.value(realtime).toInt());
    if (parser.isSet(start)) {
        options.startUtc = QDateTime::fromString(parser.value(start), Qt::ISODate).toUTC();
        if (!options.startUtc.isValid())
            fail(QStringLiteral("bad --start"));
    }
    QVector<JhSimLoggerProfile> profiles;
    if (parser.isSet(scenario)) {
        JhScenario loaded;
        if (!loaded.load(parser.value(scenario)))
            fail(loaded.errorMessage());
        profiles = JhStationSimulator::profilesFromScenario(loaded);
    }
    const int loadCount = parser.value(load).toInt();
    if (loadCount > 0) {
        options.loadRate = parser.value(rate).toDouble();
        if (profiles.isEmpty())
            profiles = JhStationSimulator::syntheticProfiles(loadCount);
        // Cycle the scenario's loggers when more connections than sites are asked for.
        QVector<JhSimLoggerProfile> cycled;
        for (int i = 0; i < loadCount; ++i)
            cycled.append(profiles[i % profiles.size()]);
        profiles = cycled;
    } else if (profiles.isEmpty()) {
        profiles =
            JhStationSimulator::syntheticProfiles(parser.isSet(loggers) ? parser.value(loggers).toInt() : 20);
    } else if (parser.isSet(loggers)) {
        profiles = profiles.mid(0, parser.value(loggers).toInt());
    }
    for (JhSimLoggerProfile &profile : profiles) {
        profile.overTimeMs = int(parser.value(overTime).toDouble() * 1000);
        profile.reCount = parser.value(reCount).toInt();
    }

    // One descriptor per logger connection.
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }

    JhStationSimulator simulator(options);
    simulator.setProfiles(profiles);
    if (parser.isSet(script)) {
        JhSimScript events;
        if (!events.load(parser.value(script),
                         options.startUtc.isValid() ? options.startUtc : QDateTime::currentDateTimeUtc()))
            fail(events.errorMessage());
        simulator.setEvents(events.events());
    }
    simulator.start();
    std::printf("stationsim: %d loggers -> %s:%u, %s\n", simulator.loggerCount(),
                qPrintable(options.host.toString()), unsigned(options.port),
                options.loadRate > 0
                    ? qPrintable(QStringLiteral("load %1 packets/s each").arg(options.loadRate))
                    : qPrintable(QStringLiteral("speed x%1").arg(options.speed)));
    std::fflush(stdout);

    QTimer report;
    auto printTotals = [&simulator]() {
        const JhSimulatedLogger::Counters totals = simulator.totals();
        std::printf("%s connected %d/%d sent %llu acknowledged %llu resent %llu gave-up %llu\n",
                    qPrintable(simulator.simulatedTime().toString(Qt::ISODate)), simulator.connectedCount(),
                    simulator.loggerCount(), (unsigned long long)totals.sent,
                    (unsigned long long)totals.acknowledged, (unsigned long long)totals.resent,
                    (unsigned long long)totals.gaveUp);
        std::fflush(stdout);
    };
    QObject::connect(&report, &QTimer::timeout, &app, printTotals);
    report.start(5000);
    const int seconds = parser.value(duration).toInt();
    if (seconds > 0)
        QTimer::singleShot(seconds * 1000, &app, [&]() {
            printTotals();
            simulator.stop();
            app.quit();
        });
    return app.exec();
}
