// The alarm filters: every test reads the model's roles, so sorting and filtering never parse display text.
#include "jhalarmfilterproxymodel.h"

#include "jhalarmtablemodel.h"
#include "jhdomaintypes.h"

JhAlarmFilterProxyModel::JhAlarmFilterProxyModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(JhAlarmTableModel::SortRole);
    setDynamicSortFilter(true);
}

void JhAlarmFilterProxyModel::setCountyCode(int countyCode)
{
    mCountyCode = countyCode;
    invalidateFilter();
}

void JhAlarmFilterProxyModel::setSiteKind(int siteKind)
{
    mSiteKind = siteKind;
    invalidateFilter();
}

void JhAlarmFilterProxyModel::setRuleId(const QString &ruleId)
{
    mRuleId = ruleId;
    invalidateFilter();
}

void JhAlarmFilterProxyModel::setAlarmState(int state)
{
    mState = state;
    invalidateFilter();
}

void JhAlarmFilterProxyModel::setLevel(int level)
{
    mLevel = level;
    invalidateFilter();
}

void JhAlarmFilterProxyModel::setShowClosed(bool show)
{
    mShowClosed = show;
    invalidateFilter();
}

bool JhAlarmFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const int state = index.data(JhAlarmTableModel::StateRole).toInt();
    if (mState >= 0 ? state != mState : (!mShowClosed && state == int(JhAlarmState::Closed)))
        return false;
    if (mCountyCode && index.data(JhAlarmTableModel::CountyRole).toInt() != mCountyCode)
        return false;
    if (mSiteKind >= 0 && index.data(JhAlarmTableModel::SiteKindRole).toInt() != mSiteKind)
        return false;
    if (!mRuleId.isEmpty() && index.data(JhAlarmTableModel::RuleRole).toString() != mRuleId)
        return false;
    if (mLevel >= 0 && index.data(JhAlarmTableModel::LevelRole).toInt() != mLevel)
        return false;
    return true;
}
