// Duplicate detection with FNV-1a keys in a fixed ring, so memory stays bounded per connection.
#include "jhhj212duplicatedetector.h"

namespace {

constexpr quint64 FNV_OFFSET = 14695981039346656037ULL;
constexpr quint64 FNV_PRIME = 1099511628211ULL;

quint64 mix(quint64 hash, std::string_view text)
{
    for (char c : text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= FNV_PRIME;
    }
    // A separator that cannot occur in the text keeps "ab"+"c" apart from "a"+"bc".
    hash ^= 0x1F;
    hash *= FNV_PRIME;
    return hash;
}

} // namespace

JhHj212DuplicateDetector::JhHj212DuplicateDetector(int capacity) : mCapacity(qMax(1, capacity))
{
    mRing.reserve(mCapacity);
    mKeys.reserve(mCapacity);
}

quint64 JhHj212DuplicateDetector::keyOf(const JhHj212Packet &packet)
{
    quint64 hash = mix(FNV_OFFSET, packet.mn());
    hash = mix(hash, packet.cn());
    if (packet.has(JhHj212Packet::Qn)) {
        hash = mix(hash, packet.qn());
        return mix(hash, packet.header(JhHj212Packet::Pno));
    }
    for (int i = 0; i < packet.headerCount(); ++i)
        hash = mix(hash, packet.header(packet.headerAt(i)));
    for (int i = 0; i < packet.totalFieldCount(); ++i) {
        hash = mix(hash, packet.fieldNameAt(i));
        hash = mix(hash, packet.fieldValueAt(i));
    }
    return hash;
}

bool JhHj212DuplicateDetector::seen(const JhHj212Packet &packet)
{
    const quint64 key = keyOf(packet);
    if (mKeys.contains(key))
        return true;
    if (mRing.size() < mCapacity) {
        mRing.append(key);
    } else {
        mKeys.remove(mRing[mNext]);
        mRing[mNext] = key;
        mNext = (mNext + 1) % mCapacity;
    }
    mKeys.insert(key);
    return false;
}

void JhHj212DuplicateDetector::clear()
{
    mRing.clear();
    mKeys.clear();
    mNext = 0;
}
