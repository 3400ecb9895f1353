// The outbox as a table.
#include "jhoutboxmodel.h"

#include "jhsyncclient.h"

#include "jhenumnames.h"

#include <QBrush>
#include <QColor>

JhOutboxModel::JhOutboxModel(JhSyncClient *client, QObject *parent)
    : QAbstractTableModel(parent), mClient(client)
{
    connect(client, &JhSyncClient::outboxChanged, this, &JhOutboxModel::onChanged);
    connect(client, &JhSyncClient::cacheLoaded, this, &JhOutboxModel::reload);
    reload();
}

void JhOutboxModel::reload()
{
    beginResetModel();
    mRows = mClient->outbox();
    mRowById.clear();
    for (int row = 0; row < mRows.size(); ++row)
        mRowById.insert(mRows.at(row).command.id, row);
    endResetModel();
}

void JhOutboxModel::onChanged(const QList<JhOutboxEntry> &changed)
{
    for (const JhOutboxEntry &entry : changed) {
        const auto found = mRowById.constFind(entry.command.id);
        if (found != mRowById.constEnd()) {
            mRows[*found] = entry;
            emit dataChanged(index(*found, 0), index(*found, ColumnCount - 1));
            continue;
        }
        beginInsertRows({}, mRows.size(), mRows.size());
        mRowById.insert(entry.command.id, mRows.size());
        mRows.append(entry);
        endInsertRows();
    }
}

int JhOutboxModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : mRows.size();
}

int JhOutboxModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant JhOutboxModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= mRows.size())
        return {};
    const JhOutboxEntry &entry = mRows.at(index.row());
    if (role == Qt::ForegroundRole && index.column() == StateColumn) {
        if (entry.state == JhOutboxEntry::State::Refused)
            return QBrush(QColor(0xb0, 0x00, 0x20));
        if (entry.state == JhOutboxEntry::State::Pending)
            return QBrush(QColor(0xb3, 0x5c, 0x00));
        return {};
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case QueuedColumn:
        return entry.queuedAt.toOffsetFromUtc(8 * 3600).toString(QStringLiteral("MM-dd HH:mm:ss"));
    case TypeColumn:
        return JhEnumNames::labelZh(entry.command.type);
    case StateColumn:
        switch (entry.state) {
        case JhOutboxEntry::State::Pending:
            return tr("Waiting for central");
        case JhOutboxEntry::State::Accepted:
            return tr("Accepted");
        case JhOutboxEntry::State::Refused:
            return tr("Refused");
        }
        return {};
    case ResultColumn: {
        if (entry.isPending())
            return entry.sendCount > 1 ? tr("sent %1 times").arg(entry.sendCount) : QString();
        const bool chinese = tr("Accepted") != QLatin1String("Accepted");
        return chinese ? entry.result.messageZh : entry.result.messageEn;
    }
    default:
        return {};
    }
}

QVariant JhOutboxModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case QueuedColumn:
        return tr("Queued");
    case TypeColumn:
        return tr("Command");
    case StateColumn:
        return tr("State");
    case ResultColumn:
        return tr("Result");
    default:
        return {};
    }
}
