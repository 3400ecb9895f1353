// The outbox window.
#include "jhoutboxdialog.h"

#include "jhoutboxmodel.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

JhOutboxDialog::JhOutboxDialog(JhSyncClient *client, QWidget *parent)
    : QDialog(parent), mTable(new QTableView(this))
{
    setWindowTitle(tr("Outbox"));
    setObjectName(QStringLiteral("outboxDialog"));
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(new JhOutboxModel(client, this));
    mTable->setModel(proxy);
    mTable->setSortingEnabled(true);
    mTable->sortByColumn(JhOutboxModel::QueuedColumn, Qt::DescendingOrder);
    mTable->horizontalHeader()->setStretchLastSection(true);
    mTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    mTable->verticalHeader()->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(mTable);
    layout->addWidget(buttons);
    resize(720, 360);
}
