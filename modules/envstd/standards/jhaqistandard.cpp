// HJ 633 (2012 and 2026) as versioned data: breakpoints, report indicators, special rules, categories.
#include "jhaqistandard.h"

#include <limits>
#include <utility>

struct JhAqiStandard::Data
{
    struct Column
    {
        JhAqiIndicator indicator;
        int count; // breakpoints defined (rows from IAQI 0 upwards)
        double limits[JhAqiStandard::rowCount];
    };

    JhAqiVersion version;
    const char *code;
    const char *source;
    QDate inForceFrom;
    bool roundsConcentrations;
    int minimumAqi;
    bool definesOverStandard;
    bool suppressesIncompleteAqi;
    QVector<Column> columns;
    QVector<std::pair<JhAqiIndicator, JhAqiIndicator>> columnAliases; // indicator -> column it uses
    QVector<JhAqiCapRule> capRules;
    QVector<JhAqiIndicator> hourly;
    QVector<JhAqiIndicator> daily;
    QVector<JhAqiIndicator> hourlyAuxiliary;
    QVector<JhAqiIndicator> dailyAuxiliary;
    QVector<JhAqiCategory> categories;
};

namespace {

using I = JhAqiIndicator;
const double NA = std::numeric_limits<double>::quiet_NaN();

// ---------------------------------------------------------------------------------------------------------
// The tables. Units: µg/m³, CO mg/m³. IAQI rows: 0, 50, 100, 150, 200, 300, 400, 500.
// ---------------------------------------------------------------------------------------------------------

const int IAQI_ROWS[JhAqiStandard::rowCount] = {0, 50, 100, 150, 200, 300, 400, 500};

// Table 2 (2012) / Table 1 (2026) and Appendix A Table A.1 (identical in both editions). Level 1 starts at
// 0 in 2012 and at 1 in 2026.
QVector<JhAqiCategory> categories(int firstAqi)
{
    return {
        {1, firstAqi, 50, "一级", "优", "Excellent", "绿色", "green", 0, 228, 0, 40, 0, 100, 0},
        {2, 51, 100, "二级", "良", "Good", "黄色", "yellow", 255, 255, 0, 0, 0, 100, 0},
        {3, 101, 150, "三级", "轻度污染", "Lightly polluted", "橙色", "orange", 255, 126, 0, 0, 52, 100, 0},
        {4, 151, 200, "四级", "中度污染", "Moderately polluted", "红色", "red", 255, 0, 0, 0, 100, 100, 0},
        {5, 201, 300, "五级", "重度污染", "Heavily polluted", "紫色", "purple", 153, 0, 76, 10, 100, 40, 30},
        {6, 301, 500, "六级", "严重污染", "Severely polluted", "褐红色", "maroon", 126, 0, 35, 30, 100, 100,
         30},
    };
}

// HJ 633-2012 Table 1. Footnote (2): SO2 1 h above 800 is not calculated, SO2 reported with its 24 h IAQI;
// footnote (3): O3 8 h above 800 is not calculated, O3 reported with its 1 h IAQI. PM has 24 h columns only:
// the real-time report uses the 24 h sliding averages (§5.1.3, Table 4) and publishes PM 1 h without IAQI.
const JhAqiStandard::Data &data2012()
{
    static const JhAqiStandard::Data table = {
        JhAqiVersion::Hj633_2012,
        "HJ 633-2012",
        "HJ 633-2012 环境空气质量指数（AQI）技术规定（试行）, Table 1, §4.4.2, §5.1, §6.2, Appendix A",
        QDate(2016, 1, 1),
        false,
        0,
        true,
        false,
        {
            {I::So2_24h, 8, {0, 50, 150, 475, 800, 1600, 2100, 2620}},
            {I::So2_1h, 5, {0, 150, 500, 650, 800, NA, NA, NA}},
            {I::No2_24h, 8, {0, 40, 80, 180, 280, 565, 750, 940}},
            {I::No2_1h, 8, {0, 100, 200, 700, 1200, 2340, 3090, 3840}},
            {I::Pm10_24h, 8, {0, 50, 150, 250, 350, 420, 500, 600}},
            {I::Co_24h, 8, {0, 2, 4, 14, 24, 36, 48, 60}},
            {I::Co_1h, 8, {0, 5, 10, 35, 60, 90, 120, 150}},
            {I::O3_1h, 8, {0, 160, 200, 300, 400, 800, 1000, 1200}},
            {I::O3_8h, 6, {0, 100, 160, 215, 265, 800, NA, NA}},
            {I::Pm25_24h, 8, {0, 35, 75, 115, 150, 250, 350, 500}},
        },
        {},
        {
            {I::So2_1h, 800, -1, I::So2_24h},
            {I::O3_8h, 800, -1, I::O3_1h},
        },
        {I::So2_1h, I::No2_1h, I::Co_1h, I::O3_1h, I::O3_8h, I::Pm10_24h, I::Pm25_24h},
        {I::So2_24h, I::No2_24h, I::Co_24h, I::O3_1h, I::O3_8h, I::Pm10_24h, I::Pm25_24h},
        {I::So2_24h, I::Pm10_1h, I::Pm25_1h},
        {},
        categories(0),
    };
    return table;
}

// HJ 633-2026 Table 3: PM10 and PM2.5 rows at IAQI 100 changed (120, 60); all other columns as 2012.
// Footnote b: SO2 1 h above 800 counts as IAQI 200; footnote c: O3 8 h above 800 counts as IAQI 300.
// §4.2.4: PM 1 h values use the daily-average breakpoints.
const JhAqiStandard::Data &data2026()
{
    static const JhAqiStandard::Data table = {
        JhAqiVersion::Hj633_2026,
        "HJ 633-2026",
        "HJ 633—2026 环境空气质量指数（AQI）技术规定, Table 1, Table 3, §4.2, §4.3, §5.3, Appendix A",
        QDate(2026, 3, 1),
        true,
        1,
        false,
        true,
        {
            {I::So2_24h, 8, {0, 50, 150, 475, 800, 1600, 2100, 2620}},
            {I::So2_1h, 5, {0, 150, 500, 650, 800, NA, NA, NA}},
            {I::No2_24h, 8, {0, 40, 80, 180, 280, 565, 750, 940}},
            {I::No2_1h, 8, {0, 100, 200, 700, 1200, 2340, 3090, 3840}},
            {I::Co_24h, 8, {0, 2, 4, 14, 24, 36, 48, 60}},
            {I::Co_1h, 8, {0, 5, 10, 35, 60, 90, 120, 150}},
            {I::O3_8h, 6, {0, 100, 160, 215, 265, 800, NA, NA}},
            {I::O3_1h, 8, {0, 160, 200, 300, 400, 800, 1000, 1200}},
            {I::Pm10_24h, 8, {0, 50, 120, 250, 350, 420, 500, 600}},
            {I::Pm25_24h, 8, {0, 35, 60, 115, 150, 250, 350, 500}},
        },
        {{I::Pm10_1h, I::Pm10_24h}, {I::Pm25_1h, I::Pm25_24h}},
        {
            {I::So2_1h, 800, 200, I::So2_1h},
            {I::O3_8h, 800, 300, I::O3_8h},
        },
        {I::So2_1h, I::No2_1h, I::Co_1h, I::O3_1h, I::Pm10_1h, I::Pm25_1h},
        {I::So2_24h, I::No2_24h, I::Co_24h, I::O3_8h, I::Pm10_24h, I::Pm25_24h},
        {},
        {},
        categories(1),
    };
    return table;
}

struct IndicatorName
{
    JhAqiIndicator indicator;
    const char *key;
    JhAirPollutant pollutant;
};

const IndicatorName INDICATORS[] = {
    {I::So2_24h, "so2_24h", JhAirPollutant::So2},    {I::So2_1h, "so2_1h", JhAirPollutant::So2},
    {I::No2_24h, "no2_24h", JhAirPollutant::No2},    {I::No2_1h, "no2_1h", JhAirPollutant::No2},
    {I::Co_24h, "co_24h", JhAirPollutant::Co},       {I::Co_1h, "co_1h", JhAirPollutant::Co},
    {I::O3_1h, "o3_1h", JhAirPollutant::O3},         {I::O3_8h, "o3_8h", JhAirPollutant::O3},
    {I::Pm10_24h, "pm10_24h", JhAirPollutant::Pm10}, {I::Pm10_1h, "pm10_1h", JhAirPollutant::Pm10},
    {I::Pm25_24h, "pm25_24h", JhAirPollutant::Pm25}, {I::Pm25_1h, "pm25_1h", JhAirPollutant::Pm25},
};

const IndicatorName &indicatorName(JhAqiIndicator indicator)
{
    for (const IndicatorName &candidate : INDICATORS) {
        if (candidate.indicator == indicator)
            return candidate;
    }
    return INDICATORS[0];
}

} // namespace

QString JhAqiCategory::colourHex() const
{
    return QStringLiteral("#%1%2%3")
        .arg(red, 2, 16, QLatin1Char('0'))
        .arg(green, 2, 16, QLatin1Char('0'))
        .arg(blue, 2, 16, QLatin1Char('0'))
        .toUpper();
}

JhAqiStandard::JhAqiStandard(const Data &data)
    : mVersion(data.version), mCode(data.code), mSource(data.source), mInForceFrom(data.inForceFrom),
      mRoundsConcentrations(data.roundsConcentrations), mMinimumAqi(data.minimumAqi),
      mDefinesOverStandard(data.definesOverStandard), mSuppressesIncompleteAqi(data.suppressesIncompleteAqi),
      mData(&data)
{}

const JhAqiStandard &JhAqiStandard::standard(JhAqiVersion version)
{
    // Function-local statics: safe to use from other translation units' static initialisers.
    static const JhAqiStandard standard2012(data2012());
    static const JhAqiStandard standard2026(data2026());
    return version == JhAqiVersion::Hj633_2026 ? standard2026 : standard2012;
}

JhAqiVersion JhAqiStandard::versionInForce(const QDate &observationDate)
{
    return observationDate >= standard(JhAqiVersion::Hj633_2026).inForceFrom() ? JhAqiVersion::Hj633_2026
                                                                               : JhAqiVersion::Hj633_2012;
}

int JhAqiStandard::iaqiOfRow(int row)
{
    return row >= 0 && row < rowCount ? IAQI_ROWS[row] : -1;
}

QString JhAqiStandard::indicatorKey(JhAqiIndicator indicator)
{
    return QString::fromLatin1(indicatorName(indicator).key);
}

bool JhAqiStandard::indicatorFromKey(const QString &key, JhAqiIndicator *indicator)
{
    for (const IndicatorName &candidate : INDICATORS) {
        if (key.compare(QLatin1String(candidate.key), Qt::CaseInsensitive) == 0) {
            *indicator = candidate.indicator;
            return true;
        }
    }
    return false;
}

JhAirPollutant JhAqiStandard::pollutantOf(JhAqiIndicator indicator)
{
    return indicatorName(indicator).pollutant;
}

const QVector<JhAqiIndicator> &JhAqiStandard::allIndicators()
{
    static const QVector<JhAqiIndicator> all = {I::So2_24h,  I::So2_1h,  I::No2_24h,  I::No2_1h,
                                                I::Co_24h,   I::Co_1h,   I::O3_1h,    I::O3_8h,
                                                I::Pm10_24h, I::Pm10_1h, I::Pm25_24h, I::Pm25_1h};
    return all;
}

int JhAqiStandard::year() const
{
    return mVersion == JhAqiVersion::Hj633_2026 ? 2026 : 2012;
}

const QVector<JhAqiIndicator> &JhAqiStandard::reportIndicators(JhAqiReport report) const
{
    return report == JhAqiReport::Hourly ? mData->hourly : mData->daily;
}

JhAqiIndicator JhAqiStandard::pollutantIndicator(JhAirPollutant pollutant, JhAqiReport report) const
{
    for (JhAqiIndicator indicator : reportIndicators(report)) {
        if (pollutantOf(indicator) == pollutant)
            return indicator;
    }
    return reportIndicators(report).first(); // every report has every pollutant; not reached
}

const QVector<JhAqiIndicator> &JhAqiStandard::auxiliaryIndicators(JhAqiReport report) const
{
    return report == JhAqiReport::Hourly ? mData->hourlyAuxiliary : mData->dailyAuxiliary;
}

bool JhAqiStandard::breakpointColumn(JhAqiIndicator indicator, JhAqiIndicator *column) const
{
    JhAqiIndicator candidate = indicator;
    for (const auto &alias : mData->columnAliases) {
        if (alias.first == indicator)
            candidate = alias.second;
    }
    if (breakpointCount(candidate) == 0)
        return false;
    *column = candidate;
    return true;
}

int JhAqiStandard::breakpointCount(JhAqiIndicator column) const
{
    for (const Data::Column &candidate : mData->columns) {
        if (candidate.indicator == column)
            return candidate.count;
    }
    return 0;
}

double JhAqiStandard::breakpoint(JhAqiIndicator column, int row) const
{
    for (const Data::Column &candidate : mData->columns) {
        if (candidate.indicator == column && row >= 0 && row < candidate.count)
            return candidate.limits[row];
    }
    return NA;
}

const JhAqiCapRule *JhAqiStandard::capRule(JhAqiIndicator column) const
{
    for (const JhAqiCapRule &rule : mData->capRules) {
        if (rule.indicator == column)
            return &rule;
    }
    return nullptr;
}

const QVector<JhAqiCategory> &JhAqiStandard::categories() const
{
    return mData->categories;
}

const JhAqiCategory &JhAqiStandard::category(int aqi) const
{
    for (const JhAqiCategory &candidate : mData->categories) {
        if (aqi <= candidate.aqiHigh)
            return candidate;
    }
    return mData->categories.last();
}
