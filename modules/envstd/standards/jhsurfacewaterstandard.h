// GB 3838-2002 surface-water Table 1 as data: items, HJ 212 codes, units, class limits, assessment rules.
#pragma once

#include "jhunits.h"

#include <QString>
#include <QVector>

//! Water-quality class of GB 3838-2002; WorseThanV is 劣Ⅴ.
enum class JhWaterClass
{
    I = 1,
    II,
    III,
    IV,
    V,
    WorseThanV,
};

//! Rivers and lakes/reservoirs differ in the TP limits (and TN applies to lakes/reservoirs only).
enum class JhWaterBody
{
    River,
    LakeOrReservoir,
};

//! The 24 basic items of GB 3838-2002 Table 1.
enum class JhWaterItem
{
    WaterTemperature,
    Ph,
    DissolvedOxygen,
    PermanganateIndex,
    Cod,
    Bod5,
    AmmoniaNitrogen,
    TotalPhosphorus,
    TotalNitrogen,
    Copper,
    Zinc,
    Fluoride,
    Selenium,
    Arsenic,
    Mercury,
    Cadmium,
    Chromium6,
    Lead,
    Cyanide,
    VolatilePhenol,
    Petroleum,
    AnionicSurfactant,
    Sulfide,
    FaecalColiform,
};

//! How a value is compared with the class limits.
enum class JhWaterLimitKind
{
    AtMost,      //!< value <= limit of the class (most items)
    AtLeast,     //!< value >= limit of the class (dissolved oxygen)
    Range,       //!< pH: inside [limits[0], limits[1]] for every class, else 劣Ⅴ
    NoClassLimit //!< water temperature: a limit on man-made change, not on the value
};

//! One row of GB 3838-2002 Table 1.
struct JhWaterItemInfo
{
    JhWaterItem item;
    const char *key; //!< CLI/JSON key: "ph", "do", "codmn", "nh3n", "tp" …
    const char *nameZh;
    const char *nameEn;
    const char *hj212Code; //!< HJ 212-2017 Table B.1 code, "" if none
    JhUnit unit;           //!< unit of the limits (GB 3838 is mg/L; pH none; coliform count/L)
    JhUnit hj212Unit;      //!< HJ 212 default unit (metals are µg/L there!)
    JhWaterLimitKind kind;
    double limits[5];     //!< classes I–V (rivers; for Range: low, high)
    double lakeLimits[5]; //!< classes I–V for lakes/reservoirs where different (TP), else NaN
    bool participates; //!< counts in the section's class (环办[2011]22号: not 水温, 总氮, 粪大肠菌群)
};

//! GB 3838-2002 Table 1 and the class names/labels of 《地表水环境质量评价办法（试行）》. Data in the .cpp.
class JhSurfaceWaterStandard
{
public:
    static QString code() { return QStringLiteral("GB 3838-2002"); }
    static QString source();
    static const QVector<JhWaterItemInfo> &items();
    static const JhWaterItemInfo &info(JhWaterItem item);
    //! Accepts a key ("nh3n"), an HJ 212 code ("w21003") or the English name, case-insensitive.
    static bool itemFromName(const QString &name, JhWaterItem *item);
    //! The limit of `waterClass` (I–V) for the water body, in the item's unit; NaN if none.
    static double limit(JhWaterItem item, JhWaterClass waterClass, JhWaterBody body);

    static QString className(JhWaterClass waterClass);   //!< "I" … "V", "劣V"
    static QString classNameZh(JhWaterClass waterClass); //!< "Ⅰ类" … "劣Ⅴ类"
    //! Accepts I..V, 1..5, Ⅰ..Ⅴ, 劣V / 劣Ⅴ / 6 / "worse-than-V".
    static bool classFromString(const QString &text, JhWaterClass *waterClass);
    //! Qualitative label of a section: I–II 优, III 良好, IV 轻度污染, V 中度污染, 劣V 重度污染.
    static QString labelZh(JhWaterClass waterClass);
    static QString labelEn(JhWaterClass waterClass);
};
