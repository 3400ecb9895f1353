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

QTEST_GUILESS_MAIN(TestJhHj212Framer)
#include "tst_jhhj212framer.moc"
