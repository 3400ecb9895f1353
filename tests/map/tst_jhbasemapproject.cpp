// Tests the bundled Nantong basemap as the workstation loads it: layers, CRS, extents, counties.
#include "jhbasemapproject.h"

#include <QtTest>

#include <qgsapplication.h>
#include <qgscoordinatetransform.h>
#include <qgslayertree.h>
#include <qgsproject.h>
#include <qgsrenderer.h>
#include <qgsvectorlayer.h>

class TestJhBasemapProject : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void locatesMapsDirectory();
    void reportsMissingMapsDirectory();
    void reportsBrokenLayers();
    void everyLayerValidAndNonEmpty();
    void projectCrsAndAttribution();
    void countiesHaveExpectedCodes();
    void boundariesInCgcs2000InsideNantong();
    void fullExtentCoversEveryCounty();
    void addsOptionalOsmLayersWhenPresent();

private:
    JhBasemapProject mBasemap;
};

void TestJhBasemapProject::initTestCase()
{
    QCOMPARE(mBasemap.load(QStringLiteral(JH_SOURCE_DIR "/maps")), JhBasemapProject::Error::None);
}

void TestJhBasemapProject::locatesMapsDirectory()
{
    qputenv("JH_MAPS_DIR", JH_SOURCE_DIR "/maps");
    QCOMPARE(QDir(JhBasemapProject::locateMapsDirectory()).canonicalPath(),
             QDir(QStringLiteral(JH_SOURCE_DIR "/maps")).canonicalPath());
    qunsetenv("JH_MAPS_DIR");
    // Without the override the source tree is still found (developer builds run from build/).
    QVERIFY(!JhBasemapProject::locateMapsDirectory().isEmpty());
}

void TestJhBasemapProject::reportsMissingMapsDirectory()
{
    QTemporaryDir empty;
    JhBasemapProject basemap;
    QCOMPARE(basemap.load(empty.path()), JhBasemapProject::Error::MapsDirectoryNotFound);
    QVERIFY(basemap.errorMessage().contains(empty.path()));
}

void TestJhBasemapProject::reportsBrokenLayers()
{
    // The project without its GeoPackage: QGIS reads it, every layer is broken, the message names them.
    QTemporaryDir copy;
    QVERIFY(QFile::copy(QStringLiteral(JH_SOURCE_DIR "/maps/nantong.qgs"),
                        copy.filePath(QStringLiteral("nantong.qgs"))));
    JhBasemapProject basemap;
    QCOMPARE(basemap.load(copy.path()), JhBasemapProject::Error::LayersInvalid);
    QgsVectorLayer *counties = mBasemap.layerByTable(QStringLiteral("counties"));
    QVERIFY(basemap.errorMessage().contains(counties->name()));
    QVERIFY(basemap.counties().isEmpty());
}

void TestJhBasemapProject::everyLayerValidAndNonEmpty()
{
    const auto layers = mBasemap.project()->mapLayers();
    QVERIFY(layers.size() >= 8);
    for (QgsMapLayer *layer : layers) {
        QVERIFY2(layer->isValid(), qPrintable(layer->name()));
        auto *vector = qobject_cast<QgsVectorLayer *>(layer);
        QVERIFY2(vector, qPrintable(layer->name()));
        QVERIFY2(vector->featureCount() > 0, qPrintable(layer->name()));
    }
    for (const QString table : {"city_boundary", "counties", "county_seats", "land", "water", "coastline",
                                "rivers", "towns", "railway_stations"})
        QVERIFY2(mBasemap.layerByTable(table), qPrintable(table));
}

void TestJhBasemapProject::projectCrsAndAttribution()
{
    QCOMPARE(mBasemap.project()->crs().authid(), QStringLiteral("EPSG:4549"));
    QCOMPARE(mBasemap.project()->backgroundColor().name(), QStringLiteral("#efeadf"));
    QVERIFY(mBasemap.attribution().contains(QStringLiteral("OpenStreetMap")));
    QVERIFY(mBasemap.attribution().contains(QStringLiteral("GSHHG")));
}

void TestJhBasemapProject::countiesHaveExpectedCodes()
{
    const QStringList expected = {"320612", "320613", "320614", "320623", "320681", "320682", "320685"};
    QStringList codes;
    const auto counties = mBasemap.counties();
    for (const JhCounty &county : counties) {
        codes << county.code;
        QVERIFY(!county.nameZh.isEmpty());
        QVERIFY(!county.extent.isEmpty());
    }
    QCOMPARE(codes, expected);
    JhCounty haimen;
    QVERIFY(mBasemap.county(QStringLiteral("320614"), &haimen));
    QCOMPARE(haimen.nameZh, QStringLiteral("海门区"));
    QVERIFY(!mBasemap.county(QStringLiteral("320999"), nullptr));
}

void TestJhBasemapProject::boundariesInCgcs2000InsideNantong()
{
    for (const QString table : {"city_boundary", "counties"}) {
        QgsVectorLayer *layer = mBasemap.layerByTable(table);
        QVERIFY(layer);
        QCOMPARE(layer->crs().authid(), QStringLiteral("EPSG:4490"));
        const QgsRectangle extent = layer->extent();
        QVERIFY2(extent.xMinimum() > 120.1 && extent.xMaximum() < 122.1, qPrintable(extent.toString()));
        QVERIFY2(extent.yMinimum() > 31.5 && extent.yMaximum() < 32.8, qPrintable(extent.toString()));
        // Nantong spans about 1.8 degrees east-west: a tiny extent would mean a broken layer.
        QVERIFY(extent.width() > 1.5 && extent.height() > 0.7);
    }
}

void TestJhBasemapProject::fullExtentCoversEveryCounty()
{
    const QgsRectangle full = mBasemap.fullExtent();
    QVERIFY(!full.isEmpty());
    const auto counties = mBasemap.counties();
    for (const JhCounty &county : counties)
        QVERIFY2(full.contains(county.extent), qPrintable(county.code));
    // Projected metres of EPSG:4549 (false easting 500 km at 120°E): Nantong lies east of the meridian.
    QVERIFY(full.xMinimum() > 400000 && full.xMaximum() < 720000);
    QVERIFY(full.yMinimum() > 3480000 && full.yMaximum() < 3660000);
}

void TestJhBasemapProject::addsOptionalOsmLayersWhenPresent()
{
    // The bundled GeoPackage has no roads (no open road data could be bundled): none appear.
    QVERIFY(!mBasemap.layerByTable(QStringLiteral("roads")));

    // A copy of maps/ with a roads table, as maps/tools/import-osm would leave it.
    QTemporaryDir copy;
    const QDir source(QStringLiteral(JH_SOURCE_DIR "/maps"));
    QDir(copy.path()).mkdir(QStringLiteral("styles"));
    for (const QString &file :
         {QStringLiteral("nantong.qgs"), QStringLiteral("nantong.gpkg"), QStringLiteral("styles/roads.qml")})
        QVERIFY(QFile::copy(source.filePath(file), QDir(copy.path()).filePath(file)));
    const QString roads = QDir(copy.path()).filePath(QStringLiteral("roads.geojson"));
    QFile geojson(roads);
    QVERIFY(geojson.open(QIODevice::WriteOnly));
    geojson.write(R"({"type":"FeatureCollection","features":[
 {"type":"Feature","properties":{"class":"motorway","ref":"G15","name":"沈海高速","maxspeed":120,"oneway":"yes"},
  "geometry":{"type":"LineString","coordinates":[[120.60,32.30],[120.80,32.10],[120.95,31.98]]}},
 {"type":"Feature","properties":{"class":"primary","ref":"S221","name":"","maxspeed":80,"oneway":"no"},
  "geometry":{"type":"LineString","coordinates":[[121.00,32.00],[121.40,31.90]]}}]})");
    geojson.close();
    QProcess ogr2ogr;
    ogr2ogr.start(QStringLiteral("ogr2ogr"),
                  {QStringLiteral("-update"), QStringLiteral("-f"), QStringLiteral("GPKG"),
                   QStringLiteral("-nln"), QStringLiteral("roads"), QStringLiteral("-a_srs"),
                   QStringLiteral("EPSG:4490"), QDir(copy.path()).filePath(QStringLiteral("nantong.gpkg")),
                   roads});
    QVERIFY(ogr2ogr.waitForFinished(30000));
    QVERIFY2(ogr2ogr.exitCode() == 0, ogr2ogr.readAllStandardError().constData());

    // import-osm records the ODbL credit for what it imported; the app appends it to the attribution.
    const QString credit = QStringLiteral("道路 © OpenStreetMap contributors (ODbL)");
    QProcess ogrinfo;
    ogrinfo.start(
        QStringLiteral("ogrinfo"),
        {QDir(copy.path()).filePath(QStringLiteral("nantong.gpkg")), QStringLiteral("-sql"),
         QStringLiteral("UPDATE jh_metadata SET value = '%1' WHERE key = 'attribution_extra'").arg(credit)});
    QVERIFY(ogrinfo.waitForFinished(30000));
    QVERIFY2(ogrinfo.exitCode() == 0, ogrinfo.readAllStandardError().constData());

    JhBasemapProject withRoads;
    QCOMPARE(withRoads.load(copy.path()), JhBasemapProject::Error::None);
    QVERIFY2(withRoads.attribution().startsWith(mBasemap.attribution()), qPrintable(withRoads.attribution()));
    QVERIFY2(withRoads.attribution().endsWith(QStringLiteral("; ") + credit),
             qPrintable(withRoads.attribution()));
    QVERIFY(!mBasemap.attribution().contains(QStringLiteral("道路")));
    QgsVectorLayer *layer = withRoads.layerByTable(QStringLiteral("roads"));
    QVERIFY(layer);
    QCOMPARE(layer->featureCount(), 2);
    QVERIFY(withRoads.project()->layerTreeRoot()->findLayer(layer)); // drawn, not only loaded
    // Styled from maps/styles/roads.qml (a rule-based renderer), not QGIS's random default symbol.
    QCOMPARE(layer->renderer()->type(), QStringLiteral("RuleRenderer"));
    // Loading again does not add it twice.
    QVERIFY(withRoads.addOptionalOsmLayers().isEmpty());
}

int main(int argc, char *argv[])
{
    QgsApplication app(argc, argv, false);
    QgsApplication::setPrefixPath(QStringLiteral("/usr"), true);
    QgsApplication::initQgis();
    int result = 0;
    {
        TestJhBasemapProject test;
        result = QTest::qExec(&test, argc, argv);
    }
    QgsApplication::exitQgis();
    return result;
}
#include "tst_jhbasemapproject.moc"
