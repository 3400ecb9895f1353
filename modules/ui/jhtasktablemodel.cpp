// The tasks table: rows resolved from the folded state, updated in place per change.
#include "jhtasktablemodel.h"

#include "jhenumnames.h"
#include "jhlivelabels.h"
#include "jhstatechange.h"
#include "jhworldstate.h"

#include <QBrush>
#include <QColor>
#include <QFont>

#include <algorithm>

namespace {
QColor stateColour(JhTaskState state)
{
    switch (state) {
    case JhTaskState::Assigned:
        return QColor(0xd9, 0x7a, 0x00);
    case JhTaskState::Accepted:
    case JhTaskState::EnRoute:
    case JhTaskState::OnSite:
        return QColor(0x1f, 0x6f, 0xb5);
    case JhTaskState::Completed:
        return QColor(0x2e, 0x7d, 0x32);
    case JhTaskState::Cancelled:
        return QColor(0x80, 0x80, 0x80);
    }
    return QColor();
}
} // namespace

JhTaskTableModel::JhTaskTableModel(QObject *parent) : QAbstractTableModel(parent)
{}

int JhTaskTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : mRows.size();
}

int JhTaskTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const JhTask *JhTaskTableModel::taskAt(int row) const
{
    return row >= 0 && row < mRows.size() ? &mRows.at(row).task : nullptr;
}

void JhTaskTableModel::setOwnTeam(const QString &teamId)
{
    if (teamId == mOwnTeam)
        return;
    mOwnTeam = teamId;
    if (!mRows.isEmpty())
        emit dataChanged(index(0, 0), index(mRows.size() - 1, ColumnCount - 1));
}

QVariant JhTaskTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= mRows.size())
        return QVariant();
    const Row &row = mRows.at(index.row());
    const JhTask &task = row.task;
    const bool own = !mOwnTeam.isEmpty() && task.teamId == mOwnTeam;
    switch (role) {
    case TaskIdRole:
        return task.id;
    case IncidentIdRole:
        return task.incidentId;
    case TeamIdRole:
        return task.teamId;
    case StateRole:
        return int(task.state);
    case FilterKeyRole:
        return task.incidentId + QChar(0x1f) + task.teamId;
    default:
        break;
    }
    const int column = index.column();
    if (role == Qt::DisplayRole) {
        switch (column) {
        case IdColumn:
            return task.id;
        case IncidentColumn:
            return row.incidentTitle.isEmpty()
                       ? task.incidentId
                       : QStringLiteral("%1 %2").arg(task.incidentId, row.incidentTitle);
        case TeamColumn:
            return row.teamName;
        case TitleColumn:
            return task.title;
        case StateColumn:
            return JhEnumNames::labelZh(task.state);
        case UpdatedColumn:
            return JhLiveLabels::beijingTime(task.updatedAt);
        default:
            return QVariant();
        }
    }
    if (role == SortRole) {
        switch (column) {
        case IdColumn:
            return QStringLiteral("%1%2 %3")
                .arg(own || mOwnTeam.isEmpty() ? 0 : 1)
                .arg(task.isFinished() ? 1 : 0)
                .arg(task.id);
        case StateColumn:
            return int(task.state);
        case UpdatedColumn:
            return task.updatedAt.toMSecsSinceEpoch();
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    if (role == Qt::ToolTipRole) {
        QStringList lines;
        if (!task.instructions.isEmpty())
            lines << tr("Instructions: %1").arg(task.instructions);
        if (!task.reports.isEmpty() && !task.reports.constLast().text.isEmpty())
            lines << tr("Last report: %1").arg(task.reports.constLast().text);
        if (!task.cancelReason.isEmpty())
            lines << tr("Cancelled: %1").arg(task.cancelReason);
        return lines.join(QLatin1Char('\n'));
    }
    if (role == Qt::ForegroundRole) {
        if (column == StateColumn)
            return QBrush(stateColour(task.state));
        if (task.isFinished() || (!mOwnTeam.isEmpty() && !own))
            return QBrush(QColor(0x80, 0x80, 0x80));
    }
    if (role == Qt::FontRole &&
        ((own && !task.isFinished()) || (column == StateColumn && task.state == JhTaskState::Assigned))) {
        QFont font;
        font.setBold(true);
        return font;
    }
    return QVariant();
}

QVariant JhTaskTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn:
        return tr("Id");
    case IncidentColumn:
        return tr("Incident");
    case TeamColumn:
        return tr("Team");
    case TitleColumn:
        return tr("Title");
    case StateColumn:
        return tr("State");
    case UpdatedColumn:
        return tr("Updated at");
    default:
        return QVariant();
    }
}

JhTaskTableModel::Row JhTaskTableModel::makeRow(const JhWorldState &state, const JhTask &task) const
{
    Row row;
    row.task = task;
    if (const JhIncident *incident = state.incident(task.incidentId))
        row.incidentTitle = incident->title;
    const JhCountyTeam *team = state.team(task.teamId);
    row.teamName = team && !team->name.isEmpty() ? team->name : task.teamId;
    return row;
}

void JhTaskTableModel::resetFrom(const JhWorldState &state)
{
    beginResetModel();
    mRows.clear();
    mRowOfId.clear();
    mRows.reserve(state.tasks().size());
    for (const JhTask &task : state.tasks()) {
        mRowOfId.insert(task.id, mRows.size());
        mRows.append(makeRow(state, task));
    }
    endResetModel();
}

void JhTaskTableModel::updateTasks(const JhWorldState &state, const QSet<QString> &taskIds)
{
    QList<int> removed;
    QList<const JhTask *> added;
    for (const QString &id : taskIds) {
        const JhTask *task = state.task(id);
        const int row = mRowOfId.value(id, -1);
        if (!task) {
            if (row >= 0)
                removed.append(row);
            continue;
        }
        if (row < 0) {
            added.append(task);
            continue;
        }
        Row updated = makeRow(state, *task);
        Row &existing = mRows[row];
        if (existing.task == updated.task && existing.incidentTitle == updated.incidentTitle &&
            existing.teamName == updated.teamName)
            continue;
        existing = updated;
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
    std::sort(removed.begin(), removed.end(), std::greater<int>());
    for (int row : qAsConst(removed)) {
        beginRemoveRows(QModelIndex(), row, row);
        mRowOfId.remove(mRows.at(row).task.id);
        mRows.remove(row);
        for (int i = row; i < mRows.size(); ++i)
            mRowOfId[mRows.at(i).task.id] = i;
        endRemoveRows();
    }
    if (!added.isEmpty()) {
        std::sort(added.begin(), added.end(), [](const JhTask *a, const JhTask *b) { return a->id < b->id; });
        const int first = mRows.size();
        beginInsertRows(QModelIndex(), first, first + added.size() - 1);
        for (const JhTask *task : qAsConst(added)) {
            mRowOfId.insert(task->id, mRows.size());
            mRows.append(makeRow(state, *task));
        }
        endInsertRows();
    }
}

void JhTaskTableModel::applyChange(const JhWorldState &state, const JhStateChange &change)
{
    if (change.replaced) {
        resetFrom(state);
        return;
    }
    QSet<QString> ids = change.taskIds;
    if (!change.incidentIds.isEmpty())
        for (const Row &row : qAsConst(mRows))
            if (change.incidentIds.contains(row.task.incidentId))
                ids.insert(row.task.id);
    if (!ids.isEmpty())
        updateTasks(state, ids);
}
