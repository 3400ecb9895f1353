// The outbox as a table: each command the user gave, whether central took it, and why not.
#pragma once

#include "jhoutboxentry.h"

#include <QAbstractTableModel>
#include <QHash>

class JhSyncClient;

//! Rows in submission order; updated in place from JhSyncClient::outboxChanged (no reset per change).
class JhOutboxModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        QueuedColumn,
        TypeColumn,
        StateColumn,
        ResultColumn,
        ColumnCount
    };

    explicit JhOutboxModel(JhSyncClient *client, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void onChanged(const QList<JhOutboxEntry> &changed);
    void reload();

    JhSyncClient *mClient;
    QList<JhOutboxEntry> mRows;
    QHash<QString, int> mRowById;
};
