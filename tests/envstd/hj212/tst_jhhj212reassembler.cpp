// Tests of JhHj212Reassembler (split packets, timeout on an injected clock) and JhHj212DuplicateDetector.
#include "hj212testsupport.h"
#include "jhhj212builder.h"
#include "jhhj212duplicatedetector.h"
#include "jhhj212parser.h"
#include "jhhj212reassembler.h"

#include <QTest>

using namespace Hj212Test;

namespace {

JhHj212Packet part(int number, int total, const QByteArray &qn = "20160801085857223",
                   const QByteArray &mn = "A1")
{
    const QByteArray data = "QN=" + qn + ";ST=22;CN=2061;PW=123456;MN=" + mn +
                            ";Flag=7;PNUM=" + QByteArray::number(total) +
                            ";PNO=" + QByteArray::number(number) + ";CP=&&DataTime=20160801080000;a3400" +
                            QByteArray::number(number) + "-Avg=1" + QByteArray::number(number) + ",a3400" +
                            QByteArray::number(number) + "-Flag=N&&";
    JhHj212Packet packet;
    const JhHj212Error error = JhHj212Parser().parse(wrap(data), packet);
    if (!error.isOk())
        qFatal("test packet rejected: %s", qPrintable(error.message()));
    return packet;
}

//! An HJ/T 212-2005 part without QN (Flag=2: version 0, D set): CP DataTime (none when empty) and a value.
JhHj212Packet partWithoutQn(int number, int total, const QByteArray &dataTime, const QByteArray &value)
{
    const QByteArray data =
        "ST=32;CN=2061;PW=123456;MN=LD130133000015;Flag=2;PNUM=" + QByteArray::number(total) +
        ";PNO=" + QByteArray::number(number) + ";CP=&&" +
        (dataTime.isEmpty() ? QByteArray() : "DataTime=" + dataTime + ";") + "01" +
        QByteArray::number(number) + "-Avg=" + value + "&&";
    JhHj212Packet packet;
    const JhHj212Error error = JhHj212Parser().parse(wrap(data), packet);
    if (!error.isOk())
        qFatal("test packet rejected: %s", qPrintable(error.message()));
    return packet;
}

QByteArray valuesOf(const JhHj212Packet &packet)
{
    QByteArray values;
    for (int i = 0; i < packet.totalFieldCount(); ++i) {
        if (JhHj212Packet::suffixOf(packet.fieldNameAt(i)) == "Avg")
            values += JhHj212Packet::toByteArray(packet.fieldValueAt(i)) + ' ';
    }
    return values.trimmed();
}

} // namespace

class TestJhHj212Reassembler : public QObject
{
    Q_OBJECT

private slots:
    void unsplitPassesThrough();
    void partsOutOfOrder();
    void duplicateAndInconsistentParts();
    void separateSets();
    void timeoutWithInjectedClock();
    void withQnRepeatedPnoIsDuplicate();
    void withoutQnResendIsDuplicate();
    void withoutQnRepeatedPnoStartsNewSet();
    void withoutQnInterleavedSetsByDataTime();
    void withoutQnOpenSetsAreBounded();
    void duplicatesByQnAndPno();
    void duplicatesWithoutQn();
    void duplicateMemoryIsBounded();
};

void TestJhHj212Reassembler::unsplitPassesThrough()
{
    JhHj212Reassembler reassembler;
    JhHj212Packet packet;
    QVERIFY(
        JhHj212Parser()
            .parse(wrap("QN=20160801085857223;ST=22;CN=2011;PW=1;MN=A1;Flag=5;CP=&&a34004-Rtd=1&&"), packet)
            .isOk());
    JhHj212Packet complete;
    QCOMPARE(reassembler.add(packet, &complete), JhHj212Reassembler::Status::Complete);
    QVERIFY(complete == packet);
    QCOMPARE(reassembler.pendingCount(), 0);
}

void TestJhHj212Reassembler::partsOutOfOrder()
{
    qint64 now = 1000;
    JhHj212Reassembler reassembler(60000, [&now] { return now; });
    JhHj212Packet complete;
    QCOMPARE(reassembler.add(part(3, 3), &complete), JhHj212Reassembler::Status::Pending);
    QCOMPARE(reassembler.add(part(1, 3), &complete), JhHj212Reassembler::Status::Pending);
    QCOMPARE(reassembler.pendingCount(), 1);
    QCOMPARE(reassembler.add(part(2, 3), &complete), JhHj212Reassembler::Status::Complete);
    QCOMPARE(reassembler.pendingCount(), 0);
    QVERIFY(!complete.has(JhHj212Packet::Pnum));
    QVERIFY(!complete.has(JhHj212Packet::Pno));
    QCOMPARE(complete.flag(), 5);
    QCOMPARE(complete.qn(), std::string_view("20160801085857223"));
    QCOMPARE(complete.groupCount(), 6);
    QCOMPARE(complete.fieldName(1, 0), std::string_view("a34001-Avg"));
    QCOMPARE(complete.fieldName(3, 0), std::string_view("a34002-Avg"));
    QCOMPARE(complete.fieldName(5, 0), std::string_view("a34003-Avg"));
    // The merged packet is a valid packet again.
    JhHj212Packet reparsed;
    QVERIFY(JhHj212Parser().parse(JhHj212Builder::build(complete), reparsed).isOk());
    QVERIFY(reparsed == complete);
}

void TestJhHj212Reassembler::duplicateAndInconsistentParts()
{
    qint64 now = 0;
    JhHj212Reassembler reassembler(60000, [&now] { return now; });
    JhHj212Packet complete;
    QCOMPARE(reassembler.add(part(1, 2), &complete), JhHj212Reassembler::Status::Pending);
    QCOMPARE(reassembler.add(part(1, 2), &complete), JhHj212Reassembler::Status::DuplicatePart);
    QCOMPARE(reassembler.add(part(2, 2), &complete), JhHj212Reassembler::Status::Complete);
    QCOMPARE(complete.groupCount(), 4);
}

void TestJhHj212Reassembler::separateSets()
{
    qint64 now = 0;
    JhHj212Reassembler reassembler(60000, [&now] { return now; });
    JhHj212Packet complete;
    QCOMPARE(reassembler.add(part(1, 2, "20160801085857223", "A1"), &complete),
             JhHj212Reassembler::Status::Pending);
    QCOMPARE(reassembler.add(part(2, 2, "20160801085857223", "B2"), &complete),
             JhHj212Reassembler::Status::Pending);
    QCOMPARE(reassembler.add(part(2, 2, "20160801095857223", "A1"), &complete),
             JhHj212Reassembler::Status::Pending);
    QCOMPARE(reassembler.pendingCount(), 3);
    QCOMPARE(reassembler.add(part(2, 2, "20160801085857223", "A1"), &complete),
             JhHj212Reassembler::Status::Complete);
    QCOMPARE(complete.mn(), std::string_view("A1"));
}

void TestJhHj212Reassembler::timeoutWithInjectedClock()
{
    qint64 now = 5000;
    JhHj212Reassembler reassembler(30000, [&now] { return now; });
    JhHj212Packet complete;
    reassembler.add(part(1, 4), &complete);
    reassembler.add(part(3, 4), &complete);
    now += 29999;
    QVERIFY(reassembler.expire().isEmpty());
    now += 1;
    const QVector<JhHj212Reassembler::Expired> expired = reassembler.expire();
    QCOMPARE(expired.size(), 1);
    QCOMPARE(expired[0].received, 2);
    QCOMPARE(expired[0].total, 4);
    QCOMPARE(expired[0].mn, QByteArray("A1"));
    QCOMPARE(expired[0].command, 2061);
    QCOMPARE(reassembler.pendingCount(), 0);
    // A late part starts a new set instead of completing the dropped one.
    QCOMPARE(reassembler.add(part(2, 4), &complete), JhHj212Reassembler::Status::Pending);
}

void TestJhHj212Reassembler::withQnRepeatedPnoIsDuplicate()
{
    // The QN names the exchange: a second PNO 1 of the same QN is a duplicate even with other content.
    JhHj212Reassembler reassembler(60000, [] { return qint64(0); });
    JhHj212Packet complete;
    QCOMPARE(reassembler.add(part(1, 2), &complete), JhHj212Reassembler::Status::Pending);
    JhHj212Packet other = part(1, 2);
    QVERIFY(JhHj212Parser()
                .parse(wrap("QN=20160801085857223;ST=22;CN=2061;PW=123456;MN=A1;Flag=7;PNUM=2;PNO=1;CP=&&"
                            "DataTime=20160801080000;a34009-Avg=9&&"),
                       other)
                .isOk());
    QCOMPARE(reassembler.add(other, &complete), JhHj212Reassembler::Status::DuplicatePart);
    QCOMPARE(reassembler.pendingCount(), 1);
}

void TestJhHj212Reassembler::withoutQnResendIsDuplicate()
{
    JhHj212Reassembler reassembler(60000, [] { return qint64(0); });
    JhHj212Packet complete;
    QCOMPARE(reassembler.add(partWithoutQn(1, 2, "20160824000000", "1.5"), &complete),
             JhHj212Reassembler::Status::Pending);
    QCOMPARE(reassembler.add(partWithoutQn(1, 2, "20160824000000", "1.5"), &complete),
             JhHj212Reassembler::Status::DuplicatePart);
    QCOMPARE(reassembler.pendingCount(), 1);
    QCOMPARE(reassembler.add(partWithoutQn(2, 2, "20160824000000", "2.5"), &complete),
             JhHj212Reassembler::Status::Complete);
    QCOMPARE(valuesOf(complete), QByteArray("1.5 2.5"));
    QVERIFY(!complete.has(JhHj212Packet::Qn));
    QCOMPARE(complete.flag(), 0);
    QCOMPARE(reassembler.pendingCount(), 0);
}

void TestJhHj212Reassembler::withoutQnRepeatedPnoStartsNewSet()
{
    // Part 2 of the first set was lost; the logger's next set must not be merged with its part 1.
    qint64 now = 0;
    JhHj212Reassembler reassembler(60000, [&now] { return now; });
    JhHj212Packet complete;
    for (const QByteArray &dataTime : {QByteArray(), QByteArray("20160824000000")}) {
        QCOMPARE(reassembler.add(partWithoutQn(1, 2, dataTime, "1.1"), &complete),
                 JhHj212Reassembler::Status::Pending);
        now += 1000;
        QCOMPARE(reassembler.add(partWithoutQn(1, 2, dataTime, "2.1"), &complete),
                 JhHj212Reassembler::Status::Pending);
        QCOMPARE(reassembler.pendingCount(), 2);
        QCOMPARE(reassembler.add(partWithoutQn(2, 2, dataTime, "2.2"), &complete),
                 JhHj212Reassembler::Status::Complete);
        QCOMPARE(valuesOf(complete), QByteArray("2.1 2.2"));
        // The incomplete set stays until its timeout, then is reported.
        QCOMPARE(reassembler.pendingCount(), 1);
        now += 59000;
        const QVector<JhHj212Reassembler::Expired> expired = reassembler.expire();
        QCOMPARE(expired.size(), 1);
        QCOMPARE(expired[0].received, 1);
        QCOMPARE(expired[0].total, 2);
        QCOMPARE(expired[0].mn, QByteArray("LD130133000015"));
        QVERIFY(expired[0].qn.isEmpty());
        QVERIFY(!expired[0].crowdedOut);
        QCOMPARE(reassembler.pendingCount(), 0);
    }
}

void TestJhHj212Reassembler::withoutQnInterleavedSetsByDataTime()
{
    // Two sets of the same MN, CN and PNUM interleaved (a logger re-sending an older hour while sending
    // the current one): the DataTime in CP keeps them apart.
    JhHj212Reassembler reassembler(60000, [] { return qint64(0); });
    JhHj212Packet complete;
    const QByteArray older = "20160824000000";
    const QByteArray newer = "20160824010000";
    QCOMPARE(reassembler.add(partWithoutQn(1, 3, older, "1.1"), &complete),
             JhHj212Reassembler::Status::Pending);
    QCOMPARE(reassembler.add(partWithoutQn(1, 3, newer, "2.1"), &complete),
             JhHj212Reassembler::Status::Pending);
    QCOMPARE(reassembler.add(partWithoutQn(2, 3, older, "1.2"), &complete),
             JhHj212Reassembler::Status::Pending);
    QCOMPARE(reassembler.add(partWithoutQn(2, 3, newer, "2.2"), &complete),
             JhHj212Reassembler::Status::Pending);
    QCOMPARE(reassembler.add(partWithoutQn(3, 3, older, "1.3"), &complete),
             JhHj212Reassembler::Status::Complete);
    QCOMPARE(valuesOf(complete), QByteArray("1.1 1.2 1.3"));
    QCOMPARE(complete.value("DataTime"), std::string_view("20160824000000"));
    QCOMPARE(reassembler.add(partWithoutQn(3, 3, newer, "2.3"), &complete),
             JhHj212Reassembler::Status::Complete);
    QCOMPARE(valuesOf(complete), QByteArray("2.1 2.2 2.3"));
    QCOMPARE(reassembler.pendingCount(), 0);
}

void TestJhHj212Reassembler::withoutQnOpenSetsAreBounded()
{
    qint64 now = 0;
    JhHj212Reassembler reassembler(60000, [&now] { return now; });
    JhHj212Packet complete;
    for (int i = 0; i < JhHj212Reassembler::MaxOpenSetsPerKey + 2; ++i)
        QCOMPARE(reassembler.add(partWithoutQn(1, 2, QByteArray(), QByteArray::number(i)), &complete),
                 JhHj212Reassembler::Status::Pending);
    QCOMPARE(reassembler.pendingCount(), JhHj212Reassembler::MaxOpenSetsPerKey);
    // The crowded-out sets are reported at once, not at their timeout.
    const QVector<JhHj212Reassembler::Expired> expired = reassembler.expire();
    QCOMPARE(expired.size(), 2);
    QVERIFY(expired[0].crowdedOut && expired[1].crowdedOut);
    QCOMPARE(expired[0].received, 1);
    QVERIFY(reassembler.expire().isEmpty());
    // The newest set completes with the next part 2.
    QCOMPARE(reassembler.add(partWithoutQn(2, 2, QByteArray(), "9.2"), &complete),
             JhHj212Reassembler::Status::Complete);
    QCOMPARE(valuesOf(complete),
             QByteArray(QByteArray::number(JhHj212Reassembler::MaxOpenSetsPerKey + 1) + " 9.2"));
}

void TestJhHj212Reassembler::duplicatesByQnAndPno()
{
    JhHj212DuplicateDetector detector;
    QVERIFY(!detector.seen(part(1, 2)));
    QVERIFY(detector.seen(part(1, 2)));
    QVERIFY(!detector.seen(part(2, 2)));
    QVERIFY(!detector.seen(part(1, 2, "20160801085857224")));
    QVERIFY(!detector.seen(part(1, 2, "20160801085857223", "B2")));
    // Same QN but another command (9011 then the data, then 9012) is not a duplicate.
    JhHj212Packet answer;
    QVERIFY(
        JhHj212Parser()
            .parse(wrap("QN=20160801085857223;ST=91;CN=9011;PW=123456;MN=A1;Flag=4;CP=&&QnRtn=1&&"), answer)
            .isOk());
    QVERIFY(!detector.seen(answer));
    QVERIFY(detector.seen(answer));
}

void TestJhHj212Reassembler::duplicatesWithoutQn()
{
    JhHj212DuplicateDetector detector;
    JhHj212Packet first;
    JhHj212Packet second;
    QVERIFY(JhHj212Parser()
                .parse(wrap("ST=32;CN=2011;PW=1;MN=LD130133000015;CP=&&DataTime=20160824003817;011-Rtd=1&&"),
                       first)
                .isOk());
    QVERIFY(JhHj212Parser()
                .parse(wrap("ST=32;CN=2011;PW=1;MN=LD130133000015;CP=&&DataTime=20160824003818;011-Rtd=1&&"),
                       second)
                .isOk());
    QVERIFY(!detector.seen(first));
    QVERIFY(!detector.seen(second));
    QVERIFY(detector.seen(first));
    QVERIFY(JhHj212DuplicateDetector::keyOf(first) != JhHj212DuplicateDetector::keyOf(second));
}

void TestJhHj212Reassembler::duplicateMemoryIsBounded()
{
    JhHj212DuplicateDetector detector(3);
    const JhHj212Packet a = part(1, 4);
    QVERIFY(!detector.seen(a));
    QVERIFY(!detector.seen(part(2, 4)));
    QVERIFY(!detector.seen(part(3, 4)));
    QVERIFY(detector.seen(a));
    QVERIFY(!detector.seen(part(4, 4))); // evicts a
    QVERIFY(!detector.seen(a));
}

QTEST_GUILESS_MAIN(TestJhHj212Reassembler)
#include "tst_jhhj212reassembler.moc"
