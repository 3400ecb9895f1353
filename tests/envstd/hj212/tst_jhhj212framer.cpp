// Tests of JhHj212Framer: identical results for every cut of the stream, garbage, bare LF, oversize,
// missing terminators, truncation and the bounded buffer.
#include "hj212testsupport.h"
#include "jhhj212builder.h"
#include "jhhj212framer.h"

#include <QTest>

using namespace Hj212Test;

namespace {

struct Event
{
    int code;
    qint64 streamOffset;
    QByteArray raw;
    bool operator==(const Event &other) const
    {
        return code == other.code && streamOffset == other.streamOffset && raw == other.raw;
    }
};

QVector<Event> drain(JhHj212Framer &framer, bool finish)
{
    QVector<Event> events;
    JhHj212Packet packet;
    JhHj212Error error;
    while (framer.next(packet, error))
        events.append({int(error.code()), error.streamOffset(), error.isOk() ? packet.raw() : QByteArray()});
    if (finish) {
        while (framer.finish(error))
            events.append({int(error.code()), error.streamOffset(), QByteArray()});
    }
    return events;
}

QVector<Event> feed(const QByteArray &stream, const QVector<int> &cuts,
                    const JhHj212Options &options = JhHj212Options())
{
    JhHj212Framer framer(options);
    QVector<Event> events;
    int from = 0;
    for (int cut : cuts) {
        framer.append(stream.mid(from, cut - from));
        events += drain(framer, false);
        from = cut;
    }
    framer.append(stream.mid(from));
    events += drain(framer, true);
    return events;
}

} // namespace

class TestJhHj212Framer : public QObject
{
    Q_OBJECT

private slots:
    void wholeStream();
    void everyCutGivesTheSamePackets();
    void byteByByte();
    void garbageReportedOnceBlankLinesSilent();
    void bareLineFeed();
    void missingTerminator();
    void oversizeIsDroppedAndBounded();
    void garbageFloodKeepsBufferBounded();
    void truncatedAtEnd();
    void streamOffsets();
    void lineFeedInsideLogText();
    void carriageReturnInsideText();
    void wrongDeclaredLengthDoesNotSwallowNextPacket();
    void packetEndsAreNotDelayed();
    void everyCutWithLineFeedsInText();

private:
    QByteArray mixedStream(QVector<QByteArray> *packets) const;
};

QByteArray TestJhHj212Framer::mixedStream(QVector<QByteArray> *packets) const
{
    QByteArray stream = "\r\n";
    Generator generator(2051);
    const QVector<Vector> vectors = loadVectors();
    for (int i = 0; i < 6; ++i) {
        const QByteArray packet = JhHj212Builder::build(generator.packet());
        packets->append(packet);
        stream += packet;
        if (i == 2)
            stream += "\r\n\r\n"; // blank lines: silent
        if (i == 3)
            stream += "AT+CSQ\r\nOK\r\n#"; // modem chatter: garbage
    }
    const QByteArray accepted = vectors.first().packet + "\r\n";
    packets->append(accepted);
    stream += accepted;
    return stream;
}

void TestJhHj212Framer::wholeStream()
{
    QVector<QByteArray> packets;
    const QByteArray stream = mixedStream(&packets);
    const QVector<Event> events = feed(stream, {});
    QVector<QByteArray> accepted;
    int garbage = 0;
    for (const Event &event : events) {
        if (event.code == JhHj212Error::None)
            accepted.append(event.raw);
        else if (event.code == JhHj212Error::Garbage)
            ++garbage;
        else
            QFAIL(JhHj212Error::ruleName(JhHj212Error::Code(event.code)));
    }
    QCOMPARE(accepted, packets);
    QCOMPARE(garbage, 1);
}

void TestJhHj212Framer::everyCutGivesTheSamePackets()
{
    QVector<QByteArray> packets;
    QByteArray stream = mixedStream(&packets);
    // Add the awkward cases too: a bare-LF packet, a packet without terminator, an oversize run.
    const QByteArray data = "QN=20160801085857223;ST=32;CN=2011;PW=1;MN=A1;Flag=4;CP=&&&&";
    stream +=
        wrap(data, 0, "\n") + wrap(data, 0, "") + wrap(data) + "##0040" + QByteArray(300, 'z') + wrap(data);
    const QVector<Event> reference = feed(stream, {});
    QVERIFY(reference.size() > 10);
    for (int cut = 0; cut <= stream.size(); ++cut)
        QCOMPARE(feed(stream, {cut}), reference);
    Generator random(3);
    for (int round = 0; round < 300; ++round) {
        QVector<int> cuts;
        for (int i = 0; i < 4; ++i)
            cuts.append(random.below(stream.size() + 1));
        std::sort(cuts.begin(), cuts.end());
        QCOMPARE(feed(stream, cuts), reference);
    }
}

void TestJhHj212Framer::byteByByte()
{
    QVector<QByteArray> packets;
    const QByteArray stream = mixedStream(&packets);
    QVector<int> cuts;
    for (int i = 1; i < stream.size(); ++i)
        cuts.append(i);
    QCOMPARE(feed(stream, cuts), feed(stream, {}));
}

void TestJhHj212Framer::garbageReportedOnceBlankLinesSilent()
{
    const QByteArray packet = wrap("QN=20160801085857223;ST=32;CN=2011;PW=1;MN=A1;Flag=4;CP=&&&&");
    const QVector<Event> events = feed("\r\n\n  \r\n" + packet + "hello world" + packet + "\n\n", {});
    QCOMPARE(events.size(), 3);
    QCOMPARE(events[0].code, int(JhHj212Error::None));
    QCOMPARE(events[1].code, int(JhHj212Error::Garbage));
    QCOMPARE(events[1].streamOffset, qint64(7 + packet.size()));
    QCOMPARE(events[2].code, int(JhHj212Error::None));

    JhHj212Framer framer;
    framer.append("xyz" + packet);
    JhHj212Packet parsed;
    JhHj212Error error;
    QVERIFY(framer.next(parsed, error));
    QCOMPARE(error.code(), JhHj212Error::Garbage);
    QCOMPARE(error.actual(), qint64(3));
    QVERIFY(error.message().contains(QStringLiteral("3 bytes")));
}

void TestJhHj212Framer::bareLineFeed()
{
    const QByteArray data = "QN=20160801085857223;ST=32;CN=2011;PW=1;MN=A1;Flag=4;CP=&&&&";
    const QByteArray stream = wrap(data, 0, "\n") + wrap(data);
    QVector<Event> events = feed(stream, {});
    QCOMPARE(events.size(), 2);
    QCOMPARE(events[0].code, int(JhHj212Error::BadTerminator));
    QCOMPARE(events[1].code, int(JhHj212Error::None));
    JhHj212Options options;
    options.tolerances = JhHj212Options::BareLineFeed;
    events = feed(stream, {}, options);
    QCOMPARE(events[0].code, int(JhHj212Error::None));
    QCOMPARE(events[1].code, int(JhHj212Error::None));
}

void TestJhHj212Framer::missingTerminator()
{
    const QByteArray packet = wrap("QN=20160801085857223;ST=32;CN=2011;PW=1;MN=A1;Flag=4;CP=&&&&");
    const QByteArray unterminated = packet.left(packet.size() - 2);
    const QVector<Event> events = feed(unterminated + packet, {});
    QCOMPARE(events.size(), 2);
    QCOMPARE(events[0].code, int(JhHj212Error::MissingTerminator));
    QCOMPARE(events[0].streamOffset, qint64(0));
    QCOMPARE(events[1].code, int(JhHj212Error::None));
    QCOMPARE(events[1].streamOffset, qint64(unterminated.size()));
}

void TestJhHj212Framer::oversizeIsDroppedAndBounded()
{
    const QByteArray packet = wrap("QN=20160801085857223;ST=32;CN=2011;PW=1;MN=A1;Flag=4;CP=&&&&");
    JhHj212Framer framer(JhHj212Options(), 2048);
    JhHj212Packet parsed;
    JhHj212Error error;
    framer.append("##0100");
    QVector<int> codes;
    for (int i = 0; i < 50; ++i) {
        framer.append(QByteArray(1000, 'A'));
        while (framer.next(parsed, error))
            codes.append(error.code());
        QVERIFY(framer.bufferedBytes() <= 2048);
    }
    framer.append(packet);
    while (framer.next(parsed, error))
        codes.append(error.code());
    QCOMPARE(codes, QVector<int>({JhHj212Error::Oversize, JhHj212Error::None}));
    QCOMPARE(parsed.raw(), packet);
}

void TestJhHj212Framer::garbageFloodKeepsBufferBounded()
{
    JhHj212Framer framer;
    JhHj212Packet parsed;
    JhHj212Error error;
    QByteArray chunk(4096, 'g');
    chunk[100] = '#'; // single '#' never starts a packet
    for (int i = 0; i < 256; ++i) {
        framer.append(chunk);
        QVERIFY(!framer.next(parsed, error));
        QVERIFY(framer.bufferedBytes() <= 1);
    }
    QVERIFY(framer.finish(error));
    QCOMPARE(error.code(), JhHj212Error::Garbage);
    QCOMPARE(error.actual(), qint64(256 * 4096));
    QVERIFY(!framer.finish(error));
    QCOMPARE(framer.streamPosition(), qint64(256 * 4096));
}

void TestJhHj212Framer::truncatedAtEnd()
{
    const QByteArray packet = wrap("QN=20160801085857223;ST=32;CN=2011;PW=1;MN=A1;Flag=4;CP=&&&&");
    const QVector<Event> events = feed(packet + packet.left(30), {});
    QCOMPARE(events.size(), 2);
    QCOMPARE(events[1].code, int(JhHj212Error::Truncated));
    QCOMPARE(events[1].streamOffset, qint64(packet.size()));
}

void TestJhHj212Framer::streamOffsets()
{
    const QByteArray good = wrap("QN=20160801085857223;ST=32;CN=2011;PW=1;MN=A1;Flag=4;CP=&&&&");
    QByteArray bad = good;
    bad[bad.size() - 4] = bad[bad.size() - 4] == '0' ? '1' : '0';
    JhHj212Framer framer;
    framer.append(good + bad + good);
    JhHj212Packet parsed;
    JhHj212Error error;
    QVERIFY(framer.next(parsed, error));
    QVERIFY(error.isOk());
    QVERIFY(framer.next(parsed, error));
    QCOMPARE(error.code(), JhHj212Error::BadCrc);
    QCOMPARE(error.streamOffset(), qint64(good.size()));
    QCOMPARE(error.offset(), bad.size() - 6);
    QVERIFY(framer.next(parsed, error));
    QVERIFY(error.isOk());
    QCOMPARE(error.streamOffset(), qint64(good.size() + bad.size()));
    QVERIFY(!framer.next(parsed, error));
    QCOMPARE(framer.bufferedBytes(), 0);
}

namespace {
// CN 3020 log upload (Table C.40) whose log text carries the given bytes.
QByteArray logData(const QByteArray &text)
{
    return "QN=20160801085857223;ST=32;CN=3020;PW=123456;MN=010000A8900016F000169DC0;Flag=5;CP=&&DataTime="
           "20160801085857;PolId=w01018;i11001-Info=//" +
           text + "//&&";
}

QVector<int> codes(const QVector<Event> &events)
{
    QVector<int> result;
    for (const Event &event : events)
        result.append(event.code);
    return result;
}
} // namespace

void TestJhHj212Framer::lineFeedInsideLogText()
{
    const QByteArray data = logData("清洗管路\n第2行\n\n结束");
    const QByteArray packet = wrap(data);
    const QByteArray good = wrap("QN=20160801085857224;ST=32;CN=2011;PW=1;MN=A1;Flag=4;CP=&&&&");
    const QVector<Event> events = feed(good + packet + good, {});
    QCOMPARE(codes(events), QVector<int>({JhHj212Error::None, JhHj212Error::None, JhHj212Error::None}));
    QCOMPARE(events[1].raw, packet);
    QCOMPARE(events[1].streamOffset, qint64(good.size()));
    JhHj212Framer framer;
    framer.append(packet);
    JhHj212Packet parsed;
    JhHj212Error error;
    QVERIFY(framer.next(parsed, error));
    QVERIFY2(error.isOk(), qPrintable(error.message()));
    QCOMPARE(JhHj212Packet::toQString(JhHj212Packet::logText(parsed.value("i11001-Info"))),
             QStringLiteral("清洗管路\n第2行\n\n结束"));
    QCOMPARE(framer.bufferedBytes(), 0);
    // CR LF inside the text, and an LF right after the opening "//" or before the closing one.
    for (const QByteArray &text :
         {QByteArray("line 1\r\nline 2"), QByteArray("\nx"), QByteArray("x\n"), QByteArray("ABCD\r\n")}) {
        const QByteArray withText = wrap(logData(text));
        const QVector<Event> one = feed(withText + good, {});
        QCOMPARE(codes(one), QVector<int>({JhHj212Error::None, JhHj212Error::None}));
        QCOMPARE(one[0].raw, withText);
    }
}

void TestJhHj212Framer::carriageReturnInsideText()
{
    const QByteArray packet = wrap(logData("泵2\r重启\r"));
    const QVector<Event> events = feed(packet + packet, {});
    QCOMPARE(codes(events), QVector<int>({JhHj212Error::None, JhHj212Error::None}));
    QCOMPARE(events[0].raw, packet);
    QCOMPARE(events[1].streamOffset, qint64(packet.size()));
}

void TestJhHj212Framer::wrongDeclaredLengthDoesNotSwallowNextPacket()
{
    const QByteArray good = wrap("QN=20160801085857224;ST=32;CN=2011;PW=1;MN=A1;Flag=4;CP=&&a34004-Rtd=3&&");
    const QByteArray plain = "QN=20160801085857223;ST=32;CN=2011;PW=1;MN=A1;Flag=4;CP=&&a34004-Rtd=2&&";
    const QByteArray withLineFeed = logData("a\nb");
    struct Case
    {
        const char *name;
        QByteArray bad;
        QVector<int> expected;
    };
    const QVector<Case> cases = {
        // A checked CRC before the LF: the LF ends the packet, the parser reports the length.
        {"too long, no LF in text", wrap(plain, 40), {JhHj212Error::LengthMismatch, JhHj212Error::None}},
        {"too short, no LF in text", wrap(plain, -3), {JhHj212Error::LengthMismatch, JhHj212Error::None}},
        // LF in text and a length that is wrong: the frame ends at the LF, the rest is garbage.
        {"too long, LF in text",
         wrap(withLineFeed, 20),
         {JhHj212Error::BadTerminator, JhHj212Error::Garbage, JhHj212Error::None}},
        {"too short, LF in text",
         wrap(withLineFeed, -2),
         {JhHj212Error::BadTerminator, JhHj212Error::Garbage, JhHj212Error::None}},
        // The declared end lands exactly on the next packet's CRC + CR LF: the "##dddd" before it wins.
        {"declared end on the next packet's end",
         wrap(withLineFeed, good.size()),
         {JhHj212Error::BadTerminator, JhHj212Error::Garbage, JhHj212Error::None}},
        // The largest declared length: the next packet's start ends the wait.
        {"declared 9999",
         "##9999" + withLineFeed + "0000\r\n",
         {JhHj212Error::BadTerminator, JhHj212Error::Garbage, JhHj212Error::None}},
    };
    for (const Case &entry : cases) {
        const QVector<Event> events = feed(entry.bad + good, {});
        QVERIFY2(codes(events) == entry.expected, entry.name);
        QCOMPARE(events.last().raw, good);
        QCOMPARE(events.last().streamOffset, qint64(entry.bad.size()));
    }
    // The good packet is not held back waiting for bytes the wrong length asks for.
    JhHj212Framer framer;
    framer.append(wrap(withLineFeed, 500) + good);
    QVector<int> seen;
    JhHj212Packet parsed;
    JhHj212Error error;
    while (framer.next(parsed, error))
        seen.append(error.code());
    QCOMPARE(seen, QVector<int>({JhHj212Error::BadTerminator, JhHj212Error::Garbage, JhHj212Error::None}));
    QCOMPARE(parsed.raw(), good);
    QCOMPARE(framer.bufferedBytes(), 0);
}

void TestJhHj212Framer::packetEndsAreNotDelayed()
{
    // Packets whose CRC checks end at their LF at once even when the length field points further
    // (+6 vendors, bare LF): a logger that waits for the reply must not wait for bytes that never come.
    const QByteArray data = "QN=20160801085857223;ST=32;CN=2011;PW=1;MN=A1;Flag=5;CP=&&a34004-Rtd=2&&";
    JhHj212Options options;
    options.tolerances = JhHj212Options::LengthPlus6 | JhHj212Options::BareLineFeed;
    for (const QByteArray &packet :
         {wrap(data, 6), wrap(data, 0, "\n"), wrap(data, 6, "\n"), wrap(data, 1)}) {
        JhHj212Framer framer(options);
        framer.append(packet);
        JhHj212Packet parsed;
        JhHj212Error error;
        QVERIFY2(framer.next(parsed, error), packet.constData());
        QCOMPARE(framer.bufferedBytes(), 0);
    }
    // An LF inside text waits for the declared end, which is a bounded number of bytes.
    const QByteArray packet = wrap(logData("x\ny"));
    JhHj212Framer framer;
    JhHj212Packet parsed;
    JhHj212Error error;
    framer.append(packet.left(packet.size() - 1));
    QVERIFY(!framer.next(parsed, error));
    framer.append(packet.right(1));
    QVERIFY(framer.next(parsed, error));
    QVERIFY(error.isOk());
    // The stream ends during the wait: the partial packet is reported, nothing is lost silently.
    JhHj212Framer ended;
    ended.append(packet.left(packet.indexOf('\n') + 3));
    QVERIFY(!ended.next(parsed, error));
    QVERIFY(ended.finish(error));
    QCOMPARE(error.code(), JhHj212Error::Truncated);
}

void TestJhHj212Framer::everyCutWithLineFeedsInText()
{
    const QByteArray good = wrap("QN=20160801085857224;ST=32;CN=2011;PW=1;MN=A1;Flag=4;CP=&&a34004-Rtd=3&&");
    const QByteArray text = wrap(logData("清洗\n管路\r\n完成\r"));
    const QByteArray stream = good + text + wrap(logData("a\nb"), 20) + good + text + "noise\n" +
                              wrap(logData("a\nb"), good.size()) + good + text;
    const QVector<Event> reference = feed(stream, {});
    int accepted = 0;
    for (const Event &event : reference)
        accepted += event.code == JhHj212Error::None ? 1 : 0;
    QCOMPARE(accepted, 6);
    for (int cut = 0; cut <= stream.size(); ++cut)
        QCOMPARE(feed(stream, {cut}), reference);
    QVector<int> cuts;
    for (int i = 1; i < stream.size(); ++i)
        cuts.append(i);
    QCOMPARE(feed(stream, cuts), reference);
    Generator random(17);
    for (int round = 0; round < 300; ++round) {
        QVector<int> some;
        for (int i = 0; i < 4; ++i)
            some.append(random.below(stream.size() + 1));
        std::sort(some.begin(), some.end());
        QCOMPARE(feed(stream, some), reference);
    }
}

QTEST_GUILESS_MAIN(TestJhHj212Framer)
#include "tst_jhhj212framer.moc"
