// On-demand live layer benchmark: 5,000 live sites over the basemap at 1920x1080, cached redraws, sustained
// updates. Run: build/<config>/bench/bench_livelayers [--runs N] [--seconds S] [--sites N]   (headless; one
// line per figure)
#include "jhbasemapproject.h"
#include "jhlivelayers.h"
#include "jhmaprenderer.h"
#include "jhsitestatus.h"
#include "jhworldstate.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <qgsapplication.h>
#include <qgslayertree.h>
#include <qgsmapcanvas.h>
#include <qgsmaprenderercache.h>
#include <qgsmaprendererparalleljob.h>
#include <qgsmaprenderersequentialjob.h>
#include <qgsmapsettings.h>
#include <qgsproject.h>
#include <qgsvectorlayer.h>

#include <algorithm>

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

double rssMegabytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines)
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    return 0;
}

QString loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    return file.open(QIODevice::ReadOnly) ? QString::fromLatin1(file.readAll()).section(' ', 0, 2)
                                          : QString();
}

//! A Nantong-shaped spread of air (60 %), water, noise and source sites with realistic class mixes.
void makeSites(int count, JhWorldState *state, QHash<QString, JhSiteStatus> *statuses)
{
    const JhSiteKind kinds[] = {JhSiteKind::AirTownship, JhSiteKind::AirTownship,
                                JhSiteKind::AirTownship, JhSiteKind::SurfaceWater,
                                JhSiteKind::Noise,       JhSiteKind::PollutionSource};
    for (int i = 0; i < count; ++i) {
        JhSite site;
        site.id = QStringLiteral("S-%1").arg(i, 5, 10, QLatin1Char('0'));
        site.name = QStringLiteral("站点%1").arg(i);
        site.kind = kinds[i % 6];
        site.countyCode = 320613;
        // A jittered grid over the land part of the city (lon 120.35-121.75, lat 31.75-32.55).
        site.longitude = 120.35 + (i % 80) * 0.0175 + ((i * 7919) % 100) * 0.0001;
        site.latitude = 31.75 + (i / 80 % 63) * 0.0127 + ((i * 104729) % 100) * 0.0001;
        site.waterTargetClass = 3;
        state->addSite(site);
        JhSiteStatus status;
        status.siteId = site.id;
        status.state = i % 37 == 0 ? JhSiteState::Offline : JhSiteState::Online;
        status.lastDataAt = QDateTime::currentDateTimeUtc();
        status.air.valid = true;
        status.air.category = 1 + i % 4;
        status.air.aqi = 20 + i % 180;
        status.water.valid = true;
        status.water.overallClass = 1 + i % 6;
        status.water.targetClass = 3;
        status.water.meetsTarget = status.water.overallClass <= 3;
        status.noise.valid = true;
        status.noise.exceeded = i % 5 == 0;
        status.source.valid = true;
        status.source.ratio = (i % 12) / 10.0;
        status.source.exceeded = status.source.ratio > 1;
        status.openAlarms = i % 97 == 0 ? 1 : 0;
        statuses->insert(site.id, status);
    }
}

//! Flips the judgement of \a site so its class (colour) changes.
void changeStatus(JhSiteStatus &status, int tick)
{
    status.air.category = 1 + (status.air.category + tick) % 6;
    status.air.aqi = 20 + (status.air.aqi + 37) % 400;
    status.water.overallClass = 1 + (status.water.overallClass + 1) % 6;
    status.water.meetsTarget = status.water.overallClass <= 3;
    status.noise.exceeded = !status.noise.exceeded;
    status.source.ratio = std::fmod(status.source.ratio + 0.3, 1.3);
    status.source.exceeded = status.source.ratio > 1;
    status.lastDataAt = QDateTime::currentDateTimeUtc();
}

double renderMs(const QgsMapSettings &settings, bool parallel, QgsMapRendererCache *cache = nullptr)
{
    QElapsedTimer timer;
    timer.start();
    if (parallel) {
        QgsMapRendererParallelJob job(settings);
        job.setCache(cache);
        job.start();
        job.waitForFinished();
    } else {
        QgsMapRendererSequentialJob job(settings);
        job.setCache(cache);
        job.start();
        job.waitForFinished();
    }
    return timer.nsecsElapsed() / 1e6;
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM",
            qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
    QgsApplication app(argc, argv, true);
    QgsApplication::setPrefixPath(QStringLiteral("/usr"), true);
    QgsApplication::initQgis();

    QCommandLineParser parser;
    parser.addHelpOption();
    QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Renders per figure."),
                                  QStringLiteral("n"), QStringLiteral("7"));
    QCommandLineOption secondsOption(QStringLiteral("seconds"), QStringLiteral("Sustained update phase."),
                                     QStringLiteral("s"), QStringLiteral("60"));
    QCommandLineOption sitesOption(QStringLiteral("sites"), QStringLiteral("Live sites."),
                                   QStringLiteral("n"), QStringLiteral("5000"));
    QCommandLineOption rateOption(QStringLiteral("rate"), QStringLiteral("Site updates per second."),
                                  QStringLiteral("n"), QStringLiteral("1000"));
    parser.addOptions({runsOption, secondsOption, sitesOption, rateOption});
    parser.process(app);
    const int runs = std::max(1, parser.value(runsOption).toInt());
    const int seconds = std::max(1, parser.value(secondsOption).toInt());
    const int siteCount = std::max(1, parser.value(sitesOption).toInt());
    const int rate = std::max(1, parser.value(rateOption).toInt());
    out() << "load average before: " << loadAverage() << ", " << QThread::idealThreadCount() << " cores"
          << Qt::endl;

    int result = 0;
    {
        JhBasemapProject basemap;
        if (basemap.load() == JhBasemapProject::Error::MapsDirectoryNotFound) {
            out() << "basemap not found: " << basemap.errorMessage() << Qt::endl;
            return 1;
        }
        const QSize size(1920, 1080);
        const QgsRectangle extent = basemap.fullExtent();

        // 1. Basemap alone.
        QgsMapSettings baseSettings = JhMapRenderer::mapSettings(basemap.project(), extent, size);
        renderMs(baseSettings, false); // warm
        QList<double> baseSequential, baseParallel;
        for (int i = 0; i < runs; ++i) {
            baseSequential << renderMs(baseSettings, false);
            baseParallel << renderMs(baseSettings, true);
        }

        // 2. Basemap + live sites.
        JhLiveLayers live(basemap.project(), basemap.mapsDirectory());
        JhWorldState state;
        QHash<QString, JhSiteStatus> statuses;
        makeSites(siteCount, &state, &statuses);
        QElapsedTimer fillTimer;
        fillTimer.start();
        live.apply(state, statuses);
        live.setMapScale(baseSettings.scale()); // as the canvas's scaleChanged would
        const double fillMs = fillTimer.nsecsElapsed() / 1e6;
        live.flushRepaint();
        const QgsMapSettings liveSettings = JhMapRenderer::mapSettings(basemap.project(), extent, size);
        renderMs(liveSettings, false);
        QList<double> liveSequential, liveParallel;
        for (int i = 0; i < runs; ++i) {
            liveSequential << renderMs(liveSettings, false);
            liveParallel << renderMs(liveSettings, true);
        }
        out() << "live layers: " << siteCount << " sites, first fill " << fillMs << " ms" << Qt::endl;
        out() << "basemap alone full redraw: sequential " << median(baseSequential) << " ms, parallel "
              << median(baseParallel) << " ms" << Qt::endl;
        out() << "basemap + " << siteCount << " sites full redraw: sequential " << median(liveSequential)
              << " ms, parallel " << median(liveParallel)
              << " ms (target <= basemap + 50 ms: " << median(liveSequential) - median(baseSequential)
              << " ms more sequential, " << median(liveParallel) - median(baseParallel)
              << " ms more parallel)" << Qt::endl;

        // 3. Redraw after a status change, basemap from the render cache (what the canvas does).
        QgsMapRendererCache cache;
        renderMs(liveSettings, true, &cache);
        QgsVectorLayer *air = live.layer(JhSiteAttributes::Layer::AirStations);
        const QStringList ids = state.sites().keys();
        QList<double> changeOne, changeMany, applyMany;
        for (int i = 0; i < runs; ++i) {
            statuses[ids.at(i)].air.category = 1 + (statuses[ids.at(i)].air.category % 6);
            live.applySiteStatuses(state, statuses, {ids.at(i)});
            for (QgsVectorLayer *layer : live.dirtyLayers())
                cache.invalidateCacheForLayer(layer);
            live.flushRepaint();
            changeOne << renderMs(liveSettings, true, &cache);

            QStringList batch;
            for (int k = 0; k < 1000; ++k) {
                const QString &id = ids.at((i * 1000 + k) % ids.size());
                changeStatus(statuses[id], i);
                batch << id;
            }
            QElapsedTimer applyTimer;
            applyTimer.start();
            live.applySiteStatuses(state, statuses, batch);
            applyMany << applyTimer.nsecsElapsed() / 1e6;
            for (QgsVectorLayer *layer : live.dirtyLayers())
                cache.invalidateCacheForLayer(layer);
            live.flushRepaint();
            changeMany << renderMs(liveSettings, true, &cache);
        }
        QList<double> composeOnly, airAlone;
        QgsMapSettings airSettings = liveSettings;
        airSettings.setLayers({air});
        for (int i = 0; i < runs; ++i) {
            composeOnly << renderMs(liveSettings, true, &cache);
            airAlone << renderMs(airSettings, false);
        }
        out() << "redraw with nothing invalidated (composition of cached layer images only): "
              << median(composeOnly) << " ms; air station layer alone (" << air->featureCount()
              << " points, no cache): " << median(airAlone) << " ms" << Qt::endl;
        out() << "redraw after one status change (cache, only the changed live layer invalidated): "
              << median(changeOne) << " ms (target <= 50 ms)" << Qt::endl;
        out() << "1,000 status changes: apply " << median(applyMany) << " ms, redraw with cache "
              << median(changeMany) << " ms (changed layers: all site layers)" << Qt::endl;

        // 4. Sustained updates through a real canvas (offscreen): rate updates/s, event-loop lateness.
        QgsMapCanvas canvas;
        canvas.resize(size);
        canvas.setDestinationCrs(basemap.project()->crs());
        canvas.setCanvasColor(basemap.project()->backgroundColor());
        canvas.setCachingEnabled(true);
        canvas.setParallelRenderingEnabled(true);
        canvas.setLayers(basemap.project()->layerTreeRoot()->checkedLayers());
        canvas.show();
        canvas.setExtent(extent);
        canvas.refresh();
        QObject::connect(&canvas, &QgsMapCanvas::scaleChanged, &live, &JhLiveLayers::setMapScale);
        live.setMapScale(canvas.scale());
        QList<double> frameTimes;
        QElapsedTimer frame;
        QObject::connect(&canvas, &QgsMapCanvas::renderStarting, [&frame]() { frame.start(); });
        QObject::connect(&canvas, &QgsMapCanvas::mapCanvasRefreshed,
                         [&frame, &frameTimes]() { frameTimes << frame.nsecsElapsed() / 1e6; });
        {
            QEventLoop settle;
            QTimer::singleShot(1500, &settle, &QEventLoop::quit);
            settle.exec();
        }
        frameTimes.clear();

        const double rssStart = rssMegabytes();
        double rssMax = rssStart;
        double maxLateness = 0;
        QList<double> lateness;
        QElapsedTimer tickClock;
        tickClock.start();
        qint64 lastTick = 0;
        QTimer probe;
        probe.setTimerType(Qt::PreciseTimer);
        probe.setInterval(5);
        QObject::connect(&probe, &QTimer::timeout, [&]() {
            const qint64 nowNs = tickClock.nsecsElapsed();
            if (lastTick > 0) {
                const double late = (nowNs - lastTick) / 1e6 - 5.0;
                lateness << late;
                maxLateness = std::max(maxLateness, late);
            }
            lastTick = nowNs;
        });
        int updates = 0;
        int tick = 0;
        const int perTick = std::max(1, rate / 20); // one client message every 50 ms
        QTimer feeder;
        feeder.setInterval(50);
        QObject::connect(&feeder, &QTimer::timeout, [&]() {
            QStringList batch;
            for (int k = 0; k < perTick; ++k) {
                const QString &id = ids.at((updates + k) * 7 % ids.size());
                changeStatus(statuses[id], tick);
                batch << id;
            }
            live.applySiteStatuses(state, statuses, batch);
            updates += perTick;
            ++tick;
            if (tick % 200 == 0)
                rssMax = std::max(rssMax, rssMegabytes());
        });
        QElapsedTimer wall;
        wall.start();
        probe.start();
        feeder.start();
        QEventLoop loop;
        QTimer::singleShot(seconds * 1000, &loop, &QEventLoop::quit);
        loop.exec();
        feeder.stop();
        probe.stop();
        const double elapsed = wall.elapsed() / 1000.0;
        const double rssEnd = rssMegabytes();
        std::sort(lateness.begin(), lateness.end());
        const double p99 = lateness.isEmpty() ? 0 : lateness.at(int(lateness.size() * 0.99));
        out() << "sustained: " << updates << " site updates in " << elapsed << " s (" << updates / elapsed
              << "/s), " << frameTimes.size() << " canvas frames (" << frameTimes.size() / elapsed
              << "/s, median " << median(frameTimes) << " ms), repaint requests "
              << live.statistics().repaints << Qt::endl;
        out() << "event-loop lateness of a 5 ms timer: max " << maxLateness << " ms, p99 " << p99
              << " ms (target max <= 50 ms)" << Qt::endl;
        out() << "memory (RSS): start " << rssStart << " MB, max " << rssMax << " MB, end " << rssEnd << " MB"
              << Qt::endl;
        out() << "load average after: " << loadAverage() << Qt::endl;
        canvas.grab().save(QStringLiteral("bench_livelayers-canvas.png"));
        result = maxLateness <= 50 ? 0 : 2;
    }
    QgsApplication::exitQgis();
    return result;
}
