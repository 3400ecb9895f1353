// Tests of the Nantong scenario file and its loader: counts, unique MNs, every site in its county.
#include "jhcounty.h"
#include "jhscenario.h"
#include "jhworldstate.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QtTest>

namespace {
QString sourcePath(const char *relative)
{
    return QStringLiteral(JH_SOURCE_DIR "/") + QLatin1String(relative);
}

//! Reads polygons of a GeoJSON file (independently of the generator) into JhCounty outlines.
QList<JhCounty> readPolygons(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<JhCounty> result;
    const QJsonArray features =
        QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("features")).toArray();
    for (const QJsonValue &feature : features) {
        const QJsonObject geometry = feature.toObject().value(QStringLiteral("geometry")).toObject();
        JhCounty county;
        county.code = feature.toObject()
                          .value(QStringLiteral("properties"))
                          .toObject()
                          .value(QStringLiteral("code"))
                          .toInt();
        QJsonArray polygons = geometry.value(QStringLiteral("coordinates")).toArray();
        if (geometry.value(QStringLiteral("type")).toString() == QLatin1String("Polygon"))
            polygons = QJsonArray{polygons};
        for (const QJsonValue &polygon : polygons)
            for (const QJsonValue &ring : polygon.toArray()) {
                QList<QPointF> points;
                for (const QJsonValue &point : ring.toArray())
                    points.append(
                        QPointF(point.toArray().at(0).toDouble(), point.toArray().at(1).toDouble()));
                county.rings.append(points);
            }
        result.append(county);
    }
    return result;
}
} // namespace

class TestJhScenario : public QObject
{
    Q_OBJECT

private:
    JhScenario mScenario;

    int count(const std::function<bool(const JhSite &)> &predicate) const
    {
        int result = 0;
        for (const JhSite &site : mScenario.sites())
            if (predicate(site))
                ++result;
        return result;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(mScenario.load(sourcePath("resources/scenario/nantong-scenario.json")),
                 qPrintable(mScenario.errorMessage()));
    }

    void countsMatchThePlan()
    {
        QCOMPARE(count([](const JhSite &s) { return s.isAir(); }), 124);
        QCOMPARE(count([](const JhSite &s) { return s.kind == JhSiteKind::AirProvincial; }), 11);
        QCOMPARE(count([](const JhSite &s) { return s.kind == JhSiteKind::AirTownship; }), 86);
        QCOMPARE(count([](const JhSite &s) { return s.kind == JhSiteKind::AirPark; }), 13);
        QCOMPARE(count([](const JhSite &s) { return s.isWater(); }), 108);
        QCOMPARE(count([](const JhSite &s) { return s.kind == JhSiteKind::DrinkingWater; }), 7);
        QVERIFY(count([](const JhSite &s) { return s.kind == JhSiteKind::Noise; }) >= 8);
        QCOMPARE(count([](const JhSite &s) { return s.kind == JhSiteKind::Marine; }), 16);
        QVERIFY(count([](const JhSite &s) { return s.kind == JhSiteKind::PollutionSource; }) >= 300);
        QCOMPARE(mScenario.parks().size(), 17);
        for (const JhIndustrialPark &park : mScenario.parks())
            QVERIFY(park.approximate);
        QCOMPARE(mScenario.teams().size(), 6);
        QCOMPARE(mScenario.counties().size(), 7);
    }

    void siteDataIsComplete()
    {
        for (const JhSite &site : mScenario.sites()) {
            QVERIFY2(!site.factorCodes.isEmpty(), qPrintable(site.id));
            if (site.isWater())
                QVERIFY2(site.waterTargetClass >= 1 && site.waterTargetClass <= 6 &&
                             site.waterBody != JhWaterBodyType::None,
                         qPrintable(site.id));
            if (site.kind == JhSiteKind::Noise)
                QVERIFY(QStringList({"0", "1", "2", "3", "4a", "4b"}).contains(site.noiseZone));
            if (site.kind == JhSiteKind::PollutionSource) {
                QVERIFY(!site.permittedLimits.isEmpty());
                for (const JhPermittedLimit &limit : site.permittedLimits) {
                    QVERIFY(limit.limit > 0);
                    QVERIFY(site.factorCodes.contains(limit.factorCode));
                }
            }
        }
        QVERIFY(count([](const JhSite &s) { return s.protocolVersion == JhHj212Version::V2005; }) > 0);
        QVERIFY(count([](const JhSite &s) { return s.waterBody == JhWaterBodyType::Lake; }) > 0);
    }

    void realNationalStations()
    {
        QFile csv(sourcePath("maps/sources/stations/air_stations_nantong.csv"));
        QVERIFY(csv.open(QIODevice::ReadOnly | QIODevice::Text));
        csv.readLine();
        int checked = 0;
        while (!csv.atEnd()) {
            const QStringList fields = QString::fromUtf8(csv.readLine()).split(QLatin1Char(','));
            if (fields.size() < 7)
                continue;
            const JhSite *found = nullptr;
            for (const JhSite &site : mScenario.sites())
                if (site.stationCode == fields.at(0))
                    found = &site;
            QVERIFY2(found, qPrintable(fields.at(0)));
            QCOMPARE(found->kind, JhSiteKind::AirNational);
            QCOMPARE(found->name, fields.at(1));
            QCOMPARE(found->countyCode, fields.at(4).toInt());
            QCOMPARE(found->longitude, fields.at(5).toDouble());
            QCOMPARE(found->latitude, fields.at(6).toDouble());
            ++checked;
        }
        QCOMPARE(checked, 9);
    }

    void mnsAndPasswords()
    {
        QSet<QString> mns;
        QSet<QString> ids;
        for (const JhSite &site : mScenario.sites()) {
            QCOMPARE(site.mn.size(), 24);
            QCOMPARE(site.password.size(), 6);
            QVERIFY2(!mns.contains(site.mn), qPrintable(site.mn));
            QVERIFY(!ids.contains(site.id));
            mns.insert(site.mn);
            ids.insert(site.id);
        }
    }

    void sitesLieInTheirCountyOnLand()
    {
        const QList<JhCounty> counties =
            readPolygons(sourcePath("maps/sources/admin/nantong_counties.geojson"));
        QCOMPARE(counties.size(), 7);
        const QList<JhCounty> landParts =
            readPolygons(sourcePath("maps/sources/water/land_gshhg_full.geojson"));
        QVERIFY(!landParts.isEmpty());
        auto onLand = [&](double x, double y) {
            for (const JhCounty &part : landParts)
                if (part.contains(x, y))
                    return true;
            return false;
        };
        QSet<int> validCodes;
        for (const JhCounty &county : counties)
            validCodes.insert(county.code);
        for (const JhSite &site : mScenario.sites()) {
            QVERIFY2(validCodes.contains(site.countyCode), qPrintable(site.id));
            int containing = 0;
            const JhCounty *own = nullptr;
            for (const JhCounty &county : counties) {
                if (county.contains(site.longitude, site.latitude))
                    ++containing;
                if (county.code == site.countyCode)
                    own = &county;
            }
            if (site.kind == JhSiteKind::Marine) {
                QVERIFY2(containing == 0 && !onLand(site.longitude, site.latitude), qPrintable(site.id));
            } else {
                QVERIFY2(own->contains(site.longitude, site.latitude), qPrintable(site.id));
                QVERIFY2(onLand(site.longitude, site.latitude), qPrintable(site.id));
            }
        }
        for (const JhDepot &depot : mScenario.depots()) {
            const auto own = std::find_if(counties.begin(), counties.end(),
                                          [&](const JhCounty &c) { return c.code == depot.countyCode; });
            QVERIFY(own != counties.end() && own->contains(depot.longitude, depot.latitude));
        }
    }

    void teamsAndDepots()
    {
        QSet<int> depotCounties;
        for (const JhDepot &depot : mScenario.depots()) {
            depotCounties.insert(depot.countyCode);
            QVERIFY(std::any_of(mScenario.teams().begin(), mScenario.teams().end(),
                                [&](const JhCountyTeam &t) { return t.id == depot.teamId; }));
            QVERIFY(!depot.inventory.isEmpty());
        }
        // 海门, 海安, 如皋, 如东, 启东 and the city (崇川).
        QCOMPARE(depotCounties, QSet<int>({320614, 320685, 320682, 320623, 320681, 320613}));
        QStringList names;
        for (const JhCatalogueItem &item : mScenario.catalogue())
            names.append(item.name);
        for (const char *name : {"吸油毡", "围油栏", "活性炭", "应急监测车", "便携式气相色谱仪"})
            QVERIFY2(names.contains(QString::fromUtf8(name)), name);
        JhWorldState state;
        mScenario.populate(state);
        QCOMPARE(state.sites().size(), mScenario.sites().size());
        QVERIFY(state.team(QStringLiteral("city"))->covers(320612));
        QVERIFY(state.depot(QStringLiteral("DEP-qidong")));
        for (const JhSite &site : mScenario.sites())
            QCOMPARE(state.siteByMn(site.mn)->id, site.id);
        QVERIFY(!state.siteByMn(QStringLiteral("000000000000000000000000")));
        JhSite moved = *state.site(QStringLiteral("AIR-1168A"));
        const QString oldMn = moved.mn;
        moved.mn = QStringLiteral("ABCDEFABCDEFABCDEFABCDEF");
        state.addSite(moved);
        QVERIFY(!state.siteByMn(oldMn));
        QCOMPARE(state.siteByMn(moved.mn)->id, moved.id);
    }

    void clearErrors()
    {
        JhScenario broken;
        QVERIFY(!broken.load(QStringLiteral("/nonexistent/scenario.json")));
        QCOMPARE(broken.error(), JhScenario::Error::FileNotReadable);
        QVERIFY(!broken.loadFromData("{ not json"));
        QCOMPARE(broken.error(), JhScenario::Error::NotJson);
        QVERIFY(!broken.loadFromData(R"({"format":"something-else","version":1})"));
        QCOMPARE(broken.error(), JhScenario::Error::WrongFormat);

        const QByteArray site =
            R"({"id":"A","name":"n","kind":"noise","countyCode":320613,"longitude":1,"latitude":2,
            "mn":"0123456789ABCDEF01234567","password":"abcdef","protocolVersion":"2017","factorCodes":["LA"]})";
        const QByteArray head = R"({"format":"jianghai-scenario","version":1,"sites":[)";
        QVERIFY2(broken.loadFromData(head + site + "]}"), qPrintable(broken.errorMessage()));
        QCOMPARE(broken.sites().size(), 1);

        QVERIFY(!broken.loadFromData(head + QByteArray(site).replace("\"mn\":", "\"nm\":") + "]}"));
        QCOMPARE(broken.error(), JhScenario::Error::InvalidElement);
        QCOMPARE(broken.errorMessage(), QStringLiteral("sites[0].mn must be a string"));
        QVERIFY(!broken.loadFromData(head + QByteArray(site).replace("0123456789ABCDEF", "0123456789abcdef") +
                                     "]}"));
        QVERIFY(broken.errorMessage().contains(QStringLiteral("0-9/A-F")));
        QVERIFY(!broken.loadFromData(head + QByteArray(site).replace("noise", "volcano") + "]}"));
        QCOMPARE(broken.errorMessage(), QStringLiteral("sites[0].kind must be a known code"));
        QVERIFY(!broken.loadFromData(head + site + "," + QByteArray(site).replace("\"A\"", "\"B\"") + "]}"));
        QCOMPARE(broken.error(), JhScenario::Error::DuplicateId);
        QVERIFY(broken.errorMessage().contains(QStringLiteral("0123456789ABCDEF01234567")));
    }
};

QTEST_GUILESS_MAIN(TestJhScenario)
#include "tst_jhscenario.moc"
