// Time-series queries over real loopback WebSockets on SQLite and PostgreSQL: exact stored values, min/max
// downsampling, gaps, limit lines per site kind, refusals naming the field, the AQI series, and events
// that keep flowing while a large query runs on the query worker.
#include "centralstorefixture.h"
#include "jhaqicalculator.h"
#include "jhauthenticator.h"
#include "jhcommandservice.h"
#include "jheventjournal.h"
#include "jhjsonmapping.h"
#include "jhseriesqueryservice.h"
#include "jhtime.h"
#include "jhwebsocketapi.h"
#include "websockettestclient.h"

#include <QtTest>

namespace {
const QDateTime sStart(QDate(2026, 7, 1), QTime(0, 0), Qt::UTC);

JhSite site(const QString &id, JhSiteKind kind, const QStringList &factors, int index)
{
    JhSite result;
    result.id = id;
    result.name = id;
    result.kind = kind;
    result.countyCode = 320612;
    result.longitude = 120.9;
    result.latitude = 32.0;
    result.mn = QStringLiteral("3206000000000000000001%1").arg(index, 2, 10, QLatin1Char('0'));
    result.password = QStringLiteral("123456");
    result.factorCodes = factors;
    return result;
}

QList<JhSite> extraSites()
{
    JhSite air = site(QStringLiteral("AIR-Q1"), JhSiteKind::AirNational,
                      {QStringLiteral("a21026"), QStringLiteral("a21004"), QStringLiteral("a34002"),
                       QStringLiteral("a34004"), QStringLiteral("a21005"), QStringLiteral("a05024")},
                      1);
    JhSite water = site(QStringLiteral("WAT-Q1"), JhSiteKind::SurfaceWater, {QStringLiteral("w21003")}, 2);
    water.waterTargetClass = 3;
    water.waterBody = JhWaterBodyType::River;
    JhSite noise = site(QStringLiteral("NOI-Q1"), JhSiteKind::Noise, {QStringLiteral("Leq")}, 3);
    noise.noiseZone = QStringLiteral("1");
    JhSite source =
        site(QStringLiteral("SRC-Q1"), JhSiteKind::PollutionSource, {QStringLiteral("w01018")}, 4);
    source.permittedLimits = {{QStringLiteral("w01018"), 500.0, QStringLiteral("mg/L")}};
    return {air, water, noise, source};
}

JhObservation observation(const QString &siteId, const QString &factor, JhIntervalKind interval,
                          const QDateTime &time, double value, const QString &flag = QStringLiteral("N"))
{
    return {siteId, factor, time, interval, value, flag};
}
} // namespace

class TestJhSeriesQueryService : public QObject
{
    Q_OBJECT
public:
    explicit TestJhSeriesQueryService(JhStoreConfig::Dialect dialect) : mFixture(dialect) {}

private:
    JhCentralStoreFixture mFixture;
    std::unique_ptr<JhEventJournal> mJournal;
    std::unique_ptr<JhCommandService> mCommands;
    std::unique_ptr<JhAuthenticator> mAuthenticator;
    std::unique_ptr<JhSeriesQueryService> mQueries;
    std::unique_ptr<JhWebSocketApi> mApi;
    std::unique_ptr<JhWebSocketTestClient> mClient;
    int mQueryCounter = 0;

    void insert(const QList<JhObservation> &observations)
    {
        JhStore store;
        QVERIFY2(store.open(mFixture.config()), qPrintable(store.error().message));
        QVERIFY2(store.insertObservations(observations, sStart), qPrintable(store.error().message));
    }

    JhSeriesQuery seriesQuery(const QString &siteId, const QStringList &factors, JhIntervalKind interval,
                              const QDateTime &from, const QDateTime &to, int maxPoints = 0)
    {
        JhSeriesQuery query;
        query.id = QStringLiteral("q-%1").arg(++mQueryCounter);
        query.siteId = siteId;
        query.factorCodes = factors;
        query.interval = interval;
        query.from = from;
        query.to = to;
        query.maxPoints = maxPoints;
        return query;
    }

    //! The query-results received so far with \a id.
    QList<JhSeriesResult> resultsFor(const QString &id) const
    {
        QList<JhSeriesResult> results;
        for (const JhMessage &message : mClient->messages()) {
            JhSeriesResult result;
            if (message.type() == JhMessage::Type::QueryResult && message.readQueryResult(result) &&
                result.queryId == id)
                results.append(result);
        }
        return results;
    }

    JhSeriesResult ask(const JhSeriesQuery &query)
    {
        mClient->send(JhMessage::query(query));
        if (!mClient->waitFor([&]() { return !resultsFor(query.id).isEmpty(); }, 30000))
            return JhSeriesQueryService::rejected(query.id, JhSeriesResult::Error::Unavailable, {}, {},
                                                  QStringLiteral("no answer in the test"));
        return resultsFor(query.id).constFirst();
    }

    static void verifyInOrder(const QList<JhEvent> &events)
    {
        for (int i = 1; i < events.size(); ++i)
            QCOMPARE(events.at(i).sequence, events.at(i - 1).sequence + 1);
    }

private slots:
    void init()
    {
        QVERIFY(mFixture.create());
        QVERIFY(mFixture.seed());
        {
            JhStore store;
            QVERIFY(store.open(mFixture.config()));
            QVERIFY(store.upsertSites(extraSites()));
        }
        mJournal = std::make_unique<JhEventJournal>();
        QVERIFY(mJournal->open(mFixture.config()));
        mCommands = std::make_unique<JhCommandService>(mJournal.get());
        mAuthenticator = std::make_unique<JhAuthenticator>(&mJournal->store());
        mQueries = std::make_unique<JhSeriesQueryService>(mFixture.config());
        QString error;
        QVERIFY2(mQueries->start(&error), qPrintable(error));
        mApi = std::make_unique<JhWebSocketApi>(mJournal.get(), mCommands.get(), mAuthenticator.get());
        JhWebSocketApi::Settings settings;
        settings.heartbeatIntervalMs = 60000;
        settings.idleTimeoutMs = 120000;
        mApi->setSettings(settings);
        mApi->setSeriesQueries(mQueries.get());
        QVERIFY(mApi->listen(QHostAddress::LocalHost, 0));
        mClient = std::make_unique<JhWebSocketTestClient>();
        QVERIFY(mClient->open(mApi->serverPort()));
        mClient->hello(JhCentralStoreFixture::token(QStringLiteral("viewer")), 0);
        QVERIFY(mClient->waitFor([&]() { return mClient->first(JhMessage::Type::Welcome) != nullptr; }));
    }

    void cleanup()
    {
        mClient.reset();
        mApi.reset();
        mQueries.reset();
        mAuthenticator.reset();
        mCommands.reset();
        mJournal.reset();
        mFixture.destroy();
    }

    void queryReturnsExactlyTheStoredValues()
    {
        QList<JhObservation> batch;
        for (int minute = 0; minute < 120; ++minute) {
            batch.append(observation(QStringLiteral("AIR-Q1"), QStringLiteral("a34004"),
                                     JhIntervalKind::Minute, sStart.addSecs(60 * minute), 10 + minute * 0.25,
                                     minute == 7 ? QStringLiteral("D") : QStringLiteral("N")));
            batch.append(observation(QStringLiteral("AIR-Q1"), QStringLiteral("a21026"),
                                     JhIntervalKind::Minute, sStart.addSecs(60 * minute), 3.5 + minute));
        }
        insert(batch);
        // A logger's resend with other values: the first stored copy is what readers see (SQLite: staged
        // twice, not compacted yet).
        QList<JhObservation> resend = batch.mid(0, 20);
        for (JhObservation &o : resend)
            o.value += 1000;
        insert(resend);
        const JhSeriesResult result =
            ask(seriesQuery(QStringLiteral("AIR-Q1"), {QStringLiteral("a34004"), QStringLiteral("a21026")},
                            JhIntervalKind::Minute, sStart, sStart.addSecs(3600 * 2 - 60)));
        QVERIFY2(result.isOk(), qPrintable(result.messageEn));
        QCOMPARE(result.factors.size(), 2);
        QCOMPARE(result.factors.at(0).factorCode, QStringLiteral("a34004"));
        for (int f = 0; f < 2; ++f) {
            const JhSeriesResult::Factor &factor = result.factors.at(f);
            QVERIFY(!factor.downsampled);
            QCOMPARE(factor.storedPoints, 120);
            QCOMPARE(factor.points.size(), 120);
            QVERIFY(factor.gaps.isEmpty());
            for (int minute = 0; minute < 120; ++minute) {
                const JhObservation &stored = batch.at(minute * 2 + f);
                QCOMPARE(factor.points.at(minute).dataTime, stored.dataTime);
                QCOMPARE(factor.points.at(minute).value, stored.value);
                QCOMPARE(factor.points.at(minute).flag, stored.flag);
            }
        }
        // The same as JhStore::observations(), before and after compaction.
        JhStore store;
        QVERIFY(store.open(mFixture.config()));
        QList<JhObservation> single;
        QVERIFY(store.observations(QStringLiteral("AIR-Q1"), QStringLiteral("a34004"), JhIntervalKind::Minute,
                                   sStart, sStart.addSecs(7200), single));
        QCOMPARE(single.size(), 120);
        QVERIFY(store.compactObservations());
        const JhSeriesResult again =
            ask(seriesQuery(QStringLiteral("AIR-Q1"), {QStringLiteral("a34004"), QStringLiteral("a21026")},
                            JhIntervalKind::Minute, sStart, sStart.addSecs(3600 * 2 - 60)));
        QVERIFY(again.isOk());
        QCOMPARE(again.factors, result.factors);
        // A factor without data: no points, one gap over the whole range.
        const JhSeriesResult empty = ask(seriesQuery(QStringLiteral("AIR-Q1"), {QStringLiteral("a21005")},
                                                     JhIntervalKind::Minute, sStart, sStart.addSecs(600)));
        QVERIFY(empty.isOk());
        QVERIFY(empty.factors.at(0).points.isEmpty());
        QCOMPARE(empty.factors.at(0).gaps.size(), 1);
        QCOMPARE(empty.factors.at(0).gaps.at(0).from, sStart);
        QCOMPARE(empty.factors.at(0).gaps.at(0).to, sStart.addSecs(600));
    }

    void downsamplingKeepsMinimumAndMaximumPerBucket()
    {
        QList<JhObservation> batch;
        for (int minute = 0; minute < 1440; ++minute) {
            double value = 50 + (minute % 17);
            if (minute == 733)
                value = 999; // a one-minute peak
            if (minute == 1201)
                value = -5; // and a dip
            batch.append(observation(QStringLiteral("AIR-Q1"), QStringLiteral("a34004"),
                                     JhIntervalKind::Minute, sStart.addSecs(60 * minute), value));
        }
        insert(batch);
        const JhSeriesResult result =
            ask(seriesQuery(QStringLiteral("AIR-Q1"), {QStringLiteral("a34004")}, JhIntervalKind::Minute,
                            sStart, sStart.addSecs(86400 - 60), 100));
        QVERIFY2(result.isOk(), qPrintable(result.messageEn));
        const JhSeriesResult::Factor &factor = result.factors.at(0);
        QVERIFY(factor.downsampled);
        QCOMPARE(factor.storedPoints, 1440);
        QCOMPARE(factor.bucketSeconds, qint64(1740)); // 50 buckets of 28.8 min, rounded up to whole minutes
        QVERIFY(factor.points.size() <= 100);
        // Every bucket keeps its min and max: check against the stored values bucket by bucket.
        QHash<qint64, QPair<double, double>> expected;
        for (const JhObservation &o : batch) {
            const qint64 bucket = sStart.secsTo(o.dataTime) / factor.bucketSeconds;
            auto it = expected.find(bucket);
            if (it == expected.end())
                expected.insert(bucket, {o.value, o.value});
            else
                *it = {qMin(it->first, o.value), qMax(it->second, o.value)};
        }
        QHash<qint64, QPair<double, double>> got;
        for (int i = 0; i < factor.points.size(); ++i) {
            const JhSeriesResult::Point &point = factor.points.at(i);
            if (i > 0)
                QVERIFY(factor.points.at(i - 1).dataTime < point.dataTime);
            // A real stored point, not an average.
            const JhObservation &stored = batch.at(int(sStart.secsTo(point.dataTime) / 60));
            QCOMPARE(point.value, stored.value);
            const qint64 bucket = sStart.secsTo(point.dataTime) / factor.bucketSeconds;
            auto it = got.find(bucket);
            if (it == got.end())
                got.insert(bucket, {point.value, point.value});
            else
                *it = {qMin(it->first, point.value), qMax(it->second, point.value)};
        }
        QCOMPARE(got, expected);
        bool peak = false, dip = false;
        for (const JhSeriesResult::Point &point : factor.points) {
            peak = peak || point.value == 999;
            dip = dip || point.value == -5;
        }
        QVERIFY(peak && dip);
    }

    void gapsAreReported()
    {
        QList<JhObservation> batch;
        for (int minute = 0; minute < 60; ++minute) {
            // Missing: minute 10 (one interval, not a gap) and minutes 20..29 (a gap).
            if (minute == 10 || (minute >= 20 && minute < 30))
                continue;
            batch.append(observation(QStringLiteral("AIR-Q1"), QStringLiteral("a34004"),
                                     JhIntervalKind::Minute, sStart.addSecs(60 * minute), 30));
        }
        insert(batch);
        // The range runs 5 minutes past the data: a trailing gap of 5 expected data times.
        const JhSeriesResult result =
            ask(seriesQuery(QStringLiteral("AIR-Q1"), {QStringLiteral("a34004")}, JhIntervalKind::Minute,
                            sStart, sStart.addSecs(64 * 60)));
        QVERIFY(result.isOk());
        const QList<JhSeriesResult::Gap> gaps = result.factors.at(0).gaps;
        QCOMPARE(result.factors.at(0).expectedIntervalSeconds, qint64(60));
        QCOMPARE(gaps.size(), 2);
        QCOMPARE(gaps.at(0).from, sStart.addSecs(20 * 60));
        QCOMPARE(gaps.at(0).to, sStart.addSecs(29 * 60));
        QCOMPARE(gaps.at(1).from, sStart.addSecs(60 * 60));
        QCOMPARE(gaps.at(1).to, sStart.addSecs(64 * 60));
    }

    void limitLinesPerSiteKind()
    {
        const QDateTime from = sStart;
        const QDateTime to = sStart.addSecs(23 * 3600);
        insert(
            {observation(QStringLiteral("AIR-Q1"), QStringLiteral("a21026"), JhIntervalKind::Hour, from, 20),
             observation(QStringLiteral("WAT-Q1"), QStringLiteral("w21003"), JhIntervalKind::Hour, from, 0.8),
             observation(QStringLiteral("NOI-Q1"), QStringLiteral("Leq"), JhIntervalKind::Hour, from, 52),
             observation(QStringLiteral("SRC-Q1"), QStringLiteral("w01018"), JhIntervalKind::Hour, from,
                         120)});
        // Air, SO2 hourly in 2026: GB 3095-2026 grade II 1 h (500 ug/m3) and the HJ 633-2026 IAQI bands.
        JhSeriesResult air = ask(seriesQuery(QStringLiteral("AIR-Q1"), {QStringLiteral("a21026")},
                                             JhIntervalKind::Hour, from, to));
        QVERIFY2(air.isOk(), qPrintable(air.messageEn));
        const QList<JhSeriesResult::Reference> airLines = air.factors.at(0).references;
        QVERIFY(!airLines.isEmpty());
        QCOMPARE(airLines.at(0).kind, JhSeriesResult::Reference::Kind::Limit);
        QVERIFY(airLines.at(0).standard.startsWith(QStringLiteral("GB 3095-2026")));
        QCOMPARE(airLines.at(0).value, 500.0);
        QCOMPARE(airLines.at(0).unit, QStringLiteral("ug/m3"));
        int bands = 0;
        for (const JhSeriesResult::Reference &line : airLines)
            if (line.kind == JhSeriesResult::Reference::Kind::Band) {
                QCOMPARE(line.standard, QStringLiteral("HJ 633-2026"));
                QVERIFY(line.lower < line.upper);
                if (bands == 0) {
                    QCOMPARE(line.lower, 0.0);
                    QCOMPARE(line.upper, 150.0); // SO2 1 h: IAQI 50 at 150 ug/m3
                }
                ++bands;
            }
        QVERIFY(bands >= 4);
        // Across 2026-03-01 (Beijing): the 2012 line up to 2026-02-28T16:00Z, the 2026 line after.
        air = ask(seriesQuery(QStringLiteral("AIR-Q1"), {QStringLiteral("a21026")}, JhIntervalKind::Hour,
                              QDateTime(QDate(2026, 2, 27), QTime(0, 0), Qt::UTC),
                              QDateTime(QDate(2026, 3, 2), QTime(0, 0), Qt::UTC)));
        QVERIFY(air.isOk());
        QStringList editions;
        for (const JhSeriesResult::Reference &line : air.factors.at(0).references)
            if (line.kind == JhSeriesResult::Reference::Kind::Limit) {
                editions << line.standard.left(12);
                if (line.standard == QLatin1String("GB 3095-2012"))
                    QCOMPARE(line.to, QDateTime(QDate(2026, 2, 28), QTime(15, 59, 59, 999), Qt::UTC));
            }
        QCOMPARE(editions, (QStringList{QStringLiteral("GB 3095-2012"), QStringLiteral("GB 3095-2026")}));

        // Water, ammonia nitrogen in a river: class I..V upper limits, class III (the target) marked.
        const JhSeriesResult water = ask(seriesQuery(QStringLiteral("WAT-Q1"), {QStringLiteral("w21003")},
                                                     JhIntervalKind::Hour, from, to));
        QVERIFY(water.isOk());
        const QList<JhSeriesResult::Reference> waterLines = water.factors.at(0).references;
        QCOMPARE(waterLines.size(), 5);
        const QList<double> limits{0.15, 0.5, 1.0, 1.5, 2.0};
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(waterLines.at(i).value, limits.at(i));
            QCOMPARE(waterLines.at(i).target, i == 2);
            QCOMPARE(waterLines.at(i).standard, QStringLiteral("GB 3838-2002"));
        }
        QCOMPARE(waterLines.at(2).label, QStringLiteral("III"));
        QCOMPARE(water.factors.at(0).expectedIntervalSeconds, qint64(4 * 3600));

        // Noise, zone 1: day 55 and night 45 dB(A).
        const JhSeriesResult noise = ask(
            seriesQuery(QStringLiteral("NOI-Q1"), {QStringLiteral("Leq")}, JhIntervalKind::Hour, from, to));
        QVERIFY(noise.isOk());
        const QList<JhSeriesResult::Reference> noiseLines = noise.factors.at(0).references;
        QCOMPARE(noiseLines.size(), 2);
        QCOMPARE(noiseLines.at(0).period, QStringLiteral("day"));
        QCOMPARE(noiseLines.at(0).value, 55.0);
        QCOMPARE(noiseLines.at(1).period, QStringLiteral("night"));
        QCOMPARE(noiseLines.at(1).value, 45.0);

        // Source: the permitted limit.
        const JhSeriesResult source = ask(seriesQuery(QStringLiteral("SRC-Q1"), {QStringLiteral("w01018")},
                                                      JhIntervalKind::Hour, from, to));
        QVERIFY(source.isOk());
        QCOMPARE(source.factors.at(0).references.size(), 1);
        QCOMPARE(source.factors.at(0).references.at(0).standard, QStringLiteral("permit"));
        QCOMPARE(source.factors.at(0).references.at(0).value, 500.0);
        QCOMPARE(source.factors.at(0).references.at(0).unit, QStringLiteral("mg/L"));
    }

    void invalidQueriesNameTheField()
    {
        const QDateTime from = sStart;
        const QDateTime to = sStart.addSecs(3600);
        struct Case
        {
            JhSeriesQuery query;
            JhSeriesResult::Error error;
            QString field;
        };
        QList<Case> cases;
        JhSeriesQuery q = seriesQuery(QStringLiteral("AIR-Q1"), {QStringLiteral("a34004")},
                                      JhIntervalKind::Minute, to, from); // to before from
        cases.append({q, JhSeriesResult::Error::InvalidQuery, QStringLiteral("to")});
        q = seriesQuery(QStringLiteral("AIR-Q1"), {QStringLiteral("a34004")}, JhIntervalKind::Minute, from,
                        from.addDays(32)); // over 31 days of minute data
        cases.append({q, JhSeriesResult::Error::InvalidQuery, QStringLiteral("to")});
        q = seriesQuery(QStringLiteral("AIR-Q1"), {}, JhIntervalKind::Hour, from, to);
        cases.append({q, JhSeriesResult::Error::InvalidQuery, QStringLiteral("factorCodes")});
        q = seriesQuery(QStringLiteral("AIR-Q1"), {QStringLiteral("a34004")}, JhIntervalKind::Hour, from, to,
                        5001);
        cases.append({q, JhSeriesResult::Error::InvalidQuery, QStringLiteral("maxPoints")});
        q = seriesQuery(QStringLiteral("AIR-NOPE"), {QStringLiteral("a34004")}, JhIntervalKind::Hour, from,
                        to);
        cases.append({q, JhSeriesResult::Error::SiteNotFound, QStringLiteral("siteId")});
        q = seriesQuery(QStringLiteral("WAT-Q1"), {}, JhIntervalKind::Hour, from, to);
        q.kind = JhSeriesQuery::Kind::Aqi; // not an air site
        cases.append({q, JhSeriesResult::Error::InvalidQuery, QStringLiteral("kind")});
        q = seriesQuery(QStringLiteral("AIR-Q1"), {}, JhIntervalKind::Minute, from, to);
        q.kind = JhSeriesQuery::Kind::Aqi; // AQI is hourly
        cases.append({q, JhSeriesResult::Error::InvalidQuery, QStringLiteral("interval")});
        for (const Case &c : cases) {
            const JhSeriesResult result = ask(c.query);
            QCOMPARE(result.error, c.error);
            QCOMPARE(result.field, c.field);
            QVERIFY(!result.messageZh.isEmpty());
            QVERIFY(!result.messageEn.isEmpty());
        }
        // Fields that do not decode: a bad time and an unknown interval code (raw JSON).
        QJsonObject body = JhJsonMapping::toJson(seriesQuery(
            QStringLiteral("AIR-Q1"), {QStringLiteral("a34004")}, JhIntervalKind::Hour, from, to));
        body.insert(QStringLiteral("id"), QStringLiteral("raw-1"));
        body.insert(QStringLiteral("from"), QStringLiteral("yesterday"));
        mClient->sendRaw(QString::fromUtf8(
            QJsonDocument(QJsonObject{{"v", 1}, {"type", "query"}, {"body", QJsonObject{{"query", body}}}})
                .toJson(QJsonDocument::Compact)));
        body.insert(QStringLiteral("id"), QStringLiteral("raw-2"));
        body.insert(QStringLiteral("from"), JhTime::toText(from));
        body.insert(QStringLiteral("interval"), QStringLiteral("fortnight"));
        mClient->sendRaw(QString::fromUtf8(
            QJsonDocument(QJsonObject{{"v", 1}, {"type", "query"}, {"body", QJsonObject{{"query", body}}}})
                .toJson(QJsonDocument::Compact)));
        QVERIFY(mClient->waitFor([&]() {
            return !resultsFor(QStringLiteral("raw-1")).isEmpty() &&
                   !resultsFor(QStringLiteral("raw-2")).isEmpty();
        }));
        QCOMPARE(resultsFor(QStringLiteral("raw-1")).at(0).field, QStringLiteral("from"));
        QCOMPARE(resultsFor(QStringLiteral("raw-1")).at(0).error, JhSeriesResult::Error::InvalidQuery);
        QCOMPARE(resultsFor(QStringLiteral("raw-2")).at(0).field, QStringLiteral("interval"));
        QVERIFY(!mClient->isClosed()); // a bad query is answered, not punished
    }

    void tooManyQueriesAtOnce()
    {
        QList<JhObservation> batch;
        for (int minute = 0; minute < 1440; ++minute)
            batch.append(observation(QStringLiteral("AIR-Q1"), QStringLiteral("a34004"),
                                     JhIntervalKind::Minute, sStart.addSecs(60 * minute), minute));
        insert(batch);
        // Sent back to back: the session reads them in one go, before any answer can come back.
        QStringList ids;
        QString frames;
        for (int i = 0; i < 6; ++i) {
            const JhSeriesQuery query = seriesQuery(QStringLiteral("AIR-Q1"), {QStringLiteral("a34004")},
                                                    JhIntervalKind::Minute, sStart, sStart.addSecs(86400));
            ids << query.id;
            mClient->send(JhMessage::query(query));
        }
        QVERIFY(mClient->waitFor([&]() {
            for (const QString &id : ids)
                if (resultsFor(id).isEmpty())
                    return false;
            return true;
        }));
        int ok = 0, refused = 0;
        for (const QString &id : ids) {
            const JhSeriesResult result = resultsFor(id).at(0);
            if (result.isOk())
                ++ok;
            else if (result.error == JhSeriesResult::Error::TooManyQueries)
                ++refused;
        }
        QCOMPARE(ok, 4);
        QCOMPARE(refused, 2);
        // Once answered, the client may query again.
        QVERIFY(ask(seriesQuery(QStringLiteral("AIR-Q1"), {QStringLiteral("a34004")}, JhIntervalKind::Minute,
                                sStart, sStart.addSecs(600)))
                    .isOk());
    }

    void aqiSeriesMatchesTheCalculator()
    {
        // Three hours: one under HJ 633-2012 (before 2026-03-01 Beijing time), two under 2026, one of them
        // without O3 (NA under 2026 when the AQI would be <= 100).
        const QList<QDateTime> hours{QDateTime(QDate(2026, 2, 28), QTime(10, 0), Qt::UTC),
                                     QDateTime(QDate(2026, 3, 1), QTime(2, 0), Qt::UTC),
                                     QDateTime(QDate(2026, 3, 1), QTime(3, 0), Qt::UTC)};
        const QStringList codes{QStringLiteral("a21026"), QStringLiteral("a21004"), QStringLiteral("a34002"),
                                QStringLiteral("a34004"), QStringLiteral("a21005"), QStringLiteral("a05024")};
        const QList<QList<double>> values{
            {12, 40, 160, 95, 0.8, 60}, {8, 35, 80, 45, 0.6, 120}, {8, 35, 60, 30, 0.6, -1}};
        QList<JhObservation> batch;
        for (int h = 0; h < hours.size(); ++h)
            for (int f = 0; f < codes.size(); ++f)
                if (values.at(h).at(f) >= 0)
                    batch.append(observation(QStringLiteral("AIR-Q1"), codes.at(f), JhIntervalKind::Hour,
                                             hours.at(h), values.at(h).at(f)));
        insert(batch);
        JhSeriesQuery query =
            seriesQuery(QStringLiteral("AIR-Q1"), {}, JhIntervalKind::Hour, hours.first(), hours.last());
        query.kind = JhSeriesQuery::Kind::Aqi;
        const JhSeriesResult result = ask(query);
        QVERIFY2(result.isOk(), qPrintable(result.messageEn));
        QCOMPARE(result.aqi.size(), 3);
        for (int h = 0; h < hours.size(); ++h) {
            const QDate date = hours.at(h).addSecs(8 * 3600).date();
            const JhAqiStandard &standard = JhAqiStandard::standard(JhAqiStandard::versionInForce(date));
            JhAqiInput input;
            input.observationDate = date;
            for (int f = 0; f < codes.size(); ++f) {
                JhAirPollutant pollutant;
                QVERIFY(JhAirPollutants::fromHj212Code(codes.at(f), &pollutant));
                if (values.at(h).at(f) >= 0)
                    input.concentrations.insert(standard.pollutantIndicator(pollutant, JhAqiReport::Hourly),
                                                values.at(h).at(f));
            }
            const JhAqiResult expected = JhAqiCalculator::calculate(input);
            const JhSeriesResult::AqiHour &hour = result.aqi.at(h);
            QCOMPARE(hour.dataTime, hours.at(h));
            QCOMPARE(hour.standard, standard.code());
            QCOMPARE(hour.hasAqi, expected.hasAqi);
            QCOMPARE(hour.aqi, expected.hasAqi ? expected.aqi : 0);
            QCOMPARE(hour.computedAqi, expected.computedAqi);
            QStringList primary;
            for (JhAirPollutant pollutant : expected.primaryPollutants)
                primary << QString::fromUtf8(JhAirPollutants::info(pollutant).symbol);
            QCOMPARE(hour.primaryPollutants, primary);
            const JhAqiCategory &category =
                standard.category(expected.hasAqi ? expected.aqi : expected.computedAqi);
            QCOMPARE(hour.level, category.level);
            QCOMPARE(hour.categoryZh, QString::fromUtf8(category.categoryZh));
            QCOMPARE(hour.complete, h != 2);
        }
        QCOMPARE(result.aqi.at(0).standard, QStringLiteral("HJ 633-2012"));
        QCOMPARE(result.aqi.at(1).standard, QStringLiteral("HJ 633-2026"));
        // The hours between the first and the second have no data at all.
        QCOMPARE(result.aqiGaps.size(), 1);
        QCOMPARE(result.aqiGaps.at(0).from, hours.at(0).addSecs(3600));
        QCOMPARE(result.aqiGaps.at(0).to, hours.at(1).addSecs(-3600));
    }

    void eventsKeepFlowingWhileALargeQueryRuns()
    {
        // 31 days of minute data for 6 factors (267,840 rows): far more than one answer holds.
        const QStringList codes{QStringLiteral("a21026"), QStringLiteral("a21004"), QStringLiteral("a34002"),
                                QStringLiteral("a34004"), QStringLiteral("a21005"), QStringLiteral("a05024")};
        {
            JhStore store;
            QVERIFY(store.open(mFixture.config()));
            QList<JhObservation> batch;
            for (int minute = 0; minute < 31 * 1440; ++minute) {
                for (const QString &code : codes)
                    batch.append(observation(QStringLiteral("AIR-Q1"), code, JhIntervalKind::Minute,
                                             sStart.addSecs(60 * minute), (minute * 7) % 113));
                if (batch.size() >= 30000) {
                    QVERIFY(store.insertObservations(batch, sStart));
                    batch.clear();
                }
            }
            QVERIFY(store.insertObservations(batch, sStart));
        }
        const JhSeriesQuery big = seriesQuery(QStringLiteral("AIR-Q1"), codes, JhIntervalKind::Minute, sStart,
                                              sStart.addDays(31).addSecs(-60));
        mClient->send(JhMessage::query(big));
        QVERIFY(mClient->waitFor([&]() { return mQueries->pendingQueries() > 0; }));
        // While the worker reads, the main thread appends events; each reaches the client at once.
        int appended = 0;
        int receivedWhileRunning = 0;
        JhWorldState shadow = mJournal->state();
        while (mQueries->pendingQueries() > 0 && appended < 2000) {
            JhEvent event =
                JhCommandHandler::alarmOpened(shadow, QStringLiteral("AIR-T1"), QStringLiteral("a21026"),
                                              QStringLiteral("rule-%1").arg(appended), JhAlarmLevel::Warning,
                                              150, QStringLiteral("during a query"), sStart);
            QVERIFY(shadow.apply(event));
            QVERIFY(mJournal->appendSystemEvents({event}));
            ++appended;
            QTest::qWait(1);
            if (mQueries->pendingQueries() > 0)
                receivedWhileRunning = mClient->events().size();
        }
        QVERIFY(mClient->waitFor([&]() { return !resultsFor(big.id).isEmpty(); }, 60000));
        QVERIFY(mClient->waitFor([&]() { return mClient->events().size() == appended; }));
        QVERIFY2(receivedWhileRunning > 0, "no event reached the client while the query ran");
        verifyInOrder(mClient->events());
        const JhSeriesResult result = resultsFor(big.id).at(0);
        QVERIFY2(result.isOk(), qPrintable(result.messageEn));
        QCOMPARE(result.factors.size(), 6);
        for (const JhSeriesResult::Factor &factor : result.factors) {
            QCOMPARE(factor.storedPoints, 31 * 1440);
            QVERIFY(factor.downsampled);
            QVERIFY(factor.points.size() <= 5000);
        }
    }
};

int main(int argc, char **argv)
{
    QCoreApplication application(argc, argv);
    return jhRunOnBothDialects<TestJhSeriesQueryService>(argc, argv);
}

#include "tst_jhseriesqueryservice.moc"
