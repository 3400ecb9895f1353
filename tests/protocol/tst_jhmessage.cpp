// Tests of the message envelope: every message type round-trips; version, type and body are checked.
#include "jhmessage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

namespace {
const QDateTime sTime = QDateTime(QDate(2026, 3, 5), QTime(8, 30, 0, 250), Qt::UTC);

JhMessage viaText(const JhMessage &message)
{
    JhMessage decoded;
    JhProtocolError error;
    if (!JhMessage::decode(message.encode(), decoded, &error))
        qWarning() << error.message;
    return decoded;
}
} // namespace

class TestJhMessage : public QObject
{
    Q_OBJECT

private slots:
    void envelopeShape()
    {
        const QJsonObject envelope =
            QJsonDocument::fromJson(JhMessage::heartbeat(sTime, 42).encode()).object();
        QCOMPARE(envelope.value(QStringLiteral("v")).toInt(), 1);
        QCOMPARE(envelope.value(QStringLiteral("type")).toString(), QStringLiteral("heartbeat"));
        QCOMPARE(envelope.value(QStringLiteral("body")).toObject().value(QStringLiteral("headSeq")).toInt(),
                 42);
    }

    void helloAndWelcome()
    {
        const JhMessage hello =
            viaText(JhMessage::hello(QStringLiteral("tok-123"), 99, QStringLiteral("workstation 0.1")));
        QCOMPARE(hello.type(), JhMessage::Type::Hello);
        QString token, client;
        qint64 last = -1;
        QVERIFY(hello.readHello(token, last, client));
        QCOMPARE(token, QStringLiteral("tok-123"));
        QCOMPARE(last, 99);
        QCOMPARE(client, QStringLiteral("workstation 0.1"));

        const JhUser user{QStringLiteral("team-rudong"), QStringLiteral("如东站"), JhRole::CountyTeam,
                          QStringLiteral("rudong")};
        const JhMessage welcome = viaText(JhMessage::welcome(user, 120));
        JhUser decoded;
        qint64 head = 0;
        QVERIFY(welcome.readWelcome(decoded, head));
        QCOMPARE(decoded, user);
        QCOMPARE(head, 120);
    }

    void eventsAndCommands()
    {
        const QList<JhEvent> events{{5,
                                     JhEventType::AlarmAcknowledged,
                                     sTime,
                                     QStringLiteral("duty"),
                                     QStringLiteral("c-1"),
                                     {{"alarmId", "ALM-000003"}}},
                                    {6,
                                     JhEventType::TeamStatusChanged,
                                     sTime.addSecs(1),
                                     QStringLiteral("team-city"),
                                     QStringLiteral("c-2"),
                                     {{"teamId", "city"}, {"status", "busy"}, {"note", ""}}}};
        QList<JhEvent> decoded;
        QVERIFY(viaText(JhMessage::events(events)).readEvents(decoded));
        QCOMPARE(decoded, events);

        const JhCommand command{QStringLiteral("c-3"),
                                JhCommandType::AcknowledgeAlarm,
                                QStringLiteral("duty"),
                                sTime,
                                {{"alarmId", "ALM-000003"}}};
        JhCommand decodedCommand;
        QVERIFY(viaText(JhMessage::command(command)).readCommand(decodedCommand));
        QCOMPARE(decodedCommand, command);

        JhCommandResult result = JhCommandResult::rejected(command.id, JhDomainError::AlarmClosed);
        JhCommandResult decodedResult;
        QVERIFY(viaText(JhMessage::commandResult(result)).readCommandResult(decodedResult));
        QCOMPARE(decodedResult, result);
        QCOMPARE(decodedResult.messageZh, QStringLiteral("告警已关闭"));
    }

    void snapshotHeartbeatError()
    {
        JhWorldState state;
        JhSite site;
        site.id = QStringLiteral("NOI-0001");
        site.kind = JhSiteKind::Noise;
        site.mn = QStringLiteral("ABCDEF0123456789ABCDEF01");
        site.noiseZone = QStringLiteral("4a");
        state.addSite(site);
        state.setLastSequence(7);
        JhWorldState decodedState;
        QVERIFY(viaText(JhMessage::snapshot(state)).readSnapshot(decodedState));
        QVERIFY(decodedState == state);

        QDateTime time;
        qint64 head = 0;
        QVERIFY(viaText(JhMessage::heartbeat(sTime, 7)).readHeartbeat(time, head));
        QCOMPARE(time, sTime);
        QCOMPARE(head, 7);

        QString code, message;
        QVERIFY(
            viaText(JhMessage::error(QStringLiteral("slow-client"), QStringLiteral("send queue over 8 MiB")))
                .readError(code, message));
        QCOMPARE(code, QStringLiteral("slow-client"));
        QCOMPARE(message, QStringLiteral("send queue over 8 MiB"));
    }

    void preEncodedSiteStatusIsByteForByteTheSame()
    {
        JhSiteStatus a;
        a.siteId = QStringLiteral("AIR-1");
        a.state = JhSiteState::Online;
        a.lastDataAt = sTime;
        a.factors = {{QStringLiteral("a34004"), JhIntervalKind::Hour, 80.5, QStringLiteral("N"), sTime}};
        a.air.valid = true;
        a.air.hour = sTime;
        a.air.aqi = 107;
        a.air.category = 3;
        a.air.categoryZh = QStringLiteral("轻度污染");
        a.air.colour = QStringLiteral("#FF7E00");
        a.revision = 1796411069644123; // revisions are microseconds since the epoch: below 2^53
        JhSiteStatus b = a;
        b.siteId = QStringLiteral("WAT-2");
        b.state = JhSiteState::Offline;
        b.offlineSince = sTime;
        b.hasOpenAlarm = true;
        b.openAlarms = 2;
        b.worstLevel = JhAlarmLevel::Serious;
        for (bool full : {false, true}) {
            const QByteArray expected = JhMessage::siteStatus(a.revision, full, {a, b}).encode();
            const QByteArray pieced = JhMessage::encodeSiteStatus(
                a.revision, full, {JhMessage::siteStatusJson(a), JhMessage::siteStatusJson(b)});
            QCOMPARE(pieced, expected);
        }
        QCOMPARE(JhMessage::encodeSiteStatus(5, true, {}), JhMessage::siteStatus(5, true, {}).encode());
    }

    void siteStatusAndHelloRevision()
    {
        JhSiteStatus status;
        status.siteId = QStringLiteral("AIR-1");
        status.state = JhSiteState::Maintenance;
        status.lastDataAt = sTime;
        status.factors = {{QStringLiteral("a34004"), JhIntervalKind::Hour, 80, QStringLiteral("M"), sTime}};
        status.revision = 7;
        const JhMessage message = viaText(JhMessage::siteStatus(7, false, {status}));
        QCOMPARE(message.type(), JhMessage::Type::SiteStatus);
        QCOMPARE(JhMessage::typeCode(message.type()), QStringLiteral("site-status"));
        qint64 revision = 0;
        bool full = true;
        QList<JhSiteStatus> sites;
        QVERIFY(message.readSiteStatus(revision, full, sites));
        QCOMPARE(revision, qint64(7));
        QVERIFY(!full);
        QCOMPARE(sites, QList<JhSiteStatus>{status});
        JhProtocolError error;
        QVERIFY(!JhMessage::heartbeat(sTime, 1).readSiteStatus(revision, full, sites, &error));

        // hello: statusRevision is optional (0 = none) and left out when not set.
        QString token, client;
        qint64 lastSequence = 0, statusRevision = -1;
        const JhMessage plain = viaText(JhMessage::hello(QStringLiteral("t"), 3, QStringLiteral("c")));
        QVERIFY(!plain.body().contains(QStringLiteral("statusRevision")));
        QVERIFY(plain.readHello(token, lastSequence, client, statusRevision));
        QCOMPARE(statusRevision, qint64(0));
        const JhMessage held = viaText(JhMessage::hello(QStringLiteral("t"), 3, QStringLiteral("c"), 1234));
        QVERIFY(held.readHello(token, lastSequence, client, statusRevision));
        QCOMPARE(statusRevision, qint64(1234));
        QCOMPARE(lastSequence, qint64(3));
    }

    void rejectsBadEnvelopes_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("code");
        QTest::newRow("garbage") << QByteArray("hello?") << int(JhProtocolError::Code::NotJson);
        QTest::newRow("array") << QByteArray("[1,2]") << int(JhProtocolError::Code::NotJson);
        QTest::newRow("no version") << QByteArray(R"({"type":"heartbeat","body":{}})")
                                    << int(JhProtocolError::Code::MissingField);
        QTest::newRow("version 2") << QByteArray(R"({"v":2,"type":"heartbeat","body":{}})")
                                   << int(JhProtocolError::Code::UnsupportedVersion);
        QTest::newRow("unknown type") << QByteArray(R"({"v":1,"type":"gossip","body":{}})")
                                      << int(JhProtocolError::Code::UnknownMessageType);
        QTest::newRow("no body") << QByteArray(R"({"v":1,"type":"heartbeat"})")
                                 << int(JhProtocolError::Code::MissingField);
    }

    void rejectsBadEnvelopes()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, code);
        JhMessage message;
        JhProtocolError error;
        QVERIFY(!JhMessage::decode(text, message, &error));
        QCOMPARE(int(error.code), code);
        QVERIFY(!error.message.isEmpty());
    }

    void rejectsBadBodies()
    {
        JhMessage message;
        JhProtocolError error;
        QVERIFY(JhMessage::decode(R"({"v":1,"type":"hello","body":{"token":"t"}})", message, &error));
        QString token, client;
        qint64 last = 0;
        QVERIFY(!message.readHello(token, last, client, &error));
        QCOMPARE(error.message, QStringLiteral("body.lastSeq: missing"));
        QList<JhEvent> events;
        QVERIFY(!message.readEvents(events, &error));
        QCOMPARE(error.message, QStringLiteral("expected a events message, got hello"));

        QVERIFY(JhMessage::decode(R"({"v":1,"type":"events","body":{"events":[{"seq":1,"type":"alarm.opened",
            "time":"2026-03-05T08:00:00Z","actor":"system","payload":{}},{"seq":2,"type":"nonsense",
            "time":"2026-03-05T08:00:00Z","actor":"system","payload":{}}]}})",
                                  message, &error));
        QVERIFY(!message.readEvents(events, &error));
        QCOMPARE(error.message, QStringLiteral("body.events[1].event.type: must be a known code"));
    }

    void queryAndQueryResult()
    {
        JhSeriesQuery query;
        query.id = QStringLiteral("q-1");
        query.kind = JhSeriesQuery::Kind::Series;
        query.siteId = QStringLiteral("AIR-1168A");
        query.factorCodes = QStringList{QStringLiteral("a34004"), QStringLiteral("a21026")};
        query.interval = JhIntervalKind::Minute;
        query.from = sTime;
        query.to = sTime.addSecs(3600);
        query.maxPoints = 500;
        const JhMessage message = viaText(JhMessage::query(query));
        QCOMPARE(message.type(), JhMessage::Type::Query);
        QCOMPARE(JhMessage::typeCode(message.type()), QStringLiteral("query"));
        JhSeriesQuery decoded;
        QVERIFY(message.readQuery(decoded));
        QCOMPARE(decoded, query);

        JhSeriesResult result;
        result.queryId = query.id;
        result.messageZh = QStringLiteral("成功");
        result.messageEn = QStringLiteral("OK");
        result.siteId = query.siteId;
        result.interval = query.interval;
        result.from = query.from;
        result.to = query.to;
        JhSeriesResult::Factor factor;
        factor.factorCode = QStringLiteral("a34004");
        factor.unit = QStringLiteral("ug/m3");
        factor.storedPoints = 2;
        factor.expectedIntervalSeconds = 60;
        factor.points = {{sTime, 35.5, QStringLiteral("N")}, {sTime.addSecs(60), 36, QStringLiteral("D")}};
        factor.gaps = {{sTime.addSecs(120), sTime.addSecs(3600)}};
        JhSeriesResult::Reference band;
        band.kind = JhSeriesResult::Reference::Kind::Band;
        band.standard = QStringLiteral("HJ 633-2026");
        band.lower = 0;
        band.upper = 35;
        band.unit = QStringLiteral("ug/m3");
        factor.references = {band};
        result.factors = {factor};
        const JhMessage answer = viaText(JhMessage::queryResult(result));
        QCOMPARE(JhMessage::typeCode(answer.type()), QStringLiteral("query-result"));
        JhSeriesResult back;
        QVERIFY(answer.readQueryResult(back));
        QCOMPARE(back, result);
        QVERIFY(!answer.readQuery(decoded));
    }

    void queryErrorsNameTheField()
    {
        JhMessage message;
        QVERIFY(JhMessage::decode(R"({"v":1,"type":"query","body":{"query":{"id":"q-9","siteId":"AIR-1",
            "factorCodes":["a34004"],"interval":"hour","from":"2026-03-05T08:00:00Z","to":"soon"}}})",
                                  message));
        JhSeriesQuery query;
        JhProtocolError error;
        QVERIFY(!message.readQuery(query, &error));
        QCOMPARE(error.field, QStringLiteral("to"));
        QCOMPARE(query.id, QStringLiteral("q-9")); // kept for the invalid-query answer
        QVERIFY(JhMessage::decode(R"({"v":1,"type":"query","body":{}})", message));
        QVERIFY(!message.readQuery(query, &error));
        QCOMPARE(error.field, QStringLiteral("query"));
    }
};

QTEST_GUILESS_MAIN(TestJhMessage)
#include "tst_jhmessage.moc"
