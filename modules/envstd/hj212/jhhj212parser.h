// Parses one HJ 212 packet ("##" ... CR LF) into a JhHj212Packet, or says precisely why it is rejected.
#pragma once

#include "jhhj212error.h"
#include "jhhj212options.h"
#include "jhhj212packet.h"

#include <QByteArray>

//! Checks and splits one framed HJ 212 packet: envelope (##, length, CRC, CR LF), header fields in any
//! order, the CP data area with its groups, fields and "//...//" log texts. HJ/T 212-2005 packets and
//! lower-case CRCs are accepted as normal traffic; vendor deviations only with the matching tolerance
//! (reported in JhHj212Packet::tolerancesUsed()). Stateless apart from its options: one per connection.
class JhHj212Parser
{
public:
    explicit JhHj212Parser(const JhHj212Options &options = JhHj212Options()) : mOptions(options) {}

    const JhHj212Options &options() const { return mOptions; }
    void setOptions(const JhHj212Options &options) { mOptions = options; }

    //! Parses size bytes (one whole packet including CR LF) into packet, copying them into the packet's
    //! reused buffer: no allocation once the packet is warm. On error the packet's content is unspecified.
    JhHj212Error parse(const char *data, int size, JhHj212Packet &packet) const;
    //! Same, sharing the bytes with the packet instead of copying them.
    JhHj212Error parse(const QByteArray &bytes, JhHj212Packet &packet) const;

private:
    JhHj212Error parseStored(JhHj212Packet &packet) const;
    JhHj212Error parseHeader(JhHj212Packet &packet, int begin, int end, int *cpOffset) const;
    JhHj212Error parseDataArea(JhHj212Packet &packet, int begin, int end) const;
    //! dash: position of the name's '-' (-1 none) when the scan found a standard name, else -2.
    JhHj212Error checkField(JhHj212Packet &packet, int nameBegin, int nameEnd, int dash, int valueBegin,
                            int valueEnd) const;

    JhHj212Options mOptions;
};
