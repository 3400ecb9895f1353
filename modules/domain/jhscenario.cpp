// Scenario file reader: strict about required fields so a broken file fails loudly at start-up.
#include "jhscenario.h"

#include "jhenumnames.h"
#include "jhworldstate.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace {
//! Reads fields of one element and remembers the first problem with its path ("sites[12].mn").
class Reader
{
public:
    Reader(const QJsonObject &object, const QString &path) : mObject(object), mPath(path) {}

    QString text(const char *key, bool required = true)
    {
        const QJsonValue value = mObject.value(QLatin1String(key));
        if (value.isString())
            return value.toString();
        if (required || !value.isUndefined())
            bad(key, QStringLiteral("a string"));
        return QString();
    }

    double number(const char *key, bool required = true)
    {
        const QJsonValue value = mObject.value(QLatin1String(key));
        if (value.isDouble())
            return value.toDouble();
        if (required || !value.isUndefined())
            bad(key, QStringLiteral("a number"));
        return 0;
    }

    bool boolean(const char *key)
    {
        const QJsonValue value = mObject.value(QLatin1String(key));
        if (value.isBool())
            return value.toBool();
        if (!value.isUndefined())
            bad(key, QStringLiteral("true or false"));
        return false;
    }

    QJsonArray array(const char *key, bool required = true)
    {
        const QJsonValue value = mObject.value(QLatin1String(key));
        if (value.isArray())
            return value.toArray();
        if (required || !value.isUndefined())
            bad(key, QStringLiteral("an array"));
        return QJsonArray();
    }

    template <typename Enum>
    Enum enumeration(const char *key, Enum fallback)
    {
        Enum result = fallback;
        const QString code = text(key);
        if (!code.isNull() && !JhEnumNames::parse(code, result))
            bad(key, QStringLiteral("a known code"));
        return result;
    }

    void bad(const char *key, const QString &expected)
    {
        if (mProblem.isEmpty())
            mProblem = QStringLiteral("%1.%2 must be %3").arg(mPath, QLatin1String(key), expected);
    }

    bool isOk() const { return mProblem.isEmpty(); }
    QString problem() const { return mProblem; }

private:
    QJsonObject mObject;
    QString mPath;
    QString mProblem;
};

bool isHexMn(const QString &mn)
{
    if (mn.size() != 24)
        return false;
    for (const QChar c : mn)
        if (!c.isDigit() && !(c >= QLatin1Char('A') && c <= QLatin1Char('F')))
            return false;
    return true;
}
} // namespace

bool JhScenario::fail(Error error, const QString &message)
{
    mError = error;
    mErrorMessage = message;
    return false;
}

bool JhScenario::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(Error::FileNotReadable,
                    QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    return loadFromData(file.readAll());
}

bool JhScenario::loadFromData(const QByteArray &data)
{
    *this = JhScenario();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (!document.isObject())
        return fail(Error::NotJson, QStringLiteral("not a JSON object: %1 at offset %2")
                                        .arg(parseError.errorString())
                                        .arg(parseError.offset));
    const QJsonObject root = document.object();
    if (root.value(QStringLiteral("format")).toString() != QLatin1String("jianghai-scenario") ||
        root.value(QStringLiteral("version")).toInt() != 1)
        return fail(Error::WrongFormat, QStringLiteral("not a jianghai-scenario version 1 file"));
    mName = root.value(QStringLiteral("name")).toString();

    auto elements = [&](const char *key) { return root.value(QLatin1String(key)).toArray(); };
    auto path = [](const char *key, int index) {
        return QStringLiteral("%1[%2]").arg(QLatin1String(key)).arg(index);
    };
    auto check = [&](Reader &reader) {
        return reader.isOk() ? true : fail(Error::InvalidElement, reader.problem());
    };

    const QJsonArray counties = elements("counties");
    for (int i = 0; i < counties.size(); ++i) {
        Reader in(counties.at(i).toObject(), path("counties", i));
        const int code = int(in.number("code"));
        const QString name = in.text("name");
        if (!check(in))
            return false;
        mCounties.append({code, name});
    }

    const QJsonArray factors = elements("factors");
    for (int i = 0; i < factors.size(); ++i) {
        Reader in(factors.at(i).toObject(), path("factors", i));
        JhFactor factor;
        factor.code = in.text("code");
        factor.legacyCode = in.text("legacyCode", false);
        factor.nameZh = in.text("nameZh");
        factor.nameEn = in.text("nameEn", false);
        factor.unit = in.text("unit", false);
        if (!check(in))
            return false;
        mFactors.append(factor);
    }

    const QJsonArray parks = elements("parks");
    for (int i = 0; i < parks.size(); ++i) {
        Reader in(parks.at(i).toObject(), path("parks", i));
        JhIndustrialPark park;
        park.id = in.text("id");
        park.name = in.text("name");
        park.countyCode = int(in.number("countyCode"));
        park.longitude = in.number("longitude");
        park.latitude = in.number("latitude");
        park.chemical = in.boolean("chemical");
        park.approximate = in.boolean("approximate");
        if (!check(in))
            return false;
        mParks.append(park);
    }

    QSet<QString> siteIds;
    QSet<QString> mns;
    const QJsonArray sites = elements("sites");
    for (int i = 0; i < sites.size(); ++i) {
        Reader in(sites.at(i).toObject(), path("sites", i));
        JhSite site;
        site.id = in.text("id");
        site.name = in.text("name");
        site.kind = in.enumeration("kind", JhSiteKind::AirTownship);
        site.stationCode = in.text("stationCode", false);
        site.network = in.text("network", false);
        site.countyCode = int(in.number("countyCode"));
        site.longitude = in.number("longitude");
        site.latitude = in.number("latitude");
        site.mn = in.text("mn");
        site.password = in.text("password");
        site.protocolVersion = in.enumeration("protocolVersion", JhHj212Version::V2017);
        site.waterTargetClass = int(in.number("waterTargetClass", false));
        if (!in.text("waterBody", false).isEmpty())
            site.waterBody = in.enumeration("waterBody", JhWaterBodyType::None);
        site.noiseZone = in.text("noiseZone", false);
        site.parkId = in.text("parkId", false);
        site.approximateLocation = in.boolean("approximateLocation");
        const QJsonArray factorCodes = in.array("factorCodes");
        for (const QJsonValue &code : factorCodes)
            site.factorCodes.append(code.toString());
        const QJsonArray limits = in.array("permittedLimits", false);
        for (int l = 0; l < limits.size(); ++l) {
            Reader limitIn(limits.at(l).toObject(), path("sites", i) + path(".permittedLimits", l));
            JhPermittedLimit limit;
            limit.factorCode = limitIn.text("factorCode");
            limit.limit = limitIn.number("limit");
            limit.unit = limitIn.text("unit", false);
            if (!check(limitIn))
                return false;
            site.permittedLimits.append(limit);
        }
        if (in.isOk() && !isHexMn(site.mn))
            in.bad("mn", QStringLiteral("24 characters 0-9/A-F"));
        if (in.isOk() && (site.waterTargetClass < 0 || site.waterTargetClass > 6))
            in.bad("waterTargetClass", QStringLiteral("0..6"));
        if (!check(in))
            return false;
        if (siteIds.contains(site.id))
            return fail(Error::DuplicateId, QStringLiteral("site id %1 appears twice").arg(site.id));
        if (mns.contains(site.mn))
            return fail(Error::DuplicateId,
                        QStringLiteral("MN %1 appears twice (site %2)").arg(site.mn, site.id));
        siteIds.insert(site.id);
        mns.insert(site.mn);
        mSites.append(site);
    }

    const QJsonArray teams = elements("teams");
    for (int i = 0; i < teams.size(); ++i) {
        Reader in(teams.at(i).toObject(), path("teams", i));
        JhCountyTeam team;
        team.id = in.text("id");
        team.name = in.text("name");
        team.longitude = in.number("longitude");
        team.latitude = in.number("latitude");
        const QJsonArray codes = in.array("countyCodes");
        for (const QJsonValue &code : codes)
            team.countyCodes.append(code.toInt());
        if (!check(in))
            return false;
        mTeams.append(team);
    }

    QSet<QString> itemCodes;
    const QJsonArray catalogue = elements("catalogue");
    for (int i = 0; i < catalogue.size(); ++i) {
        Reader in(catalogue.at(i).toObject(), path("catalogue", i));
        JhCatalogueItem item;
        item.code = in.text("code");
        item.name = in.text("name");
        item.category = in.enumeration("category", JhItemCategory::Material);
        item.unit = in.text("unit");
        if (!check(in))
            return false;
        itemCodes.insert(item.code);
        mCatalogue.append(item);
    }

    const QJsonArray depots = elements("depots");
    for (int i = 0; i < depots.size(); ++i) {
        Reader in(depots.at(i).toObject(), path("depots", i));
        JhDepot depot;
        depot.id = in.text("id");
        depot.name = in.text("name");
        depot.countyCode = int(in.number("countyCode"));
        depot.teamId = in.text("teamId");
        depot.longitude = in.number("longitude");
        depot.latitude = in.number("latitude");
        const QJsonArray inventory = in.array("inventory");
        if (!check(in))
            return false;
        for (int l = 0; l < inventory.size(); ++l) {
            Reader lineIn(inventory.at(l).toObject(), path("depots", i) + path(".inventory", l));
            JhInventoryItem line;
            line.itemCode = lineIn.text("itemCode");
            line.quantity = lineIn.number("quantity");
            line.reserved = lineIn.number("reserved", false);
            line.minimumStock = lineIn.number("minimumStock", false);
            if (lineIn.isOk() && !itemCodes.contains(line.itemCode))
                lineIn.bad("itemCode", QStringLiteral("a catalogue code"));
            if (!check(lineIn))
                return false;
            depot.inventory.append(line);
        }
        mDepots.append(depot);
    }

    const QJsonArray users = elements("users");
    for (int i = 0; i < users.size(); ++i) {
        Reader in(users.at(i).toObject(), path("users", i));
        JhUser user;
        user.id = in.text("id");
        user.displayName = in.text("displayName", false);
        user.role = in.enumeration("role", JhRole::Viewer);
        user.teamId = in.text("teamId", false);
        if (!check(in))
            return false;
        mUsers.append(user);
    }
    return true;
}

void JhScenario::populate(JhWorldState &state) const
{
    for (const JhSite &site : mSites)
        state.addSite(site);
    for (const JhFactor &factor : mFactors)
        state.addFactor(factor);
    for (const JhCountyTeam &team : mTeams)
        state.addTeam(team);
    for (const JhCatalogueItem &item : mCatalogue)
        state.addCatalogueItem(item);
    for (const JhDepot &depot : mDepots)
        state.addDepot(depot);
}
