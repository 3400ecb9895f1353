// The tasks dock: table filtered by incident, role- and state-bound actions with their answers.
#include "jhtaskpanel.h"

#include "jhenumnames.h"
#include "jhsyncclient.h"
#include "jhtasktablemodel.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

JhTaskPanel::JhTaskPanel(JhSyncClient *client, QWidget *parent) : QWidget(parent), mClient(client)
{
    setObjectName(QStringLiteral("taskPanel"));
    mModel = new JhTaskTableModel(this);
    mProxy = new QSortFilterProxyModel(this);
    mProxy->setSourceModel(mModel);
    mProxy->setSortRole(JhTaskTableModel::SortRole);
    mProxy->setFilterRole(JhTaskTableModel::FilterKeyRole);
    mProxy->setFilterKeyColumn(0);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);

    auto *header = new QHBoxLayout;
    mFilterLabel = new QLabel(this);
    mFilterLabel->setObjectName(QStringLiteral("taskFilterLabel"));
    QFont bold = mFilterLabel->font();
    bold.setBold(true);
    mFilterLabel->setFont(bold);
    header->addWidget(mFilterLabel, 1);
    mAllIncidents = new QCheckBox(tr("All incidents"), this);
    mAllIncidents->setObjectName(QStringLiteral("taskAllIncidents"));
    mAllIncidents->setChecked(true);
    header->addWidget(mAllIncidents);
    mOwnTeamOnly = new QCheckBox(tr("Only my team"), this);
    mOwnTeamOnly->setObjectName(QStringLiteral("taskOwnTeamOnly"));
    mOwnTeamOnly->setChecked(true);
    mOwnTeamOnly->setVisible(false);
    header->addWidget(mOwnTeamOnly);
    layout->addLayout(header);

    mView = new QTableView(this);
    mView->setObjectName(QStringLiteral("taskTable"));
    mView->setModel(mProxy);
    mView->setSortingEnabled(true);
    mView->sortByColumn(JhTaskTableModel::IdColumn, Qt::AscendingOrder);
    mView->setSelectionBehavior(QAbstractItemView::SelectRows);
    mView->setSelectionMode(QAbstractItemView::SingleSelection);
    mView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    mView->setAlternatingRowColors(true);
    mView->setWordWrap(false);
    mView->verticalHeader()->hide();
    mView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    mView->verticalHeader()->setDefaultSectionSize(mView->fontMetrics().height() + 6);
    mView->horizontalHeader()->setStretchLastSection(true);
    const int characters[] = {11, 26, 20, 24, 8, 17};
    const int unit = mView->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    for (int column = 0; column < JhTaskTableModel::ColumnCount; ++column)
        mView->setColumnWidth(column, characters[column] * unit);
    layout->addWidget(mView, 1);

    auto *actions = new QHBoxLayout;
    const struct
    {
        JhTaskDialog::Mode mode;
        const char *name;
    } buttons[] = {
        {JhTaskDialog::Mode::Assign, "taskAssign"},     {JhTaskDialog::Mode::Accept, "taskAccept"},
        {JhTaskDialog::Mode::EnRoute, "taskEnRoute"},   {JhTaskDialog::Mode::OnSite, "taskOnSite"},
        {JhTaskDialog::Mode::Complete, "taskComplete"}, {JhTaskDialog::Mode::Cancel, "taskCancel"}};
    for (const auto &entry : buttons) {
        auto *button = new QToolButton(this);
        button->setObjectName(QLatin1String(entry.name));
        button->setText(JhTaskDialog::actionLabel(entry.mode));
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        const JhTaskDialog::Mode mode = entry.mode;
        connect(button, &QToolButton::clicked, this, [this, mode]() { act(mode); });
        mButtons.insert(int(mode), button);
        actions->addWidget(button);
    }
    mStatus = new QLabel(this);
    mStatus->setObjectName(QStringLiteral("taskStatus"));
    mStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    actions->addWidget(mStatus, 1);
    layout->addLayout(actions);

    connect(mAllIncidents, &QCheckBox::toggled, this, &JhTaskPanel::setShowAllIncidents);
    connect(mOwnTeamOnly, &QCheckBox::toggled, this, &JhTaskPanel::setOwnTeamOnly);
    connect(mView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &JhTaskPanel::updateActions);
    connect(mModel, &QAbstractItemModel::dataChanged, this, &JhTaskPanel::updateActions);

    if (mClient) {
        connect(mClient, &JhSyncClient::stateChanged, this, &JhTaskPanel::onStateChanged);
        connect(mClient, &JhSyncClient::commandAnswered, this, &JhTaskPanel::onCommandAnswered);
        connect(mClient, &JhSyncClient::userChanged, this, &JhTaskPanel::onUserChanged);
        connect(mClient, &JhSyncClient::submitFailed, this,
                [this](const QStringList &ids, const QString &message) {
                    bool mine = false;
                    for (const QString &id : ids)
                        mine = mCommandTargets.remove(id) > 0 || mine;
                    if (mine)
                        mStatus->setText(tr("Not sent: %1").arg(message));
                });
        mModel->resetFrom(mClient->state());
    }
    onUserChanged();
}

void JhTaskPanel::onUserChanged()
{
    const bool team = mClient && mClient->user().role == JhRole::CountyTeam;
    mModel->setOwnTeam(team ? mClient->user().teamId : QString());
    mOwnTeamOnly->setVisible(team);
    mProxy->invalidate(); // the own team's tasks sort first
    updateFilter();
    // A team never assigns or cancels, a coordinator never accepts or completes: hide what cannot apply.
    const JhRole role = mClient ? mClient->user().role : JhRole::Viewer;
    const bool coordinator = role == JhRole::EmergencyCoordinator;
    mButtons.value(int(JhTaskDialog::Mode::Assign))->setVisible(!team);
    mButtons.value(int(JhTaskDialog::Mode::Cancel))->setVisible(!team);
    for (JhTaskDialog::Mode mode : {JhTaskDialog::Mode::Accept, JhTaskDialog::Mode::EnRoute,
                                    JhTaskDialog::Mode::OnSite, JhTaskDialog::Mode::Complete})
        mButtons.value(int(mode))->setVisible(!coordinator);
    updateActions();
}

void JhTaskPanel::setIncident(const QString &incidentId)
{
    mIncidentId = incidentId;
    if (!incidentId.isEmpty() && mAllIncidents->isChecked())
        mAllIncidents->setChecked(false); // toggled() updates the filter
    else
        updateFilter();
}

void JhTaskPanel::setShowAllIncidents(bool all)
{
    if (mAllIncidents->isChecked() != all)
        mAllIncidents->setChecked(all);
    updateFilter();
}

void JhTaskPanel::setOwnTeamOnly(bool only)
{
    if (mOwnTeamOnly->isChecked() != only)
        mOwnTeamOnly->setChecked(only);
    updateFilter();
}

void JhTaskPanel::updateFilter()
{
    const bool all = mAllIncidents->isChecked() || mIncidentId.isEmpty();
    const QString team = mModel->ownTeam();
    const bool ownOnly = !team.isEmpty() && mOwnTeamOnly->isChecked();
    // The filter key is "<incident>\x1f<team>".
    mProxy->setFilterRegularExpression(
        QStringLiteral("^%1\\x1f%2$")
            .arg(all ? QStringLiteral("[^\\x1f]*") : QRegularExpression::escape(mIncidentId),
                 ownOnly ? QRegularExpression::escape(team) : QStringLiteral(".*")));
    if (all) {
        mFilterLabel->setText(tr("Tasks of all incidents"));
    } else {
        const JhIncident *incident = mClient ? mClient->state().incident(mIncidentId) : nullptr;
        mFilterLabel->setText(tr("Tasks of %1 %2").arg(mIncidentId, incident ? incident->title : QString()));
    }
    updateActions();
}

QString JhTaskPanel::currentTaskId() const
{
    const QModelIndex current = mView->selectionModel()->currentIndex();
    return current.isValid() ? current.data(JhTaskTableModel::TaskIdRole).toString() : QString();
}

const JhTask *JhTaskPanel::currentTask() const
{
    const QModelIndex current = mView->selectionModel()->currentIndex();
    return current.isValid() ? mModel->taskAt(mProxy->mapToSource(current).row()) : nullptr;
}

bool JhTaskPanel::selectTask(const QString &taskId)
{
    const int row = mModel->rowOf(taskId);
    if (row < 0)
        return false;
    const QModelIndex index = mProxy->mapFromSource(mModel->index(row, 0));
    if (!index.isValid())
        return false;
    mView->selectionModel()->setCurrentIndex(index,
                                             QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    mView->scrollTo(index);
    return true;
}

bool JhTaskPanel::canAct(JhTaskDialog::Mode mode, const JhTask &task) const
{
    if (!mClient)
        return false;
    const JhUser user = mClient->user();
    const bool coordinator = user.role == JhRole::EmergencyCoordinator;
    const bool ownTeam =
        user.role == JhRole::CountyTeam && !user.teamId.isEmpty() && task.teamId == user.teamId;
    switch (mode) {
    case JhTaskDialog::Mode::Assign:
        return coordinator;
    case JhTaskDialog::Mode::Cancel:
        return coordinator && !task.isFinished();
    case JhTaskDialog::Mode::Accept:
        return ownTeam && task.state == JhTaskState::Assigned;
    case JhTaskDialog::Mode::EnRoute:
        return ownTeam && task.state == JhTaskState::Accepted;
    case JhTaskDialog::Mode::OnSite:
        return ownTeam && (task.state == JhTaskState::Accepted || task.state == JhTaskState::EnRoute);
    case JhTaskDialog::Mode::Complete:
        return ownTeam && !task.isFinished() && task.state != JhTaskState::Assigned;
    }
    return false;
}

void JhTaskPanel::updateActions()
{
    const JhTask *task = currentTask();
    for (auto it = mButtons.constBegin(); it != mButtons.constEnd(); ++it) {
        const auto mode = JhTaskDialog::Mode(it.key());
        it.value()->setEnabled(mode == JhTaskDialog::Mode::Assign ? canAct(mode, JhTask())
                                                                  : task && canAct(mode, *task));
    }
}

void JhTaskPanel::onStateChanged(const JhStateChange &change)
{
    mModel->applyChange(mClient->state(), change);
    if (change.replaced || change.incidentIds.contains(mIncidentId))
        updateFilter();
    updateActions();
}

QString JhTaskPanel::submitCommand(JhCommandType type, const QJsonObject &payload)
{
    if (!mClient)
        return QString();
    QString target = payload.value(QStringLiteral("taskId")).toString();
    if (target.isEmpty())
        target = payload.value(QStringLiteral("title")).toString();
    const QString id = mClient->submit(type, payload);
    mCommandTargets.insert(id, target);
    mCommandTypes.insert(id, type);
    mStatus->setStyleSheet(QString());
    mStatus->setText(tr("%1 %2: sending").arg(JhEnumNames::labelZh(type), target));
    return id;
}

void JhTaskPanel::onCommandAnswered(const JhOutboxEntry &entry)
{
    const auto found = mCommandTargets.constFind(entry.command.id);
    if (found == mCommandTargets.constEnd())
        return;
    const QString target = *found;
    mCommandTargets.remove(entry.command.id);
    const JhCommandType type = mCommandTypes.take(entry.command.id);
    if (entry.state == JhOutboxEntry::State::Accepted) {
        mStatus->setStyleSheet(QString());
        mStatus->setText(tr("%1 %2: accepted").arg(JhEnumNames::labelZh(type), target));
    } else {
        const QString reason =
            entry.result.messageZh.isEmpty() ? entry.result.messageEn : entry.result.messageZh;
        mStatus->setStyleSheet(QStringLiteral("color: #c62828;"));
        mStatus->setText(tr("%1 %2: refused: %3").arg(JhEnumNames::labelZh(type), target, reason));
    }
}

void JhTaskPanel::act(JhTaskDialog::Mode mode)
{
    QToolButton *button = mButtons.value(int(mode));
    if (!mClient || !button || !button->isEnabled())
        return;
    JhTask task;
    if (mode != JhTaskDialog::Mode::Assign) {
        const JhTask *current = currentTask();
        if (!current)
            return;
        task = *current; // the row may change while the dialog is open
    }
    JhTaskDialog dialog(mode, task, mClient->state(), mIncidentId, this);
    if (dialog.exec() == QDialog::Accepted)
        submitCommand(dialog.commandType(), dialog.payload());
}
