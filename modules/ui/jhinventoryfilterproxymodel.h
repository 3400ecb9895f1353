// Filters and sorts the inventory table: search text, one depot, low-stock lines only.
#pragma once

#include <QSortFilterProxyModel>

//! Sits on a JhInventoryTableModel; sorts by its SortRole. The search matches depot, county and item
//! (Chinese name or code), case-insensitively.
class JhInventoryFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit JhInventoryFilterProxyModel(QObject *parent = nullptr);

    void setSearchText(const QString &text);
    QString searchText() const { return mSearch; }
    //! Empty: every depot.
    void setDepotId(const QString &depotId);
    QString depotId() const { return mDepotId; }
    void setLowStockOnly(bool lowOnly);
    bool isLowStockOnly() const { return mLowOnly; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString mSearch;
    QString mDepotId;
    bool mLowOnly = false;
};
