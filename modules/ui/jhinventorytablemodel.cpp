// The inventory table: rows resolved from the folded state, updated in place per change.
#include "jhinventorytablemodel.h"

#include "jhenumnames.h"
#include "jhlivelabels.h"
#include "jhstatechange.h"
#include "jhworldstate.h"

#include <QBrush>
#include <QColor>
#include <QFont>

#include <algorithm>

namespace {
QString amount(double value)
{
    return QString::number(value, 'g', 12);
}

bool isInventoryEvent(JhEventType type)
{
    return type == JhEventType::InventoryAdjusted || type == JhEventType::InventoryReserved ||
           type == JhEventType::InventoryReleased || type == JhEventType::InventoryDispatched;
}
} // namespace

JhInventoryTableModel::JhInventoryTableModel(QObject *parent) : QAbstractTableModel(parent)
{}

int JhInventoryTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : mRows.size();
}

int JhInventoryTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int JhInventoryTableModel::rowOf(const QString &depotId, const QString &itemCode) const
{
    return mRowOfKey.value(key(depotId, itemCode), -1);
}

const JhInventoryItem *JhInventoryTableModel::lineAt(int row) const
{
    return row >= 0 && row < mRows.size() ? &mRows.at(row).line : nullptr;
}

QString JhInventoryTableModel::depotIdAt(int row) const
{
    return row >= 0 && row < mRows.size() ? mRows.at(row).depotId : QString();
}

QString JhInventoryTableModel::itemCodeAt(int row) const
{
    return row >= 0 && row < mRows.size() ? mRows.at(row).line.itemCode : QString();
}

QString JhInventoryTableModel::commandLabel(const Row &row) const
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

QString JhInventoryTableModel::lastChangeText(const LastChange &change) const
{
    QString what;
    switch (change.type) {
    case JhEventType::InventoryAdjusted:
        what = tr("Adjusted %1")
                   .arg((change.amount > 0 ? QStringLiteral("+") : QString()) + amount(change.amount));
        break;
    case JhEventType::InventoryReserved:
        what = tr("Reserved %1").arg(amount(change.amount));
        break;
    case JhEventType::InventoryReleased:
        what = tr("Released %1").arg(amount(change.amount));
        break;
    default:
        what = tr("Dispatched %1").arg(amount(change.amount));
        break;
    }
    return tr("%1 %2 by %3").arg(JhLiveLabels::beijingTime(change.time), what, change.actor);
}

QString JhInventoryTableModel::reservedTip(const Row &row) const
{
    if (row.line.reservations.isEmpty())
        return tr("Nothing reserved");
    QStringList lines;
    for (auto it = row.line.reservations.constBegin(); it != row.line.reservations.constEnd(); ++it) {
        const QString incident = it.key().isEmpty()
                                     ? tr("(before per-incident reservations)")
                                     : it.key() + QLatin1Char(' ') + row.incidentTitles.value(it.key());
        lines << QStringLiteral("%1: %2 %3").arg(incident.trimmed(), amount(it.value()), row.unit);
    }
    return lines.join(QLatin1Char('\n'));
}

QVariant JhInventoryTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= mRows.size())
        return QVariant();
    const Row &row = mRows.at(index.row());
    const JhInventoryItem &line = row.line;
    switch (role) {
    case DepotIdRole:
        return row.depotId;
    case ItemCodeRole:
        return line.itemCode;
    case TeamIdRole:
        return row.teamId;
    case CountyRole:
        return row.countyCode;
    case LowStockRole:
        return row.isLow();
    case SearchTextRole:
        return QStringList{row.depotName, row.depotId, JhLiveLabels::countyName(row.countyCode), row.itemName,
                           line.itemCode}
            .join(QLatin1Char(' '));
    case CommandStatusRole:
        return int(row.command);
    default:
        break;
    }
    const int column = index.column();
    const auto change = mLastChanges.constFind(key(row.depotId, line.itemCode));
    if (role == Qt::DisplayRole) {
        switch (column) {
        case DepotColumn:
            return row.depotName;
        case CountyColumn:
            return JhLiveLabels::countyName(row.countyCode);
        case ItemColumn:
            return row.itemName;
        case CategoryColumn:
            return JhEnumNames::labelZh(row.category);
        case QuantityColumn:
            return amount(line.quantity);
        case UnitColumn:
            return row.unit;
        case ReservedColumn:
            return amount(line.reserved);
        case AvailableColumn:
            return amount(line.available());
        case MinimumColumn:
            return amount(line.minimumStock);
        case LowStockColumn:
            return row.isLow() ? tr("Low stock") : QString();
        case LastChangeColumn:
            return change != mLastChanges.constEnd() ? lastChangeText(*change) : QString();
        case CommandColumn:
            return commandLabel(row);
        default:
            return QVariant();
        }
    }
    if (role == SortRole) {
        switch (column) {
        case CountyColumn:
            return row.countyCode;
        case CategoryColumn:
            return int(row.category);
        case QuantityColumn:
            return line.quantity;
        case ReservedColumn:
            return line.reserved;
        case AvailableColumn:
            return line.available();
        case MinimumColumn:
            return line.minimumStock;
        case LowStockColumn:
            return row.isLow() ? 1 : 0;
        case LastChangeColumn:
            return change != mLastChanges.constEnd() ? change->time.toMSecsSinceEpoch() : 0;
        case CommandColumn:
            return int(row.command);
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    if (role == Qt::ToolTipRole) {
        if (column == ReservedColumn)
            return reservedTip(row);
        if (column == CommandColumn && row.command == CommandStatus::Refused)
            return row.commandText;
        if (column == LastChangeColumn && change != mLastChanges.constEnd()) {
            QStringList tip{lastChangeText(*change)};
            if (!change->incidentId.isEmpty())
                tip << tr("Incident: %1").arg(change->incidentId);
            if (!change->reason.isEmpty())
                tip << tr("Reason: %1").arg(change->reason);
            return tip.join(QLatin1Char('\n'));
        }
        if (row.isLow())
            return tr("Available %1 %2 is below the minimum stock of %3 %2")
                .arg(amount(line.available()), row.unit, amount(line.minimumStock));
        return QVariant();
    }
    if (role == Qt::BackgroundRole && row.isLow())
        return QBrush(QColor(0xfd, 0xe2, 0xe1));
    if (role == Qt::ForegroundRole) {
        if (column == LowStockColumn || (row.isLow() && column == AvailableColumn))
            return QBrush(QColor(0xc6, 0x28, 0x28));
        if (column == CommandColumn && row.command == CommandStatus::Refused)
            return QBrush(QColor(0xc6, 0x28, 0x28));
    }
    if (role == Qt::FontRole && row.isLow() && (column == AvailableColumn || column == LowStockColumn)) {
        QFont font;
        font.setBold(true);
        return font;
    }
    if (role == Qt::TextAlignmentRole && column >= QuantityColumn && column <= MinimumColumn &&
        column != UnitColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return QVariant();
}

QVariant JhInventoryTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case DepotColumn:
        return tr("Depot");
    case CountyColumn:
        return tr("County");
    case ItemColumn:
        return tr("Item");
    case CategoryColumn:
        return tr("Category");
    case QuantityColumn:
        return tr("Quantity");
    case UnitColumn:
        return tr("Unit");
    case ReservedColumn:
        return tr("Reserved");
    case AvailableColumn:
        return tr("Available");
    case MinimumColumn:
        return tr("Minimum stock");
    case LowStockColumn:
        return tr("Low stock");
    case LastChangeColumn:
        return tr("Last change");
    case CommandColumn:
        return tr("Command");
    default:
        return QVariant();
    }
}

JhInventoryTableModel::Row JhInventoryTableModel::makeRow(const JhWorldState &state, const QString &depotId,
                                                          const JhInventoryItem &line) const
{
    Row row;
    row.depotId = depotId;
    row.line = line;
    if (const JhDepot *depot = state.depot(depotId)) {
        row.depotName = depot->name.isEmpty() ? depot->id : depot->name;
        row.teamId = depot->teamId;
        row.countyCode = depot->countyCode;
    }
    const auto item = state.catalogue().constFind(line.itemCode);
    if (item != state.catalogue().constEnd()) {
        row.itemName = item->name.isEmpty() ? item->code : item->name;
        row.category = item->category;
        row.unit = item->unit;
    } else {
        row.itemName = line.itemCode;
    }
    for (auto it = line.reservations.constBegin(); it != line.reservations.constEnd(); ++it)
        if (const JhIncident *incident = state.incident(it.key()))
            row.incidentTitles.insert(it.key(), incident->title);
    return row;
}

void JhInventoryTableModel::reindexFrom(int first)
{
    for (int i = first; i < mRows.size(); ++i)
        mRowOfKey[key(mRows.at(i).depotId, mRows.at(i).line.itemCode)] = i;
}

void JhInventoryTableModel::resetFrom(const JhWorldState &state)
{
    // Keep what this workstation knows about its own commands across a replaced state.
    QHash<QString, QPair<CommandStatus, QString>> commands;
    for (const Row &row : qAsConst(mRows))
        if (row.command != CommandStatus::None)
            commands.insert(key(row.depotId, row.line.itemCode), qMakePair(row.command, row.commandText));
    beginResetModel();
    mRows.clear();
    mRowOfKey.clear();
    mLowStock = 0;
    for (const JhDepot &depot : state.depots()) {
        for (const JhInventoryItem &line : depot.inventory) {
            Row row = makeRow(state, depot.id, line);
            const auto command = commands.constFind(key(depot.id, line.itemCode));
            if (command != commands.constEnd()) {
                row.command = command->first;
                row.commandText = command->second;
            }
            mRowOfKey.insert(key(depot.id, line.itemCode), mRows.size());
            mLowStock += row.isLow() ? 1 : 0;
            mRows.append(row);
        }
    }
    mTouched.clear();
    endResetModel();
    emit countsChanged();
}

void JhInventoryTableModel::updateDepots(const JhWorldState &state, const QSet<QString> &depotIds)
{
    bool countsMoved = false;
    QList<int> removed;
    QList<QPair<QString, JhInventoryItem>> added;
    for (const QString &depotId : depotIds) {
        const JhDepot *depot = state.depot(depotId);
        QSet<QString> present;
        if (depot) {
            for (const JhInventoryItem &line : depot->inventory) {
                present.insert(line.itemCode);
                const int row = rowOf(depotId, line.itemCode);
                if (row < 0) {
                    added.append(qMakePair(depotId, line));
                    continue;
                }
                Row &existing = mRows[row];
                Row updated = makeRow(state, depotId, line);
                if (existing.line == line && existing.incidentTitles == updated.incidentTitles &&
                    existing.depotName == updated.depotName && existing.teamId == updated.teamId &&
                    !mTouched.contains(key(depotId, line.itemCode)))
                    continue;
                if (existing.isLow() != updated.isLow()) {
                    mLowStock += updated.isLow() ? 1 : -1;
                    countsMoved = true;
                }
                updated.command = existing.command;
                updated.commandText = existing.commandText;
                existing = updated;
                emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
            }
        }
        for (int row = 0; row < mRows.size(); ++row)
            if (mRows.at(row).depotId == depotId && !present.contains(mRows.at(row).line.itemCode))
                removed.append(row);
    }
    // Removals from the bottom up so the remaining row numbers stay valid.
    std::sort(removed.begin(), removed.end(), std::greater<int>());
    for (int row : qAsConst(removed)) {
        beginRemoveRows(QModelIndex(), row, row);
        mLowStock -= mRows.at(row).isLow() ? 1 : 0;
        mRowOfKey.remove(key(mRows.at(row).depotId, mRows.at(row).line.itemCode));
        mRows.remove(row);
        reindexFrom(row);
        endRemoveRows();
        countsMoved = true;
    }
    if (!added.isEmpty()) {
        const int first = mRows.size();
        beginInsertRows(QModelIndex(), first, first + added.size() - 1);
        for (const auto &line : qAsConst(added)) {
            Row row = makeRow(state, line.first, line.second);
            mRowOfKey.insert(key(line.first, line.second.itemCode), mRows.size());
            mLowStock += row.isLow() ? 1 : 0;
            mRows.append(row);
        }
        endInsertRows();
        countsMoved = true;
    }
    mTouched.clear();
    if (countsMoved)
        emit countsChanged();
}

void JhInventoryTableModel::noteEvents(const QList<JhEvent> &events)
{
    for (const JhEvent &event : events) {
        if (!isInventoryEvent(event.type))
            continue;
        const QJsonObject &p = event.payload;
        LastChange change;
        change.type = event.type;
        change.time = event.time;
        change.actor = event.actor;
        change.amount = p.value(event.type == JhEventType::InventoryAdjusted ? QLatin1String("delta")
                                                                             : QLatin1String("quantity"))
                            .toDouble();
        change.incidentId = p.value(QLatin1String("incidentId")).toString();
        change.reason = p.value(QLatin1String("reason")).toString();
        const QString line =
            key(p.value(QLatin1String("depotId")).toString(), p.value(QLatin1String("itemCode")).toString());
        mLastChanges.insert(line, change);
        mTouched.insert(line);
    }
}

void JhInventoryTableModel::applyChange(const JhWorldState &state, const JhStateChange &change)
{
    noteEvents(change.events);
    if (change.replaced)
        resetFrom(state);
    else if (!change.depotIds.isEmpty())
        updateDepots(state, change.depotIds);
}

void JhInventoryTableModel::setCommandStatus(const QString &depotId, const QString &itemCode,
                                             CommandStatus status, const QString &text)
{
    const int row = rowOf(depotId, itemCode);
    if (row < 0)
        return;
    mRows[row].command = status;
    mRows[row].commandText = text;
    emit dataChanged(index(row, CommandColumn), index(row, CommandColumn));
}

QString JhInventoryTableModel::countsText() const
{
    return tr("Low stock %1 · lines %2").arg(mLowStock).arg(mRows.size());
}
