// Recognises HJ 212 packets a logger sent again (retries after a lost reply, replays after reconnect).
#pragma once

#include "jhhj212packet.h"

#include <QSet>
#include <QVector>

//! Remembers the last `capacity` packets by a 64-bit key: MN + CN + QN + PNO when the packet has a QN,
//! else MN + the whole content (HJ/T 212-2005 uploads without QN). seen() records and reports repeats.
class JhHj212DuplicateDetector
{
public:
    explicit JhHj212DuplicateDetector(int capacity = 4096);

    //! True if an identical key was seen among the remembered packets; records the packet either way.
    bool seen(const JhHj212Packet &packet);
    //! The key used for a packet (exposed for logging and tests).
    static quint64 keyOf(const JhHj212Packet &packet);
    void clear();

private:
    int mCapacity;
    QVector<quint64> mRing;
    int mNext = 0;
    QSet<quint64> mKeys;
};
