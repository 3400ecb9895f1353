// Tests of JhHj212Parser and JhHj212Builder: the published vectors, every error rule with its offset,
// tolerances, log text, 2005 packets, and seeded round trips and mutations.
#include "hj212testsupport.h"
#include "jhhj212builder.h"
#include "jhhj212crc.h"
#include "jhhj212parser.h"

#include <QTest>

using namespace Hj212Test;

class TestJhHj212Parser : public QObject
{
    Q_OBJECT

private slots:
    void vectors_data();
    void vectors();
    void crcCheckValues();
    void crcMatchesReferenceOnRandomData();
    void crcOnlyTakes256Values();
    void errors_data();
    void errors();
    void modbusHint();
    void headerFieldsInAnyOrder();
    void versionsAndFlagBits();
    void dataGroupsAndSuffixes();
    void logTextKeepsSeparators();
    void lengthCountsBytes();
    void emptyCp();
    void packet2005();
    void requestQnInCp();
    void tolerancesOffByDefault();
    void tolerancePlus6();
    void toleranceFactorNames();
    void toleranceLongSegment();
    void toleranceBareLineFeed();
    void toleranceSpaces();
    void configurableLimit();
    void numbers();
    void emptyNumericValues();
    void builderQuirks();
    void roundTrips();
    void mutations();

private:
    static JhHj212Error parse(const QByteArray &bytes, JhHj212Packet *out = nullptr, int tolerances = 0)
    {
        JhHj212Options options;
        options.tolerances = tolerances;
        JhHj212Parser parser(options);
        JhHj212Packet packet;
        const JhHj212Error error = parser.parse(bytes.constData(), bytes.size(), packet);
        if (out)
            *out = packet;
        return error;
    }
};

void TestJhHj212Parser::vectors_data()
{
    QTest::addColumn<QString>("expect");
    QTest::addColumn<QByteArray>("packet");
    const QVector<Vector> all = loadVectors();
    QVERIFY2(all.size() >= 19, "tests/data/hj212/vectors.tsv is missing or short");
    int index = 0;
    for (const Vector &vector : all)
        QTest::newRow(qPrintable(QStringLiteral("%1 %2").arg(++index).arg(vector.source.left(60))))
            << vector.expect << vector.packet;
}

void TestJhHj212Parser::vectors()
{
    QFETCH(QString, expect);
    QFETCH(QByteArray, packet);
    JhHj212Packet parsed;
    const JhHj212Error error = parse(packet + "\r\n", &parsed);
    if (expect == QLatin1String("accept")) {
        QVERIFY2(error.isOk(), qPrintable(error.message()));
        QCOMPARE(parsed.tolerancesUsed(), 0);
        // The data segment rebuilt from the parsed fields must be the received one, byte for byte.
        QCOMPARE(JhHj212Builder::dataSegment(parsed), packet.mid(6, packet.size() - 10));
    } else {
        QCOMPARE(expect, QStringLiteral("reject-crc"));
        QCOMPARE(error.code(), JhHj212Error::BadCrc);
        QCOMPARE(error.offset(), packet.size() - 4);
        const QByteArray data = packet.mid(6, packet.size() - 10);
        QCOMPARE(error.expected(), qint64(referenceCrc(data)));
        QCOMPARE(error.actual(), packet.right(4).toLongLong(nullptr, 16));
        QCOMPARE(error.modbusMatch(), referenceModbus(data) == quint16(packet.right(4).toUInt(nullptr, 16)));
    }
}

void TestJhHj212Parser::crcCheckValues()
{
    QCOMPARE(JhHj212Crc::checksum("123456789", 9), quint16(0x2F80));
    QCOMPARE(JhHj212Crc::modbusChecksum("123456789", 9), quint16(0x4B37));
    QCOMPARE(JhHj212Crc::checksum("", 0), quint16(0xFFFF));
    const QByteArray appendixA = "QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;"
                                 "Flag=5;CP=&&RtdInterval=30&&";
    QCOMPARE(JhHj212Crc::checksum(appendixA.constData(), std::size_t(appendixA.size())), quint16(0x1C80));
    QCOMPARE(JhHj212Crc::modbusChecksum(appendixA.constData(), std::size_t(appendixA.size())),
             quint16(0x0759));
    char hex[4];
    JhHj212Crc::formatHex(0x1dc0, hex, true);
    QCOMPARE(QByteArray(hex, 4), QByteArray("1dc0"));
    quint16 value = 0;
    QVERIFY(JhHj212Crc::parseHex("7d00", &value));
    QCOMPARE(value, quint16(0x7D00));
    QVERIFY(!JhHj212Crc::parseHex("7g00", &value));
}

void TestJhHj212Parser::crcMatchesReferenceOnRandomData()
{
    QRandomGenerator random(212);
    for (int round = 0; round < 3000; ++round) {
        QByteArray data(int(random.bounded(700u)), Qt::Uninitialized);
        for (char &c : data)
            c = char(random.bounded(256u));
        QCOMPARE(JhHj212Crc::checksum(data.constData(), std::size_t(data.size())), referenceCrc(data));
        QCOMPARE(JhHj212Crc::modbusChecksum(data.constData(), std::size_t(data.size())),
                 referenceModbus(data));
    }
}

void TestJhHj212Parser::crcOnlyTakes256Values()
{
    // standards.md §1.9: the low byte is always one of 00 01 40 41 80 81 C0 C1.
    QRandomGenerator random(7);
    for (int round = 0; round < 2000; ++round) {
        QByteArray data(1 + int(random.bounded(64u)), Qt::Uninitialized);
        for (char &c : data)
            c = char(random.bounded(256u));
        const int low = JhHj212Crc::checksum(data.constData(), std::size_t(data.size())) & 0xFF;
        QVERIFY((low & 0x3E) == 0);
    }
}

void TestJhHj212Parser::errors_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("code");
    QTest::addColumn<int>("offset");

    const QByteArray head =
        "QN=20160801085857223;ST=32;CN=2011;PW=123456;MN=010000A8900016F000169DC0;Flag=5;";
    const QByteArray good = head + "CP=&&DataTime=20160801085857;w01018-Rtd=12.5,w01018-Flag=N&&";
    const int cpAt = 6 + head.size();
    const int areaAt = cpAt + 5;

    QTest::newRow("no ##") << ("#" + wrap(good).mid(2)) << int(JhHj212Error::BadHeader) << 0;
    QTest::newRow("length not digits (##9ST=)")
        << QByteArray("##9ST=32;CN=2011\r\n") << int(JhHj212Error::BadLengthField) << 2;
    QTest::newRow("length one short") << wrap(good, -1) << int(JhHj212Error::LengthMismatch) << 2;
    QTest::newRow("length one long") << wrap(good, 1) << int(JhHj212Error::LengthMismatch) << 2;
    QTest::newRow("declared 1025") << ("##1025" + wrap(good).mid(6)) << int(JhHj212Error::TooLong) << 2;
    QByteArray big = head + "CP=&&DataTime=20160801085857;i11001-Info=//" + QByteArray(1000, 'x') + "//&&";
    QTest::newRow("segment over 1024") << wrap(big) << int(JhHj212Error::TooLong) << 2;
    QByteArray bare = wrap(good);
    bare.remove(bare.size() - 2, 1);
    QTest::newRow("bare LF") << bare << int(JhHj212Error::BadTerminator) << bare.size() - 1;
    QByteArray none = wrap(good);
    none.chop(2);
    QTest::newRow("no terminator") << none << int(JhHj212Error::BadTerminator) << none.size();
    QByteArray badHex = wrap(good);
    badHex[badHex.size() - 4] = 'G';
    QTest::newRow("CRC not hex") << badHex << int(JhHj212Error::BadCrcField) << badHex.size() - 6;
    QTest::newRow("too short for CRC") << QByteArray("##0000\r\n") << int(JhHj212Error::BadCrcField) << 6;
    QByteArray badCrc = wrap(good);
    badCrc[badCrc.size() - 5] = badCrc[badCrc.size() - 5] == '0' ? '1' : '0';
    QTest::newRow("CRC wrong") << badCrc << int(JhHj212Error::BadCrc) << badCrc.size() - 6;

    QTest::newRow("header field without =") << wrap("QN20160801085857223;ST=32;CN=2011;PW=1;MN=A;CP=&&&&")
                                            << int(JhHj212Error::MalformedField) << 6;
    QTest::newRow("unknown header field")
        << wrap("ST=32;XX=1;CN=2011;PW=1;MN=A;CP=&&&&") << int(JhHj212Error::UnknownHeaderField) << 12;
    QTest::newRow("duplicate ST") << wrap("ST=32;ST=32;CN=2011;PW=1;MN=A;CP=&&&&")
                                  << int(JhHj212Error::DuplicateField) << 12;
    QTest::newRow("missing ST") << wrap("CN=2011;PW=1;MN=A;CP=&&&&") << int(JhHj212Error::MissingField) << 24;
    QTest::newRow("missing MN") << wrap("ST=32;CN=2011;PW=1;CP=&&&&") << int(JhHj212Error::MissingField)
                                << 25;
    QTest::newRow("missing CP") << wrap("ST=32;CN=2011;PW=1;MN=A") << int(JhHj212Error::MissingField) << 25;
    QTest::newRow("2017 without QN") << wrap("ST=32;CN=2011;PW=1;MN=A;Flag=5;CP=&&&&")
                                     << int(JhHj212Error::MissingField) << 37;
    QTest::newRow("split without PNUM")
        << wrap("QN=20160801085857223;ST=32;CN=2011;PW=1;MN=A;Flag=7;PNO=1;CP=&&&&")
        << int(JhHj212Error::MissingField) << 6 + 58;
    QTest::newRow("PNO > PNUM")
        << wrap("QN=20160801085857223;ST=32;CN=2011;PW=1;MN=A;Flag=7;PNUM=2;PNO=3;CP=&&&&")
        << int(JhHj212Error::BadFieldValue) << 6 + 63;
    QTest::newRow("Flag not a number") << wrap("QN=20160801085857223;ST=32;CN=2011;PW=1;MN=A;Flag=5x;CP=&&&&")
                                       << int(JhHj212Error::BadNumber) << 6 + 50;
    QTest::newRow("Flag over 255") << wrap("ST=32;CN=2011;PW=1;MN=A;Flag=256;CP=&&&&")
                                   << int(JhHj212Error::BadNumber) << 6 + 29;
    QTest::newRow("missing ; before CP (Flag=5CP=)")
        << wrap("QN=20160801085857223;ST=32;CN=2011;PW=1;MN=A;Flag=5CP=&&&&")
        << int(JhHj212Error::MissingField) << 6 + 45;
    QTest::newRow("CN not a number") << wrap("ST=32;CN=20a1;PW=1;MN=A;CP=&&&&")
                                     << int(JhHj212Error::BadNumber) << 6 + 9;
    QTest::newRow("CN 5 digits") << wrap("ST=32;CN=20111;PW=1;MN=A;CP=&&&&")
                                 << int(JhHj212Error::BadFieldValue) << 6 + 9;
    QTest::newRow("QN 16 digits") << wrap("QN=2016080108585722;ST=32;CN=2011;PW=1;MN=A;CP=&&&&")
                                  << int(JhHj212Error::BadFieldValue) << 6 + 3;
    QTest::newRow("ST 3 chars") << wrap("ST=321;CN=2011;PW=1;MN=A;CP=&&&&")
                                << int(JhHj212Error::BadFieldValue) << 6 + 3;
    QTest::newRow("MN empty") << wrap("ST=32;CN=2011;PW=1;MN=;CP=&&&&") << int(JhHj212Error::BadFieldValue)
                              << 6 + 22;
    QTest::newRow("CP without &&") << wrap(head + "CP=DataTime=20160801085857") << int(JhHj212Error::BadCp)
                                   << cpAt;
    QTest::newRow("CP not closed") << wrap(head + "CP=&&DataTime=20160801085857") << int(JhHj212Error::BadCp)
                                   << cpAt;
    QTest::newRow("bad number") << wrap(head + "CP=&&w01018-Rtd=12,5x&&") << int(JhHj212Error::MalformedField)
                                << areaAt + 14;
    QTest::newRow("Rtd not a number")
        << wrap(head + "CP=&&w01018-Rtd=abc&&") << int(JhHj212Error::BadNumber) << areaAt + 11;
    // An empty measured value is accepted (emptyNumericValues); garbage after or instead of digits is not.
    QTest::newRow("Rtd 12a") << wrap(head + "CP=&&w01018-Rtd=12a,w01018-Flag=N&&")
                             << int(JhHj212Error::BadNumber) << areaAt + 11;
    QTest::newRow("Avg sign only") << wrap(head + "CP=&&w01018-Avg=-;w01019-Avg=1&&")
                                   << int(JhHj212Error::BadNumber) << areaAt + 11;
    QTest::newRow("Avg blank") << wrap(head + "CP=&&w01018-Avg= &&") << int(JhHj212Error::BadNumber)
                               << areaAt + 11;
    // Header fields and non-measurement fields stay strict when empty.
    QTest::newRow("Flag empty") << wrap("QN=20160801085857223;ST=32;CN=2011;PW=1;MN=A;Flag=;CP=&&&&")
                                << int(JhHj212Error::BadNumber) << 6 + 50;
    QTest::newRow("CN empty") << wrap("ST=32;CN=;PW=1;MN=A;CP=&&&&") << int(JhHj212Error::BadNumber) << 6 + 9;
    QTest::newRow("QN empty") << wrap("QN=;ST=32;CN=2011;PW=1;MN=A;CP=&&&&")
                              << int(JhHj212Error::BadFieldValue) << 6 + 3;
    QTest::newRow("QnRtn empty") << wrap(head + "CP=&&QnRtn=&&") << int(JhHj212Error::BadNumber)
                                 << areaAt + 6;
    QTest::newRow("DataTime empty") << wrap(head + "CP=&&DataTime=;w01018-Rtd=1&&")
                                    << int(JhHj212Error::BadTime) << areaAt + 9;
    QTest::newRow("SampleTime empty")
        << wrap(head + "CP=&&w01018-SampleTime=&&") << int(JhHj212Error::BadTime) << areaAt + 18;
    QTest::newRow("Rtd two points") << wrap(head + "CP=&&w01018-Rtd=1.2.3&&") << int(JhHj212Error::BadNumber)
                                    << areaAt + 11;
    QTest::newRow("QnRtn not integer")
        << wrap(head + "CP=&&QnRtn=1.5&&") << int(JhHj212Error::BadNumber) << areaAt + 6;
    QTest::newRow("DataTime 12 digits")
        << wrap(head + "CP=&&DataTime=201608010858&&") << int(JhHj212Error::BadTime) << areaAt + 9;
    QTest::newRow("SampleTime letters") << wrap(head + "CP=&&w01018-SampleTime=2016080108585x&&")
                                        << int(JhHj212Error::BadTime) << areaAt + 18;
    QTest::newRow("field without =") << wrap(head + "CP=&&DataTime&&") << int(JhHj212Error::MalformedField)
                                     << areaAt;
    QTest::newRow("empty item ;;") << wrap(head + "CP=&&QnRtn=1;;QnRtn=2&&")
                                   << int(JhHj212Error::MalformedField) << areaAt + 8;
    QTest::newRow("trailing ;") << wrap(head + "CP=&&QnRtn=1;&&") << int(JhHj212Error::MalformedField)
                                << areaAt + 7;
    QTest::newRow("blank CP (&& &&)")
        << wrap(head + "CP=&& &&") << int(JhHj212Error::MalformedField) << areaAt;
    QTest::newRow("name with dot") << wrap(head + "CP=&&PM2.5-Rtd=12&&") << int(JhHj212Error::BadFieldName)
                                   << areaAt;
    QTest::newRow("name with space") << wrap(head + "CP=&& LA-Rtd=50.1&&") << int(JhHj212Error::BadFieldName)
                                     << areaAt;
    QTest::newRow("name two dashes") << wrap(head + "CP=&&NH3-N-Rtd=1&&") << int(JhHj212Error::BadFieldName)
                                     << areaAt;
    QTest::newRow("log text open") << wrap(head + "CP=&&i11001-Info=//清洗管路&&")
                                   << int(JhHj212Error::UnterminatedLogText) << areaAt + 12;
}

void TestJhHj212Parser::errors()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, code);
    QFETCH(int, offset);
    const JhHj212Error error = parse(bytes);
    QCOMPARE(int(error.code()), code);
    QCOMPARE(error.offset(), offset);
    QVERIFY(!error.message().isEmpty());
    QVERIFY(error.message().contains(QStringLiteral("at byte %1").arg(offset)));
    QVERIFY(error.rule() != QLatin1String("ok"));
}

void TestJhHj212Parser::modbusHint()
{
    const QByteArray data = "QN=20170516010101001;ST=22;CN=1011;PW=123456;MN=ABCDEFG1234567;Flag=5;CP=&&&&";
    const QByteArray packet = "##" + QByteArray::number(data.size()).rightJustified(4, '0') + data +
                              QByteArray::number(referenceModbus(data), 16).rightJustified(4, '0') + "\r\n";
    const JhHj212Error error = parse(packet);
    QCOMPARE(error.code(), JhHj212Error::BadCrc);
    QVERIFY(error.modbusMatch());
    QVERIFY(error.message().contains(QStringLiteral("MODBUS")));
    QCOMPARE(error.rule(), QStringLiteral("bad-crc"));

    QByteArray stale = wrap(data);
    stale[stale.size() - 3] = stale[stale.size() - 3] == '0' ? '8' : '0';
    const JhHj212Error plain = parse(stale);
    QCOMPARE(plain.code(), JhHj212Error::BadCrc);
    QVERIFY(!plain.modbusMatch());
    QVERIFY(!plain.message().contains(QStringLiteral("MODBUS")));
}

void TestJhHj212Parser::headerFieldsInAnyOrder()
{
    const QByteArray data =
        "MN=14513567846884;PNO=2;ST=31;PW=123456;PNUM=2;CN=2051;CP=&&DataTime=20230327090000&&";
    JhHj212Packet packet;
    const JhHj212Error error = parse(wrap(data), &packet);
    QVERIFY2(error.isOk(), qPrintable(error.message()));
    QCOMPARE(packet.mn(), std::string_view("14513567846884"));
    QCOMPARE(packet.pno(), 2);
    QCOMPARE(packet.pnum(), 2);
    QCOMPARE(packet.command(), 2051);
    QCOMPARE(packet.headerAt(0), JhHj212Packet::Mn);
    QCOMPARE(packet.headerAt(1), JhHj212Packet::Pno);
    QVERIFY(packet.isSplit()); // 2005 peer without Flag: PNUM/PNO mark the split
    QCOMPARE(JhHj212Builder::dataSegment(packet), data);
}

void TestJhHj212Parser::versionsAndFlagBits()
{
    struct Case
    {
        int flag;
        JhHj212Packet::Version version;
        bool reply;
        bool split;
    };
    const Case cases[] = {
        {0, JhHj212Packet::Version::Hj212_2005, false, false},
        {1, JhHj212Packet::Version::Hj212_2005, true, false},
        {3, JhHj212Packet::Version::Hj212_2005, true, true},
        {4, JhHj212Packet::Version::Hj212_2017, false, false},
        {5, JhHj212Packet::Version::Hj212_2017, true, false},
        {6, JhHj212Packet::Version::Hj212_2017, false, true},
        {7, JhHj212Packet::Version::Hj212_2017, true, true},
        {8, JhHj212Packet::Version::Hj212_2025, false, false},
        {64, JhHj212Packet::Version::Unknown, false, false},
    };
    for (const Case &c : cases) {
        QByteArray data =
            "QN=20160801085857223;ST=32;CN=2011;PW=123456;MN=A1;Flag=" + QByteArray::number(c.flag);
        if (c.split)
            data += ";PNUM=3;PNO=1";
        data += ";CP=&&&&";
        JhHj212Packet packet;
        const JhHj212Error error = parse(wrap(data), &packet);
        QVERIFY2(error.isOk(), qPrintable(error.message()));
        QCOMPARE(packet.flag(), c.flag);
        QCOMPARE(packet.version(), c.version);
        QCOMPARE(packet.replyRequested(), c.reply);
        QCOMPARE(packet.isSplit(), c.split);
    }
    JhHj212Packet noFlag;
    QVERIFY(parse(wrap("ST=32;CN=2011;PW=1;MN=LD130133000015;CP=&&&&"), &noFlag).isOk());
    QCOMPARE(noFlag.flag(), -1);
    QCOMPARE(noFlag.version(), JhHj212Packet::Version::Hj212_2005);
    QVERIFY(!noFlag.replyRequested());
}

void TestJhHj212Parser::dataGroupsAndSuffixes()
{
    const QByteArray data =
        "QN=20160801085857223;ST=31;CN=2051;PW=123456;MN=010000A8900016F000169DC0;Flag=5;CP=&&DataTime="
        "20160801084000;"
        "a21026-Cou=2.3,a21026-Min=1.1,a21026-Avg=1.1,a21026-Max=1.1,a21026-ZsMin=1.1,a21026-ZsAvg=1.1,"
        "a21026-ZsMax=1.1,a21026-Flag=N,a21026-EFlag=A01;a34013-ZsRtd=-0.5,a34013-Rtd=+3,a34013-SampleTime="
        "20160801084000;"
        "SB1-RS=1;SB1-RT=23.5;LA-Rtd=50.1,Ld-DayData=55.0,Ln-NightData=45,Leq-Data=50;i12001-Info=1;"
        "a21026-SN=010000A8900016F000169DC0;a01006-ValidNum=10&&";
    JhHj212Packet packet;
    const JhHj212Error error = parse(wrap(data), &packet);
    QVERIFY2(error.isOk(), qPrintable(error.message()));
    QCOMPARE(packet.groupCount(), 9);
    QCOMPARE(packet.fieldCount(0), 1);
    QCOMPARE(packet.fieldCount(1), 9);
    QCOMPARE(packet.fieldCount(2), 3);
    QCOMPARE(packet.fieldName(1, 8), std::string_view("a21026-EFlag"));
    QCOMPARE(packet.fieldValue(2, 0), std::string_view("-0.5"));
    QCOMPARE(JhHj212Packet::codeOf(packet.fieldName(1, 2)), std::string_view("a21026"));
    QCOMPARE(JhHj212Packet::suffixOf(packet.fieldName(1, 2)), std::string_view("Avg"));
    QCOMPARE(JhHj212Packet::suffixOf("DataTime"), std::string_view());
    QCOMPARE(packet.value("SB1-RT"), std::string_view("23.5"));
    bool found = true;
    QCOMPARE(packet.value("nothing", &found), std::string_view());
    QVERIFY(!found);
    double number = 0;
    QVERIFY(JhHj212Packet::toDouble(packet.value("a34013-Rtd"), &number));
    QCOMPARE(number, 3.0);
    QCOMPARE(packet.fieldOffset(0, 0), 6 + data.indexOf("DataTime"));
    QCOMPARE(JhHj212Builder::dataSegment(packet), data);
}

void TestJhHj212Parser::logTextKeepsSeparators()
{
    const QByteArray log = "//清洗管路;阀门2,已关闭 a=b//";
    const QByteArray data =
        "QN=20160801085857223;ST=32;CN=3020;PW=123456;MN=A1;Flag=5;CP=&&DataTime=20160801085857;"
        "PolId=w01018,i11001-Info=" +
        log + ",i11001-SN=1;i21001-Info=//x//&&";
    JhHj212Packet packet;
    const JhHj212Error error = parse(wrap(data), &packet);
    QVERIFY2(error.isOk(), qPrintable(error.message()));
    QCOMPARE(packet.groupCount(), 3);
    QCOMPARE(packet.fieldCount(1), 3);
    QCOMPARE(packet.fieldValue(1, 1), view(log));
    QCOMPARE(JhHj212Packet::toQString(JhHj212Packet::logText(packet.fieldValue(1, 1))),
             QStringLiteral("清洗管路;阀门2,已关闭 a=b"));
    QCOMPARE(packet.fieldValue(2, 0), std::string_view("//x//"));
}

void TestJhHj212Parser::lengthCountsBytes()
{
    const QByteArray data =
        "QN=20160801085857223;ST=32;CN=3020;PW=123456;MN=A1;Flag=4;CP=&&i11001-Info=//清洗//&&";
    QVERIFY(parse(wrap(data)).isOk());
    // Counting characters instead of UTF-8 bytes (a known bug of some encoders) is a length mismatch.
    const int characters = QString::fromUtf8(data).size();
    QVERIFY(characters != data.size());
    const JhHj212Error error = parse(wrap(data, characters - data.size()));
    QCOMPARE(error.code(), JhHj212Error::LengthMismatch);
    QCOMPARE(error.expected(), qint64(data.size()));
    QCOMPARE(error.actual(), qint64(characters));
}

void TestJhHj212Parser::emptyCp()
{
    JhHj212Packet packet;
    QVERIFY(parse(wrap("QN=20160801085857223;ST=91;CN=9014;PW=123456;MN=A1;Flag=4;CP=&&&&"), &packet).isOk());
    QCOMPARE(packet.groupCount(), 0);
    QCOMPARE(packet.totalFieldCount(), 0);
}

void TestJhHj212Parser::packet2005()
{
    const QByteArray data =
        "ST=32;CN=2072;PW=123456;MN=LD130133000015;CP=&&AlarmTime=20160824003817;B01-Ala=16.00,AlarmType=1&&";
    JhHj212Packet packet;
    const JhHj212Error error = parse(wrap(data), &packet);
    QVERIFY2(error.isOk(), qPrintable(error.message()));
    QCOMPARE(packet.has(JhHj212Packet::Qn), false);
    QCOMPARE(packet.has(JhHj212Packet::Flag), false);
    QCOMPARE(packet.mn().size(), std::size_t(14));
    QCOMPARE(packet.tolerancesUsed(), 0);
    // Vendor commands and 17-digit times are 2005-era normal traffic.
    QVERIFY(parse(wrap("ST=32;CN=8013;PW=123456;MN=LD130133000015;CP=&&HeartbeatTime=120&&")).isOk());
    QVERIFY(parse(wrap("ST=32;CN=9015;PW=123456;MN=LD130133000015;CP=&&CON-RT=0&&")).isOk());
}

void TestJhHj212Parser::requestQnInCp()
{
    JhHj212Packet packet;
    QVERIFY(
        parse(wrap("ST=91;CN=9011;PW=123456;MN=LD130133000015;CP=&&QN=20160824000504006;QnRtn=1&&"), &packet)
            .isOk());
    QCOMPARE(packet.requestQn(), std::string_view("20160824000504006"));
    JhHj212Packet header;
    QVERIFY(
        parse(wrap("QN=20160801085857223;ST=91;CN=9011;PW=1;MN=A1;Flag=4;CP=&&QnRtn=1&&"), &header).isOk());
    QCOMPARE(header.requestQn(), std::string_view("20160801085857223"));
}

void TestJhHj212Parser::tolerancesOffByDefault()
{
    const JhHj212Options options;
    QCOMPARE(options.tolerances, int(JhHj212Options::NoTolerance));
    QCOMPARE(options.maxDataLength, 1024);
    int parsed = -1;
    QString bad;
    QVERIFY(JhHj212Options::parseTolerances(QStringLiteral("plus6,factor-names,long-segment"), &parsed));
    QCOMPARE(parsed, JhHj212Options::LengthPlus6 | JhHj212Options::FactorNames | JhHj212Options::LongSegment);
    QCOMPARE(JhHj212Options::toleranceNames(parsed),
             QStringList(
                 {QStringLiteral("plus6"), QStringLiteral("factor-names"), QStringLiteral("long-segment")}));
    QVERIFY(!JhHj212Options::parseTolerances(QStringLiteral("plus6,lax"), &parsed, &bad));
    QCOMPARE(bad, QStringLiteral("lax"));
}

void TestJhHj212Parser::tolerancePlus6()
{
    const QByteArray data = "QN=20160801085857223;ST=22;CN=2011;PW=123456;MN=A1;Flag=4;CP=&&a34004-Rtd=12&&";
    const JhHj212Error strict = parse(wrap(data, 6));
    QCOMPARE(strict.code(), JhHj212Error::LengthMismatch);
    QVERIFY(strict.message().contains(QStringLiteral("plus6")));
    JhHj212Packet packet;
    QVERIFY(parse(wrap(data, 6), &packet, JhHj212Options::LengthPlus6).isOk());
    QCOMPARE(packet.tolerancesUsed(), int(JhHj212Options::LengthPlus6));
    // The tolerance does not excuse other wrong lengths, and a correct length does not report it.
    QCOMPARE(parse(wrap(data, 5), nullptr, JhHj212Options::LengthPlus6).code(), JhHj212Error::LengthMismatch);
    QVERIFY(parse(wrap(data), &packet, JhHj212Options::LengthPlus6).isOk());
    QCOMPARE(packet.tolerancesUsed(), 0);
}

void TestJhHj212Parser::toleranceFactorNames()
{
    const QByteArray head = "QN=20160801085857223;ST=22;CN=2011;PW=123456;MN=A1;Flag=4;CP=&&";
    const QByteArray irregular = wrap(head + "PM2.5-Rtd=12,PM2.5-Flag=N&&");
    QCOMPARE(parse(irregular).code(), JhHj212Error::BadFieldName);
    JhHj212Packet packet;
    QVERIFY(parse(irregular, &packet, JhHj212Options::FactorNames).isOk());
    QCOMPARE(packet.tolerancesUsed(), int(JhHj212Options::FactorNames));
    QCOMPARE(packet.fieldName(0, 0), std::string_view("PM2.5-Rtd"));

    // A well-formed but non-standard name passes as an unknown code; with the tolerance it is reported.
    const QByteArray alias = wrap(head + "PM25-Rtd=12&&");
    QVERIFY(parse(alias, &packet).isOk());
    QCOMPARE(packet.tolerancesUsed(), 0);
    QVERIFY(!JhHj212Codes::pollutant("PM25"));
    QVERIFY(parse(alias, &packet, JhHj212Options::FactorNames).isOk());
    QCOMPARE(packet.tolerancesUsed(), int(JhHj212Options::FactorNames));
    QCOMPARE(std::string_view(JhHj212Codes::alias("PM25")->code), std::string_view("a34004"));

    QVERIFY(parse(wrap(head + "a34004-Rtd=12&&"), &packet, JhHj212Options::FactorNames).isOk());
    QCOMPARE(packet.tolerancesUsed(), 0);
}

void TestJhHj212Parser::toleranceLongSegment()
{
    const QByteArray data = "QN=20160801085857223;ST=32;CN=3020;PW=123456;MN=A1;Flag=4;CP=&&i11001-Info=//" +
                            QByteArray(1200, 'x') + "//&&";
    const JhHj212Error strict = parse(wrap(data));
    QCOMPARE(strict.code(), JhHj212Error::TooLong);
    QCOMPARE(strict.expected(), qint64(1024));
    QCOMPARE(strict.actual(), qint64(data.size()));
    JhHj212Packet packet;
    QVERIFY(parse(wrap(data), &packet, JhHj212Options::LongSegment).isOk());
    QCOMPARE(packet.tolerancesUsed(), int(JhHj212Options::LongSegment));
}

void TestJhHj212Parser::toleranceBareLineFeed()
{
    const QByteArray packet = wrap("QN=20160801085857223;ST=32;CN=2011;PW=1;MN=A1;Flag=4;CP=&&&&", 0, "\n");
    QCOMPARE(parse(packet).code(), JhHj212Error::BadTerminator);
    JhHj212Packet parsed;
    QVERIFY(parse(packet, &parsed, JhHj212Options::BareLineFeed).isOk());
    QCOMPARE(parsed.tolerancesUsed(), int(JhHj212Options::BareLineFeed));
}

void TestJhHj212Parser::toleranceSpaces()
{
    // The standard's own examples: "; LA-Rtd", "i12003-Info =0", "CP=&& &&".
    const QByteArray head = "QN=20160801085857223;ST=23;CN=2011;PW=123456;MN=A1;Flag=4;CP=&&";
    JhHj212Packet packet;
    const QByteArray spaced = wrap(head + "DataTime=20160801085857; LA-Rtd=50.1;i12003-Info =0&&");
    QCOMPARE(parse(spaced).code(), JhHj212Error::BadFieldName);
    QVERIFY(parse(spaced, &packet, JhHj212Options::Spaces).isOk());
    QCOMPARE(packet.tolerancesUsed(), int(JhHj212Options::Spaces));
    QCOMPARE(packet.fieldName(1, 0), std::string_view("LA-Rtd"));
    QCOMPARE(packet.fieldName(2, 0), std::string_view("i12003-Info"));
    QVERIFY(parse(wrap(head + " &&"), &packet, JhHj212Options::Spaces).isOk());
    QCOMPARE(packet.groupCount(), 0);
    QCOMPARE(packet.tolerancesUsed(), int(JhHj212Options::Spaces));
}

void TestJhHj212Parser::configurableLimit()
{
    const QByteArray packet = wrap("QN=20160801085857223;ST=32;CN=2011;PW=1;MN=A1;Flag=4;CP=&&&&");
    JhHj212Options options;
    options.maxDataLength = 40;
    JhHj212Parser parser(options);
    JhHj212Packet parsed;
    const JhHj212Error error = parser.parse(packet.constData(), packet.size(), parsed);
    QCOMPARE(error.code(), JhHj212Error::TooLong);
    QCOMPARE(error.expected(), qint64(40));
}

void TestJhHj212Parser::numbers()
{
    double value = 0;
    QVERIFY(JhHj212Packet::toDouble("0.09055002", &value));
    QCOMPARE(value, 0.09055002);
    QVERIFY(JhHj212Packet::toDouble("-12", &value));
    QCOMPARE(value, -12.0);
    QVERIFY(JhHj212Packet::toDouble("+1.5", &value));
    QCOMPARE(value, 1.5);
    QVERIFY(!JhHj212Packet::toDouble("", &value));
    QVERIFY(!JhHj212Packet::toDouble("1e5", &value));
    QVERIFY(!JhHj212Packet::toDouble(".5", &value));
    QVERIFY(!JhHj212Packet::toDouble("1.", &value));
    QVERIFY(!JhHj212Packet::toDouble("inf", &value));
}

void TestJhHj212Parser::emptyNumericValues()
{
    // Loggers say "no value" (sensor fault, maintenance) with an empty value: the packet and its other
    // factors must be accepted, the empty fields kept and counted.
    const QByteArray data =
        "QN=20260301101500123;ST=22;CN=2011;PW=123456;MN=010000A8900016F000169DC0;Flag=5;"
        "CP=&&DataTime=20260301101500;a34004-Rtd=,a34004-Flag=D;a34002-Rtd=48.2,a34002-Flag=N;"
        "a21026-Rtd=;a21005-Avg=,a21005-Min=,a21005-Max=0.7;a01001-ZsRtd=;Leq-Data=&&";
    JhHj212Packet packet;
    const QByteArray bytes = wrap(data);
    const JhHj212Error error = parse(bytes, &packet);
    QVERIFY2(error.isOk(), qPrintable(error.message()));
    QCOMPARE(packet.tolerancesUsed(), 0);
    QCOMPARE(packet.emptyValueCount(), 6);
    QCOMPARE(packet.groupCount(), 7);
    QCOMPARE(packet.fieldName(1, 0), std::string_view("a34004-Rtd"));
    QCOMPARE(packet.fieldValue(1, 0), std::string_view());
    QCOMPARE(packet.fieldValue(1, 1), std::string_view("D"));
    QCOMPARE(packet.fieldValue(2, 0), std::string_view("48.2"));
    QCOMPARE(packet.fieldValue(4, 2), std::string_view("0.7"));
    QCOMPARE(packet.fieldKind(1, 0), JhHj212Codes::ValueKind::Number);
    double number = 1;
    QVERIFY(!JhHj212Packet::toDouble(packet.fieldValue(1, 0), &number));
    // Empty value at the very end of CP, and the builder writes the same bytes back.
    QCOMPARE(JhHj212Builder::build(packet), bytes);
    JhHj212Packet made;
    made.setHeader(JhHj212Packet::St, "22");
    made.addField("a34004-Rtd", "");
    made.addField("a34004-Flag", "D");
    QCOMPARE(made.emptyValueCount(), 1);
    // Reusing the packet for a clean packet resets the count.
    JhHj212Parser parser;
    QVERIFY(parser.parse(bytes, packet).isOk());
    const QByteArray clean = wrap("QN=20260301101500123;ST=22;CN=2011;PW=1;MN=A1;Flag=4;CP=&&a34004-Rtd=3&&");
    QVERIFY(parser.parse(clean, packet).isOk());
    QCOMPARE(packet.emptyValueCount(), 0);
    // 2005 packets too.
    QVERIFY(parse(wrap("ST=32;CN=2011;PW=123456;MN=LD130133000015;CP=&&DataTime=20160824003817;011-Rtd=,"
                       "011-Flag=D;B01-Rtd=36.91&&"),
                  &packet)
                .isOk());
    QCOMPARE(packet.emptyValueCount(), 1);
}

void TestJhHj212Parser::builderQuirks()
{
    JhHj212Packet packet;
    packet.setHeader(JhHj212Packet::Qn, "20160801085857223");
    packet.setHeader(JhHj212Packet::St, "32");
    packet.setHeader(JhHj212Packet::Cn, 1062);
    packet.setHeader(JhHj212Packet::Pw, "100000");
    packet.setHeader(JhHj212Packet::Mn, "010000A8900016F000169DC0");
    packet.setHeader(JhHj212Packet::Flag, 5);
    packet.addField("RtdInterval", "30");
    // The standard's Appendix A example, byte for byte.
    QCOMPARE(JhHj212Builder::build(packet),
             QByteArray(
                 "##0101QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&"
                 "RtdInterval=30&&1C80\r\n"));
    JhHj212Builder::Quirks quirks;
    quirks.lowerCaseCrc = true;
    quirks.lengthPlus6 = true;
    QVERIFY(JhHj212Builder::build(packet, quirks).startsWith("##0107"));
    quirks = JhHj212Builder::Quirks();
    quirks.modbusCrc = true;
    QVERIFY(JhHj212Builder::build(packet, quirks).endsWith("&&0759\r\n"));
    packet.setHeader(JhHj212Packet::Flag, 4);
    QVERIFY(JhHj212Builder::build(packet).contains(";Flag=4;CP="));
    packet.removeHeader(JhHj212Packet::Flag);
    QVERIFY(!JhHj212Builder::build(packet).contains("Flag"));
}

void TestJhHj212Parser::roundTrips()
{
    Generator generator(20260301);
    JhHj212Parser parser;
    JhHj212Packet parsed;
    QSet<QByteArray> systems;
    QSet<int> commands;
    QSet<int> groupCounts;
    QSet<QByteArray> suffixes;
    int versions2005 = 0;
    for (int round = 0; round < 4000; ++round) {
        const JhHj212Packet packet = generator.packet();
        const QByteArray bytes = JhHj212Builder::build(packet);
        const JhHj212Error error = parser.parse(bytes.constData(), bytes.size(), parsed);
        if (!error.isOk())
            QFAIL(qPrintable(QStringLiteral("%1\n%2").arg(error.message(), QString::fromUtf8(bytes))));
        QVERIFY2(parsed == packet, bytes.constData());
        QCOMPARE(parsed.raw(), bytes);
        QCOMPARE(JhHj212Builder::build(parsed), bytes);
        systems.insert(QByteArray(packet.st().data(), int(packet.st().size())));
        commands.insert(packet.command());
        groupCounts.insert(packet.groupCount());
        versions2005 += packet.version() == JhHj212Packet::Version::Hj212_2005;
        for (int i = 0; i < packet.totalFieldCount(); ++i)
            suffixes.insert(
                QByteArray::fromStdString(std::string(JhHj212Packet::suffixOf(packet.fieldNameAt(i)))));
    }
    QCOMPARE(systems.size(), JhHj212Codes::systemCount());
    QCOMPARE(commands.size(), JhHj212Codes::commandCount());
    QCOMPARE(groupCounts.size(), 6);
    suffixes.remove(QByteArray());
    QCOMPARE(suffixes.size(), JhHj212Codes::suffixCount());
    QVERIFY(versions2005 > 500);
}

void TestJhHj212Parser::mutations()
{
    Generator generator(9011);
    JhHj212Parser parser;
    JhHj212Packet parsed;
    int accepted = 0;
    for (int round = 0; round < 3000; ++round) {
        const QByteArray original = JhHj212Builder::build(generator.packet());
        QByteArray mutated = original;
        switch (round % 3) {
        case 0: {
            const int at = generator.below(mutated.size());
            char replacement;
            do
                replacement = char(generator.below(256));
            while (replacement == mutated[at]);
            mutated[at] = replacement;
            break;
        }
        case 1:
            mutated.truncate(generator.below(mutated.size()));
            break;
        default: {
            const int count = 1 + generator.below(8);
            for (int i = 0; i < count; ++i)
                mutated.insert(generator.below(mutated.size() + 1), char(generator.below(256)));
            break;
        }
        }
        const JhHj212Error error = parser.parse(mutated.constData(), mutated.size(), parsed);
        // The envelope, checked independently: without a matching length, CRC and CR LF it must be rejected.
        bool envelope = mutated.size() >= 12 && mutated.startsWith("##") && mutated.endsWith("\r\n");
        if (envelope) {
            const int declared = mutated.mid(2, 4).toInt(&envelope);
            const int actual = mutated.size() - 12;
            envelope = envelope && declared == actual && declared <= 1024;
            bool hex = false;
            const quint16 crc = quint16(mutated.mid(6 + actual, 4).toUInt(&hex, 16));
            envelope = envelope && hex && crc == referenceCrc(mutated.mid(6, actual));
        }
        if (!envelope)
            QVERIFY2(!error.isOk(), mutated.constData());
        if (error.isOk()) {
            ++accepted;
            // Whatever is accepted must be a consistent packet: rebuilding gives the same bytes
            // (modulo CRC case, which the builder writes upper-case).
            QCOMPARE(JhHj212Builder::build(parsed).toUpper(), mutated.toUpper());
        }
    }
    // A changed byte passes the 256-value CRC about once in 256 tries; far more would mean no checking.
    QVERIFY(accepted < 60);

    // Mutations that keep the packet valid (a digit of a value changed, a field appended, the envelope
    // recomputed independently) must parse, to exactly the mutated content.
    for (int round = 0; round < 1000; ++round) {
        const JhHj212Packet packet = generator.packet(900);
        QByteArray data = JhHj212Builder::dataSegment(packet);
        if (round % 2 == 0) {
            const int cp = data.indexOf("CP=&&");
            QVector<int> digits;
            for (int i = cp + 5; i < data.size(); ++i) {
                if (data[i] >= '1' && data[i] <= '9' && data[i - 1] != '=')
                    digits.append(i);
            }
            if (digits.isEmpty())
                continue;
            const int at = digits[generator.below(digits.size())];
            data[at] = char('1' + (data[at] - '1' + 1 + generator.below(8)) % 9);
        } else {
            data.insert(data.size() - 2, data.endsWith("CP=&&&&") ? "w01018-Rtd=1.5" : ";w01018-Rtd=1.5");
        }
        const QByteArray bytes = wrap(data);
        const JhHj212Error error = parser.parse(bytes.constData(), bytes.size(), parsed);
        QVERIFY2(error.isOk(), qPrintable(error.message() + QLatin1Char('\n') + QString::fromUtf8(bytes)));
        QCOMPARE(JhHj212Builder::dataSegment(parsed), data);
    }
}

QTEST_GUILESS_MAIN(TestJhHj212Parser)
#include "tst_jhhj212parser.moc"
