// The incidents dock: table, timeline of the selected incident, role-bound actions with their answers.
#include "jhincidentpanel.h"

#include "jhenumnames.h"
#include "jhincidentdialog.h"
#include "jhincidenttablemodel.h"
#include "jhlivelabels.h"
#include "jhsyncclient.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace {
QToolButton *actionButton(const QString &text, const QString &tip, const QString &name, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(name);
    button->setText(text);
    button->setToolTip(tip);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return button;
}

struct TimelineEntry
{
    QDateTime time;
    QString actor;
    QString text;
};
} // namespace

JhIncidentPanel::JhIncidentPanel(JhSyncClient *client, QWidget *parent) : QWidget(parent), mClient(client)
{
    setObjectName(QStringLiteral("incidentPanel"));
    mModel = new JhIncidentTableModel(this);
    mProxy = new QSortFilterProxyModel(this);
    mProxy->setSourceModel(mModel);
    mProxy->setSortRole(JhIncidentTableModel::SortRole);
    mProxy->setFilterRole(JhIncidentTableModel::OpenRole);
    mProxy->setFilterKeyColumn(0);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);

    auto *actions = new QHBoxLayout;
    mCreate = actionButton(tr("New incident"), tr("Open a new environmental incident"),
                           QStringLiteral("incidentCreate"), this);
    mUpdate = actionButton(tr("Update"), tr("Change the incident's level or status"),
                           QStringLiteral("incidentUpdate"), this);
    mClose =
        actionButton(tr("Close incident"), tr("Close the incident with a summary (not while tasks are open)"),
                     QStringLiteral("incidentClose"), this);
    for (QToolButton *button : {mCreate, mUpdate, mClose})
        actions->addWidget(button);
    actions->addStretch(1);
    mShowClosed = new QCheckBox(tr("Show closed"), this);
    mShowClosed->setObjectName(QStringLiteral("incidentShowClosed"));
    actions->addWidget(mShowClosed);
    layout->addLayout(actions);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    mView = new QTableView(splitter);
    mView->setObjectName(QStringLiteral("incidentTable"));
    mView->setModel(mProxy);
    mView->setSortingEnabled(true);
    mView->sortByColumn(JhIncidentTableModel::IdColumn, Qt::AscendingOrder);
    mView->setSelectionBehavior(QAbstractItemView::SelectRows);
    mView->setSelectionMode(QAbstractItemView::SingleSelection);
    mView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    mView->setAlternatingRowColors(true);
    mView->setWordWrap(false);
    mView->verticalHeader()->hide();
    mView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    mView->verticalHeader()->setDefaultSectionSize(mView->fontMetrics().height() + 6);
    const int characters[] = {11, 22, 9, 11, 7, 6, 17, 7, 10};
    const int unit = mView->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    for (int column = 0; column < JhIncidentTableModel::ColumnCount; ++column)
        mView->setColumnWidth(column, characters[column] * unit);

    auto *timelineBox = new QWidget(splitter);
    auto *timelineLayout = new QVBoxLayout(timelineBox);
    timelineLayout->setContentsMargins(0, 0, 0, 0);
    mTimelineTitle = new QLabel(timelineBox);
    mTimelineTitle->setObjectName(QStringLiteral("incidentTimelineTitle"));
    timelineLayout->addWidget(mTimelineTitle);
    mTimeline = new QTableWidget(0, 3, timelineBox);
    mTimeline->setObjectName(QStringLiteral("incidentTimeline"));
    mTimeline->setHorizontalHeaderLabels({tr("Time"), tr("Who"), tr("What")});
    mTimeline->setEditTriggers(QAbstractItemView::NoEditTriggers);
    mTimeline->setSelectionBehavior(QAbstractItemView::SelectRows);
    mTimeline->verticalHeader()->hide();
    mTimeline->horizontalHeader()->setStretchLastSection(true);
    mTimeline->setColumnWidth(0, 21 * unit);
    mTimeline->setColumnWidth(1, 16 * unit);
    mTimeline->setWordWrap(false);
    timelineLayout->addWidget(mTimeline, 1);
    splitter->addWidget(mView);
    splitter->addWidget(timelineBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);

    mStatus = new QLabel(this);
    mStatus->setObjectName(QStringLiteral("incidentStatus"));
    mStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    mStatus->setWordWrap(true);
    layout->addWidget(mStatus);

    connect(mCreate, &QToolButton::clicked, this, &JhIncidentPanel::createIncident);
    connect(mUpdate, &QToolButton::clicked, this, &JhIncidentPanel::updateCurrent);
    connect(mClose, &QToolButton::clicked, this, &JhIncidentPanel::closeCurrent);
    connect(mShowClosed, &QCheckBox::toggled, this, &JhIncidentPanel::setShowClosed);
    connect(mView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                updateActions();
                refreshTimeline();
                if (current.isValid())
                    emit incidentActivated(current.data(JhIncidentTableModel::IncidentIdRole).toString());
            });
    connect(mModel, &QAbstractItemModel::dataChanged, this, &JhIncidentPanel::updateActions);

    if (mClient) {
        connect(mClient, &JhSyncClient::stateChanged, this, &JhIncidentPanel::onStateChanged);
        connect(mClient, &JhSyncClient::commandAnswered, this, &JhIncidentPanel::onCommandAnswered);
        connect(mClient, &JhSyncClient::userChanged, this, &JhIncidentPanel::updateActions);
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
    setShowClosed(false);
    updateActions();
    refreshTimeline();
}

void JhIncidentPanel::setProposedLocation(double longitude, double latitude)
{
    mLongitude = longitude;
    mLatitude = latitude;
}

void JhIncidentPanel::setShowClosed(bool show)
{
    if (mShowClosed->isChecked() != show)
        mShowClosed->setChecked(show); // toggled() comes back here
    mProxy->setFilterRegularExpression(show ? QString() : QStringLiteral("^open$"));
    updateActions();
}

QString JhIncidentPanel::currentIncidentId() const
{
    const QModelIndex current = mView->selectionModel()->currentIndex();
    return current.isValid() ? current.data(JhIncidentTableModel::IncidentIdRole).toString() : QString();
}

const JhIncident *JhIncidentPanel::currentIncident() const
{
    const QModelIndex current = mView->selectionModel()->currentIndex();
    return current.isValid() ? mModel->incidentAt(mProxy->mapToSource(current).row()) : nullptr;
}

bool JhIncidentPanel::selectIncident(const QString &incidentId)
{
    const int row = mModel->rowOf(incidentId);
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

bool JhIncidentPanel::canCreate() const
{
    if (!mClient)
        return false;
    const JhRole role = mClient->user().role;
    return role == JhRole::DutyOfficer || role == JhRole::EmergencyCoordinator;
}

bool JhIncidentPanel::canUpdate(const JhIncident &incident) const
{
    return incident.status != JhIncidentStatus::Closed && canCreate();
}

bool JhIncidentPanel::canClose(const JhIncident &incident) const
{
    return mClient && incident.status != JhIncidentStatus::Closed &&
           mClient->user().role == JhRole::EmergencyCoordinator;
}

void JhIncidentPanel::updateActions()
{
    const JhIncident *incident = currentIncident();
    mCreate->setEnabled(canCreate());
    mUpdate->setEnabled(incident && canUpdate(*incident));
    mClose->setEnabled(incident && canClose(*incident));
}

void JhIncidentPanel::onStateChanged(const JhStateChange &change)
{
    for (const JhEvent &event : change.events)
        if (event.type == JhEventType::IncidentUpdated)
            mUpdates[event.payload.value(QStringLiteral("incidentId")).toString()].append(event);
    mModel->applyChange(mClient->state(), change);
    updateActions();
    const QString current = currentIncidentId();
    if (change.replaced || change.incidentIds.contains(current) || !change.taskIds.isEmpty() ||
        !change.alarmIds.isEmpty())
        refreshTimeline();
}

void JhIncidentPanel::refreshTimeline()
{
    const JhIncident *incident = currentIncident();
    mTimeline->setRowCount(0);
    if (!incident || !mClient) {
        mTimelineTitle->setText(tr("Select an incident to see its timeline"));
        return;
    }
    mTimelineTitle->setText(tr("Timeline of %1 %2").arg(incident->id, incident->title));
    const JhWorldState &state = mClient->state();
    QList<TimelineEntry> entries;
    entries.append({incident->openedAt, incident->createdBy,
                    tr("Incident opened: %1, %2")
                        .arg(JhEnumNames::labelZh(incident->type), JhEnumNames::labelZh(incident->level))});
    for (const QString &alarmId : incident->alarmIds) {
        const JhAlarm *alarm = state.alarm(alarmId);
        if (!alarm) {
            entries.append({incident->openedAt, QString(), tr("Linked alarm %1").arg(alarmId)});
            continue;
        }
        const JhSite *site = state.site(alarm->siteId);
        entries.append(
            {alarm->openedAt, QStringLiteral("system"),
             tr("Alarm %1 at %2: %3")
                 .arg(alarm->id, site ? site->name : alarm->siteId, JhLiveLabels::ruleName(alarm->ruleId))});
        if (alarm->state == JhAlarmState::Escalated)
            entries.append({alarm->updatedAt, alarm->updatedBy,
                            tr("Alarm %1 escalated to the incident").arg(alarm->id)});
    }
    for (const JhEvent &event : mUpdates.value(incident->id)) {
        QStringList changes;
        const QJsonObject &p = event.payload;
        JhIncidentLevel level;
        if (JhEnumNames::parse(p.value(QStringLiteral("level")).toString(), level))
            changes << tr("level %1").arg(JhEnumNames::labelZh(level));
        JhIncidentStatus status;
        if (JhEnumNames::parse(p.value(QStringLiteral("status")).toString(), status))
            changes << tr("status %1").arg(JhEnumNames::labelZh(status));
        const int added = p.value(QStringLiteral("addAlarmIds")).toArray().size();
        if (added > 0)
            changes << tr("alarms linked: %1").arg(added);
        if (changes.isEmpty())
            changes << tr("details");
        entries.append({event.time, event.actor, tr("Updated: %1").arg(changes.join(QStringLiteral(", ")))});
    }
    for (const JhTask &task : state.tasks()) {
        if (task.incidentId != incident->id)
            continue;
        const JhCountyTeam *team = state.team(task.teamId);
        const QString teamName = team && !team->name.isEmpty() ? team->name : task.teamId;
        entries.append({task.createdAt, task.assignedBy,
                        tr("Task %1 assigned to %2: %3").arg(task.id, teamName, task.title)});
        for (const JhTaskReport &report : task.reports) {
            QString text = tr("Task %1: %2").arg(task.id, JhEnumNames::labelZh(report.state));
            if (!report.text.isEmpty())
                text += QStringLiteral(" — ") + report.text;
            entries.append({report.time, report.author, text});
        }
    }
    if (incident->status == JhIncidentStatus::Closed)
        entries.append({incident->updatedAt, incident->updatedBy,
                        incident->summary.isEmpty() ? tr("Incident closed")
                                                    : tr("Incident closed: %1").arg(incident->summary)});
    std::stable_sort(entries.begin(), entries.end(),
                     [](const TimelineEntry &a, const TimelineEntry &b) { return a.time < b.time; });
    mTimeline->setRowCount(entries.size());
    for (int row = 0; row < entries.size(); ++row) {
        const TimelineEntry &entry = entries.at(row);
        mTimeline->setItem(row, 0, new QTableWidgetItem(JhLiveLabels::beijingTime(entry.time, true)));
        mTimeline->setItem(row, 1, new QTableWidgetItem(entry.actor));
        auto *what = new QTableWidgetItem(entry.text);
        what->setToolTip(entry.text);
        mTimeline->setItem(row, 2, what);
    }
}

QString JhIncidentPanel::submitCommand(JhCommandType type, const QJsonObject &payload)
{
    if (!mClient)
        return QString();
    QString target = payload.value(QStringLiteral("incidentId")).toString();
    if (target.isEmpty())
        target = payload.value(QStringLiteral("title")).toString();
    const QString id = mClient->submit(type, payload);
    mCommandTargets.insert(id, target);
    mCommandTypes.insert(id, type);
    mStatus->setStyleSheet(QString());
    mStatus->setText(tr("%1 %2: sending").arg(JhEnumNames::labelZh(type), target));
    return id;
}

void JhIncidentPanel::onCommandAnswered(const JhOutboxEntry &entry)
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
        // A new incident becomes the current one once central has it.
        if (type == JhCommandType::CreateIncident)
            for (const JhEvent &event : entry.result.events)
                if (event.type == JhEventType::IncidentCreated)
                    selectIncident(event.payload.value(QStringLiteral("incidentId")).toString());
    } else {
        const QString reason =
            entry.result.messageZh.isEmpty() ? entry.result.messageEn : entry.result.messageZh;
        mStatus->setStyleSheet(QStringLiteral("color: #c62828;"));
        mStatus->setText(tr("%1 %2: refused: %3").arg(JhEnumNames::labelZh(type), target, reason));
    }
}

void JhIncidentPanel::createIncident()
{
    if (!mCreate->isEnabled())
        return;
    JhIncidentDialog dialog(JhIncidentDialog::Mode::Create, JhIncident(), mLongitude, mLatitude, this);
    if (dialog.exec() == QDialog::Accepted)
        submitCommand(dialog.commandType(), dialog.payload());
}

void JhIncidentPanel::updateCurrent()
{
    const JhIncident *current = currentIncident();
    if (!current || !mUpdate->isEnabled())
        return;
    const JhIncident incident = *current; // the row may change while the dialog is open
    JhIncidentDialog dialog(JhIncidentDialog::Mode::Update, incident, incident.longitude, incident.latitude,
                            this);
    if (dialog.exec() == QDialog::Accepted)
        submitCommand(dialog.commandType(), dialog.payload());
}

void JhIncidentPanel::closeCurrent()
{
    const JhIncident *current = currentIncident();
    if (!current || !mClose->isEnabled())
        return;
    const JhIncident incident = *current;
    JhIncidentDialog dialog(JhIncidentDialog::Mode::Close, incident, incident.longitude, incident.latitude,
                            this);
    if (dialog.exec() == QDialog::Accepted)
        submitCommand(dialog.commandType(), dialog.payload());
}
