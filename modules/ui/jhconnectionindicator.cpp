// The status bar's live part.
#include "jhconnectionindicator.h"

#include "jhsyncclient.h"

#include "jhenumnames.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QTimer>
#include <QToolButton>

namespace {
QDateTime beijing(const QDateTime &utc)
{
    return utc.toUTC().toOffsetFromUtc(8 * 3600);
}
} // namespace

JhConnectionIndicator::JhConnectionIndicator(JhSyncClient *client, QWidget *parent)
    : QWidget(parent), mClient(client), mState(new QLabel(this)), mUser(new QLabel(this)),
      mOutbox(new QToolButton(this)), mClock(new QLabel(this)), mClockTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("connectionIndicator"));
    mState->setObjectName(QStringLiteral("connectionState"));
    mUser->setObjectName(QStringLiteral("connectionUser"));
    mOutbox->setObjectName(QStringLiteral("outboxButton"));
    mClock->setObjectName(QStringLiteral("beijingClock"));
    mOutbox->setAutoRaise(true);
    mOutbox->setToolTip(
        tr("Commands waiting to be confirmed by the central service; click to see each and its result"));
    mClock->setToolTip(tr("Beijing time (UTC+8)"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(mState);
    layout->addWidget(mUser);
    layout->addWidget(mOutbox);
    layout->addWidget(mClock);
    connect(mOutbox, &QToolButton::clicked, this, &JhConnectionIndicator::outboxRequested);
    connect(client, &JhSyncClient::connectionStatusChanged, this, &JhConnectionIndicator::updateState);
    connect(client, &JhSyncClient::userChanged, this, &JhConnectionIndicator::updateUser);
    connect(client, &JhSyncClient::cacheLoaded, this, &JhConnectionIndicator::updateUser);
    connect(client, &JhSyncClient::outboxChanged, this, &JhConnectionIndicator::updateOutbox);
    connect(mClockTimer, &QTimer::timeout, this,
            [this]() { mClock->setText(beijingClock(QDateTime::currentDateTimeUtc())); });
    mClockTimer->start(1000);
    mClock->setText(beijingClock(QDateTime::currentDateTimeUtc()));
    updateState();
    updateUser();
    updateOutbox();
}

QString JhConnectionIndicator::beijingClock(const QDateTime &utc)
{
    return tr("Beijing %1").arg(beijing(utc).toString(QStringLiteral("HH:mm:ss")));
}

QString JhConnectionIndicator::describe(const JhConnectionStatus &status)
{
    switch (status.state) {
    case JhConnectionState::Live:
        return tr("Online");
    case JhConnectionState::CatchingUp:
        return tr("Syncing");
    case JhConnectionState::Connecting:
        return tr("Connecting");
    case JhConnectionState::Offline:
        return tr("Offline since %1").arg(beijing(status.since).toString(QStringLiteral("HH:mm")));
    case JhConnectionState::Refused:
        return tr("Refused by the central service");
    case JhConnectionState::Stopped:
        return tr("Not connected");
    }
    return QString();
}

QString JhConnectionIndicator::stateText() const
{
    return mState->text();
}

QString JhConnectionIndicator::outboxText() const
{
    return mOutbox->text();
}

void JhConnectionIndicator::updateState()
{
    const JhConnectionStatus status = mClient->connectionStatus();
    mState->setText(describe(status));
    const bool chinese = tr("Online") != QLatin1String("Online");
    const QString reason = chinese ? status.reasonZh : status.reasonEn;
    QString tip = status.url;
    if (!reason.isEmpty())
        tip += QStringLiteral("\n") + reason;
    if (status.state == JhConnectionState::Offline && status.retryInMs >= 0)
        tip += QStringLiteral("\n") + tr("Next attempt in %1 s").arg((status.retryInMs + 999) / 1000);
    mState->setToolTip(tip);
    const char *colour = status.state == JhConnectionState::Live         ? "#1b7f3a"
                         : status.state == JhConnectionState::CatchingUp ? "#1d5fa8"
                         : status.state == JhConnectionState::Refused    ? "#b00020"
                                                                         : "#b35c00";
    mState->setStyleSheet(
        QStringLiteral("QLabel { color: %1; font-weight: bold; }").arg(QLatin1String(colour)));
}

void JhConnectionIndicator::updateUser()
{
    const JhUser user = mClient->user();
    if (user.id.isEmpty()) {
        mUser->clear();
        return;
    }
    mUser->setText(
        QStringLiteral("%1（%2）")
            .arg(user.displayName.isEmpty() ? user.id : user.displayName, JhEnumNames::labelZh(user.role)));
    mUser->setToolTip(tr("Logged in as %1").arg(user.id));
}

void JhConnectionIndicator::updateOutbox()
{
    const int pending = mClient->pendingCommandCount();
    mOutbox->setText(tr("Outbox %1").arg(pending));
    mOutbox->setStyleSheet(pending > 0 ? QStringLiteral("QToolButton { color: #b35c00; font-weight: bold; }")
                                       : QString());
}
