// One QSoundEffect per alarm level, loaded once from the resources.
#include "jhqtalarmsoundplayer.h"

#include <QSoundEffect>
#include <QUrl>

static void initSoundResources()
{
    Q_INIT_RESOURCE(alarmsounds);
}

JhQtAlarmSoundPlayer::JhQtAlarmSoundPlayer(QObject *parent) : QObject(parent)
{
    initSoundResources();
    auto make = [this](const char *name) {
        auto *effect = new QSoundEffect(this);
        effect->setSource(QUrl(QStringLiteral("qrc:/jianghai/sounds/%1").arg(QLatin1String(name))));
        effect->setVolume(0.8);
        return effect;
    };
    mNotice = make("alarm-notice.wav");
    mWarning = make("alarm-warning.wav");
    mSerious = make("alarm-serious.wav");
}

void JhQtAlarmSoundPlayer::play(JhAlarmLevel level)
{
    QSoundEffect *effect = level == JhAlarmLevel::Serious   ? mSerious
                           : level == JhAlarmLevel::Warning ? mWarning
                                                            : mNotice;
    effect->stop();
    effect->play();
}
