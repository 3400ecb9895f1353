// Live layers over the real basemap: real rendering with pixel probes, in-place updates, throttled repaints,
// export.
#include "jhbasemapproject.h"
#include "jhlivelayers.h"
#include "jhlivetestdata.h"
#include "jhmaprenderer.h"
#include "jhsituationmapexporter.h"
#include "jhsituationmapexporttask.h"
#include "jhstatechange.h"

#include <QtTest>

#include <qgsapplication.h>
#include <qgslayertree.h>
#include <qgsmapsettings.h>
#include <qgsproject.h>
#include <qgsrenderer.h>
#include <qgsvectordataprovider.h>
#include <qgsvectorlayer.h>

using Data = JhLiveTestData;
using Layer = JhSiteAttributes::Layer;

class TestJhLiveLayers : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void layersAndGroup();
    void rendersClassColoursAtSites();
    void statusChangeKeepsFeatureAndRecolours();
    void unchangedStatusWritesNothing();
    void sitesAppearAndDisappear();
    void operationalLayers();
    void repaintsAreCoalescedAndLimitedToChangedLayers();
    void burstOfStatusChangesIsFast();
    void exportedSituationMapListsLiveClasses();
    void backgroundExportDrawsLiveState();

private:
    void fillState();
    QImage render(QgsMapSettings *settings = nullptr) const;
    static int colourDistance(const QColor &a, const QColor &b);
    QColor colourAt(const QImage &image, const QgsMapSettings &settings, const QString &siteId) const;
    static QString pdfText(const QString &path);

    JhBasemapProject mBasemap;
    std::unique_ptr<JhLiveLayers> mLive;
    JhWorldState mState;
    QHash<QString, JhSiteStatus> mStatuses;
    QTemporaryDir mDirectory;
};

void TestJhLiveLayers::initTestCase()
{
    QVERIFY(mDirectory.isValid());
    QCOMPARE(mBasemap.load(QStringLiteral(JH_SOURCE_DIR "/maps")), JhBasemapProject::Error::None);
}

void TestJhLiveLayers::init()
{
    mLive = std::make_unique<JhLiveLayers>(mBasemap.project(), mBasemap.mapsDirectory());
    mLive->setClock(&Data::now);
    fillState();
    mLive->apply(mState, mStatuses);
}

void TestJhLiveLayers::cleanup()
{
    mLive.reset();
    QVERIFY(!mBasemap.project()->layerTreeRoot()->findGroup(JhLiveLayers::groupName()));
}

void TestJhLiveLayers::fillState()
{
    mState = JhWorldState();
    mStatuses.clear();
    // Far enough apart that their symbols and halos do not touch at the city scale.
    mState.addSite(Data::site(QStringLiteral("AIR-RED"), JhSiteKind::AirNational, 120.88, 32.02));
    mStatuses.insert(QStringLiteral("AIR-RED"), Data::air(QStringLiteral("AIR-RED"), 4, 180));
    mState.addSite(Data::site(QStringLiteral("WAT-IV"), JhSiteKind::SurfaceWater, 121.10, 32.12, 320612));
    mStatuses.insert(QStringLiteral("WAT-IV"), Data::water(QStringLiteral("WAT-IV"), 4, 3));
    mState.addSite(Data::site(QStringLiteral("AIR-OFF"), JhSiteKind::AirTownship, 120.60, 32.35, 320682));
    mStatuses.insert(QStringLiteral("AIR-OFF"),
                     Data::withState(Data::air(QStringLiteral("AIR-OFF"), 1, 30), JhSiteState::Offline));
    mState.addSite(Data::site(QStringLiteral("AIR-ALM"), JhSiteKind::AirPark, 121.20, 32.35, 320623));
    mStatuses.insert(QStringLiteral("AIR-ALM"), Data::air(QStringLiteral("AIR-ALM"), 2, 75));
    mState.addSite(Data::site(QStringLiteral("AIR-NEW"), JhSiteKind::AirTownship, 120.45, 32.50, 320685));
    mState.addAlarm(Data::alarm(QStringLiteral("ALM-1"), QStringLiteral("AIR-ALM"), JhAlarmState::Open,
                                JhAlarmLevel::Serious));

    JhIncident incident;
    incident.id = QStringLiteral("INC-1");
    incident.title = QStringLiteral("如东化工园区异味");
    incident.level = JhIncidentLevel::III;
    incident.longitude = 121.25;
    incident.latitude = 32.30;
    mState.addIncident(incident);
    JhDepot depot;
    depot.id = QStringLiteral("DEP-1");
    depot.name = QStringLiteral("海门物资库");
    depot.longitude = 121.17;
    depot.latitude = 31.90;
    mState.addDepot(depot);
    JhCountyTeam team;
    team.id = QStringLiteral("qidong");
    team.name = QStringLiteral("启东站");
    team.countyCodes = {320681};
    mState.addTeam(team);
}

QImage TestJhLiveLayers::render(QgsMapSettings *settingsOut) const
{
    const QgsMapSettings settings =
        JhMapRenderer::mapSettings(mBasemap.project(), mBasemap.fullExtent(), QSize(1200, 900));
    if (settingsOut)
        *settingsOut = settings;
    return JhMapRenderer::render(settings);
}

int TestJhLiveLayers::colourDistance(const QColor &a, const QColor &b)
{
    return std::max(
        {std::abs(a.red() - b.red()), std::abs(a.green() - b.green()), std::abs(a.blue() - b.blue())});
}

QColor TestJhLiveLayers::colourAt(const QImage &image, const QgsMapSettings &settings,
                                  const QString &siteId) const
{
    const JhSite *site = mState.site(siteId);
    const QPointF pixel = JhMapRenderer::lonLatToPixel(settings, site->longitude, site->latitude);
    return image.pixelColor(pixel.toPoint());
}

QString TestJhLiveLayers::pdfText(const QString &path)
{
    QProcess process;
    process.start(QStringLiteral("pdftotext"),
                  {QStringLiteral("-enc"), QStringLiteral("UTF-8"), path, QStringLiteral("-")});
    if (!process.waitForFinished(30000) || process.exitCode() != 0)
        return QString();
    return QString::fromUtf8(process.readAllStandardOutput());
}

void TestJhLiveLayers::layersAndGroup()
{
    QVERIFY2(mLive->styleErrors().isEmpty(), qPrintable(mLive->styleErrors().join('\n')));
    QgsLayerTreeGroup *root = mBasemap.project()->layerTreeRoot();
    QgsLayerTreeGroup *group = mLive->group();
    QVERIFY(group);
    QCOMPARE(root->children().first(), group); // above the basemap
    QCOMPARE(group->findLayers().size(), 9);
    QCOMPARE(group->findLayers().first()->layer(), mLive->layer(Layer::Incidents)); // on top
    QgsVectorLayer *air = mLive->layer(Layer::AirStations);
    QCOMPARE(air->name(), QStringLiteral("空气站"));
    QCOMPARE(air->crs().authid(), QStringLiteral("EPSG:4490"));
    QCOMPARE(air->renderer()->type(), QStringLiteral("RuleRenderer"));
    QCOMPARE(air->featureCount(), 4LL);
    QCOMPARE(mLive->layer(Layer::WaterStations)->featureCount(), 1LL);
    // Each layer can be switched off on its own.
    group->findLayer(air)->setItemVisibilityChecked(false);
    QVERIFY(!mBasemap.project()->layerTreeRoot()->checkedLayers().contains(air));
    group->findLayer(air)->setItemVisibilityChecked(true);
}

void TestJhLiveLayers::rendersClassColoursAtSites()
{
    QgsMapSettings settings;
    const QImage image = render(&settings);
    QVERIFY(settings.layers().contains(mLive->layer(Layer::AirStations)));
    image.save(QStringLiteral(JH_BINARY_DIR "/tst_jhlivelayers-city.png"));
    const QColor red = colourAt(image, settings, QStringLiteral("AIR-RED"));
    QVERIFY2(colourDistance(red, QColor(QStringLiteral("#FF0000"))) <= 8, qPrintable(red.name()));
    const QColor yellow = colourAt(image, settings, QStringLiteral("WAT-IV"));
    QVERIFY2(colourDistance(yellow, QColor(QStringLiteral("#FFFF00"))) <= 8, qPrintable(yellow.name()));
    const QColor grey = colourAt(image, settings, QStringLiteral("AIR-OFF"));
    QVERIFY2(colourDistance(grey, QColor(QStringLiteral("#8C8C8C"))) <= 8, qPrintable(grey.name()));
    const QColor good = colourAt(image, settings, QStringLiteral("AIR-ALM"));
    QVERIFY2(colourDistance(good, QColor(QStringLiteral("#FFFF00"))) <= 8, qPrintable(good.name()));

    // The open alarm's halo: a red ring around the site, not present around a site without alarms.
    auto ringRed = [&](const QString &siteId) {
        const JhSite *site = mState.site(siteId);
        const QPointF centre = JhMapRenderer::lonLatToPixel(settings, site->longitude, site->latitude);
        const double radius = 3.4 * 2.1 / 2 * 96 / 25.4; // mm -> px at 96 dpi
        int hits = 0;
        for (int angle = 0; angle < 360; angle += 15) {
            const QPointF p =
                centre + QPointF(std::cos(angle * M_PI / 180), std::sin(angle * M_PI / 180)) * radius;
            hits += colourDistance(image.pixelColor(p.toPoint()), QColor(QStringLiteral("#E60000"))) <= 40;
        }
        return hits;
    };
    QVERIFY2(ringRed(QStringLiteral("AIR-ALM")) >= 12,
             qPrintable(QString::number(ringRed(QStringLiteral("AIR-ALM")))));
    QCOMPARE(ringRed(QStringLiteral("AIR-RED")), 0);
}

void TestJhLiveLayers::statusChangeKeepsFeatureAndRecolours()
{
    QgsVectorLayer *air = mLive->layer(Layer::AirStations);
    const qint64 id = mLive->featureId(Layer::AirStations, QStringLiteral("AIR-RED"));
    QVERIFY(id >= 0);
    mLive->flushRepaint();
    const qint64 added = mLive->statistics().featuresAdded;
    const QgsFeatureIds before = air->allFeatureIds();

    mStatuses.insert(QStringLiteral("AIR-RED"), Data::air(QStringLiteral("AIR-RED"), 1, 35));
    mLive->applySiteStatuses(mState, mStatuses, {QStringLiteral("AIR-RED")});

    QCOMPARE(mLive->featureId(Layer::AirStations, QStringLiteral("AIR-RED")), id);
    QCOMPARE(air->allFeatureIds(), before);
    QCOMPARE(mLive->statistics().featuresAdded, added);
    QCOMPARE(air->getFeature(id).attribute(QStringLiteral("class_key")).toString(), QStringLiteral("aqi1"));
    QCOMPARE(mLive->dirtyLayers(), QList<QgsVectorLayer *>{air});

    QgsMapSettings settings;
    const QImage image = render(&settings);
    const QColor green = colourAt(image, settings, QStringLiteral("AIR-RED"));
    QVERIFY2(colourDistance(green, QColor(QStringLiteral("#00E400"))) <= 8, qPrintable(green.name()));

    // Offline now: same feature, grey.
    mStatuses[QStringLiteral("AIR-RED")].state = JhSiteState::Offline;
    mLive->applySiteStatuses(mState, mStatuses, {QStringLiteral("AIR-RED")});
    QCOMPARE(mLive->featureId(Layer::AirStations, QStringLiteral("AIR-RED")), id);
    const QImage offline = render(&settings);
    const QColor grey = colourAt(offline, settings, QStringLiteral("AIR-RED"));
    QVERIFY2(colourDistance(grey, QColor(QStringLiteral("#8C8C8C"))) <= 8, qPrintable(grey.name()));
}

void TestJhLiveLayers::unchangedStatusWritesNothing()
{
    mLive->flushRepaint();
    const auto before = mLive->statistics();
    mLive->applySiteStatuses(mState, mStatuses, mState.sites().keys());
    mLive->apply(mState, mStatuses);
    QCOMPARE(mLive->statistics().featuresChanged, before.featuresChanged);
    QCOMPARE(mLive->statistics().featuresAdded, before.featuresAdded);
    QVERIFY(mLive->dirtyLayers().isEmpty());
}

void TestJhLiveLayers::sitesAppearAndDisappear()
{
    QgsVectorLayer *air = mLive->layer(Layer::AirStations);
    const qint64 kept = mLive->featureId(Layer::AirStations, QStringLiteral("AIR-RED"));
    JhWorldState smaller;
    for (const JhSite &site : mState.sites())
        if (site.id != QStringLiteral("AIR-OFF"))
            smaller.addSite(site);
    smaller.addSite(Data::site(QStringLiteral("NOI-1"), JhSiteKind::Noise, 120.90, 31.98));
    mLive->applySiteStatuses(smaller, mStatuses, {QStringLiteral("AIR-OFF"), QStringLiteral("NOI-1")});
    QCOMPARE(air->featureCount(), 3LL);
    QCOMPARE(mLive->featureId(Layer::AirStations, QStringLiteral("AIR-OFF")), -1);
    QCOMPARE(mLive->featureId(Layer::AirStations, QStringLiteral("AIR-RED")), kept);
    QCOMPARE(mLive->layer(Layer::NoiseStations)->featureCount(), 1LL);
    const QgsFeature noise =
        mLive->layer(Layer::NoiseStations)
            ->getFeature(mLive->featureId(Layer::NoiseStations, QStringLiteral("NOI-1")));
    QCOMPARE(noise.attribute(QStringLiteral("style_key")).toString(), QStringLiteral("never-reported"));
}

void TestJhLiveLayers::operationalLayers()
{
    QCOMPARE(mLive->layer(Layer::ActiveAlarms)->featureCount(), 1LL);
    QCOMPARE(mLive->layer(Layer::Incidents)->featureCount(), 1LL);
    QCOMPARE(mLive->layer(Layer::Depots)->featureCount(), 1LL);
    QgsVectorLayer *teams = mLive->layer(Layer::CountyTeams);
    QCOMPARE(teams->featureCount(), 1LL);
    const QgsFeature team = teams->getFeature(mLive->featureId(Layer::CountyTeams, QStringLiteral("qidong")));
    QCOMPARE(team.attribute(QStringLiteral("position_source")).toString(), QStringLiteral("county_seat"));
    QCOMPARE(team.geometry().asPoint().x(), 121.655417);

    // Acknowledging the alarm: same alarm feature, the site's halo calms down; closing removes the alarm.
    const qint64 alarmFeature = mLive->featureId(Layer::ActiveAlarms, QStringLiteral("ALM-1"));
    JhAlarm alarm = *mState.alarm(QStringLiteral("ALM-1"));
    alarm.state = JhAlarmState::Acknowledged;
    mState.addAlarm(alarm);
    JhStateChange change;
    change.alarmIds.insert(alarm.id);
    mLive->applyStateChange(mState, mStatuses, change);
    QCOMPARE(mLive->featureId(Layer::ActiveAlarms, QStringLiteral("ALM-1")), alarmFeature);
    QgsVectorLayer *air = mLive->layer(Layer::AirStations);
    QCOMPARE(air->getFeature(mLive->featureId(Layer::AirStations, QStringLiteral("AIR-ALM")))
                 .attribute(QStringLiteral("alarm_state"))
                 .toString(),
             QStringLiteral("acknowledged"));
    alarm.state = JhAlarmState::Closed;
    mState.addAlarm(alarm);
    mLive->applyStateChange(mState, mStatuses, change);
    QCOMPARE(mLive->layer(Layer::ActiveAlarms)->featureCount(), 0LL);
    QCOMPARE(air->getFeature(mLive->featureId(Layer::AirStations, QStringLiteral("AIR-ALM")))
                 .attribute(QStringLiteral("alarm_state"))
                 .toString(),
             QStringLiteral("none"));
}

void TestJhLiveLayers::repaintsAreCoalescedAndLimitedToChangedLayers()
{
    mLive->flushRepaint();
    QgsVectorLayer *air = mLive->layer(Layer::AirStations);
    QgsVectorLayer *water = mLive->layer(Layer::WaterStations);
    QSignalSpy airRepaints(air, &QgsMapLayer::repaintRequested);
    QSignalSpy waterRepaints(water, &QgsMapLayer::repaintRequested);
    QElapsedTimer clock;
    clock.start();
    int aqi = 20;
    while (clock.elapsed() < 1100) { // a steady stream of status changes for a little over a second
        mStatuses.insert(QStringLiteral("AIR-RED"), Data::air(QStringLiteral("AIR-RED"), 1 + aqi % 3, aqi));
        mLive->applySiteStatuses(mState, mStatuses, {QStringLiteral("AIR-RED")});
        ++aqi;
        QTest::qWait(5);
    }
    QTest::qWait(300);
    QVERIFY2(airRepaints.size() >= 3 && airRepaints.size() <= 6,
             qPrintable(QString::number(airRepaints.size())));
    QCOMPARE(waterRepaints.size(), 0);
}

void TestJhLiveLayers::burstOfStatusChangesIsFast()
{
    // 5,000 sites, then every one of them changes in one message: the GUI thread must stay responsive.
    QStringList ids;
    for (int i = 0; i < 5000; ++i) {
        const QString id = QStringLiteral("B-%1").arg(i);
        mState.addSite(
            Data::site(id, JhSiteKind::AirTownship, 120.3 + (i % 100) * 0.015, 31.7 + (i / 100) * 0.018));
        mStatuses.insert(id, Data::air(id, 1 + i % 6, 30 + i % 200));
        ids << id;
    }
    QElapsedTimer timer;
    timer.start();
    mLive->applySiteStatuses(mState, mStatuses, ids);
    const qint64 fill = timer.elapsed();
    for (const QString &id : qAsConst(ids))
        mStatuses.insert(id, Data::air(id, 1 + (ids.indexOf(id) + 1) % 6, 31));
    timer.restart();
    mLive->applySiteStatuses(mState, mStatuses, ids);
    const qint64 update = timer.elapsed();
    qInfo("5,000 sites: first fill %lld ms, all changed %lld ms", fill, update);
    QCOMPARE(mLive->layer(Layer::AirStations)->featureCount(), 5004LL);
    QVERIFY2(update < 400, qPrintable(QString::number(update)));
}

void TestJhLiveLayers::exportedSituationMapListsLiveClasses()
{
    // One site of each class a leader must be able to read off the legend.
    mState.addSite(Data::site(QStringLiteral("AIR-FLT"), JhSiteKind::AirTownship, 121.55, 31.85, 320681));
    mStatuses.insert(QStringLiteral("AIR-FLT"),
                     Data::withState(Data::air(QStringLiteral("AIR-FLT"), 1, 30), JhSiteState::Fault));
    mLive->apply(mState, mStatuses);
    JhSituationMapRequest request;
    request.outputPath = mDirectory.filePath(QStringLiteral("live.pdf"));
    request.title = QStringLiteral("南通市环境质量实时态势图");
    request.dateTime = Data::now().toLocalTime();
    request.dpi = 100;
    const JhSituationMapExporter exporter(&mBasemap);
    const auto result = exporter.exportMap(request);
    QVERIFY2(result.ok(), qPrintable(result.message));
    const QString text = pdfText(result.outputPath);
    for (const QString &word :
         {QStringLiteral("实时监测"), QStringLiteral("空气站"), QStringLiteral("中度污染"),
          QStringLiteral("水质站"), QStringLiteral("Ⅳ类"), QStringLiteral("未达标"), QStringLiteral("离线"),
          QStringLiteral("设备故障"), QStringLiteral("未上报数据"), QStringLiteral("告警"),
          QStringLiteral("突发事件"), QStringLiteral("应急物资库")})
        QVERIFY2(text.contains(word), qPrintable(word + QStringLiteral(" not in:\n") + text));
    // Only classes present are listed: no site is 严重污染.
    QVERIFY(!text.contains(QStringLiteral("严重污染")));

    JhSituationMapRequest png = request;
    png.outputPath = QStringLiteral(JH_BINARY_DIR "/tst_jhlivelayers-situation.png");
    png.format = JhSituationMapRequest::Format::Png;
    png.dpi = 80;
    QVERIFY(exporter.exportMap(png).ok());
}

void TestJhLiveLayers::backgroundExportDrawsLiveState()
{
    // The GUI path: the task builds its own live layers in the worker thread from a copy of the state.
    JhSituationMapRequest request;
    request.outputPath = mDirectory.filePath(QStringLiteral("task.pdf"));
    request.title = QStringLiteral("南通市环境质量实时态势图");
    request.dpi = 72;
    auto *task = new JhSituationMapExportTask(mBasemap.mapsDirectory(), request);
    task->setLiveState(mState, mStatuses);
    QSignalSpy finished(task, &JhSituationMapExportTask::exportFinished);
    QgsApplication::taskManager()->addTask(task);
    QVERIFY(finished.wait(60000));
    const auto result = finished.first().first().value<JhSituationMapExporter::Result>();
    QVERIFY2(result.ok(), qPrintable(result.message));
    const QString text = pdfText(result.outputPath);
    QVERIFY2(text.contains(QStringLiteral("中度污染")) && text.contains(QStringLiteral("突发事件")),
             qPrintable(text.left(600)));
}

int main(int argc, char *argv[])
{
    QgsApplication app(argc, argv, false);
    QgsApplication::setPrefixPath(QStringLiteral("/usr"), true);
    QgsApplication::initQgis();
    int result = 0;
    {
        TestJhLiveLayers test;
        result = QTest::qExec(&test, argc, argv);
    }
    QgsApplication::exitQgis();
    return result;
}
#include "tst_jhlivelayers.moc"
