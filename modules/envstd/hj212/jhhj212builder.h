// Serialises a JhHj212Packet to wire bytes: "##", length, data segment, Appendix A CRC, CR LF.
#pragma once

#include "jhhj212packet.h"

#include <QByteArray>

//! Builds the bytes of an HJ 212 packet: header fields in the packet's order, then
//! CP=&&group;group&& with ',' between the fields of a group. Computes the byte length and the CRC.
//! Values are written as given (no escaping exists in HJ 212; log text must carry its own "//").
class JhHj212Builder
{
public:
    //! Deliberate deviations, for simulating faulty loggers in tests and demos only.
    struct Quirks
    {
        bool lowerCaseCrc = false;
        bool lengthPlus6 = false;
        bool modbusCrc = false;
        bool bareLineFeed = false;
    };

    //! The packet's wire bytes.
    static QByteArray build(const JhHj212Packet &packet);
    static QByteArray build(const JhHj212Packet &packet, const Quirks &quirks);
    //! Writes into out (its capacity is reused), for hot paths such as replies on the ingest server.
    static void buildInto(const JhHj212Packet &packet, QByteArray &out);
    static void buildInto(const JhHj212Packet &packet, QByteArray &out, const Quirks &quirks);
    //! Just the data segment (what the length counts and the CRC covers).
    static QByteArray dataSegment(const JhHj212Packet &packet);
};
