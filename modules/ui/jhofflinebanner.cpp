// The offline banner over the map.
#include "jhofflinebanner.h"

#include "jhsyncclient.h"

#include <QEvent>

JhOfflineBanner::JhOfflineBanner(JhSyncClient *client, QWidget *mapWidget)
    : QLabel(mapWidget), mClient(client), mMap(mapWidget)
{
    setObjectName(QStringLiteral("offlineBanner"));
    setAlignment(Qt::AlignCenter);
    setWordWrap(true);
    setAttribute(Qt::WA_TransparentForMouseEvents);
    mapWidget->installEventFilter(this);
    connect(client, &JhSyncClient::connectionStatusChanged, this, &JhOfflineBanner::update);
    connect(client, &JhSyncClient::cacheLoaded, this, &JhOfflineBanner::update);
    update();
}

bool JhOfflineBanner::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == mMap && event->type() == QEvent::Resize)
        place();
    return QLabel::eventFilter(watched, event);
}

void JhOfflineBanner::place()
{
    setGeometry(0, 0, mMap->width(), sizeHint().height() + 12);
    raise();
}

void JhOfflineBanner::update()
{
    const JhConnectionStatus status = mClient->connectionStatus();
    if (status.state == JhConnectionState::Live) {
        hide();
        return;
    }
    const bool chinese = tr("Offline") != QLatin1String("Offline");
    const QString reason = chinese ? status.reasonZh : status.reasonEn;
    const QDateTime cached = mClient->cacheSavedAt();
    QString text;
    if (status.state == JhConnectionState::CatchingUp || status.state == JhConnectionState::Connecting) {
        if (mClient->hasSynced() || !cached.isValid()) {
            text = tr("Syncing with the central service …");
        } else {
            text = tr("Not yet synced: the map shows the state of %1 (cached)")
                       .arg(cached.toOffsetFromUtc(8 * 3600).toString(QStringLiteral("MM-dd HH:mm")));
        }
        setStyleSheet(QStringLiteral(
            "QLabel { background: rgba(29, 95, 168, 220); color: white; font-weight: bold; padding: 4px; }"));
    } else {
        const QString age =
            cached.isValid()
                ? tr("the map shows the state of %1 (cached)")
                      .arg(cached.toOffsetFromUtc(8 * 3600).toString(QStringLiteral("MM-dd HH:mm")))
                : tr("no cached state yet");
        text = status.state == JhConnectionState::Refused
                   ? tr("Refused by the central service: %1 — %2").arg(reason, age)
                   : tr("Offline since %1: %2 — %3")
                         .arg(status.since.toOffsetFromUtc(8 * 3600).toString(QStringLiteral("HH:mm")),
                              reason, age);
        setStyleSheet(QStringLiteral(
            "QLabel { background: rgba(176, 0, 32, 230); color: white; font-weight: bold; padding: 4px; }"));
    }
    setText(text);
    place();
    show();
}
