// Split-packet reassembly: parts are copied (they are rare), the merged packet rebuilt field by field.
#include "jhhj212reassembler.h"

#include <QDateTime>

namespace {

QByteArray bytes(std::string_view text)
{
    return QByteArray(text.data(), int(text.size()));
}

} // namespace

JhHj212Reassembler::JhHj212Reassembler(qint64 timeoutMs, std::function<qint64()> clock)
    : mTimeoutMs(timeoutMs), mClock(std::move(clock))
{
    if (!mClock)
        mClock = [] { return QDateTime::currentMSecsSinceEpoch(); };
}

QByteArray JhHj212Reassembler::keyOf(const JhHj212Packet &packet)
{
    QByteArray key = bytes(packet.mn());
    key += '|';
    key += bytes(packet.st());
    key += '|';
    key += bytes(packet.cn());
    key += '|';
    key += bytes(packet.qn());
    key += '|';
    key += QByteArray::number(packet.pnum());
    return key;
}

int JhHj212Reassembler::pendingCount() const
{
    int count = 0;
    for (const QVector<PartSet> &sets : mSets)
        count += sets.size();
    return count;
}

JhHj212Reassembler::Status JhHj212Reassembler::add(const JhHj212Packet &packet, JhHj212Packet *complete)
{
    if (!packet.isSplit() || packet.pnum() <= 0 || packet.pno() <= 0) {
        if (complete)
            *complete = packet;
        return Status::Complete;
    }
    const int total = packet.pnum();
    const int number = packet.pno();
    if (number > total)
        return Status::Inconsistent;
    const QByteArray key = keyOf(packet);
    QVector<PartSet> &sets = mSets[key];
    int index = -1;
    QByteArray dataTime;
    if (!packet.qn().empty()) {
        // The QN names the exchange: one set per key, a repeated PNO is a duplicate.
        if (!sets.isEmpty()) {
            if (sets.first().present[number - 1])
                return Status::DuplicatePart;
            index = 0;
        }
    } else {
        for (const PartSet &set : sets) {
            if (set.present[number - 1] && set.parts[number - 1] == packet)
                return Status::DuplicatePart; // the same part again (a resend)
        }
        dataTime = bytes(packet.value("DataTime"));
        for (int i = sets.size() - 1; i >= 0 && index < 0; --i) {
            const PartSet &set = sets[i];
            if (!set.present[number - 1] &&
                (set.dataTime.isEmpty() || dataTime.isEmpty() || set.dataTime == dataTime))
                index = i;
        }
    }
    if (index < 0) {
        if (sets.size() >= MaxOpenSetsPerKey) {
            Expired dropped = describe(sets.first());
            dropped.crowdedOut = true;
            mCrowdedOut.append(dropped);
            sets.removeFirst();
        }
        PartSet set;
        set.firstSeenMs = mClock();
        set.total = total;
        set.dataTime = dataTime;
        set.parts.resize(total);
        set.present.fill(false, total);
        sets.append(set);
        index = sets.size() - 1;
    }
    PartSet &set = sets[index];
    if (set.dataTime.isEmpty())
        set.dataTime = dataTime;
    set.parts[number - 1] = packet;
    set.present[number - 1] = true;
    if (++set.received < set.total)
        return Status::Pending;
    if (complete)
        merge(set, complete);
    sets.remove(index);
    if (sets.isEmpty())
        mSets.remove(key);
    return Status::Complete;
}

void JhHj212Reassembler::merge(const PartSet &set, JhHj212Packet *complete)
{
    const JhHj212Packet &first = set.parts.first();
    complete->clear();
    for (int i = 0; i < first.headerCount(); ++i) {
        const JhHj212Packet::HeaderField field = first.headerAt(i);
        if (field == JhHj212Packet::Pnum || field == JhHj212Packet::Pno)
            continue;
        if (field == JhHj212Packet::Flag)
            complete->setHeader(field, first.flag() & ~JhHj212Packet::FlagSplit);
        else
            complete->setHeader(field, first.header(field));
    }
    for (const JhHj212Packet &part : set.parts) {
        for (int group = 0; group < part.groupCount(); ++group) {
            complete->addGroup();
            for (int index = 0; index < part.fieldCount(group); ++index)
                complete->addField(part.fieldName(group, index), part.fieldValue(group, index));
        }
    }
}

JhHj212Reassembler::Expired JhHj212Reassembler::describe(const PartSet &set)
{
    Expired entry;
    for (int i = 0; i < set.parts.size(); ++i) {
        if (set.present[i]) {
            entry.mn = bytes(set.parts[i].mn());
            entry.qn = bytes(set.parts[i].qn());
            entry.command = set.parts[i].command();
            break;
        }
    }
    entry.received = set.received;
    entry.total = set.total;
    return entry;
}

QVector<JhHj212Reassembler::Expired> JhHj212Reassembler::expire()
{
    QVector<Expired> expired;
    expired.swap(mCrowdedOut);
    const qint64 now = mClock();
    for (auto it = mSets.begin(); it != mSets.end();) {
        QVector<PartSet> &sets = it.value();
        for (int i = sets.size() - 1; i >= 0; --i) {
            if (now - sets[i].firstSeenMs >= mTimeoutMs) {
                expired.append(describe(sets[i]));
                sets.remove(i);
            }
        }
        if (sets.isEmpty())
            it = mSets.erase(it);
        else
            ++it;
    }
    return expired;
}
