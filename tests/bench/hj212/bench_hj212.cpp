// Benchmark of the HJ 212 codec: parse + CRC check + field extraction of realistic 250-450-byte
// packets (air hourly 2061, water real-time 2011, source minute 2051), the framer on TCP-sized
// chunks, and the CRC alone. Counts heap allocations per packet by interposing malloc.
#include "jhhj212builder.h"
#include "jhhj212codes.h"
#include "jhhj212crc.h"
#include "jhhj212framer.h"
#include "jhhj212parser.h"

#include <QByteArray>
#include <QRandomGenerator>
#include <QVector>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace {
std::atomic<long> sAllocations{0};
}

// glibc's __libc_* do the work; counting here sees QByteArray's malloc/realloc and operator new.
extern "C" {
void *__libc_malloc(std::size_t size);
void *__libc_calloc(std::size_t count, std::size_t size);
void *__libc_realloc(void *memory, std::size_t size);
void *malloc(std::size_t size)
{
    sAllocations.fetch_add(1, std::memory_order_relaxed);
    return __libc_malloc(size);
}
void *calloc(std::size_t count, std::size_t size)
{
    sAllocations.fetch_add(1, std::memory_order_relaxed);
    return __libc_calloc(count, size);
}
void *realloc(void *memory, std::size_t size)
{
    sAllocations.fetch_add(1, std::memory_order_relaxed);
    return __libc_realloc(memory, size);
}
}

namespace {

// Thread CPU time, not wall time: the build machine is shared, and time spent descheduled is not ours.
struct Clock
{
    using time_point = double;
    static double now()
    {
        timespec spec;
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec);
        return double(spec.tv_sec) + double(spec.tv_nsec) * 1e-9;
    }
};

QRandomGenerator sRandom(212);

QByteArray value(double low, double high, int decimals)
{
    return QByteArray::number(low + (high - low) * sRandom.generateDouble(), 'f', decimals);
}

QByteArray timestamp(bool millis)
{
    QByteArray text = "202603" + QByteArray::number(10 + sRandom.bounded(18)) +
                      QByteArray::number(10 + sRandom.bounded(13)) + "0000";
    if (millis)
        text += QByteArray::number(100 + sRandom.bounded(900));
    return text;
}

void header(JhHj212Packet &packet, const char *st, int cn, const char *mn)
{
    packet.setHeader(JhHj212Packet::Qn, std::string_view(timestamp(true).constData(), 17));
    packet.setHeader(JhHj212Packet::St, st);
    packet.setHeader(JhHj212Packet::Cn, cn);
    packet.setHeader(JhHj212Packet::Pw, "123456");
    packet.setHeader(JhHj212Packet::Mn, mn);
    packet.setHeader(JhHj212Packet::Flag, 5);
    packet.addGroup();
    const QByteArray time = timestamp(false);
    packet.addField("DataTime", std::string_view(time.constData(), std::size_t(time.size())));
}

void add(JhHj212Packet &packet, const char *name, const QByteArray &text)
{
    packet.addField(name, std::string_view(text.constData(), std::size_t(text.size())));
}

// Air station, hourly data: six AQI pollutants with -Avg and -Flag.
QByteArray airHourly()
{
    JhHj212Packet packet;
    header(packet, "22", 2061, "320600A8900016F000169DC0");
    const struct
    {
        const char *avg;
        const char *flag;
        double low, high;
        int decimals;
    } items[] = {{"a34004-Avg", "a34004-Flag", 5, 150, 1}, {"a34002-Avg", "a34002-Flag", 10, 300, 1},
                 {"a21026-Avg", "a21026-Flag", 2, 60, 1},  {"a21004-Avg", "a21004-Flag", 5, 120, 1},
                 {"a21005-Avg", "a21005-Flag", 0.2, 3, 3}, {"a05024-Avg", "a05024-Flag", 10, 250, 1},
                 {"a01001-Avg", "a01001-Flag", -5, 38, 1}};
    for (const auto &item : items) {
        packet.addGroup();
        add(packet, item.avg, value(item.low, item.high, item.decimals));
        add(packet, item.flag, "N");
    }
    return JhHj212Builder::build(packet);
}

// Surface-water station, real-time data: -Rtd and -Flag per item.
QByteArray waterRealtime()
{
    JhHj212Packet packet;
    header(packet, "21", 2011, "320600W8900016F000169DC1");
    const struct
    {
        const char *code;
        double low, high;
        int decimals;
    } items[] = {{"w01001", 6, 9, 2},      {"w01009", 2, 12, 2}, {"w01010", 4, 30, 1},
                 {"w01014", 200, 1500, 0}, {"w01019", 1, 10, 2}, {"w21003", 0.02, 2, 3},
                 {"w21011", 0.01, 0.4, 3}, {"w21001", 0.5, 4, 3}};
    for (const auto &item : items) {
        packet.addGroup();
        add(packet, (QByteArray(item.code) + "-Rtd").constData(), value(item.low, item.high, item.decimals));
        add(packet, (QByteArray(item.code) + "-Flag").constData(), sRandom.bounded(20) ? "N" : "M");
    }
    return JhHj212Builder::build(packet);
}

// Pollution source (flue gas), minute data: -Min/-Avg/-Max/-ZsAvg/-Cou/-Flag.
QByteArray sourceMinute()
{
    JhHj212Packet packet;
    header(packet, "31", 2051, "320612S8900016F000169DC2");
    const char *codes[] = {"a21026", "a21002", "a34013"};
    for (const char *code : codes) {
        packet.addGroup();
        const QByteArray c(code);
        add(packet, (c + "-Cou").constData(), value(0, 5, 3));
        add(packet, (c + "-Min").constData(), value(1, 30, 2));
        add(packet, (c + "-Avg").constData(), value(10, 50, 2));
        add(packet, (c + "-Max").constData(), value(40, 90, 2));
        add(packet, (c + "-ZsAvg").constData(), value(10, 60, 2));
        add(packet, (c + "-Flag").constData(), "N");
    }
    return JhHj212Builder::build(packet);
}

struct Extracted
{
    double sum = 0;
    long fields = 0;
};

// What the ingest server does with each packet: every numeric value, every flag, the factor lookup.
void extract(const JhHj212Packet &packet, Extracted &out)
{
    for (int i = 0; i < packet.totalFieldCount(); ++i) {
        const std::string_view name = packet.fieldNameAt(i);
        const std::string_view value = packet.fieldValueAt(i);
        ++out.fields;
        switch (packet.fieldKindAt(i)) {
        case JhHj212Codes::ValueKind::Number: {
            double number;
            if (JhHj212Packet::toDouble(value, &number))
                out.sum += number;
            if (JhHj212Codes::pollutant(JhHj212Packet::codeOf(name)))
                out.sum += 1;
            break;
        }
        case JhHj212Codes::ValueKind::DataFlag:
            out.sum += value.empty() ? 0 : value[0] == 'N';
            break;
        default:
            break;
        }
    }
}

double seconds(Clock::time_point start)
{
    return Clock::now() - start;
}

} // namespace

int main(int argc, char **argv)
{
    const double budget = argc > 1 ? std::atof(argv[1]) : 2.0; // seconds per measurement

    // A mix of the three kinds, as one buffer of packets back to back.
    QByteArray stream;
    QVector<int> offsets;
    int minimum = 1 << 30;
    int maximum = 0;
    for (int i = 0; i < 3000; ++i) {
        const QByteArray packet = i % 3 == 0 ? airHourly() : i % 3 == 1 ? waterRealtime() : sourceMinute();
        offsets.append(stream.size());
        stream += packet;
        minimum = qMin(minimum, packet.size());
        maximum = qMax(maximum, packet.size());
    }
    offsets.append(stream.size());
    const int count = offsets.size() - 1;
    std::printf(
        "bench_hj212: %d packets, %d-%d bytes (mean %.0f), mix of 2061 air hourly / 2011 water real-time / "
        "2051 source minute\n",
        count, minimum, maximum, double(stream.size()) / count);

    // 1. Parse + CRC check + field extraction, one packet at a time (packet object reused).
    {
        JhHj212Parser parser;
        JhHj212Packet packet;
        Extracted extracted;
        long packets = 0;
        long rejected = 0;
        double bytes = 0;
        for (int i = 0; i < count; ++i) // warm-up
            parser.parse(stream.constData() + offsets[i], offsets[i + 1] - offsets[i], packet);
        const long allocationsBefore = sAllocations.load();
        const Clock::time_point start = Clock::now();
        double elapsed = 0;
        do {
            for (int i = 0; i < count; ++i) {
                const int size = offsets[i + 1] - offsets[i];
                const JhHj212Error error = parser.parse(stream.constData() + offsets[i], size, packet);
                if (!error.isOk()) {
                    ++rejected;
                    continue;
                }
                extract(packet, extracted);
                bytes += size;
            }
            packets += count;
            elapsed = seconds(start);
        } while (elapsed < budget);
        const long allocations = sAllocations.load() - allocationsBefore;
        std::printf("parse+crc+extract : %10.0f packets/s  %8.1f MB/s  %.3f allocations/packet  (%ld fields, "
                    "%ld rejected, checksum %.0f)\n",
                    packets / elapsed, bytes / elapsed / 1e6, double(allocations) / packets, extracted.fields,
                    rejected, extracted.sum);
    }

    // 2. The ingest path: framer fed 1400-byte TCP chunks, then parse + extraction.
    {
        JhHj212Framer framer;
        JhHj212Packet packet;
        JhHj212Error error;
        Extracted extracted;
        long packets = 0;
        long rejected = 0;
        auto pass = [&] {
            for (int at = 0; at < stream.size(); at += 1400) {
                framer.append(stream.constData() + at, qMin(1400, stream.size() - at));
                while (framer.next(packet, error)) {
                    if (!error.isOk()) {
                        ++rejected;
                        continue;
                    }
                    extract(packet, extracted);
                    ++packets;
                }
            }
        };
        pass();
        packets = 0;
        const long allocationsBefore = sAllocations.load();
        const Clock::time_point start = Clock::now();
        double elapsed = 0;
        long passes = 0;
        do {
            pass();
            ++passes;
            elapsed = seconds(start);
        } while (elapsed < budget);
        const long allocations = sAllocations.load() - allocationsBefore;
        std::printf(
            "framer+parse+extr.: %10.0f packets/s  %8.1f MB/s  %.3f allocations/packet  (%ld rejected)\n",
            packets / elapsed, double(stream.size()) * passes / elapsed / 1e6,
            double(allocations) / qMax(1L, packets), rejected);
    }

    // 3. CRC alone over 1 MiB blocks (HJ 212 Appendix A, and MODBUS for comparison).
    {
        QByteArray block(1 << 20, Qt::Uninitialized);
        for (int i = 0; i < block.size(); ++i)
            block[i] = char(sRandom.bounded(256));
        for (int kind = 0; kind < 2; ++kind) {
            quint32 fold = 0;
            double bytes = 0;
            const Clock::time_point start = Clock::now();
            double elapsed = 0;
            do {
                for (int i = 0; i < 16; ++i) {
                    fold += kind == 0
                                ? JhHj212Crc::checksum(block.constData(), std::size_t(block.size()))
                                : JhHj212Crc::modbusChecksum(block.constData(), std::size_t(block.size()));
                    block[i] = char(fold); // keep the compiler from hoisting the call
                }
                bytes += 16.0 * block.size();
                elapsed = seconds(start);
            } while (elapsed < budget / 2);
            std::printf("%-18s: %10.2f GB/s  (fold %u)\n", kind == 0 ? "crc hj212" : "crc modbus",
                        bytes / elapsed / 1e9, fold);
        }
        // Per packet: the CRC of a ~400-byte data segment.
        quint32 fold = 0;
        long packets = 0;
        const Clock::time_point start = Clock::now();
        double elapsed = 0;
        do {
            for (int i = 0; i < count; ++i)
                fold += JhHj212Crc::checksum(stream.constData() + offsets[i] + 6,
                                             std::size_t(offsets[i + 1] - offsets[i] - 12));
            packets += count;
            elapsed = seconds(start);
        } while (elapsed < budget / 2);
        std::printf("crc per packet    : %10.0f packets/s  %8.2f GB/s  (fold %u)\n", packets / elapsed,
                    double(stream.size()) * packets / count / elapsed / 1e9, fold);
    }
    return 0;
}
