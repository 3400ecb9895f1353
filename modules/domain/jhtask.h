// A task given to a county team for an incident.
#pragma once

#include "jhdomaintypes.h"
#include "jhtaskreport.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <tuple>

//! A dispatch task and its reports.
struct JhTask
{
    QString id;
    QString incidentId;
    QString teamId;
    QString title;
    QString instructions;
    JhTaskState state = JhTaskState::Assigned;
    QDateTime createdAt;
    QDateTime updatedAt;
    QString assignedBy;
    QString cancelReason;
    QList<JhTaskReport> reports;

    bool isFinished() const { return state == JhTaskState::Completed || state == JhTaskState::Cancelled; }

    auto tie() const
    {
        return std::tie(id, incidentId, teamId, title, instructions, state, createdAt, updatedAt, assignedBy,
                        cancelReason, reports);
    }
    bool operator==(const JhTask &other) const { return tie() == other.tie(); }
    bool operator!=(const JhTask &other) const { return !(*this == other); }
};
