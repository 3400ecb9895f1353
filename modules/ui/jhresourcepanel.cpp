// The resources dock: inventory table, filters, low-stock counts, role-bound commands with their answers.
#include "jhresourcepanel.h"

#include "jhenumnames.h"
#include "jhinventorycommanddialog.h"
#include "jhinventoryfilterproxymodel.h"
#include "jhinventorytablemodel.h"
#include "jhlivelabels.h"
#include "jhsyncclient.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

JhResourcePanel::JhResourcePanel(JhSyncClient *client, QWidget *parent) : QWidget(parent), mClient(client)
{
    setObjectName(QStringLiteral("resourcePanel"));
    mModel = new JhInventoryTableModel(this);
    mProxy = new JhInventoryFilterProxyModel(this);
    mProxy->setSourceModel(mModel);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);

    // Header: low-stock count, then the filters.
    auto *header = new QHBoxLayout;
    mCounts = new QLabel(this);
    mCounts->setObjectName(QStringLiteral("resourceCounts"));
    QFont bold = mCounts->font();
    bold.setBold(true);
    mCounts->setFont(bold);
    header->addWidget(mCounts);
    mSearch = new QLineEdit(this);
    mSearch->setObjectName(QStringLiteral("resourceSearch"));
    mSearch->setPlaceholderText(tr("Search depot or item"));
    mSearch->setClearButtonEnabled(true);
    header->addWidget(mSearch, 1);
    mDepotFilter = new QComboBox(this);
    mDepotFilter->setObjectName(QStringLiteral("resourceDepotFilter"));
    mDepotFilter->setToolTip(tr("Depot"));
    mDepotFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    header->addWidget(mDepotFilter);
    mLowOnly = new QCheckBox(tr("Low stock only"), this);
    mLowOnly->setObjectName(QStringLiteral("resourceLowOnly"));
    header->addWidget(mLowOnly);
    layout->addLayout(header);

    mView = new QTableView(this);
    mView->setObjectName(QStringLiteral("resourceTable"));
    mView->setModel(mProxy);
    mView->setSortingEnabled(true);
    mView->sortByColumn(-1, Qt::AscendingOrder); // the model's order: depot by depot
    mView->setSelectionBehavior(QAbstractItemView::SelectRows);
    mView->setSelectionMode(QAbstractItemView::SingleSelection);
    mView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    mView->setWordWrap(false);
    mView->verticalHeader()->hide();
    mView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    mView->verticalHeader()->setDefaultSectionSize(mView->fontMetrics().height() + 6);
    mView->horizontalHeader()->setStretchLastSection(true);
    // Widths in characters of the longest usual content (Chinese glyphs count about two).
    const int characters[] = {20, 5, 16, 9, 8, 4, 7, 7, 8, 7, 32, 10};
    const int unit = mView->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    for (int column = 0; column < JhInventoryTableModel::ColumnCount; ++column)
        mView->setColumnWidth(column, characters[column] * unit);
    layout->addWidget(mView, 1);

    auto *actions = new QHBoxLayout;
    auto button = [this, actions](const QString &name, const QString &text, const QString &tip) {
        auto *b = new QToolButton(this);
        b->setObjectName(name);
        b->setText(text);
        b->setToolTip(tip);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        actions->addWidget(b);
        return b;
    };
    mAdjust = button(QStringLiteral("resourceAdjust"), tr("Adjust stock"),
                     tr("Book stock in or out with a reason"));
    mReserve =
        button(QStringLiteral("resourceReserve"), tr("Reserve"), tr("Reserve stock for an open incident"));
    mRelease =
        button(QStringLiteral("resourceRelease"), tr("Release"), tr("Release an incident's reservation"));
    mDispatch = button(QStringLiteral("resourceDispatch"), tr("Dispatch"),
                       tr("Dispatch stock to an incident or a task"));
    mStatus = new QLabel(this);
    mStatus->setObjectName(QStringLiteral("resourceStatus"));
    mStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    actions->addWidget(mStatus, 1);
    layout->addLayout(actions);

    connect(mAdjust, &QToolButton::clicked, this, &JhResourcePanel::adjustCurrent);
    connect(mReserve, &QToolButton::clicked, this, &JhResourcePanel::reserveCurrent);
    connect(mRelease, &QToolButton::clicked, this, &JhResourcePanel::releaseCurrent);
    connect(mDispatch, &QToolButton::clicked, this, &JhResourcePanel::dispatchCurrent);
    connect(mView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &JhResourcePanel::updateActions);
    connect(mModel, &JhInventoryTableModel::countsChanged, this, &JhResourcePanel::updateCounts);
    connect(mModel, &QAbstractItemModel::dataChanged, this, &JhResourcePanel::updateActions);
    connect(mSearch, &QLineEdit::textChanged, mProxy, &JhInventoryFilterProxyModel::setSearchText);
    connect(mDepotFilter, QOverload<int>::of(&QComboBox::currentIndexChanged), this,
            [this]() { mProxy->setDepotId(mDepotFilter->currentData().toString()); });
    connect(mLowOnly, &QCheckBox::toggled, mProxy, &JhInventoryFilterProxyModel::setLowStockOnly);

    if (mClient) {
        connect(mClient, &JhSyncClient::stateChanged, this, &JhResourcePanel::onStateChanged);
        connect(mClient, &JhSyncClient::commandAnswered, this, &JhResourcePanel::onCommandAnswered);
        connect(mClient, &JhSyncClient::userChanged, this, &JhResourcePanel::updateActions);
        connect(mClient, &JhSyncClient::submitFailed, this,
                [this](const QStringList &ids, const QString &message) {
                    bool ours = false;
                    for (const QString &id : ids) {
                        if (!mCommandLines.contains(id))
                            continue;
                        ours = true;
                        const auto line = mCommandLines.take(id);
                        mCommandTypes.remove(id);
                        mModel->setCommandStatus(line.first, line.second,
                                                 JhInventoryTableModel::CommandStatus::Refused, message);
                    }
                    if (ours)
                        mStatus->setText(tr("Not sent: %1").arg(message));
                });
        mModel->resetFrom(mClient->state());
    }
    fillDepots();
    updateCounts();
    updateActions();
}

void JhResourcePanel::fillDepots()
{
    const QString current = mDepotFilter->currentData().toString();
    const QSignalBlocker blocker(mDepotFilter);
    mDepotFilter->clear();
    mDepotFilter->addItem(tr("All depots"), QString());
    if (mClient)
        for (const JhDepot &depot : mClient->state().depots())
            mDepotFilter->addItem(depot.name.isEmpty() ? depot.id : depot.name, depot.id);
    const int index = mDepotFilter->findData(current);
    mDepotFilter->setCurrentIndex(index < 0 ? 0 : index);
    mProxy->setDepotId(mDepotFilter->currentData().toString());
}

QString JhResourcePanel::currentDepotId() const
{
    const QModelIndex current = mView->selectionModel()->currentIndex();
    return current.isValid() ? current.data(JhInventoryTableModel::DepotIdRole).toString() : QString();
}

QString JhResourcePanel::currentItemCode() const
{
    const QModelIndex current = mView->selectionModel()->currentIndex();
    return current.isValid() ? current.data(JhInventoryTableModel::ItemCodeRole).toString() : QString();
}

bool JhResourcePanel::selectLine(const QString &depotId, const QString &itemCode)
{
    const int row = mModel->rowOf(depotId, itemCode);
    if (row < 0)
        return false;
    const QModelIndex index = mProxy->mapFromSource(mModel->index(row, 0));
    if (!index.isValid())
        return false;
    mView->selectionModel()->setCurrentIndex(index,
                                             QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    mView->scrollTo(index);
    return true;
}

bool JhResourcePanel::canAdjust(const JhDepot &depot) const
{
    if (!mClient)
        return false;
    const JhUser user = mClient->user();
    if (user.role == JhRole::EmergencyCoordinator)
        return true;
    return user.role == JhRole::CountyTeam && !user.teamId.isEmpty() && depot.teamId == user.teamId;
}

bool JhResourcePanel::canReserve(const JhDepot &) const
{
    // Reserving and releasing are the coordinator's alone (JhCommandValidator).
    return mClient && mClient->user().role == JhRole::EmergencyCoordinator;
}

bool JhResourcePanel::canDispatch(const JhDepot &depot) const
{
    return canAdjust(depot);
}

void JhResourcePanel::updateActions()
{
    const JhDepot *depot = mClient ? mClient->state().depot(currentDepotId()) : nullptr;
    const JhInventoryItem *line = depot ? depot->item(currentItemCode()) : nullptr;
    mAdjust->setEnabled(line && canAdjust(*depot));
    mReserve->setEnabled(line && canReserve(*depot) && line->available() > 0);
    mRelease->setEnabled(line && canReserve(*depot) && !line->reservations.isEmpty());
    mDispatch->setEnabled(line && canDispatch(*depot) && line->quantity > 0);
}

void JhResourcePanel::updateCounts()
{
    mCounts->setText(mModel->countsText());
    mCounts->setStyleSheet(mModel->lowStockCount() > 0 ? QStringLiteral("color: #c62828;") : QString());
}

void JhResourcePanel::onStateChanged(const JhStateChange &change)
{
    mModel->applyChange(mClient->state(), change);
    if (change.replaced || mDepotFilter->count() != mClient->state().depots().size() + 1)
        fillDepots();
    updateActions();
}

QString JhResourcePanel::lineLabel(const QString &depotId, const QString &itemCode) const
{
    const JhDepot *depot = mClient ? mClient->state().depot(depotId) : nullptr;
    const auto item = mClient ? mClient->state().catalogue().constFind(itemCode)
                              : QMap<QString, JhCatalogueItem>::const_iterator();
    const QString depotName = depot && !depot->name.isEmpty() ? depot->name : depotId;
    const QString itemName =
        mClient && item != mClient->state().catalogue().constEnd() ? item->name : itemCode;
    return QStringLiteral("%1 · %2").arg(depotName, itemName);
}

QString JhResourcePanel::submitCommand(JhCommandType type, const QJsonObject &payload)
{
    if (!mClient)
        return QString();
    const QString depotId = payload.value(QStringLiteral("depotId")).toString();
    const QString itemCode = payload.value(QStringLiteral("itemCode")).toString();
    const QString id = mClient->submit(type, payload);
    mCommandLines.insert(id, qMakePair(depotId, itemCode));
    mCommandTypes.insert(id, type);
    mModel->setCommandStatus(depotId, itemCode, JhInventoryTableModel::CommandStatus::Sending);
    mStatus->setText(tr("%1 %2: sending").arg(JhEnumNames::labelZh(type), lineLabel(depotId, itemCode)));
    return id;
}

void JhResourcePanel::onCommandAnswered(const JhOutboxEntry &entry)
{
    const auto found = mCommandLines.constFind(entry.command.id);
    if (found == mCommandLines.constEnd())
        return;
    const QPair<QString, QString> line = *found;
    mCommandLines.remove(entry.command.id);
    const JhCommandType type = mCommandTypes.take(entry.command.id);
    const QString label = lineLabel(line.first, line.second);
    if (entry.state == JhOutboxEntry::State::Accepted) {
        mModel->setCommandStatus(line.first, line.second, JhInventoryTableModel::CommandStatus::Accepted);
        mStatus->setText(tr("%1 %2: accepted").arg(JhEnumNames::labelZh(type), label));
    } else {
        const QString reason =
            entry.result.messageZh.isEmpty() ? entry.result.messageEn : entry.result.messageZh;
        mModel->setCommandStatus(line.first, line.second, JhInventoryTableModel::CommandStatus::Refused,
                                 reason);
        mStatus->setText(tr("%1 %2: refused: %3").arg(JhEnumNames::labelZh(type), label, reason));
    }
}

void JhResourcePanel::openDialog(int mode)
{
    if (!mClient)
        return;
    const JhWorldState &state = mClient->state();
    const QString depotId = currentDepotId();
    const QString itemCode = currentItemCode();
    const JhDepot *depot = state.depot(depotId);
    const JhInventoryItem *found = depot ? depot->item(itemCode) : nullptr;
    if (!found)
        return;
    const JhInventoryItem line = *found; // the row may change while the dialog is open
    const auto item = state.catalogue().constFind(itemCode);
    const QString unit = item != state.catalogue().constEnd() ? item->unit : QString();
    const auto dialogMode = JhInventoryCommandDialog::Mode(mode);
    double maximum = 0;
    if (dialogMode == JhInventoryCommandDialog::Mode::Reserve)
        maximum = line.available();
    else if (dialogMode == JhInventoryCommandDialog::Mode::Dispatch)
        maximum = line.quantity;
    JhInventoryCommandDialog dialog(dialogMode, depotId, itemCode, lineLabel(depotId, itemCode), unit,
                                    maximum, this);
    QList<JhInventoryCommandDialog::Choice> incidents;
    for (const JhIncident &incident : state.incidents()) {
        const QString label = QStringLiteral("%1 %2").arg(incident.id, incident.title);
        if (dialogMode == JhInventoryCommandDialog::Mode::Release) {
            // Only the incidents holding a reservation of this line (closed ones too: they may release).
            if (line.reservedFor(incident.id) > 0)
                incidents.append(
                    {incident.id,
                     tr("%1 (reserved %2 %3)")
                         .arg(label, QString::number(line.reservedFor(incident.id), 'g', 12), unit)});
        } else if (incident.status != JhIncidentStatus::Closed) {
            incidents.append({incident.id, label});
        }
    }
    dialog.setIncidents(incidents);
    QList<JhInventoryCommandDialog::Choice> tasks;
    for (const JhTask &task : state.tasks())
        if (!task.isFinished())
            tasks.append({task.id, QStringLiteral("%1 %2").arg(task.id, task.title)});
    dialog.setTasks(tasks);
    if (dialog.exec() == QDialog::Accepted)
        submitCommand(dialog.commandType(), dialog.payload());
}

void JhResourcePanel::adjustCurrent()
{
    if (mAdjust->isEnabled())
        openDialog(int(JhInventoryCommandDialog::Mode::Adjust));
}

void JhResourcePanel::reserveCurrent()
{
    if (mReserve->isEnabled())
        openDialog(int(JhInventoryCommandDialog::Mode::Reserve));
}

void JhResourcePanel::releaseCurrent()
{
    if (mRelease->isEnabled())
        openDialog(int(JhInventoryCommandDialog::Mode::Release));
}

void JhResourcePanel::dispatchCurrent()
{
    if (mDispatch->isEnabled())
        openDialog(int(JhInventoryCommandDialog::Mode::Dispatch));
}
