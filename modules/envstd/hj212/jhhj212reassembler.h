// Joins the parts of split HJ 212 packets (Flag D bit, PNUM/PNO) back into one packet, with a timeout.
#pragma once

#include "jhhj212packet.h"

#include <QByteArray>
#include <QHash>
#include <QVector>

#include <functional>

//! Collects the parts of split packets per (MN, ST, CN, QN, PNUM) and hands out the whole packet when
//! every PNO from 1 to PNUM has arrived. The merged packet has the first part's header without
//! PNUM/PNO (Flag's D bit cleared) and the data groups of all parts in PNO order. Incomplete sets are
//! dropped after the timeout; the clock is injected so tests need no waiting.
class JhHj212Reassembler
{
public:
    //! What add() did with a packet.
    enum class Status
    {
        Complete,      //!< complete: an unsplit packet, or the last missing part (see the out parameter)
        Pending,       //!< a part was stored; more are needed
        DuplicatePart, //!< this PNO of this set was already stored; ignored
        Inconsistent   //!< PNUM differs from the set's, or PNO is out of range; ignored
    };
    //! A set dropped by expire(): which, and how many of its parts had arrived.
    struct Expired
    {
        QByteArray mn;
        QByteArray qn;
        int command = -1;
        int received = 0;
        int total = 0;
    };

    //! clock returns milliseconds (any epoch); the default is the system clock.
    explicit JhHj212Reassembler(qint64 timeoutMs = 600000, std::function<qint64()> clock = {});

    //! Adds one parsed packet. When the result is Complete, *complete holds the whole packet.
    Status add(const JhHj212Packet &packet, JhHj212Packet *complete);
    //! Drops sets whose first part is older than the timeout; returns them for logging.
    QVector<Expired> expire();
    //! Number of incomplete sets held.
    int pendingCount() const { return mSets.size(); }

private:
    struct PartSet
    {
        qint64 firstSeenMs = 0;
        int total = 0;
        int received = 0;
        QVector<JhHj212Packet> parts; // index PNO - 1; an empty packet means not yet received
        QVector<bool> present;
    };

    static QByteArray keyOf(const JhHj212Packet &packet);
    static void merge(const PartSet &set, JhHj212Packet *complete);

    qint64 mTimeoutMs;
    std::function<qint64()> mClock;
    QHash<QByteArray, PartSet> mSets;
};
