// Test support for the central suites that need a store: a fresh database per case (JhTestDatabase) seeded
// with a small reference network (two teams, three sites), users, commands and alarm events.
#pragma once

#include "jhcommand.h"
#include "jhcommandhandler.h"
#include "jhstore.h"
#include "jhstoreconfig.h"
#include "jhtestdatabase.h"
#include "jhworldstate.h"

#include <QTest>
#include <QUuid>

//! One store per test case on the suite's dialect. PostgreSQL comes from JH_TEST_PG_PORT.
class JhCentralStoreFixture
{
public:
    explicit JhCentralStoreFixture(JhStoreConfig::Dialect dialect) : mDatabase(dialect) {}

    bool isPostgres() const { return mDatabase.isPostgres(); }
    const JhStoreConfig &config() const { return mDatabase.config(); }
    QString url() const { return mDatabase.url(); }
    bool create() { return mDatabase.create(); }
    void destroy() { mDatabase.destroy(); }

    //! Two teams (city covers 320612, haimen covers 320614), a site in each county and a catalogue-free
    //! reference set; users duty, coordinator, viewer, team-haimen, team-city with token "tok-<id>".
    static void populate(JhWorldState &state)
    {
        JhCountyTeam city;
        city.id = QStringLiteral("city");
        city.name = QStringLiteral("南通市生态环境监测站");
        city.countyCodes = {320612};
        JhCountyTeam haimen;
        haimen.id = QStringLiteral("haimen");
        haimen.name = QStringLiteral("海门区监测站");
        haimen.countyCodes = {320614};
        state.addTeam(city);
        state.addTeam(haimen);
        for (const JhSite &site : sites())
            state.addSite(site);
    }

    static QList<JhSite> sites()
    {
        QList<JhSite> result;
        const QList<QPair<QString, int>> specs = {{QStringLiteral("AIR-T1"), 320612},
                                                  {QStringLiteral("AIR-T2"), 320614},
                                                  {QStringLiteral("AIR-T3"), 320614}};
        int index = 0;
        for (const auto &spec : specs) {
            JhSite site;
            site.id = spec.first;
            site.name = spec.first;
            site.kind = JhSiteKind::AirNational;
            site.countyCode = spec.second;
            site.longitude = 120.8 + index * 0.1;
            site.latitude = 32.0;
            site.mn = QStringLiteral("3206000000000000000000%1").arg(++index, 2, 10, QLatin1Char('0'));
            site.password = QStringLiteral("123456");
            site.factorCodes = QStringList{QStringLiteral("a21026")};
            result.append(site);
        }
        return result;
    }

    static JhUser user(const QString &id, JhRole role, const QString &teamId = {})
    {
        JhUser result;
        result.id = id;
        result.displayName = id;
        result.role = role;
        result.teamId = teamId;
        return result;
    }

    static QList<JhUser> users()
    {
        return {user(QStringLiteral("duty"), JhRole::DutyOfficer),
                user(QStringLiteral("coordinator"), JhRole::EmergencyCoordinator),
                user(QStringLiteral("viewer"), JhRole::Viewer),
                user(QStringLiteral("team-haimen"), JhRole::CountyTeam, QStringLiteral("haimen")),
                user(QStringLiteral("team-city"), JhRole::CountyTeam, QStringLiteral("city"))};
    }

    static QString token(const QString &userId) { return QStringLiteral("tok-") + userId; }

    //! Writes the reference network and the users into the fresh store.
    bool seed()
    {
        JhStore store;
        if (!store.open(mDatabase.config())) {
            qWarning() << store.error().message;
            return false;
        }
        JhWorldState state;
        populate(state);
        bool ok = store.upsertSites(sites()) && store.initialiseReferenceData(state);
        for (const JhUser &user : users())
            ok = ok && store.addUser(user, token(user.id), QDateTime::currentDateTimeUtc());
        if (!ok)
            qWarning() << store.error().message;
        return ok;
    }

    static JhCommand command(JhCommandType type, const QJsonObject &payload, const QString &id = {})
    {
        JhCommand result;
        result.id = id.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : id;
        result.type = type;
        result.issuedAt = QDateTime(QDate(2026, 7, 1), QTime(8, 0), Qt::UTC);
        result.payload = payload;
        return result;
    }

    //! An alarm.opened system event at \a siteId (next alarm id of \a state).
    static JhEvent alarm(const JhWorldState &state, const QString &siteId, const QString &message = {})
    {
        return JhCommandHandler::alarmOpened(state, siteId, QStringLiteral("a21026"),
                                             QStringLiteral("air.iaqi"), JhAlarmLevel::Warning, 180.0,
                                             message.isEmpty() ? QStringLiteral("SO2 IAQI 180") : message,
                                             QDateTime(QDate(2026, 7, 1), QTime(8, 0), Qt::UTC));
    }

private:
    JhTestDatabase mDatabase;
};
