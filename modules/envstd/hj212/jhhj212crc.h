// The HJ 212 packet checksum (Appendix A) and CRC-16/MODBUS, table-driven, for checking and diagnosis.
#pragma once

#include <QtGlobal>

#include <cstddef>

//! HJ 212-2017 Appendix A CRC ("ANSI CRC16" in the standard, but not CRC-16/MODBUS) and CRC-16/MODBUS.
class JhHj212Crc
{
public:
    //! The HJ 212 CRC of the data segment: reg = 0xFFFF; per byte reg = (reg >> 8) ^ b, 8 shifts with 0xA001.
    //! "123456789" gives 0x2F80. Runs at several GB/s (slicing-by-8 over the 8-bit state).
    static quint16 checksum(const char *data, std::size_t size);

    //! CRC-16/MODBUS (reg ^= b), which some loggers send by mistake; "123456789" gives 0x4B37.
    static quint16 modbusChecksum(const char *data, std::size_t size);

    //! Parses 4 hex digits (either case); returns false when they are not hex.
    static bool parseHex(const char *text, quint16 *value);

    //! Writes value as 4 upper-case (or lower-case) hex digits to out[0..3].
    static void formatHex(quint16 value, char *out, bool lowerCase = false);
};
