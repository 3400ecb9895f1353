// HJ 212 packet parser: one pass over the bytes, fields recorded as offsets, values checked by kind.
#include "jhhj212parser.h"

#include "jhhj212codes.h"
#include "jhhj212crc.h"

#include <cstring>

namespace {

// The length field has 4 digits, so no data segment can be longer than this.
constexpr int ABSOLUTE_MAX_DATA = 9999;

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool allDigits(const char *text, int size)
{
    for (int i = 0; i < size; ++i) {
        if (!isDigit(text[i]))
            return false;
    }
    return size > 0;
}

bool isAlphaNumeric(char c)
{
    return isDigit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

// N14.2 style: optional sign, digits, optional '.' and digits.
bool isNumber(const char *text, int size)
{
    int i = 0;
    if (i < size && (text[i] == '-' || text[i] == '+'))
        ++i;
    const int digitsBegin = i;
    while (i < size && isDigit(text[i]))
        ++i;
    if (i == digitsBegin)
        return false;
    if (i == size)
        return true;
    if (text[i] != '.')
        return false;
    const int fractionBegin = ++i;
    while (i < size && isDigit(text[i]))
        ++i;
    return i == size && i > fractionBegin;
}

// Strict field name: a code of letters/digits/'_' with at most one "-Suffix".
bool isStandardFieldName(const char *text, int size)
{
    if (size == 0 || text[0] == '-' || text[size - 1] == '-')
        return false;
    int dashes = 0;
    for (int i = 0; i < size; ++i) {
        const char c = text[i];
        if (c == '-')
            ++dashes;
        else if (!isAlphaNumeric(c) && c != '_')
            return false;
    }
    return dashes <= 1;
}

// What the factor-names tolerance still refuses: control characters and the packet's own delimiters.
bool isTolerableFieldName(const char *text, int size)
{
    if (size == 0)
        return false;
    for (int i = 0; i < size; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x20 || c == 0x7F || c == '&')
            return false;
    }
    return true;
}

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

// Character classes for the data-area scan (one table lookup per byte instead of several compares).
enum CharClass : quint8
{
    Other = 0,
    NameChar = 1,
    Stop = 2
};

struct CharClasses
{
    quint8 classes[256] = {};
    constexpr CharClasses()
    {
        for (int c = '0'; c <= '9'; ++c)
            classes[c] = NameChar;
        for (int c = 'A'; c <= 'Z'; ++c)
            classes[c] = NameChar;
        for (int c = 'a'; c <= 'z'; ++c)
            classes[c] = NameChar;
        classes[int('_')] = NameChar;
        // '&' is a stop because the data area is always followed by its closing "&&".
        classes[int('=')] = classes[int(';')] = classes[int(',')] = classes[int('&')] = Stop;
    }
};

constexpr CharClasses sClasses;

} // namespace

JhHj212Error JhHj212Parser::parse(const char *data, int size, JhHj212Packet &packet) const
{
    packet.clear();
    if (size < 0)
        size = 0;
    if (packet.mText.capacity() < size)
        packet.mText.reserve(qMax(size, 512));
    packet.mText.resize(size);
    if (size > 0)
        std::memcpy(packet.mText.data(), data, std::size_t(size));
    return parseStored(packet);
}

JhHj212Error JhHj212Parser::parse(const QByteArray &bytes, JhHj212Packet &packet) const
{
    packet.clear();
    packet.mText = bytes;
    return parseStored(packet);
}

JhHj212Error JhHj212Parser::parseStored(JhHj212Packet &packet) const
{
    const char *p = packet.mText.constData();
    const int size = packet.mText.size();
    int tolerancesUsed = 0;

    if (size < 2 || p[0] != '#' || p[1] != '#')
        return JhHj212Error(JhHj212Error::BadHeader, 0);
    if (size < 6 || !allDigits(p + 2, 4))
        return JhHj212Error(JhHj212Error::BadLengthField, 2);
    const int declared = (p[2] - '0') * 1000 + (p[3] - '0') * 100 + (p[4] - '0') * 10 + (p[5] - '0');

    int terminator = 0;
    if (size >= 2 && p[size - 2] == '\r' && p[size - 1] == '\n') {
        terminator = 2;
    } else if (size >= 1 && p[size - 1] == '\n' && mOptions.tolerates(JhHj212Options::BareLineFeed)) {
        terminator = 1;
        tolerancesUsed |= JhHj212Options::BareLineFeed;
    } else {
        return JhHj212Error(JhHj212Error::BadTerminator, p[size - 1] == '\n' ? size - 1 : size);
    }

    const int body = size - 6 - terminator;
    if (body < 4)
        return JhHj212Error(JhHj212Error::BadCrcField, 6);
    const int actual = body - 4;

    int effective = declared;
    if (declared != actual && declared == actual + 6 && mOptions.tolerates(JhHj212Options::LengthPlus6)) {
        effective = actual;
        tolerancesUsed |= JhHj212Options::LengthPlus6;
    }
    const int limit =
        mOptions.tolerates(JhHj212Options::LongSegment) ? ABSOLUTE_MAX_DATA : mOptions.maxDataLength;
    if (effective > limit)
        return JhHj212Error(JhHj212Error::TooLong, 2, nullptr, limit, effective);
    if (effective != actual)
        return JhHj212Error(JhHj212Error::LengthMismatch, 2, nullptr, actual, declared);
    if (actual > mOptions.maxDataLength)
        tolerancesUsed |= JhHj212Options::LongSegment;

    const int crcOffset = 6 + actual;
    quint16 received = 0;
    if (!JhHj212Crc::parseHex(p + crcOffset, &received))
        return JhHj212Error(JhHj212Error::BadCrcField, crcOffset);
    const quint16 computed = JhHj212Crc::checksum(p + 6, std::size_t(actual));
    if (computed != received) {
        JhHj212Error error(JhHj212Error::BadCrc, crcOffset, nullptr, computed, received);
        error.setModbusMatch(JhHj212Crc::modbusChecksum(p + 6, std::size_t(actual)) == received);
        return error;
    }

    packet.mRawOffset = 0;
    packet.mRawLength = size;
    packet.mDataSegment.offset = 6;
    packet.mDataSegment.length = quint32(actual);

    int cpOffset = 0;
    JhHj212Error error = parseHeader(packet, 6, 6 + actual, &cpOffset);
    if (!error.isOk())
        return error;
    packet.mTolerancesUsed |= tolerancesUsed;
    // CP=&&<data area>&& closes the data segment.
    const int dataEnd = 6 + actual;
    if (dataEnd - cpOffset < 7 || std::memcmp(p + cpOffset, "CP=&&", 5) != 0 || p[dataEnd - 2] != '&' ||
        p[dataEnd - 1] != '&')
        return JhHj212Error(JhHj212Error::BadCp, cpOffset);
    return parseDataArea(packet, cpOffset + 5, dataEnd - 2);
}

JhHj212Error JhHj212Parser::parseHeader(JhHj212Packet &packet, int begin, int end, int *cpOffset) const
{
    const char *p = packet.mText.constData();
    const bool spaces = mOptions.tolerates(JhHj212Options::Spaces);
    int pos = begin;
    for (;;) {
        if (spaces) {
            const int start = pos;
            while (pos < end && isBlank(p[pos]))
                ++pos;
            if (pos != start)
                packet.mTolerancesUsed |= JhHj212Options::Spaces;
        }
        if (end - pos >= 3 && p[pos] == 'C' && p[pos + 1] == 'P' && p[pos + 2] == '=')
            break;
        const void *found = pos < end ? std::memchr(p + pos, ';', std::size_t(end - pos)) : nullptr;
        if (!found)
            return JhHj212Error(JhHj212Error::MissingField, pos, "CP");
        const int fieldEnd = int(static_cast<const char *>(found) - p);
        const void *equals = std::memchr(p + pos, '=', std::size_t(fieldEnd - pos));
        if (!equals || equals == p + pos)
            return JhHj212Error(JhHj212Error::MalformedField, pos, "header field without NAME=");
        int nameEnd = int(static_cast<const char *>(equals) - p);
        const int valueBegin = nameEnd + 1;
        if (spaces && nameEnd > pos && isBlank(p[nameEnd - 1])) {
            while (nameEnd > pos && isBlank(p[nameEnd - 1]))
                --nameEnd;
            packet.mTolerancesUsed |= JhHj212Options::Spaces;
        }
        const std::string_view name(p + pos, std::size_t(nameEnd - pos));
        const JhHj212Packet::HeaderField field = JhHj212Packet::headerFieldFromName(name);
        if (field == JhHj212Packet::HeaderFieldCount)
            return JhHj212Error(JhHj212Error::UnknownHeaderField, pos);
        if (packet.has(field))
            return JhHj212Error(JhHj212Error::DuplicateField, pos, JhHj212Packet::headerName(field));

        const char *value = p + valueBegin;
        const int length = fieldEnd - valueBegin;
        const char *fieldName = JhHj212Packet::headerName(field);
        switch (field) {
        case JhHj212Packet::Qn:
            if (length != 17 || !allDigits(value, length))
                return JhHj212Error(JhHj212Error::BadFieldValue, valueBegin, fieldName, 17, length);
            break;
        case JhHj212Packet::St:
            if (length != 2 || !isAlphaNumeric(value[0]) || !isAlphaNumeric(value[1]))
                return JhHj212Error(JhHj212Error::BadFieldValue, valueBegin, fieldName, 2, length);
            break;
        case JhHj212Packet::Cn:
            if (!allDigits(value, length))
                return JhHj212Error(JhHj212Error::BadNumber, valueBegin, fieldName);
            if (length != 4)
                return JhHj212Error(JhHj212Error::BadFieldValue, valueBegin, fieldName, 4, length);
            break;
        case JhHj212Packet::Pw:
            if (length > 32)
                return JhHj212Error(JhHj212Error::BadFieldValue, valueBegin, fieldName, 32, length);
            break;
        case JhHj212Packet::Mn:
            if (length < 1 || length > 32)
                return JhHj212Error(JhHj212Error::BadFieldValue, valueBegin, fieldName, 24, length);
            for (int i = 0; i < length; ++i) {
                if (!isAlphaNumeric(value[i]) && value[i] != '-' && value[i] != '_')
                    return JhHj212Error(JhHj212Error::BadFieldValue, valueBegin + i, fieldName);
            }
            break;
        case JhHj212Packet::Flag:
            if (length > 3 || !allDigits(value, length))
                return JhHj212Error(JhHj212Error::BadNumber, valueBegin, fieldName);
            if (length == 3 && (value[0] - '0') * 100 + (value[1] - '0') * 10 + (value[2] - '0') > 255)
                return JhHj212Error(JhHj212Error::BadNumber, valueBegin, fieldName);
            break;
        case JhHj212Packet::Pnum:
        case JhHj212Packet::Pno:
            if (length > 4 || !allDigits(value, length))
                return JhHj212Error(JhHj212Error::BadNumber, valueBegin, fieldName);
            break;
        case JhHj212Packet::HeaderFieldCount:
            break;
        }
        JhHj212Packet::Span span;
        span.offset = quint32(valueBegin);
        span.length = quint32(length);
        packet.appendHeaderSpan(field, span);
        pos = fieldEnd + 1;
    }
    *cpOffset = pos;

    static const JhHj212Packet::HeaderField REQUIRED[] = {JhHj212Packet::St, JhHj212Packet::Cn,
                                                          JhHj212Packet::Pw, JhHj212Packet::Mn};
    for (JhHj212Packet::HeaderField field : REQUIRED) {
        if (!packet.has(field))
            return JhHj212Error(JhHj212Error::MissingField, pos, JhHj212Packet::headerName(field));
    }
    // From HJ 212-2017 on (Flag version bits set) every packet carries its QN.
    if (packet.flag() >= 4 && !packet.has(JhHj212Packet::Qn))
        return JhHj212Error(JhHj212Error::MissingField, pos, "QN");
    if (packet.flag() >= 0 && (packet.flag() & JhHj212Packet::FlagSplit)) {
        if (!packet.has(JhHj212Packet::Pnum))
            return JhHj212Error(JhHj212Error::MissingField, pos, "PNUM");
        if (!packet.has(JhHj212Packet::Pno))
            return JhHj212Error(JhHj212Error::MissingField, pos, "PNO");
    }
    if (packet.has(JhHj212Packet::Pnum) || packet.has(JhHj212Packet::Pno)) {
        const int total = packet.pnum();
        const int number = packet.pno();
        if (total == 0 || number == 0 || (total > 0 && number > total))
            return JhHj212Error(JhHj212Error::BadFieldValue, int(packet.mHeader[JhHj212Packet::Pno].offset),
                                "PNO");
    }
    return JhHj212Error();
}

JhHj212Error JhHj212Parser::parseDataArea(JhHj212Packet &packet, int begin, int end) const
{
    const char *p = packet.mText.constData();
    int pos = begin;
    if (pos == end)
        return JhHj212Error();
    if (mOptions.tolerates(JhHj212Options::Spaces)) {
        // "CP=&& &&": a blank data area (a typo in the standard's own examples).
        int i = pos;
        while (i < end && isBlank(p[i]))
            ++i;
        if (i == end) {
            packet.mTolerancesUsed |= JhHj212Options::Spaces;
            return JhHj212Error();
        }
    }
    packet.addGroup();
    const quint8 *classes = sClasses.classes;
    for (;;) {
        const int nameBegin = pos;
        // Name: letters/digits/'_' with at most one inner '-' is a standard name; anything else is noted.
        int dash = -1;
        bool clean = true;
        for (;;) {
            const auto c = static_cast<unsigned char>(p[pos]);
            const quint8 type = classes[c];
            if (type == NameChar) {
                ++pos;
                continue;
            }
            if (type == Stop && (pos >= end || c != '&'))
                break;
            if (c == '-' && dash < 0)
                dash = pos;
            else
                clean = false;
            ++pos;
        }
        if (pos >= end || p[pos] != '=' || pos == nameBegin)
            return JhHj212Error(JhHj212Error::MalformedField, nameBegin, "data-area field without NAME=");
        const int nameEnd = pos;
        if (dash == nameBegin || dash == nameEnd - 1)
            clean = false;
        const int valueBegin = ++pos;
        if (end - pos >= 2 && p[pos] == '/' && p[pos + 1] == '/') {
            // Log text: ';' and ',' inside it are text; it ends at a "//" followed by a separator or the end.
            int close = -1;
            for (int i = pos + 2; i + 1 < end; ++i) {
                if (p[i] == '/' && p[i + 1] == '/' && (i + 2 == end || p[i + 2] == ';' || p[i + 2] == ',')) {
                    close = i;
                    break;
                }
            }
            if (close < 0)
                return JhHj212Error(JhHj212Error::UnterminatedLogText, valueBegin);
            pos = close + 2;
        } else {
            for (;;) {
                const auto c = static_cast<unsigned char>(p[pos]);
                if (classes[c] == Stop && (pos >= end || c == ';' || c == ','))
                    break;
                ++pos;
            }
        }
        const JhHj212Error error = checkField(packet, nameBegin, nameEnd, clean ? dash : -2, valueBegin, pos);
        if (!error.isOk())
            return error;
        if (pos == end)
            return JhHj212Error();
        if (p[pos] == ';')
            packet.addGroup();
        ++pos;
        if (pos == end)
            return JhHj212Error(JhHj212Error::MalformedField, pos - 1, "empty item after a separator");
    }
}

JhHj212Error JhHj212Parser::checkField(JhHj212Packet &packet, int nameBegin, int nameEnd, int dash,
                                       int valueBegin, int valueEnd) const
{
    const char *p = packet.mText.constData();
    if (dash == -2 && mOptions.tolerates(JhHj212Options::Spaces)) {
        const int begin = nameBegin;
        const int end = nameEnd;
        while (nameBegin < nameEnd && isBlank(p[nameBegin]))
            ++nameBegin;
        while (nameEnd > nameBegin && isBlank(p[nameEnd - 1]))
            --nameEnd;
        if (begin != nameBegin || end != nameEnd)
            packet.mTolerancesUsed |= JhHj212Options::Spaces;
    }
    const char *name = p + nameBegin;
    const int nameLength = nameEnd - nameBegin;
    const bool standard = dash != -2 || isStandardFieldName(name, nameLength);
    if (!standard) {
        if (!mOptions.tolerates(JhHj212Options::FactorNames) || !isTolerableFieldName(name, nameLength))
            return JhHj212Error(JhHj212Error::BadFieldName, nameBegin);
        packet.mTolerancesUsed |= JhHj212Options::FactorNames;
    } else if (mOptions.tolerates(JhHj212Options::FactorNames)) {
        const std::string_view fieldName(name, std::size_t(nameLength));
        if (JhHj212Codes::alias(JhHj212Packet::codeOf(fieldName)))
            packet.mTolerancesUsed |= JhHj212Options::FactorNames;
    }

    const char *value = p + valueBegin;
    const int length = valueEnd - valueBegin;
    JhHj212Codes::ValueKind kind = JhHj212Codes::ValueKind::Text;
    if (dash >= 0) {
        if (const JhHj212Codes::Suffix *suffix =
                JhHj212Codes::suffix(std::string_view(p + dash + 1, std::size_t(nameEnd - dash - 1))))
            kind = suffix->kind;
    } else if (dash == -1) {
        if (const JhHj212Codes::PlainField *plain =
                JhHj212Codes::plainField(std::string_view(name, std::size_t(nameLength))))
            kind = plain->kind;
    } else {
        kind = JhHj212Codes::valueKind(std::string_view(name, std::size_t(nameLength)));
    }
    switch (kind) {
    case JhHj212Codes::ValueKind::Number:
        // An empty measured value ("a34004-Rtd=;" or "a34004-Rtd=,a34004-Flag=D") is how loggers say
        // "no value" (sensor fault, maintenance): the field is kept, empty, so the packet's other
        // factors are not lost. Anything else that is not a number stays an error.
        if (length == 0)
            ++packet.mEmptyValueCount;
        else if (!isNumber(value, length))
            return JhHj212Error(JhHj212Error::BadNumber, valueBegin);
        break;
    case JhHj212Codes::ValueKind::Integer:
        if (!allDigits(value, length))
            return JhHj212Error(JhHj212Error::BadNumber, valueBegin);
        break;
    case JhHj212Codes::ValueKind::Time:
        if ((length != 14 && length != 17) || !allDigits(value, length))
            return JhHj212Error(JhHj212Error::BadTime, valueBegin);
        break;
    case JhHj212Codes::ValueKind::DataFlag:
    case JhHj212Codes::ValueKind::Text:
        break;
    }
    JhHj212Packet::Field field;
    field.name.offset = quint32(nameBegin);
    field.name.length = quint32(nameLength);
    field.value.offset = quint32(valueBegin);
    field.value.length = quint32(length);
    field.kind = kind;
    packet.mFields.push_back(field);
    return JhHj212Error();
}
