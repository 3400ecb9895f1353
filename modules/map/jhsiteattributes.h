// The one place that turns client state (sites, statuses, alarms, incidents, depots, teams) into live layer
// attributes.
#pragma once

#include "jhdomaintypes.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QVariant>
#include <QVariantList>
#include <QVariantMap>

struct JhAlarm;
struct JhCountyTeam;
struct JhDepot;
struct JhIncident;
struct JhSite;
struct JhSiteStatus;
class JhWorldState;

//! Pure functions (Qt Core only) from the domain state to the attribute values of the live map layers; the
//! maps/styles/live_*.qml rules read exactly these fields. docs/workstation.md lists every field and value.
class JhSiteAttributes
{
public:
    //! The live layers, in drawing order from the bottom (sources first, incidents on top).
    enum class Layer
    {
        PollutionSources,
        NoiseStations,
        MarinePoints,
        WaterStations,
        AirStations,
        Depots,
        CountyTeams,
        ActiveAlarms,
        Incidents,
    };

    //! One attribute: name as the styles use it, and its type.
    struct Field
    {
        QString name;
        QVariant::Type type = QVariant::String;
    };

    //! What the active alarms of one site add up to (from JhWorldState::alarms()).
    struct AlarmSummary
    {
        int active = 0; //!< not closed
        int open = 0;   //!< not yet acknowledged
        int acknowledged = 0;
        int escalated = 0;
        JhAlarmLevel worstLevel = JhAlarmLevel::Notice;
    };

    //! Every layer, bottom to top.
    static QList<Layer> layers();
    static bool isSiteLayer(Layer layer);
    //! The layer a site of \a kind is drawn on.
    static Layer layerForKind(JhSiteKind kind);
    //! Stable layer id, also the style file name: "live_air_stations" -> maps/styles/live_air_stations.qml.
    static QString layerKey(Layer layer);
    //! Chinese layer name shown in the layer tree and the legend (空气站, 水质站 …).
    static QString layerName(Layer layer);
    //! Fields of \a layer in order; the values functions below return values in this order.
    static QList<Field> fields(Layer layer);
    static int fieldIndex(Layer layer, const QString &name);
    //! \a values as name -> value (tests, tooltips).
    static QVariantMap toMap(Layer layer, const QVariantList &values);

    //! Alarm summaries per site id over the active alarms of \a state.
    static QHash<QString, AlarmSummary> alarmSummaries(const JhWorldState &state);
    //! The summary of \a siteId only (scans the alarms of \a state).
    static AlarmSummary alarmSummary(const JhWorldState &state, const QString &siteId);

    //! Judgement class: aqi1..aqi6, water1..water6, noise_ok/noise_over, source_ok/source_near/source_over,
    //! marine_data, or nodata when the status has no valid judgement (or there is no status).
    static QString classKey(const JhSite &site, const JhSiteStatus *status);
    //! What the site symbol shows: the class key when the site is online, else the state code (offline,
    //! fault, maintenance, calibration, equipment-stopped, never-reported).
    static QString styleKey(const JhSite &site, const JhSiteStatus *status);
    //! Short Chinese text of the judgement: "AQI 156", "Ⅲ类", "62.5 dB", "超标 125%", or the state's label.
    static QString label(const JhSite &site, const JhSiteStatus *status);
    //! Values of a site feature. \a alarms may be null: then the status's own alarm counts are used.
    static QVariantList siteValues(const JhSite &site, const JhSiteStatus *status, const AlarmSummary *alarms,
                                   const QDateTime &now);

    //! Values of an active alarm feature (drawn at its site); \a site may be null.
    static QVariantList alarmValues(const JhAlarm &alarm, const JhSite *site, const QDateTime &now);
    //! Values of an incident feature (level I..IV).
    static QVariantList incidentValues(const JhIncident &incident, const QDateTime &now);
    //! Values of a depot feature with its stock summary.
    static QVariantList depotValues(const JhDepot &depot);
    //! Values of a county team feature; \a activeTasks counts its tasks neither completed nor cancelled.
    static QVariantList teamValues(const JhCountyTeam &team, int activeTasks);
    //! Where a team is drawn: its base when it has one, else the seat of its first county
    //! (docs/workstation.md). False when neither is known. \a atCountySeat tells which.
    static bool teamPosition(const JhCountyTeam &team, double *longitude, double *latitude,
                             bool *atCountySeat = nullptr);
    //! CGCS2000 position of the government seat of county-level unit \a countyCode (maps/sources/admin).
    static bool countySeat(int countyCode, double *longitude, double *latitude);

    //! Roman class text: 1 -> "Ⅰ类", 6 -> "劣Ⅴ类".
    static QString waterClassText(int waterClass);
    //! Level text "none", "notice", "warning", "serious".
    static QString alarmLevelCode(const AlarmSummary &summary);
    //! State text "none", "open", "escalated", "acknowledged" (the most pressing one).
    static QString alarmStateCode(const AlarmSummary &summary);
};
