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
//! With a QN the QN names the set: a repeated PNO is a duplicate. Without a QN (HJ/T 212-2005 loggers)
//! several sets of one (MN, ST, CN, PNUM) may be open at once: a part identical to a stored one is a
//! duplicate (a resend); otherwise it joins the newest open set that lacks its PNO and whose CP
//! DataTime (when both have one) is the same, or else starts a new set. So a PNO that repeats with
//! other content starts a new set instead of replacing or being merged into the old one, which stays
//! open until it completes or expires (and is then reported).
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
        //! Dropped before its timeout because more than MaxOpenSetsPerKey sets without QN were open.
        bool crowdedOut = false;
    };
    //! Sets without QN open at once for one (MN, ST, CN, PNUM); beyond it the oldest is dropped.
    static constexpr int MaxOpenSetsPerKey = 4;

    //! clock returns milliseconds (any epoch); the default is the system clock.
    explicit JhHj212Reassembler(qint64 timeoutMs = 600000, std::function<qint64()> clock = {});

    //! Adds one parsed packet. When the result is Complete, *complete holds the whole packet.
    Status add(const JhHj212Packet &packet, JhHj212Packet *complete);
    //! Drops sets whose first part is older than the timeout; returns them for logging.
    QVector<Expired> expire();
    //! Number of incomplete sets held.
    int pendingCount() const;

private:
    struct PartSet
    {
        qint64 firstSeenMs = 0;
        int total = 0;
        int received = 0;
        QByteArray dataTime;          // the first part's CP DataTime (sets without QN), empty when none
        QVector<JhHj212Packet> parts; // index PNO - 1; an empty packet means not yet received
        QVector<bool> present;
    };

    static QByteArray keyOf(const JhHj212Packet &packet);
    static void merge(const PartSet &set, JhHj212Packet *complete);
    static Expired describe(const PartSet &set);

    qint64 mTimeoutMs;
    std::function<qint64()> mClock;
    QHash<QByteArray, QVector<PartSet>> mSets; // oldest first; with a QN at most one per key
    QVector<Expired> mCrowdedOut;              // reported by the next expire()
};
