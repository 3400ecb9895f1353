// Turns a valid command and the current state into events, or a rejection with a reason.
#pragma once

#include "jhcommand.h"
#include "jhcommandresult.h"
#include "jhuser.h"

#include <QDateTime>

class JhWorldState;

//! The decision half of command handling. Pure: time is passed in, the state is not changed (the caller
//! stores the events, then folds them into the state). Events carry sequence 0 until stored.
class JhCommandHandler
{
public:
    static JhCommandResult handle(const JhCommand &command, const JhUser &user, const JhWorldState &state,
                                  const QDateTime &now);

    //! System event for the alarm engine: a new alarm with the next alarm id.
    static JhEvent alarmOpened(const JhWorldState &state, const QString &siteId, const QString &factorCode,
                               const QString &ruleId, JhAlarmLevel level, double value,
                               const QString &message, const QDateTime &now);
    //! System event for the alarm engine: a more severe verdict for an active alarm (value and message of
    //! that verdict, \a dataTime = data time of the observation judged).
    static JhEvent alarmLevelRaised(const QString &alarmId, JhAlarmLevel previousLevel, JhAlarmLevel level,
                                    double value, const QDateTime &dataTime, const QString &message,
                                    const QDateTime &now);
    //! System event for the alarm engine: auto-close after normal intervals.
    static JhEvent alarmClosedBySystem(const QString &alarmId, const QString &reason, const QDateTime &now);
};
