// Tests of GB 3838-2002 water classes: limits at their boundaries, DO reversed, pH range, 劣V, units, target.
#include "jhsurfacewaterassessor.h"

#include <QtTest>

namespace {

using W = JhWaterItem;
using C = JhWaterClass;

// GB 3838-2002 Table 1 "≤" items, classes I–V in mg/L (coliform count/L), typed from standards.md §4.
struct Row
{
    W item;
    double limits[5];
};
const Row AT_MOST_RIVER[] = {
    {W::PermanganateIndex, {2, 4, 6, 10, 15}},
    {W::Cod, {15, 15, 20, 30, 40}},
    {W::Bod5, {3, 3, 4, 6, 10}},
    {W::AmmoniaNitrogen, {0.15, 0.5, 1.0, 1.5, 2.0}},
    {W::TotalPhosphorus, {0.02, 0.1, 0.2, 0.3, 0.4}},
    {W::TotalNitrogen, {0.2, 0.5, 1.0, 1.5, 2.0}},
    {W::Copper, {0.01, 1, 1, 1, 1}},
    {W::Zinc, {0.05, 1, 1, 2, 2}},
    {W::Fluoride, {1, 1, 1, 1.5, 1.5}},
    {W::Selenium, {0.01, 0.01, 0.01, 0.02, 0.02}},
    {W::Arsenic, {0.05, 0.05, 0.05, 0.1, 0.1}},
    {W::Mercury, {0.00005, 0.00005, 0.0001, 0.001, 0.001}},
    {W::Cadmium, {0.001, 0.005, 0.005, 0.005, 0.01}},
    {W::Chromium6, {0.01, 0.05, 0.05, 0.05, 0.1}},
    {W::Lead, {0.01, 0.01, 0.05, 0.05, 0.1}},
    {W::Cyanide, {0.005, 0.05, 0.2, 0.2, 0.2}},
    {W::VolatilePhenol, {0.002, 0.002, 0.005, 0.01, 0.1}},
    {W::Petroleum, {0.05, 0.05, 0.05, 0.5, 1.0}},
    {W::AnionicSurfactant, {0.2, 0.2, 0.2, 0.3, 0.3}},
    {W::Sulfide, {0.05, 0.1, 0.2, 0.5, 1.0}},
    {W::FaecalColiform, {200, 2000, 10000, 20000, 40000}},
};

JhWaterClass classOf(W item, double value, JhWaterBody body = JhWaterBody::River)
{
    JhWaterClass result = C::I;
    if (!JhSurfaceWaterAssessor::classify(item, value, body, &result))
        return static_cast<C>(0);
    return result;
}

JhWaterMeasurement mg(W item, double value)
{
    const JhUnit unit = JhSurfaceWaterStandard::info(item).unit;
    return {item, value, unit};
}

} // namespace

class TestJhSurfaceWaterAssessor : public QObject
{
    Q_OBJECT

private slots:
    void limitsAtBoundaries()
    {
        for (const Row &row : AT_MOST_RIVER) {
            const QString key = QString::fromLatin1(JhSurfaceWaterStandard::info(row.item).key);
            for (int k = 0; k < 5; ++k) {
                // A value equal to a limit is in that class; with equal limits (COD I = II = 15) the best.
                int expected = k;
                while (expected > 0 && row.limits[expected - 1] == row.limits[k])
                    --expected;
                QCOMPARE(JhSurfaceWaterStandard::limit(row.item, C(k + 1), JhWaterBody::River),
                         row.limits[k]);
                QVERIFY2(classOf(row.item, row.limits[k]) == C(expected + 1),
                         qPrintable(QStringLiteral("%1 at %2").arg(key).arg(row.limits[k])));
            }
            QVERIFY2(classOf(row.item, row.limits[4] * 1.001) == C::WorseThanV, qPrintable(key));
            QCOMPARE(classOf(row.item, 0), C::I);
        }
    }

    void ammoniaSteps()
    {
        QCOMPARE(classOf(W::AmmoniaNitrogen, 0.15), C::I);
        QCOMPARE(classOf(W::AmmoniaNitrogen, 0.151), C::II);
        QCOMPARE(classOf(W::AmmoniaNitrogen, 0.51), C::III);
        QCOMPARE(classOf(W::AmmoniaNitrogen, 1.01), C::IV);
        QCOMPARE(classOf(W::AmmoniaNitrogen, 1.51), C::V);
        QCOMPARE(classOf(W::AmmoniaNitrogen, 2.0), C::V);
        QCOMPARE(classOf(W::AmmoniaNitrogen, 2.01), C::WorseThanV);
    }

    void dissolvedOxygenIsReversed()
    {
        QCOMPARE(classOf(W::DissolvedOxygen, 9), C::I);
        QCOMPARE(classOf(W::DissolvedOxygen, 7.5), C::I);
        QCOMPARE(classOf(W::DissolvedOxygen, 7.49), C::II);
        QCOMPARE(classOf(W::DissolvedOxygen, 6), C::II);
        QCOMPARE(classOf(W::DissolvedOxygen, 5.99), C::III);
        QCOMPARE(classOf(W::DissolvedOxygen, 5), C::III);
        QCOMPARE(classOf(W::DissolvedOxygen, 3), C::IV);
        QCOMPARE(classOf(W::DissolvedOxygen, 2), C::V);
        QCOMPARE(classOf(W::DissolvedOxygen, 1.99), C::WorseThanV);
    }

    void phRange()
    {
        QCOMPARE(classOf(W::Ph, 6), C::I);
        QCOMPARE(classOf(W::Ph, 7.3), C::I);
        QCOMPARE(classOf(W::Ph, 9), C::I);
        QCOMPARE(classOf(W::Ph, 5.99), C::WorseThanV);
        QCOMPARE(classOf(W::Ph, 9.01), C::WorseThanV);
    }

    void lakeTotalPhosphorus()
    {
        const JhWaterBody lake = JhWaterBody::LakeOrReservoir;
        QCOMPARE(classOf(W::TotalPhosphorus, 0.01, lake), C::I);
        QCOMPARE(classOf(W::TotalPhosphorus, 0.025, lake), C::II);
        QCOMPARE(classOf(W::TotalPhosphorus, 0.05, lake), C::III);
        QCOMPARE(classOf(W::TotalPhosphorus, 0.1, lake), C::IV);
        QCOMPARE(classOf(W::TotalPhosphorus, 0.2, lake), C::V);
        QCOMPARE(classOf(W::TotalPhosphorus, 0.21, lake), C::WorseThanV);
        // The same 0.1 mg/L is class II in a river.
        QCOMPARE(classOf(W::TotalPhosphorus, 0.1), C::II);
        QCOMPARE(classOf(W::TotalPhosphorus, 0.21), C::IV);
    }

    void waterTemperatureHasNoClass()
    {
        JhWaterClass waterClass;
        QVERIFY(!JhSurfaceWaterAssessor::classify(W::WaterTemperature, 25, JhWaterBody::River, &waterClass));
    }

    void sectionClassAndTarget()
    {
        JhWaterAssessmentInput input;
        input.measurements = {mg(W::Ph, 7), mg(W::DissolvedOxygen, 5.5), mg(W::PermanganateIndex, 4.2),
                              mg(W::AmmoniaNitrogen, 1.2), mg(W::TotalPhosphorus, 0.15)};
        input.hasTarget = true;
        input.target = C::III;
        const JhWaterAssessment a = JhSurfaceWaterAssessor::assess(input);
        QVERIFY(a.ok());
        QVERIFY(a.hasClass);
        QCOMPARE(a.item(W::DissolvedOxygen)->waterClass, C::III);
        QCOMPARE(a.item(W::PermanganateIndex)->waterClass, C::III);
        QCOMPARE(a.item(W::AmmoniaNitrogen)->waterClass, C::IV);
        QCOMPARE(a.item(W::TotalPhosphorus)->waterClass, C::III);
        QCOMPARE(a.overall, C::IV);
        QCOMPARE(JhSurfaceWaterStandard::labelZh(a.overall), QStringLiteral("轻度污染"));
        QCOMPARE(a.worstItems, QVector<W>{W::AmmoniaNitrogen});
        QCOMPARE(a.mainPollutants, QVector<W>{W::AmmoniaNitrogen});
        // NH3-N 1.2 against III (1.0): 0.2 times over.
        QVERIFY(qAbs(a.item(W::AmmoniaNitrogen)->exceedanceMultiple - 0.2) < 1e-12);
        QVERIFY(!a.meetsTarget);
        QCOMPARE(a.classesOverTarget, 1);
        QCOMPARE(a.itemsOverTarget, QVector<W>{W::AmmoniaNitrogen});

        input.target = C::IV;
        QVERIFY(JhSurfaceWaterAssessor::assess(input).meetsTarget);
        input.target = C::II;
        QCOMPARE(JhSurfaceWaterAssessor::assess(input).classesOverTarget, 2);
    }

    void goodSectionHasNoMainPollutants()
    {
        JhWaterAssessmentInput input;
        input.measurements = {mg(W::DissolvedOxygen, 8), mg(W::AmmoniaNitrogen, 0.8)};
        const JhWaterAssessment a = JhSurfaceWaterAssessor::assess(input);
        QCOMPARE(a.overall, C::III);
        QCOMPARE(JhSurfaceWaterStandard::labelZh(a.overall), QStringLiteral("良好"));
        QVERIFY(a.mainPollutants.isEmpty());
        input.measurements = {mg(W::DissolvedOxygen, 8), mg(W::AmmoniaNitrogen, 0.3)};
        QCOMPARE(JhSurfaceWaterStandard::labelZh(JhSurfaceWaterAssessor::assess(input).overall),
                 QStringLiteral("优"));
    }

    void threeWorstItems()
    {
        JhWaterAssessmentInput input;
        // CODMn 16 劣V ((16-6)/6 = 1.67), NH3-N 2.5 劣V (1.5), TP 0.38 V (0.9), BOD5 7 V (0.75), DO 2.5 V.
        input.measurements = {mg(W::DissolvedOxygen, 2.5), mg(W::Bod5, 7), mg(W::TotalPhosphorus, 0.38),
                              mg(W::AmmoniaNitrogen, 2.5), mg(W::PermanganateIndex, 16)};
        input.hasTarget = true;
        input.target = C::III;
        const JhWaterAssessment a = JhSurfaceWaterAssessor::assess(input);
        QCOMPARE(a.overall, C::WorseThanV);
        QCOMPARE(JhSurfaceWaterStandard::className(a.overall), QStringLiteral("劣V"));
        QCOMPARE(JhSurfaceWaterStandard::labelZh(a.overall), QStringLiteral("重度污染"));
        QCOMPARE(a.mainPollutants,
                 (QVector<W>{W::PermanganateIndex, W::AmmoniaNitrogen, W::TotalPhosphorus}));
        QCOMPARE(a.classesOverTarget, 3);
        QCOMPARE(a.itemsOverTarget.size(), 5);
    }

    void excludedItems()
    {
        JhWaterAssessmentInput input;
        input.body = JhWaterBody::LakeOrReservoir;
        input.measurements = {mg(W::WaterTemperature, 31), mg(W::TotalNitrogen, 5),
                              mg(W::FaecalColiform, 50000), mg(W::AmmoniaNitrogen, 0.4)};
        const JhWaterAssessment a = JhSurfaceWaterAssessor::assess(input);
        QVERIFY(a.ok());
        QCOMPARE(a.overall, C::II);
        QVERIFY(!a.item(W::WaterTemperature)->classified);
        QVERIFY(!a.item(W::TotalNitrogen)->participates);
        QCOMPARE(a.item(W::TotalNitrogen)->waterClass, C::WorseThanV); // shown, not counted
        QVERIFY(!a.item(W::FaecalColiform)->participates);
        QCOMPARE(a.item(W::FaecalColiform)->waterClass, C::WorseThanV);
        // Nothing that participates: no class at all.
        input.measurements = {mg(W::WaterTemperature, 20), mg(W::TotalNitrogen, 0.3)};
        QVERIFY(!JhSurfaceWaterAssessor::assess(input).hasClass);
    }

    void hj212CodesAndUnits()
    {
        JhWaterItem item;
        QVERIFY(JhSurfaceWaterStandard::itemFromName(QStringLiteral("w21003"), &item));
        QCOMPARE(item, W::AmmoniaNitrogen);
        QVERIFY(JhSurfaceWaterStandard::itemFromName(QStringLiteral("w01009"), &item));
        QCOMPARE(item, W::DissolvedOxygen);
        QVERIFY(JhSurfaceWaterStandard::itemFromName(QStringLiteral("w01019"), &item));
        QCOMPARE(item, W::PermanganateIndex);
        QVERIFY(JhSurfaceWaterStandard::itemFromName(QStringLiteral("w20111"), &item));
        QCOMPARE(item, W::Mercury);
        QCOMPARE(JhSurfaceWaterStandard::info(W::Mercury).hj212Unit, JhUnit::MicrogramPerLitre);
        QCOMPARE(JhSurfaceWaterStandard::info(W::Mercury).unit, JhUnit::MilligramPerLitre);
        QVERIFY(!JhSurfaceWaterStandard::itemFromName(QStringLiteral("w99999"), &item));

        // Hg reported by HJ 212 in µg/L: 0.05 µg/L = 0.00005 mg/L (I), 0.1 (III), 1 (IV), 1.01 (劣V).
        const double values[] = {0.05, 0.1, 1, 1.01};
        const C expected[] = {C::I, C::III, C::IV, C::WorseThanV};
        for (int i = 0; i < 4; ++i) {
            JhWaterAssessmentInput input;
            input.measurements = {{W::Mercury, values[i], JhUnit::MicrogramPerLitre}};
            QCOMPARE(JhSurfaceWaterAssessor::assess(input).overall, expected[i]);
        }
        // Pb 50 µg/L = 0.05 mg/L: class III exactly.
        JhWaterAssessmentInput input;
        input.measurements = {{W::Lead, 50, JhUnit::MicrogramPerLitre}};
        QCOMPARE(JhSurfaceWaterAssessor::assess(input).overall, C::III);
        // The unit is not optional: a water item in mg/m³ is refused.
        input.measurements = {{W::Lead, 50, JhUnit::MilligramPerCubicMetre}};
        QCOMPARE(JhSurfaceWaterAssessor::assess(input).error, JhWaterError::IncompatibleUnit);
    }

    void invalidInput()
    {
        JhWaterAssessmentInput input;
        input.measurements = {mg(W::Cod, -1)};
        QCOMPARE(JhSurfaceWaterAssessor::assess(input).error, JhWaterError::InvalidValue);
        input.measurements = {mg(W::Cod, qQNaN())};
        QCOMPARE(JhSurfaceWaterAssessor::assess(input).error, JhWaterError::InvalidValue);
        input.measurements = {mg(W::Cod, 10), mg(W::Cod, 12)};
        QCOMPARE(JhSurfaceWaterAssessor::assess(input).error, JhWaterError::DuplicateItem);
    }

    void classNames()
    {
        JhWaterClass waterClass;
        QVERIFY(JhSurfaceWaterStandard::classFromString(QStringLiteral("III"), &waterClass));
        QCOMPARE(waterClass, C::III);
        QVERIFY(JhSurfaceWaterStandard::classFromString(QStringLiteral("Ⅳ类"), &waterClass));
        QCOMPARE(waterClass, C::IV);
        QVERIFY(JhSurfaceWaterStandard::classFromString(QStringLiteral("劣Ⅴ"), &waterClass));
        QCOMPARE(waterClass, C::WorseThanV);
        QVERIFY(JhSurfaceWaterStandard::classFromString(QStringLiteral("2"), &waterClass));
        QCOMPARE(waterClass, C::II);
        QVERIFY(!JhSurfaceWaterStandard::classFromString(QStringLiteral("VI"), &waterClass));
        QCOMPARE(JhSurfaceWaterStandard::items().size(), 24);
    }
};

QTEST_APPLESS_MAIN(TestJhSurfaceWaterAssessor)
#include "tst_jhsurfacewaterassessor.moc"
