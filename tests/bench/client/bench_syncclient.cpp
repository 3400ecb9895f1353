// Sync client benchmark: (1) start from a cache holding 100,000 folded events and 5,000 site statuses ->
// state ready (target <= 300 ms); (2) 1,000 commands queued offline -> drained after reconnect (target <= 2
// s), exactly once. Usage: bench_syncclient [--central PATH] [--events 100000] [--statuses 5000] [--commands
// 1000]
#include "jhclientcache.h"
#include "jhjsonmapping.h"
#include "jhsyncclient.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>

namespace {
QString option(const QStringList &arguments, const QString &name, const QString &fallback)
{
    const int index = arguments.indexOf(name);
    return index >= 0 ? arguments.value(index + 1, fallback) : fallback;
}

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

template <typename Predicate>
bool spin(Predicate done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        QThread::usleep(200);
    }
    return true;
}

//! A state of \a events folded events over \a sites sites: alarms opened, acknowledged and closed in turn.
JhWorldState foldedState(int events, int sites)
{
    JhWorldState state;
    for (int i = 0; i < sites; ++i) {
        JhSite site;
        site.id = QStringLiteral("SITE-%1").arg(i, 5, 10, QLatin1Char('0'));
        site.name = QStringLiteral("站点 %1").arg(i);
        site.kind = JhSiteKind::AirTownship;
        site.countyCode = 320612;
        site.longitude = 120.5 + (i % 100) * 0.01;
        site.latitude = 31.8 + (i / 100) * 0.01;
        site.mn = QStringLiteral("%1").arg(i, 24, 10, QLatin1Char('0'));
        site.factorCodes = QStringList{QStringLiteral("a34004"), QStringLiteral("a21026")};
        state.addSite(site);
    }
    const QDateTime time(QDate(2026, 7, 1), QTime(0, 0), Qt::UTC);
    for (qint64 seq = 1; seq <= events; ++seq) {
        JhEvent event;
        event.sequence = seq;
        event.time = time.addSecs(seq);
        event.actor = QStringLiteral("system");
        const qint64 alarm = (seq + 2) / 3;
        const QString alarmId = QStringLiteral("ALM-%1").arg(alarm, 6, 10, QLatin1Char('0'));
        switch (seq % 3) {
        case 1:
            event.type = JhEventType::AlarmOpened;
            event.payload = {
                {"alarmId", alarmId},
                {"siteId", QStringLiteral("SITE-%1").arg(alarm % sites, 5, 10, QLatin1Char('0'))},
                {"factorCode", "a34004"},
                {"ruleId", "exceedance.air-iaqi"},
                {"level", "warning"},
                {"value", 80},
                {"message", QStringLiteral("PM2.5 小时浓度 80 ug/m3，IAQI 119，超过 100（HJ 633-2026）")}};
            break;
        case 2:
            event.type = JhEventType::AlarmAcknowledged;
            event.actor = QStringLiteral("duty");
            event.payload = {{"alarmId", alarmId}, {"note", QStringLiteral("已通知现场核实")}};
            break;
        default:
            event.type = JhEventType::AlarmClosed;
            event.payload = {{"alarmId", alarmId}, {"note", QString()}};
            break;
        }
        QString error;
        if (!state.apply(event, &error))
            qFatal("event %lld: %s", seq, qPrintable(error));
    }
    return state;
}

JhSiteStatus siteStatus(int i)
{
    JhSiteStatus status;
    status.siteId = QStringLiteral("SITE-%1").arg(i, 5, 10, QLatin1Char('0'));
    status.state = JhSiteState::Online;
    status.lastDataAt = QDateTime(QDate(2026, 7, 1), QTime(8, 0), Qt::UTC);
    for (const char *code : {"a34004", "a34002", "a21026", "a21004", "a05024", "a21005"}) {
        JhFactorStatus factor;
        factor.factorCode = QString::fromLatin1(code);
        factor.interval = JhIntervalKind::Hour;
        factor.value = 35 + i % 50;
        factor.dataTime = status.lastDataAt;
        status.factors.append(factor);
    }
    status.air.valid = true;
    status.air.hour = status.lastDataAt;
    status.air.standard = QStringLiteral("HJ 633-2026");
    status.air.aqi = 60 + i % 90;
    status.air.category = 2;
    status.air.categoryZh = QStringLiteral("良");
    status.air.colour = QStringLiteral("#FFFF00");
    status.revision = i + 1;
    return status;
}

int benchCache(int events, int statuses)
{
    QTemporaryDir folder;
    JhClientConfig config;
    config.urls = QStringList{QStringLiteral("ws://127.0.0.1:%1").arg(freePort())}; // nobody listens there
    config.token = QStringLiteral("bench");
    config.dataDirectory = folder.path();
    QElapsedTimer timer;
    timer.start();
    const JhWorldState state = foldedState(events, statuses);
    const qint64 foldMs = timer.restart();
    {
        // Write the cache the way the client does, at the path the client will use.
        JhSyncClient probe(config);
        probe.start();
        spin([&probe]() { return probe.isCacheLoaded(); }, 10000);
        probe.stop();
    }
    const QStringList files = QDir(folder.path()).entryList({QStringLiteral("*.cache.sqlite")});
    if (files.isEmpty())
        return 2;
    {
        JhClientCache cache;
        JhClientCache::Contents contents;
        cache.open(folder.filePath(files.first()), contents);
        cache.saveState(state, QDateTime::currentDateTimeUtc());
        QList<JhSiteStatus> json;
        for (int i = 0; i < statuses; ++i)
            json.append(siteStatus(i));
        cache.saveSiteStatuses(json, true, statuses, QDateTime::currentDateTimeUtc());
    }
    const qint64 writeMs = timer.restart();
    const qint64 bytes = QFileInfo(folder.filePath(files.first())).size();
    std::vector<qint64> runs;
    int alarms = 0, sites = 0;
    for (int run = 0; run < 5; ++run) {
        JhSyncClient client(config);
        timer.restart();
        client.start();
        spin([&client]() { return client.isCacheLoaded(); }, 30000);
        runs.push_back(timer.elapsed());
        alarms = client.state().alarms().size();
        sites = client.siteStatuses().size();
        client.stop();
    }
    std::sort(runs.begin(), runs.end());
    std::printf("cache: %d events folded into %d alarms (fold %lld ms, cache write %lld ms, %.1f MB)\n",
                events, alarms, foldMs, writeMs, bytes / 1e6);
    std::printf("start from cache -> state ready (%d alarms, %d site statuses): median %lld ms, best %lld "
                "ms, worst %lld ms "
                "(target <= 300 ms)\n",
                alarms, sites, runs[runs.size() / 2], runs.front(), runs.back());
    return 0;
}

int benchOutbox(const QString &central, int commands)
{
    QTemporaryDir folder;
    const quint16 hj212Port = freePort();
    const quint16 apiPort = freePort();
    const QString scenario = QStringLiteral(JH_SOURCE_DIR "/resources/scenario/nantong-scenario.json");
    const QStringList arguments = {QStringLiteral("serve"),
                                   QStringLiteral("--data-dir"),
                                   folder.filePath("central"),
                                   QStringLiteral("--hj212-listen"),
                                   QStringLiteral("127.0.0.1:%1").arg(hj212Port),
                                   QStringLiteral("--api-listen"),
                                   QStringLiteral("127.0.0.1:%1").arg(apiPort),
                                   QStringLiteral("--scenario"),
                                   scenario,
                                   QStringLiteral("--demo")};
    auto startCentral = [&](QProcess &process) {
        QByteArray output;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(central, arguments);
        return spin(
            [&]() {
                output += process.readAll();
                return output.contains("workstation API listening");
            },
            30000);
    };
    {
        // Seed the store once, then stop: the client queues while central is down.
        QProcess seed;
        if (!startCentral(seed))
            return 2;
        seed.terminate();
        seed.waitForFinished(20000);
    }
    JhClientConfig config;
    config.urls = QStringList{QStringLiteral("ws://127.0.0.1:%1").arg(apiPort)};
    config.token = QStringLiteral("demo-coordinator");
    config.dataDirectory = folder.filePath("client");
    config.maxBackoffMs = 60000;
    JhSyncClient client(config);
    client.start();
    spin([&client]() { return client.isCacheLoaded(); }, 10000);
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < commands; ++i)
        client.submit(JhCommandType::CreateIncident, {{"title", QStringLiteral("演练 %1").arg(i)},
                                                      {"type", "other"},
                                                      {"level", "IV"},
                                                      {"longitude", 121.0},
                                                      {"latitude", 32.0}});
    spin([&]() { return client.outbox().size() == commands; }, 60000);
    const qint64 queueMs = timer.elapsed();
    QProcess process;
    if (!startCentral(process))
        return 2;
    timer.restart();
    client.reconnectNow();
    const bool drained = spin([&client]() { return client.pendingCommandCount() == 0; }, 60000);
    const qint64 drainMs = timer.elapsed();
    int accepted = 0;
    for (const JhOutboxEntry &entry : client.outbox())
        accepted += entry.state == JhOutboxEntry::State::Accepted ? 1 : 0;
    spin([&]() { return client.state().incidents().size() == commands; }, 10000);
    std::printf("outbox: %d commands queued offline in %lld ms (each on disk, synchronous=FULL)\n", commands,
                queueMs);
    std::printf(
        "reconnect -> all answered: %lld ms, %d accepted, %d incidents in the state (target <= 2000 ms)\n",
        drainMs, accepted, int(client.state().incidents().size()));
    client.stop();
    process.terminate();
    process.waitForFinished(20000);
    return drained && accepted == commands ? 0 : 1;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    const QString central =
        option(arguments, QStringLiteral("--central"),
               QCoreApplication::applicationDirPath() + QStringLiteral("/../bin/jianghai-central"));
    const int events = option(arguments, QStringLiteral("--events"), QStringLiteral("100000")).toInt();
    const int statuses = option(arguments, QStringLiteral("--statuses"), QStringLiteral("5000")).toInt();
    const int commands = option(arguments, QStringLiteral("--commands"), QStringLiteral("1000")).toInt();
    const int cache = benchCache(events, statuses);
    const int outbox = benchOutbox(central, commands);
    return cache || outbox;
}
