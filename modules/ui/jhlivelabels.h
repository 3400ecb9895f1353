// Chinese labels the live panels show for codes the domain keeps as plain data (counties, rules, data flags).
#pragma once

#include <QDateTime>
#include <QString>

//! Counties of Nantong, alarm rule names and HJ 212 data flags, as monitoring staff say them; plus the
//! Beijing-time and age formats every live panel uses.
class JhLiveLabels
{
public:
    //! 通州, 崇川 …; the code as text when unknown.
    static QString countyName(int countyCode);
    //! All county codes in the order the filters list them.
    static QList<int> countyCodes();
    //! 数据标记异常, 空气质量超标 …; the rule id when unknown.
    static QString ruleName(const QString &ruleId);
    static QStringList ruleIds();
    //! N 正常, D 设备故障 …; the flag letter when unknown.
    static QString flagName(const QString &flag);
    //! True for the flags whose values are valid data (N, or none).
    static bool isValidFlag(const QString &flag) { return flag.isEmpty() || flag == QLatin1String("N"); }
    //! "2026-12-04 14:35" in Beijing time (UTC+8) whatever the machine's zone.
    static QString beijingTime(const QDateTime &time, bool seconds = false);
    //! "不到 1 分钟", "12 分钟", "3 小时 5 分", "2 天 4 小时" from \a since to \a now.
    static QString age(const QDateTime &since, const QDateTime &now);
    //! Roman class numerals of GB 3838 (1..6 -> Ⅰ … 劣Ⅴ).
    static QString waterClass(int waterClass);
};
