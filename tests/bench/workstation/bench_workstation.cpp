// On-demand workstation benchmarks: first frame, full-extent render 1920x1080, A3 PDF at 300 dpi.
// Run: build/<config>/bench/bench_workstation [runs] [--profile]   (headless; one line per measurement)
#include "jhbasemapproject.h"
#include "jhmaprenderer.h"
#include "jhsituationmapexporter.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextStream>

#include <qgsapplication.h>
#include <qgsmaplayer.h>
#include <qgsmapsettings.h>

#include <algorithm>

namespace {

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

//! Cold start: a fresh jianghai-workstation process per run, timed by the process itself to its first frame.
void benchmarkStartup(int runs)
{
    const QString program =
        QCoreApplication::applicationDirPath() + QStringLiteral("/../bin/jianghai-workstation");
    QList<double> firstFrames;
    for (int i = 0; i < runs; ++i) {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        if (environment.value(QStringLiteral("DISPLAY")).isEmpty())
            environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        process.setProcessEnvironment(environment);
        process.start(program, {QStringLiteral("--benchmark-startup")});
        if (!process.waitForFinished(60000)) {
            process.kill();
            out() << "startup: run " << i << " timed out" << Qt::endl;
            continue;
        }
        const QString text = QString::fromUtf8(process.readAllStandardOutput());
        const auto match = QRegularExpression(QStringLiteral("first-frame-ms (\\d+)")).match(text);
        if (match.hasMatch())
            firstFrames << match.captured(1).toDouble();
        out() << "startup run " << i << ": " << text.trimmed() << Qt::endl;
    }
    out() << "cold start to first frame: median " << median(firstFrames) << " ms over " << firstFrames.size()
          << " runs (target <= 2000 ms)" << Qt::endl;
}

void benchmarkRender(int runs)
{
    QElapsedTimer timer;
    timer.start();
    JhBasemapProject basemap;
    basemap.load();
    const double loadMs = timer.elapsed();
    const QgsMapSettings settings =
        JhMapRenderer::mapSettings(basemap.project(), basemap.fullExtent(), QSize(1920, 1080));
    timer.restart();
    JhMapRenderer::render(settings);
    const double coldMs = timer.elapsed();
    QList<double> warm;
    for (int i = 0; i < runs; ++i) {
        timer.restart();
        JhMapRenderer::render(settings);
        warm << timer.elapsed();
    }
    QList<double> parallel;
    for (int i = 0; i < runs; ++i) {
        timer.restart();
        JhMapRenderer::render(settings, true);
        parallel << timer.elapsed();
    }
    out() << "project load: " << loadMs << " ms" << Qt::endl;
    out() << "full-extent render 1920x1080: cold " << coldMs << " ms, warm median " << median(warm)
          << " ms over " << runs << " runs; parallel job (as the canvas) warm median " << median(parallel)
          << " ms (target <= 200 ms)" << Qt::endl;
}

//! Where the render time goes: each layer alone (labels included), and everything without labels.
void profileLayers(int runs)
{
    JhBasemapProject basemap;
    basemap.load();
    const QgsMapSettings all =
        JhMapRenderer::mapSettings(basemap.project(), basemap.fullExtent(), QSize(1920, 1080));
    JhMapRenderer::render(all);
    auto timed = [runs](const QgsMapSettings &settings) {
        QList<double> times;
        for (int i = 0; i < runs; ++i) {
            QElapsedTimer timer;
            timer.start();
            JhMapRenderer::render(settings);
            times << timer.elapsed();
        }
        return median(times);
    };
    QgsMapSettings noLabels = all;
    noLabels.setFlag(Qgis::MapSettingsFlag::DrawLabeling, false);
    out() << "profile: all layers " << timed(all) << " ms, without labels " << timed(noLabels) << " ms"
          << Qt::endl;
    const auto layers = all.layers();
    for (QgsMapLayer *layer : layers) {
        QgsMapSettings one = all;
        one.setLayers({layer});
        out() << "profile: " << layer->name() << " " << timed(one) << " ms" << Qt::endl;
    }
}

void benchmarkExport(int runs)
{
    JhBasemapProject basemap;
    basemap.load();
    QTemporaryDir directory;
    QList<double> seconds;
    for (int i = 0; i < runs; ++i) {
        JhSituationMapRequest request;
        request.outputPath = directory.filePath(QStringLiteral("a3-%1.pdf").arg(i));
        request.title = QStringLiteral("南通市生态环境态势图");
        request.dateTime = QDateTime(QDate(2026, 7, 1), QTime(9, 30));
        request.dpi = 300;
        QElapsedTimer timer;
        timer.start();
        const auto result = JhSituationMapExporter(&basemap).exportMap(request);
        seconds << timer.elapsed() / 1000.0;
        out() << "A3 PDF 300 dpi run " << i << ": " << seconds.last() << " s "
              << (result.ok() ? QStringLiteral("ok") : result.message) << ", "
              << QFileInfo(request.outputPath).size() / 1024 << " KiB" << Qt::endl;
    }
    out() << "headless A3 PDF export at 300 dpi: first " << seconds.value(0) << " s, median "
          << median(seconds) << " s (target <= 3 s)" << Qt::endl;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QgsApplication app(argc, argv, true);
    QgsApplication::setPrefixPath(QStringLiteral("/usr"), true);
    QgsApplication::initQgis();
    const int runs = argc > 1 ? std::max(1, QString::fromLocal8Bit(argv[1]).toInt()) : 5;
    if (QCoreApplication::arguments().contains(QStringLiteral("--profile"))) {
        profileLayers(runs);
        QgsApplication::exitQgis();
        return 0;
    }
    benchmarkRender(runs * 2);
    benchmarkExport(std::min(runs, 3));
    benchmarkStartup(runs);
    QgsApplication::exitQgis();
    return 0;
}
