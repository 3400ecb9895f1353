// Tests of JhHj212Codes: the tables against the standard's facts, lookups, and unknown codes passing.
#include "hj212testsupport.h"
#include "jhhj212codes.h"
#include "jhhj212parser.h"

#include <QSet>
#include <QTest>

using namespace Hj212Test;

class TestJhHj212Codes : public QObject
{
    Q_OBJECT

private slots:
    void systems();
    void commands();
    void dataFlags();
    void pollutants();
    void codes2005();
    void suffixesAndKinds();
    void returnCodes();
    void tablesHaveNoDuplicates();
    void unknownCodesPassThrough();
};

void TestJhHj212Codes::systems()
{
    QCOMPARE(QString::fromUtf8(JhHj212Codes::system("22")->chinese), QStringLiteral("空气质量监测"));
    QCOMPARE(QString::fromUtf8(JhHj212Codes::system("91")->chinese), QStringLiteral("系统交互"));
    QVERIFY(JhHj212Codes::system("32"));
    QVERIFY(!JhHj212Codes::system("99"));
    QCOMPARE(JhHj212Codes::systemCount(), 20);
}

void TestJhHj212Codes::commands()
{
    // 2081 is the logger's power-on time, not status (status is 2021).
    QVERIFY(QByteArray(JhHj212Codes::command(2081)->english).contains("power-on"));
    QVERIFY(QByteArray(JhHj212Codes::command(2021)->english).contains("status"));
    QCOMPARE(JhHj212Codes::command(9014)->origin, JhHj212Codes::Origin::Standard2017);
    QCOMPARE(JhHj212Codes::command(2072)->origin, JhHj212Codes::Origin::Standard2005);
    QCOMPARE(JhHj212Codes::command(8013)->origin, JhHj212Codes::Origin::Vendor);
    QCOMPARE(QByteArray(JhHj212Codes::command(2011)->direction), QByteArray("both"));
    QCOMPARE(QByteArray(JhHj212Codes::command(1062)->direction), QByteArray("host->field"));
    QVERIFY(!JhHj212Codes::command(1005));
}

void TestJhHj212Codes::dataFlags()
{
    QString flags2017;
    QString flags2005;
    for (int i = 0; i < JhHj212Codes::dataFlagCount(); ++i) {
        const JhHj212Codes::DataFlag &flag = JhHj212Codes::dataFlagAt(i);
        if (flag.in2017)
            flags2017 += QLatin1Char(flag.flag);
        if (flag.in2005)
            flags2005 += QLatin1Char(flag.flag);
    }
    std::sort(flags2017.begin(), flags2017.end());
    std::sort(flags2005.begin(), flags2005.end());
    QCOMPARE(flags2017, QStringLiteral("BCDFMNST"));
    QCOMPARE(flags2005, QStringLiteral("0123CDFMNPST"));
    QVERIFY(!JhHj212Codes::dataFlag("P"));
    QVERIFY(JhHj212Codes::dataFlag("P", true));
    QVERIFY(!JhHj212Codes::dataFlag("B", true));
    QCOMPARE(QByteArray(JhHj212Codes::dataFlag("F")->english), QByteArray("instrument stopped"));
    QCOMPARE(QByteArray(JhHj212Codes::dataFlag("F", true)->english), QByteArray("source stopped (2005)"));
}

void TestJhHj212Codes::pollutants()
{
    const JhHj212Codes::Pollutant *ozone = JhHj212Codes::pollutant("a05024");
    QVERIFY(ozone);
    QVERIFY(QByteArray(ozone->english).contains("O3"));
    QCOMPARE(QString::fromUtf8(ozone->chinese), QStringLiteral("臭氧"));
    QCOMPARE(QString::fromUtf8(JhHj212Codes::pollutant("w01018")->chinese), QStringLiteral("化学需氧量"));
    QCOMPARE(QByteArray(JhHj212Codes::pollutant("w01018")->unit), QByteArray("mg/L"));
    QCOMPARE(QByteArray(JhHj212Codes::pollutant("a21026")->dataType), QByteArray("N5.2"));
    QCOMPARE(JhHj212Codes::pollutant("LA")->category, JhHj212Codes::Noise);
    QCOMPARE(JhHj212Codes::pollutant("i12001")->category, JhHj212Codes::Device);
    QCOMPARE(JhHj212Codes::pollutant("w21003")->category, JhHj212Codes::Water);
    QCOMPARE(JhHj212Codes::pollutant("a34004")->category, JhHj212Codes::Air);
    QVERIFY(JhHj212Codes::pollutantCount() > 200);
}

void TestJhHj212Codes::codes2005()
{
    // Tables B.1/B.2 原编码 column.
    const struct
    {
        const char *oldCode;
        const char *code;
    } pairs[] = {{"B01", "w00000"}, {"001", "w01001"}, {"011", "w01018"}, {"060", "w21003"},
                 {"101", "w21011"}, {"B02", "a00000"}, {"01", "a34013"},  {"02", "a21026"},
                 {"03", "a21002"},  {"S01", "a19001"}, {"S03", "a01012"}, {"05", "a21028"}};
    for (const auto &pair : pairs) {
        const JhHj212Codes::Pollutant *entry = JhHj212Codes::pollutantFor2005(pair.oldCode);
        QVERIFY2(entry, pair.oldCode);
        QCOMPARE(QByteArray(entry->code), QByteArray(pair.code));
        QCOMPARE(JhHj212Codes::pollutant(pair.oldCode), entry);
    }
    QVERIFY(!JhHj212Codes::pollutantFor2005("999"));
}

void TestJhHj212Codes::suffixesAndKinds()
{
    const char *numeric[] = {"Rtd",   "Avg",   "Min",   "Max",  "Cou",     "ZsRtd",
                             "ZsAvg", "ZsMin", "ZsMax", "Data", "DayData", "NightData"};
    for (const char *name : numeric)
        QCOMPARE(JhHj212Codes::suffix(name)->kind, JhHj212Codes::ValueKind::Number);
    QCOMPARE(JhHj212Codes::valueKind("a34004-Flag"), JhHj212Codes::ValueKind::DataFlag);
    QCOMPARE(JhHj212Codes::valueKind("a34004-SampleTime"), JhHj212Codes::ValueKind::Time);
    QCOMPARE(JhHj212Codes::valueKind("SB1-RS"), JhHj212Codes::ValueKind::Integer);
    QCOMPARE(JhHj212Codes::valueKind("i11001-Info"), JhHj212Codes::ValueKind::Text);
    QCOMPARE(JhHj212Codes::valueKind("DataTime"), JhHj212Codes::ValueKind::Time);
    QCOMPARE(JhHj212Codes::valueKind("QnRtn"), JhHj212Codes::ValueKind::Integer);
    QCOMPARE(JhHj212Codes::valueKind("a01006-ValidNum"), JhHj212Codes::ValueKind::Text);
    QCOMPARE(JhHj212Codes::valueKind("Whatever"), JhHj212Codes::ValueKind::Text);
    QVERIFY(JhHj212Codes::suffix("EFlag"));
    QVERIFY(JhHj212Codes::suffix("SN"));
    QVERIFY(JhHj212Codes::suffix("Ala"));
}

void TestJhHj212Codes::returnCodes()
{
    QCOMPARE(QByteArray(JhHj212Codes::exeRtn(100)->english), QByteArray("no data"));
    QCOMPARE(QByteArray(JhHj212Codes::qnRtn(9)->english), QByteArray("CRC error"));
    QVERIFY(!JhHj212Codes::qnRtn(10));
}

void TestJhHj212Codes::tablesHaveNoDuplicates()
{
    QSet<QByteArray> codes;
    QSet<QByteArray> oldCodes;
    for (int i = 0; i < JhHj212Codes::pollutantCount(); ++i) {
        const JhHj212Codes::Pollutant &entry = JhHj212Codes::pollutantAt(i);
        QVERIFY2(!codes.contains(entry.code), entry.code);
        codes.insert(entry.code);
        if (entry.oldCode[0]) {
            QVERIFY2(!oldCodes.contains(entry.oldCode), entry.oldCode);
            oldCodes.insert(entry.oldCode);
        }
        QVERIFY2(entry.english[0] && entry.chinese[0], entry.code);
    }
    QSet<int> commands;
    for (int i = 0; i < JhHj212Codes::commandCount(); ++i) {
        QVERIFY(!commands.contains(JhHj212Codes::commandAt(i).code));
        commands.insert(JhHj212Codes::commandAt(i).code);
    }
    for (int i = 0; i < JhHj212Codes::aliasCount(); ++i)
        QVERIFY2(JhHj212Codes::pollutant(JhHj212Codes::aliasAt(i).code), JhHj212Codes::aliasAt(i).name);
}

void TestJhHj212Codes::unknownCodesPassThrough()
{
    // Unknown ST, CN, factor codes and suffixes are kept, not dropped; the tables flag them as unknown.
    JhHj212Packet packet;
    const JhHj212Error error =
        JhHj212Parser().parse(wrap("QN=20160801085857223;ST=A7;CN=4321;PW=1;MN=A1;Flag=4;CP=&&x99999-Rtd=1.5,"
                                   "x99999-Flag=Q,x99999-Zzz=abc;ele01-Rtd=1&&"),
                              packet);
    QVERIFY2(error.isOk(), qPrintable(error.message()));
    QCOMPARE(packet.totalFieldCount(), 4);
    QVERIFY(!JhHj212Codes::system(packet.st()));
    QVERIFY(!JhHj212Codes::command(packet.command()));
    QVERIFY(!JhHj212Codes::pollutant(JhHj212Packet::codeOf(packet.fieldNameAt(0))));
    QVERIFY(!JhHj212Codes::dataFlag(packet.fieldValueAt(1)));
    QVERIFY(!JhHj212Codes::suffix(JhHj212Packet::suffixOf(packet.fieldNameAt(2))));
    QCOMPARE(packet.fieldValueAt(2), std::string_view("abc"));
}

QTEST_GUILESS_MAIN(TestJhHj212Codes)
#include "tst_jhhj212codes.moc"
