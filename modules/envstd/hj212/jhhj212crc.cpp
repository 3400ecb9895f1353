// Table-driven HJ 212 CRC: the register after each byte depends only on an 8-bit state, which lets
// eight bytes be folded per step with small byte tables (the mapping is linear over GF(2)).
#include "jhhj212crc.h"

#include <QtEndian>

#include <array>
#include <cstring>

namespace {

// One byte through the 8 shift rounds of Appendix A, starting from an 8-bit register value.
constexpr quint16 shiftRounds(quint16 reg, quint16 polynomial)
{
    for (int bit = 0; bit < 8; ++bit)
        reg = (reg & 1) ? quint16((reg >> 1) ^ polynomial) : quint16(reg >> 1);
    return reg;
}

struct Tables
{
    // full[x]: the 16-bit register after the shift rounds of x; used for the last byte and MODBUS.
    std::array<quint16, 256> full{};
    // high[k][x]: high byte of the register after k+1 further bytes, when x is fed and zeros follow.
    std::array<std::array<quint8, 256>, 8> high{};
};

constexpr Tables makeTables()
{
    Tables tables;
    for (int x = 0; x < 256; ++x)
        tables.full[x] = shiftRounds(quint16(x), 0xA001);
    for (int x = 0; x < 256; ++x)
        tables.high[0][x] = quint8(tables.full[x] >> 8);
    for (int k = 1; k < 8; ++k) {
        for (int x = 0; x < 256; ++x)
            tables.high[k][x] = tables.high[0][tables.high[k - 1][x]];
    }
    return tables;
}

constexpr Tables sTables = makeTables();

} // namespace

quint16 JhHj212Crc::checksum(const char *data, std::size_t size)
{
    if (size == 0)
        return 0xFFFF;
    const auto *bytes = reinterpret_cast<const quint8 *>(data);
    const auto &h = sTables.high;
    // state = high byte of the register; the low byte is discarded by the next (reg >> 8).
    quint8 state = 0xFF;
    std::size_t remaining = size - 1;
    while (remaining >= 8) {
        // One 8-byte load, bytes taken by shifts: half the loads of indexing bytes one by one.
        quint64 word;
        std::memcpy(&word, bytes, 8);
        if constexpr (Q_BYTE_ORDER == Q_BIG_ENDIAN)
            word = qbswap(word);
        state = quint8(h[7][state ^ quint8(word)] ^ h[6][quint8(word >> 8)] ^ h[5][quint8(word >> 16)] ^
                       h[4][quint8(word >> 24)] ^ h[3][quint8(word >> 32)] ^ h[2][quint8(word >> 40)] ^
                       h[1][quint8(word >> 48)] ^ h[0][quint8(word >> 56)]);
        bytes += 8;
        remaining -= 8;
    }
    while (remaining--)
        state = h[0][state ^ *bytes++];
    return sTables.full[state ^ *bytes];
}

quint16 JhHj212Crc::modbusChecksum(const char *data, std::size_t size)
{
    const auto *bytes = reinterpret_cast<const quint8 *>(data);
    quint16 reg = 0xFFFF;
    for (std::size_t i = 0; i < size; ++i)
        reg = quint16((reg >> 8) ^ sTables.full[(reg ^ bytes[i]) & 0xFF]);
    return reg;
}

bool JhHj212Crc::parseHex(const char *text, quint16 *value)
{
    quint16 result = 0;
    for (int i = 0; i < 4; ++i) {
        const char c = text[i];
        int digit;
        if (c >= '0' && c <= '9')
            digit = c - '0';
        else if (c >= 'A' && c <= 'F')
            digit = c - 'A' + 10;
        else if (c >= 'a' && c <= 'f')
            digit = c - 'a' + 10;
        else
            return false;
        result = quint16((result << 4) | digit);
    }
    *value = result;
    return true;
}

void JhHj212Crc::formatHex(quint16 value, char *out, bool lowerCase)
{
    const char *digits = lowerCase ? "0123456789abcdef" : "0123456789ABCDEF";
    out[0] = digits[(value >> 12) & 0xF];
    out[1] = digits[(value >> 8) & 0xF];
    out[2] = digits[(value >> 4) & 0xF];
    out[3] = digits[value & 0xF];
}
