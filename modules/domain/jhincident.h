// An environmental emergency incident (突发环境事件) handled by the coordinator.
#pragma once

#include "jhdomaintypes.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <tuple>

//! An incident with its level (I..IV), location and the alarms that led to it.
struct JhIncident
{
    QString id;
    QString title;
    JhIncidentType type = JhIncidentType::Other;
    JhIncidentLevel level = JhIncidentLevel::IV;
    JhIncidentStatus status = JhIncidentStatus::Open;
    double longitude = 0;
    double latitude = 0;
    int countyCode = 0;
    QString location; //!< free-text place description
    QString description;
    QStringList alarmIds;
    QDateTime openedAt;
    QDateTime updatedAt;
    QString createdBy;
    QString updatedBy;
    QString summary; //!< closing summary

    auto tie() const
    {
        return std::tie(id, title, type, level, status, longitude, latitude, countyCode, location,
                        description, alarmIds, openedAt, updatedAt, createdBy, updatedBy, summary);
    }
    bool operator==(const JhIncident &other) const { return tie() == other.tie(); }
    bool operator!=(const JhIncident &other) const { return !(*this == other); }
};
