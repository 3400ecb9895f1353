// Counts heap allocations of the hot path (framer + parser + field extraction) with malloc, calloc
// and realloc interposed in this test executable: once warm, a connection's packets cost no allocation.
#include "hj212testsupport.h"
#include "jhhj212builder.h"
#include "jhhj212crc.h"
#include "jhhj212framer.h"

#include <QTest>

#include <atomic>
#include <cstdlib>

namespace {
std::atomic<long> sAllocations{0};
}

// Interposes the C allocator (glibc's __libc_* entry points do the work), so that QByteArray's
// malloc/realloc are counted as well as operator new, which calls malloc.
extern "C" {
void *__libc_malloc(std::size_t size);
void *__libc_calloc(std::size_t count, std::size_t size);
void *__libc_realloc(void *memory, std::size_t size);

void *malloc(std::size_t size)
{
    ++sAllocations;
    return __libc_malloc(size);
}
void *calloc(std::size_t count, std::size_t size)
{
    ++sAllocations;
    return __libc_calloc(count, size);
}
void *realloc(void *memory, std::size_t size)
{
    ++sAllocations;
    return __libc_realloc(memory, size);
}
}

using namespace Hj212Test;

class TestJhHj212Allocations : public QObject
{
    Q_OBJECT

private slots:
    void framerAndParserAllocateNothingWhenWarm();
};

void TestJhHj212Allocations::framerAndParserAllocateNothingWhenWarm()
{
    Generator generator(2061);
    QByteArray stream;
    int count = 0;
    // Now and then the shapes the framer and parser treat specially: empty measured values, and CR/LF
    // inside a log text (the framer waits for the declared end).
    const QByteArray emptyValues =
        wrap("QN=20260301101500123;ST=22;CN=2011;PW=123456;MN=010000A8900016F000169DC0;"
             "Flag=5;CP=&&DataTime=20260301101500;a34004-Rtd=,a34004-Flag=D;a34002-Rtd="
             "48.2,a34002-Flag=N;a21026-Rtd=&&");
    const QByteArray lineFeeds =
        wrap("QN=20160801085857223;ST=32;CN=3020;PW=123456;MN=010000A8900016F000169DC0;"
             "Flag=5;CP=&&DataTime=20160801085857;PolId=w01018;i11001-Info=//清洗管路\n完成"
             "\r\n校准//&&");
    while (stream.size() < 60000) {
        stream += JhHj212Builder::build(generator.packet());
        ++count;
        if (count % 10 == 0) {
            stream += emptyValues + lineFeeds;
            count += 2;
        }
    }
    JhHj212Framer framer;
    JhHj212Packet packet;
    JhHj212Error error;
    double sum = 0;
    auto run = [&] {
        int accepted = 0;
        for (int at = 0; at < stream.size(); at += 1400) { // TCP-segment-sized chunks
            framer.append(stream.constData() + at, qMin(1400, stream.size() - at));
            while (framer.next(packet, error)) {
                if (!error.isOk())
                    continue;
                ++accepted;
                for (int i = 0; i < packet.totalFieldCount(); ++i) {
                    double value;
                    if (JhHj212Packet::toDouble(packet.fieldValueAt(i), &value))
                        sum += value;
                }
            }
        }
        return accepted;
    };
    // The counter sees Qt's allocations (else a zero below would prove nothing).
    const long probe = sAllocations.load();
    QByteArray probeBytes(1000, 'x');
    QVERIFY(sAllocations.load() > probe);

    QCOMPARE(run(), count); // warm-up: buffers grow to their working size
    const long before = sAllocations.load();
    QCOMPARE(run(), count);
    const long allocations = sAllocations.load() - before;
    QCOMPARE(allocations, 0L);
    QVERIFY(sum != 0);
}

QTEST_GUILESS_MAIN(TestJhHj212Allocations)
#include "tst_jhhj212allocations.moc"
