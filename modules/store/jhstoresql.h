// Internal to modules/store: SQL text, column lists and value conversions the JhStore source files share.
#pragma once

#include "jhenumnames.h"
#include "jhinventoryitem.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

//! Not part of the module's interface: included only by jhstore*.cpp.
namespace JhStoreSql {
//! Rows per array-parameter INSERT of observations on PostgreSQL.
constexpr int sPostgresObservationChunk = 5000;

//! A text element of a PostgreSQL array literal: always quoted, with backslash and quote escaped.
inline QString arrayElement(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
        .replace(QLatin1Char('"'), QLatin1String("\\\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

inline QVariant toMs(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant(qint64(0));
}

inline QVariant toNullableMs(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant();
}

inline QDateTime fromMs(const QVariant &value)
{
    if (value.isNull())
        return QDateTime();
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

inline QDateTime fromNonZeroMs(const QVariant &value)
{
    return value.isNull() || value.toLongLong() == 0 ? QDateTime() : fromMs(value);
}

inline QString joinInts(const QList<int> &values)
{
    QStringList parts;
    for (int value : values)
        parts.append(QString::number(value));
    return parts.join(QLatin1Char(','));
}

inline QList<int> splitInts(const QString &text)
{
    QList<int> result;
    const QStringList parts = text.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &part : parts)
        result.append(part.toInt());
    return result;
}

inline QStringList splitStrings(const QString &text)
{
    return text.split(QLatin1Char(','), Qt::SkipEmptyParts);
}

template <typename Enum>
Enum parsed(const QVariant &value, Enum fallback)
{
    Enum result = fallback;
    JhEnumNames::parse(value.toString(), result);
    return result;
}

//! "INSERT ... ON CONFLICT (keys) DO UPDATE SET ..." (or DO NOTHING): the same text for both dialects.
inline QString upsertSql(const char *table, const QStringList &columns, const QStringList &keys,
                         bool update = true)
{
    QStringList placeholders;
    QStringList assignments;
    for (const QString &column : columns) {
        placeholders.append(QStringLiteral("?"));
        if (!keys.contains(column))
            assignments.append(QStringLiteral("%1 = excluded.%1").arg(column));
    }
    QString sql = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT (%4) ")
                      .arg(QLatin1String(table), columns.join(QLatin1Char(',')),
                           placeholders.join(QLatin1Char(',')), keys.join(QLatin1Char(',')));
    sql += update && !assignments.isEmpty()
               ? QStringLiteral("DO UPDATE SET ") + assignments.join(QLatin1Char(','))
               : QStringLiteral("DO NOTHING");
    return sql;
}

const QStringList sSiteColumns = {
    "id",         "name",       "kind",    "station_code", "network",          "county_code",
    "longitude",  "latitude",   "mn",      "password",     "protocol_version", "water_target_class",
    "water_body", "noise_zone", "park_id", "factor_codes", "approximate"};
const QStringList sAlarmColumns = {"id",         "site_id",     "factor_code", "rule_id",   "level",
                                   "state",      "value",       "message",     "opened_at", "updated_at",
                                   "updated_by", "incident_id", "note"};
const QStringList sIncidentColumns = {"id",         "title",       "type",       "level",
                                      "status",     "longitude",   "latitude",   "county_code",
                                      "location",   "description", "alarm_ids",  "opened_at",
                                      "updated_at", "created_by",  "updated_by", "summary"};
const QStringList sTaskColumns = {"id",    "incident_id", "team_id",    "title",       "instructions",
                                  "state", "created_at",  "updated_at", "assigned_by", "cancel_reason"};
const QStringList sReportColumns = {"task_id", "position",     "time",      "author",  "state",
                                    "text",    "has_position", "longitude", "latitude"};
const QStringList sTeamColumns = {"id",       "name",   "county_codes", "longitude",
                                  "latitude", "status", "status_note",  "status_changed_at"};
const QStringList sDepotColumns = {"id", "name", "county_code", "team_id", "longitude", "latitude"};
const QStringList sInventoryColumns = {"depot_id", "item_code",     "position",    "quantity",
                                       "reserved", "minimum_stock", "reservations"};

//! An inventory line's per-incident reservations as stored: a JSON object, incident id -> quantity.
inline QString reservationsText(const JhInventoryItem &item)
{
    QJsonObject object;
    for (auto it = item.reservations.cbegin(); it != item.reservations.cend(); ++it)
        object.insert(it.key(), it.value());
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

//! The reservations of a stored line. A line from before schema 3 has none recorded: its reserved total
//! is kept under the empty incident id, so the sum stays right.
inline QMap<QString, double> reservationsFrom(const QString &text, double reserved)
{
    QMap<QString, double> result;
    const QJsonObject object = QJsonDocument::fromJson(text.toUtf8()).object();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it)
        result.insert(it.key(), it.value().toDouble());
    if (result.isEmpty() && reserved > 0)
        result.insert(QString(QLatin1String("")), reserved);
    return result;
}

//! Binds positional values; a null QString becomes '' because text columns are NOT NULL (empty = absent).
inline void bindAll(QSqlQuery &query, const QVariantList &values)
{
    for (int i = 0; i < values.size(); ++i) {
        const QVariant &value = values.at(i);
        if (value.userType() == QMetaType::QString && value.toString().isNull())
            query.bindValue(i, QString(QLatin1String("")));
        else
            query.bindValue(i, value);
    }
}
} // namespace JhStoreSql
