// The one place that turns client state (sites, statuses, alarms, incidents, depots, teams) into live layer
// attributes.
#include "jhsiteattributes.h"

#include "jhalarm.h"
#include "jhcountyteam.h"
#include "jhdepot.h"
#include "jhenumnames.h"
#include "jhincident.h"
#include "jhsite.h"
#include "jhsitestatus.h"
#include "jhworldstate.h"

#include <cmath>

namespace {

using Field = JhSiteAttributes::Field;

QList<Field> siteFields()
{
    return {{QStringLiteral("site_id")},
            {QStringLiteral("name")},
            {QStringLiteral("kind")},
            {QStringLiteral("kind_zh")},
            {QStringLiteral("county"), QVariant::Int},
            {QStringLiteral("state")},
            {QStringLiteral("state_zh")},
            {QStringLiteral("class_key")},
            {QStringLiteral("style_key")},
            {QStringLiteral("label")},
            {QStringLiteral("value"), QVariant::Double},
            {QStringLiteral("meets_target"), QVariant::Int},
            {QStringLiteral("alarm_level")},
            {QStringLiteral("alarm_state")},
            {QStringLiteral("open_alarms"), QVariant::Int},
            {QStringLiteral("data_time")},
            {QStringLiteral("data_age_minutes"), QVariant::Int},
            {QStringLiteral("approximate"), QVariant::Int}};
}

int ageMinutes(const QDateTime &time, const QDateTime &now)
{
    if (!time.isValid() || !now.isValid())
        return -1;
    return static_cast<int>(std::max<qint64>(0, time.secsTo(now) / 60));
}

QString timeText(const QDateTime &time)
{
    return time.isValid() ? time.toOffsetFromUtc(8 * 3600).toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                          : QString();
}

int levelRank(JhAlarmLevel level)
{
    return static_cast<int>(level);
}

struct Seat
{
    int code;
    double longitude;
    double latitude;
};

// From maps/sources/admin/nantong_county_seats.geojson (the basemap's county_seats layer).
constexpr Seat sSeats[] = {
    {320600, 120.862099, 32.017427}, // 南通市 (city government, in 崇川)
    {320612, 121.068507, 32.086128}, {320613, 120.862099, 32.017427}, {320614, 121.172028, 31.895397},
    {320623, 121.181489, 32.313791}, {320681, 121.655417, 31.812222}, {320682, 120.562019, 32.393791},
    {320685, 120.461326, 32.542200},
};

} // namespace

QList<JhSiteAttributes::Layer> JhSiteAttributes::layers()
{
    return {Layer::PollutionSources, Layer::NoiseStations, Layer::MarinePoints,
            Layer::WaterStations,    Layer::AirStations,   Layer::Depots,
            Layer::CountyTeams,      Layer::ActiveAlarms,  Layer::Incidents};
}

bool JhSiteAttributes::isSiteLayer(Layer layer)
{
    return layer == Layer::AirStations || layer == Layer::WaterStations || layer == Layer::NoiseStations ||
           layer == Layer::MarinePoints || layer == Layer::PollutionSources;
}

JhSiteAttributes::Layer JhSiteAttributes::layerForKind(JhSiteKind kind)
{
    switch (kind) {
    case JhSiteKind::SurfaceWater:
    case JhSiteKind::DrinkingWater:
        return Layer::WaterStations;
    case JhSiteKind::Noise:
        return Layer::NoiseStations;
    case JhSiteKind::Marine:
        return Layer::MarinePoints;
    case JhSiteKind::PollutionSource:
        return Layer::PollutionSources;
    default:
        return Layer::AirStations;
    }
}

QString JhSiteAttributes::layerKey(Layer layer)
{
    switch (layer) {
    case Layer::AirStations:
        return QStringLiteral("live_air_stations");
    case Layer::WaterStations:
        return QStringLiteral("live_water_stations");
    case Layer::NoiseStations:
        return QStringLiteral("live_noise_stations");
    case Layer::MarinePoints:
        return QStringLiteral("live_marine_points");
    case Layer::PollutionSources:
        return QStringLiteral("live_pollution_sources");
    case Layer::ActiveAlarms:
        return QStringLiteral("live_active_alarms");
    case Layer::Incidents:
        return QStringLiteral("live_incidents");
    case Layer::Depots:
        return QStringLiteral("live_depots");
    case Layer::CountyTeams:
        return QStringLiteral("live_county_teams");
    }
    return QString();
}

QString JhSiteAttributes::layerName(Layer layer)
{
    switch (layer) {
    case Layer::AirStations:
        return QStringLiteral("空气站");
    case Layer::WaterStations:
        return QStringLiteral("水质站");
    case Layer::NoiseStations:
        return QStringLiteral("声环境站");
    case Layer::MarinePoints:
        return QStringLiteral("海洋点位");
    case Layer::PollutionSources:
        return QStringLiteral("污染源");
    case Layer::ActiveAlarms:
        return QStringLiteral("活动告警");
    case Layer::Incidents:
        return QStringLiteral("突发事件");
    case Layer::Depots:
        return QStringLiteral("应急物资库");
    case Layer::CountyTeams:
        return QStringLiteral("县级队伍");
    }
    return QString();
}

QList<JhSiteAttributes::Field> JhSiteAttributes::fields(Layer layer)
{
    switch (layer) {
    case Layer::ActiveAlarms:
        return {{QStringLiteral("alarm_id")},    {QStringLiteral("site_id")},
                {QStringLiteral("site_name")},   {QStringLiteral("factor")},
                {QStringLiteral("rule")},        {QStringLiteral("alarm_level")},
                {QStringLiteral("alarm_state")}, {QStringLiteral("label")},
                {QStringLiteral("message")},     {QStringLiteral("value"), QVariant::Double},
                {QStringLiteral("opened_at")},   {QStringLiteral("age_minutes"), QVariant::Int}};
    case Layer::Incidents:
        return {{QStringLiteral("incident_id")},
                {QStringLiteral("title")},
                {QStringLiteral("type")},
                {QStringLiteral("level")},
                {QStringLiteral("level_zh")},
                {QStringLiteral("status")},
                {QStringLiteral("county"), QVariant::Int},
                {QStringLiteral("location")},
                {QStringLiteral("label")},
                {QStringLiteral("alarm_count"), QVariant::Int},
                {QStringLiteral("opened_at")},
                {QStringLiteral("age_minutes"), QVariant::Int}};
    case Layer::Depots:
        return {{QStringLiteral("depot_id")},
                {QStringLiteral("name")},
                {QStringLiteral("county"), QVariant::Int},
                {QStringLiteral("team_id")},
                {QStringLiteral("item_lines"), QVariant::Int},
                {QStringLiteral("below_minimum"), QVariant::Int},
                {QStringLiteral("reserved_lines"), QVariant::Int},
                {QStringLiteral("stock_key")},
                {QStringLiteral("stock_summary")},
                {QStringLiteral("label")}};
    case Layer::CountyTeams:
        return {{QStringLiteral("team_id")},
                {QStringLiteral("name")},
                {QStringLiteral("county"), QVariant::Int},
                {QStringLiteral("status")},
                {QStringLiteral("status_zh")},
                {QStringLiteral("status_note")},
                {QStringLiteral("position_source")},
                {QStringLiteral("active_tasks"), QVariant::Int},
                {QStringLiteral("label")}};
    default:
        return siteFields();
    }
}

int JhSiteAttributes::fieldIndex(Layer layer, const QString &name)
{
    const QList<Field> all = fields(layer);
    for (int i = 0; i < all.size(); ++i)
        if (all.at(i).name == name)
            return i;
    return -1;
}

QVariantMap JhSiteAttributes::toMap(Layer layer, const QVariantList &values)
{
    QVariantMap map;
    const QList<Field> all = fields(layer);
    for (int i = 0; i < all.size() && i < values.size(); ++i)
        map.insert(all.at(i).name, values.at(i));
    return map;
}

QHash<QString, JhSiteAttributes::AlarmSummary> JhSiteAttributes::alarmSummaries(const JhWorldState &state)
{
    QHash<QString, AlarmSummary> summaries;
    for (const JhAlarm &alarm : state.alarms()) {
        if (!alarm.isActive())
            continue;
        AlarmSummary &summary = summaries[alarm.siteId];
        if (summary.active == 0 || levelRank(alarm.level) > levelRank(summary.worstLevel))
            summary.worstLevel = alarm.level;
        ++summary.active;
        if (alarm.state == JhAlarmState::Open)
            ++summary.open;
        else if (alarm.state == JhAlarmState::Acknowledged)
            ++summary.acknowledged;
        else if (alarm.state == JhAlarmState::Escalated)
            ++summary.escalated;
    }
    return summaries;
}

JhSiteAttributes::AlarmSummary JhSiteAttributes::alarmSummary(const JhWorldState &state,
                                                              const QString &siteId)
{
    AlarmSummary summary;
    for (const JhAlarm &alarm : state.alarms()) {
        if (!alarm.isActive() || alarm.siteId != siteId)
            continue;
        if (summary.active == 0 || levelRank(alarm.level) > levelRank(summary.worstLevel))
            summary.worstLevel = alarm.level;
        ++summary.active;
        if (alarm.state == JhAlarmState::Open)
            ++summary.open;
        else if (alarm.state == JhAlarmState::Acknowledged)
            ++summary.acknowledged;
        else if (alarm.state == JhAlarmState::Escalated)
            ++summary.escalated;
    }
    return summary;
}

QString JhSiteAttributes::classKey(const JhSite &site, const JhSiteStatus *status)
{
    static const QString noData = QStringLiteral("nodata");
    if (!status)
        return noData;
    if (site.isAir()) {
        if (status->air.valid && status->air.category >= 1 && status->air.category <= 6)
            return QStringLiteral("aqi%1").arg(status->air.category);
        return noData;
    }
    if (site.isWater()) {
        if (status->water.valid && status->water.overallClass >= 1 && status->water.overallClass <= 6)
            return QStringLiteral("water%1").arg(status->water.overallClass);
        return noData;
    }
    switch (site.kind) {
    case JhSiteKind::Noise:
        if (!status->noise.valid)
            return noData;
        return status->noise.exceeded ? QStringLiteral("noise_over") : QStringLiteral("noise_ok");
    case JhSiteKind::PollutionSource:
        if (!status->source.valid)
            return noData;
        if (status->source.exceeded || status->source.ratio > 1.0)
            return QStringLiteral("source_over");
        return status->source.ratio >= 0.8 ? QStringLiteral("source_near") : QStringLiteral("source_ok");
    case JhSiteKind::Marine:
        // Central judges no sea-water class yet (GB 3097): data present or not is all the map can say.
        return status->lastDataAt.isValid() ? QStringLiteral("marine_data") : noData;
    default:
        return noData;
    }
}

QString JhSiteAttributes::styleKey(const JhSite &site, const JhSiteStatus *status)
{
    if (!status)
        return JhEnumNames::code(JhSiteState::NeverReported);
    if (status->state != JhSiteState::Online)
        return JhEnumNames::code(status->state);
    return classKey(site, status);
}

QString JhSiteAttributes::waterClassText(int waterClass)
{
    static const QString names[] = {QStringLiteral("Ⅰ类"), QStringLiteral("Ⅱ类"), QStringLiteral("Ⅲ类"),
                                    QStringLiteral("Ⅳ类"), QStringLiteral("Ⅴ类"), QStringLiteral("劣Ⅴ类")};
    if (waterClass < 1 || waterClass > 6)
        return QString();
    return names[waterClass - 1];
}

QString JhSiteAttributes::label(const JhSite &site, const JhSiteStatus *status)
{
    if (!status || status->state == JhSiteState::NeverReported)
        return QStringLiteral("未上报数据");
    const QString key = classKey(site, status);
    QString text;
    if (key.startsWith(QLatin1String("aqi")))
        text = QStringLiteral("AQI %1 %2").arg(status->air.aqi).arg(status->air.categoryZh);
    else if (key.startsWith(QLatin1String("water"))) {
        text = waterClassText(status->water.overallClass);
        if (!status->water.meetsTarget && status->water.targetClass > 0)
            text += QStringLiteral("（目标%1）").arg(waterClassText(status->water.targetClass));
    } else if (key.startsWith(QLatin1String("noise")))
        text = QStringLiteral("%1 dB(A)").arg(status->noise.leq, 0, 'f', 1);
    else if (key.startsWith(QLatin1String("source")))
        text = QStringLiteral("%1 %2%")
                   .arg(key == QLatin1String("source_over") ? QStringLiteral("超标") : QStringLiteral("达标"))
                   .arg(qRound(status->source.ratio * 100));
    else if (key == QLatin1String("marine_data"))
        text = QStringLiteral("有数据");
    else
        text = QStringLiteral("无有效数据");
    if (status->state != JhSiteState::Online)
        return JhEnumNames::labelZh(status->state);
    return text;
}

QString JhSiteAttributes::alarmLevelCode(const AlarmSummary &summary)
{
    if (summary.active == 0)
        return QStringLiteral("none");
    return JhEnumNames::code(summary.worstLevel);
}

QString JhSiteAttributes::alarmStateCode(const AlarmSummary &summary)
{
    // Unacknowledged first: it is what the duty officer still has to act on.
    if (summary.open > 0)
        return QStringLiteral("open");
    if (summary.escalated > 0)
        return QStringLiteral("escalated");
    if (summary.acknowledged > 0)
        return QStringLiteral("acknowledged");
    return QStringLiteral("none");
}

QVariantList JhSiteAttributes::siteValues(const JhSite &site, const JhSiteStatus *status,
                                          const AlarmSummary *alarms, const QDateTime &now)
{
    AlarmSummary summary;
    if (alarms && alarms->active > 0) {
        summary = *alarms;
    } else if (status && status->openAlarms > 0) {
        // No alarm objects known (yet): central's counts in the status still tell open from acknowledged.
        summary.active = status->openAlarms;
        summary.acknowledged = status->acknowledgedAlarms;
        summary.open = std::max(0, status->openAlarms - status->acknowledgedAlarms);
        summary.worstLevel = status->worstLevel;
    }

    const QString key = classKey(site, status);
    double value = 0;
    int meetsTarget = 1;
    if (status) {
        if (key.startsWith(QLatin1String("aqi")))
            value = status->air.aqi;
        else if (key.startsWith(QLatin1String("water"))) {
            value = status->water.overallClass;
            meetsTarget = status->water.meetsTarget ? 1 : 0;
        } else if (key.startsWith(QLatin1String("noise")))
            value = status->noise.leq;
        else if (key.startsWith(QLatin1String("source")))
            value = status->source.ratio;
    }
    const JhSiteState state = status ? status->state : JhSiteState::NeverReported;
    const QDateTime dataTime = status ? status->lastDataAt : QDateTime();
    return {site.id,
            site.name,
            JhEnumNames::code(site.kind),
            JhEnumNames::labelZh(site.kind),
            site.countyCode,
            JhEnumNames::code(state),
            state == JhSiteState::NeverReported ? QStringLiteral("未上报数据") : JhEnumNames::labelZh(state),
            key,
            styleKey(site, status),
            label(site, status),
            value,
            meetsTarget,
            alarmLevelCode(summary),
            alarmStateCode(summary),
            summary.active,
            timeText(dataTime),
            ageMinutes(dataTime, now),
            site.approximateLocation ? 1 : 0};
}

QVariantList JhSiteAttributes::alarmValues(const JhAlarm &alarm, const JhSite *site, const QDateTime &now)
{
    const QString siteName = site ? site->name : alarm.siteId;
    return {alarm.id,
            alarm.siteId,
            siteName,
            alarm.factorCode,
            alarm.ruleId,
            JhEnumNames::code(alarm.level),
            JhEnumNames::code(alarm.state),
            QStringLiteral("%1 %2").arg(JhEnumNames::labelZh(alarm.level), JhEnumNames::labelZh(alarm.state)),
            alarm.message,
            alarm.value,
            timeText(alarm.openedAt),
            ageMinutes(alarm.openedAt, now)};
}

QVariantList JhSiteAttributes::incidentValues(const JhIncident &incident, const QDateTime &now)
{
    const QString level = JhEnumNames::code(incident.level);
    return {incident.id,
            incident.title,
            JhEnumNames::code(incident.type),
            level,
            JhEnumNames::labelZh(incident.level),
            JhEnumNames::code(incident.status),
            incident.countyCode,
            incident.location,
            QStringLiteral("%1（%2级）").arg(incident.title, level),
            incident.alarmIds.size(),
            timeText(incident.openedAt),
            ageMinutes(incident.openedAt, now)};
}

QVariantList JhSiteAttributes::depotValues(const JhDepot &depot)
{
    int below = 0;
    int reserved = 0;
    for (const JhInventoryItem &item : depot.inventory) {
        if (item.isBelowMinimum())
            ++below;
        if (item.reserved > 0)
            ++reserved;
    }
    QString summary = QStringLiteral("%1种物资").arg(depot.inventory.size());
    if (below > 0)
        summary += QStringLiteral("，%1种低于储备下限").arg(below);
    if (reserved > 0)
        summary += QStringLiteral("，%1种已预留").arg(reserved);
    const QString key = depot.inventory.isEmpty() ? QStringLiteral("empty")
                        : below > 0               ? QStringLiteral("low")
                                                  : QStringLiteral("ok");
    return {depot.id, depot.name, depot.countyCode, depot.teamId, depot.inventory.size(), below,
            reserved, key,        summary,          depot.name};
}

QVariantList JhSiteAttributes::teamValues(const JhCountyTeam &team, int activeTasks)
{
    double longitude = 0;
    double latitude = 0;
    bool atSeat = false;
    const bool located = teamPosition(team, &longitude, &latitude, &atSeat);
    QString label = QStringLiteral("%1 %2").arg(team.name, JhEnumNames::labelZh(team.status));
    if (activeTasks > 0)
        label += QStringLiteral("（%1项任务）").arg(activeTasks);
    return {team.id,
            team.name,
            team.countyCodes.isEmpty() ? 0 : team.countyCodes.first(),
            JhEnumNames::code(team.status),
            JhEnumNames::labelZh(team.status),
            team.statusNote,
            !located ? QStringLiteral("unknown")
            : atSeat ? QStringLiteral("county_seat")
                     : QStringLiteral("base"),
            activeTasks,
            label};
}

bool JhSiteAttributes::teamPosition(const JhCountyTeam &team, double *longitude, double *latitude,
                                    bool *atCountySeat)
{
    if (atCountySeat)
        *atCountySeat = false;
    if (std::abs(team.longitude) > 1e-9 || std::abs(team.latitude) > 1e-9) {
        *longitude = team.longitude;
        *latitude = team.latitude;
        return true;
    }
    for (int code : team.countyCodes) {
        if (countySeat(code, longitude, latitude)) {
            if (atCountySeat)
                *atCountySeat = true;
            return true;
        }
    }
    return false;
}

bool JhSiteAttributes::countySeat(int countyCode, double *longitude, double *latitude)
{
    for (const Seat &seat : sSeats) {
        if (seat.code == countyCode) {
            *longitude = seat.longitude;
            *latitude = seat.latitude;
            return true;
        }
    }
    return false;
}
