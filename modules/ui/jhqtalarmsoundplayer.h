// The real alarm sound: one QSoundEffect per level over the WAV files in the resources.
#pragma once

#include "jhalarmsoundplayer.h"

#include <QObject>

class QSoundEffect;

//! Plays :/jianghai/sounds/alarm-{notice,warning,serious}.wav (tools/sounds/make-alarm-sounds.py).
class JhQtAlarmSoundPlayer : public QObject, public JhAlarmSoundPlayer
{
    Q_OBJECT

public:
    explicit JhQtAlarmSoundPlayer(QObject *parent = nullptr);
    void play(JhAlarmLevel level) override;

private:
    QSoundEffect *mNotice = nullptr;
    QSoundEffect *mWarning = nullptr;
    QSoundEffect *mSerious = nullptr;
};
