// What the alarms panel calls to sound an alarm: an interface, so headless tests count instead of play.
#pragma once

#include "jhdomaintypes.h"

//! Plays the tone of one alarm level. JhQtAlarmSoundPlayer plays the shipped WAV files; a test counts calls.
class JhAlarmSoundPlayer
{
public:
    virtual ~JhAlarmSoundPlayer() = default;
    virtual void play(JhAlarmLevel level) = 0;
};
