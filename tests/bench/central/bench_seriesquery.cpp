// Series query benchmark: 7 days of minute data for every scenario site in the store, ingest running on a
// second thread, then the latency of `query` (24 h of minute data, 6 factors of an air site) over a real
// loopback WebSocket. Target p99 <= 50 ms on SQLite. Usage: bench_seriesquery [--database URL] [--days 7]
// [--queries 200] [--ingest-rows-per-second 35000]
#include "jhauthenticator.h"
#include "jhcommandservice.h"
#include "jheventjournal.h"
#include "jhmessage.h"
#include "jhscenario.h"
#include "jhseriesqueryservice.h"
#include "jhstore.h"
#include "jhwebsocketapi.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>
#include <QWebSocket>

#include <algorithm>
#include <atomic>
#include <cstdio>

namespace {
QString option(const QStringList &arguments, const QString &name, const QString &fallback)
{
    const int index = arguments.indexOf(name);
    return index >= 0 && index + 1 < arguments.size() ? arguments.at(index + 1) : fallback;
}

//! One minute of data for every series of \a sites (deterministic values).
void appendMinute(const QList<JhSite> &sites, qint64 minute, const QDateTime &epoch,
                  QList<JhObservation> &rows)
{
    const QDateTime time = epoch.addSecs(60 * minute);
    for (const JhSite &site : sites)
        for (int f = 0; f < site.factorCodes.size(); ++f)
            rows.append({site.id, site.factorCodes.at(f), time, JhIntervalKind::Minute,
                         double((minute * 7 + f * 13 + site.id.size()) % 97) + 0.5, QStringLiteral("N")});
}

double percentile(QVector<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values.at(qMin(values.size() - 1, int(p * values.size())));
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    const int days = option(arguments, QStringLiteral("--days"), QStringLiteral("7")).toInt();
    const int queries = option(arguments, QStringLiteral("--queries"), QStringLiteral("200")).toInt();
    const int ingestRate =
        option(arguments, QStringLiteral("--ingest-rows-per-second"), QStringLiteral("35000")).toInt();
    QTemporaryDir folder;
    JhStoreConfig config = JhStoreConfig::inDataDirectory(folder.filePath(QStringLiteral("data")));
    QString error;
    if (arguments.contains(QStringLiteral("--database")) &&
        !JhStoreConfig::fromUrl(option(arguments, QStringLiteral("--database"), {}), config, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 2;
    }
    JhScenario scenario;
    if (!scenario.load(QStringLiteral(JH_SOURCE_DIR "/resources/scenario/nantong-scenario.json"))) {
        std::fprintf(stderr, "scenario: %s\n", qPrintable(scenario.errorMessage()));
        return 2;
    }
    const QList<JhSite> sites = scenario.sites();
    QList<JhSite> airSites;
    int series = 0;
    for (const JhSite &site : sites) {
        series += site.factorCodes.size();
        if (site.isAir() && site.factorCodes.size() >= 6)
            airSites.append(site);
    }
    const QDateTime epoch(QDate(2026, 6, 1), QTime(0, 0), Qt::UTC);
    const qint64 minutes = qint64(days) * 1440;
    {
        JhStore store;
        JhUser user;
        user.id = QStringLiteral("duty");
        user.role = JhRole::DutyOfficer;
        if (!store.open(config) || !store.upsertFactors(scenario.factors()) || !store.upsertSites(sites) ||
            !store.addUser(user, QStringLiteral("bench"), QDateTime::currentDateTimeUtc())) {
            std::fprintf(stderr, "store: %s\n", qPrintable(store.error().message));
            return 2;
        }
        // Rows straight through insertObservations, in time order as ingest writes them.
        QElapsedTimer timer;
        timer.start();
        QList<JhObservation> rows;
        for (qint64 minute = 0; minute < minutes; ++minute) {
            appendMinute(sites, minute, epoch, rows);
            if (rows.size() >= 50000 || minute + 1 == minutes) {
                if (!store.insertObservations(rows, epoch.addSecs(60 * minute)) || !store.compactIfDue()) {
                    std::fprintf(stderr, "insert: %s\n", qPrintable(store.error().message));
                    return 2;
                }
                rows.clear();
            }
        }
        if (!store.compactObservations())
            return 2;
        std::printf("stored %lld rows (%d sites, %d series, %d days of minute data) in %.1f s (%s)\n",
                    (long long)(minutes * series), int(sites.size()), series, days, timer.elapsed() / 1000.0,
                    qPrintable(config.displayUrl()));
    }

    // Concurrent ingest: a second thread keeps writing the minutes after the stored week.
    std::atomic<bool> stopIngest{false};
    std::atomic<qint64> ingested{0};
    QThread *ingest = QThread::create([&]() {
        JhStore store;
        if (!store.open(config))
            return;
        qint64 minute = minutes;
        QElapsedTimer clock;
        clock.start();
        while (!stopIngest) {
            QList<JhObservation> rows;
            appendMinute(sites, minute++, epoch, rows);
            if (!store.insertObservations(rows, epoch.addSecs(60 * minute)) || !store.compactIfDue())
                std::fprintf(stderr, "ingest: %s\n", qPrintable(store.error().message));
            ingested += rows.size();
            // Paced to the requested rate (a minute of the scenario is ~3,500 rows).
            const qint64 due = ingested * 1000 / qMax(1, ingestRate);
            if (due > clock.elapsed())
                QThread::msleep(quint64(due - clock.elapsed()));
        }
        store.compactObservations();
    });
    ingest->start();

    JhEventJournal journal;
    if (!journal.open(config))
        return 2;
    JhCommandService commands(&journal);
    JhAuthenticator authenticator(&journal.store());
    JhWebSocketApi api(&journal, &commands, &authenticator);
    JhSeriesQueryService service(config);
    if (!service.start(&error)) {
        std::fprintf(stderr, "query service: %s\n", qPrintable(error));
        return 2;
    }
    api.setSeriesQueries(&service);
    if (!api.listen(QHostAddress::LocalHost, 0))
        return 2;

    QWebSocket client;
    QVector<double> latencies;
    QElapsedTimer timer;
    int sent = 0;
    qint64 bytes = 0;
    int points = 0;
    QRandomGenerator random(212);
    auto sendNext = [&]() {
        const JhSite &site = airSites.at(int(random.bounded(quint32(airSites.size()))));
        JhSeriesQuery query;
        query.id = QStringLiteral("bench-%1").arg(++sent);
        query.siteId = site.id;
        query.factorCodes = site.factorCodes.mid(0, 6);
        query.interval = JhIntervalKind::Minute;
        const qint64 start = qint64(random.bounded(quint32(qMax<qint64>(1, minutes - 1440))));
        query.from = epoch.addSecs(60 * start);
        query.to = query.from.addSecs(86400 - 60);
        timer.restart();
        client.sendTextMessage(QString::fromUtf8(JhMessage::query(query).encode()));
    };
    QObject::connect(&client, &QWebSocket::connected, &app, [&]() {
        client.sendTextMessage(QString::fromUtf8(
            JhMessage::hello(QStringLiteral("bench"), 0, QStringLiteral("bench")).encode()));
    });
    QVector<double> arrivals; // until the text is received, before the client decodes it
    QObject::connect(&client, &QWebSocket::textMessageReceived, &app, [&](const QString &text) {
        const double arrived = timer.nsecsElapsed() / 1e6;
        JhMessage message;
        if (!JhMessage::decode(text.toUtf8(), message))
            return;
        if (message.type() == JhMessage::Type::Welcome) {
            sendNext();
            return;
        }
        JhSeriesResult result;
        if (message.type() != JhMessage::Type::QueryResult || !message.readQueryResult(result))
            return;
        latencies.append(timer.nsecsElapsed() / 1e6);
        arrivals.append(arrived);
        bytes += text.size();
        if (!result.isOk()) {
            std::fprintf(stderr, "query failed: %s\n", qPrintable(result.messageEn));
            app.quit();
            return;
        }
        for (const JhSeriesResult::Factor &factor : result.factors)
            points += factor.points.size();
        if (sent < queries)
            sendNext();
        else
            app.quit();
    });
    client.open(QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(api.serverPort())));
    QTimer::singleShot(600000, &app, &QCoreApplication::quit);
    QElapsedTimer wall;
    wall.start();
    app.exec();
    const double seconds = wall.elapsed() / 1000.0;
    stopIngest = true;
    ingest->wait();
    delete ingest;
    std::printf(
        "%d queries (24 h of minute data, 6 factors, %.0f points and %.0f kB of JSON each) while ingest "
        "wrote %.0f rows/s: p50 %.1f ms, p99 %.1f ms, max %.1f ms - target p99 <= 50 ms\n",
        int(latencies.size()), latencies.isEmpty() ? 0.0 : double(points) / latencies.size(),
        latencies.isEmpty() ? 0.0 : bytes / 1000.0 / latencies.size(), ingested / qMax(0.001, seconds),
        percentile(latencies, 0.5), percentile(latencies, 0.99), percentile(latencies, 1.0));
    std::printf(
        "  of which until the text arrived (before the client decodes it): p50 %.1f ms, p99 %.1f ms\n",
        percentile(arrivals, 0.5), percentile(arrivals, 0.99));
    return latencies.size() >= queries ? 0 : 1;
}
