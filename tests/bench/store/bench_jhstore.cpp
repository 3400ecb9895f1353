// On-demand benchmark: observation batch inserts (the ingest path) and event appends, SQLite and PostgreSQL.
// Usage: bench_jhstore [postgresql://postgres@127.0.0.1:55432/dbname]
// JH_BENCH_THRESHOLD=rows sets the SQLite compaction threshold (default: the store's, 250,000).
#include "jhstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

namespace {
void run(const char *label, const JhStoreConfig &config)
{
    JhStore store;
    if (qEnvironmentVariableIsSet("JH_BENCH_THRESHOLD"))
        store.setCompactionThreshold(qEnvironmentVariableIntValue("JH_BENCH_THRESHOLD"));
    if (!store.open(config)) {
        std::printf("%s: cannot open: %s\n", label, qPrintable(store.error().message));
        return;
    }
    const QDateTime start = QDateTime::currentDateTimeUtc();
    // One packet = one site's realtime record of 6 factors; 2,000 loggers, batches of 500 packets.
    constexpr int sPackets = 200000;
    constexpr int sBatch = 500;
    constexpr int sFactors = 6;
    // Batches are built before timing: only the store is measured.
    QList<QList<JhObservation>> batches;
    for (int first = 0; first < sPackets; first += sBatch) {
        QList<JhObservation> batch;
        for (int p = first; p < first + sBatch; ++p)
            for (int f = 0; f < sFactors; ++f)
                batch.append({QStringLiteral("SITE-%1").arg(p % 2000), QStringLiteral("a2100%1").arg(f),
                              start.addSecs(p / 2000 * 30), JhIntervalKind::Realtime, p * 0.1,
                              QStringLiteral("N")});
        batches.append(batch);
    }
    QElapsedTimer timer;
    timer.start();
    int stored = 0;
    QList<qint64> latencies;
    for (const QList<JhObservation> &batch : batches) {
        QElapsedTimer one;
        one.start();
        const bool ok = store.insertObservations(batch, start) && store.compactIfDue();
        latencies.append(one.nsecsElapsed() / 1000);
        if (!ok) {
            std::printf("%s: insert failed: %s\n", label, qPrintable(store.error().message));
            return;
        }
        stored += int(batch.size());
    }
    const double seconds = timer.nsecsElapsed() / 1e9;
    std::printf("%s: %d packets (%d observations) in %.2f s = %.0f packets/s, %.0f observations/s\n", label,
                sPackets, stored, seconds, sPackets / seconds, stored / seconds);
    std::sort(latencies.begin(), latencies.end());
    std::printf("%s: batch commit latency median %.1f ms, p99 %.1f ms, max %.1f ms\n", label,
                latencies.at(latencies.size() / 2) / 1000.0,
                latencies.at(latencies.size() * 99 / 100) / 1000.0, latencies.last() / 1000.0);

    timer.restart();
    constexpr int sAppends = 2000;
    for (int i = 0; i < sAppends; ++i) {
        QList<JhEvent> events{{0,
                               JhEventType::TeamStatusChanged,
                               start,
                               QStringLiteral("system"),
                               QString(),
                               {{"teamId", "city"}, {"status", "busy"}}}};
        if (!store.appendEvents(events)) {
            std::printf("%s: append failed: %s\n", label, qPrintable(store.error().message));
            return;
        }
    }
    std::printf("%s: %d single-event appends (one transaction each) = %.0f appends/s\n", label, sAppends,
                sAppends / (timer.nsecsElapsed() / 1e9));
    timer.restart();
    QList<JhEvent> page;
    store.eventsAfter(0, 100000, page);
    std::printf("%s: read %lld events in %.3f s\n", label, static_cast<long long>(page.size()),
                timer.nsecsElapsed() / 1e9);
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication application(argc, argv);
    QTemporaryDir folder;
    run("sqlite (synchronous=full)", JhStoreConfig::inDataDirectory(folder.filePath(QStringLiteral("full"))));
    JhStoreConfig normal = JhStoreConfig::inDataDirectory(folder.filePath(QStringLiteral("normal")));
    normal.sqliteSynchronousFull = false;
    run("sqlite (synchronous=normal)", normal);
    if (argc > 1) {
        JhStoreConfig postgres;
        QString error;
        if (JhStoreConfig::fromUrl(QString::fromLocal8Bit(argv[1]), postgres, &error))
            run("postgresql", postgres);
        else
            std::printf("bad URL: %s\n", qPrintable(error));
    }
    return 0;
}
