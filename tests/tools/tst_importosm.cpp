// Tests maps/tools/import-osm on a hand-made OSM fixture, against a copy of the basemap GeoPackage.
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QtTest>

namespace {
struct ToolResult
{
    int exitCode = -1;
    QString standardOutput;
    QString standardError;
};

//! Runs import-osm with the given arguments and waits for it (generous timeout: GDAL starts slowly).
ToolResult runImportOsm(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(JH_SOURCE_DIR "/maps/tools/import-osm"), arguments);
    ToolResult result;
    if (!process.waitForFinished(120000)) {
        process.kill();
        result.standardError = QStringLiteral("timeout");
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.standardOutput = QString::fromUtf8(process.readAllStandardOutput());
    result.standardError = QString::fromUtf8(process.readAllStandardError());
    return result;
}

//! WKB geometry type code of a GeoPackage geometry blob (2 LineString, 5 MultiLineString, 6 MultiPolygon).
int wkbType(const QByteArray &blob)
{
    if (blob.size() < 8 || !blob.startsWith("GP"))
        return -1;
    static const int envelopeSizes[] = {0, 32, 48, 48, 64, 0, 0, 0};
    const int offset = 8 + envelopeSizes[(static_cast<unsigned char>(blob.at(3)) >> 1) & 7];
    if (blob.size() < offset + 5)
        return -1;
    const bool littleEndian = blob.at(offset) == 1;
    quint32 type = 0;
    for (int i = 0; i < 4; ++i) {
        const quint32 byte = static_cast<unsigned char>(blob.at(offset + 1 + i));
        type |= littleEndian ? byte << (8 * i) : byte << (8 * (3 - i));
    }
    return static_cast<int>(type);
}

QString fixture()
{
    return QStringLiteral(JH_TEST_DATA_DIR "/osm/nantong-small.osm");
}
} // namespace

class TestImportOsm : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void importsLayersClippedToNantong();
    void rerunReplacesLayers();
    void missingExtractFails();
    void unreadableExtractFails();
    void missingGeoPackageFails();

private:
    QSqlDatabase openGeoPackage();
    QVariant scalar(const QString &sql);
    QStringList columns(const QString &table);
    bool hasTable(const QString &table);

    QTemporaryDir *mDirectory = nullptr;
    QString mGeoPackage;
    QString mConnection;
};

void TestImportOsm::init()
{
    mDirectory = new QTemporaryDir;
    QVERIFY(mDirectory->isValid());
    mGeoPackage = mDirectory->filePath(QStringLiteral("nantong.gpkg"));
    QVERIFY(QFile::copy(QStringLiteral(JH_SOURCE_DIR "/maps/nantong.gpkg"), mGeoPackage));
    QFile::setPermissions(mGeoPackage, QFile::ReadOwner | QFile::WriteOwner);
    mConnection = QStringLiteral("importosm-%1").arg(QString::fromLatin1(QTest::currentTestFunction()));
}

void TestImportOsm::cleanup()
{
    if (QSqlDatabase::contains(mConnection)) {
        QSqlDatabase::database(mConnection).close();
        QSqlDatabase::removeDatabase(mConnection);
    }
    delete mDirectory;
    mDirectory = nullptr;
}

QSqlDatabase TestImportOsm::openGeoPackage()
{
    if (QSqlDatabase::contains(mConnection))
        return QSqlDatabase::database(mConnection);
    QSqlDatabase database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), mConnection);
    database.setDatabaseName(mGeoPackage);
    database.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
    if (!database.open())
        qWarning() << database.lastError().text();
    return database;
}

QVariant TestImportOsm::scalar(const QString &sql)
{
    QSqlQuery query(openGeoPackage());
    if (!query.exec(sql) || !query.next()) {
        qWarning() << sql << query.lastError().text();
        return {};
    }
    return query.value(0);
}

QStringList TestImportOsm::columns(const QString &table)
{
    QStringList names;
    const QSqlRecord record = openGeoPackage().record(table);
    for (int i = 0; i < record.count(); ++i)
        names << record.fieldName(i);
    return names;
}

bool TestImportOsm::hasTable(const QString &table)
{
    QSqlQuery query(openGeoPackage());
    query.prepare(QStringLiteral("SELECT count(*) FROM gpkg_contents WHERE table_name = ?"));
    query.addBindValue(table);
    return query.exec() && query.next() && query.value(0).toInt() == 1;
}

void TestImportOsm::importsLayersClippedToNantong()
{
    const ToolResult result =
        runImportOsm({fixture(), QStringLiteral("--gpkg"), mGeoPackage, QStringLiteral("--with-admin")});
    QVERIFY2(result.exitCode == 0, qPrintable(result.standardError));

    for (const QString &layer :
         {QStringLiteral("roads"), QStringLiteral("waterways_osm"), QStringLiteral("railways_osm"),
          QStringLiteral("landuse_industrial"), QStringLiteral("admin_osm")}) {
        QVERIFY2(hasTable(layer), qPrintable(layer));
        QCOMPARE(
            scalar(
                QStringLiteral("SELECT srs_id FROM gpkg_geometry_columns WHERE table_name = '%1'").arg(layer))
                .toInt(),
            4490);
    }
    const QStringList roadColumns = columns(QStringLiteral("roads"));
    for (const QString &field : {QStringLiteral("class"), QStringLiteral("ref"), QStringLiteral("name"),
                                 QStringLiteral("maxspeed"), QStringLiteral("oneway")})
        QVERIFY2(roadColumns.contains(field), qPrintable(field));

    // The primary road inside the city keeps its attributes; the road in Zhangjiagang and the footway are
    // gone.
    QSqlQuery roads(openGeoPackage());
    QVERIFY(roads.exec(QStringLiteral("SELECT osm_id FROM roads ORDER BY CAST(osm_id AS INTEGER)")));
    QStringList ids;
    while (roads.next())
        ids << roads.value(0).toString();
    // Way 106 leaves the city across the Yangtze and comes back: two LineString features.
    QCOMPARE(ids, QStringList({QStringLiteral("101"), QStringLiteral("103"), QStringLiteral("104"),
                               QStringLiteral("106"), QStringLiteral("106")}));
    QSqlQuery primary(openGeoPackage());
    QVERIFY(primary.exec(
        QStringLiteral("SELECT class, ref, name, maxspeed, oneway, link FROM roads WHERE osm_id = '101'")));
    QVERIFY(primary.next());
    QCOMPARE(primary.value(0).toString(), QStringLiteral("primary"));
    QCOMPARE(primary.value(1).toString(), QStringLiteral("S221"));
    QCOMPARE(primary.value(2).toString(), QStringLiteral("通甲路"));
    QCOMPARE(primary.value(3).toInt(), 60);
    QCOMPARE(primary.value(4).toInt(), 1);
    QCOMPARE(primary.value(5).toInt(), 0);
    // A motorway ramp is class motorway, flagged as link, one-way by implication.
    QCOMPARE(
        scalar(QStringLiteral("SELECT class || '/' || link || '/' || oneway FROM roads WHERE osm_id = '104'"))
            .toString(),
        QStringLiteral("motorway/1/1"));

    // The motorway from lon 120.10 (泰兴) to 120.75 is cut at the city boundary (~120.35 at lat 32.30).
    const double westEnd =
        scalar(QStringLiteral("SELECT r.minx FROM rtree_roads_geom r JOIN roads ON roads.fid = r.id "
                              "WHERE roads.osm_id = '103'"))
            .toDouble();
    QVERIFY2(westEnd > 120.3 && westEnd < 120.4, qPrintable(QString::number(westEnd)));
    const double eastEnd =
        scalar(QStringLiteral("SELECT r.maxx FROM rtree_roads_geom r JOIN roads ON roads.fid = r.id "
                              "WHERE roads.osm_id = '103'"))
            .toDouble();
    QVERIFY(qAbs(eastEnd - 120.75) < 1e-4);

    // Every feature has the layer's simple geometry type (no MultiLineString slipped into a LineString
    // layer).
    const QList<QPair<QString, int>> expectedTypes{{QStringLiteral("roads"), 2},
                                                   {QStringLiteral("waterways_osm"), 2},
                                                   {QStringLiteral("railways_osm"), 2},
                                                   {QStringLiteral("landuse_industrial"), 6},
                                                   {QStringLiteral("admin_osm"), 6}};
    for (const auto &expected : expectedTypes) {
        QSqlQuery geometries(openGeoPackage());
        QVERIFY(geometries.exec(QStringLiteral("SELECT geom FROM %1").arg(expected.first)));
        int features = 0;
        while (geometries.next()) {
            QCOMPARE(wkbType(geometries.value(0).toByteArray()), expected.second);
            ++features;
        }
        QVERIFY2(features > 0, qPrintable(expected.first));
    }

    // Only the named canal is kept, not the unnamed ditch.
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM waterways_osm")).toInt(), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT name || '/' || class FROM waterways_osm")).toString(),
             QStringLiteral("通吕运河/canal"));
    QCOMPARE(scalar(QStringLiteral("SELECT class FROM railways_osm")).toString(), QStringLiteral("rail"));
    QCOMPARE(scalar(QStringLiteral("SELECT name FROM landuse_industrial")).toString(),
             QStringLiteral("测试工业园"));
    QCOMPARE(scalar(QStringLiteral("SELECT admin_level FROM admin_osm")).toInt(), 8);

    // ODbL attribution recorded for the app and the project.
    const QString extra =
        scalar(QStringLiteral("SELECT value FROM jh_metadata WHERE key = 'attribution_extra'")).toString();
    QVERIFY2(extra.contains(QStringLiteral("OpenStreetMap")) && extra.contains(QStringLiteral("ODbL")),
             qPrintable(extra));
    // The basemap layers are untouched.
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM counties")).toInt(), 7);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM city_boundary")).toInt(), 1);
}

void TestImportOsm::rerunReplacesLayers()
{
    ToolResult result =
        runImportOsm({fixture(), QStringLiteral("--gpkg"), mGeoPackage, QStringLiteral("--with-admin")});
    QVERIFY2(result.exitCode == 0, qPrintable(result.standardError));
    result = runImportOsm({fixture(), QStringLiteral("--gpkg"), mGeoPackage});
    QVERIFY2(result.exitCode == 0, qPrintable(result.standardError));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM roads")).toInt(), 5);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM railways_osm")).toInt(), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM gpkg_contents WHERE table_name = 'roads'")).toInt(),
             1);
    // admin_osm from the first run stays (the second run did not ask for it) and is still listed.
    QVERIFY(hasTable(QStringLiteral("admin_osm")));
    QVERIFY(scalar(QStringLiteral("SELECT value FROM jh_metadata WHERE key = 'osm_layers'"))
                .toString()
                .contains(QStringLiteral("admin_osm")));
}

void TestImportOsm::missingExtractFails()
{
    const ToolResult result = runImportOsm(
        {mDirectory->filePath(QStringLiteral("absent.osm.pbf")), QStringLiteral("--gpkg"), mGeoPackage});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.standardError.contains(QStringLiteral("not found")), qPrintable(result.standardError));
    QVERIFY(!hasTable(QStringLiteral("roads")));
}

void TestImportOsm::unreadableExtractFails()
{
    const QString garbage = mDirectory->filePath(QStringLiteral("garbage.osm"));
    QFile file(garbage);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("this is not an OpenStreetMap file\n");
    file.close();
    const ToolResult result = runImportOsm({garbage, QStringLiteral("--gpkg"), mGeoPackage});
    QCOMPARE(result.exitCode, 3);
    QVERIFY2(result.standardError.contains(QStringLiteral("cannot read")), qPrintable(result.standardError));
    QVERIFY(!hasTable(QStringLiteral("roads")));
}

void TestImportOsm::missingGeoPackageFails()
{
    const ToolResult result = runImportOsm(
        {fixture(), QStringLiteral("--gpkg"), mDirectory->filePath(QStringLiteral("absent.gpkg"))});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.standardError.contains(QStringLiteral("GeoPackage not found")),
             qPrintable(result.standardError));
}

QTEST_GUILESS_MAIN(TestImportOsm)
#include "tst_importosm.moc"
