// The incidents table: rows resolved from the folded state, updated in place per change.
#include "jhincidenttablemodel.h"

#include "jhenumnames.h"
#include "jhlivelabels.h"
#include "jhstatechange.h"
#include "jhworldstate.h"

#include <QBrush>
#include <QColor>
#include <QFont>

#include <algorithm>

namespace {
QColor levelColour(JhIncidentLevel level)
{
    switch (level) {
    case JhIncidentLevel::I:
        return QColor(0xc6, 0x28, 0x28);
    case JhIncidentLevel::II:
        return QColor(0xd9, 0x4a, 0x00);
    case JhIncidentLevel::III:
        return QColor(0xd9, 0x7a, 0x00);
    case JhIncidentLevel::IV:
        return QColor(0x1f, 0x6f, 0xb5);
    }
    return QColor();
}
} // namespace

JhIncidentTableModel::JhIncidentTableModel(QObject *parent) : QAbstractTableModel(parent)
{}

int JhIncidentTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : mRows.size();
}

int JhIncidentTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const JhIncident *JhIncidentTableModel::incidentAt(int row) const
{
    return row >= 0 && row < mRows.size() ? &mRows.at(row).incident : nullptr;
}

QVariant JhIncidentTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= mRows.size())
        return QVariant();
    const Row &row = mRows.at(index.row());
    const JhIncident &incident = row.incident;
    const bool closed = incident.status == JhIncidentStatus::Closed;
    switch (role) {
    case IncidentIdRole:
        return incident.id;
    case StatusRole:
        return int(incident.status);
    case OpenRole:
        return closed ? QStringLiteral("closed") : QStringLiteral("open");
    default:
        break;
    }
    const int column = index.column();
    if (role == Qt::DisplayRole) {
        switch (column) {
        case IdColumn:
            return incident.id;
        case TitleColumn:
            return incident.title;
        case TypeColumn:
            return JhEnumNames::labelZh(incident.type);
        case LevelColumn:
            return QStringLiteral("%1 %2").arg(JhEnumNames::code(incident.level),
                                               JhEnumNames::labelZh(incident.level));
        case StatusColumn:
            return JhEnumNames::labelZh(incident.status);
        case CountyColumn:
            return incident.countyCode ? JhLiveLabels::countyName(incident.countyCode) : QString();
        case OpenedColumn:
            return JhLiveLabels::beijingTime(incident.openedAt);
        case AlarmsColumn:
            return incident.alarmIds.size();
        case OpenTasksColumn:
            return row.openTasks;
        default:
            return QVariant();
        }
    }
    if (role == SortRole) {
        switch (column) {
        case IdColumn:
            // Open and responding incidents before closed ones, then by id.
            return QStringLiteral("%1 %2").arg(closed ? 1 : 0).arg(incident.id);
        case LevelColumn:
            return int(incident.level);
        case StatusColumn:
            return int(incident.status);
        case CountyColumn:
            return incident.countyCode;
        case OpenedColumn:
            return incident.openedAt.toMSecsSinceEpoch();
        case AlarmsColumn:
            return incident.alarmIds.size();
        case OpenTasksColumn:
            return row.openTasks;
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    if (role == Qt::ToolTipRole) {
        QString tip = incident.description;
        if (!incident.location.isEmpty())
            tip = tr("Location: %1").arg(incident.location) +
                  (tip.isEmpty() ? QString() : QLatin1Char('\n') + tip);
        if (closed && !incident.summary.isEmpty())
            tip += QLatin1Char('\n') + tr("Summary: %1").arg(incident.summary);
        return tip.trimmed();
    }
    if (role == Qt::ForegroundRole) {
        if (closed)
            return QBrush(QColor(0x80, 0x80, 0x80));
        if (column == LevelColumn)
            return QBrush(levelColour(incident.level));
    }
    if (role == Qt::FontRole && !closed && column == LevelColumn &&
        (incident.level == JhIncidentLevel::I || incident.level == JhIncidentLevel::II)) {
        QFont font;
        font.setBold(true);
        return font;
    }
    if (role == Qt::TextAlignmentRole && (column == AlarmsColumn || column == OpenTasksColumn))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return QVariant();
}

QVariant JhIncidentTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn:
        return tr("Id");
    case TitleColumn:
        return tr("Title");
    case TypeColumn:
        return tr("Type");
    case LevelColumn:
        return tr("Incident level");
    case StatusColumn:
        return tr("Status");
    case CountyColumn:
        return tr("County");
    case OpenedColumn:
        return tr("Opened at");
    case AlarmsColumn:
        return tr("Alarms");
    case OpenTasksColumn:
        return tr("Open tasks");
    default:
        return QVariant();
    }
}

JhIncidentTableModel::Row JhIncidentTableModel::makeRow(const JhWorldState &state,
                                                        const JhIncident &incident) const
{
    Row row;
    row.incident = incident;
    row.openTasks = state.activeTaskCount(incident.id);
    return row;
}

void JhIncidentTableModel::resetFrom(const JhWorldState &state)
{
    beginResetModel();
    mRows.clear();
    mRowOfId.clear();
    mRows.reserve(state.incidents().size());
    for (const JhIncident &incident : state.incidents()) {
        mRowOfId.insert(incident.id, mRows.size());
        mRows.append(makeRow(state, incident));
    }
    endResetModel();
}

void JhIncidentTableModel::updateIncidents(const JhWorldState &state, const QSet<QString> &incidentIds)
{
    QList<int> removed;
    QList<const JhIncident *> added;
    for (const QString &id : incidentIds) {
        const JhIncident *incident = state.incident(id);
        const int row = mRowOfId.value(id, -1);
        if (!incident) {
            if (row >= 0)
                removed.append(row);
            continue;
        }
        if (row < 0) {
            added.append(incident);
            continue;
        }
        Row updated = makeRow(state, *incident);
        Row &existing = mRows[row];
        if (existing.incident == updated.incident && existing.openTasks == updated.openTasks)
            continue;
        existing = updated;
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
    std::sort(removed.begin(), removed.end(), std::greater<int>());
    for (int row : qAsConst(removed)) {
        beginRemoveRows(QModelIndex(), row, row);
        mRowOfId.remove(mRows.at(row).incident.id);
        mRows.remove(row);
        for (int i = row; i < mRows.size(); ++i)
            mRowOfId[mRows.at(i).incident.id] = i;
        endRemoveRows();
    }
    if (!added.isEmpty()) {
        std::sort(added.begin(), added.end(),
                  [](const JhIncident *a, const JhIncident *b) { return a->id < b->id; });
        const int first = mRows.size();
        beginInsertRows(QModelIndex(), first, first + added.size() - 1);
        for (const JhIncident *incident : qAsConst(added)) {
            mRowOfId.insert(incident->id, mRows.size());
            mRows.append(makeRow(state, *incident));
        }
        endInsertRows();
    }
}

void JhIncidentTableModel::applyChange(const JhWorldState &state, const JhStateChange &change)
{
    if (change.replaced) {
        resetFrom(state);
        return;
    }
    QSet<QString> ids = change.incidentIds;
    // Task events name the task only: their incident's open task count moves too.
    for (const QString &taskId : change.taskIds)
        if (const JhTask *task = state.task(taskId))
            ids.insert(task->incidentId);
    if (!ids.isEmpty())
        updateIncidents(state, ids);
}
