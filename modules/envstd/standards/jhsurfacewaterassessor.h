// Surface-water class of a sample per GB 3838-2002 and 环办[2011]22号: item classes, section class, target.
#pragma once

#include "jhsurfacewaterstandard.h"

#include <QString>
#include <QVector>

//! Why a water assessment was refused.
enum class JhWaterError
{
    None,
    InvalidValue,     //!< NaN, infinite or negative concentration
    IncompatibleUnit, //!< e.g. mg/m³ for a water item
    DuplicateItem,
};

//! One measured item, with its unit stated explicitly (HJ 212 metals arrive in µg/L, GB 3838 is mg/L).
struct JhWaterMeasurement
{
    JhWaterItem item;
    double value;
    JhUnit unit;
};

//! What an assessment is asked about.
struct JhWaterAssessmentInput
{
    JhWaterBody body = JhWaterBody::River;
    QVector<JhWaterMeasurement> measurements;
    bool hasTarget = false;
    JhWaterClass target = JhWaterClass::III; //!< the section's target class (水质目标)
};

//! The class of one item.
struct JhWaterItemResult
{
    JhWaterItem item;
    double value = 0;        //!< converted to the item's GB 3838 unit
    bool classified = false; //!< false for water temperature (no class limits)
    JhWaterClass waterClass = JhWaterClass::I;
    bool participates = false; //!< counts in the section class
    //! 超标倍数 relative to the class III limit, (C − L)/L, for ≤ items above III; NaN otherwise.
    double exceedanceMultiple = 0;
    QString note;
};

//! Result of a section assessment.
struct JhWaterAssessment
{
    JhWaterError error = JhWaterError::None;
    QString message;

    JhWaterBody body = JhWaterBody::River;
    QVector<JhWaterItemResult> items; //!< in GB 3838 Table 1 order
    bool hasClass = false;            //!< false when no participating item was measured
    JhWaterClass overall = JhWaterClass::I;
    QVector<JhWaterItem> worstItems; //!< the participating items that set the class
    //! Main pollution indicators: up to three worst items, only when the section is worse than III.
    QVector<JhWaterItem> mainPollutants;
    bool hasTarget = false;
    JhWaterClass target = JhWaterClass::III;
    bool meetsTarget = true;
    int classesOverTarget = 0; //!< 0 when meeting; 劣V counts as class 6
    QVector<JhWaterItem> itemsOverTarget;

    bool ok() const { return error == JhWaterError::None; }
    const JhWaterItemResult *item(JhWaterItem item) const;
};

//! Applies GB 3838-2002 single-factor assessment (tables in JhSurfaceWaterStandard).
class JhSurfaceWaterAssessor
{
public:
    static JhWaterAssessment assess(const JhWaterAssessmentInput &input);
    //! Class of one item value (in the item's unit). Water temperature has none (returns false).
    static bool classify(JhWaterItem item, double value, JhWaterBody body, JhWaterClass *waterClass);
};
