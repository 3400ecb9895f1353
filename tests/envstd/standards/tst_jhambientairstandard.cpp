// Tests of GB 3095-2012/2026 limits: every row of each edition, edition by date, exceedance at the limit.
#include "jhambientairstandard.h"

#include <QtTest>

namespace {

using A = JhAmbientAirItem;
using P = JhAveragingPeriod;
using V = JhAmbientAirVersion;

struct Expected
{
    A item;
    P period;
    double gradeI;
    double gradeII;
};

// Typed from standards.md §6.1 (GB 3095-2012) and from the rendered GB 3095—2026 Tables 1–2.
const Expected GB2012[] = {
    {A::So2, P::Annual, 20, 60},
    {A::So2, P::Daily, 50, 150},
    {A::So2, P::Hourly, 150, 500},
    {A::No2, P::Annual, 40, 40},
    {A::No2, P::Daily, 80, 80},
    {A::No2, P::Hourly, 200, 200},
    {A::Co, P::Daily, 4, 4},
    {A::Co, P::Hourly, 10, 10},
    {A::O3, P::DailyMaximum8h, 100, 160},
    {A::O3, P::Hourly, 160, 200},
    {A::Pm10, P::Annual, 40, 70},
    {A::Pm10, P::Daily, 50, 150},
    {A::Pm25, P::Annual, 15, 35},
    {A::Pm25, P::Daily, 35, 75},
    {A::Tsp, P::Annual, 80, 200},
    {A::Tsp, P::Daily, 120, 300},
    {A::Nox, P::Annual, 50, 50},
    {A::Nox, P::Daily, 100, 100},
    {A::Nox, P::Hourly, 250, 250},
    {A::Pb, P::Annual, 0.5, 0.5},
    {A::Pb, P::Quarterly, 1, 1},
    {A::BaP, P::Annual, 0.001, 0.001},
    {A::BaP, P::Daily, 0.0025, 0.0025},
};
const Expected GB2026_TRANSITIONAL[] = {
    {A::So2, P::Annual, 20, 60},
    {A::So2, P::Daily, 50, 150},
    {A::So2, P::Hourly, 150, 500},
    {A::No2, P::Annual, 40, 40},
    {A::No2, P::Daily, 80, 80},
    {A::No2, P::Hourly, 200, 200},
    {A::Co, P::Daily, 4, 4},
    {A::Co, P::Hourly, 10, 10},
    {A::O3, P::DailyMaximum8h, 100, 160},
    {A::O3, P::Hourly, 160, 200},
    {A::Pm10, P::Annual, 40, 60},
    {A::Pm10, P::Daily, 50, 120},
    {A::Pm25, P::Annual, 15, 30},
    {A::Pm25, P::Daily, 35, 60},
    {A::Tsp, P::Annual, 80, 200},
    {A::Tsp, P::Daily, 120, 300},
    {A::Nox, P::Annual, 50, 50},
    {A::Nox, P::Daily, 100, 100},
    {A::Nox, P::Hourly, 250, 250},
    {A::Pb, P::Annual, 0.5, 0.5},
    {A::Pb, P::Quarterly, 1, 1},
    {A::BaP, P::Annual, 0.001, 0.001},
    {A::BaP, P::Daily, 0.0025, 0.0025},
};
const Expected GB2026_FINAL[] = {
    {A::So2, P::Annual, 20, 20},
    {A::So2, P::Daily, 50, 50},
    {A::So2, P::Hourly, 150, 150},
    {A::No2, P::Annual, 30, 30},
    {A::No2, P::Daily, 50, 50},
    {A::No2, P::Hourly, 200, 200},
    {A::Co, P::Daily, 4, 4},
    {A::Co, P::Hourly, 10, 10},
    {A::O3, P::DailyMaximum8h, 100, 160},
    {A::O3, P::Hourly, 160, 200},
    {A::Pm10, P::Annual, 20, 50},
    {A::Pm10, P::Daily, 50, 100},
    {A::Pm25, P::Annual, 10, 25},
    {A::Pm25, P::Daily, 25, 50},
    {A::Tsp, P::Annual, 80, 200},
    {A::Tsp, P::Daily, 120, 300},
    {A::Nox, P::Annual, 40, 40},
    {A::Nox, P::Daily, 70, 70},
    {A::Nox, P::Hourly, 250, 250},
    {A::Pb, P::Annual, 0.5, 0.5},
    {A::Pb, P::Quarterly, 1, 1},
    {A::BaP, P::Annual, 0.001, 0.001},
    {A::BaP, P::Daily, 0.0025, 0.0025},
};

} // namespace

class TestJhAmbientAirStandard : public QObject
{
    Q_OBJECT

private:
    void checkEdition(V version, const Expected *rows, int count)
    {
        int tableRows = 0;
        for (const JhAmbientAirLimit &row : JhAmbientAirStandard::limits())
            tableRows += row.version == version ? 1 : 0;
        QCOMPARE(tableRows, count);
        for (int i = 0; i < count; ++i) {
            const Expected &e = rows[i];
            const QString what = JhAmbientAirStandard::code(version) + QLatin1Char(' ') +
                                 JhAmbientAirStandard::itemKey(e.item) + QLatin1Char(' ') +
                                 JhAmbientAirStandard::periodKey(e.period);
            JhAmbientAirLimit row;
            QVERIFY2(JhAmbientAirStandard::limit(version, e.item, e.period, &row), qPrintable(what));
            QVERIFY2(row.gradeI == e.gradeI && row.gradeII == e.gradeII, qPrintable(what));
            const JhUnit unit =
                e.item == A::Co ? JhUnit::MilligramPerCubicMetre : JhUnit::MicrogramPerCubicMetre;
            QVERIFY2(row.unit == unit, qPrintable(what));
            // Equal to the limit meets it, a little above exceeds.
            for (JhAmbientAirGrade grade : {JhAmbientAirGrade::I, JhAmbientAirGrade::II}) {
                const double limit = grade == JhAmbientAirGrade::I ? e.gradeI : e.gradeII;
                JhAmbientAirCheck check =
                    JhAmbientAirStandard::check(version, e.item, e.period, grade, limit, unit);
                QVERIFY2(check.found && !check.exceeds, qPrintable(what));
                check = JhAmbientAirStandard::check(version, e.item, e.period, grade, limit * 1.01, unit);
                QVERIFY2(check.exceeds, qPrintable(what));
                QVERIFY2(qAbs(check.exceedanceMultiple - 0.01) < 1e-9, qPrintable(what));
            }
        }
    }

private slots:
    void gb3095_2012() { checkEdition(V::Gb3095_2012, GB2012, int(sizeof GB2012 / sizeof GB2012[0])); }
    void gb3095_2026Transitional()
    {
        checkEdition(V::Gb3095_2026Transitional, GB2026_TRANSITIONAL,
                     int(sizeof GB2026_TRANSITIONAL / sizeof GB2026_TRANSITIONAL[0]));
    }
    void gb3095_2026Final()
    {
        checkEdition(V::Gb3095_2026Final, GB2026_FINAL, int(sizeof GB2026_FINAL / sizeof GB2026_FINAL[0]));
    }

    void editionByDate()
    {
        QCOMPARE(JhAmbientAirStandard::versionInForce(QDate(2026, 2, 28)), V::Gb3095_2012);
        QCOMPARE(JhAmbientAirStandard::versionInForce(QDate(2026, 3, 1)), V::Gb3095_2026Transitional);
        QCOMPARE(JhAmbientAirStandard::versionInForce(QDate(2030, 12, 31)), V::Gb3095_2026Transitional);
        QCOMPARE(JhAmbientAirStandard::versionInForce(QDate(2031, 1, 1)), V::Gb3095_2026Final);
    }

    void sameValueDifferentVerdicts()
    {
        // PM2.5 24 h 70 µg/m³, grade II: meets 2012 (75), exceeds 2026 transitional (60) by (70-60)/60.
        const JhAmbientAirGrade II = JhAmbientAirGrade::II;
        const JhUnit ug = JhUnit::MicrogramPerCubicMetre;
        JhAmbientAirCheck check = JhAmbientAirStandard::check(V::Gb3095_2012, A::Pm25, P::Daily, II, 70, ug);
        QVERIFY(!check.exceeds);
        check = JhAmbientAirStandard::check(V::Gb3095_2026Transitional, A::Pm25, P::Daily, II, 70, ug);
        QVERIFY(check.exceeds);
        QCOMPARE(check.limit, 60.0);
        QVERIFY(qAbs(check.exceedanceMultiple - 10.0 / 60.0) < 1e-12);
    }

    void unitsAndMissingLimits()
    {
        const JhAmbientAirGrade II = JhAmbientAirGrade::II;
        // CO 24 h limit 4 mg/m³ given as 4000 µg/m³ meets, 4001 exceeds.
        JhAmbientAirCheck check = JhAmbientAirStandard::check(V::Gb3095_2012, A::Co, P::Daily, II, 4000,
                                                              JhUnit::MicrogramPerCubicMetre);
        QVERIFY(check.found);
        QVERIFY(!check.exceeds);
        QCOMPARE(check.value, 4.0);
        check = JhAmbientAirStandard::check(V::Gb3095_2012, A::Co, P::Daily, II, 4001,
                                            JhUnit::MicrogramPerCubicMetre);
        QVERIFY(check.exceeds);
        // SO2 1 h 0.5 mg/m³ = 500 µg/m³: meets grade II of 2012.
        check = JhAmbientAirStandard::check(V::Gb3095_2012, A::So2, P::Hourly, II, 0.5,
                                            JhUnit::MilligramPerCubicMetre);
        QVERIFY(check.found && !check.exceeds);
        // No annual CO limit; water units refused.
        check = JhAmbientAirStandard::check(V::Gb3095_2012, A::Co, P::Annual, II, 1,
                                            JhUnit::MilligramPerCubicMetre);
        QVERIFY(!check.found);
        QVERIFY(!check.message.isEmpty());
        check =
            JhAmbientAirStandard::check(V::Gb3095_2012, A::So2, P::Daily, II, 1, JhUnit::MilligramPerLitre);
        QVERIFY(!check.found);
    }

    void keys()
    {
        JhAmbientAirItem item;
        JhAveragingPeriod period;
        QVERIFY(JhAmbientAirStandard::itemFromKey(QStringLiteral("PM25"), &item));
        QCOMPARE(item, A::Pm25);
        QVERIFY(JhAmbientAirStandard::periodFromKey(QStringLiteral("8h"), &period));
        QCOMPARE(period, P::DailyMaximum8h);
        QVERIFY(!JhAmbientAirStandard::itemFromKey(QStringLiteral("h2s"), &item));
    }
};

QTEST_APPLESS_MAIN(TestJhAmbientAirStandard)
#include "tst_jhambientairstandard.moc"
