// The 应急物资 dock: every depot's stock lines with filters, low-stock counts and the inventory commands by
// role.
#pragma once

#include "jhdomaintypes.h"
#include "jhoutboxentry.h"

#include <QHash>
#include <QJsonObject>
#include <QPair>
#include <QWidget>

class JhInventoryFilterProxyModel;
class JhInventoryTableModel;
class JhSyncClient;
struct JhDepot;
struct JhStateChange;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QToolButton;

//! Shows the client's depots × items (updated from stateChanged's depot ids only), lets the user adjust,
//! reserve, release or dispatch the selected line as their role allows (coordinator: everything; county
//! team: adjust and dispatch at its own depot; others: nothing — the role table of docs/domain.md), and
//! shows what central answered in the row and the status line.
class JhResourcePanel : public QWidget
{
    Q_OBJECT

public:
    explicit JhResourcePanel(JhSyncClient *client, QWidget *parent = nullptr);

    JhInventoryTableModel *model() const { return mModel; }
    JhInventoryFilterProxyModel *proxy() const { return mProxy; }
    QTableView *view() const { return mView; }
    QLineEdit *searchEdit() const { return mSearch; }
    QComboBox *depotFilter() const { return mDepotFilter; }
    QCheckBox *lowStockOnlyBox() const { return mLowOnly; }
    QToolButton *adjustButton() const { return mAdjust; }
    QToolButton *reserveButton() const { return mReserve; }
    QToolButton *releaseButton() const { return mRelease; }
    QToolButton *dispatchButton() const { return mDispatch; }
    QLabel *countsLabel() const { return mCounts; }
    QLabel *statusLabel() const { return mStatus; }

    //! Makes the (depot, item) line the current row (if it passes the filters); false when it is not shown.
    bool selectLine(const QString &depotId, const QString &itemCode);
    QString currentDepotId() const;
    QString currentItemCode() const;

    //! What the client's user may do at \a depot (docs/domain.md role table).
    bool canAdjust(const JhDepot &depot) const;
    bool canReserve(const JhDepot &depot) const;
    bool canDispatch(const JhDepot &depot) const;

    //! Sends an inventory command and tracks its answer in the row and the status line; returns its id.
    QString submitCommand(JhCommandType type, const QJsonObject &payload);

public slots:
    void adjustCurrent();
    void reserveCurrent();
    void releaseCurrent();
    void dispatchCurrent();

private:
    void onStateChanged(const JhStateChange &change);
    void onCommandAnswered(const JhOutboxEntry &entry);
    void updateActions();
    void updateCounts();
    void fillDepots();
    void openDialog(int mode);
    QString lineLabel(const QString &depotId, const QString &itemCode) const;

    JhSyncClient *mClient = nullptr;
    JhInventoryTableModel *mModel = nullptr;
    JhInventoryFilterProxyModel *mProxy = nullptr;
    QTableView *mView = nullptr;
    QLabel *mCounts = nullptr;
    QLabel *mStatus = nullptr;
    QLineEdit *mSearch = nullptr;
    QComboBox *mDepotFilter = nullptr;
    QCheckBox *mLowOnly = nullptr;
    QToolButton *mAdjust = nullptr;
    QToolButton *mReserve = nullptr;
    QToolButton *mRelease = nullptr;
    QToolButton *mDispatch = nullptr;
    QHash<QString, QPair<QString, QString>> mCommandLines; //!< command id -> (depot, item), until answered
    QHash<QString, JhCommandType> mCommandTypes;
};
