// Round trips through the jianghai-envstd aqi / water-class / noise commands, as a field engineer runs them.
#include <QtTest>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

namespace {

struct Run
{
    int exitCode = -1;
    QJsonObject json;
    QString error;
};

Run run(const QStringList &arguments)
{
    Run result;
    QProcess process;
    process.start(QStringLiteral(JH_BINARY_DIR "/bin/jianghai-envstd"), arguments);
    if (!process.waitForFinished(20000))
        return result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.json = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    result.error = QString::fromUtf8(process.readAllStandardError());
    return result;
}

QStringList strings(const QJsonValue &value)
{
    QStringList list;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &item : array)
        list << item.toString();
    return list;
}

} // namespace

class TestEnvstdStandardsCli : public QObject
{
    Q_OBJECT

private slots:
    void aqiHourly2026()
    {
        // PM2.5 35.5 -> 36 (GB/T 8170) -> 50 + 50*1/25 = 52; PM10 80 -> 50 + 50*30/70 = 71.4 -> 72.
        const Run r = run({QStringLiteral("aqi"), QStringLiteral("--standard"), QStringLiteral("2026"),
                           QStringLiteral("--hourly"), QStringLiteral("so2=10"), QStringLiteral("no2=30"),
                           QStringLiteral("pm10=80"), QStringLiteral("pm25=35.5"), QStringLiteral("co=0.6"),
                           QStringLiteral("o3=120")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json.value(QStringLiteral("standard")).toString(), QStringLiteral("HJ 633-2026"));
        QCOMPARE(r.json.value(QStringLiteral("aqi")).toInt(), 72);
        QCOMPARE(r.json.value(QStringLiteral("iaqi")).toObject().value(QStringLiteral("pm25")).toInt(), 52);
        QCOMPARE(strings(r.json.value(QStringLiteral("primaryPollutants"))),
                 QStringList{QStringLiteral("pm10")});
        QCOMPARE(r.json.value(QStringLiteral("level")).toInt(), 2);
        QCOMPARE(r.json.value(QStringLiteral("category")).toObject().value(QStringLiteral("zh")).toString(),
                 QStringLiteral("良"));
        QCOMPARE(r.json.value(QStringLiteral("colour")).toString(), QStringLiteral("#FFFF00"));
        QVERIFY(r.json.value(QStringLiteral("complete")).toBool());
    }

    void aqiVersionByDate()
    {
        Run r = run({QStringLiteral("aqi"), QStringLiteral("--date"), QStringLiteral("2026-02-28"),
                     QStringLiteral("--daily"), QStringLiteral("pm25=75"), QStringLiteral("pm10=150")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json.value(QStringLiteral("standard")).toString(), QStringLiteral("HJ 633-2012"));
        QCOMPARE(r.json.value(QStringLiteral("aqi")).toInt(), 100);
        QCOMPARE(strings(r.json.value(QStringLiteral("primaryPollutants"))),
                 (QStringList{QStringLiteral("pm10"), QStringLiteral("pm25")}));
        QVERIFY(r.json.contains(QStringLiteral("overStandard")));
        // 2026: PM2.5 75 -> 114, PM10 150 -> 100 + 50*30/130 = 111.5 -> 112.
        r = run({QStringLiteral("aqi"), QStringLiteral("--date"), QStringLiteral("2026-03-01"),
                 QStringLiteral("--daily"), QStringLiteral("pm25=75"), QStringLiteral("pm10=150")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json.value(QStringLiteral("standard")).toString(), QStringLiteral("HJ 633-2026"));
        QCOMPARE(r.json.value(QStringLiteral("aqi")).toInt(), 114);
        QCOMPARE(r.json.value(QStringLiteral("category")).toObject().value(QStringLiteral("zh")).toString(),
                 QStringLiteral("轻度污染"));
        QCOMPARE(r.json.value(QStringLiteral("colour")).toString(), QStringLiteral("#FF7E00"));
        QCOMPARE(strings(r.json.value(QStringLiteral("iaqiAbove100"))),
                 (QStringList{QStringLiteral("pm10"), QStringLiteral("pm25")}));
        // Incomplete and not above 100: AQI NA (§5.3.1).
        r = run({QStringLiteral("aqi"), QStringLiteral("--date"), QStringLiteral("2026-03-01"),
                 QStringLiteral("--daily"), QStringLiteral("pm25=40")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.json.value(QStringLiteral("aqi")).isNull());
        QCOMPARE(r.json.value(QStringLiteral("aqiOfAvailable")).toInt(), 60);
    }

    void aqiUnitsAndCodes()
    {
        // a21026 in mg/m³ above 800 µg/m³ in the 2026 real-time report counts as 200.
        const Run r =
            run({QStringLiteral("aqi"), QStringLiteral("--standard"), QStringLiteral("2026"),
                 QStringLiteral("--hourly"), QStringLiteral("a21026=0.9mg/m3"), QStringLiteral("a34004=10")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject so2 =
            r.json.value(QStringLiteral("indicators")).toObject().value(QStringLiteral("so2_1h")).toObject();
        QCOMPARE(so2.value(QStringLiteral("evaluated")).toDouble(), 900.0);
        QCOMPARE(so2.value(QStringLiteral("iaqi")).toInt(), 200);
        QCOMPARE(r.json.value(QStringLiteral("aqi")).toInt(), 200);
    }

    void aqiUsageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        const QString aqi = QStringLiteral("aqi");
        QTest::newRow("no standard") << QStringList{aqi, QStringLiteral("--hourly"),
                                                    QStringLiteral("pm25=10")};
        QTest::newRow("no report") << QStringList{aqi, QStringLiteral("--standard"), QStringLiteral("2026"),
                                                  QStringLiteral("pm25=10")};
        QTest::newRow("bad standard")
            << QStringList{aqi, QStringLiteral("--standard"), QStringLiteral("2020"),
                           QStringLiteral("--hourly"), QStringLiteral("pm25=10")};
        QTest::newRow("bad date") << QStringList{aqi, QStringLiteral("--date"), QStringLiteral("2026-02-30"),
                                                 QStringLiteral("--hourly"), QStringLiteral("pm25=10")};
        QTest::newRow("not a number")
            << QStringList{aqi, QStringLiteral("--standard"), QStringLiteral("2026"),
                           QStringLiteral("--hourly"), QStringLiteral("pm25=abc")};
        QTest::newRow("negative") << QStringList{aqi, QStringLiteral("--standard"), QStringLiteral("2026"),
                                                 QStringLiteral("--hourly"), QStringLiteral("pm25=-3")};
        QTest::newRow("unknown") << QStringList{aqi, QStringLiteral("--standard"), QStringLiteral("2026"),
                                                QStringLiteral("--hourly"), QStringLiteral("h2s=3")};
        QTest::newRow("o3 1h in 2026 daily")
            << QStringList{aqi, QStringLiteral("--standard"), QStringLiteral("2026"),
                           QStringLiteral("--daily"), QStringLiteral("o3=100")};
        QTest::newRow("water unit") << QStringList{aqi, QStringLiteral("--standard"), QStringLiteral("2026"),
                                                   QStringLiteral("--hourly"), QStringLiteral("pm25=3mg/L")};
        QTest::newRow("no values") << QStringList{aqi, QStringLiteral("--standard"), QStringLiteral("2026"),
                                                  QStringLiteral("--hourly")};
    }

    void aqiUsageErrors()
    {
        QFETCH(QStringList, arguments);
        const Run r = run(arguments);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.json.isEmpty());
        QVERIFY(r.error.startsWith(QStringLiteral("jianghai-envstd aqi: ")));
    }

    void waterClass()
    {
        Run r = run({QStringLiteral("water-class"), QStringLiteral("--target"), QStringLiteral("III"),
                     QStringLiteral("ph=7"), QStringLiteral("do=5.5"), QStringLiteral("codmn=4.2"),
                     QStringLiteral("nh3n=1.2"), QStringLiteral("tp=0.15")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json.value(QStringLiteral("class")).toString(), QStringLiteral("IV"));
        QCOMPARE(r.json.value(QStringLiteral("label")).toObject().value(QStringLiteral("zh")).toString(),
                 QStringLiteral("轻度污染"));
        QCOMPARE(r.json.value(QStringLiteral("meetsTarget")).toBool(true), false);
        QCOMPARE(r.json.value(QStringLiteral("classesOverTarget")).toInt(), 1);
        const QJsonObject items = r.json.value(QStringLiteral("items")).toObject();
        QCOMPARE(items.value(QStringLiteral("do")).toObject().value(QStringLiteral("class")).toString(),
                 QStringLiteral("III"));
        QCOMPARE(items.value(QStringLiteral("nh3n")).toObject().value(QStringLiteral("class")).toString(),
                 QStringLiteral("IV"));

        // Lake TP 0.1 is IV; the same value in a river is II.
        r = run({QStringLiteral("water-class"), QStringLiteral("--lake"), QStringLiteral("tp=0.1")});
        QCOMPARE(r.json.value(QStringLiteral("class")).toString(), QStringLiteral("IV"));
        r = run({QStringLiteral("water-class"), QStringLiteral("tp=0.1")});
        QCOMPARE(r.json.value(QStringLiteral("class")).toString(), QStringLiteral("II"));

        // HJ 212 code: µg/L by default (0.05 µg/L Hg = class I); the short name is mg/L (0.05 mg/L = 劣V).
        r = run({QStringLiteral("water-class"), QStringLiteral("w20111=0.05")});
        QCOMPARE(r.json.value(QStringLiteral("class")).toString(), QStringLiteral("I"));
        r = run({QStringLiteral("water-class"), QStringLiteral("hg=0.05")});
        QCOMPARE(r.json.value(QStringLiteral("class")).toString(), QStringLiteral("劣V"));
        r = run({QStringLiteral("water-class"), QStringLiteral("hg=0.05ug/L")});
        QCOMPARE(r.json.value(QStringLiteral("class")).toString(), QStringLiteral("I"));

        // 劣V against target II: four classes over. Both items are 劣V; NH3-N has a 超标倍数 (1.5), DO has
        // none, so NH3-N comes first.
        r = run({QStringLiteral("water-class"), QStringLiteral("--target"), QStringLiteral("II"),
                 QStringLiteral("w21003=2.5"), QStringLiteral("do=1.5")});
        QCOMPARE(r.json.value(QStringLiteral("class")).toString(), QStringLiteral("劣V"));
        QCOMPARE(r.json.value(QStringLiteral("classesOverTarget")).toInt(), 4);
        QCOMPARE(strings(r.json.value(QStringLiteral("mainPollutants"))),
                 (QStringList{QStringLiteral("nh3n"), QStringLiteral("do")}));
    }

    void waterClassErrors()
    {
        QCOMPARE(run({QStringLiteral("water-class"), QStringLiteral("--target"), QStringLiteral("VI"),
                      QStringLiteral("ph=7")})
                     .exitCode,
                 2);
        QCOMPARE(run({QStringLiteral("water-class"), QStringLiteral("nh3n=lots")}).exitCode, 2);
        QCOMPARE(run({QStringLiteral("water-class"), QStringLiteral("xyz=1")}).exitCode, 2);
        QCOMPARE(run({QStringLiteral("water-class"), QStringLiteral("pb=1mg/m3")}).exitCode, 2);
        QCOMPARE(run({QStringLiteral("water-class")}).exitCode, 2);
    }

    void noise()
    {
        Run r = run({QStringLiteral("noise"), QStringLiteral("--zone"), QStringLiteral("4a"),
                     QStringLiteral("--time"), QStringLiteral("23:10"), QStringLiteral("--leq"),
                     QStringLiteral("58.3"), QStringLiteral("--lmax"), QStringLiteral("75")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json.value(QStringLiteral("period")).toString(), QStringLiteral("night"));
        QCOMPARE(r.json.value(QStringLiteral("limit")).toDouble(), 55.0);
        QCOMPARE(r.json.value(QStringLiteral("exceedance")).toDouble(), 3.3);
        QVERIFY(r.json.value(QStringLiteral("exceeds")).toBool());
        QCOMPARE(r.json.value(QStringLiteral("lmaxLimit")).toDouble(), 70.0);
        QCOMPARE(r.json.value(QStringLiteral("lmaxExceedance")).toDouble(), 5.0);
        r = run({QStringLiteral("noise"), QStringLiteral("--zone"), QStringLiteral("1"),
                 QStringLiteral("--time"), QStringLiteral("06:00"), QStringLiteral("--leq"),
                 QStringLiteral("55")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json.value(QStringLiteral("period")).toString(), QStringLiteral("day"));
        QCOMPARE(r.json.value(QStringLiteral("exceeds")).toBool(true), false);
        QCOMPARE(run({QStringLiteral("noise"), QStringLiteral("--zone"), QStringLiteral("4a"),
                      QStringLiteral("--time"), QStringLiteral("25:00"), QStringLiteral("--leq"),
                      QStringLiteral("50")})
                     .exitCode,
                 2);
        QCOMPARE(run({QStringLiteral("noise"), QStringLiteral("--zone"), QStringLiteral("4a"),
                      QStringLiteral("--time"), QStringLiteral("12:00")})
                     .exitCode,
                 2);
        QCOMPARE(run({QStringLiteral("aqi"), QStringLiteral("--help")}).exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestEnvstdStandardsCli)
#include "tst_envstdstandardscli.moc"
