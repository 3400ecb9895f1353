// Tests of the HJ 633-2012/2026 AQI: every breakpoint, ceiling rounding, special rules, categories.
#include "jhairpollutants.h"
#include "jhaqicalculator.h"

#include <QtTest>

namespace {

using I = JhAqiIndicator;

// The breakpoint tables, typed in from docs standards.md §3.1 (HJ 633-2012 Table 1) and §3.2 / the rendered
// HJ 633-2026 Table 3, independently of the tables in the code. -1 marks "no breakpoint" (footnote rule).
struct Column
{
    I indicator;
    double limits[8];
};
const int IAQI[8] = {0, 50, 100, 150, 200, 300, 400, 500};

const Column TABLE_2012[] = {
    {I::So2_24h, {0, 50, 150, 475, 800, 1600, 2100, 2620}},
    {I::So2_1h, {0, 150, 500, 650, 800, -1, -1, -1}},
    {I::No2_24h, {0, 40, 80, 180, 280, 565, 750, 940}},
    {I::No2_1h, {0, 100, 200, 700, 1200, 2340, 3090, 3840}},
    {I::Pm10_24h, {0, 50, 150, 250, 350, 420, 500, 600}},
    {I::Co_24h, {0, 2, 4, 14, 24, 36, 48, 60}},
    {I::Co_1h, {0, 5, 10, 35, 60, 90, 120, 150}},
    {I::O3_1h, {0, 160, 200, 300, 400, 800, 1000, 1200}},
    {I::O3_8h, {0, 100, 160, 215, 265, 800, -1, -1}},
    {I::Pm25_24h, {0, 35, 75, 115, 150, 250, 350, 500}},
};
const Column TABLE_2026[] = {
    {I::So2_24h, {0, 50, 150, 475, 800, 1600, 2100, 2620}},
    {I::So2_1h, {0, 150, 500, 650, 800, -1, -1, -1}},
    {I::No2_24h, {0, 40, 80, 180, 280, 565, 750, 940}},
    {I::No2_1h, {0, 100, 200, 700, 1200, 2340, 3090, 3840}},
    {I::Co_24h, {0, 2, 4, 14, 24, 36, 48, 60}},
    {I::Co_1h, {0, 5, 10, 35, 60, 90, 120, 150}},
    {I::O3_8h, {0, 100, 160, 215, 265, 800, -1, -1}},
    {I::O3_1h, {0, 160, 200, 300, 400, 800, 1000, 1200}},
    {I::Pm10_24h, {0, 50, 120, 250, 350, 420, 500, 600}},
    {I::Pm25_24h, {0, 35, 60, 115, 150, 250, 350, 500}},
};

JhAqiInput input(JhAqiVersion version, JhAqiReport report, const QMap<I, double> &values)
{
    JhAqiInput in;
    in.forceVersion = true;
    in.version = version;
    in.report = report;
    in.concentrations = values;
    return in;
}

const JhAqiVersion V2012 = JhAqiVersion::Hj633_2012;
const JhAqiVersion V2026 = JhAqiVersion::Hj633_2026;
const JhAqiReport HOURLY = JhAqiReport::Hourly;
const JhAqiReport DAILY = JhAqiReport::Daily;

} // namespace

class TestJhAqiCalculator : public QObject
{
    Q_OBJECT

private:
    void checkTable(JhAqiVersion version, const Column *table, int columns)
    {
        const JhAqiStandard &standard = JhAqiStandard::standard(version);
        for (int c = 0; c < columns; ++c) {
            const Column &column = table[c];
            const QString key = JhAqiStandard::indicatorKey(column.indicator);
            int defined = 0;
            for (int row = 0; row < 8 && column.limits[row] >= 0; ++row) {
                ++defined;
                const double bp = column.limits[row];
                QCOMPARE(standard.breakpoint(column.indicator, row), bp);
                // Exactly on the breakpoint: exactly the breakpoint's IAQI.
                QVERIFY2(JhAqiCalculator::iaqi(standard, column.indicator, bp) == IAQI[row],
                         qPrintable(QStringLiteral("%1 at %2").arg(key).arg(bp)));
                if (row == 0)
                    continue;
                // Just below: the interpolated value is a fraction under the row's IAQI and rounds up to
                // it; just above: a fraction over, rounds up to the next integer. The steepest segment
                // (CO 24 h 0-2 mg/m³, 25 per mg/m³) keeps 0.01 mg/m³ (or 0.1 µg/m³) below one IAQI unit.
                const double step =
                    (column.indicator == I::Co_24h || column.indicator == I::Co_1h) ? 0.01 : 0.1;
                QVERIFY2(JhAqiCalculator::iaqi(standard, column.indicator, bp - step) == IAQI[row],
                         qPrintable(QStringLiteral("%1 just below %2").arg(key).arg(bp)));
                if (row + 1 < 8 && column.limits[row + 1] >= 0)
                    QVERIFY2(JhAqiCalculator::iaqi(standard, column.indicator, bp + step) == IAQI[row] + 1,
                             qPrintable(QStringLiteral("%1 just above %2").arg(key).arg(bp)));
                else
                    QCOMPARE(JhAqiCalculator::iaqi(standard, column.indicator, bp + step), -1);
            }
            QCOMPARE(standard.breakpointCount(column.indicator), defined);
        }
    }

    // Every breakpoint through the full calculation, in every report indicator that uses the column: on the
    // breakpoint the IAQI is exact; 0.4 µg/m³ (CO 0.04 mg/m³) above it is rounded away in 2026 (GB/T 8170)
    // and rounds the IAQI up by one in 2012.
    void checkThroughCalculator(JhAqiVersion version, const Column *table, int columns)
    {
        const JhAqiStandard &standard = JhAqiStandard::standard(version);
        int checked = 0;
        for (JhAqiReport report : {HOURLY, DAILY}) {
            for (JhAqiIndicator indicator : standard.reportIndicators(report)) {
                JhAqiIndicator column;
                if (!standard.breakpointColumn(indicator, &column))
                    continue;
                const Column *typed = nullptr;
                for (int c = 0; c < columns; ++c)
                    typed = table[c].indicator == column ? &table[c] : typed;
                QVERIFY(typed);
                const bool co = JhAqiStandard::pollutantOf(indicator) == JhAirPollutant::Co;
                const double offset = co ? 0.04 : 0.4;
                for (int row = 0; row < 8 && typed->limits[row] >= 0; ++row) {
                    const double bp = typed->limits[row];
                    const QString what = QStringLiteral("%1 %2 at %3")
                                             .arg(standard.code(), JhAqiStandard::indicatorKey(indicator))
                                             .arg(bp);
                    JhAqiResult r = JhAqiCalculator::calculate(input(version, report, {{indicator, bp}}));
                    QVERIFY2(r.ok() && r.indicator(indicator)->iaqi == IAQI[row], qPrintable(what));
                    const bool nextDefined = row + 1 < 8 && typed->limits[row + 1] >= 0;
                    if (!nextDefined)
                        continue;
                    r = JhAqiCalculator::calculate(input(version, report, {{indicator, bp + offset}}));
                    const int expected = version == V2026 ? IAQI[row] : IAQI[row] + 1;
                    QVERIFY2(r.indicator(indicator)->iaqi == expected,
                             qPrintable(what + QStringLiteral(" +")));
                    ++checked;
                }
            }
        }
        QVERIFY(checked > 40);
    }

private slots:
    void breakpointsThroughCalculator2012()
    {
        checkThroughCalculator(V2012, TABLE_2012, int(sizeof TABLE_2012 / sizeof TABLE_2012[0]));
    }
    void breakpointsThroughCalculator2026()
    {
        checkThroughCalculator(V2026, TABLE_2026, int(sizeof TABLE_2026 / sizeof TABLE_2026[0]));
    }

    void pollutantIndicators()
    {
        const JhAqiStandard &s2012 = JhAqiStandard::standard(V2012);
        const JhAqiStandard &s2026 = JhAqiStandard::standard(V2026);
        QCOMPARE(s2012.pollutantIndicator(JhAirPollutant::O3, DAILY), I::O3_1h);
        QCOMPARE(s2026.pollutantIndicator(JhAirPollutant::O3, DAILY), I::O3_8h);
        QCOMPARE(s2012.pollutantIndicator(JhAirPollutant::Pm25, HOURLY), I::Pm25_24h);
        QCOMPARE(s2026.pollutantIndicator(JhAirPollutant::Pm25, HOURLY), I::Pm25_1h);
        QCOMPARE(s2026.pollutantIndicator(JhAirPollutant::So2, HOURLY), I::So2_1h);
        QCOMPARE(s2026.pollutantIndicator(JhAirPollutant::Co, DAILY), I::Co_24h);
    }

    void breakpoints2012() { checkTable(V2012, TABLE_2012, int(sizeof TABLE_2012 / sizeof TABLE_2012[0])); }
    void breakpoints2026() { checkTable(V2026, TABLE_2026, int(sizeof TABLE_2026 / sizeof TABLE_2026[0])); }

    void handComputedValues_data()
    {
        QTest::addColumn<int>("version");
        QTest::addColumn<int>("column");
        QTest::addColumn<double>("concentration");
        QTest::addColumn<int>("expected");
        // 50 + 50*(35.2-35)/(75-35) = 50.25 -> 51
        QTest::newRow("2012 pm25 35.2") << 2012 << int(I::Pm25_24h) << 35.2 << 51;
        // 2026: 100 + 50*(75-60)/(115-60) = 113.6 -> 114
        QTest::newRow("2026 pm25 75") << 2026 << int(I::Pm25_24h) << 75.0 << 114;
        // 2026: 50 + 50*(100-50)/(120-50) = 85.7 -> 86; 2012: 50 + 50*50/100 = 75
        QTest::newRow("2026 pm10 100") << 2026 << int(I::Pm10_24h) << 100.0 << 86;
        QTest::newRow("2012 pm10 100") << 2012 << int(I::Pm10_24h) << 100.0 << 75;
        // SO2 24 h 150-475 segment: 100 + 50*(160-150)/325 = 101.54 -> 102
        QTest::newRow("2012 so2 160") << 2012 << int(I::So2_24h) << 160.0 << 102;
        // CO 24 h: 50 + 50*(2.4-2)/2 = 60 exactly (no spurious 61 from 2.4-2 in binary)
        QTest::newRow("co 2.4 exact") << 2012 << int(I::Co_24h) << 2.4 << 60;
        // CO 24 h: 50 + 50*(2.41-2)/2 = 60.25 -> 61
        QTest::newRow("co 2.41") << 2012 << int(I::Co_24h) << 2.41 << 61;
        // O3 1 h: 300 + 100*(850-800)/200 = 325
        QTest::newRow("o3 1h 850") << 2012 << int(I::O3_1h) << 850.0 << 325;
        // 0.1 µg/m³ of PM2.5: 50*0.1/35 = 0.14 -> 1
        QTest::newRow("pm25 0.1") << 2012 << int(I::Pm25_24h) << 0.1 << 1;
    }

    void handComputedValues()
    {
        QFETCH(int, version);
        QFETCH(int, column);
        QFETCH(double, concentration);
        QFETCH(int, expected);
        const JhAqiStandard &standard = JhAqiStandard::standard(version == 2012 ? V2012 : V2026);
        QCOMPARE(JhAqiCalculator::iaqi(standard, I(column), concentration), expected);
    }

    void roundHalfEven()
    {
        QCOMPARE(JhAqiCalculator::roundHalfEven(35.5, 0), 36.0);
        QCOMPARE(JhAqiCalculator::roundHalfEven(34.5, 0), 34.0);
        QCOMPARE(JhAqiCalculator::roundHalfEven(36.5, 0), 36.0);
        QCOMPARE(JhAqiCalculator::roundHalfEven(34.51, 0), 35.0);
        QCOMPARE(JhAqiCalculator::roundHalfEven(34.49, 0), 34.0);
        QCOMPARE(JhAqiCalculator::roundHalfEven(0.25, 1), 0.2);
        QCOMPARE(JhAqiCalculator::roundHalfEven(0.35, 1), 0.4); // 0.35 is 0.34999… in binary
        QCOMPARE(JhAqiCalculator::roundHalfEven(1.05, 1), 1.0);
        QCOMPARE(JhAqiCalculator::roundHalfEven(1.15, 1), 1.2);
        QCOMPARE(JhAqiCalculator::roundHalfEven(1.151, 1), 1.2);
    }

    void concentrationRounding2026()
    {
        // PM2.5 1 h 35.5 -> 36 -> 50 + 50*(36-35)/25 = 52
        JhAqiResult r = JhAqiCalculator::calculate(input(V2026, HOURLY, {{I::Pm25_1h, 35.5}}));
        QVERIFY(r.ok());
        QCOMPARE(r.indicator(I::Pm25_1h)->evaluatedConcentration, 36.0);
        QCOMPARE(r.indicator(I::Pm25_1h)->iaqi, 52);
        QCOMPARE(r.indicator(I::Pm25_1h)->column, I::Pm25_24h);
        // 34.5 -> 34 -> 50*34/35 = 48.57 -> 49
        r = JhAqiCalculator::calculate(input(V2026, HOURLY, {{I::Pm25_1h, 34.5}}));
        QCOMPARE(r.indicator(I::Pm25_1h)->iaqi, 49);
        // 2012 does not round: 35.5 -> 50 + 50*0.5/40 = 50.625 -> 51
        r = JhAqiCalculator::calculate(input(V2012, DAILY, {{I::Pm25_24h, 35.5}}));
        QCOMPARE(r.indicator(I::Pm25_24h)->evaluatedConcentration, 35.5);
        QCOMPARE(r.indicator(I::Pm25_24h)->iaqi, 51);
        // CO to one decimal: 0.25 -> 0.2 -> 50*0.2/2 = 5; 0.35 -> 0.4 -> 10
        r = JhAqiCalculator::calculate(input(V2026, DAILY, {{I::Co_24h, 0.25}}));
        QCOMPARE(r.indicator(I::Co_24h)->iaqi, 5);
        r = JhAqiCalculator::calculate(input(V2026, DAILY, {{I::Co_24h, 0.35}}));
        QCOMPARE(r.indicator(I::Co_24h)->iaqi, 10);
        // A breakpoint reached by rounding: O3 1 h 160.4 -> 160 -> 50 (2012 would give 50.125 -> 51)
        r = JhAqiCalculator::calculate(input(V2026, HOURLY, {{I::O3_1h, 160.4}}));
        QCOMPARE(r.indicator(I::O3_1h)->iaqi, 50);
        r = JhAqiCalculator::calculate(input(V2012, HOURLY, {{I::O3_1h, 160.4}}));
        QCOMPARE(r.indicator(I::O3_1h)->iaqi, 51);
    }

    void so2HourlyAbove800()
    {
        // 2012: SO2 1 h 801 not calculated; SO2 reported with its 24 h IAQI: 160 -> 102.
        JhAqiResult r =
            JhAqiCalculator::calculate(input(V2012, HOURLY, {{I::So2_1h, 801}, {I::So2_24h, 160}}));
        QVERIFY(r.ok());
        QVERIFY(!r.indicator(I::So2_1h)->hasIaqi);
        QVERIFY(r.indicator(I::So2_24h)->entersAqi);
        QCOMPARE(r.iaqiOf(JhAirPollutant::So2), 102);
        QCOMPARE(r.aqi, 102);
        QCOMPARE(r.primaryPollutants, QVector<JhAirPollutant>{JhAirPollutant::So2});
        // 800 itself is still on the table: 200.
        r = JhAqiCalculator::calculate(input(V2012, HOURLY, {{I::So2_1h, 800}}));
        QCOMPARE(r.indicator(I::So2_1h)->iaqi, 200);
        // Without the 24 h value SO2 has no IAQI and the 24 h value is reported missing.
        r = JhAqiCalculator::calculate(input(V2012, HOURLY, {{I::So2_1h, 801}}));
        QCOMPARE(r.iaqiOf(JhAirPollutant::So2), -1);
        QVERIFY(r.missing.contains(I::So2_24h));
        // In the 2012 real-time report the SO2 24 h value enters the AQI only as the fallback of the rule.
        r = JhAqiCalculator::calculate(input(V2012, HOURLY, {{I::So2_1h, 100}, {I::So2_24h, 1600}}));
        QCOMPARE(r.iaqiOf(JhAirPollutant::So2), 34); // 50*100/150 = 33.3 -> 34
        QVERIFY(!r.indicator(I::So2_24h)->entersAqi);
        // 2026: counted as 200.
        r = JhAqiCalculator::calculate(input(V2026, HOURLY, {{I::So2_1h, 801}}));
        QCOMPARE(r.indicator(I::So2_1h)->iaqi, 200);
        QCOMPARE(r.iaqiOf(JhAirPollutant::So2), 200);
        // Far above 800 still counts as 200, not as a capped 500.
        r = JhAqiCalculator::calculate(input(V2026, HOURLY, {{I::So2_1h, 5000}}));
        QCOMPARE(r.indicator(I::So2_1h)->iaqi, 200);
    }

    void o3EightHourAbove800()
    {
        // 2012 daily: O3 8 h 801 not calculated; O3 reported with its 1 h IAQI: 850 -> 325.
        JhAqiResult r = JhAqiCalculator::calculate(input(V2012, DAILY, {{I::O3_8h, 801}, {I::O3_1h, 850}}));
        QVERIFY(!r.indicator(I::O3_8h)->hasIaqi);
        QCOMPARE(r.iaqiOf(JhAirPollutant::O3), 325);
        QCOMPARE(r.aqi, 325);
        QCOMPARE(r.primaryIndicators, QVector<I>{I::O3_1h});
        // 2012 8 h of exactly 800 -> 300
        r = JhAqiCalculator::calculate(input(V2012, DAILY, {{I::O3_8h, 800}}));
        QCOMPARE(r.indicator(I::O3_8h)->iaqi, 300);
        // 2026 daily: counted as 300.
        r = JhAqiCalculator::calculate(input(V2026, DAILY, {{I::O3_8h, 801}}));
        QCOMPARE(r.indicator(I::O3_8h)->iaqi, 300);
        QCOMPARE(r.iaqiOf(JhAirPollutant::O3), 300);
    }

    void aboveTopBreakpoint()
    {
        JhAqiResult r = JhAqiCalculator::calculate(input(V2012, DAILY, {{I::Pm25_24h, 600}}));
        QCOMPARE(r.indicator(I::Pm25_24h)->iaqi, 500);
        QCOMPARE(r.aqi, 500);
        QCOMPARE(r.category->level, 6);
        r = JhAqiCalculator::calculate(input(V2026, HOURLY, {{I::No2_1h, 1e12}}));
        QCOMPARE(r.indicator(I::No2_1h)->iaqi, 500);
    }

    void primaryPollutants()
    {
        // Tie at 100: PM10 150 and PM2.5 75 (2012), both listed.
        JhAqiResult r = JhAqiCalculator::calculate(
            input(V2012, DAILY, {{I::Pm10_24h, 150}, {I::Pm25_24h, 75}, {I::So2_24h, 20}}));
        QCOMPARE(r.aqi, 100);
        QCOMPARE(r.primaryPollutants, (QVector<JhAirPollutant>{JhAirPollutant::Pm10, JhAirPollutant::Pm25}));
        QVERIFY(r.pollutantsAbove100.isEmpty());
        // AQI 50 exactly: no primary pollutant.
        r = JhAqiCalculator::calculate(input(V2012, DAILY, {{I::Pm25_24h, 35}, {I::Pm10_24h, 50}}));
        QCOMPARE(r.aqi, 50);
        QVERIFY(r.primaryPollutants.isEmpty());
        // AQI 51: primary.
        r = JhAqiCalculator::calculate(input(V2012, DAILY, {{I::Pm25_24h, 35.2}, {I::Pm10_24h, 50}}));
        QCOMPARE(r.aqi, 51);
        QCOMPARE(r.primaryPollutants, QVector<JhAirPollutant>{JhAirPollutant::Pm25});
        // 2012 over-standard: IAQI > 100. PM2.5 116 -> 150 + 50/35 = 151.4 -> 152; NO2 81 -> 100 + 50/100 ->
        // 101.
        r = JhAqiCalculator::calculate(
            input(V2012, DAILY, {{I::Pm25_24h, 116}, {I::No2_24h, 81}, {I::Co_24h, 4}}));
        QCOMPARE(r.aqi, 152);
        QCOMPARE(r.pollutantsAbove100, (QVector<JhAirPollutant>{JhAirPollutant::No2, JhAirPollutant::Pm25}));
        QCOMPARE(r.iaqiOf(JhAirPollutant::Co), 100);
    }

    void categories_data()
    {
        QTest::addColumn<int>("aqi");
        QTest::addColumn<int>("level");
        QTest::addColumn<QString>("categoryZh");
        QTest::addColumn<QString>("colour");
        // HJ 633 Table 2 / Table 1 and Appendix A Table A.1
        QTest::newRow("1") << 1 << 1 << QStringLiteral("优") << QStringLiteral("#00E400");
        QTest::newRow("50") << 50 << 1 << QStringLiteral("优") << QStringLiteral("#00E400");
        QTest::newRow("51") << 51 << 2 << QStringLiteral("良") << QStringLiteral("#FFFF00");
        QTest::newRow("100") << 100 << 2 << QStringLiteral("良") << QStringLiteral("#FFFF00");
        QTest::newRow("101") << 101 << 3 << QStringLiteral("轻度污染") << QStringLiteral("#FF7E00");
        QTest::newRow("150") << 150 << 3 << QStringLiteral("轻度污染") << QStringLiteral("#FF7E00");
        QTest::newRow("151") << 151 << 4 << QStringLiteral("中度污染") << QStringLiteral("#FF0000");
        QTest::newRow("200") << 200 << 4 << QStringLiteral("中度污染") << QStringLiteral("#FF0000");
        QTest::newRow("201") << 201 << 5 << QStringLiteral("重度污染") << QStringLiteral("#99004C");
        QTest::newRow("300") << 300 << 5 << QStringLiteral("重度污染") << QStringLiteral("#99004C");
        QTest::newRow("301") << 301 << 6 << QStringLiteral("严重污染") << QStringLiteral("#7E0023");
        QTest::newRow("500") << 500 << 6 << QStringLiteral("严重污染") << QStringLiteral("#7E0023");
    }

    void categories()
    {
        QFETCH(int, aqi);
        QFETCH(int, level);
        QFETCH(QString, categoryZh);
        QFETCH(QString, colour);
        for (JhAqiVersion version : {V2012, V2026}) {
            const JhAqiCategory &category = JhAqiStandard::standard(version).category(aqi);
            QCOMPARE(category.level, level);
            QCOMPARE(QString::fromUtf8(category.categoryZh), categoryZh);
            QCOMPARE(category.colourHex(), colour);
        }
        QCOMPARE(JhAqiStandard::standard(V2012).categories().first().aqiLow, 0);
        QCOMPARE(JhAqiStandard::standard(V2026).categories().first().aqiLow, 1);
    }

    void purpleIsNotEpaPurple()
    {
        const JhAqiCategory &purple = JhAqiStandard::standard(V2026).category(250);
        QCOMPARE(purple.red, 153);
        QCOMPARE(purple.green, 0);
        QCOMPARE(purple.blue, 76);
    }

    void versionByDate()
    {
        QCOMPARE(JhAqiStandard::versionInForce(QDate(2026, 2, 28)), V2012);
        QCOMPARE(JhAqiStandard::versionInForce(QDate(2026, 3, 1)), V2026);
        JhAqiInput in;
        in.report = DAILY;
        in.concentrations = {{I::Pm25_24h, 75}};
        in.observationDate = QDate(2026, 2, 28);
        JhAqiResult r = JhAqiCalculator::calculate(in);
        QCOMPARE(r.version, V2012);
        QCOMPARE(r.aqi, 100);
        in.observationDate = QDate(2026, 3, 1);
        r = JhAqiCalculator::calculate(in);
        QCOMPARE(r.version, V2026);
        QCOMPARE(r.aqi, 114);
        // Forcing overrides the date.
        in.forceVersion = true;
        in.version = V2012;
        QCOMPARE(JhAqiCalculator::calculate(in).aqi, 100);
        // No date, not forced: refused.
        JhAqiInput undated;
        undated.concentrations = {{I::Pm25_1h, 10}};
        QCOMPARE(JhAqiCalculator::calculate(undated).error, JhAqiError::NoDate);
    }

    void minimumAqi2026()
    {
        JhAqiResult r = JhAqiCalculator::calculate(input(V2026, HOURLY,
                                                         {{I::So2_1h, 0},
                                                          {I::No2_1h, 0},
                                                          {I::Co_1h, 0},
                                                          {I::O3_1h, 0},
                                                          {I::Pm10_1h, 0},
                                                          {I::Pm25_1h, 0}}));
        QVERIFY(r.hasAqi);
        QCOMPARE(r.aqi, 1);
        QCOMPARE(r.category->level, 1);
        r = JhAqiCalculator::calculate(input(V2012, DAILY, {{I::Pm25_24h, 0}}));
        QCOMPARE(r.aqi, 0);
    }

    void completeness2026()
    {
        const QMap<I, double> five = {{I::So2_1h, 10}, {I::No2_1h, 20}, {I::O3_1h, 30}, {I::Pm10_1h, 40}};
        // CO missing, AQI <= 100 (PM2.5 40 -> 50 + 50*5/25 = 60): AQI NA, per-pollutant IAQI still given.
        QMap<I, double> values = five;
        values.insert(I::Pm25_1h, 40);
        JhAqiResult r = JhAqiCalculator::calculate(input(V2026, HOURLY, values));
        QVERIFY(r.ok());
        QVERIFY(!r.complete);
        QCOMPARE(r.missing, QVector<I>{I::Co_1h});
        QVERIFY(!r.hasAqi);
        QCOMPARE(r.computedAqi, 60);
        QVERIFY(r.category == nullptr);
        QVERIFY(r.primaryPollutants.isEmpty());
        QCOMPARE(r.iaqiOf(JhAirPollutant::Pm25), 60);
        // CO missing, AQI > 100 (PM2.5 75 -> 114): published.
        values.insert(I::Pm25_1h, 75);
        r = JhAqiCalculator::calculate(input(V2026, HOURLY, values));
        QVERIFY(r.hasAqi);
        QCOMPARE(r.aqi, 114);
        // CO not in the monitoring plan (§5.3.2): published.
        JhAqiInput in = input(V2026, HOURLY, five);
        in.concentrations.insert(I::Pm25_1h, 40);
        in.notInMonitoringPlan = {JhAirPollutant::Co};
        r = JhAqiCalculator::calculate(in);
        QVERIFY(r.hasAqi);
        QVERIFY(r.complete);
        QCOMPARE(r.aqi, 60);
        // 2012 publishes the AQI of what is there and lists the gap.
        r = JhAqiCalculator::calculate(input(V2012, DAILY, {{I::Pm25_24h, 40}}));
        QVERIFY(r.hasAqi);
        QVERIFY(!r.complete);
        QCOMPARE(r.missing.size(), 6);
    }

    void reportIndicators()
    {
        // 2026 daily has no O3 1 h; 2026 real-time has no O3 8 h.
        QCOMPARE(JhAqiCalculator::calculate(input(V2026, DAILY, {{I::O3_1h, 100}})).error,
                 JhAqiError::NotInReport);
        QCOMPARE(JhAqiCalculator::calculate(input(V2026, HOURLY, {{I::O3_8h, 100}})).error,
                 JhAqiError::NotInReport);
        QCOMPARE(JhAqiStandard::standard(V2026).reportIndicators(DAILY).size(), 6);
        QCOMPARE(JhAqiStandard::standard(V2026).reportIndicators(HOURLY).size(), 6);
        QCOMPARE(JhAqiStandard::standard(V2012).reportIndicators(DAILY).size(), 7);
        // 2012 real-time: PM 1 h published without IAQI, the 24 h sliding average carries the IAQI.
        JhAqiResult r =
            JhAqiCalculator::calculate(input(V2012, HOURLY, {{I::Pm25_1h, 300}, {I::Pm25_24h, 40}}));
        QVERIFY(r.ok());
        QVERIFY(!r.indicator(I::Pm25_1h)->hasIaqi);
        QCOMPARE(r.iaqiOf(JhAirPollutant::Pm25), 57); // 50 + 50*5/40 = 56.25 -> 57
        // 2012 daily: O3 1 h and 8 h both count.
        r = JhAqiCalculator::calculate(input(V2012, DAILY, {{I::O3_1h, 100}, {I::O3_8h, 170}}));
        QCOMPARE(r.aqi, 110); // 8 h: 100 + 50*10/55 = 109.1 -> 110
        QCOMPARE(r.primaryIndicators, QVector<I>{I::O3_8h});
    }

    void invalidConcentrations()
    {
        QCOMPARE(JhAqiCalculator::calculate(input(V2026, HOURLY, {{I::Pm25_1h, -1}})).error,
                 JhAqiError::InvalidConcentration);
        QCOMPARE(JhAqiCalculator::calculate(input(V2026, HOURLY, {{I::Pm25_1h, qQNaN()}})).error,
                 JhAqiError::InvalidConcentration);
        QCOMPARE(JhAqiCalculator::calculate(input(V2026, HOURLY, {{I::Pm25_1h, qInf()}})).error,
                 JhAqiError::InvalidConcentration);
        QVERIFY(!JhAqiCalculator::calculate(input(V2026, HOURLY, {{I::Pm25_1h, -1}})).message.isEmpty());
    }

    void pollutantRegistry()
    {
        JhAirPollutant pollutant;
        QVERIFY(JhAirPollutants::fromHj212Code(QStringLiteral("a21026"), &pollutant));
        QCOMPARE(pollutant, JhAirPollutant::So2);
        QVERIFY(JhAirPollutants::fromHj212Code(QStringLiteral("a21004"), &pollutant));
        QCOMPARE(pollutant, JhAirPollutant::No2);
        QVERIFY(JhAirPollutants::fromHj212Code(QStringLiteral("a34002"), &pollutant));
        QCOMPARE(pollutant, JhAirPollutant::Pm10);
        QVERIFY(JhAirPollutants::fromHj212Code(QStringLiteral("A34004"), &pollutant));
        QCOMPARE(pollutant, JhAirPollutant::Pm25);
        QVERIFY(JhAirPollutants::fromHj212Code(QStringLiteral("a21005"), &pollutant));
        QCOMPARE(pollutant, JhAirPollutant::Co);
        QVERIFY(JhAirPollutants::fromHj212Code(QStringLiteral("a05024"), &pollutant));
        QCOMPARE(pollutant, JhAirPollutant::O3);
        QVERIFY(!JhAirPollutants::fromHj212Code(QStringLiteral("a21002"), &pollutant));
        // HJ 212 default mg/m³ for SO2 -> µg/m³ for the AQI; CO stays mg/m³.
        double value = 0;
        QVERIFY(JhAirPollutants::toAqiUnit(JhAirPollutant::So2, 0.5,
                                           JhAirPollutants::info(JhAirPollutant::So2).hj212Unit, &value));
        QCOMPARE(value, 500.0);
        QVERIFY(JhAirPollutants::toAqiUnit(JhAirPollutant::Co, 1.2, JhUnit::MilligramPerCubicMetre, &value));
        QCOMPARE(value, 1.2);
        QVERIFY(JhAirPollutants::toAqiUnit(JhAirPollutant::Co, 1200, JhUnit::MicrogramPerCubicMetre, &value));
        QCOMPARE(value, 1.2);
        QVERIFY(!JhAirPollutants::toAqiUnit(JhAirPollutant::Co, 1, JhUnit::MilligramPerLitre, &value));
    }
};

QTEST_APPLESS_MAIN(TestJhAqiCalculator)
#include "tst_jhaqicalculator.moc"
