// Chinese labels for counties, alarm rules and data flags, and the time formats of the live panels.
#include "jhlivelabels.h"

#include <QHash>
#include <QList>
#include <QStringList>

namespace {
struct RuleName
{
    const char *id;
    const char *nameZh;
};
// The engine's rules (modules/central/*rule.h nameZh()); the ui may not link central, so the names are here.
const RuleName sRules[] = {{"exceedance.air-iaqi", "空气质量超标"},
                           {"exceedance.air-aqi", "空气质量指数超标"},
                           {"exceedance.water-class", "水质劣于目标"},
                           {"exceedance.noise-limit", "噪声超标"},
                           {"exceedance.source-limit", "排放超标"},
                           {"data.flag", "数据标记异常"},
                           {"data.offline", "站点离线"},
                           {"data.stuck", "数据恒值"}};
} // namespace

QString JhLiveLabels::countyName(int countyCode)
{
    switch (countyCode) {
    case 320612:
        return QStringLiteral("通州");
    case 320613:
        return QStringLiteral("崇川");
    case 320614:
        return QStringLiteral("海门");
    case 320623:
        return QStringLiteral("如东");
    case 320681:
        return QStringLiteral("启东");
    case 320682:
        return QStringLiteral("如皋");
    case 320685:
        return QStringLiteral("海安");
    default:
        return countyCode ? QString::number(countyCode) : QString();
    }
}

QList<int> JhLiveLabels::countyCodes()
{
    return {320613, 320612, 320614, 320623, 320681, 320682, 320685};
}

QString JhLiveLabels::ruleName(const QString &ruleId)
{
    for (const RuleName &rule : sRules)
        if (ruleId == QLatin1String(rule.id))
            return QString::fromUtf8(rule.nameZh);
    return ruleId;
}

QStringList JhLiveLabels::ruleIds()
{
    QStringList ids;
    for (const RuleName &rule : sRules)
        ids << QString::fromLatin1(rule.id);
    return ids;
}

QString JhLiveLabels::flagName(const QString &flag)
{
    // HJ 212-2017 data flags (docs/hj212-codec.md).
    static const QHash<QString, QString> names = {
        {QStringLiteral("N"), QStringLiteral("正常")},     {QStringLiteral("F"), QStringLiteral("停运")},
        {QStringLiteral("M"), QStringLiteral("维护")},     {QStringLiteral("S"), QStringLiteral("手工输入")},
        {QStringLiteral("D"), QStringLiteral("设备故障")}, {QStringLiteral("C"), QStringLiteral("校准")},
        {QStringLiteral("T"), QStringLiteral("超测上限")}, {QStringLiteral("B"), QStringLiteral("通讯异常")}};
    if (flag.isEmpty())
        return names.value(QStringLiteral("N"));
    return names.value(flag, flag);
}

QString JhLiveLabels::beijingTime(const QDateTime &time, bool seconds)
{
    if (!time.isValid())
        return QString();
    return time.toOffsetFromUtc(8 * 3600).toString(seconds ? QStringLiteral("yyyy-MM-dd HH:mm:ss")
                                                           : QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString JhLiveLabels::age(const QDateTime &since, const QDateTime &now)
{
    if (!since.isValid() || !now.isValid())
        return QString();
    const qint64 minutes = qMax<qint64>(0, since.secsTo(now) / 60);
    if (minutes < 1)
        return QStringLiteral("不到 1 分钟");
    if (minutes < 60)
        return QStringLiteral("%1 分钟").arg(minutes);
    if (minutes < 24 * 60)
        return minutes % 60 ? QStringLiteral("%1 小时 %2 分").arg(minutes / 60).arg(minutes % 60)
                            : QStringLiteral("%1 小时").arg(minutes / 60);
    const qint64 hours = minutes / 60;
    return hours % 24 ? QStringLiteral("%1 天 %2 小时").arg(hours / 24).arg(hours % 24)
                      : QStringLiteral("%1 天").arg(hours / 24);
}

QString JhLiveLabels::waterClass(int waterClass)
{
    static const char *classes[] = {"", "Ⅰ类", "Ⅱ类", "Ⅲ类", "Ⅳ类", "Ⅴ类", "劣Ⅴ类"};
    return waterClass >= 1 && waterClass <= 6 ? QString::fromUtf8(classes[waterClass]) : QStringLiteral("—");
}
