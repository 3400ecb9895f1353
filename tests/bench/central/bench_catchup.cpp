// Catch-up benchmark: a client reconnecting 100,000 events behind, over a real loopback WebSocket, against
// the event journal on SQLite (or PostgreSQL with --database URL). Target: all delivered in <= 3 s.
#include "jhauthenticator.h"
#include "jhcommandhandler.h"
#include "jhcommandservice.h"
#include "jheventjournal.h"
#include "jhmessage.h"
#include "jhwebsocketapi.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QWebSocket>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    const int total = arguments.contains(QStringLiteral("--events"))
                          ? arguments.value(arguments.indexOf(QStringLiteral("--events")) + 1).toInt()
                          : 100000;
    QTemporaryDir folder;
    JhStoreConfig config = JhStoreConfig::inDataDirectory(folder.filePath(QStringLiteral("data")));
    if (arguments.contains(QStringLiteral("--database"))) {
        QString error;
        if (!JhStoreConfig::fromUrl(arguments.value(arguments.indexOf(QStringLiteral("--database")) + 1),
                                    config, &error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 2;
        }
    }
    {
        JhStore seed;
        if (!seed.open(config))
            return 2;
        JhSite site;
        site.id = QStringLiteral("AIR-B1");
        site.name = site.id;
        site.mn = QStringLiteral("320600000000000000000001");
        site.password = QStringLiteral("123456");
        JhUser user;
        user.id = QStringLiteral("duty");
        user.role = JhRole::DutyOfficer;
        if (!seed.upsertSites({site}) ||
            !seed.addUser(user, QStringLiteral("bench"), QDateTime::currentDateTimeUtc()))
            return 2;
    }
    JhEventJournal journal;
    if (!journal.open(config))
        return 2;
    QElapsedTimer timer;
    timer.start();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int done = 0; done < total;) {
        QList<JhEvent> batch;
        JhWorldState shadow = journal.state();
        for (int i = 0; i < 5000 && done < total; ++i, ++done) {
            JhEvent event =
                JhCommandHandler::alarmOpened(shadow, QStringLiteral("AIR-B1"), QStringLiteral("a21026"),
                                              QStringLiteral("rule-%1").arg(done), JhAlarmLevel::Warning, 150,
                                              QStringLiteral("SO2 1小时平均 IAQI 超过 100"), now);
            shadow.apply(event);
            batch.append(event);
        }
        if (!journal.appendSystemEvents(batch))
            return 2;
    }
    std::printf("appended %d events in %.1f s (%s)\n", total, timer.elapsed() / 1000.0,
                qPrintable(config.displayUrl()));

    JhCommandService commands(&journal);
    JhAuthenticator authenticator(&journal.store());
    JhWebSocketApi api(&journal, &commands, &authenticator);
    if (!api.listen(QHostAddress::LocalHost, 0))
        return 2;

    QWebSocket client;
    qint64 received = 0;
    qint64 bytes = 0;
    qint64 welcomeMs = -1;
    QObject::connect(&client, &QWebSocket::connected, &app, [&]() {
        timer.restart();
        client.sendTextMessage(QString::fromUtf8(
            JhMessage::hello(QStringLiteral("bench"), 0, QStringLiteral("bench")).encode()));
    });
    QObject::connect(&client, &QWebSocket::textMessageReceived, &app, [&](const QString &text) {
        bytes += text.size();
        JhMessage message;
        if (!JhMessage::decode(text.toUtf8(), message))
            return;
        if (message.type() == JhMessage::Type::Welcome)
            welcomeMs = timer.elapsed();
        QList<JhEvent> events;
        if (message.type() == JhMessage::Type::Events && message.readEvents(events)) {
            received += events.size();
            if (received >= total)
                app.quit();
        }
    });
    client.open(QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(api.serverPort())));
    QTimer::singleShot(60000, &app, &QCoreApplication::quit);
    app.exec();
    std::printf("catch-up: %lld of %d events (%.1f MB of JSON) delivered and decoded in %.2f s (welcome "
                "after %lld ms)"
                " - target <= 3 s\n",
                received, total, bytes / 1e6, timer.elapsed() / 1000.0, welcomeMs);
    return received >= total ? 0 : 1;
}
