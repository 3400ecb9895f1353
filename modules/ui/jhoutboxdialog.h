// The outbox window: every command given from this workstation and what became of it.
#pragma once

#include <QDialog>

class JhSyncClient;
class QTableView;

//! Opened from the status bar's outbox count; sortable, updated live.
class JhOutboxDialog : public QDialog
{
    Q_OBJECT
public:
    explicit JhOutboxDialog(JhSyncClient *client, QWidget *parent = nullptr);
    QTableView *table() const { return mTable; }

private:
    QTableView *mTable;
};
