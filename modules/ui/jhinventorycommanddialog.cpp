// The inventory command dialog: fields by mode, and the payload central expects.
#include "jhinventorycommanddialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

JhInventoryCommandDialog::JhInventoryCommandDialog(Mode mode, const QString &depotId, const QString &itemCode,
                                                   const QString &lineLabel, const QString &unit,
                                                   double maximum, QWidget *parent)
    : QDialog(parent), mMode(mode), mDepotId(depotId), mItemCode(itemCode)
{
    setObjectName(QStringLiteral("inventoryCommandDialog"));
    switch (mode) {
    case Mode::Adjust:
        setWindowTitle(tr("Adjust stock"));
        break;
    case Mode::Reserve:
        setWindowTitle(tr("Reserve for an incident"));
        break;
    case Mode::Release:
        setWindowTitle(tr("Release a reservation"));
        break;
    case Mode::Dispatch:
        setWindowTitle(tr("Dispatch"));
        break;
    }
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(lineLabel, this);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    layout->addWidget(title);

    auto *form = new QFormLayout;
    mAmount = new QDoubleSpinBox(this);
    mAmount->setObjectName(QStringLiteral("inventoryAmount"));
    mAmount->setDecimals(2);
    mAmount->setSuffix(unit.isEmpty() ? QString() : QLatin1Char(' ') + unit);
    if (mode == Mode::Adjust) {
        mAmount->setRange(-1e9, 1e9);
        form->addRow(tr("Change (+ in, − out)"), mAmount);
    } else {
        mAmount->setRange(0, maximum > 0 ? maximum : 1e9);
        form->addRow(tr("Quantity"), mAmount);
    }
    if (mode == Mode::Adjust) {
        mReason = new QLineEdit(this);
        mReason->setObjectName(QStringLiteral("inventoryReason"));
        mReason->setPlaceholderText(tr("Stocktake, delivery, expired …"));
        form->addRow(tr("Reason"), mReason);
    } else {
        mIncident = new QComboBox(this);
        mIncident->setObjectName(QStringLiteral("inventoryIncident"));
        form->addRow(tr("Incident"), mIncident);
        if (mode == Mode::Dispatch) {
            mTask = new QComboBox(this);
            mTask->setObjectName(QStringLiteral("inventoryTask"));
            form->addRow(tr("Task"), mTask);
        }
    }
    layout->addLayout(form);
    mHint = new QLabel(this);
    mHint->setStyleSheet(QStringLiteral("color: #b06000;"));
    if (maximum > 0 && mode != Mode::Adjust)
        mHint->setText(tr("At most %1 %2").arg(QString::number(maximum, 'g', 12), unit));
    layout->addWidget(mHint);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    mOk = buttons->button(QDialogButtonBox::Ok);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    connect(mAmount, QOverload<double>::of(&QDoubleSpinBox::valueChanged), this,
            &JhInventoryCommandDialog::updateOk);
    if (mIncident)
        connect(mIncident, QOverload<int>::of(&QComboBox::currentIndexChanged), this,
                &JhInventoryCommandDialog::updateOk);
    updateOk();
}

void JhInventoryCommandDialog::setIncidents(const QList<Choice> &incidents)
{
    if (!mIncident)
        return;
    mIncident->clear();
    if (mMode == Mode::Dispatch)
        mIncident->addItem(tr("(none)"), QString());
    for (const Choice &choice : incidents)
        mIncident->addItem(choice.second, choice.first);
    updateOk();
}

void JhInventoryCommandDialog::setTasks(const QList<Choice> &tasks)
{
    if (!mTask)
        return;
    mTask->clear();
    mTask->addItem(tr("(none)"), QString());
    for (const Choice &choice : tasks)
        mTask->addItem(choice.second, choice.first);
}

void JhInventoryCommandDialog::updateOk()
{
    bool ok = mMode == Mode::Adjust ? mAmount->value() != 0 : mAmount->value() > 0;
    if ((mMode == Mode::Reserve || mMode == Mode::Release) &&
        (!mIncident || mIncident->currentData().toString().isEmpty()))
        ok = false;
    mOk->setEnabled(ok);
}

JhCommandType JhInventoryCommandDialog::commandType() const
{
    switch (mMode) {
    case Mode::Adjust:
        return JhCommandType::AdjustInventory;
    case Mode::Reserve:
        return JhCommandType::ReserveInventory;
    case Mode::Release:
        return JhCommandType::ReleaseInventory;
    case Mode::Dispatch:
        return JhCommandType::DispatchInventory;
    }
    return JhCommandType::AdjustInventory;
}

QJsonObject JhInventoryCommandDialog::payload() const
{
    QJsonObject payload{{QStringLiteral("depotId"), mDepotId}, {QStringLiteral("itemCode"), mItemCode}};
    if (mMode == Mode::Adjust) {
        payload.insert(QStringLiteral("delta"), mAmount->value());
        if (!mReason->text().trimmed().isEmpty())
            payload.insert(QStringLiteral("reason"), mReason->text().trimmed());
        return payload;
    }
    payload.insert(QStringLiteral("quantity"), mAmount->value());
    const QString incidentId = mIncident ? mIncident->currentData().toString() : QString();
    if (!incidentId.isEmpty())
        payload.insert(QStringLiteral("incidentId"), incidentId);
    const QString taskId = mTask ? mTask->currentData().toString() : QString();
    if (!taskId.isEmpty())
        payload.insert(QStringLiteral("taskId"), taskId);
    return payload;
}
