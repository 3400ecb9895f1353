// Cuts a TCP byte stream into HJ 212 packets (and precise errors), whatever the chunking.
#pragma once

#include "jhhj212error.h"
#include "jhhj212options.h"
#include "jhhj212packet.h"
#include "jhhj212parser.h"

#include <QByteArray>

//! One per connection. Feed the bytes as they arrive (append), then call next() until it returns
//! false. A frame runs from "##" to the first LF, except when that LF comes before the end the length
//! field declares and is not preceded by a matching CRC: then, if the declared end holds "hhhh" CR LF
//! and no "##dddd" starts before it, the LF was inside text (a log) and the frame runs to the declared
//! end. Bytes outside frames are skipped (blank lines
//! silently, anything else reported once as Garbage); a frame without LF within maxFrameBytes is
//! dropped as Oversize. The decision depends only on the bytes, never on how they were chunked.
//! The buffer is reused: once warm, framing and parsing allocate nothing; after next() has returned
//! false it holds at most one partial frame (<= maxFrameBytes + 5: a "##" right at the limit waits
//! for the 4 digits that tell whether a new packet starts there).
class JhHj212Framer
{
public:
    //! The longest frame a 4-digit length allows: "##" + 4 + 9999 + CRC 4 + CR LF.
    static constexpr int MaxPossibleFrame = 2 + 4 + 9999 + 4 + 2;

    explicit JhHj212Framer(const JhHj212Options &options = JhHj212Options(),
                           int maxFrameBytes = MaxPossibleFrame);

    const JhHj212Options &options() const { return mParser.options(); }
    void setOptions(const JhHj212Options &options) { mParser.setOptions(options); }

    void append(const char *data, int size);
    void append(const QByteArray &chunk) { append(chunk.constData(), chunk.size()); }

    //! Takes the next packet or error out of the buffer. Returns false when more bytes are needed.
    //! When true: error.isOk() means packet holds an accepted packet; otherwise error says what was
    //! rejected (its streamOffset() locates the frame in the connection's byte stream).
    bool next(JhHj212Packet &packet, JhHj212Error &error);
    //! Call at the end of the stream until it returns false: reports a partial packet (Truncated) or
    //! trailing garbage.
    bool finish(JhHj212Error &error);

    //! Bytes held that have not been framed yet.
    int bufferedBytes() const { return mBuffer.size() - mRead; }
    //! Total bytes appended since construction or reset().
    qint64 streamPosition() const { return mBase + mBuffer.size(); }
    void reset();

private:
    void skipTo(int position);
    bool takeGarbage(JhHj212Error &error);
    bool takeFrame(int start, int end, JhHj212Packet &packet, JhHj212Error &error);
    //! The bytes before the LF at lineFeed are a CRC (then CR) matching the data segment.
    bool endsWithCheckedCrc(int start, int lineFeed) const;
    //! An LF at mLineFeed came before the declared end: the frame ends at the declared end if CRC + CR LF
    //! are there and no "##dddd" starts before them, else at the LF. Returns false while bytes are missing.
    bool resolveLineFeed(int start, int declaredEnd, JhHj212Packet &packet, JhHj212Error &error);

    JhHj212Parser mParser;
    int mMaxFrame;
    QByteArray mBuffer;
    int mRead = 0;
    qint64 mBase = 0;   // stream offset of mBuffer[0]
    int mScanFrom = -1; // where the search for the current frame's end resumes
    int mLineFeed = -1; // an LF of the current frame before its declared end, awaiting the decision
    bool mDiscarding = false;
    qint64 mGarbageStart = -1;
    qint64 mGarbageCount = 0;
};
