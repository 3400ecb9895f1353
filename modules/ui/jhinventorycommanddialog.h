// The dialog behind the 应急物资 dock's actions: adjust, reserve, release or dispatch one stock line.
#pragma once

#include "jhdomaintypes.h"

#include <QDialog>
#include <QJsonObject>
#include <QList>
#include <QPair>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;

//! Asks for what a command on one (depot, item) line needs and builds its payload (docs/domain.md).
//! Adjust: signed delta and reason; reserve / release: quantity and an incident; dispatch: quantity and an
//! incident or a task (both optional).
class JhInventoryCommandDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Mode
    {
        Adjust,
        Reserve,
        Release,
        Dispatch
    };
    //! A choice: id and the label shown.
    using Choice = QPair<QString, QString>;

    //! \a lineLabel names the line ("海门 · 围油栏"); \a maximum bounds the quantity (0: no bound).
    JhInventoryCommandDialog(Mode mode, const QString &depotId, const QString &itemCode,
                             const QString &lineLabel, const QString &unit, double maximum,
                             QWidget *parent = nullptr);

    //! Incidents to choose from (reserve, release, dispatch) and tasks (dispatch).
    void setIncidents(const QList<Choice> &incidents);
    void setTasks(const QList<Choice> &tasks);

    Mode mode() const { return mMode; }
    JhCommandType commandType() const;
    QJsonObject payload() const;

    QDoubleSpinBox *amountBox() const { return mAmount; }
    QLineEdit *reasonEdit() const { return mReason; }
    QComboBox *incidentBox() const { return mIncident; }
    QComboBox *taskBox() const { return mTask; }

private:
    void updateOk();

    Mode mMode;
    QString mDepotId;
    QString mItemCode;
    QDoubleSpinBox *mAmount = nullptr;
    QLineEdit *mReason = nullptr;
    QComboBox *mIncident = nullptr;
    QComboBox *mTask = nullptr;
    QLabel *mHint = nullptr;
    QPushButton *mOk = nullptr;
};
