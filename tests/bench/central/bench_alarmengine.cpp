// bench_alarmengine: observations/s through JhAlarmEngine on the Nantong scenario's sites (events folded into
// the world state as the service does). Usage: bench_alarmengine [scenario.json] [--observations 2000000]
// [--all-hourly] (worst case: every value is an hourly value, so every standard rule judges it)
#include "jhalarmengine.h"
#include "jhscenario.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>

namespace {

//! Deterministic noise in [0, 1).
double noise(quint64 a, quint64 b)
{
    quint64 z = a * 0x9E3779B97F4A7C15ull + b + 0x632BE59BD9B4E5ull;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return double((z ^ (z >> 31)) >> 11) / double(1ull << 53);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication application(argc, argv);
    const QStringList arguments = application.arguments();
    QString path;
#ifdef JH_SOURCE_DIR
    path = QStringLiteral(JH_SOURCE_DIR "/resources/scenario/nantong-scenario.json");
#endif
    qint64 target = 2000000;
    bool allHourly = false;
    for (int index = 1; index < arguments.size(); ++index) {
        if (arguments.at(index) == QLatin1String("--all-hourly"))
            allHourly = true;
        else if (arguments.at(index) == QLatin1String("--observations") && index + 1 < arguments.size())
            target = arguments.at(++index).toLongLong();
        else
            path = arguments.at(index);
    }
    JhScenario scenario;
    if (!scenario.load(path)) {
        std::fprintf(stderr, "cannot load scenario %s: %s\n", qPrintable(path),
                     qPrintable(scenario.errorMessage()));
        return 1;
    }
    JhWorldState state;
    scenario.populate(state);
    const QList<JhSite> sites = scenario.sites();

    // One "step" = every site sends one packet of all its factors; every 12th step (hourly) also an hourly
    // one. Values: a level per factor with noise; one site in 50 exceeds now and then, so alarms open and
    // close.
    JhAlarmEngine engine;
    const QDateTime start(QDate(2026, 5, 1), QTime(0, 0), Qt::UTC);
    qint64 processed = 0;
    qint64 nanoseconds = 0;
    int events = 0;
    QElapsedTimer timer;
    QVector<JhObservation> batch;
    for (int step = 0; processed < target; ++step) {
        const QDateTime now = start.addSecs(allHourly ? 3600 * step : 300 * step);
        const bool hourly = step % 12 == 0;
        batch.clear();
        for (int siteIndex = 0; siteIndex < sites.size(); ++siteIndex) {
            const JhSite &site = sites.at(siteIndex);
            for (int factorIndex = 0; factorIndex < site.factorCodes.size(); ++factorIndex) {
                const double level = 10.0 + 40.0 * noise(siteIndex, factorIndex);
                const bool spike = siteIndex % 50 == 0 && (step / 24) % 2 == 1;
                JhObservation observation;
                observation.siteId = site.id;
                observation.factorCode = site.factorCodes.at(factorIndex);
                observation.dataTime = now;
                observation.interval = allHourly ? JhIntervalKind::Hour : JhIntervalKind::Realtime;
                observation.value =
                    level * (0.9 + 0.2 * noise(step, siteIndex * 31 + factorIndex)) * (spike ? 4 : 1);
                batch.append(observation);
                if (hourly && !allHourly) {
                    observation.interval = JhIntervalKind::Hour;
                    batch.append(observation);
                }
            }
        }
        timer.start();
        QList<JhEvent> produced = engine.process(batch, state, now);
        if (step % 12 == 6)
            produced += engine.sweep(state, now);
        for (JhEvent &event : produced) {
            event.sequence = state.lastSequence() + 1;
            state.apply(event);
        }
        nanoseconds += timer.nsecsElapsed();
        processed += batch.size();
        events += produced.size();
    }
    const double seconds = double(nanoseconds) / 1e9;
    std::printf(
        "alarm engine (%s): %lld observations from %d sites in %.3f s = %.0f observations/s; %d events, "
        "%d alarms in the state\n",
        allHourly ? "all hourly" : "5-min real-time + hourly", processed, int(sites.size()), seconds,
        double(processed) / seconds, events, int(state.alarms().size()));
    return 0;
}
