// The inventory table's filters.
#include "jhinventoryfilterproxymodel.h"

#include "jhinventorytablemodel.h"

JhInventoryFilterProxyModel::JhInventoryFilterProxyModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(JhInventoryTableModel::SortRole);
    // Rows change in place as events stream in: keep the order and the filter current.
    setDynamicSortFilter(true);
}

void JhInventoryFilterProxyModel::setSearchText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == mSearch)
        return;
    mSearch = trimmed;
    invalidateFilter();
}

void JhInventoryFilterProxyModel::setDepotId(const QString &depotId)
{
    if (depotId == mDepotId)
        return;
    mDepotId = depotId;
    invalidateFilter();
}

void JhInventoryFilterProxyModel::setLowStockOnly(bool lowOnly)
{
    if (lowOnly == mLowOnly)
        return;
    mLowOnly = lowOnly;
    invalidateFilter();
}

bool JhInventoryFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!mDepotId.isEmpty() && index.data(JhInventoryTableModel::DepotIdRole).toString() != mDepotId)
        return false;
    if (mLowOnly && !index.data(JhInventoryTableModel::LowStockRole).toBool())
        return false;
    if (!mSearch.isEmpty()) {
        const QString haystack = index.data(JhInventoryTableModel::SearchTextRole).toString();
        const QStringList words = mSearch.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        for (const QString &word : words)
            if (!haystack.contains(word, Qt::CaseInsensitive))
                return false;
    }
    return true;
}
