// GB 3838-2002 surface-water Table 1 as data: items, HJ 212 codes, units, class limits, assessment rules.
#include "jhsurfacewaterstandard.h"

#include <limits>

namespace {

using W = JhWaterItem;
using K = JhWaterLimitKind;
const double NA = std::numeric_limits<double>::quiet_NaN();
const JhUnit MGL = JhUnit::MilligramPerLitre;
const JhUnit UGL = JhUnit::MicrogramPerLitre;

// GB 3838-2002 Table 1 (basic items), classes I–V, mg/L unless stated. Transcribed in standards.md §4 from
// two agreeing secondary sources. DO class I is "饱和率 90 %（或 7.5）": 7.5 mg/L is used.
// HJ 212 codes and default units: HJ 212-2017 Table B.1; metals are reported in µg/L by default.
// participates: 环办[2011]22号 evaluates 21 items, excluding 水温, 总氮 and 粪大肠菌群; TN (lakes and
// reservoirs) goes to the trophic-state evaluation instead.
const QVector<JhWaterItemInfo> &itemTable()
{
    static const QVector<JhWaterItemInfo> table = {
        {W::WaterTemperature,
         "temp",
         "水温",
         "water temperature",
         "w01010",
         JhUnit::DegreeCelsius,
         JhUnit::DegreeCelsius,
         K::NoClassLimit,
         {NA, NA, NA, NA, NA},
         {NA, NA, NA, NA, NA},
         false},
        {W::Ph,
         "ph",
         "pH",
         "pH",
         "w01001",
         JhUnit::None,
         JhUnit::None,
         K::Range,
         {6, 9, NA, NA, NA},
         {NA, NA, NA, NA, NA},
         true},
        {W::DissolvedOxygen,
         "do",
         "溶解氧",
         "dissolved oxygen",
         "w01009",
         MGL,
         MGL,
         K::AtLeast,
         {7.5, 6, 5, 3, 2},
         {NA, NA, NA, NA, NA},
         true},
        {W::PermanganateIndex,
         "codmn",
         "高锰酸盐指数",
         "permanganate index",
         "w01019",
         MGL,
         MGL,
         K::AtMost,
         {2, 4, 6, 10, 15},
         {NA, NA, NA, NA, NA},
         true},
        {W::Cod,
         "cod",
         "化学需氧量",
         "COD",
         "w01018",
         MGL,
         MGL,
         K::AtMost,
         {15, 15, 20, 30, 40},
         {NA, NA, NA, NA, NA},
         true},
        {W::Bod5,
         "bod5",
         "五日生化需氧量",
         "BOD5",
         "w01017",
         MGL,
         MGL,
         K::AtMost,
         {3, 3, 4, 6, 10},
         {NA, NA, NA, NA, NA},
         true},
        {W::AmmoniaNitrogen,
         "nh3n",
         "氨氮",
         "ammonia nitrogen",
         "w21003",
         MGL,
         MGL,
         K::AtMost,
         {0.15, 0.5, 1.0, 1.5, 2.0},
         {NA, NA, NA, NA, NA},
         true},
        {W::TotalPhosphorus,
         "tp",
         "总磷",
         "total phosphorus",
         "w21011",
         MGL,
         MGL,
         K::AtMost,
         {0.02, 0.1, 0.2, 0.3, 0.4},
         {0.01, 0.025, 0.05, 0.1, 0.2},
         true},
        {W::TotalNitrogen,
         "tn",
         "总氮",
         "total nitrogen",
         "w21001",
         MGL,
         MGL,
         K::AtMost,
         {0.2, 0.5, 1.0, 1.5, 2.0},
         {NA, NA, NA, NA, NA},
         false},
        {W::Copper,
         "cu",
         "铜",
         "copper",
         "w20122",
         MGL,
         MGL,
         K::AtMost,
         {0.01, 1, 1, 1, 1},
         {NA, NA, NA, NA, NA},
         true},
        {W::Zinc,
         "zn",
         "锌",
         "zinc",
         "w20123",
         MGL,
         MGL,
         K::AtMost,
         {0.05, 1, 1, 2, 2},
         {NA, NA, NA, NA, NA},
         true},
        {W::Fluoride,
         "f",
         "氟化物",
         "fluoride",
         "w21017",
         MGL,
         MGL,
         K::AtMost,
         {1, 1, 1, 1.5, 1.5},
         {NA, NA, NA, NA, NA},
         true},
        {W::Selenium,
         "se",
         "硒",
         "selenium",
         "w20128",
         MGL,
         UGL,
         K::AtMost,
         {0.01, 0.01, 0.01, 0.02, 0.02},
         {NA, NA, NA, NA, NA},
         true},
        {W::Arsenic,
         "as",
         "砷",
         "arsenic",
         "w20119",
         MGL,
         UGL,
         K::AtMost,
         {0.05, 0.05, 0.05, 0.1, 0.1},
         {NA, NA, NA, NA, NA},
         true},
        {W::Mercury,
         "hg",
         "汞",
         "mercury",
         "w20111",
         MGL,
         UGL,
         K::AtMost,
         {0.00005, 0.00005, 0.0001, 0.001, 0.001},
         {NA, NA, NA, NA, NA},
         true},
        {W::Cadmium,
         "cd",
         "镉",
         "cadmium",
         "w20115",
         MGL,
         UGL,
         K::AtMost,
         {0.001, 0.005, 0.005, 0.005, 0.01},
         {NA, NA, NA, NA, NA},
         true},
        {W::Chromium6,
         "cr6",
         "铬（六价）",
         "chromium (VI)",
         "w20117",
         MGL,
         UGL,
         K::AtMost,
         {0.01, 0.05, 0.05, 0.05, 0.1},
         {NA, NA, NA, NA, NA},
         true},
        {W::Lead,
         "pb",
         "铅",
         "lead",
         "w20120",
         MGL,
         UGL,
         K::AtMost,
         {0.01, 0.01, 0.05, 0.05, 0.1},
         {NA, NA, NA, NA, NA},
         true},
        {W::Cyanide,
         "cn",
         "氰化物",
         "cyanide",
         "w21016",
         MGL,
         MGL,
         K::AtMost,
         {0.005, 0.05, 0.2, 0.2, 0.2},
         {NA, NA, NA, NA, NA},
         true},
        {W::VolatilePhenol,
         "phenol",
         "挥发酚",
         "volatile phenol",
         "w23002",
         MGL,
         MGL,
         K::AtMost,
         {0.002, 0.002, 0.005, 0.01, 0.1},
         {NA, NA, NA, NA, NA},
         true},
        {W::Petroleum,
         "oil",
         "石油类",
         "petroleum",
         "w22001",
         MGL,
         MGL,
         K::AtMost,
         {0.05, 0.05, 0.05, 0.5, 1.0},
         {NA, NA, NA, NA, NA},
         true},
        {W::AnionicSurfactant,
         "las",
         "阴离子表面活性剂",
         "anionic surfactant",
         "w19002",
         MGL,
         MGL,
         K::AtMost,
         {0.2, 0.2, 0.2, 0.3, 0.3},
         {NA, NA, NA, NA, NA},
         true},
        {W::Sulfide,
         "s2",
         "硫化物",
         "sulfide",
         "w21019",
         MGL,
         MGL,
         K::AtMost,
         {0.05, 0.1, 0.2, 0.5, 1.0},
         {NA, NA, NA, NA, NA},
         true},
        {W::FaecalColiform,
         "coliform",
         "粪大肠菌群",
         "faecal coliforms",
         "w02003",
         JhUnit::CountPerLitre,
         JhUnit::CountPerLitre,
         K::AtMost,
         {200, 2000, 10000, 20000, 40000},
         {NA, NA, NA, NA, NA},
         false},
    };
    return table;
}

struct ClassName
{
    JhWaterClass waterClass;
    const char *ascii;
    const char *zh;
    const char *labelZh;
    const char *labelEn;
};

// Labels: 《地表水环境质量评价办法（试行）》 (环办[2011]22号), via standards.md §4 [secondary].
const ClassName CLASSES[] = {
    {JhWaterClass::I, "I", "Ⅰ类", "优", "excellent"},
    {JhWaterClass::II, "II", "Ⅱ类", "优", "excellent"},
    {JhWaterClass::III, "III", "Ⅲ类", "良好", "good"},
    {JhWaterClass::IV, "IV", "Ⅳ类", "轻度污染", "lightly polluted"},
    {JhWaterClass::V, "V", "Ⅴ类", "中度污染", "moderately polluted"},
    {JhWaterClass::WorseThanV, "劣V", "劣Ⅴ类", "重度污染", "heavily polluted"},
};

const ClassName &className(JhWaterClass waterClass)
{
    for (const ClassName &candidate : CLASSES) {
        if (candidate.waterClass == waterClass)
            return candidate;
    }
    return CLASSES[5];
}

} // namespace

QString JhSurfaceWaterStandard::source()
{
    return QStringLiteral("GB 3838-2002 地表水环境质量标准 Table 1 (secondary transcriptions); "
                          "地表水环境质量评价办法（试行）环办[2011]22号 (secondary)");
}

const QVector<JhWaterItemInfo> &JhSurfaceWaterStandard::items()
{
    return itemTable();
}

const JhWaterItemInfo &JhSurfaceWaterStandard::info(JhWaterItem item)
{
    for (const JhWaterItemInfo &candidate : itemTable()) {
        if (candidate.item == item)
            return candidate;
    }
    return itemTable().first();
}

bool JhSurfaceWaterStandard::itemFromName(const QString &name, JhWaterItem *item)
{
    for (const JhWaterItemInfo &candidate : itemTable()) {
        if (name.compare(QLatin1String(candidate.key), Qt::CaseInsensitive) == 0 ||
            name.compare(QLatin1String(candidate.hj212Code), Qt::CaseInsensitive) == 0 ||
            name.compare(QLatin1String(candidate.nameEn), Qt::CaseInsensitive) == 0) {
            *item = candidate.item;
            return true;
        }
    }
    return false;
}

double JhSurfaceWaterStandard::limit(JhWaterItem item, JhWaterClass waterClass, JhWaterBody body)
{
    const int index = static_cast<int>(waterClass) - 1;
    const JhWaterItemInfo &row = info(item);
    if (index < 0 || index > 4 || row.kind == JhWaterLimitKind::NoClassLimit)
        return NA;
    if (row.kind == JhWaterLimitKind::Range)
        return NA;
    if (body == JhWaterBody::LakeOrReservoir && row.lakeLimits[index] == row.lakeLimits[index])
        return row.lakeLimits[index];
    return row.limits[index];
}

QString JhSurfaceWaterStandard::className(JhWaterClass waterClass)
{
    return QString::fromUtf8(::className(waterClass).ascii);
}

QString JhSurfaceWaterStandard::classNameZh(JhWaterClass waterClass)
{
    return QString::fromUtf8(::className(waterClass).zh);
}

bool JhSurfaceWaterStandard::classFromString(const QString &text, JhWaterClass *waterClass)
{
    QString normalised = text.trimmed().toUpper();
    normalised.remove(QStringLiteral("类"));
    normalised.replace(QChar(0x2160), QStringLiteral("I")); // Ⅰ
    normalised.replace(QChar(0x2161), QStringLiteral("II"));
    normalised.replace(QChar(0x2162), QStringLiteral("III"));
    normalised.replace(QChar(0x2163), QStringLiteral("IV"));
    normalised.replace(QChar(0x2164), QStringLiteral("V"));
    static const struct
    {
        const char *text;
        JhWaterClass waterClass;
    } names[] = {{"I", JhWaterClass::I},
                 {"1", JhWaterClass::I},
                 {"II", JhWaterClass::II},
                 {"2", JhWaterClass::II},
                 {"III", JhWaterClass::III},
                 {"3", JhWaterClass::III},
                 {"IV", JhWaterClass::IV},
                 {"4", JhWaterClass::IV},
                 {"V", JhWaterClass::V},
                 {"5", JhWaterClass::V},
                 {"劣V", JhWaterClass::WorseThanV},
                 {"6", JhWaterClass::WorseThanV},
                 {"WORSE-THAN-V", JhWaterClass::WorseThanV}};
    for (const auto &name : names) {
        if (normalised == QString::fromUtf8(name.text)) {
            *waterClass = name.waterClass;
            return true;
        }
    }
    return false;
}

QString JhSurfaceWaterStandard::labelZh(JhWaterClass waterClass)
{
    return QString::fromUtf8(::className(waterClass).labelZh);
}

QString JhSurfaceWaterStandard::labelEn(JhWaterClass waterClass)
{
    return QString::fromUtf8(::className(waterClass).labelEn);
}
