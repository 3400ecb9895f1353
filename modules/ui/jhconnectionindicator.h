// The status bar's live part: connection state, user and role, outbox count, clock in Beijing time.
#pragma once

#include "jhconnectionstate.h"

#include <QWidget>

class JhSyncClient;
class QLabel;
class QToolButton;
class QTimer;

//! Shows 在线 / 正在同步 / 离线 自 14:32 (reason in the tooltip) / 连接被拒绝, who is logged in with which
//! role, the number of commands waiting in the outbox (click: the outbox with every result), and the time in
//! Beijing (UTC+8) whatever the machine's time zone.
class JhConnectionIndicator : public QWidget
{
    Q_OBJECT
public:
    explicit JhConnectionIndicator(JhSyncClient *client, QWidget *parent = nullptr);

    QString stateText() const;
    QString outboxText() const;
    //! The clock label's text for \a utc (tests pass a fixed time).
    static QString beijingClock(const QDateTime &utc);
    //! The state text for a status (offline since shown in Beijing time).
    static QString describe(const JhConnectionStatus &status);

signals:
    void outboxRequested();

private:
    void updateState();
    void updateUser();
    void updateOutbox();

    JhSyncClient *mClient;
    QLabel *mState;
    QLabel *mUser;
    QToolButton *mOutbox;
    QLabel *mClock;
    QTimer *mClockTimer;
};
