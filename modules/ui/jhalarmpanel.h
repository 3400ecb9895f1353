// The 告警 dock: the live alarm table with filters, counts, actions by role, command results and sound.
#pragma once

#include "jhalarm.h"
#include "jhdomaintypes.h"
#include "jhoutboxentry.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QWidget>

#include <functional>

class JhAlarmFilterProxyModel;
class JhAlarmSoundPlayer;
class JhAlarmTableModel;
class JhSyncClient;
struct JhStateChange;
class QComboBox;
class QLabel;
class QTableView;
class QTimer;
class QToolButton;

//! Shows the client's alarms (updated from stateChanged's alarm ids only), lets the user acknowledge,
//! escalate or close the selected one as their role allows (docs/domain.md), shows what central answered,
//! and sounds new or raised alarms through a JhAlarmSoundPlayer unless silenced. Selecting a row emits
//! siteActivated(); Enter emits detailsRequested().
class JhAlarmPanel : public QWidget
{
    Q_OBJECT

public:
    //! \a player may be null (no sound); the panel does not own it.
    JhAlarmPanel(JhSyncClient *client, JhAlarmSoundPlayer *player, QWidget *parent = nullptr);

    //! The clock for ages, the silence and "recent" events (tests inject one; default: the system clock).
    void setClock(const std::function<QDateTime()> &clock);
    QDateTime now() const { return mClock(); }

    JhAlarmTableModel *model() const { return mModel; }
    JhAlarmFilterProxyModel *proxy() const { return mProxy; }
    QTableView *view() const { return mView; }
    QToolButton *acknowledgeButton() const { return mAcknowledge; }
    QToolButton *escalateButton() const { return mEscalate; }
    QToolButton *closeButton() const { return mClose; }
    QLabel *countsLabel() const { return mCounts; }
    QLabel *silenceLabel() const { return mSilence; }
    QLabel *statusLabel() const { return mStatus; }

    //! Id of the alarm of the current row, empty when none.
    QString currentAlarmId() const;
    //! Makes \a alarmId the current row (if it passes the filters); false when it is not shown.
    bool selectAlarm(const QString &alarmId);

    //! What the client's user may do with \a alarm (role table of docs/domain.md, and the alarm's state).
    bool canAcknowledge(const JhAlarm &alarm) const;
    bool canEscalate(const JhAlarm &alarm) const;
    bool canClose(const JhAlarm &alarm) const;

    //! Sends a command for \a alarmId and tracks its answer in the table and the status line; returns its id.
    QString submitCommand(JhCommandType type, const QJsonObject &payload);

    //! Silences new-alarm sounds until now + \a minutes (0 ends the silence).
    void silenceFor(int minutes);
    QDateTime silencedUntil() const { return mSilencedUntil; }
    bool isSilenced() const;

    //! Events newer than this (relative to now()) sound even before the first sync.
    static int recentEventSeconds() { return 300; }

public slots:
    void acknowledgeCurrent();
    void escalateCurrent();
    void closeCurrent();
    //! Emits detailsRequested for the current row.
    void showCurrentDetails();
    //! Re-reads the clock: ages and the silence line.
    void tick();

signals:
    //! The user selected an alarm of \a siteId (the map zooms to it).
    void siteActivated(const QString &siteId);
    //! Enter / double-click: show the site's details.
    void detailsRequested(const QString &siteId);

private:
    void onStateChanged(const JhStateChange &change);
    void onCommandAnswered(const JhOutboxEntry &entry);
    void soundFor(const JhStateChange &change);
    void updateActions();
    void updateCounts();
    void updateSilenceLabel();
    void openDialog(int mode);
    void fillFilters();
    const JhAlarm *currentAlarm() const;

    JhSyncClient *mClient = nullptr;
    JhAlarmSoundPlayer *mPlayer = nullptr;
    std::function<QDateTime()> mClock;
    JhAlarmTableModel *mModel = nullptr;
    JhAlarmFilterProxyModel *mProxy = nullptr;
    QTableView *mView = nullptr;
    QLabel *mCounts = nullptr;
    QLabel *mSilence = nullptr;
    QLabel *mStatus = nullptr;
    QToolButton *mSilenceButton = nullptr;
    QToolButton *mAcknowledge = nullptr;
    QToolButton *mEscalate = nullptr;
    QToolButton *mClose = nullptr;
    QToolButton *mDetails = nullptr;
    QComboBox *mCountyFilter = nullptr;
    QComboBox *mKindFilter = nullptr;
    QComboBox *mRuleFilter = nullptr;
    QComboBox *mStateFilter = nullptr;
    QComboBox *mLevelFilter = nullptr;
    QTimer *mTimer = nullptr;
    QDateTime mSilencedUntil;
    QHash<QString, QString> mCommandAlarms; //!< command id -> alarm id, until answered
    QHash<QString, JhCommandType> mCommandTypes;
};
