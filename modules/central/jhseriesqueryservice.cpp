// Time-series queries: validation on the caller's thread, store reads and computation on a worker thread.
#include "jhseriesqueryservice.h"

#include "jhalarmengineconfig.h"
#include "jhambientairstandard.h"
#include "jhaqicalculator.h"
#include "jhenumnames.h"
#include "jhmessage.h"
#include "jhnoisestandard.h"
#include "jhstore.h"
#include "jhsurfacewaterstandard.h"

#include <QDebug>
#include <QSet>
#include <QThread>

#include <memory>

namespace {
constexpr qint64 sDayMs = 24 * 3600 * 1000LL;
//! Asia/Shanghai is UTC+8 all year: the standards' dates and day/night are Beijing time.
constexpr qint64 sBeijingOffsetMs = 8 * 3600 * 1000LL;

QDate beijingDate(qint64 utcMs)
{
    return QDateTime::fromMSecsSinceEpoch(utcMs + sBeijingOffsetMs, Qt::UTC).date();
}

QDateTime utc(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

//! Beijing midnight of \a date as a UTC instant.
qint64 beijingMidnightMs(const QDate &date)
{
    return QDateTime(date, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch() - sBeijingOffsetMs;
}

//! The part of from..to in which an edition starting on \a start (Beijing date, invalid = always) and
//! ending before \a end (invalid = open) is in force; false when they do not overlap.
bool editionSpan(const QDate &start, const QDate &end, qint64 from, qint64 to, qint64 &spanFrom,
                 qint64 &spanTo)
{
    spanFrom = start.isValid() ? qMax(from, beijingMidnightMs(start)) : from;
    spanTo = end.isValid() ? qMin(to, beijingMidnightMs(end) - 1) : to;
    return spanFrom <= spanTo;
}

qint64 expectedIntervalSeconds(const JhSite &site, JhIntervalKind interval,
                               const JhSeriesQueryService::Settings &settings)
{
    switch (interval) {
    case JhIntervalKind::Realtime:
        return settings.realtimeIntervalSeconds;
    case JhIntervalKind::Minute:
        return 60;
    case JhIntervalKind::Hour:
        // Water and marine stations report every 4 hours (the alarm engine's expectation too).
        return qMax<qint64>(3600, JhAlarmEngineConfig().expectedIntervalSeconds(site.kind));
    case JhIntervalKind::Day:
        return 86400;
    }
    return 3600;
}

//! Expected data times without data: consecutive data times (the range edges count as data just outside
//! it) more than gapIntervals expected intervals apart.
QList<JhSeriesResult::Gap> findGaps(const QVector<qint64> &times, qint64 from, qint64 to, qint64 stepMs,
                                    int gapIntervals)
{
    QList<JhSeriesResult::Gap> gaps;
    const qint64 longest = qint64(gapIntervals) * stepMs;
    qint64 previous = from - stepMs;
    auto check = [&](qint64 next) {
        if (next - previous > longest) {
            const qint64 gapFrom = qMax(from, previous + stepMs);
            const qint64 gapTo = qMin(to, next - stepMs);
            if (gapFrom <= gapTo)
                gaps.append({utc(gapFrom), utc(gapTo)});
        }
        previous = next;
    };
    for (qint64 time : times)
        check(time);
    check(to + stepMs);
    return gaps;
}

//! Keeps the minimum and the maximum point of each bucket (both, in time order), so no peak disappears.
QList<JhSeriesResult::Point> downsample(const QList<JhObservation> &observations, qint64 from,
                                        qint64 bucketMs)
{
    QList<JhSeriesResult::Point> points;
    int start = 0;
    while (start < observations.size()) {
        const qint64 bucket = (observations.at(start).dataTime.toMSecsSinceEpoch() - from) / bucketMs;
        int minimum = start;
        int maximum = start;
        int end = start + 1;
        for (; end < observations.size() &&
               (observations.at(end).dataTime.toMSecsSinceEpoch() - from) / bucketMs == bucket;
             ++end) {
            if (observations.at(end).value < observations.at(minimum).value)
                minimum = end;
            if (observations.at(end).value > observations.at(maximum).value)
                maximum = end;
        }
        for (int index : {qMin(minimum, maximum), qMax(minimum, maximum)}) {
            const JhObservation &o = observations.at(index);
            points.append({o.dataTime, o.value, o.flag});
            if (minimum == maximum)
                break;
        }
        start = end;
    }
    return points;
}

JhAmbientAirItem ambientItem(JhAirPollutant pollutant)
{
    switch (pollutant) {
    case JhAirPollutant::So2:
        return JhAmbientAirItem::So2;
    case JhAirPollutant::No2:
        return JhAmbientAirItem::No2;
    case JhAirPollutant::Pm10:
        return JhAmbientAirItem::Pm10;
    case JhAirPollutant::Pm25:
        return JhAmbientAirItem::Pm25;
    case JhAirPollutant::Co:
        return JhAmbientAirItem::Co;
    case JhAirPollutant::O3:
        return JhAmbientAirItem::O3;
    }
    return JhAmbientAirItem::So2;
}

void airReferences(JhAirPollutant pollutant, JhIntervalKind interval, qint64 from, qint64 to,
                   QList<JhSeriesResult::Reference> &references)
{
    const JhAirPollutantInfo &info = JhAirPollutants::info(pollutant);
    const QString unit = JhUnits::symbol(info.aqiUnit);
    const bool daily = interval == JhIntervalKind::Day;
    // GB 3095: grade II (class 2 areas), per edition in force.
    struct AirEdition
    {
        JhAmbientAirVersion version;
        QDate start, end;
    };
    const AirEdition airEditions[] = {
        {JhAmbientAirVersion::Gb3095_2012, QDate(), QDate(2026, 3, 1)},
        {JhAmbientAirVersion::Gb3095_2026Transitional, QDate(2026, 3, 1), QDate(2031, 1, 1)},
        {JhAmbientAirVersion::Gb3095_2026Final, QDate(2031, 1, 1), QDate()},
    };
    const JhAveragingPeriod period = daily ? JhAveragingPeriod::Daily : JhAveragingPeriod::Hourly;
    for (const AirEdition &edition : airEditions) {
        qint64 spanFrom = 0, spanTo = 0;
        JhAmbientAirLimit row;
        if (!editionSpan(edition.start, edition.end, from, to, spanFrom, spanTo) ||
            !JhAmbientAirStandard::limit(edition.version, ambientItem(pollutant), period, &row))
            continue;
        double value = JhAmbientAirStandard::limitValue(row, JhAmbientAirGrade::II);
        if (!JhUnits::convert(value, row.unit, info.aqiUnit, &value))
            continue;
        JhSeriesResult::Reference line;
        line.standard = JhAmbientAirStandard::code(edition.version);
        line.label = daily ? QStringLiteral("grade II 24h") : QStringLiteral("grade II 1h");
        line.labelZh = daily ? QStringLiteral("二级 24小时平均") : QStringLiteral("二级 1小时平均");
        line.value = value;
        line.unit = unit;
        line.from = utc(spanFrom);
        line.to = utc(spanTo);
        references.append(line);
    }
    // HJ 633: the concentrations of each AQI category in the breakpoint column of the pollutant.
    struct AqiEdition
    {
        JhAqiVersion version;
        QDate start, end;
    };
    const AqiEdition aqiEditions[] = {{JhAqiVersion::Hj633_2012, QDate(), QDate(2026, 3, 1)},
                                      {JhAqiVersion::Hj633_2026, QDate(2026, 3, 1), QDate()}};
    for (const AqiEdition &edition : aqiEditions) {
        qint64 spanFrom = 0, spanTo = 0;
        if (!editionSpan(edition.start, edition.end, from, to, spanFrom, spanTo))
            continue;
        const JhAqiStandard &standard = JhAqiStandard::standard(edition.version);
        const JhAqiIndicator indicator =
            standard.pollutantIndicator(pollutant, daily ? JhAqiReport::Daily : JhAqiReport::Hourly);
        JhAqiIndicator column;
        if (!standard.breakpointColumn(indicator, &column))
            continue;
        const int count = standard.breakpointCount(column);
        for (int row = 0; row + 1 < count; ++row) {
            const int low = JhAqiStandard::iaqiOfRow(row);
            const int high = JhAqiStandard::iaqiOfRow(row + 1);
            const JhAqiCategory &category = standard.category(high);
            JhSeriesResult::Reference band;
            band.kind = JhSeriesResult::Reference::Kind::Band;
            band.standard = standard.code();
            band.label = QStringLiteral("IAQI %1-%2 %3")
                             .arg(low)
                             .arg(high)
                             .arg(QString::fromUtf8(category.categoryEn));
            band.labelZh = QString::fromUtf8(category.categoryZh);
            band.lower = standard.breakpoint(column, row);
            band.upper = standard.breakpoint(column, row + 1);
            band.unit = unit;
            band.from = utc(spanFrom);
            band.to = utc(spanTo);
            references.append(band);
        }
    }
}

void waterReferences(const JhSite &site, JhWaterItem item, QList<JhSeriesResult::Reference> &references)
{
    const JhWaterItemInfo &info = JhSurfaceWaterStandard::info(item);
    const JhWaterBody body =
        site.waterBody == JhWaterBodyType::Lake ? JhWaterBody::LakeOrReservoir : JhWaterBody::River;
    // Lines in the unit the values arrive in (HJ 212 metals are µg/L, GB 3838 mg/L).
    auto line = [&](double limit, const QString &label, const QString &labelZh, bool target) {
        double value = limit;
        if (std::isnan(value) || !JhUnits::convert(limit, info.unit, info.hj212Unit, &value))
            return;
        JhSeriesResult::Reference reference;
        reference.standard = JhSurfaceWaterStandard::code();
        reference.label = label;
        reference.labelZh = labelZh;
        reference.value = value;
        reference.unit = JhUnits::symbol(info.hj212Unit);
        reference.target = target;
        references.append(reference);
    };
    if (info.kind == JhWaterLimitKind::Range) {
        line(info.limits[0], QStringLiteral("I-V lower"), QStringLiteral("Ⅰ～Ⅴ类下限"), false);
        line(info.limits[1], QStringLiteral("I-V upper"), QStringLiteral("Ⅰ～Ⅴ类上限"), false);
        return;
    }
    if (info.kind == JhWaterLimitKind::NoClassLimit)
        return;
    for (int c = 1; c <= 5; ++c) {
        const JhWaterClass waterClass = JhWaterClass(c);
        line(JhSurfaceWaterStandard::limit(item, waterClass, body),
             JhSurfaceWaterStandard::className(waterClass), JhSurfaceWaterStandard::classNameZh(waterClass),
             c == site.waterTargetClass);
    }
}

void aqiHours(JhStore &store, const JhSeriesQuery &query, const JhSite &site,
              const JhSeriesQueryService::Settings &settings, JhSeriesResult &result, bool &ok)
{
    QStringList codes;
    QHash<QString, JhAirPollutant> pollutantOf;
    QVector<JhAirPollutant> measured;
    for (const JhAirPollutantInfo &info : JhAirPollutants::all()) {
        const QString code = QString::fromLatin1(info.hj212Code);
        if (!site.factorCodes.isEmpty() && !site.factorCodes.contains(code, Qt::CaseInsensitive))
            continue;
        codes.append(code);
        pollutantOf.insert(code, info.pollutant);
        measured.append(info.pollutant);
    }
    QHash<QString, QList<JhObservation>> series;
    if (!store.observationSeries(site.id, codes, JhIntervalKind::Hour, query.from, query.to, series)) {
        ok = false;
        return;
    }
    // Hour -> (pollutant -> valid value); every stored hour counts for the gaps.
    QMap<qint64, QMap<JhAirPollutant, double>> hours;
    for (auto it = series.cbegin(); it != series.cend(); ++it)
        for (const JhObservation &o : it.value()) {
            QMap<JhAirPollutant, double> &hour = hours[o.dataTime.toMSecsSinceEpoch()];
            if (o.flag.isEmpty() || o.flag == QLatin1String("N"))
                hour.insert(pollutantOf.value(it.key()), o.value);
        }
    QVector<qint64> times;
    for (auto it = hours.cbegin(); it != hours.cend(); ++it) {
        times.append(it.key());
        if (it.value().isEmpty())
            continue;
        // As the AQI alarm rule: the edition in force on the hour's Beijing date, values in HJ 633 units.
        const QDate date = beijingDate(it.key());
        const JhAqiStandard &standard = JhAqiStandard::standard(JhAqiStandard::versionInForce(date));
        JhAqiInput input;
        input.observationDate = date;
        input.report = JhAqiReport::Hourly;
        for (const JhAirPollutantInfo &info : JhAirPollutants::all()) {
            if (it.value().contains(info.pollutant))
                input.concentrations.insert(standard.pollutantIndicator(info.pollutant, JhAqiReport::Hourly),
                                            it.value().value(info.pollutant));
            else if (!measured.contains(info.pollutant))
                input.notInMonitoringPlan.append(info.pollutant);
        }
        const JhAqiResult aqi = JhAqiCalculator::calculate(input);
        if (!aqi.ok())
            continue;
        JhSeriesResult::AqiHour hour;
        hour.dataTime = utc(it.key());
        hour.hasAqi = aqi.hasAqi;
        hour.aqi = aqi.hasAqi ? aqi.aqi : 0;
        hour.computedAqi = aqi.computedAqi;
        hour.complete = it.value().size() == measured.size();
        hour.standard = standard.code();
        const int shown = aqi.hasAqi ? aqi.aqi : aqi.computedAqi;
        if (shown >= 0) {
            const JhAqiCategory &category = aqi.category ? *aqi.category : standard.category(shown);
            hour.level = category.level;
            hour.categoryZh = QString::fromUtf8(category.categoryZh);
            hour.categoryEn = QString::fromUtf8(category.categoryEn);
            hour.colour = category.colourHex();
        }
        for (JhAirPollutant pollutant : aqi.primaryPollutants)
            hour.primaryPollutants.append(QString::fromUtf8(JhAirPollutants::info(pollutant).symbol));
        result.aqi.append(hour);
    }
    result.aqiGaps = findGaps(times, query.from.toMSecsSinceEpoch(), query.to.toMSecsSinceEpoch(),
                              3600 * 1000LL, settings.gapIntervals);
}
} // namespace

//! Lives on the worker thread and owns the reader JhStore (created, used and closed there only).
class JhSeriesQueryWorker : public QObject
{
public:
    explicit JhSeriesQueryWorker(const JhStoreConfig &config) : mConfig(config) {}

    bool open(QString *error)
    {
        mStore = std::make_unique<JhStore>();
        if (mStore->open(mConfig))
            return true;
        if (error)
            *error = mStore->error().message;
        mStore.reset();
        return false;
    }

    JhSeriesQueryService::Answer run(const JhSeriesQuery &query, const JhSite &site,
                                     const QHash<QString, QString> &units,
                                     const JhSeriesQueryService::Settings &settings)
    {
        QString openError;
        // A store that failed (or never opened) is opened again for the next query.
        if (!mStore && !open(&openError))
            return encode(JhSeriesQueryService::rejected(query.id, JhSeriesResult::Error::Unavailable, {},
                                                         openError, openError));
        const JhSeriesResult result = JhSeriesQueryService::answer(*mStore, query, site, units, settings);
        if (result.error == JhSeriesResult::Error::Unavailable) {
            qWarning("series query %s: %s", qPrintable(query.id), qPrintable(mStore->error().message));
            mStore->close();
            mStore.reset();
        }
        return encode(result);
    }

    void close()
    {
        if (mStore)
            mStore->close();
        mStore.reset();
    }

private:
    static JhSeriesQueryService::Answer encode(const JhSeriesResult &result)
    {
        // Encoded here, not on the main thread: a large answer is tens of milliseconds of JSON work.
        const QByteArray bytes = JhMessage::queryResult(result).encode();
        return {QString::fromUtf8(bytes), bytes.size()};
    }

    JhStoreConfig mConfig;
    std::unique_ptr<JhStore> mStore;
};

JhSeriesQueryService::JhSeriesQueryService(const JhStoreConfig &config, QObject *parent)
    : QObject(parent), mConfig(config)
{}

JhSeriesQueryService::~JhSeriesQueryService()
{
    stop();
}

bool JhSeriesQueryService::start(QString *error)
{
    if (mThread)
        return true;
    mThread = new QThread();
    mThread->setObjectName(QStringLiteral("jh-series-query"));
    mWorker = new JhSeriesQueryWorker(mConfig);
    mWorker->moveToThread(mThread);
    mThread->start();
    bool opened = false;
    QString message;
    JhSeriesQueryWorker *worker = mWorker;
    QMetaObject::invokeMethod(
        worker, [worker, &opened, &message]() { opened = worker->open(&message); },
        Qt::BlockingQueuedConnection);
    if (!opened && error)
        *error = message;
    return opened;
}

void JhSeriesQueryService::stop()
{
    if (!mThread)
        return;
    JhSeriesQueryWorker *worker = mWorker;
    QMetaObject::invokeMethod(
        worker, [worker]() { worker->close(); }, Qt::BlockingQueuedConnection);
    mThread->quit();
    mThread->wait();
    delete mWorker;
    mWorker = nullptr;
    delete mThread;
    mThread = nullptr;
}

JhSeriesResult JhSeriesQueryService::rejected(const QString &queryId, JhSeriesResult::Error error,
                                              const QString &field, const QString &detailZh,
                                              const QString &detailEn)
{
    JhSeriesResult result;
    result.queryId = queryId;
    result.error = error;
    result.field = field;
    switch (error) {
    case JhSeriesResult::Error::None:
        result.messageZh = QStringLiteral("成功");
        result.messageEn = QStringLiteral("OK");
        break;
    case JhSeriesResult::Error::InvalidQuery:
        result.messageZh = QStringLiteral("查询参数无效");
        result.messageEn = QStringLiteral("Invalid query");
        break;
    case JhSeriesResult::Error::SiteNotFound:
        result.messageZh = QStringLiteral("站点不存在");
        result.messageEn = QStringLiteral("Unknown site");
        break;
    case JhSeriesResult::Error::TooManyQueries:
        result.messageZh = QStringLiteral("查询过多，请等待已发出的查询返回");
        result.messageEn = QStringLiteral("Too many queries running; wait for an answer first");
        break;
    case JhSeriesResult::Error::Unavailable:
        result.messageZh = QStringLiteral("监测数据暂时无法读取，请稍后重试");
        result.messageEn = QStringLiteral("The observations store cannot be read now; retry later");
        break;
    }
    if (!detailZh.isEmpty())
        result.messageZh += QStringLiteral("：") + detailZh;
    if (!detailEn.isEmpty())
        result.messageEn += QStringLiteral(": ") + detailEn;
    return result;
}

JhSeriesResult JhSeriesQueryService::validate(const JhSeriesQuery &query, const JhSite *site) const
{
    using Error = JhSeriesResult::Error;
    auto invalid = [&query](const char *field, const QString &zh, const QString &en) {
        return rejected(query.id, Error::InvalidQuery, QLatin1String(field), zh, en);
    };
    if (query.id.trimmed().isEmpty() || query.id.size() > 200)
        return invalid("id", QStringLiteral("需要 1～200 个字符的查询编号"),
                       QStringLiteral("id must be 1-200 characters"));
    if (query.siteId.isEmpty())
        return invalid("siteId", QStringLiteral("缺少站点"), QStringLiteral("siteId is missing"));
    if (query.kind == JhSeriesQuery::Kind::Series) {
        if (query.factorCodes.isEmpty())
            return invalid("factorCodes", QStringLiteral("至少需要一个监测因子"),
                           QStringLiteral("at least one factor code is needed"));
        if (query.factorCodes.size() > mSettings.maxFactors)
            return invalid("factorCodes", QStringLiteral("每次最多查询 %1 个因子").arg(mSettings.maxFactors),
                           QStringLiteral("at most %1 factors per query").arg(mSettings.maxFactors));
        QSet<QString> seen;
        for (const QString &code : query.factorCodes) {
            if (code.trimmed().isEmpty() || seen.contains(code))
                return invalid("factorCodes", QStringLiteral("因子代码为空或重复"),
                               QStringLiteral("empty or repeated factor code"));
            seen.insert(code);
        }
    } else if (query.interval != JhIntervalKind::Hour) {
        return invalid("interval", QStringLiteral("AQI 序列只能按小时查询"),
                       QStringLiteral("the AQI series is hourly: interval must be hour"));
    }
    if (!query.from.isValid())
        return invalid("from", QStringLiteral("需要 ISO 8601 时间"),
                       QStringLiteral("must be an ISO 8601 time"));
    if (!query.to.isValid())
        return invalid("to", QStringLiteral("需要 ISO 8601 时间"),
                       QStringLiteral("must be an ISO 8601 time"));
    if (query.to < query.from)
        return invalid("to", QStringLiteral("结束时间早于开始时间"), QStringLiteral("to is before from"));
    int maxDays = mSettings.maxHourDays;
    switch (query.interval) {
    case JhIntervalKind::Realtime:
        maxDays = mSettings.maxRealtimeDays;
        break;
    case JhIntervalKind::Minute:
        maxDays = mSettings.maxMinuteDays;
        break;
    case JhIntervalKind::Hour:
        maxDays = mSettings.maxHourDays;
        break;
    case JhIntervalKind::Day:
        maxDays = mSettings.maxDayDays;
        break;
    }
    const qint64 rangeMs = query.to.toMSecsSinceEpoch() - query.from.toMSecsSinceEpoch();
    if (rangeMs > maxDays * sDayMs)
        return invalid(
            "to",
            QStringLiteral("%1数据最多查询 %2 天").arg(JhEnumNames::labelZh(query.interval)).arg(maxDays),
            QStringLiteral("at most %1 days of %2 data per query")
                .arg(maxDays)
                .arg(JhEnumNames::code(query.interval)));
    if (query.kind == JhSeriesQuery::Kind::Aqi && rangeMs / (3600 * 1000LL) + 1 > mSettings.maxPoints)
        return invalid("to", QStringLiteral("AQI 序列最多 %1 小时").arg(mSettings.maxPoints),
                       QStringLiteral("at most %1 hours of AQI per query").arg(mSettings.maxPoints));
    if (query.maxPoints < 0 || query.maxPoints == 1 || query.maxPoints > mSettings.maxPoints)
        return invalid("maxPoints", QStringLiteral("取值 2～%1（0 为默认）").arg(mSettings.maxPoints),
                       QStringLiteral("must be 2-%1 (0: the default)").arg(mSettings.maxPoints));
    if (!site)
        return rejected(query.id, Error::SiteNotFound, QStringLiteral("siteId"), query.siteId, query.siteId);
    if (query.kind == JhSeriesQuery::Kind::Aqi && !site->isAir())
        return invalid("kind", QStringLiteral("%1 不是空气站，无 AQI").arg(site->id),
                       QStringLiteral("%1 is not an air site: no AQI").arg(site->id));
    JhSeriesResult ok;
    ok.queryId = query.id;
    return ok;
}

void JhSeriesQueryService::submit(const JhSeriesQuery &query, const JhSite &site,
                                  const QHash<QString, QString> &units, QObject *receiver, Done done)
{
    QPointer<QObject> target(receiver);
    if (!mThread) {
        const QByteArray bytes =
            JhMessage::queryResult(rejected(query.id, JhSeriesResult::Error::Unavailable)).encode();
        const Answer answer{QString::fromUtf8(bytes), bytes.size()};
        ++mPending;
        QMetaObject::invokeMethod(
            this, [this, target, done, answer]() { deliver(target, done, answer); }, Qt::QueuedConnection);
        return;
    }
    ++mPending;
    JhSeriesQueryWorker *worker = mWorker;
    const Settings settings = mSettings;
    QMetaObject::invokeMethod(
        worker,
        [this, worker, query, site, units, settings, target, done]() {
            const Answer answer = worker->run(query, site, units, settings);
            // Back to the service's thread: only there may the receiver be checked (and used).
            QMetaObject::invokeMethod(
                this, [this, target, done, answer]() { deliver(target, done, answer); },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void JhSeriesQueryService::deliver(QPointer<QObject> receiver, const Done &done, const Answer &answer)
{
    --mPending;
    if (receiver && done)
        done(answer.text, answer.utf8Bytes);
}

JhSeriesResult JhSeriesQueryService::answer(JhStore &store, const JhSeriesQuery &query, const JhSite &site,
                                            const QHash<QString, QString> &units, const Settings &settings)
{
    JhSeriesResult result = rejected(query.id, JhSeriesResult::Error::None);
    result.kind = query.kind;
    result.siteId = site.id;
    result.interval = query.interval;
    result.from = query.from.toUTC();
    result.to = query.to.toUTC();
    const qint64 from = query.from.toMSecsSinceEpoch();
    const qint64 to = query.to.toMSecsSinceEpoch();
    if (query.kind == JhSeriesQuery::Kind::Aqi) {
        bool ok = true;
        aqiHours(store, query, site, settings, result, ok);
        if (!ok)
            return rejected(query.id, JhSeriesResult::Error::Unavailable);
        return result;
    }
    QHash<QString, QList<JhObservation>> series;
    if (!store.observationSeries(site.id, query.factorCodes, query.interval, query.from, query.to, series))
        return rejected(query.id, JhSeriesResult::Error::Unavailable);
    const qint64 stepMs = expectedIntervalSeconds(site, query.interval, settings) * 1000;
    const int maxPoints = query.maxPoints > 0 ? query.maxPoints : settings.maxPoints;
    for (const QString &code : query.factorCodes) {
        const QList<JhObservation> observations = series.value(code);
        JhSeriesResult::Factor factor;
        factor.factorCode = code;
        factor.unit = units.value(code);
        factor.storedPoints = observations.size();
        factor.expectedIntervalSeconds = stepMs / 1000;
        QVector<qint64> times;
        times.reserve(observations.size());
        for (const JhObservation &o : observations)
            times.append(o.dataTime.toMSecsSinceEpoch());
        factor.gaps = findGaps(times, from, to, stepMs, settings.gapIntervals);
        if (observations.size() > maxPoints) {
            // maxPoints / 2 buckets of whole expected intervals (real-time: whole seconds), two points each.
            const qint64 unit = query.interval == JhIntervalKind::Realtime ? 1000 : stepMs;
            const qint64 buckets = maxPoints / 2;
            qint64 bucketMs = (to - from + 1 + buckets - 1) / buckets;
            bucketMs = (bucketMs + unit - 1) / unit * unit;
            factor.downsampled = true;
            factor.bucketSeconds = bucketMs / 1000;
            factor.points = downsample(observations, from, bucketMs);
        } else {
            factor.points.reserve(observations.size());
            for (const JhObservation &o : observations)
                factor.points.append({o.dataTime, o.value, o.flag});
        }
        factor.references = references(site, code, query.interval, query.from, query.to);
        result.factors.append(factor);
    }
    return result;
}

QList<JhSeriesResult::Reference> JhSeriesQueryService::references(const JhSite &site,
                                                                  const QString &factorCode,
                                                                  JhIntervalKind interval,
                                                                  const QDateTime &from, const QDateTime &to)
{
    QList<JhSeriesResult::Reference> result;
    if (site.isAir()) {
        JhAirPollutant pollutant;
        if (JhAirPollutants::fromHj212Code(factorCode, &pollutant))
            airReferences(pollutant, interval, from.toMSecsSinceEpoch(), to.toMSecsSinceEpoch(), result);
    } else if (site.isWater()) {
        JhWaterItem item;
        if (JhSurfaceWaterStandard::itemFromName(factorCode, &item))
            waterReferences(site, item, result);
    } else if (site.kind == JhSiteKind::Noise) {
        JhNoiseZone zone;
        if (JhAlarmEngineConfig().noiseFactorCodes.contains(factorCode) &&
            JhNoiseStandard::zoneFromString(site.noiseZone, &zone)) {
            for (JhNoisePeriod period : {JhNoisePeriod::Day, JhNoisePeriod::Night}) {
                const bool day = period == JhNoisePeriod::Day;
                JhSeriesResult::Reference line;
                line.standard = JhNoiseStandard::code();
                line.label = QStringLiteral("zone %1 %2")
                                 .arg(JhNoiseStandard::zoneName(zone),
                                      day ? QStringLiteral("day") : QStringLiteral("night"));
                line.labelZh = QStringLiteral("%1类区%2间")
                                   .arg(JhNoiseStandard::zoneName(zone),
                                        day ? QStringLiteral("昼") : QStringLiteral("夜"));
                line.value = JhNoiseStandard::limit(zone, period);
                line.unit = JhUnits::symbol(JhUnit::DecibelA);
                line.period = day ? QStringLiteral("day") : QStringLiteral("night");
                result.append(line);
            }
        }
    } else if (site.kind == JhSiteKind::PollutionSource) {
        const JhPermittedLimit *limit = site.permittedLimit(factorCode);
        if (limit && limit->limit > 0) {
            JhSeriesResult::Reference line;
            line.standard = QStringLiteral("permit");
            line.label = QStringLiteral("permitted limit");
            line.labelZh = QStringLiteral("许可排放限值");
            line.value = limit->limit;
            line.unit = limit->unit;
            result.append(line);
        }
    }
    return result;
}
