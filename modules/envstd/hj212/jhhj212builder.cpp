// HJ 212 packet serialisation; the data segment is written first and the length patched in after.
#include "jhhj212builder.h"

#include "jhhj212crc.h"

#include <cstdio>
#include <cstring>

namespace {

void append(QByteArray &out, std::string_view text)
{
    out.append(text.data(), int(text.size()));
}

void appendDataSegment(const JhHj212Packet &packet, QByteArray &out)
{
    for (int i = 0; i < packet.headerCount(); ++i) {
        const JhHj212Packet::HeaderField field = packet.headerAt(i);
        out.append(JhHj212Packet::headerName(field));
        out.append('=');
        append(out, packet.header(field));
        out.append(';');
    }
    out.append("CP=&&");
    for (int group = 0; group < packet.groupCount(); ++group) {
        if (group > 0)
            out.append(';');
        for (int index = 0; index < packet.fieldCount(group); ++index) {
            if (index > 0)
                out.append(',');
            append(out, packet.fieldName(group, index));
            out.append('=');
            append(out, packet.fieldValue(group, index));
        }
    }
    out.append("&&");
}

} // namespace

QByteArray JhHj212Builder::build(const JhHj212Packet &packet)
{
    QByteArray out;
    buildInto(packet, out);
    return out;
}

QByteArray JhHj212Builder::build(const JhHj212Packet &packet, const Quirks &quirks)
{
    QByteArray out;
    buildInto(packet, out, quirks);
    return out;
}

void JhHj212Builder::buildInto(const JhHj212Packet &packet, QByteArray &out)
{
    buildInto(packet, out, Quirks());
}

void JhHj212Builder::buildInto(const JhHj212Packet &packet, QByteArray &out, const Quirks &quirks)
{
    out.resize(0);
    out.append("##0000");
    appendDataSegment(packet, out);
    const int length = out.size() - 6;
    const int declared = quirks.lengthPlus6 ? length + 6 : length;
    char digits[8];
    std::snprintf(digits, sizeof digits, "%04d", declared % 10000);
    std::memcpy(out.data() + 2, digits, 4);
    const char *data = out.constData() + 6;
    const quint16 crc = quirks.modbusCrc ? JhHj212Crc::modbusChecksum(data, std::size_t(length))
                                         : JhHj212Crc::checksum(data, std::size_t(length));
    char hex[4];
    JhHj212Crc::formatHex(crc, hex, quirks.lowerCaseCrc);
    out.append(hex, 4);
    out.append(quirks.bareLineFeed ? "\n" : "\r\n");
}

QByteArray JhHj212Builder::dataSegment(const JhHj212Packet &packet)
{
    QByteArray out;
    appendDataSegment(packet, out);
    return out;
}
