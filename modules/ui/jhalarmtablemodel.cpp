// The alarms table: rows resolved from the folded state, updated in place per change.
#include "jhalarmtablemodel.h"

#include "jhenumnames.h"
#include "jhlivelabels.h"
#include "jhstatechange.h"
#include "jhworldstate.h"

#include <QBrush>
#include <QColor>
#include <QFont>

#include <algorithm>

namespace {
QColor levelColour(JhAlarmLevel level)
{
    switch (level) {
    case JhAlarmLevel::Notice:
        return QColor(0x1f, 0x6f, 0xb5);
    case JhAlarmLevel::Warning:
        return QColor(0xd9, 0x7a, 0x00);
    case JhAlarmLevel::Serious:
        return QColor(0xc6, 0x28, 0x28);
    }
    return QColor();
}
} // namespace

JhAlarmTableModel::JhAlarmTableModel(QObject *parent) : QAbstractTableModel(parent)
{
    mNow = QDateTime::currentDateTimeUtc();
}

int JhAlarmTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : mRows.size();
}

int JhAlarmTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const JhAlarm *JhAlarmTableModel::alarmAt(int row) const
{
    return row >= 0 && row < mRows.size() ? &mRows.at(row).alarm : nullptr;
}

QString JhAlarmTableModel::commandLabel(const Row &row) const
{
    switch (row.command) {
    case CommandStatus::None:
        return QString();
    case CommandStatus::Sending:
        return tr("Sending");
    case CommandStatus::Accepted:
        return tr("Accepted");
    case CommandStatus::Refused:
        return tr("Refused: %1").arg(row.commandText);
    }
    return QString();
}

QVariant JhAlarmTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= mRows.size())
        return QVariant();
    const Row &row = mRows.at(index.row());
    const JhAlarm &alarm = row.alarm;
    switch (role) {
    case AlarmIdRole:
        return alarm.id;
    case SiteIdRole:
        return alarm.siteId;
    case StateRole:
        return int(alarm.state);
    case LevelRole:
        return int(alarm.level);
    case CountyRole:
        return row.countyCode;
    case SiteKindRole:
        return int(row.siteKind);
    case RuleRole:
        return alarm.ruleId;
    case CommandStatusRole:
        return int(row.command);
    default:
        break;
    }
    const int column = index.column();
    if (role == Qt::DisplayRole) {
        switch (column) {
        case TimeColumn:
            return JhLiveLabels::beijingTime(alarm.openedAt);
        case SiteColumn:
            return row.siteName;
        case CountyColumn:
            return JhLiveLabels::countyName(row.countyCode);
        case FactorColumn:
            return row.factorName;
        case ValueColumn:
            return alarm.ruleId == QLatin1String("data.offline")
                       ? QString()
                       : QString::number(alarm.value, 'g', 6) +
                             (row.unit.isEmpty() ? QString() : QLatin1Char(' ') + row.unit);
        case RuleColumn:
            return JhLiveLabels::ruleName(alarm.ruleId);
        case LevelColumn:
            return JhEnumNames::labelZh(alarm.level);
        case StateColumn:
            return JhEnumNames::labelZh(alarm.state);
        case AgeColumn:
            return JhLiveLabels::age(alarm.openedAt, mNow);
        case CommandColumn:
            return commandLabel(row);
        default:
            return QVariant();
        }
    }
    if (role == SortRole) {
        switch (column) {
        case TimeColumn:
            return alarm.openedAt.toMSecsSinceEpoch();
        case AgeColumn:
            return -alarm.openedAt.toMSecsSinceEpoch();
        case ValueColumn:
            return alarm.value;
        case LevelColumn:
            return int(alarm.level);
        case StateColumn:
            return int(alarm.state);
        case CountyColumn:
            return row.countyCode;
        case CommandColumn:
            return int(row.command);
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    if (role == Qt::ToolTipRole) {
        if (column == CommandColumn && row.command == CommandStatus::Refused)
            return row.commandText;
        QString tip = alarm.message;
        if (!alarm.note.isEmpty())
            tip += QLatin1Char('\n') + tr("Note: %1").arg(alarm.note);
        if (!alarm.incidentId.isEmpty())
            tip += QLatin1Char('\n') + tr("Incident: %1").arg(alarm.incidentId);
        return tip;
    }
    if (role == Qt::ForegroundRole) {
        if (column == LevelColumn)
            return QBrush(levelColour(alarm.level));
        if (column == CommandColumn && row.command == CommandStatus::Refused)
            return QBrush(QColor(0xc6, 0x28, 0x28));
        if (alarm.state == JhAlarmState::Closed)
            return QBrush(QColor(0x80, 0x80, 0x80));
    }
    if (role == Qt::FontRole && alarm.state == JhAlarmState::Open && column == StateColumn) {
        QFont font;
        font.setBold(true);
        return font;
    }
    if (role == Qt::TextAlignmentRole && (column == ValueColumn || column == AgeColumn))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return QVariant();
}

QVariant JhAlarmTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case SiteColumn:
        return tr("Site");
    case CountyColumn:
        return tr("County");
    case FactorColumn:
        return tr("Factor");
    case ValueColumn:
        return tr("Value");
    case RuleColumn:
        return tr("Rule");
    case LevelColumn:
        return tr("Level");
    case StateColumn:
        return tr("State");
    case AgeColumn:
        return tr("Age");
    case CommandColumn:
        return tr("Command");
    default:
        return QVariant();
    }
}

JhAlarmTableModel::Row JhAlarmTableModel::makeRow(const JhWorldState &state, const JhAlarm &alarm) const
{
    Row row;
    row.alarm = alarm;
    if (const JhSite *site = state.site(alarm.siteId)) {
        row.siteName = site->name;
        row.countyCode = site->countyCode;
        row.siteKind = site->kind;
    } else {
        row.siteName = alarm.siteId;
    }
    const auto factor = state.factors().constFind(alarm.factorCode);
    if (factor != state.factors().constEnd()) {
        row.factorName = factor->nameZh.isEmpty() ? factor->code : factor->nameZh;
        row.unit = factor->unit;
    } else {
        row.factorName = alarm.factorCode;
    }
    return row;
}

void JhAlarmTableModel::resetFrom(const JhWorldState &state)
{
    // Keep what this workstation knows about its own commands across a replaced state.
    QHash<QString, QPair<CommandStatus, QString>> commands;
    for (const Row &row : qAsConst(mRows))
        if (row.command != CommandStatus::None)
            commands.insert(row.alarm.id, qMakePair(row.command, row.commandText));
    beginResetModel();
    mRows.clear();
    mRowOfId.clear();
    mCounts.clear();
    mRows.reserve(state.alarms().size());
    for (const JhAlarm &alarm : state.alarms()) {
        Row row = makeRow(state, alarm);
        const auto command = commands.constFind(alarm.id);
        if (command != commands.constEnd()) {
            row.command = command->first;
            row.commandText = command->second;
        }
        mRowOfId.insert(alarm.id, mRows.size());
        ++mCounts[alarm.state];
        mRows.append(row);
    }
    endResetModel();
    emit countsChanged();
}

void JhAlarmTableModel::updateAlarms(const JhWorldState &state, const QSet<QString> &alarmIds)
{
    bool countsMoved = false;
    QList<int> removed;
    QList<const JhAlarm *> added;
    for (const QString &id : alarmIds) {
        const JhAlarm *alarm = state.alarm(id);
        const int row = mRowOfId.value(id, -1);
        if (!alarm) {
            if (row >= 0)
                removed.append(row);
            continue;
        }
        if (row < 0) {
            added.append(alarm);
            continue;
        }
        Row &existing = mRows[row];
        if (existing.alarm == *alarm)
            continue;
        if (existing.alarm.state != alarm->state) {
            --mCounts[existing.alarm.state];
            ++mCounts[alarm->state];
            countsMoved = true;
        }
        Row updated = makeRow(state, *alarm);
        updated.command = existing.command;
        updated.commandText = existing.commandText;
        existing = updated;
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
    // Removals from the bottom up so the remaining row numbers stay valid.
    std::sort(removed.begin(), removed.end(), std::greater<int>());
    for (int row : qAsConst(removed)) {
        beginRemoveRows(QModelIndex(), row, row);
        --mCounts[mRows.at(row).alarm.state];
        mRowOfId.remove(mRows.at(row).alarm.id);
        mRows.remove(row);
        for (int i = row; i < mRows.size(); ++i)
            mRowOfId[mRows.at(i).alarm.id] = i;
        endRemoveRows();
        countsMoved = true;
    }
    if (!added.isEmpty()) {
        std::sort(added.begin(), added.end(),
                  [](const JhAlarm *a, const JhAlarm *b) { return a->id < b->id; });
        const int first = mRows.size();
        beginInsertRows(QModelIndex(), first, first + added.size() - 1);
        for (const JhAlarm *alarm : qAsConst(added)) {
            mRowOfId.insert(alarm->id, mRows.size());
            ++mCounts[alarm->state];
            mRows.append(makeRow(state, *alarm));
        }
        endInsertRows();
        countsMoved = true;
    }
    if (countsMoved)
        emit countsChanged();
}

void JhAlarmTableModel::applyChange(const JhWorldState &state, const JhStateChange &change)
{
    if (change.replaced)
        resetFrom(state);
    else if (!change.alarmIds.isEmpty())
        updateAlarms(state, change.alarmIds);
}

void JhAlarmTableModel::setNow(const QDateTime &now)
{
    mNow = now;
    if (!mRows.isEmpty())
        emit dataChanged(index(0, AgeColumn), index(mRows.size() - 1, AgeColumn), {Qt::DisplayRole});
}

void JhAlarmTableModel::setCommandStatus(const QString &alarmId, CommandStatus status, const QString &text)
{
    const int row = rowOf(alarmId);
    if (row < 0)
        return;
    mRows[row].command = status;
    mRows[row].commandText = text;
    emit dataChanged(index(row, CommandColumn), index(row, CommandColumn));
}

QString JhAlarmTableModel::countsText() const
{
    QStringList parts;
    for (JhAlarmState state : {JhAlarmState::Open, JhAlarmState::Acknowledged, JhAlarmState::Escalated})
        parts << QStringLiteral("%1 %2").arg(JhEnumNames::labelZh(state)).arg(mCounts.value(state));
    return parts.join(QStringLiteral(" · "));
}
