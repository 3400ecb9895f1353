// bench_ingest: N concurrent HJ 212 logger connections on loopback, each sending the next packet as soon as
// the previous one is acknowledged (9014 after commit), into the in-memory sink. The server runs in a
// child process (this executable with --serve) so that its RSS is its own.
// Usage: bench_ingest [--connections 2000] [--seconds 10] [--window 1] [--commit-delay-ms 0]
#include "benchprocessprobe.h"
#include "jhhj212builder.h"
#include "jhhj212packet.h"
#include "jhhj212server.h"
#include "jhmemoryloggerdirectory.h"
#include "jhmemoryobservationsink.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QJsonDocument>
#include <QProcess>
#include <QSocketNotifier>
#include <QTcpSocket>
#include <QTimer>

#include <cstdio>
#include <memory>
#include <vector>

namespace {
QByteArray mnOf(int index)
{
    return "BENCH" + QByteArray::number(index).rightJustified(19, '0');
}

int argument(const QStringList &arguments, const char *name, int fallback)
{
    const int at = arguments.indexOf(QString::fromLatin1(name));
    return at >= 0 && at + 1 < arguments.size() ? arguments.at(at + 1).toInt() : fallback;
}

int serve(int connections, int commitDelayMs)
{
    JhMemoryLoggerDirectory directory;
    for (int i = 0; i < connections; ++i)
        directory.insert(
            JhLoggerEntry{mnOf(i), QStringLiteral("BENCH-%1").arg(i), "123456", 0, JhHj212Version::V2017});
    JhMemoryObservationSink sink;
    sink.setKeepBatches(false);
    sink.setCommitDelayMs(commitDelayMs);
    JhHj212Server server(&directory, &sink);
    JhIngestLimits limits;
    limits.maxConnections = connections + 100;
    limits.maxConnectionsPerPeer = connections + 100;
    limits.maxPacketsPerSecond = 1e6;
    limits.packetBurst = 1000000;
    server.setLimits(limits);
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 1;
    std::printf("PORT %u\n", unsigned(server.serverPort()));
    std::fflush(stdout);
    // "stats" on stdin: print the counters as one JSON line.
    QSocketNotifier input(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(&input, &QSocketNotifier::activated, [&]() {
        char buffer[64];
        const ssize_t count = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (count <= 0) {
            QCoreApplication::quit();
            return;
        }
        std::printf("%s\n",
                    QJsonDocument(server.statistics().toJson()).toJson(QJsonDocument::Compact).constData());
        std::fflush(stdout);
    });
    return QCoreApplication::exec();
}

//! One logger: a packet in flight per window slot; the next one goes when a reply line arrives.
struct BenchLogger
{
    QTcpSocket socket;
    std::vector<QByteArray> packets;
    int next = 0;
    int partialLine = 0;
    quint64 acknowledged = 0;
};

QByteArray makePacket(int logger, int sequence)
{
    JhHj212Packet packet;
    const QByteArray qn = "20261128100000" + QByteArray::number(100 + sequence).right(3);
    packet.setHeader(JhHj212Packet::Qn, qn.toStdString());
    packet.setHeader(JhHj212Packet::St, "22");
    packet.setHeader(JhHj212Packet::Cn, 2011);
    packet.setHeader(JhHj212Packet::Pw, "123456");
    packet.setHeader(JhHj212Packet::Mn, mnOf(logger).toStdString());
    packet.setHeader(JhHj212Packet::Flag, 5);
    packet.addGroup();
    packet.addField("DataTime", "20261128100000");
    const char *codes[] = {"a21026", "a21004", "a34002", "a34004", "a21005", "a05024"};
    for (int i = 0; i < 6; ++i) {
        packet.addGroup();
        const QByteArray value = QByteArray::number(10 + (logger * 7 + sequence * 3 + i) % 90);
        packet.addField(std::string(codes[i]) + "-Rtd", value.toStdString());
        packet.addField(std::string(codes[i]) + "-Flag", "N");
    }
    return JhHj212Builder::build(packet);
}
} // namespace

int main(int argc, char *argv[])
{
    // As jianghai-central does: the glib dispatcher is slow with thousands of socket notifiers.
    if (qEnvironmentVariableIsEmpty("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    const int connections = argument(arguments, "--connections", 2000);
    const int seconds = argument(arguments, "--seconds", 10);
    const int window = std::max(1, argument(arguments, "--window", 1));
    const int commitDelayMs = argument(arguments, "--commit-delay-ms", 0);
    raiseDescriptorLimit();
    if (arguments.contains(QStringLiteral("--serve")))
        return serve(connections, commitDelayMs);

    QProcess server;
    server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    server.start(app.applicationFilePath(),
                 {QStringLiteral("--serve"), QStringLiteral("--connections"), QString::number(connections),
                  QStringLiteral("--commit-delay-ms"), QString::number(commitDelayMs)});
    if (!server.waitForReadyRead(30000))
        return 1;
    const QByteArray portLine = server.readLine().trimmed();
    const quint16 port = quint16(portLine.mid(5).toUInt());
    std::printf("server pid %lld port %u; RSS idle %s\n", (long long)server.processId(), unsigned(port),
                statusField(server.processId(), "VmRSS:").constData());

    std::vector<std::unique_ptr<BenchLogger>> loggers;
    loggers.reserve(std::size_t(connections));
    int connected = 0;
    bool sending = false;
    for (int i = 0; i < connections; ++i) {
        auto logger = std::make_unique<BenchLogger>();
        for (int s = 0; s < 16; ++s)
            logger->packets.push_back(makePacket(i, s));
        BenchLogger *raw = logger.get();
        QObject::connect(&raw->socket, &QTcpSocket::connected, [&connected]() { ++connected; });
        QObject::connect(&raw->socket, &QTcpSocket::readyRead, [raw, &sending]() {
            const QByteArray bytes = raw->socket.readAll();
            const int lines = int(bytes.count('\n'));
            raw->acknowledged += quint64(lines);
            if (!sending)
                return;
            for (int l = 0; l < lines; ++l) {
                raw->socket.write(raw->packets[std::size_t(raw->next)]);
                raw->next = (raw->next + 1) % int(raw->packets.size());
            }
        });
        loggers.push_back(std::move(logger));
    }
    // Connect in steps of 200 so the listen backlog keeps up.
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < connections; ++i) {
        loggers[std::size_t(i)]->socket.connectToHost(QHostAddress::LocalHost, port);
        if (i % 200 == 199)
            while (connected < i - 100 && clock.elapsed() < 60000)
                app.processEvents(QEventLoop::WaitForMoreEvents);
    }
    while (connected < connections && clock.elapsed() < 120000)
        app.processEvents(QEventLoop::WaitForMoreEvents);
    std::printf("%d/%d connected in %lld ms; RSS with connections %s\n", connected, connections,
                (long long)clock.elapsed(), statusField(server.processId(), "VmRSS:").constData());
    std::fflush(stdout);

    auto totalAcknowledged = [&loggers]() {
        quint64 sum = 0;
        for (const auto &logger : loggers)
            sum += logger->acknowledged;
        return sum;
    };
    sending = true;
    for (auto &logger : loggers)
        for (int w = 0; w < window; ++w) {
            logger->socket.write(logger->packets[std::size_t(logger->next)]);
            logger->next = (logger->next + 1) % int(logger->packets.size());
        }
    auto runFor = [&app](qint64 ms) {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < ms)
            app.processEvents(QEventLoop::WaitForMoreEvents, 100);
    };
    runFor(2000); // warm-up
    const quint64 before = totalAcknowledged();
    const double serverCpuBefore = cpuSeconds(server.processId());
    const double clientCpuBefore = cpuSeconds(getpid());
    QElapsedTimer measured;
    measured.start();
    runFor(qint64(seconds) * 1000);
    const quint64 acknowledged = totalAcknowledged() - before;
    const double elapsed = double(measured.elapsed()) / 1000.0;
    const double rate = double(acknowledged) / elapsed;
    const double serverCpu = (cpuSeconds(server.processId()) - serverCpuBefore) / elapsed * 100;
    const double clientCpu = (cpuSeconds(getpid()) - clientCpuBefore) / elapsed * 100;
    const QByteArray rss = statusField(server.processId(), "VmRSS:");
    const QByteArray peak = statusField(server.processId(), "VmHWM:");
    sending = false;
    server.write("stats\n");
    server.waitForReadyRead(10000);
    const QByteArray stats = server.readLine().trimmed();
    std::printf("connections %d, window %d, commit delay %d ms: %llu packets acknowledged in %.1f s = %.0f "
                "packets/s\n",
                connections, window, commitDelayMs, (unsigned long long)acknowledged,
                measured.elapsed() / 1000.0, rate);
    std::printf("server RSS %s (peak %s); CPU server %.0f%%, clients %.0f%% (of one core); load average %s\n",
                rss.constData(), peak.constData(), serverCpu, clientCpu, loadAverage().constData());
    std::printf("server statistics %s\n", stats.constData());
    server.closeWriteChannel();
    server.waitForFinished(10000);
    return 0;
}
