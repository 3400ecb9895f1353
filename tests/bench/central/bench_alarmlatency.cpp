// Alarm latency benchmark: packet arrival -> alarm event at a WebSocket client, through the real
// jianghai-central (SQLite in a temp folder), with a background load of N packets/s. Target p99 <= 250 ms
// at 1,000 packets/s. Usage: bench_alarmlatency [--central PATH] [--rate 1000] [--seconds 10]
#include "jhhj212builder.h"
#include "jhhj212packet.h"
#include "jhmessage.h"
#include "jhscenario.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimer>
#include <QWebSocket>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

namespace {
quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

QByteArray packet(const JhSite &site, qint64 index, const char *flag)
{
    const QByteArray factor = site.factorCodes.value(0).toLatin1();
    const QDateTime time = QDateTime(QDate(2026, 7, 1), QTime(0, 0), Qt::UTC).addSecs(index);
    const QByteArray stamp = time.toString(QStringLiteral("yyyyMMddHHmmss")).toLatin1();
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
    p.addField((factor + "-Rtd").toStdString(), QByteArray::number(10 + index % 7).toStdString());
    p.addField((factor + "-Flag").toStdString(), flag);
    return JhHj212Builder::build(p, JhHj212Builder::Quirks());
}

QString option(const QStringList &arguments, const QString &name, const QString &fallback)
{
    const int index = arguments.indexOf(name);
    return index >= 0 ? arguments.value(index + 1, fallback) : fallback;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    const QString central =
        option(arguments, QStringLiteral("--central"),
               QCoreApplication::applicationDirPath() + QStringLiteral("/../bin/jianghai-central"));
    const int rate = option(arguments, QStringLiteral("--rate"), QStringLiteral("1000")).toInt();
    const int seconds = option(arguments, QStringLiteral("--seconds"), QStringLiteral("10")).toInt();
    const QString scenarioPath = QStringLiteral(JH_SOURCE_DIR "/resources/scenario/nantong-scenario.json");
    JhScenario scenario;
    if (!scenario.load(scenarioPath))
        return 2;
    QList<JhSite> sites;
    for (const JhSite &site : scenario.sites()) {
        if (!site.factorCodes.isEmpty() && !site.mn.isEmpty())
            sites.append(site);
    }
    const int loadLoggers = 100;

    QTemporaryDir folder;
    const quint16 hj212Port = freePort();
    const quint16 apiPort = freePort();
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(central, {QStringLiteral("serve"), QStringLiteral("--data-dir"), folder.path(),
                            QStringLiteral("--hj212-listen"), QStringLiteral("127.0.0.1:%1").arg(hj212Port),
                            QStringLiteral("--api-listen"), QStringLiteral("127.0.0.1:%1").arg(apiPort),
                            QStringLiteral("--scenario"), scenarioPath, QStringLiteral("--demo"),
                            QStringLiteral("--ingest-limits"),
                            QStringLiteral("{\"maxConnectionsPerPeer\":5000,\"maxPacketsPerSecond\":1000}")});
    QByteArray output;
    while (!output.contains("workstation API listening")) {
        if (!process.waitForReadyRead(30000)) {
            std::fprintf(stderr, "central did not start (%s)\n", qPrintable(central));
            return 2;
        }
        output += process.readAllStandardOutput();
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
    QHash<QString, qint64> sentAt; // site id -> ms the fault packet was written
    std::vector<double> latencies;
    QWebSocket client;
    QObject::connect(&client, &QWebSocket::connected, &app, [&]() {
        client.sendTextMessage(QString::fromUtf8(
            JhMessage::hello(QStringLiteral("demo-duty"), 0, QStringLiteral("bench")).encode()));
    });
    QObject::connect(&client, &QWebSocket::textMessageReceived, &app, [&](const QString &text) {
        const qint64 now = clock.elapsed();
        JhMessage message;
        QList<JhEvent> events;
        if (!JhMessage::decode(text.toUtf8(), message) || !message.readEvents(events))
            return;
        for (const JhEvent &event : events) {
            if (event.type != JhEventType::AlarmOpened)
                continue;
            const QString site = event.payload.value(QStringLiteral("siteId")).toString();
            const auto it = sentAt.constFind(site);
            if (it != sentAt.constEnd())
                latencies.push_back(double(now - it.value()));
        }
    });
    client.open(QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(apiPort)));

    // Every 10 ms: rate/100 packets of normal data from the load loggers, and every 20 ms one fault packet
    // from a site that has not alarmed yet.
    qint64 tick = 0;
    qint64 sent = 0;
    int nextAlarmSite = loadLoggers;
    QTimer pump;
    pump.setTimerType(Qt::PreciseTimer);
    QObject::connect(&pump, &QTimer::timeout, &app, [&]() {
        ++tick;
        const qint64 due = tick * rate / 100;
        while (sent < due) {
            const int logger = int(sent % loadLoggers);
            loggers[size_t(logger)]->write(packet(sites.at(logger), 1000 + sent / loadLoggers, "N"));
            ++sent;
        }
        if (tick % 2 == 0 && nextAlarmSite < sites.size()) {
            const JhSite &site = sites.at(nextAlarmSite);
            loggers[size_t(nextAlarmSite)]->write(packet(site, 5000000, "D"));
            loggers[size_t(nextAlarmSite)]->flush();
            sentAt.insert(site.id, clock.elapsed());
            ++nextAlarmSite;
        }
        for (int i = 0; i < loadLoggers; ++i)
            loggers[size_t(i)]->flush();
        if (tick >= seconds * 100LL)
            pump.stop();
    });
    QTimer::singleShot(500, &app, [&]() { pump.start(10); });
    QTimer::singleShot(seconds * 1000 + 3000, &app, &QCoreApplication::quit);
    app.exec();
    process.terminate();
    process.waitForFinished(20000);

    std::sort(latencies.begin(), latencies.end());
    auto percentile = [&](double p) {
        return latencies.empty() ? -1.0
                                 : latencies[std::min(latencies.size() - 1, size_t(p * latencies.size()))];
    };
    std::printf("load %lld packets in %d s (%d packets/s target), %d fault packets, %zu alarms received\n",
                sent, seconds, rate, int(sentAt.size()), latencies.size());
    std::printf("alarm latency packet -> WebSocket client: p50 %.0f ms, p99 %.0f ms, max %.0f ms (target p99 "
                "<= 250 ms)\n",
                percentile(0.5), percentile(0.99), latencies.empty() ? -1.0 : latencies.back());
    return latencies.size() == size_t(sentAt.size()) ? 0 : 1;
}
