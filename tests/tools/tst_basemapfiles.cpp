// Checks maps/nantong.qgs, maps/styles/*.qml and maps/layouts/situation-a3.qpt against the map contract (no
// QGIS).
#include <QDir>
#include <QFile>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QXmlStreamReader>
#include <QtTest>

namespace {
QString mapsPath(const QString &relative)
{
    return QStringLiteral(JH_SOURCE_DIR "/maps/") + relative;
}

//! Attributes of every element called \a name in the XML file \a path.
QList<QXmlStreamAttributes> elements(const QString &path, const QString &name)
{
    QList<QXmlStreamAttributes> found;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return found;
    QXmlStreamReader reader(&file);
    while (!reader.atEnd()) {
        if (reader.readNext() == QXmlStreamReader::StartElement && reader.name() == name)
            found << reader.attributes();
    }
    if (reader.hasError())
        qWarning() << path << reader.errorString();
    return found;
}

//! Text of every element called \a name in the XML file \a path.
QStringList texts(const QString &path, const QString &name)
{
    QStringList found;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return found;
    QXmlStreamReader reader(&file);
    while (!reader.atEnd()) {
        if (reader.readNext() == QXmlStreamReader::StartElement && reader.name() == name)
            found << reader.readElementText(QXmlStreamReader::IncludeChildElements);
    }
    return found;
}

//! Values of the Option elements called \a optionName in a style file (colours are "r,g,b,a").
QStringList optionValues(const QString &path, const QString &optionName)
{
    QStringList values;
    for (const QXmlStreamAttributes &attributes : elements(path, QStringLiteral("Option"))) {
        if (attributes.value(QStringLiteral("name")) == optionName)
            values << attributes.value(QStringLiteral("value")).toString();
    }
    return values;
}

const QStringList &basemapLayers()
{
    static const QStringList layers{QStringLiteral("land"),         QStringLiteral("water"),
                                    QStringLiteral("water_labels"), QStringLiteral("coastline"),
                                    QStringLiteral("rivers"),       QStringLiteral("airports"),
                                    QStringLiteral("counties"),     QStringLiteral("city_boundary"),
                                    QStringLiteral("towns"),        QStringLiteral("railway_stations"),
                                    QStringLiteral("county_seats"), QStringLiteral("airport_labels")};
    return layers;
}
} // namespace

class TestBasemapFiles : public QObject
{
    Q_OBJECT

private slots:
    void projectSettings();
    void projectLayersAreRelativeAndComplete();
    void projectAttributionMatchesGeoPackage();
    void everyLayerHasAStyle();
    void stylesUseContractColoursAndFont();
    void layoutHasContractItems();
};

void TestBasemapFiles::projectSettings()
{
    const QString project = mapsPath(QStringLiteral("nantong.qgs"));
    QCOMPARE(texts(project, QStringLiteral("title")).value(0), QStringLiteral("南通市生态环境基础底图"));
    // The first authid is the project CRS (projectCrs comes before the layers).
    QCOMPARE(texts(project, QStringLiteral("authid")).value(0), QStringLiteral("EPSG:4549"));
    const QStringList red = texts(project, QStringLiteral("CanvasColorRedPart"));
    const QStringList green = texts(project, QStringLiteral("CanvasColorGreenPart"));
    const QStringList blue = texts(project, QStringLiteral("CanvasColorBluePart"));
    QCOMPARE(QStringList({red.value(0), green.value(0), blue.value(0)}),
             QStringList({QStringLiteral("239"), QStringLiteral("234"), QStringLiteral("223")}));
    QVERIFY(texts(project, QStringLiteral("value")).contains(QStringLiteral("jh_attribution")));
}

void TestBasemapFiles::projectLayersAreRelativeAndComplete()
{
    QSet<QString> tables;
    for (const QString &source :
         texts(mapsPath(QStringLiteral("nantong.qgs")), QStringLiteral("datasource"))) {
        if (source.isEmpty())
            continue; // the annotation layer
        QVERIFY2(source.startsWith(QStringLiteral("./nantong.gpkg|layername=")), qPrintable(source));
        tables.insert(source.section(QLatin1Char('='), 1));
    }
    QCOMPARE(tables, QSet<QString>(basemapLayers().cbegin(), basemapLayers().cend()));
    // Ids are stable and readable: basemap_<table>.
    const QStringList ids = texts(mapsPath(QStringLiteral("nantong.qgs")), QStringLiteral("id"));
    for (const QString &table : basemapLayers())
        QVERIFY2(ids.contains(QStringLiteral("basemap_") + table), qPrintable(table));
}

void TestBasemapFiles::projectAttributionMatchesGeoPackage()
{
    QString expected;
    {
        QSqlDatabase database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("files"));
        database.setDatabaseName(mapsPath(QStringLiteral("nantong.gpkg")));
        database.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        QVERIFY(database.open());
        QSqlQuery query(database);
        QVERIFY(query.exec(
            QStringLiteral("SELECT key, value FROM jh_metadata WHERE key LIKE 'attribution%' ORDER BY key")));
        while (query.next()) {
            const QString value = query.value(1).toString();
            if (!value.isEmpty())
                expected += (expected.isEmpty() ? QString() : QStringLiteral("; ")) + value;
        }
        database.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("files"));
    QVERIFY(expected.contains(QStringLiteral("OpenStreetMap")));
    QVERIFY(texts(mapsPath(QStringLiteral("nantong.qgs")), QStringLiteral("value")).contains(expected));
}

void TestBasemapFiles::everyLayerHasAStyle()
{
    QStringList layers = basemapLayers();
    layers << QStringLiteral("roads") << QStringLiteral("waterways_osm") << QStringLiteral("railways_osm")
           << QStringLiteral("landuse_industrial") << QStringLiteral("admin_osm");
    for (const QString &layer : layers) {
        const QString style = mapsPath(QStringLiteral("styles/%1.qml").arg(layer));
        QVERIFY2(QFile::exists(style), qPrintable(style));
        QCOMPARE(elements(style, QStringLiteral("renderer-v2")).size(), 1);
    }
}

void TestBasemapFiles::stylesUseContractColoursAndFont()
{
    // Plain fills in the contract colours (the workstation's rendering tests probe them).
    QVERIFY(optionValues(mapsPath(QStringLiteral("styles/land.qml")), QStringLiteral("color"))
                .contains(QStringLiteral("239,234,223,255")));
    const QStringList waterColours =
        optionValues(mapsPath(QStringLiteral("styles/water.qml")), QStringLiteral("color"));
    QVERIFY(!waterColours.isEmpty());
    for (const QString &colour : waterColours)
        QCOMPARE(colour, QStringLiteral("168,203,230,255"));
    QVERIFY(optionValues(mapsPath(QStringLiteral("styles/counties.qml")), QStringLiteral("outline_color"))
                .contains(QStringLiteral("122,92,142,255")));
    // Every label in the basemap styles uses the CJK font.
    const QDir styles(mapsPath(QStringLiteral("styles")));
    int labelledStyles = 0;
    for (const QString &file : styles.entryList({QStringLiteral("*.qml")})) {
        const QList<QXmlStreamAttributes> textStyles =
            elements(styles.filePath(file), QStringLiteral("text-style"));
        labelledStyles += textStyles.isEmpty() ? 0 : 1;
        for (const QXmlStreamAttributes &attributes : textStyles)
            QCOMPARE(attributes.value(QStringLiteral("fontFamily")).toString(),
                     QStringLiteral("Noto Sans CJK SC"));
    }
    QVERIFY(labelledStyles >= 6);
}

void TestBasemapFiles::layoutHasContractItems()
{
    const QString layout = mapsPath(QStringLiteral("layouts/situation-a3.qpt"));
    QHash<QString, QXmlStreamAttributes> items;
    for (const QXmlStreamAttributes &attributes : elements(layout, QStringLiteral("LayoutItem"))) {
        const QString id = attributes.value(QStringLiteral("id")).toString();
        if (!id.isEmpty())
            items.insert(id, attributes);
    }
    for (const QString &id :
         {QStringLiteral("title"), QStringLiteral("subtitle"), QStringLiteral("datetime"),
          QStringLiteral("map"), QStringLiteral("legend"), QStringLiteral("scalebar"),
          QStringLiteral("north_arrow"), QStringLiteral("crs_note"), QStringLiteral("attribution")})
        QVERIFY2(items.contains(id), qPrintable(id));
    QCOMPARE(items.value(QStringLiteral("map")).value(QStringLiteral("type")).toString(),
             QStringLiteral("65639"));
    QCOMPARE(items.value(QStringLiteral("attribution")).value(QStringLiteral("labelText")).toString(),
             QStringLiteral("[% @jh_attribution %]"));
    QVERIFY(items.value(QStringLiteral("crs_note"))
                .value(QStringLiteral("labelText"))
                .contains(QStringLiteral("EPSG:4549")));
    // One A3 landscape page (the page item has type 65638).
    QStringList pageSizes;
    for (const QXmlStreamAttributes &attributes : elements(layout, QStringLiteral("LayoutItem"))) {
        if (attributes.value(QStringLiteral("type")) == QStringLiteral("65638"))
            pageSizes << attributes.value(QStringLiteral("size")).toString();
    }
    QCOMPARE(pageSizes, QStringList{QStringLiteral("420,297,mm")});
}

QTEST_GUILESS_MAIN(TestBasemapFiles)
#include "tst_basemapfiles.moc"
