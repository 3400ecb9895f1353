// One progress report on a task (text, optional position, the state it moved to).
#pragma once

#include "jhdomaintypes.h"

#include <QDateTime>
#include <QString>
#include <tuple>

//! A progress report written by the team (or the coordinator) on a task.
struct JhTaskReport
{
    QDateTime time;
    QString author;
    JhTaskState state = JhTaskState::Assigned; //!< task state after the report
    QString text;
    bool hasPosition = false;
    double longitude = 0;
    double latitude = 0;

    auto tie() const { return std::tie(time, author, state, text, hasPosition, longitude, latitude); }
    bool operator==(const JhTaskReport &other) const { return tie() == other.tie(); }
    bool operator!=(const JhTaskReport &other) const { return !(*this == other); }
};
