// The one table of wire codes and Chinese labels for every domain enumeration.
#pragma once

#include "jhdomaintypes.h"

#include <QString>

//! Maps each domain enum to its stable wire code (used in JSON, SQL and the scenario) and a Chinese label.
class JhEnumNames
{
public:
#define JH_ENUM_NAMES_DECLARE(Enum)                                                                          \
    static QString code(Enum value);                                                                         \
    static QString labelZh(Enum value);                                                                      \
    static bool parse(const QString &code, Enum &value);

    JH_ENUM_NAMES_DECLARE(JhSiteKind)
    JH_ENUM_NAMES_DECLARE(JhWaterBodyType)
    JH_ENUM_NAMES_DECLARE(JhHj212Version)
    JH_ENUM_NAMES_DECLARE(JhIntervalKind)
    JH_ENUM_NAMES_DECLARE(JhSiteState)
    JH_ENUM_NAMES_DECLARE(JhAlarmLevel)
    JH_ENUM_NAMES_DECLARE(JhAlarmState)
    JH_ENUM_NAMES_DECLARE(JhIncidentType)
    JH_ENUM_NAMES_DECLARE(JhIncidentLevel)
    JH_ENUM_NAMES_DECLARE(JhIncidentStatus)
    JH_ENUM_NAMES_DECLARE(JhTaskState)
    JH_ENUM_NAMES_DECLARE(JhTeamStatus)
    JH_ENUM_NAMES_DECLARE(JhItemCategory)
    JH_ENUM_NAMES_DECLARE(JhRole)
    JH_ENUM_NAMES_DECLARE(JhCommandType)
    JH_ENUM_NAMES_DECLARE(JhEventType)
#undef JH_ENUM_NAMES_DECLARE
};
