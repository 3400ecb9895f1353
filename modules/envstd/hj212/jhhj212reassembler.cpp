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
    auto it = mSets.find(key);
    if (it == mSets.end()) {
        PartSet set;
        set.firstSeenMs = mClock();
        set.total = total;
        set.parts.resize(total);
        set.present.fill(false, total);
        it = mSets.insert(key, set);
    }
    PartSet &set = it.value();
    if (set.present[number - 1])
        return Status::DuplicatePart;
    set.parts[number - 1] = packet;
    set.present[number - 1] = true;
    if (++set.received < set.total)
        return Status::Pending;
    if (complete)
        merge(set, complete);
    mSets.erase(it);
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

QVector<JhHj212Reassembler::Expired> JhHj212Reassembler::expire()
{
    QVector<Expired> expired;
    const qint64 now = mClock();
    for (auto it = mSets.begin(); it != mSets.end();) {
        if (now - it.value().firstSeenMs >= mTimeoutMs) {
            const JhHj212Packet *sample = nullptr;
            for (int i = 0; i < it.value().parts.size(); ++i) {
                if (it.value().present[i]) {
                    sample = &it.value().parts[i];
                    break;
                }
            }
            Expired entry;
            if (sample) {
                entry.mn = bytes(sample->mn());
                entry.qn = bytes(sample->qn());
                entry.command = sample->command();
            }
            entry.received = it.value().received;
            entry.total = it.value().total;
            expired.append(entry);
            it = mSets.erase(it);
        } else {
            ++it;
        }
    }
    return expired;
}
