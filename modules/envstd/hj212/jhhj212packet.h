// One HJ 212 packet (2017 or 2005): header fields and CP data groups as views over one byte buffer.
#pragma once

#include "jhhj212codes.h"

#include <QByteArray>
#include <QString>

#include <array>
#include <string_view>
#include <vector>

//! An HJ 212 packet. A parsed packet keeps the received bytes and offsets into them; a packet made
//! for sending keeps its names and values in the same kind of buffer. Accessors return
//! std::string_view over that buffer (valid while the packet lives and is not changed); convert to
//! QString only when needed (toQString). clear() keeps the capacity, so a packet object reused for
//! every parse allocates nothing once warm.
class JhHj212Packet
{
public:
    //! The header fields of the data segment (HJ 212-2017 Table 3).
    enum HeaderField
    {
        Qn,
        St,
        Cn,
        Pw,
        Mn,
        Flag,
        Pnum,
        Pno,
        HeaderFieldCount
    };
    //! Standard version from the Flag bits V5..V0 (no Flag at all means an HJ/T 212-2005 peer).
    enum class Version
    {
        Hj212_2005,
        Hj212_2017,
        Hj212_2025,
        Unknown
    };
    //! Flag bits (Table 3): A = reply requested, D = split packet (carries PNUM/PNO).
    enum FlagBit
    {
        FlagReply = 0x1,
        FlagSplit = 0x2
    };

    //! A byte range in the packet's buffer.
    struct Span
    {
        quint32 offset = 0;
        quint32 length = 0;
    };
    //! One NAME=value field of the data area.
    struct Field
    {
        Span name;
        Span value;
        JhHj212Codes::ValueKind kind = JhHj212Codes::ValueKind::Text;
    };

    //! Empties the packet and keeps its buffers' capacity.
    void clear();

    // --- making a packet (for the builder); fields keep the order in which they are set ---
    //! Sets a header field (replacing an earlier value; new fields go after the existing ones).
    void setHeader(HeaderField field, std::string_view value);
    void setHeader(HeaderField field, int value);
    void removeHeader(HeaderField field);
    //! Starts a new data group (';' separated); fields are then added to it.
    void addGroup();
    //! Adds NAME=value to the last group (a group is started if there is none).
    void addField(std::string_view name, std::string_view value);

    // --- header ---
    bool has(HeaderField field) const { return mHeaderIndex[field] >= 0; }
    std::string_view header(HeaderField field) const;
    //! Header fields in the order they were received (or set).
    int headerCount() const { return mHeaderCount; }
    HeaderField headerAt(int index) const { return HeaderField(mHeaderOrder[index]); }
    static const char *headerName(HeaderField field);
    //! The header field with this exact name (QN, ST, CN, PW, MN, Flag, PNUM, PNO), or HeaderFieldCount.
    static HeaderField headerFieldFromName(std::string_view name);

    std::string_view qn() const { return header(Qn); }
    std::string_view st() const { return header(St); }
    std::string_view cn() const { return header(Cn); }
    std::string_view pw() const { return header(Pw); }
    std::string_view mn() const { return header(Mn); }
    //! CN as a number, -1 when absent or not a number.
    int command() const { return headerNumber(Cn); }
    //! Flag as a number, -1 when absent.
    int flag() const { return headerNumber(Flag); }
    int pnum() const { return headerNumber(Pnum); }
    int pno() const { return headerNumber(Pno); }
    Version version() const;
    //! Flag bit A: the sender wants a reply (9014 for uploads, 9011/9012 for requests).
    bool replyRequested() const;
    //! Flag bit D: one part of a split packet.
    bool isSplit() const;
    //! The QN a reply must echo: the header QN, or a CP "QN" (HJ/T 212-2005 replies carry it there).
    std::string_view requestQn() const;

    // --- data area (CP) ---
    int groupCount() const { return int(mGroupStarts.size()); }
    int fieldCount(int group) const;
    std::string_view fieldName(int group, int index) const { return view(field(group, index).name); }
    std::string_view fieldValue(int group, int index) const { return view(field(group, index).value); }
    //! Byte offset of the field in the received packet (meaningful for parsed packets).
    int fieldOffset(int group, int index) const { return int(field(group, index).name.offset) - mRawOffset; }
    //! What the field's value is (from its suffix or name, JhHj212Codes::valueKind), known without a lookup.
    JhHj212Codes::ValueKind fieldKind(int group, int index) const { return field(group, index).kind; }
    JhHj212Codes::ValueKind fieldKindAt(int flatIndex) const { return mFields[flatIndex].kind; }
    //! All fields of all groups, in order.
    int totalFieldCount() const { return int(mFields.size()); }
    std::string_view fieldNameAt(int flatIndex) const { return view(mFields[flatIndex].name); }
    std::string_view fieldValueAt(int flatIndex) const { return view(mFields[flatIndex].value); }
    //! The value of the first field with this name anywhere in CP; found says whether there was one.
    std::string_view value(std::string_view name, bool *found = nullptr) const;

    //! The code part of a field name: "a34004" in "a34004-Avg"; the whole name when it has no suffix.
    static std::string_view codeOf(std::string_view fieldName);
    //! The suffix of a field name: "Avg" in "a34004-Avg"; empty when there is none.
    static std::string_view suffixOf(std::string_view fieldName);
    //! The text inside a "//...//" log value; the value itself when it is not log text.
    static std::string_view logText(std::string_view value);
    //! Parses an HJ 212 number (N14.2 style: optional sign, digits, optional fraction).
    static bool toDouble(std::string_view text, double *value);
    static QString toQString(std::string_view text)
    {
        return QString::fromUtf8(text.data(), int(text.size()));
    }
    static QByteArray toByteArray(std::string_view text) { return QByteArray(text.data(), int(text.size())); }

    //! The received packet bytes ("##" to CR LF) for a parsed packet; empty for a made one.
    QByteArray raw() const;
    //! The received data segment (what the CRC covers) for a parsed packet.
    std::string_view dataSegment() const;
    //! Tolerances (JhHj212Options::Tolerance) this packet needed to be accepted; 0 for a clean packet.
    int tolerancesUsed() const { return mTolerancesUsed; }
    //! Numeric data-area fields (-Rtd, -Avg, -Cou ...) received with an empty value ("no value" from
    //! the logger); such a field is present with fieldValue() empty (made packets count them too).
    int emptyValueCount() const { return mEmptyValueCount; }

    //! Same header fields in the same order and the same data groups and fields.
    bool operator==(const JhHj212Packet &other) const;
    bool operator!=(const JhHj212Packet &other) const { return !(*this == other); }

private:
    friend class JhHj212Parser;

    std::string_view view(Span span) const
    {
        return std::string_view(mText.constData() + span.offset, span.length);
    }
    const Field &field(int group, int index) const { return mFields[mGroupStarts[group] + index]; }
    int headerNumber(HeaderField field) const;
    Span store(std::string_view text);
    void appendHeaderSpan(HeaderField field, Span value);

    QByteArray mText;
    std::vector<Field> mFields;
    std::vector<quint32> mGroupStarts;
    std::array<Span, HeaderFieldCount> mHeader{};
    std::array<qint8, HeaderFieldCount> mHeaderIndex{{-1, -1, -1, -1, -1, -1, -1, -1}};
    std::array<quint8, HeaderFieldCount> mHeaderOrder{};
    int mHeaderCount = 0;
    int mRawOffset = 0;
    int mRawLength = 0;
    Span mDataSegment;
    int mTolerancesUsed = 0;
    int mEmptyValueCount = 0;
};
