// libFuzzer target for the HJ 212 framer + parser + reassembler: no crash, leak or UB on any bytes,
// every accepted packet must rebuild to the same content, and the framer must give the same frames
// whether the bytes come in one piece or in chunks.
#include "jhhj212builder.h"
#include "jhhj212framer.h"
#include "jhhj212parser.h"
#include "jhhj212reassembler.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace {

void check(bool condition)
{
    if (!condition)
        __builtin_trap();
}

void checkAccepted(const JhHj212Parser &parser, const JhHj212Packet &packet)
{
    // Rebuilt with the standard envelope, an accepted packet parses to the same fields.
    const QByteArray rebuilt = JhHj212Builder::build(packet);
    JhHj212Options options = parser.options();
    options.tolerances &= ~(JhHj212Options::LengthPlus6 | JhHj212Options::BareLineFeed);
    JhHj212Packet again;
    const JhHj212Error error = JhHj212Parser(options).parse(rebuilt, again);
    check(error.isOk());
    check(again == packet);
    (void)error.message();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 2)
        return 0;
    // First byte: tolerances; second: chunk size for the framer. The rest is the input.
    JhHj212Options options;
    options.tolerances = data[0] & 0x1F;
    options.maxDataLength = (data[0] & 0x20) ? 200 : 1024;
    const int chunk = 1 + data[1];
    const char *bytes = reinterpret_cast<const char *>(data + 2);
    const int length = int(size - 2);

    JhHj212Parser parser(options);
    JhHj212Packet packet;
    JhHj212Error error = parser.parse(bytes, length, packet);
    (void)error.message();
    if (error.isOk())
        checkAccepted(parser, packet);

    // Split parts (2005 without QN included) go through a reassembler on a fixed clock.
    JhHj212Reassembler reassembler(1000, [] { return qint64(0); });
    JhHj212Packet merged;
    std::vector<std::pair<int, qint64>> chunked;
    JhHj212Framer framer(options, 2048);
    for (int at = 0; at < length; at += chunk) {
        framer.append(bytes + at, qMin(chunk, length - at));
        while (framer.next(packet, error)) {
            (void)error.message();
            chunked.emplace_back(int(error.code()), error.streamOffset());
            if (error.isOk()) {
                checkAccepted(parser, packet);
                if (reassembler.add(packet, &merged) == JhHj212Reassembler::Status::Complete)
                    check(!merged.isSplit());
                check(reassembler.pendingCount() <= int(chunked.size()));
            }
        }
        check(framer.bufferedBytes() <= 2048 + 5); // a "##" near the limit waits for its 4 digits
    }
    while (framer.finish(error))
        chunked.emplace_back(int(error.code()), error.streamOffset());
    (void)reassembler.expire();

    // The same bytes in one piece: the same frames and errors at the same stream offsets.
    std::vector<std::pair<int, qint64>> whole;
    JhHj212Framer single(options, 2048);
    single.append(bytes, length);
    while (single.next(packet, error))
        whole.emplace_back(int(error.code()), error.streamOffset());
    while (single.finish(error))
        whole.emplace_back(int(error.code()), error.streamOffset());
    check(whole == chunked);
    return 0;
}
