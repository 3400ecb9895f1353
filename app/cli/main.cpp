// jianghai-cli: the headless workstation client (watch, status, series, ack, command, sync, outbox).
#include "jhclisession.h"

#include "jhenumnames.h"
#include "jhjsonmapping.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QProcessEnvironment>
#include <QSocketNotifier>
#include <QStandardPaths>

#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace {
const char *sUsage =
    "usage: jianghai-cli [--url URL]... [--token T] [--data-dir D] [--timeout-ms MS] [--lang zh|en] COMMAND\n"
    "  watch [--for S]                   events, site statuses and connection changes as JSON lines\n"
    "  status SITE                       the site's live status (from the cache when central is down)\n"
    "  series SITE FACTOR... [--hours H] [--interval realtime|minute|hour|day] [--max-points N] [--aqi]\n"
    "  ack ALARM [--note TEXT]           acknowledge an alarm; waits for central's answer\n"
    "  command TYPE JSON                 any command (alarm.close, incident.create, ...; docs/domain.md)\n"
    "  sync                              connect, send what the outbox holds, wait for every answer\n"
    "  outbox                            the outbox: pending commands and recent answers\n"
    "  alarms [--all]                    alarms not closed (--all: every alarm), one JSON line each\n"
    "  --no-wait (ack, command): return once the command is safely queued\n"
    "URL and token also from JH_CENTRAL_URL and JH_CENTRAL_TOKEN. Exit codes: 0 ok, 1 command refused,\n"
    "2 usage, 3 central not reached in time (commands stay queued), 4 not found, 5 client refused,\n"
    "6 query failed.\n";

int sSignalPipe[2] = {-1, -1};
void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(sSignalPipe[1], &byte, 1);
}

QJsonObject entryJson(const JhOutboxEntry &entry)
{
    QJsonObject json{{"commandId", entry.command.id},
                     {"type", JhEnumNames::code(entry.command.type)},
                     {"state", JhOutboxEntry::stateCode(entry.state)},
                     {"queuedAt", entry.queuedAt.toString(Qt::ISODateWithMs)}};
    if (!entry.isPending()) {
        json.insert(QStringLiteral("result"), JhJsonMapping::toJson(entry.result));
        json.insert(QStringLiteral("answeredAt"), entry.answeredAt.toString(Qt::ISODateWithMs));
    }
    return json;
}

//! Queues \a command and waits for its answer (or only until it is on disk with \a noWait).
int runCommand(JhCliSession &session, const JhCommand &command, bool noWait, int timeoutMs)
{
    JhSyncClient &client = session.client();
    QString failure;
    QObject::connect(&client, &JhSyncClient::submitFailed, &session,
                     [&failure](const QStringList &, const QString &message) { failure = message; });
    const QString id = client.submit(command);
    const bool queued =
        session.waitUntil([&]() { return client.outboxEntry(id) || !failure.isEmpty(); }, timeoutMs);
    if (!queued || !failure.isEmpty()) {
        session.say(QStringLiteral("命令未能写入发件箱：") + failure,
                    QStringLiteral("command not queued: ") + failure);
        return JhCliUnreachable;
    }
    if (noWait) {
        JhCliSession::printJson(entryJson(*client.outboxEntry(id)));
        return JhCliOk;
    }
    const bool answered = session.waitUntil(
        [&]() {
            const JhOutboxEntry *entry = client.outboxEntry(id);
            return entry && !entry->isPending();
        },
        timeoutMs);
    const JhOutboxEntry *entry = client.outboxEntry(id);
    JhCliSession::printJson(entryJson(*entry));
    if (!answered) {
        session.say(
            QStringLiteral("未收到中心服务答复；命令 %1 保留在发件箱，下次连接时重发").arg(id),
            QStringLiteral("no answer from central; command %1 stays in the outbox and is resent").arg(id));
        return session.refusalOr(JhCliUnreachable);
    }
    if (entry->state == JhOutboxEntry::State::Refused) {
        session.say(entry->result.messageZh, entry->result.messageEn);
        return JhCliRefusedCommand;
    }
    return JhCliOk;
}

int runWatch(JhCliSession &session, int seconds)
{
    JhSyncClient &client = session.client();
    QObject::connect(&client, &JhSyncClient::connectionStatusChanged, &session,
                     [](const JhConnectionStatus &status) {
                         QJsonObject line{{"type", "connection"},
                                          {"state", JhConnectionStatus::code(status.state)},
                                          {"since", status.since.toString(Qt::ISODateWithMs)},
                                          {"url", status.url}};
                         if (!status.reasonCode.isEmpty()) {
                             line.insert(QStringLiteral("reason"), status.reasonCode);
                             line.insert(QStringLiteral("messageZh"), status.reasonZh);
                             line.insert(QStringLiteral("messageEn"), status.reasonEn);
                         }
                         JhCliSession::printJson(line);
                     });
    QObject::connect(&client, &JhSyncClient::stateChanged, &session, [&client](const JhStateChange &change) {
        if (change.replaced)
            JhCliSession::printJson({{"type", "state"},
                                     {"lastSeq", client.state().lastSequence()},
                                     {"sites", client.state().sites().size()},
                                     {"alarms", client.state().alarms().size()}});
        for (const JhEvent &event : change.events)
            JhCliSession::printJson({{"type", "event"}, {"event", JhJsonMapping::toJson(event)}});
    });
    QObject::connect(&client, &JhSyncClient::siteStatusesChanged, &session,
                     [&client](const QStringList &ids, bool) {
                         for (const QString &id : ids)
                             if (const JhSiteStatus *status = client.siteStatus(id))
                                 JhCliSession::printJson(
                                     {{"type", "site-status"}, {"status", JhJsonMapping::toJson(*status)}});
                     });
    QObject::connect(&client, &JhSyncClient::commandAnswered, &session, [](const JhOutboxEntry &entry) {
        JhCliSession::printJson({{"type", "command-result"}, {"entry", entryJson(entry)}});
    });
    session.waitUntil([]() { return false; }, seconds > 0 ? seconds * 1000 : -1);
    return session.refusalOr(JhCliOk);
}

int runStatus(JhCliSession &session, const QString &siteId, int timeoutMs)
{
    JhSyncClient &client = session.client();
    session.waitUntil([&client]() { return client.isCacheLoaded(); }, timeoutMs);
    const bool synced = session.waitForSync(timeoutMs);
    // Live statuses follow the welcome: give them a moment once live.
    if (synced)
        session.waitUntil([&]() { return client.siteStatus(siteId) != nullptr; }, 2000);
    const JhSite *site = client.state().site(siteId);
    if (!site) {
        session.say(QStringLiteral("没有站点 %1").arg(siteId), QStringLiteral("no site %1").arg(siteId));
        return session.refusalOr(synced ? JhCliNotFound : JhCliUnreachable);
    }
    QJsonObject siteJson = JhJsonMapping::toJson(*site);
    siteJson.remove(QStringLiteral("password"));
    QJsonObject out{{"site", siteJson}, {"live", synced}};
    if (!synced)
        out.insert(QStringLiteral("cachedAt"), client.cacheSavedAt().toString(Qt::ISODateWithMs));
    if (const JhSiteStatus *status = client.siteStatus(siteId))
        out.insert(QStringLiteral("status"), JhJsonMapping::toJson(*status));
    int open = 0;
    QJsonArray alarms;
    for (const JhAlarm &alarm : client.state().alarms())
        if (alarm.siteId == siteId && alarm.state != JhAlarmState::Closed) {
            alarms.append(JhJsonMapping::toJson(alarm));
            ++open;
        }
    out.insert(QStringLiteral("openAlarms"), alarms);
    JhCliSession::printJson(out);
    return synced ? JhCliOk : session.refusalOr(JhCliUnreachable);
}

int runSeries(JhCliSession &session, const QStringList &arguments, const QCommandLineParser &parser,
              const QCommandLineOption &hours, const QCommandLineOption &interval,
              const QCommandLineOption &maxPoints, const QCommandLineOption &aqi, int timeoutMs)
{
    JhSeriesQuery query;
    query.siteId = arguments.value(0);
    query.kind = parser.isSet(aqi) ? JhSeriesQuery::Kind::Aqi : JhSeriesQuery::Kind::Series;
    query.factorCodes = arguments.mid(1);
    if (query.siteId.isEmpty() ||
        (query.kind == JhSeriesQuery::Kind::Series && query.factorCodes.isEmpty())) {
        std::fputs(sUsage, stderr);
        return JhCliUsage;
    }
    const QString intervalName =
        parser.value(interval) == QLatin1String("realtime") ? QStringLiteral("rtd") : parser.value(interval);
    if (!JhEnumNames::parse(intervalName, query.interval)) {
        session.say(QStringLiteral("未知的数据类型 %1").arg(parser.value(interval)),
                    QStringLiteral("unknown interval %1").arg(parser.value(interval)));
        return JhCliUsage;
    }
    if (query.kind == JhSeriesQuery::Kind::Aqi)
        query.interval = JhIntervalKind::Hour;
    query.to = QDateTime::currentDateTimeUtc();
    query.from = query.to.addSecs(-qint64(parser.value(hours).toDouble() * 3600));
    query.maxPoints = parser.value(maxPoints).toInt();
    JhSyncClient &client = session.client();
    session.waitUntil([&client]() { return client.isCacheLoaded(); }, timeoutMs);
    session.waitForSync(timeoutMs);
    JhSeriesResult result;
    QDateTime cachedAt;
    bool answered = false;
    QObject::connect(&client, &JhSyncClient::queryAnswered, &session,
                     [&](const JhSeriesResult &answer, const QDateTime &fromCache) {
                         if (answer.queryId != query.id)
                             return;
                         result = answer;
                         cachedAt = fromCache;
                         answered = true;
                     });
    query.id = client.query(query);
    if (!session.waitUntil([&answered]() { return answered; }, timeoutMs)) {
        session.say(QStringLiteral("查询未在时限内得到答复"),
                    QStringLiteral("no answer to the query in time"));
        return session.refusalOr(JhCliUnreachable);
    }
    QJsonObject out = JhJsonMapping::toJson(result);
    if (cachedAt.isValid())
        out.insert(QStringLiteral("cachedAt"), cachedAt.toString(Qt::ISODateWithMs));
    JhCliSession::printJson(out);
    if (!result.isOk()) {
        session.say(result.messageZh, result.messageEn);
        return result.error == JhSeriesResult::Error::SiteNotFound ? JhCliNotFound : JhCliQueryFailed;
    }
    return JhCliOk;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("jianghai-cli"));
    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Jianghai Command headless client"));
    parser.addHelpOption();
    const QCommandLineOption url(QStringLiteral("url"),
                                 QStringLiteral("Central URL (repeat for several nodes)."),
                                 QStringLiteral("url"));
    const QCommandLineOption token(QStringLiteral("token"), QStringLiteral("API token."),
                                   QStringLiteral("token"));
    const QString defaultData = QDir(QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation))
                                    .filePath(QStringLiteral("jianghai-cli"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"), QStringLiteral("Cache and outbox folder."),
                                     QStringLiteral("dir"), defaultData);
    const QCommandLineOption timeout(QStringLiteral("timeout-ms"),
                                     QStringLiteral("How long to wait for central."), QStringLiteral("ms"),
                                     QStringLiteral("15000"));
    const QCommandLineOption lang(QStringLiteral("lang"), QStringLiteral("Messages in zh or en."),
                                  QStringLiteral("lang"), QStringLiteral("zh"));
    const QCommandLineOption verbose(QStringLiteral("verbose"),
                                     QStringLiteral("Print every connection change."));
    const QCommandLineOption note(QStringLiteral("note"), QStringLiteral("Note of an acknowledgement."),
                                  QStringLiteral("text"));
    const QCommandLineOption hours(QStringLiteral("hours"), QStringLiteral("Series: hours back from now."),
                                   QStringLiteral("h"), QStringLiteral("24"));
    const QCommandLineOption interval(QStringLiteral("interval"),
                                      QStringLiteral("Series: realtime, minute, hour, day."),
                                      QStringLiteral("kind"), QStringLiteral("hour"));
    const QCommandLineOption maxPoints(QStringLiteral("max-points"),
                                       QStringLiteral("Series: points per factor."), QStringLiteral("n"),
                                       QStringLiteral("0"));
    const QCommandLineOption aqi(QStringLiteral("aqi"),
                                 QStringLiteral("Series: the hourly AQI of an air site."));
    const QCommandLineOption forSeconds(QStringLiteral("for"), QStringLiteral("Watch: stop after S seconds."),
                                        QStringLiteral("s"), QStringLiteral("0"));
    const QCommandLineOption noWait(QStringLiteral("no-wait"),
                                    QStringLiteral("Return once the command is queued."));
    const QCommandLineOption allAlarms(QStringLiteral("all"), QStringLiteral("Alarms: closed ones too."));
    parser.addOptions({url, token, dataDir, timeout, lang, verbose, note, hours, interval, maxPoints, aqi,
                       forSeconds, noWait, allAlarms});
    parser.addPositionalArgument(QStringLiteral("command"),
                                 QStringLiteral("watch, status, series, ack, command, sync, outbox"));
    if (!parser.parse(QCoreApplication::arguments())) {
        std::fprintf(stderr, "jianghai-cli: %s\n%s", qPrintable(parser.errorText()), sUsage);
        return JhCliUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(sUsage, stdout);
        return JhCliOk;
    }
    QStringList arguments = parser.positionalArguments();
    if (arguments.isEmpty()) {
        std::fputs(sUsage, stderr);
        return JhCliUsage;
    }
    const QString command = arguments.takeFirst();
    const bool english = parser.value(lang) == QLatin1String("en");

    JhClientConfig config;
    config.urls = parser.values(url);
    if (config.urls.isEmpty() && !environment.value(QStringLiteral("JH_CENTRAL_URL")).isEmpty())
        config.urls =
            environment.value(QStringLiteral("JH_CENTRAL_URL")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    config.token =
        parser.isSet(token) ? parser.value(token) : environment.value(QStringLiteral("JH_CENTRAL_TOKEN"));
    config.dataDirectory = parser.value(dataDir);
    config.clientName = QStringLiteral("jianghai-cli");
    if (config.urls.isEmpty() || config.token.isEmpty()) {
        std::fprintf(stderr, "jianghai-cli: %s\n%s",
                     english ? "no central URL or token (--url/--token or JH_CENTRAL_URL/JH_CENTRAL_TOKEN)"
                             : "未指定中心服务地址或令牌（--url/--token 或 JH_CENTRAL_URL/JH_CENTRAL_TOKEN）",
                     sUsage);
        return JhCliUsage;
    }
    const int timeoutMs = parser.value(timeout).toInt();

    // Ctrl-C / SIGTERM: stop the client cleanly so the cache takes what it has.
    if (::pipe(sSignalPipe) == 0) {
        auto *notifier = new QSocketNotifier(sSignalPipe[0], QSocketNotifier::Read, &application);
        QObject::connect(notifier, &QSocketNotifier::activated, &application,
                         []() { JhCliSession::requestStop(); });
        std::signal(SIGINT, onSignal);
        std::signal(SIGTERM, onSignal);
    }

    // The client library's progress lines are for --verbose; warnings always reach stderr.
    if (!parser.isSet(verbose))
        QLoggingCategory::setFilterRules(
            QStringLiteral("jianghai.client.info=false\njianghai.client.debug=false"));
    JhCliSession session(config, english, parser.isSet(verbose));
    session.client().start();
    int exitCode = JhCliUsage;
    if (command == QLatin1String("watch")) {
        exitCode = runWatch(session, parser.value(forSeconds).toInt());
    } else if (command == QLatin1String("status") && arguments.size() == 1) {
        exitCode = runStatus(session, arguments.first(), timeoutMs);
    } else if (command == QLatin1String("series")) {
        exitCode = runSeries(session, arguments, parser, hours, interval, maxPoints, aqi, timeoutMs);
    } else if (command == QLatin1String("ack") && arguments.size() == 1) {
        JhCommand ack;
        ack.type = JhCommandType::AcknowledgeAlarm;
        ack.payload = {{"alarmId", arguments.first()}, {"note", parser.value(note)}};
        exitCode = runCommand(session, ack, parser.isSet(noWait), timeoutMs);
    } else if (command == QLatin1String("command") && arguments.size() == 2) {
        JhCommand generic;
        QJsonParseError error;
        const QJsonDocument payload = QJsonDocument::fromJson(arguments.at(1).toUtf8(), &error);
        if (!JhEnumNames::parse(arguments.at(0), generic.type) || !payload.isObject()) {
            session.say(QStringLiteral("未知命令类型或 JSON 无效"),
                        QStringLiteral("unknown command type or invalid JSON"));
            exitCode = JhCliUsage;
        } else {
            generic.payload = payload.object();
            exitCode = runCommand(session, generic, parser.isSet(noWait), timeoutMs);
        }
    } else if (command == QLatin1String("sync")) {
        JhSyncClient &client = session.client();
        session.waitUntil([&client]() { return client.isCacheLoaded(); }, timeoutMs);
        const bool synced = session.waitForSync(timeoutMs);
        const bool drained =
            synced && session.waitUntil([&client]() { return client.pendingCommandCount() == 0; }, timeoutMs);
        JhCliSession::printJson({{"lastSeq", client.state().lastSequence()},
                                 {"pending", client.pendingCommandCount()},
                                 {"live", synced}});
        exitCode = drained ? JhCliOk : session.refusalOr(JhCliUnreachable);
    } else if (command == QLatin1String("alarms")) {
        JhSyncClient &client = session.client();
        session.waitUntil([&client]() { return client.isCacheLoaded(); }, timeoutMs);
        const bool synced = session.waitForSync(timeoutMs);
        for (const JhAlarm &alarm : client.state().alarms())
            if (parser.isSet(allAlarms) || alarm.state != JhAlarmState::Closed)
                JhCliSession::printJson(JhJsonMapping::toJson(alarm));
        exitCode = synced ? JhCliOk : session.refusalOr(JhCliUnreachable);
    } else if (command == QLatin1String("outbox")) {
        JhSyncClient &client = session.client();
        session.waitUntil([&client]() { return client.isCacheLoaded(); }, timeoutMs);
        for (const JhOutboxEntry &entry : client.outbox())
            JhCliSession::printJson(entryJson(entry));
        exitCode = JhCliOk;
    } else {
        std::fputs(sUsage, stderr);
    }
    session.client().stop();
    return exitCode;
}
