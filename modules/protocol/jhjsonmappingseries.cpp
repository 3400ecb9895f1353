// JhJsonMapping, time-series queries: JhSeriesQuery and JhSeriesResult (points as compact arrays).
#include "jhjsonreader.h"

using namespace JhJsonInternal;

// --- time-series queries --------------------------------------------------------------------------

namespace {
const char *seriesKindCode(JhSeriesQuery::Kind kind)
{
    return kind == JhSeriesQuery::Kind::Aqi ? "aqi" : "series";
}

bool parseSeriesKind(const QString &code, JhSeriesQuery::Kind &kind)
{
    if (code == QLatin1String("series"))
        kind = JhSeriesQuery::Kind::Series;
    else if (code == QLatin1String("aqi"))
        kind = JhSeriesQuery::Kind::Aqi;
    else
        return false;
    return true;
}

struct SeriesErrorRow
{
    JhSeriesResult::Error error;
    const char *code;
};

const SeriesErrorRow sSeriesErrors[] = {
    {JhSeriesResult::Error::None, "ok"},
    {JhSeriesResult::Error::InvalidQuery, "invalid-query"},
    {JhSeriesResult::Error::SiteNotFound, "site-not-found"},
    {JhSeriesResult::Error::TooManyQueries, "too-many-queries"},
    {JhSeriesResult::Error::Unavailable, "unavailable"},
};

// A series answer holds tens of thousands of instants; QDateTime's ISO formatting and parsing cost more
// than the rest of the JSON work. These write and read the same text (JhTime's UTC form,
// "2026-07-01T08:00:00.000Z") directly; any other spelling falls back to JhTime.
QString fastTimeText(const QDateTime &time)
{
    if (!time.isValid())
        return QString();
    const qint64 ms = time.toMSecsSinceEpoch();
    const qint64 dayMs = 86400000LL;
    qint64 days = ms >= 0 ? ms / dayMs : (ms - dayMs + 1) / dayMs;
    const qint64 rest = ms - days * dayMs;
    if (days < -719468 || days > 2932896) // outside years 0..9999
        return JhTime::toText(time);
    // Civil date from days since 1970-01-01 (H. Hinnant's algorithm).
    days += 719468;
    const qint64 era = days / 146097;
    const qint64 doe = days - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    const int day = int(doy - (153 * mp + 2) / 5 + 1);
    const int month = int(mp < 10 ? mp + 3 : mp - 9);
    const int year = int(yoe + era * 400 + (month <= 2 ? 1 : 0));
    char text[25];
    auto put = [&text](int at, int value, int width) {
        for (int i = width - 1; i >= 0; --i, value /= 10)
            text[at + i] = char('0' + value % 10);
    };
    put(0, year, 4);
    text[4] = '-';
    put(5, month, 2);
    text[7] = '-';
    put(8, day, 2);
    text[10] = 'T';
    put(11, int(rest / 3600000), 2);
    text[13] = ':';
    put(14, int(rest / 60000 % 60), 2);
    text[16] = ':';
    put(17, int(rest / 1000 % 60), 2);
    text[19] = '.';
    put(20, int(rest % 1000), 3);
    text[23] = 'Z';
    return QString::fromLatin1(text, 24);
}

QDateTime fastTime(const QString &text)
{
    if (text.size() == 24 && text.at(4) == QLatin1Char('-') && text.at(10) == QLatin1Char('T') &&
        text.at(19) == QLatin1Char('.') && text.at(23) == QLatin1Char('Z')) {
        int digits[24] = {};
        bool ok = true;
        for (int i : {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21, 22}) {
            const QChar c = text.at(i);
            ok = ok && c >= QLatin1Char('0') && c <= QLatin1Char('9');
            digits[i] = c.unicode() - '0';
        }
        const QDate date(digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3],
                         digits[5] * 10 + digits[6], digits[8] * 10 + digits[9]);
        const QTime clock(digits[11] * 10 + digits[12], digits[14] * 10 + digits[15],
                          digits[17] * 10 + digits[18], digits[20] * 100 + digits[21] * 10 + digits[22]);
        if (ok && date.isValid() && clock.isValid())
            return QDateTime(date, clock, Qt::UTC);
    }
    return JhTime::fromText(text);
}

//! A point is [dataTime, value] or [dataTime, value, flag]: an answer holds up to 50,000 of them, and
//! the short form halves the bytes (flag "N", valid data, is left out).
QJsonArray pointToJson(const JhSeriesResult::Point &point)
{
    QJsonArray array{fastTimeText(point.dataTime), point.value};
    if (point.flag != QLatin1String("N"))
        array.append(point.flag);
    return array;
}

bool pointFromJson(const QJsonValue &json, JhSeriesResult::Point &point)
{
    const QJsonArray array = json.toArray();
    if (!json.isArray() || array.size() < 2 || array.size() > 3 || !array.at(0).isString() ||
        !array.at(1).isDouble() || (array.size() == 3 && !array.at(2).isString()))
        return false;
    point.dataTime = fastTime(array.at(0).toString());
    point.value = array.at(1).toDouble();
    point.flag = array.size() == 3 ? array.at(2).toString() : QStringLiteral("N");
    return point.dataTime.isValid();
}

QJsonObject gapToJson(const JhSeriesResult::Gap &gap)
{
    return {{"from", JhTime::toText(gap.from)}, {"to", JhTime::toText(gap.to)}};
}

QJsonArray gapsToJson(const QList<JhSeriesResult::Gap> &gaps)
{
    QJsonArray result;
    for (const JhSeriesResult::Gap &gap : gaps)
        result.append(gapToJson(gap));
    return result;
}

QJsonObject referenceToJson(const JhSeriesResult::Reference &reference)
{
    QJsonObject json{{"kind", reference.kind == JhSeriesResult::Reference::Kind::Band ? "band" : "limit"},
                     {"standard", reference.standard},
                     {"label", reference.label},
                     {"labelZh", reference.labelZh},
                     {"unit", reference.unit}};
    // Absent numbers are left out (an open band has no upper end).
    if (!std::isnan(reference.value))
        json.insert(QStringLiteral("value"), reference.value);
    if (!std::isnan(reference.lower))
        json.insert(QStringLiteral("lower"), reference.lower);
    if (!std::isnan(reference.upper))
        json.insert(QStringLiteral("upper"), reference.upper);
    if (!reference.period.isEmpty())
        json.insert(QStringLiteral("period"), reference.period);
    if (reference.target)
        json.insert(QStringLiteral("target"), true);
    if (reference.from.isValid())
        json.insert(QStringLiteral("from"), JhTime::toText(reference.from));
    if (reference.to.isValid())
        json.insert(QStringLiteral("to"), JhTime::toText(reference.to));
    return json;
}

//! Decodes an array of objects with \a decode(reader, element), naming "<context>.<key>[i]" on failure.
template <typename Type, typename Decode>
QList<Type> seriesList(Reader &outer, const char *key, const char *context, Decode decode)
{
    QList<Type> result;
    const QJsonArray values = outer.array(key, false);
    for (int i = 0; i < values.size() && outer.isOk(); ++i) {
        if (!values.at(i).isObject()) {
            outer.fail(Code::InvalidField, key, "an array of objects");
            break;
        }
        JhProtocolError inner;
        Reader in(values.at(i).toObject(), context, &inner);
        Type element;
        decode(in, element);
        if (!in.isOk()) {
            outer.fail(inner.code, key, "valid elements");
            break;
        }
        result.append(element);
    }
    return result;
}

void gapFromJson(Reader &in, JhSeriesResult::Gap &gap)
{
    gap.from = in.time("from");
    gap.to = in.time("to");
}

double optionalNumber(Reader &in, const char *key)
{
    return in.has(key) ? in.number(key) : std::numeric_limits<double>::quiet_NaN();
}

void referenceFromJson(Reader &in, JhSeriesResult::Reference &reference)
{
    const QString kind = in.text("kind");
    if (kind == QLatin1String("band"))
        reference.kind = JhSeriesResult::Reference::Kind::Band;
    else if (kind == QLatin1String("limit"))
        reference.kind = JhSeriesResult::Reference::Kind::Limit;
    else if (in.isOk())
        in.fail(Code::InvalidField, "kind", "limit or band");
    reference.standard = in.text("standard", false);
    reference.label = in.text("label", false);
    reference.labelZh = in.text("labelZh", false);
    reference.unit = in.text("unit", false);
    reference.value = optionalNumber(in, "value");
    reference.lower = optionalNumber(in, "lower");
    reference.upper = optionalNumber(in, "upper");
    reference.period = in.text("period", false);
    reference.target = in.boolean("target");
    reference.from = in.time("from", false);
    reference.to = in.time("to", false);
}

void factorFromJson(Reader &in, JhSeriesResult::Factor &factor)
{
    factor.factorCode = in.text("factorCode");
    factor.unit = in.text("unit", false);
    factor.storedPoints = int(in.integer("storedPoints", false));
    factor.downsampled = in.boolean("downsampled");
    factor.bucketSeconds = in.integer("bucketSeconds", false);
    factor.expectedIntervalSeconds = in.integer("expectedIntervalSeconds", false);
    const QJsonArray points = in.array("points", false);
    factor.points.reserve(points.size());
    for (const QJsonValue &value : points) {
        JhSeriesResult::Point point;
        if (!pointFromJson(value, point)) {
            in.fail(Code::InvalidField, "points", "an array of [dataTime, value] or [dataTime, value, flag]");
            break;
        }
        factor.points.append(point);
    }
    factor.gaps = seriesList<JhSeriesResult::Gap>(in, "gaps", "gap", gapFromJson);
    factor.references = seriesList<JhSeriesResult::Reference>(in, "limits", "limit", referenceFromJson);
}

void aqiHourFromJson(Reader &in, JhSeriesResult::AqiHour &hour)
{
    hour.dataTime = in.time("dataTime");
    hour.hasAqi = in.has("aqi");
    hour.aqi = hour.hasAqi ? int(in.integer("aqi")) : 0;
    hour.computedAqi = int(in.integer("computedAqi", false));
    hour.level = int(in.integer("level", false));
    hour.categoryZh = in.text("categoryZh", false);
    hour.categoryEn = in.text("categoryEn", false);
    hour.colour = in.text("colour", false);
    hour.primaryPollutants = in.strings("primaryPollutants");
    hour.complete = in.boolean("complete");
    hour.standard = in.text("standard", false);
}
} // namespace

QJsonObject JhJsonMapping::toJson(const JhSeriesQuery &value)
{
    return {{"id", value.id},
            {"kind", seriesKindCode(value.kind)},
            {"siteId", value.siteId},
            {"factorCodes", QJsonArray::fromStringList(value.factorCodes)},
            {"interval", JhEnumNames::code(value.interval)},
            {"from", JhTime::toText(value.from)},
            {"to", JhTime::toText(value.to)},
            {"maxPoints", value.maxPoints}};
}

bool JhJsonMapping::fromJson(const QJsonObject &json, JhSeriesQuery &value, JhProtocolError *error)
{
    Reader in(json, "query", error);
    value.id = in.text("id");
    if (in.isOk() && value.id.trimmed().isEmpty())
        in.fail(Code::InvalidField, "id", "a non-empty id");
    value.kind = JhSeriesQuery::Kind::Series;
    const QString kind = in.text("kind", false);
    if (in.isOk() && !kind.isEmpty() && !parseSeriesKind(kind, value.kind))
        in.fail(Code::InvalidField, "kind", "series or aqi");
    value.siteId = in.text("siteId");
    value.factorCodes = in.strings("factorCodes");
    value.interval = in.enumeration("interval", JhIntervalKind::Hour);
    value.from = in.time("from");
    value.to = in.time("to");
    value.maxPoints = int(in.integer("maxPoints", false));
    return finish(in, error);
}

QJsonObject JhJsonMapping::toJson(const JhSeriesResult &value)
{
    QString code;
    for (const SeriesErrorRow &row : sSeriesErrors)
        if (row.error == value.error)
            code = QString::fromLatin1(row.code);
    QJsonObject json{{"queryId", value.queryId},
                     {"ok", value.isOk()},
                     {"error", code},
                     {"messageZh", value.messageZh},
                     {"messageEn", value.messageEn}};
    if (!value.field.isEmpty())
        json.insert(QStringLiteral("field"), value.field);
    if (!value.isOk())
        return json;
    json.insert(QStringLiteral("kind"), seriesKindCode(value.kind));
    json.insert(QStringLiteral("siteId"), value.siteId);
    json.insert(QStringLiteral("interval"), JhEnumNames::code(value.interval));
    json.insert(QStringLiteral("from"), JhTime::toText(value.from));
    json.insert(QStringLiteral("to"), JhTime::toText(value.to));
    if (value.kind == JhSeriesQuery::Kind::Aqi) {
        QJsonArray hours;
        for (const JhSeriesResult::AqiHour &hour : value.aqi) {
            QJsonObject h{{"dataTime", JhTime::toText(hour.dataTime)},
                          {"computedAqi", hour.computedAqi},
                          {"level", hour.level},
                          {"categoryZh", hour.categoryZh},
                          {"categoryEn", hour.categoryEn},
                          {"colour", hour.colour},
                          {"primaryPollutants", QJsonArray::fromStringList(hour.primaryPollutants)},
                          {"complete", hour.complete},
                          {"standard", hour.standard}};
            if (hour.hasAqi)
                h.insert(QStringLiteral("aqi"), hour.aqi);
            hours.append(h);
        }
        json.insert(QStringLiteral("aqi"), hours);
        json.insert(QStringLiteral("gaps"), gapsToJson(value.aqiGaps));
        return json;
    }
    QJsonArray factors;
    for (const JhSeriesResult::Factor &factor : value.factors) {
        QJsonArray points;
        for (const JhSeriesResult::Point &point : factor.points)
            points.append(pointToJson(point));
        QJsonArray references;
        for (const JhSeriesResult::Reference &reference : factor.references)
            references.append(referenceToJson(reference));
        QJsonObject f{{"factorCode", factor.factorCode},
                      {"unit", factor.unit},
                      {"storedPoints", factor.storedPoints},
                      {"downsampled", factor.downsampled},
                      {"expectedIntervalSeconds", factor.expectedIntervalSeconds},
                      {"points", points},
                      {"gaps", gapsToJson(factor.gaps)},
                      {"limits", references}};
        if (factor.downsampled)
            f.insert(QStringLiteral("bucketSeconds"), factor.bucketSeconds);
        factors.append(f);
    }
    json.insert(QStringLiteral("factors"), factors);
    return json;
}

bool JhJsonMapping::fromJson(const QJsonObject &json, JhSeriesResult &value, JhProtocolError *error)
{
    Reader in(json, "queryResult", error);
    JhSeriesResult result;
    result.queryId = in.text("queryId", false);
    const QString code = in.text("error");
    bool known = false;
    for (const SeriesErrorRow &row : sSeriesErrors)
        if (code == QLatin1String(row.code)) {
            result.error = row.error;
            known = true;
        }
    if (in.isOk() && !known)
        in.fail(Code::InvalidField, "error", "a known error code");
    result.field = in.text("field", false);
    result.messageZh = in.text("messageZh", false);
    result.messageEn = in.text("messageEn", false);
    if (in.isOk() && result.isOk()) {
        if (!parseSeriesKind(in.text("kind"), result.kind) && in.isOk())
            in.fail(Code::InvalidField, "kind", "series or aqi");
        result.siteId = in.text("siteId");
        result.interval = in.enumeration("interval", JhIntervalKind::Hour);
        result.from = in.time("from");
        result.to = in.time("to");
        if (result.kind == JhSeriesQuery::Kind::Aqi) {
            result.aqi = seriesList<JhSeriesResult::AqiHour>(in, "aqi", "aqiHour", aqiHourFromJson);
            result.aqiGaps = seriesList<JhSeriesResult::Gap>(in, "gaps", "gap", gapFromJson);
        } else {
            result.factors = seriesList<JhSeriesResult::Factor>(in, "factors", "factor", factorFromJson);
        }
    }
    if (!in.isOk())
        return false;
    value = result;
    return finish(in, error);
}
