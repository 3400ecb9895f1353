// Sorting and the duty officer's filters over the alarms table (county, site kind, rule, state, level).
#pragma once

#include <QSortFilterProxyModel>

//! Filters by county code, site kind, rule id, state and level (-1 / empty: any). Closed alarms are hidden
//! unless the state filter asks for them or setShowClosed(true). Sorts by JhAlarmTableModel::SortRole.
class JhAlarmFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit JhAlarmFilterProxyModel(QObject *parent = nullptr);

    void setCountyCode(int countyCode);
    void setSiteKind(int siteKind);
    void setRuleId(const QString &ruleId);
    void setAlarmState(int state);
    void setLevel(int level);
    void setShowClosed(bool show);
    bool showClosed() const { return mShowClosed; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    int mCountyCode = 0;
    int mSiteKind = -1;
    QString mRuleId;
    int mState = -1;
    int mLevel = -1;
    bool mShowClosed = false;
};
