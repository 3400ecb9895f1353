// Real rendering of the basemap: pixels at known places must be sea, land or the Yangtze.
#include "jhbasemapproject.h"
#include "jhmaprenderer.h"

#include <QtTest>

#include <qgsapplication.h>
#include <qgsmapsettings.h>
#include <qgsproject.h>

class TestJhMapRenderer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void pixelColoursAtKnownPlaces_data();
    void pixelColoursAtKnownPlaces();
    void countyExtentRendersItsLand();

private:
    //! Per-channel distance: anti-aliasing and PNG-free rendering stay within a few levels.
    static int colourDistance(const QColor &a, const QColor &b);

    JhBasemapProject mBasemap;
    QImage mImage;
    QgsMapSettings mSettings;
};

int TestJhMapRenderer::colourDistance(const QColor &a, const QColor &b)
{
    return std::max(
        {std::abs(a.red() - b.red()), std::abs(a.green() - b.green()), std::abs(a.blue() - b.blue())});
}

void TestJhMapRenderer::initTestCase()
{
    QCOMPARE(mBasemap.load(QStringLiteral(JH_SOURCE_DIR "/maps")), JhBasemapProject::Error::None);
    mSettings = JhMapRenderer::mapSettings(mBasemap.project(), mBasemap.fullExtent(), QSize(1600, 1200));
    mImage = JhMapRenderer::render(mSettings);
    QCOMPARE(mImage.size(), QSize(1600, 1200));
    if (!qEnvironmentVariableIsEmpty("JH_TEST_KEEP_IMAGES"))
        mImage.save(QDir::temp().filePath(QStringLiteral("tst_jhmaprenderer-full.png")));
}

void TestJhMapRenderer::pixelColoursAtKnownPlaces_data()
{
    QTest::addColumn<double>("longitude");
    QTest::addColumn<double>("latitude");
    QTest::addColumn<QColor>("expected");
    const QColor water(QStringLiteral("#a8cbe6"));
    const QColor land(QStringLiteral("#efeadf"));
    QTest::newRow("Yellow Sea east of Qidong") << 122.0 << 32.2 << water;
    QTest::newRow("open sea north-east of Rudong") << 121.6 << 32.7 << water;
    QTest::newRow("Yangtze south of Chongchuan") << 120.85 << 31.93 << water;
    QTest::newRow("Yangtze estuary south of Haimen") << 121.2 << 31.72 << water;
    QTest::newRow("inland Rugao") << 120.47 << 32.25 << land;
    QTest::newRow("inland Rudong") << 121.05 << 32.25 << land;
    QTest::newRow("Hai'an west edge (land clip)") << 120.21 << 32.55 << land;
}

void TestJhMapRenderer::pixelColoursAtKnownPlaces()
{
    QFETCH(double, longitude);
    QFETCH(double, latitude);
    QFETCH(QColor, expected);
    const QPointF pixel = JhMapRenderer::lonLatToPixel(mSettings, longitude, latitude);
    QVERIFY(QRectF(mImage.rect()).contains(pixel));
    const QColor actual = mImage.pixelColor(pixel.toPoint());
    QVERIFY2(colourDistance(actual, expected) <= 6, qPrintable(QStringLiteral("at %1,%2 px: %3, expected %4")
                                                                   .arg(pixel.x())
                                                                   .arg(pixel.y())
                                                                   .arg(actual.name(), expected.name())));
}

void TestJhMapRenderer::countyExtentRendersItsLand()
{
    JhCounty haimen;
    QVERIFY(mBasemap.county(QStringLiteral("320614"), &haimen));
    const QgsMapSettings settings =
        JhMapRenderer::mapSettings(mBasemap.project(), haimen.extent, QSize(800, 600));
    const QImage image = JhMapRenderer::render(settings);
    // The centre of the county's box is on land; the map is not a blank background-only image.
    int landPixels = 0;
    int waterPixels = 0;
    for (int y = 0; y < image.height(); y += 10) {
        for (int x = 0; x < image.width(); x += 10) {
            const QColor colour = image.pixelColor(x, y);
            landPixels += colourDistance(colour, QColor(QStringLiteral("#efeadf"))) <= 6;
            waterPixels += colourDistance(colour, QColor(QStringLiteral("#a8cbe6"))) <= 6;
        }
    }
    QVERIFY2(landPixels > 1500, qPrintable(QString::number(landPixels)));
    QVERIFY2(waterPixels > 50, qPrintable(QString::number(waterPixels))); // the Yangtze south of Haimen
}

int main(int argc, char *argv[])
{
    QgsApplication app(argc, argv, false);
    QgsApplication::setPrefixPath(QStringLiteral("/usr"), true);
    QgsApplication::initQgis();
    int result = 0;
    {
        TestJhMapRenderer test;
        result = QTest::qExec(&test, argc, argv);
    }
    QgsApplication::exitQgis();
    return result;
}
#include "tst_jhmaprenderer.moc"
