// bench_ingeststore: ingest end to end through the real jianghai-central and its real store (SQLite in a
// temporary folder, or --database URL): the scenario plus N load loggers registered with `sites import`, N
// logger connections on loopback each sending HJ 212-2017 2011 packets (6 factors, Flag=5: the 9014 reply
// comes after the commit) as fast as replies arrive. Prints packets/s acknowledged, central's RSS with all
// connections open, and checks the store afterwards holds every acknowledged observation.
// Usage: bench_ingeststore [--central PATH] [--connections 2000] [--seconds 15] [--warmup 3] [--window 1]
//                          [--database postgresql://user:password@host:port/db |
//                          sqlite:/file?synchronous=normal]
//                          [--keep]
#include "benchprocessprobe.h"
#include "jhhj212builder.h"
#include "jhhj212packet.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QUrl>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

namespace {
//! The load loggers' factors and plausible value ranges (air station, μg/m³; CO mg/m³).
struct LoadFactor
{
    const char *code;
    double low;
    double high;
};
const LoadFactor sFactors[] = {{"a21026", 5, 25},  {"a21004", 20, 60},   {"a34002", 30, 80},
                               {"a34004", 15, 50}, {"a21005", 0.3, 1.2}, {"a05024", 40, 120}};
const int sFactorCount = int(sizeof sFactors / sizeof sFactors[0]);

QByteArray mnOf(int index)
{
    return "LOADBENCH" + QByteArray::number(index).rightJustified(15, '0');
}

QString siteIdOf(int index)
{
    return QStringLiteral("LOAD-%1").arg(index, 4, 10, QLatin1Char('0'));
}

QString option(const QStringList &arguments, const char *name, const QString &fallback)
{
    const int at = arguments.indexOf(QString::fromLatin1(name));
    return at >= 0 && at + 1 < arguments.size() ? arguments.at(at + 1) : fallback;
}

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

//! Packet `sequence` of logger `logger`: a 2011 real-time upload one second after the previous one, so
//! every packet is new data (a repeated data time would be stored once, as a resend).
QByteArray makePacket(int logger, int sequence)
{
    static const QDateTime base(QDate(2026, 7, 1), QTime(0, 0), Qt::UTC);
    const QByteArray stamp = base.addSecs(sequence).toString(QStringLiteral("yyyyMMddHHmmss")).toLatin1();
    JhHj212Packet packet;
    packet.setHeader(JhHj212Packet::Qn, (stamp + "000").toStdString());
    packet.setHeader(JhHj212Packet::St, "22");
    packet.setHeader(JhHj212Packet::Cn, 2011);
    packet.setHeader(JhHj212Packet::Pw, "123456");
    packet.setHeader(JhHj212Packet::Mn, mnOf(logger).toStdString());
    packet.setHeader(JhHj212Packet::Flag, 5);
    packet.addGroup();
    packet.addField("DataTime", stamp.toStdString());
    for (int i = 0; i < sFactorCount; ++i) {
        const LoadFactor &factor = sFactors[i];
        const double step = double((logger * 7 + sequence * 3 + i * 11) % 97) / 96.0;
        const double value = factor.low + (factor.high - factor.low) * step;
        packet.addGroup();
        packet.addField(std::string(factor.code) + "-Rtd", QByteArray::number(value, 'f', 2).toStdString());
        packet.addField(std::string(factor.code) + "-Flag", "N");
    }
    return JhHj212Builder::build(packet);
}

//! One logger connection: up to `window` packets in flight; the next one goes when a reply line arrives.
struct LoadLogger
{
    QTcpSocket socket;
    int index = 0;
    int sequence = 0;
    quint64 acknowledged = 0;
};

bool writeSitesCsv(const QString &path, int count)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    QByteArray codes;
    for (const LoadFactor &factor : sFactors)
        codes += (codes.isEmpty() ? "" : " ") + QByteArray(factor.code);
    file.write("id,name,kind,countyCode,longitude,latitude,mn,password,factorCodes\n");
    for (int i = 0; i < count; ++i) {
        const QByteArray line =
            siteIdOf(i).toLatin1() + ",Load " + QByteArray::number(i) + ",air-township,320614," +
            QByteArray::number(120.8 + (i % 50) * 0.01, 'f', 3) + "," +
            QByteArray::number(31.8 + (i / 50) * 0.005, 'f', 3) + "," + mnOf(i) + ",123456," + codes + "\n";
        file.write(line);
    }
    return true;
}

//! Observations of the load sites in the store (main table plus SQLite's staging table), read-only.
qint64 countObservations(const QString &databaseUrl, const QString &sqlitePath, QString *error)
{
    const QString name = QStringLiteral("bench-count");
    qint64 total = -1;
    {
        QSqlDatabase db;
        if (databaseUrl.isEmpty() || databaseUrl.startsWith(QLatin1String("sqlite:"))) {
            db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(databaseUrl.isEmpty() ? sqlitePath : QUrl(databaseUrl).path());
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        } else {
            const QUrl url(databaseUrl);
            db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
            db.setHostName(url.host());
            db.setPort(url.port(5432));
            db.setUserName(url.userName());
            db.setPassword(url.password());
            db.setDatabaseName(url.path().mid(1));
        }
        if (db.open()) {
            total = 0;
            for (const char *table : {"observations", "observations_staging"}) {
                QSqlQuery query(db);
                if (query.exec(QStringLiteral("SELECT COUNT(*) FROM %1 WHERE site_id LIKE 'LOAD-%'")
                                   .arg(QLatin1String(table))) &&
                    query.next())
                    total += query.value(0).toLongLong();
            }
        } else {
            *error = db.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return total;
}
} // namespace

int main(int argc, char *argv[])
{
    // As jianghai-central does: the glib dispatcher is slow with thousands of socket notifiers (without
    // this the load generator spends most of its time in glib and poll and starves central of CPU).
    if (qEnvironmentVariableIsEmpty("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    const QString central =
        option(arguments, "--central",
               QCoreApplication::applicationDirPath() + QStringLiteral("/../bin/jianghai-central"));
    const int connections = option(arguments, "--connections", QStringLiteral("2000")).toInt();
    const int seconds = option(arguments, "--seconds", QStringLiteral("15")).toInt();
    const int warmup = option(arguments, "--warmup", QStringLiteral("3")).toInt();
    const int window = std::max(1, option(arguments, "--window", QStringLiteral("1")).toInt());
    const QString databaseUrl = option(arguments, "--database", QString());
    const QString scenarioPath = QStringLiteral(JH_SOURCE_DIR "/resources/scenario/nantong-scenario.json");
    raiseDescriptorLimit(); // inherited by central

    QTemporaryDir folder;
    folder.setAutoRemove(
        !arguments.contains(QStringLiteral("--keep"))); // --keep: keep the store and central.log
    const QString sitesCsv = folder.filePath(QStringLiteral("load-sites.csv"));
    const QString statusPath = folder.filePath(QStringLiteral("status.json"));
    const QString configPath = folder.filePath(QStringLiteral("central.json"));
    const QString logPath = folder.filePath(QStringLiteral("central.log"));
    if (!writeSitesCsv(sitesCsv, connections))
        return 2;
    {
        QFile config(configPath);
        config.open(QIODevice::WriteOnly);
        config.write("{\"statusIntervalSeconds\": 1}\n");
    }
    const QStringList storeArguments = databaseUrl.isEmpty()
                                           ? QStringList{QStringLiteral("--data-dir"), folder.path()}
                                           : QStringList{QStringLiteral("--database"), databaseUrl};
    const quint16 hj212Port = freePort();
    const quint16 apiPort = freePort();
    const QString limits = QStringLiteral("{\"maxConnections\":%1,\"maxConnectionsPerPeer\":%1,"
                                          "\"maxPacketsPerSecond\":100000,\"packetBurst\":100000}")
                               .arg(connections + 100);
    QProcess process;
    process.setStandardErrorFile(logPath);
    process.start(
        central,
        QStringList{QStringLiteral("serve")}
            << storeArguments
            << QStringList{QStringLiteral("--hj212-listen"), QStringLiteral("127.0.0.1:%1").arg(hj212Port),
                           QStringLiteral("--api-listen"), QStringLiteral("127.0.0.1:%1").arg(apiPort),
                           QStringLiteral("--scenario"), scenarioPath, QStringLiteral("--ingest-limits"),
                           limits, QStringLiteral("--site-refresh-ms"), QStringLiteral("500"),
                           QStringLiteral("--config"), configPath, QStringLiteral("--status-file"),
                           statusPath});
    QByteArray output;
    while (!output.contains("workstation API listening")) {
        if (!process.waitForReadyRead(60000)) {
            std::fprintf(stderr, "central did not start (%s); log %s\n", qPrintable(central),
                         qPrintable(logPath));
            return 2;
        }
        output += process.readAllStandardOutput();
    }
    const qint64 pid = process.processId();
    std::printf("central pid %lld on %s; RSS with the scenario loaded %s\n", (long long)pid,
                databaseUrl.isEmpty() ? "SQLite (temporary folder)" : qPrintable(databaseUrl),
                statusField(pid, "VmRSS:").constData());

    QProcess import;
    import.setProcessChannelMode(QProcess::MergedChannels);
    import.start(central,
                 QStringList{QStringLiteral("sites"), QStringLiteral("import"), sitesCsv} << storeArguments);
    import.waitForFinished(60000);
    std::printf("sites import: %s", import.readAll().constData());

    // The running service picks the imported sites up within its refresh interval: probe with the last
    // load logger until a reply comes (an unknown MN gets none).
    QElapsedTimer clock;
    clock.start();
    {
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, hj212Port);
        probe.waitForConnected(5000);
        bool registered = false;
        for (int attempt = 0; attempt < 60 && !registered; ++attempt) {
            probe.write(makePacket(connections - 1, 1000000 + attempt));
            probe.flush();
            registered = probe.waitForReadyRead(500);
        }
        if (!registered) {
            std::fprintf(stderr, "the imported load loggers were not served; log %s\n", qPrintable(logPath));
            return 2;
        }
    }
    std::printf("load loggers served %lld ms after the import\n", (long long)clock.elapsed());

    std::vector<std::unique_ptr<LoadLogger>> loggers;
    loggers.reserve(std::size_t(connections));
    int connected = 0;
    bool sending = false;
    for (int i = 0; i < connections; ++i) {
        auto logger = std::make_unique<LoadLogger>();
        logger->index = i;
        LoadLogger *raw = logger.get();
        QObject::connect(&raw->socket, &QTcpSocket::connected, [&connected]() { ++connected; });
        QObject::connect(&raw->socket, &QTcpSocket::readyRead, [raw, &sending]() {
            const QByteArray bytes = raw->socket.readAll();
            const int lines = int(bytes.count('\n'));
            raw->acknowledged += quint64(lines);
            if (!sending)
                return;
            for (int l = 0; l < lines; ++l)
                raw->socket.write(makePacket(raw->index, raw->sequence++));
        });
        loggers.push_back(std::move(logger));
    }
    clock.restart();
    for (int i = 0; i < connections; ++i) {
        loggers[std::size_t(i)]->socket.connectToHost(QHostAddress::LocalHost, hj212Port);
        if (i % 200 == 199)
            while (connected < i - 100 && clock.elapsed() < 60000)
                app.processEvents(QEventLoop::WaitForMoreEvents);
    }
    while (connected < connections && clock.elapsed() < 120000)
        app.processEvents(QEventLoop::WaitForMoreEvents);
    std::printf("%d/%d connected in %lld ms; central RSS %s\n", connected, connections,
                (long long)clock.elapsed(), statusField(pid, "VmRSS:").constData());
    std::fflush(stdout);

    auto totalAcknowledged = [&loggers]() {
        quint64 sum = 0;
        for (const auto &logger : loggers)
            sum += logger->acknowledged;
        return sum;
    };
    auto runFor = [&app](qint64 ms) {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < ms)
            app.processEvents(QEventLoop::WaitForMoreEvents, 100);
    };
    sending = true;
    for (auto &logger : loggers)
        for (int w = 0; w < window; ++w)
            logger->socket.write(makePacket(logger->index, logger->sequence++));
    runFor(qint64(warmup) * 1000);
    const quint64 before = totalAcknowledged();
    const double centralCpuBefore = cpuSeconds(pid);
    const double clientCpuBefore = cpuSeconds(getpid());
    QElapsedTimer measured;
    measured.start();
    std::vector<quint64> perSecond;
    quint64 last = before;
    for (int s = 0; s < seconds; ++s) {
        runFor(1000);
        const quint64 now = totalAcknowledged();
        perSecond.push_back(now - last);
        last = now;
    }
    const quint64 acknowledged = totalAcknowledged() - before;
    const double elapsed = double(measured.elapsed()) / 1000.0;
    const double centralCpu = (cpuSeconds(pid) - centralCpuBefore) / elapsed * 100;
    const double clientCpu = (cpuSeconds(getpid()) - clientCpuBefore) / elapsed * 100;
    const QByteArray rss = statusField(pid, "VmRSS:");
    const QByteArray peak = statusField(pid, "VmHWM:");
    // SQLite maps the database file (mmap_size): those pages count in VmRSS but are page cache.
    const QByteArray anonymous = statusField(pid, "RssAnon:");
    const QByteArray fileBacked = statusField(pid, "RssFile:");
    const QByteArray load = loadAverage();
    int open = 0;
    for (const auto &logger : loggers)
        open += logger->socket.state() == QAbstractSocket::ConnectedState ? 1 : 0;
    // Stop sending; collect the replies still in flight, and the last status file.
    sending = false;
    runFor(3000);
    QByteArray status;
    {
        QFile file(statusPath);
        if (file.open(QIODevice::ReadOnly))
            status = file.readAll();
    }
    const quint64 allAcknowledged = totalAcknowledged();
    for (auto &logger : loggers)
        logger->socket.abort();
    process.terminate();
    process.waitForFinished(120000);

    std::sort(perSecond.begin(), perSecond.end());
    std::printf("connections %d (%d open at the end), window %d: %llu packets acknowledged in %.1f s = %.0f "
                "packets/s (%.0f observations/s); per second min %llu, median %llu, max %llu\n",
                connections, open, window, (unsigned long long)acknowledged, elapsed, acknowledged / elapsed,
                acknowledged * sFactorCount / elapsed, (unsigned long long)perSecond.front(),
                (unsigned long long)perSecond[perSecond.size() / 2], (unsigned long long)perSecond.back());
    std::printf("central RSS %s (peak %s; anonymous %s, file-backed %s) with %d connected; CPU central "
                "%.0f%%, benchmark %.0f%% (of one "
                "core); load average %s\n",
                rss.constData(), peak.constData(), anonymous.constData(), fileBacked.constData(), open,
                centralCpu, clientCpu, load.constData());
    const QJsonObject statistics =
        QJsonDocument::fromJson(status).object().value(QStringLiteral("statistics")).toObject();
    std::printf("central statistics %s\n",
                QJsonDocument(statistics).toJson(QJsonDocument::Compact).constData());

    QString error;
    const qint64 stored =
        countObservations(databaseUrl, folder.filePath(QStringLiteral("central.sqlite")), &error);
    // The probe packets add one packet's observations per attempt that was answered.
    const qint64 expected = qint64(allAcknowledged) * sFactorCount;
    std::printf("store: %lld load observations after shutdown; acknowledged %llu packets x %d factors = %lld "
                "(%s)%s%s\n",
                (long long)stored, (unsigned long long)allAcknowledged, sFactorCount, (long long)expected,
                stored >= expected ? "ok" : "MISSING", error.isEmpty() ? "" : "; ", qPrintable(error));
    if (stored < expected)
        folder.setAutoRemove(false);
    if (!folder.autoRemove())
        std::printf("kept %s\n", qPrintable(folder.path()));
    return stored >= expected ? 0 : 1;
}
