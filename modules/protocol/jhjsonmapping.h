// The one JSON mapping of every domain type used on the wire (workstation <-> central) and in snapshots.
#pragma once

#include "jhprotocolerror.h"

#include "jhalarm.h"
#include "jhcatalogueitem.h"
#include "jhcommand.h"
#include "jhcommandresult.h"
#include "jhcountyteam.h"
#include "jhdepot.h"
#include "jhevent.h"
#include "jhfactor.h"
#include "jhincident.h"
#include "jhindustrialpark.h"
#include "jhobservation.h"
#include "jhseriesquery.h"
#include "jhseriesresult.h"
#include "jhsite.h"
#include "jhsitestatus.h"
#include "jhtask.h"
#include "jhuser.h"
#include "jhworldstate.h"

#include <QJsonObject>

//! toJson/fromJson for each domain type. fromJson returns false and fills \a error (naming the field) when
//! a required field is missing or has the wrong type or an unknown code; \a value is then unspecified.
//! Field names are camelCase; enums use their JhEnumNames codes; instants are ISO 8601 UTC strings.
class JhJsonMapping
{
public:
#define JH_JSON_MAPPING_DECLARE(Type)                                                                        \
    static QJsonObject toJson(const Type &value);                                                            \
    static bool fromJson(const QJsonObject &json, Type &value, JhProtocolError *error = nullptr);

    JH_JSON_MAPPING_DECLARE(JhPermittedLimit)
    JH_JSON_MAPPING_DECLARE(JhSite)
    JH_JSON_MAPPING_DECLARE(JhFactor)
    JH_JSON_MAPPING_DECLARE(JhObservation)
    JH_JSON_MAPPING_DECLARE(JhFactorStatus)
    JH_JSON_MAPPING_DECLARE(JhAirJudgement)
    JH_JSON_MAPPING_DECLARE(JhWaterJudgement)
    JH_JSON_MAPPING_DECLARE(JhNoiseJudgement)
    JH_JSON_MAPPING_DECLARE(JhSourceJudgement)
    //! The live status of a site (site-status messages). Only the judgement of the site's kind is written
    //! ("air", "water", "noise" or "source"), and only when it is valid; worstLevel only with open alarms.
    JH_JSON_MAPPING_DECLARE(JhSiteStatus)
    JH_JSON_MAPPING_DECLARE(JhAlarm)
    JH_JSON_MAPPING_DECLARE(JhIncident)
    JH_JSON_MAPPING_DECLARE(JhCountyTeam)
    JH_JSON_MAPPING_DECLARE(JhTaskReport)
    JH_JSON_MAPPING_DECLARE(JhTask)
    JH_JSON_MAPPING_DECLARE(JhCatalogueItem)
    JH_JSON_MAPPING_DECLARE(JhInventoryItem)
    JH_JSON_MAPPING_DECLARE(JhDepot)
    JH_JSON_MAPPING_DECLARE(JhUser)
    JH_JSON_MAPPING_DECLARE(JhIndustrialPark)
    JH_JSON_MAPPING_DECLARE(JhCommand)
    JH_JSON_MAPPING_DECLARE(JhEvent)
    JH_JSON_MAPPING_DECLARE(JhCommandResult)
    //! A time-series query; \a error names the field at fault (error->field) for an invalid-query answer.
    JH_JSON_MAPPING_DECLARE(JhSeriesQuery)
    //! A time-series answer (points, gaps, limit lines per factor, or the AQI hours), or its error.
    JH_JSON_MAPPING_DECLARE(JhSeriesResult)
    //! The whole state for a snapshot: reference data, operational objects and lastSequence. Site passwords
    //! are left out (they never leave the central service in a snapshot).
    JH_JSON_MAPPING_DECLARE(JhWorldState)
#undef JH_JSON_MAPPING_DECLARE
};
