// The stock lines of every depot as a table: one row per depot × item, updated in place from the depots a
// change names.
#pragma once

#include "jhdomaintypes.h"
#include "jhevent.h"
#include "jhinventoryitem.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QPair>
#include <QSet>
#include <QVector>

class JhWorldState;
struct JhStateChange;

//! Rows of (depot, item) with the depot, county and catalogue entry resolved once per change.
//! updateDepots() touches only the rows of the given depots (dataChanged / insert / remove, never a reset).
//! The state keeps no "last changed" per line, so the model remembers the last inventory.* event it saw per
//! line (from JhStateChange::events); lines untouched since the workstation started show nothing there.
//! A line is low on stock when what is available (quantity − reserved) is below its minimum.
class JhInventoryTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        DepotColumn,
        CountyColumn,
        ItemColumn,
        CategoryColumn,
        QuantityColumn,
        UnitColumn,
        ReservedColumn,
        AvailableColumn,
        MinimumColumn,
        LowStockColumn,
        LastChangeColumn,
        CommandColumn,
        ColumnCount
    };
    enum Role
    {
        SortRole = Qt::UserRole + 1, //!< raw value to sort by
        DepotIdRole,
        ItemCodeRole,
        TeamIdRole,
        CountyRole,       //!< county code of the depot
        LowStockRole,     //!< bool
        SearchTextRole,   //!< depot, county, item name and code, for the search box
        CommandStatusRole //!< int(CommandStatus)
    };
    //! What became of the last command this workstation sent for a line.
    enum class CommandStatus
    {
        None,
        Sending,
        Accepted,
        Refused
    };

    explicit JhInventoryTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    //! Rebuilds every row (a replaced state); the only place that resets the model.
    void resetFrom(const JhWorldState &state);
    //! Updates, inserts or removes the rows of \a depotIds from \a state.
    void updateDepots(const JhWorldState &state, const QSet<QString> &depotIds);
    //! Remembers the last inventory.* event per line (call before updateDepots(); applyChange() does).
    void noteEvents(const QList<JhEvent> &events);
    //! noteEvents(), then resetFrom() when the change replaced the state, updateDepots() otherwise.
    void applyChange(const JhWorldState &state, const JhStateChange &change);

    //! Records the outcome of a command for a line (shown in the command column); \a text is the reason.
    void setCommandStatus(const QString &depotId, const QString &itemCode, CommandStatus status,
                          const QString &text = QString());

    int rowOf(const QString &depotId, const QString &itemCode) const;
    //! The stock line of \a row (nullptr when out of range).
    const JhInventoryItem *lineAt(int row) const;
    QString depotIdAt(int row) const;
    QString itemCodeAt(int row) const;
    //! Lines whose available stock is below their minimum.
    int lowStockCount() const { return mLowStock; }
    //! "低库存 3 条 · 共 108 条".
    QString countsText() const;

signals:
    void countsChanged();

private:
    struct LastChange
    {
        JhEventType type = JhEventType::InventoryAdjusted;
        QDateTime time;
        QString actor;
        double amount = 0; //!< delta of an adjustment, quantity otherwise
        QString incidentId;
        QString reason;
    };
    struct Row
    {
        QString depotId;
        QString depotName;
        QString teamId;
        int countyCode = 0;
        QString itemName;
        JhItemCategory category = JhItemCategory::Material;
        QString unit;
        JhInventoryItem line;
        QHash<QString, QString> incidentTitles; //!< of the incidents holding a reservation
        CommandStatus command = CommandStatus::None;
        QString commandText;
        bool isLow() const { return line.available() < line.minimumStock - 1e-9; }
    };
    static QString key(const QString &depotId, const QString &itemCode)
    {
        return depotId + QLatin1Char('\n') + itemCode;
    }
    Row makeRow(const JhWorldState &state, const QString &depotId, const JhInventoryItem &line) const;
    QString lastChangeText(const LastChange &change) const;
    QString reservedTip(const Row &row) const;
    QString commandLabel(const Row &row) const;
    void reindexFrom(int first);

    QVector<Row> mRows;
    QHash<QString, int> mRowOfKey;
    QHash<QString, LastChange> mLastChanges;
    QSet<QString> mTouched; //!< lines an event named since the last update (their last change moved)
    int mLowStock = 0;
};
