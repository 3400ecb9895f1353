// HJ 212 stream framing: resynchronise on "##", end a frame at LF, bound what is kept.
#include "jhhj212framer.h"

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
        const int end = stop + 1;
        error = mParser.parse(p + start, end - start, packet);
        error.setStreamOffset(mBase + start);
        mRead = end;
        mScanFrom = -1;
        return true;
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
            return true;
        }
        skipTo(size);
    }
    mDiscarding = false;
    return takeGarbage(error);
}
