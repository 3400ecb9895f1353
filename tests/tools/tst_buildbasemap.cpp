// Tests maps/tools/build-basemap and the committed maps/nantong.gpkg against the map contract (layers,
// fields, codes).
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QtTest>

namespace {
//! Layers of the contract with their GeoPackage geometry type and the fields each must have.
struct LayerSpec
{
    QString name;
    QString geometryType;
    QStringList fields;
};

QList<LayerSpec> contractLayers()
{
    return {
        {QStringLiteral("city_boundary"),
         QStringLiteral("MULTIPOLYGON"),
         {QStringLiteral("code"), QStringLiteral("name_zh"), QStringLiteral("name_pinyin")}},
        {QStringLiteral("counties"),
         QStringLiteral("MULTIPOLYGON"),
         {QStringLiteral("code"), QStringLiteral("name_zh"), QStringLiteral("name_pinyin"),
          QStringLiteral("kind")}},
        {QStringLiteral("county_seats"),
         QStringLiteral("POINT"),
         {QStringLiteral("code"), QStringLiteral("name_zh"), QStringLiteral("name_pinyin")}},
        {QStringLiteral("land"), QStringLiteral("MULTIPOLYGON"), {}},
        {QStringLiteral("water"), QStringLiteral("MULTIPOLYGON"), {QStringLiteral("kind")}},
        {QStringLiteral("coastline"), QStringLiteral("LINESTRING"), {}},
        {QStringLiteral("rivers"),
         QStringLiteral("LINESTRING"),
         {QStringLiteral("class"), QStringLiteral("name_zh"), QStringLiteral("name_pinyin"),
          QStringLiteral("name_confidence")}},
        {QStringLiteral("towns"),
         QStringLiteral("POINT"),
         {QStringLiteral("name_zh"), QStringLiteral("name_pinyin"), QStringLiteral("county_code"),
          QStringLiteral("population"), QStringLiteral("kind")}},
        {QStringLiteral("railway_stations"),
         QStringLiteral("POINT"),
         {QStringLiteral("name_zh"), QStringLiteral("kind")}},
        {QStringLiteral("airports"), QStringLiteral("LINESTRING"), {QStringLiteral("name_zh")}},
        {QStringLiteral("airport_labels"), QStringLiteral("POINT"), {QStringLiteral("name_zh")}},
    };
}

QString committedGeoPackage()
{
    return QStringLiteral(JH_SOURCE_DIR "/maps/nantong.gpkg");
}
} // namespace

class TestBuildBasemap : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void layersFollowTheContract();
    void countiesCarryCodesAndNames();
    void waterIsSplitIntoSeaYangtzeAndLakes();
    void landCoversTheWholeCity();
    void placesAndAttribution();
    void committedFileMatchesAFreshBuild();

private:
    QSqlDatabase open(const QString &connection, const QString &path);
    QVariant scalar(const QString &sql);
    QStringList strings(const QString &sql, const QString &connection = QStringLiteral("committed"));

    QTemporaryDir mDirectory;
    QString mFreshPath;
};

void TestBuildBasemap::initTestCase()
{
    QVERIFY(mDirectory.isValid());
    mFreshPath = mDirectory.filePath(QStringLiteral("fresh.gpkg"));
    QProcess process;
    process.start(QStringLiteral(JH_SOURCE_DIR "/maps/tools/build-basemap"),
                  {QStringLiteral("--output"), mFreshPath});
    QVERIFY(process.waitForFinished(120000));
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
             process.readAllStandardError().constData());
    QVERIFY(open(QStringLiteral("committed"), committedGeoPackage()).isOpen());
    QVERIFY(open(QStringLiteral("fresh"), mFreshPath).isOpen());
}

void TestBuildBasemap::cleanupTestCase()
{
    for (const QString &name : {QStringLiteral("committed"), QStringLiteral("fresh")}) {
        QSqlDatabase::database(name).close();
        QSqlDatabase::removeDatabase(name);
    }
}

QSqlDatabase TestBuildBasemap::open(const QString &connection, const QString &path)
{
    QSqlDatabase database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
    database.setDatabaseName(path);
    database.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
    if (!database.open())
        qWarning() << path << database.lastError().text();
    return database;
}

QVariant TestBuildBasemap::scalar(const QString &sql)
{
    QSqlQuery query(QSqlDatabase::database(QStringLiteral("committed")));
    if (!query.exec(sql) || !query.next()) {
        qWarning() << sql << query.lastError().text();
        return {};
    }
    return query.value(0);
}

QStringList TestBuildBasemap::strings(const QString &sql, const QString &connection)
{
    QStringList values;
    QSqlQuery query(QSqlDatabase::database(connection));
    if (!query.exec(sql))
        qWarning() << sql << query.lastError().text();
    while (query.next())
        values << query.value(0).toString();
    return values;
}

void TestBuildBasemap::layersFollowTheContract()
{
    const QSqlDatabase database = QSqlDatabase::database(QStringLiteral("committed"));
    for (const LayerSpec &layer : contractLayers()) {
        QCOMPARE(strings(QStringLiteral("SELECT geometry_type_name || ' ' || srs_id FROM "
                                        "gpkg_geometry_columns WHERE table_name = '%1'")
                             .arg(layer.name)),
                 QStringList{layer.geometryType + QStringLiteral(" 4490")});
        QVERIFY2(scalar(QStringLiteral("SELECT count(*) FROM %1").arg(layer.name)).toInt() > 0,
                 qPrintable(layer.name));
        const QSqlRecord record = database.record(layer.name);
        for (const QString &field : layer.fields)
            QVERIFY2(record.indexOf(field) >= 0, qPrintable(layer.name + QLatin1Char('.') + field));
    }
    QCOMPARE(scalar(QStringLiteral("SELECT organization || ':' || organization_coordsys_id FROM "
                                   "gpkg_spatial_ref_sys WHERE srs_id = 4490"))
                 .toString(),
             QStringLiteral("EPSG:4490"));
}

void TestBuildBasemap::countiesCarryCodesAndNames()
{
    QCOMPARE(strings(QStringLiteral("SELECT code FROM counties ORDER BY code")),
             QStringList({QStringLiteral("320612"), QStringLiteral("320613"), QStringLiteral("320614"),
                          QStringLiteral("320623"), QStringLiteral("320681"), QStringLiteral("320682"),
                          QStringLiteral("320685")}));
    QCOMPARE(strings(QStringLiteral(
                 "SELECT name_zh || '|' || name_pinyin || '|' || kind FROM counties WHERE code = 320614")),
             QStringList{QStringLiteral("海门区|Haimen|区")});
    QCOMPARE(strings(QStringLiteral("SELECT name_zh || '|' || name_pinyin FROM city_boundary")),
             QStringList{QStringLiteral("南通市|Nantong")});
    // Pinyin is plain ASCII (no tone marks), so it can be typed into a search box.
    const QRegularExpression plain(QStringLiteral("^[A-Za-z' ]+$"));
    for (const QString &pinyin : strings(QStringLiteral(
             "SELECT name_pinyin FROM counties UNION ALL SELECT name_pinyin FROM county_seats")))
        QVERIFY2(plain.match(pinyin).hasMatch(), qPrintable(pinyin));
    QCOMPARE(strings(QStringLiteral("SELECT DISTINCT kind FROM counties ORDER BY kind")).size(), 3);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM county_seats c JOIN counties USING (code)")).toInt(),
             7);
}

void TestBuildBasemap::waterIsSplitIntoSeaYangtzeAndLakes()
{
    QCOMPARE(strings(QStringLiteral("SELECT kind FROM water ORDER BY kind")),
             QStringList({QStringLiteral("lake"), QStringLiteral("sea"), QStringLiteral("yangtze")}));
    // The Yangtze lies west of the estuary mouth (lon 121.9; the R-tree stores float32 bounds rounded
    // outwards); the sea reaches east of the source box.
    QVERIFY(scalar(QStringLiteral("SELECT r.maxx FROM rtree_water_geom r JOIN water ON water.fid = r.id "
                                  "WHERE kind = 'yangtze'"))
                .toDouble() <= 121.9 + 1e-4);
    QVERIFY(
        scalar(QStringLiteral(
                   "SELECT r.maxx FROM rtree_water_geom r JOIN water ON water.fid = r.id WHERE kind = 'sea'"))
            .toDouble() > 122.1);
}

void TestBuildBasemap::landCoversTheWholeCity()
{
    // 海安's boundary reaches lon 120.1975, west of the GSHHG clip at 120.2: the land layer must too.
    const double cityWest = scalar(QStringLiteral("SELECT minx FROM rtree_city_boundary_geom")).toDouble();
    const double landWest = scalar(QStringLiteral("SELECT minx FROM rtree_land_geom")).toDouble();
    QVERIFY(cityWest < 120.2);
    QVERIFY2(landWest <= cityWest, qPrintable(QStringLiteral("%1 > %2").arg(landWest).arg(cityWest)));
}

void TestBuildBasemap::placesAndAttribution()
{
    QVERIFY(scalar(QStringLiteral("SELECT count(*) FROM towns WHERE in_nantong = 1")).toInt() >= 100);
    QVERIFY(scalar(QStringLiteral("SELECT count(*) FROM towns WHERE name_zh = '如皋市'")).toInt() == 1);
    QCOMPARE(strings(QStringLiteral("SELECT name_zh FROM airport_labels")),
             QStringList{QStringLiteral("南通兴东国际机场")});
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM airports WHERE kind = 'runway'")).toInt(), 1);
    QVERIFY(strings(QStringLiteral("SELECT name_zh FROM railway_stations WHERE kind = 'train'"))
                .contains(QStringLiteral("南通西")));
    QCOMPARE(strings(QStringLiteral("SELECT DISTINCT kind FROM railway_stations ORDER BY kind")),
             QStringList({QStringLiteral("subway"), QStringLiteral("train")}));
    // Low-confidence river names stay flagged as such.
    QVERIFY(scalar(QStringLiteral("SELECT count(*) FROM rivers WHERE name_confidence = 'low'")).toInt() >= 1);
    const QString attribution =
        scalar(QStringLiteral("SELECT value FROM jh_metadata WHERE key = 'attribution'")).toString();
    for (const QString &source : {QStringLiteral("GSHHG"), QStringLiteral("GeoNames"),
                                  QStringLiteral("OpenStreetMap"), QStringLiteral("DataV")})
        QVERIFY2(attribution.contains(source), qPrintable(source));
}

void TestBuildBasemap::committedFileMatchesAFreshBuild()
{
    // Every table of the committed file, row by row (geometry blobs included), equals a fresh build:
    // maps/nantong.gpkg was rebuilt after the last change of the sources or of build-basemap.
    const QStringList tables =
        strings(QStringLiteral("SELECT table_name FROM gpkg_contents ORDER BY table_name"));
    QCOMPARE(strings(QStringLiteral("SELECT table_name FROM gpkg_contents ORDER BY table_name"),
                     QStringLiteral("fresh")),
             tables);
    for (const QString &table : tables) {
        QSqlQuery committed(QSqlDatabase::database(QStringLiteral("committed")));
        QSqlQuery fresh(QSqlDatabase::database(QStringLiteral("fresh")));
        const QString sql = QStringLiteral("SELECT * FROM \"%1\" ORDER BY 1").arg(table);
        QVERIFY(committed.exec(sql));
        QVERIFY(fresh.exec(sql));
        int row = 0;
        while (committed.next()) {
            QVERIFY2(fresh.next(), qPrintable(table));
            for (int column = 0; column < committed.record().count(); ++column)
                QVERIFY2(committed.value(column) == fresh.value(column),
                         qPrintable(QStringLiteral("%1 row %2 column %3")
                                        .arg(table)
                                        .arg(row)
                                        .arg(committed.record().fieldName(column))));
            ++row;
        }
        QVERIFY2(!fresh.next(), qPrintable(table));
    }
}

QTEST_GUILESS_MAIN(TestBuildBasemap)
#include "tst_buildbasemap.moc"
