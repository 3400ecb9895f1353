// Fan-out benchmark: 200 workstation connections (one process) on the real jianghai-central while the
// scenario plays (jianghai-stationsim) and 1,000 packets/s of extra load arrive; probe packets with a fault
// flag and a data time of their own. Reports p50/p99 packet -> site-status at a client (target p99 <= 1.5 s),
// packet -> alarm event (target p99 <= 100 ms), central CPU and RSS, bytes/s per client. Usage:
// bench_clientfanout [--clients 200] [--rate 1000] [--seconds 20] [--no-stationsim]
#include "jhhj212builder.h"
#include "jhhj212packet.h"
#include "jhmessage.h"
#include "jhscenario.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimer>
#include <QWebSocket>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <unistd.h>
#include <vector>

namespace {
quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

QString option(const QStringList &arguments, const QString &name, const QString &fallback)
{
    const int index = arguments.indexOf(name);
    return index >= 0 ? arguments.value(index + 1, fallback) : fallback;
}

QByteArray packet(const JhSite &site, const QDateTime &time, double value, const char *flag)
{
    const QByteArray factor = site.factorCodes.value(0).toLatin1();
    const QByteArray stamp =
        time.toOffsetFromUtc(8 * 3600).toString(QStringLiteral("yyyyMMddHHmmss")).toLatin1();
    JhHj212Packet p;
    p.setHeader(JhHj212Packet::Qn, (stamp + "000").toStdString());
    p.setHeader(JhHj212Packet::St, "22");
    p.setHeader(JhHj212Packet::Cn, 2011);
    p.setHeader(JhHj212Packet::Pw, site.password.toStdString());
    p.setHeader(JhHj212Packet::Mn, site.mn.toStdString());
    p.setHeader(JhHj212Packet::Flag, 4);
    p.addGroup();
    p.addField("DataTime", stamp.toStdString());
    p.addGroup();
    p.addField((factor + "-Rtd").toStdString(), QByteArray::number(value, 'f', 1).toStdString());
    p.addField((factor + "-Flag").toStdString(), flag);
    return JhHj212Builder::build(p, JhHj212Builder::Quirks());
}

//! utime + stime of a process in clock ticks, and its RSS in kB.
void processUsage(qint64 pid, qint64 &ticks, qint64 &rssKb)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (stat.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> fields = stat.readAll().split(' ');
        ticks = fields.value(13).toLongLong() + fields.value(14).toLongLong();
    }
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (status.open(QIODevice::ReadOnly))
        for (const QByteArray &line : status.readAll().split('\n'))
            if (line.startsWith("VmRSS:"))
                rssKb = line.mid(6).trimmed().split(' ').value(0).toLongLong();
}

//! A bare WebSocket client on QTcpSocket: frames parsed on bytes, no UTF-16 conversion, so one bench thread
//! can follow 200 connections without becoming what is measured.
struct RawWebSocketClient
{
    QTcpSocket socket;
    QByteArray buffer;
    QByteArray message;
    bool upgraded = false;
    std::function<void(const QByteArray &)> onMessage;

    void open(quint16 port, const QByteArray &hello)
    {
        QObject::connect(&socket, &QTcpSocket::connected, &socket, [this, port]() {
            socket.write("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) +
                         "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
                         "dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
        });
        QObject::connect(&socket, &QTcpSocket::readyRead, &socket, [this, hello]() {
            buffer += socket.readAll();
            if (!upgraded) {
                const int end = buffer.indexOf("\r\n\r\n");
                if (end < 0)
                    return;
                buffer.remove(0, end + 4);
                upgraded = true;
                sendText(hello);
            }
            parse();
        });
        socket.connectToHost(QHostAddress::LocalHost, port);
    }

    void sendText(const QByteArray &payload)
    {
        // Client frames are masked (RFC 6455); a zero mask keeps the payload as it is.
        QByteArray frame;
        frame.append(char(0x81));
        if (payload.size() < 126) {
            frame.append(char(0x80 | payload.size()));
        } else {
            frame.append(char(0x80 | 126));
            frame.append(char(payload.size() >> 8)).append(char(payload.size() & 0xff));
        }
        frame.append(QByteArray(4, '\0'));
        frame.append(payload);
        socket.write(frame);
    }

    void parse()
    {
        int offset = 0;
        while (buffer.size() - offset >= 2) {
            const auto *bytes = reinterpret_cast<const uchar *>(buffer.constData() + offset);
            const bool fin = bytes[0] & 0x80;
            const int opcode = bytes[0] & 0x0f;
            quint64 length = bytes[1] & 0x7f;
            int header = 2;
            if (length == 126) {
                if (buffer.size() - offset < 4)
                    break;
                length = (quint64(bytes[2]) << 8) | bytes[3];
                header = 4;
            } else if (length == 127) {
                if (buffer.size() - offset < 10)
                    break;
                length = 0;
                for (int i = 0; i < 8; ++i)
                    length = (length << 8) | bytes[2 + i];
                header = 10;
            }
            if (quint64(buffer.size() - offset - header) < length)
                break;
            if (opcode == 0x1 || opcode == 0x0) {
                message.append(buffer.constData() + offset + header, int(length));
                if (fin) {
                    if (onMessage)
                        onMessage(message);
                    message.clear();
                }
            }
            offset += header + int(length);
        }
        buffer.remove(0, offset);
    }
};

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return -1;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, size_t(p * values.size()))];
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    const QString bin = QCoreApplication::applicationDirPath() + QStringLiteral("/../bin/");
    const int clients = option(arguments, QStringLiteral("--clients"), QStringLiteral("200")).toInt();
    const int rate = option(arguments, QStringLiteral("--rate"), QStringLiteral("1000")).toInt();
    const int seconds = option(arguments, QStringLiteral("--seconds"), QStringLiteral("20")).toInt();
    const bool withSimulator = !arguments.contains(QStringLiteral("--no-stationsim"));
    // 1: the loggers at their real rates; 60: the demo's day-in-24-minutes, where every site changes each
    // second.
    const QString speed = option(arguments, QStringLiteral("--speed"), QStringLiteral("60"));
    const QString scenarioPath = QStringLiteral(JH_SOURCE_DIR "/resources/scenario/nantong-scenario.json");
    JhScenario scenario;
    if (!scenario.load(scenarioPath))
        return 2;
    QList<JhSite> sites;
    for (const JhSite &site : scenario.sites())
        if (!site.factorCodes.isEmpty() && !site.mn.isEmpty())
            sites.append(site);
    const int loadLoggers = 100;

    QTemporaryDir folder;
    const quint16 hj212Port = freePort();
    const quint16 apiPort = freePort();
    QProcess central;
    central.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    central.start(
        bin + QStringLiteral("jianghai-central"),
        {QStringLiteral("serve"), QStringLiteral("--data-dir"), folder.path(),
         QStringLiteral("--hj212-listen"), QStringLiteral("127.0.0.1:%1").arg(hj212Port),
         QStringLiteral("--api-listen"), QStringLiteral("127.0.0.1:%1").arg(apiPort),
         QStringLiteral("--scenario"), scenarioPath, QStringLiteral("--demo"),
         QStringLiteral("--ingest-limits"),
         QStringLiteral(
             "{\"maxConnectionsPerPeer\":5000,\"maxPacketsPerSecond\":100000,\"packetBurst\":100000}")});
    QByteArray output;
    while (!output.contains("workstation API listening")) {
        if (!central.waitForReadyRead(30000))
            return 2;
        output += central.readAllStandardOutput();
    }
    QObject::connect(&central, &QProcess::readyReadStandardOutput, &app,
                     [&central]() { central.readAllStandardOutput(); });
    QProcess simulator;
    if (withSimulator) {
        simulator.setProcessChannelMode(QProcess::MergedChannels);
        QObject::connect(&simulator, &QProcess::readyRead, &app, [&simulator]() { simulator.readAll(); });
        simulator.start(bin + QStringLiteral("jianghai-stationsim"),
                        {QStringLiteral("--host"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
                         QString::number(hj212Port), QStringLiteral("--scenario"), scenarioPath,
                         QStringLiteral("--speed"), speed});
    }

    std::vector<std::unique_ptr<QTcpSocket>> loggers;
    for (int i = 0; i < sites.size(); ++i) {
        loggers.push_back(std::make_unique<QTcpSocket>());
        QTcpSocket *socket = loggers.back().get();
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [socket]() { socket->readAll(); });
        socket->connectToHost(QHostAddress::LocalHost, hj212Port);
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    }
    for (auto &socket : loggers)
        socket->waitForConnected(5000);

    QElapsedTimer clock;
    clock.start();
    // Probe site id -> (ms sent, data time). A probe's data time is a day ahead of everything else, so the
    // site's status keeps it as its newest value and each client sees it exactly once.
    struct Probe
    {
        qint64 sentMs;
        QString dataTime;
    };
    QHash<QString, Probe> probes;
    std::vector<double> statusLatency, alarmLatency;
    std::vector<qint64> bytesPerClient(size_t(clients), 0);
    std::vector<QSet<QString>> statusSeen{size_t(clients)}, alarmSeen{size_t(clients)};
    int live = 0;
    std::vector<std::unique_ptr<RawWebSocketClient>> sockets;
    for (int c = 0; c < clients; ++c) {
        sockets.push_back(std::make_unique<RawWebSocketClient>());
        RawWebSocketClient *socket = sockets.back().get();
        socket->onMessage = [&, c](const QByteArray &text) {
            const qint64 now = clock.elapsed();
            bytesPerClient[size_t(c)] += text.size();
            if (text.contains("\"welcome\""))
                ++live;
            // Only messages that carry a probe are parsed (its value is unique): the bench's one thread must
            // keep up with 200 clients, or it measures itself.
            if (probes.isEmpty() || !text.contains("4242.5"))
                return;
            const bool status = text.contains("\"site-status\"");
            const bool alarm = text.contains("alarm.opened");
            if (!status && !alarm)
                return;
            const QJsonObject body =
                QJsonDocument::fromJson(text).object().value(QStringLiteral("body")).toObject();
            if (status) {
                for (const QJsonValue &value : body.value(QStringLiteral("sites")).toArray()) {
                    const QJsonObject site = value.toObject();
                    const QString id = site.value(QStringLiteral("siteId")).toString();
                    const auto probe = probes.constFind(id);
                    if (probe == probes.constEnd() || statusSeen[size_t(c)].contains(id))
                        continue;
                    if (site.value(QStringLiteral("lastDataAt")).toString() != probe->dataTime)
                        continue;
                    statusSeen[size_t(c)].insert(id);
                    statusLatency.push_back(double(now - probe->sentMs));
                }
            }
            if (alarm) {
                for (const QJsonValue &value : body.value(QStringLiteral("events")).toArray()) {
                    const QJsonObject event = value.toObject();
                    if (event.value(QStringLiteral("type")) != QLatin1String("alarm.opened"))
                        continue;
                    const QString id = event.value(QStringLiteral("payload"))
                                           .toObject()
                                           .value(QStringLiteral("siteId"))
                                           .toString();
                    const auto probe = probes.constFind(id);
                    if (probe == probes.constEnd() || alarmSeen[size_t(c)].contains(id))
                        continue;
                    alarmSeen[size_t(c)].insert(id);
                    alarmLatency.push_back(double(now - probe->sentMs));
                }
            }
        };
        socket->open(apiPort,
                     JhMessage::hello(QStringLiteral("demo-duty"), 0, QStringLiteral("bench")).encode());
    }
    while (live < clients && clock.elapsed() < 60000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    std::printf(
        "%d/%d clients welcomed in %lld ms%s\n", live, clients, clock.elapsed(),
        withSimulator
            ? qPrintable(QStringLiteral(", scenario playing (jianghai-stationsim --speed %1)").arg(speed))
            : "");

    qint64 tick = 0, sent = 0;
    int nextProbe = loadLoggers;
    // Whole seconds: HJ 212 data times have no milliseconds.
    QDateTime probeTime = QDateTime::currentDateTimeUtc().addDays(1);
    probeTime.setTime(QTime(probeTime.time().hour(), probeTime.time().minute(), probeTime.time().second()));
    QTimer pump;
    pump.setTimerType(Qt::PreciseTimer);
    qint64 ticksBefore = 0, ticksAfter = 0, rssKb = 0, rssPeakKb = 0;
    qint64 bytesBefore = 0;
    QObject::connect(&pump, &QTimer::timeout, &app, [&]() {
        ++tick;
        const qint64 due = tick * rate / 100;
        while (sent < due) {
            const int logger = int(sent % loadLoggers);
            loggers[size_t(logger)]->write(packet(
                sites.at(logger), QDateTime::currentDateTimeUtc().addSecs(-sent % 600), 10 + sent % 7, "N"));
            ++sent;
        }
        for (int i = 0; i < loadLoggers; ++i)
            loggers[size_t(i)]->flush();
        // One probe every 100 ms on a site not probed yet.
        if (tick % 10 == 0 && nextProbe < sites.size()) {
            const JhSite &site = sites.at(nextProbe);
            const QDateTime time = probeTime.addSecs(nextProbe);
            probes.insert(site.id, {clock.elapsed(), time.toString(Qt::ISODateWithMs)});
            loggers[size_t(nextProbe)]->write(packet(site, time, 4242.5, "D"));
            loggers[size_t(nextProbe)]->flush();
            ++nextProbe;
        }
        if (tick % 100 == 0) {
            qint64 ticks = 0;
            processUsage(central.processId(), ticks, rssKb);
            rssPeakKb = std::max(rssPeakKb, rssKb);
        }
        if (tick >= seconds * 100LL)
            pump.stop();
    });
    qint64 selfBefore = 0, selfAfter = 0, selfRss = 0;
    QTimer::singleShot(500, &app, [&]() {
        processUsage(QCoreApplication::applicationPid(), selfBefore, selfRss);
        processUsage(central.processId(), ticksBefore, rssKb);
        for (qint64 b : bytesPerClient)
            bytesBefore += b;
        clock.restart();
        pump.start(10);
    });
    QTimer::singleShot(seconds * 1000 + 4000, &app, [&]() {
        processUsage(central.processId(), ticksAfter, rssKb);
        processUsage(QCoreApplication::applicationPid(), selfAfter, selfRss);
        QCoreApplication::quit();
    });
    app.exec();
    qint64 bytesAfter = 0;
    for (qint64 b : bytesPerClient)
        bytesAfter += b;
    simulator.terminate();
    simulator.waitForFinished(10000);
    central.terminate();
    central.waitForFinished(20000);

    const double cpu =
        double(ticksAfter - ticksBefore) / double(sysconf(_SC_CLK_TCK)) / (seconds + 4) * 100.0;
    const size_t expected = size_t(probes.size()) * size_t(clients);
    std::printf("load %lld packets in %d s (%d/s), %d probes x %d clients\n", sent, seconds, rate,
                int(probes.size()), clients);
    std::printf("packet -> site-status: p50 %.0f ms, p99 %.0f ms, max %.0f ms, %zu/%zu seen (target p99 <= "
                "1500 ms)\n",
                percentile(statusLatency, 0.5), percentile(statusLatency, 0.99),
                percentile(statusLatency, 1.0), statusLatency.size(), expected);
    std::printf(
        "packet -> alarm event: p50 %.0f ms, p99 %.0f ms, max %.0f ms, %zu/%zu seen (target p99 <= 100 ms)\n",
        percentile(alarmLatency, 0.5), percentile(alarmLatency, 0.99), percentile(alarmLatency, 1.0),
        alarmLatency.size(), expected);
    std::printf("this benchmark's own process (200 clients + loggers): %.0f%% CPU of one core\n",
                double(selfAfter - selfBefore) / double(sysconf(_SC_CLK_TCK)) / (seconds + 4) * 100.0);
    std::printf("central: %.0f%% CPU (of one core), RSS %lld MB (peak %lld MB); %.1f kB/s per client\n", cpu,
                rssKb / 1024, rssPeakKb / 1024,
                double(bytesAfter - bytesBefore) / clients / (seconds + 4) / 1024.0);
    return statusLatency.size() == expected && alarmLatency.size() == expected ? 0 : 1;
}
