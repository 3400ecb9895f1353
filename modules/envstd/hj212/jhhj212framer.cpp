// HJ 212 stream framing: resynchronise on "##", end a frame at CR LF (after the declared length when an
// LF comes earlier, inside text), bound what is kept.
#include "jhhj212framer.h"

#include "jhhj212crc.h"

#include <cstring>

namespace {

bool isLineSpace(char c)
{
    return c == '\r' || c == '\n' || c == ' ' || c == '\t' || c == '\0';
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isHex(char c)
{
    return isDigit(c) || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
}

bool startsPacket(const char *p)
{
    return p[0] == '#' && p[1] == '#' && isDigit(p[2]) && isDigit(p[3]) && isDigit(p[4]) && isDigit(p[5]);
}

} // namespace

JhHj212Framer::JhHj212Framer(const JhHj212Options &options, int maxFrameBytes)
    : mParser(options), mMaxFrame(qMax(16, maxFrameBytes))
{
    // Reserving marks the capacity as wanted, so shrinking to empty never frees it (Qt 5).
    mBuffer.reserve(qMax(4096, mMaxFrame + 1024));
}

void JhHj212Framer::reset()
{
    mBuffer.resize(0);
    mRead = 0;
    mBase = 0;
    mScanFrom = -1;
    mLineFeed = -1;
    mDiscarding = false;
    mGarbageStart = -1;
    mGarbageCount = 0;
}

void JhHj212Framer::append(const char *data, int size)
{
    if (size <= 0)
        return;
    if (mRead > 0) {
        const int remaining = mBuffer.size() - mRead;
        if (remaining > 0)
            std::memmove(mBuffer.data(), mBuffer.constData() + mRead, std::size_t(remaining));
        mBuffer.resize(remaining);
        mBase += mRead;
        if (mScanFrom >= 0)
            mScanFrom -= mRead;
        if (mLineFeed >= 0)
            mLineFeed -= mRead;
        mRead = 0;
    }
    mBuffer.append(data, size);
}

void JhHj212Framer::skipTo(int position)
{
    const char *p = mBuffer.constData();
    for (int i = mRead; i < position; ++i) {
        if (mDiscarding || isLineSpace(p[i]))
            continue;
        if (mGarbageCount == 0)
            mGarbageStart = mBase + i;
        ++mGarbageCount;
    }
    mRead = position;
    mScanFrom = -1;
    mLineFeed = -1;
}

bool JhHj212Framer::takeGarbage(JhHj212Error &error)
{
    if (mGarbageCount == 0)
        return false;
    error = JhHj212Error(JhHj212Error::Garbage, 0, nullptr, 0, mGarbageCount);
    error.setStreamOffset(mGarbageStart);
    mGarbageCount = 0;
    mGarbageStart = -1;
    return true;
}

bool JhHj212Framer::next(JhHj212Packet &packet, JhHj212Error &error)
{
    const char *p = mBuffer.constData();
    const int size = mBuffer.size();

    // Find the next "##".
    int start = -1;
    for (int i = mRead; i + 1 < size; ++i) {
        const void *hash = std::memchr(p + i, '#', std::size_t(size - 1 - i));
        if (!hash)
            break;
        i = int(static_cast<const char *>(hash) - p);
        if (p[i + 1] == '#') {
            // In a run of '#' the packet starts at the last pair ("###0101..." is one stray '#').
            while (i + 2 < size && p[i + 2] == '#')
                ++i;
            start = i;
            break;
        }
    }
    if (start < 0) {
        // Keep a trailing '#': it may be the first half of the next "##".
        skipTo(size > mRead && p[size - 1] == '#' ? size - 1 : size);
        return false;
    }
    if (start > mRead)
        skipTo(start);
    if (start + 2 == size)
        return false; // a further '#' would move the start
    mDiscarding = false;
    if (takeGarbage(error))
        return true;

    // Where the declared length puts CRC + CR LF; -1 when the length is unreadable or over the limit.
    int declaredEnd = -1;
    if (start + 6 <= size && startsPacket(p + start)) {
        const int declared = (p[start + 2] - '0') * 1000 + (p[start + 3] - '0') * 100 +
                             (p[start + 4] - '0') * 10 + (p[start + 5] - '0');
        if (6 + declared + 6 <= mMaxFrame)
            declaredEnd = start + 6 + declared + 6;
    }
    if (mLineFeed > start)
        return resolveLineFeed(start, declaredEnd, packet, error);

    // The frame ends at the first LF, or where a new "##dddd" begins, or is too long.
    const int limit = qMin(size, start + mMaxFrame);
    int i = mScanFrom > start ? mScanFrom : start + 2;
    // memchr finds the LF; only the stretch before it is searched for a new "##dddd".
    const void *lineFeed = i < limit ? std::memchr(p + i, '\n', std::size_t(limit - i)) : nullptr;
    const int stop = lineFeed ? int(static_cast<const char *>(lineFeed) - p) : limit;
    while (i < stop) {
        const void *hash = std::memchr(p + i, '#', std::size_t(stop - i));
        if (!hash) {
            i = stop;
            break;
        }
        i = int(static_cast<const char *>(hash) - p);
        if (i + 1 == size) {
            mScanFrom = i;
            return false; // cannot tell yet whether a new packet starts here
        }
        if (p[i + 1] == '#') {
            if (i + 6 > size) {
                mScanFrom = i;
                return false;
            }
            if (isDigit(p[i + 2]) && isDigit(p[i + 3]) && isDigit(p[i + 4]) && isDigit(p[i + 5])) {
                error = JhHj212Error(JhHj212Error::MissingTerminator, i - start);
                error.setStreamOffset(mBase + start);
                mRead = i;
                mScanFrom = -1;
                return true;
            }
        }
        ++i;
    }
    if (lineFeed) {
        // An LF before the declared end that is not a checked packet end may be inside text: decide at
        // the declared end (or at the next "##dddd").
        if (declaredEnd > stop + 1 && !endsWithCheckedCrc(start, stop)) {
            mLineFeed = stop;
            mScanFrom = stop + 1;
            return resolveLineFeed(start, declaredEnd, packet, error);
        }
        return takeFrame(start, stop + 1, packet, error);
    }
    if (i >= start + mMaxFrame) {
        error = JhHj212Error(JhHj212Error::Oversize, 0, nullptr, mMaxFrame, i - start);
        error.setStreamOffset(mBase + start);
        mRead = start + mMaxFrame;
        mScanFrom = -1;
        mDiscarding = true; // the rest of this frame is not garbage worth another report
        return true;
    }
    mScanFrom = i;
    return false;
}

bool JhHj212Framer::takeFrame(int start, int end, JhHj212Packet &packet, JhHj212Error &error)
{
    error = mParser.parse(mBuffer.constData() + start, end - start, packet);
    error.setStreamOffset(mBase + start);
    mRead = end;
    mScanFrom = -1;
    mLineFeed = -1;
    return true;
}

bool JhHj212Framer::endsWithCheckedCrc(int start, int lineFeed) const
{
    // "hhhh\r\n" or, for bare-LF senders, "hhhh\n", with hhhh the CRC of what precedes it: a real packet
    // end whatever its length field says (the parser then judges the length).
    const char *p = mBuffer.constData();
    const int crc = lineFeed - (p[lineFeed - 1] == '\r' ? 5 : 4);
    if (crc < start + 6)
        return false;
    quint16 received = 0;
    if (!JhHj212Crc::parseHex(p + crc, &received))
        return false;
    return JhHj212Crc::checksum(p + start + 6, std::size_t(crc - start - 6)) == received;
}

bool JhHj212Framer::resolveLineFeed(int start, int declaredEnd, JhHj212Packet &packet, JhHj212Error &error)
{
    const char *p = mBuffer.constData();
    const int size = mBuffer.size();
    // A new packet starting before the declared CRC means the length was wrong: the LF ended this one
    // (and the new packet is not swallowed).
    int i = qMax(mScanFrom, mLineFeed + 1);
    const int scanEnd = qMin(size, declaredEnd - 6);
    while (i < scanEnd) {
        const void *hash = std::memchr(p + i, '#', std::size_t(scanEnd - i));
        if (!hash) {
            i = scanEnd;
            break;
        }
        i = int(static_cast<const char *>(hash) - p);
        if (i + 6 > size) {
            mScanFrom = i;
            return false;
        }
        if (startsPacket(p + i))
            return takeFrame(start, mLineFeed + 1, packet, error);
        ++i;
    }
    if (size < declaredEnd) {
        mScanFrom = i;
        return false;
    }
    const int crc = declaredEnd - 6;
    if (isHex(p[crc]) && isHex(p[crc + 1]) && isHex(p[crc + 2]) && isHex(p[crc + 3]) && p[crc + 4] == '\r' &&
        p[crc + 5] == '\n')
        return takeFrame(start, declaredEnd, packet, error);
    return takeFrame(start, mLineFeed + 1, packet, error);
}

bool JhHj212Framer::finish(JhHj212Error &error)
{
    const int size = mBuffer.size();
    if (mRead < size) {
        const char *p = mBuffer.constData();
        if (size - mRead >= 2 && p[mRead] == '#' && p[mRead + 1] == '#') {
            error = JhHj212Error(JhHj212Error::Truncated, size - mRead);
            error.setStreamOffset(mBase + mRead);
            mRead = size;
            mScanFrom = -1;
            mLineFeed = -1;
            return true;
        }
        skipTo(size);
    }
    mDiscarding = false;
    return takeGarbage(error);
}
