// The 任务 dock: tasks of the selected incident (or all), assign / cancel for the coordinator, the steps for
// a team.
#pragma once

#include "jhdomaintypes.h"
#include "jhoutboxentry.h"
#include "jhtask.h"
#include "jhtaskdialog.h"

#include <QHash>
#include <QJsonObject>
#include <QWidget>

class JhSyncClient;
class JhTaskTableModel;
struct JhStateChange;
class QCheckBox;
class QLabel;
class QSortFilterProxyModel;
class QTableView;
class QToolButton;

//! Shows the client's tasks, updated from the ids each stateChanged names: those of the incident set with
//! setIncident() unless "all incidents" is checked. A county-team user sees only its own team's tasks (or,
//! with "only my team" unchecked, its own first) and may accept, report en route / on site and complete (with
//! notes) only those; a coordinator assigns and cancels. Buttons follow the role and the task's state;
//! central's answer shows in the status line. JhTask has no due time, so nothing is flagged overdue.
class JhTaskPanel : public QWidget
{
    Q_OBJECT

public:
    explicit JhTaskPanel(JhSyncClient *client, QWidget *parent = nullptr);

    JhTaskTableModel *model() const { return mModel; }
    QSortFilterProxyModel *proxy() const { return mProxy; }
    QTableView *view() const { return mView; }
    QCheckBox *allIncidentsBox() const { return mAllIncidents; }
    //! County-team users only: show just the own team's tasks (checked by default).
    QCheckBox *ownTeamOnlyBox() const { return mOwnTeamOnly; }
    QToolButton *button(JhTaskDialog::Mode mode) const { return mButtons.value(int(mode)); }
    QLabel *statusLabel() const { return mStatus; }
    QString incidentId() const { return mIncidentId; }

    QString currentTaskId() const;
    //! Makes \a taskId the current row; false when it is not shown.
    bool selectTask(const QString &taskId);

    //! Whether the client's user may take step \a mode on \a task now (role table of docs/domain.md, team
    //! scope, and the task's state). Assign ignores \a task.
    bool canAct(JhTaskDialog::Mode mode, const JhTask &task) const;

    //! Sends a command and tracks its answer in the status line; returns its id.
    QString submitCommand(JhCommandType type, const QJsonObject &payload);

public slots:
    //! Shows the tasks of \a incidentId (empty: all) and preselects it for a new task.
    void setIncident(const QString &incidentId);
    void setShowAllIncidents(bool all);
    void setOwnTeamOnly(bool only);
    //! Opens the dialog of step \a mode for the current task (or a new one for Assign).
    void act(JhTaskDialog::Mode mode);

private:
    void onStateChanged(const JhStateChange &change);
    void onCommandAnswered(const JhOutboxEntry &entry);
    void onUserChanged();
    void updateFilter();
    void updateActions();
    const JhTask *currentTask() const;

    JhSyncClient *mClient = nullptr;
    JhTaskTableModel *mModel = nullptr;
    QSortFilterProxyModel *mProxy = nullptr;
    QTableView *mView = nullptr;
    QCheckBox *mAllIncidents = nullptr;
    QCheckBox *mOwnTeamOnly = nullptr;
    QLabel *mFilterLabel = nullptr;
    QHash<int, QToolButton *> mButtons; //!< int(JhTaskDialog::Mode) -> button
    QLabel *mStatus = nullptr;
    QString mIncidentId;
    QHash<QString, QString> mCommandTargets; //!< command id -> task id (or title), until answered
    QHash<QString, JhCommandType> mCommandTypes;
};
