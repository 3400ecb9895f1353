// The 突发事件 dock: the incidents table, the selected incident's timeline, and create / update / close by
// role.
#pragma once

#include "jhdomaintypes.h"
#include "jhevent.h"
#include "jhincident.h"
#include "jhoutboxentry.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QWidget>

class JhIncidentTableModel;
class JhSyncClient;
struct JhStateChange;
class QCheckBox;
class QLabel;
class QSortFilterProxyModel;
class QTableView;
class QTableWidget;
class QToolButton;

//! Shows every incident of the client (open ones first, closed ones hidden unless asked for), updated from
//! the ids each stateChanged names. Selecting one shows its timeline (created, linked alarms, updates seen,
//! tasks and their reports, closing) and emits incidentActivated(). New / update / close go through
//! JhSyncClient::submit as the user's role allows (docs/domain.md); central's answer shows in the status
//! line.
class JhIncidentPanel : public QWidget
{
    Q_OBJECT

public:
    explicit JhIncidentPanel(JhSyncClient *client, QWidget *parent = nullptr);

    JhIncidentTableModel *model() const { return mModel; }
    QSortFilterProxyModel *proxy() const { return mProxy; }
    QTableView *view() const { return mView; }
    QTableWidget *timeline() const { return mTimeline; }
    QCheckBox *showClosedBox() const { return mShowClosed; }
    QToolButton *createButton() const { return mCreate; }
    QToolButton *updateButton() const { return mUpdate; }
    QToolButton *closeButton() const { return mClose; }
    QLabel *statusLabel() const { return mStatus; }

    QString currentIncidentId() const;
    //! Makes \a incidentId the current row; false when it is not shown (closed and hidden).
    bool selectIncident(const QString &incidentId);

    //! What the client's user may do (role table of docs/domain.md, and the incident's status). Closing is
    //! offered while tasks are open: central refuses it and the status line says why.
    bool canCreate() const;
    bool canUpdate(const JhIncident &incident) const;
    bool canClose(const JhIncident &incident) const;

    //! Sends a command and tracks its answer in the status line; returns its id.
    QString submitCommand(JhCommandType type, const QJsonObject &payload);

    //! Position a new incident starts from (e.g. the map's last click); CGCS2000 degrees.
    double proposedLongitude() const { return mLongitude; }
    double proposedLatitude() const { return mLatitude; }

public slots:
    void setProposedLocation(double longitude, double latitude);
    void setShowClosed(bool show);
    void createIncident();
    void updateCurrent();
    void closeCurrent();
    //! Rebuilds the timeline of the current incident.
    void refreshTimeline();

signals:
    //! The user selected an incident (the tasks dock follows; the map may zoom to it).
    void incidentActivated(const QString &incidentId);

private:
    void onStateChanged(const JhStateChange &change);
    void onCommandAnswered(const JhOutboxEntry &entry);
    void updateActions();
    const JhIncident *currentIncident() const;

    JhSyncClient *mClient = nullptr;
    JhIncidentTableModel *mModel = nullptr;
    QSortFilterProxyModel *mProxy = nullptr;
    QTableView *mView = nullptr;
    QTableWidget *mTimeline = nullptr;
    QLabel *mTimelineTitle = nullptr;
    QCheckBox *mShowClosed = nullptr;
    QToolButton *mCreate = nullptr;
    QToolButton *mUpdate = nullptr;
    QToolButton *mClose = nullptr;
    QLabel *mStatus = nullptr;
    double mLongitude = 120.894; // 南通市区
    double mLatitude = 31.981;
    QHash<QString, QList<JhEvent>> mUpdates; //!< incident.updated events seen in this run, per incident
    QHash<QString, QString> mCommandTargets; //!< command id -> incident id (or title), until answered
    QHash<QString, JhCommandType> mCommandTypes;
};
