// HJ 212 packet model: header and CP fields as spans into one buffer, so parsing allocates nothing.
#include "jhhj212packet.h"

#include <charconv>
#include <cstring>

namespace {

const char *const HEADER_NAMES[JhHj212Packet::HeaderFieldCount] = {"QN", "ST",   "CN",   "PW",
                                                                   "MN", "Flag", "PNUM", "PNO"};
constexpr std::string_view HEADER_VIEWS[JhHj212Packet::HeaderFieldCount] = {"QN", "ST",   "CN",   "PW",
                                                                            "MN", "Flag", "PNUM", "PNO"};

} // namespace

void JhHj212Packet::clear()
{
    mText.resize(0);
    mFields.clear();
    mGroupStarts.clear();
    mHeaderIndex.fill(-1);
    mHeaderCount = 0;
    mRawOffset = 0;
    mRawLength = 0;
    mDataSegment = Span();
    mTolerancesUsed = 0;
    mEmptyValueCount = 0;
}

JhHj212Packet::Span JhHj212Packet::store(std::string_view text)
{
    Span span;
    span.offset = quint32(mText.size());
    span.length = quint32(text.size());
    mText.append(text.data(), int(text.size()));
    return span;
}

void JhHj212Packet::appendHeaderSpan(HeaderField field, Span value)
{
    mHeader[field] = value;
    if (mHeaderIndex[field] < 0) {
        mHeaderIndex[field] = qint8(mHeaderCount);
        mHeaderOrder[mHeaderCount++] = quint8(field);
    }
}

void JhHj212Packet::setHeader(HeaderField field, std::string_view value)
{
    appendHeaderSpan(field, store(value));
}

void JhHj212Packet::setHeader(HeaderField field, int value)
{
    const QByteArray text = QByteArray::number(value);
    setHeader(field, std::string_view(text.constData(), std::size_t(text.size())));
}

void JhHj212Packet::removeHeader(HeaderField field)
{
    const int index = mHeaderIndex[field];
    if (index < 0)
        return;
    for (int i = index; i + 1 < mHeaderCount; ++i) {
        mHeaderOrder[i] = mHeaderOrder[i + 1];
        mHeaderIndex[mHeaderOrder[i]] = qint8(i);
    }
    --mHeaderCount;
    mHeaderIndex[field] = -1;
}

void JhHj212Packet::addGroup()
{
    mGroupStarts.push_back(quint32(mFields.size()));
}

void JhHj212Packet::addField(std::string_view name, std::string_view value)
{
    if (mGroupStarts.empty())
        addGroup();
    Field entry;
    entry.name = store(name);
    entry.value = store(value);
    entry.kind = JhHj212Codes::valueKind(name);
    if (entry.kind == JhHj212Codes::ValueKind::Number && value.empty())
        ++mEmptyValueCount;
    mFields.push_back(entry);
}

std::string_view JhHj212Packet::header(HeaderField field) const
{
    if (mHeaderIndex[field] < 0)
        return std::string_view();
    return view(mHeader[field]);
}

const char *JhHj212Packet::headerName(HeaderField field)
{
    return field < HeaderFieldCount ? HEADER_NAMES[field] : "";
}

JhHj212Packet::HeaderField JhHj212Packet::headerFieldFromName(std::string_view name)
{
    for (int i = 0; i < HeaderFieldCount; ++i) {
        if (name == HEADER_VIEWS[i])
            return HeaderField(i);
    }
    return HeaderFieldCount;
}

int JhHj212Packet::headerNumber(HeaderField field) const
{
    if (mHeaderIndex[field] < 0)
        return -1;
    const std::string_view text = view(mHeader[field]);
    if (text.empty() || text.size() > 9)
        return -1;
    int result = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return -1;
        result = result * 10 + (c - '0');
    }
    return result;
}

JhHj212Packet::Version JhHj212Packet::version() const
{
    const int value = flag();
    if (value < 0)
        return Version::Hj212_2005;
    switch (value >> 2) {
    case 0:
        return Version::Hj212_2005;
    case 1:
        return Version::Hj212_2017;
    case 2:
        return Version::Hj212_2025;
    default:
        return Version::Unknown;
    }
}

bool JhHj212Packet::replyRequested() const
{
    const int value = flag();
    return value >= 0 && (value & FlagReply);
}

bool JhHj212Packet::isSplit() const
{
    const int value = flag();
    if (value >= 0)
        return (value & FlagSplit) != 0;
    // HJ/T 212-2005 peers without Flag: PNUM/PNO alone mark a split packet.
    return has(Pnum) && has(Pno);
}

std::string_view JhHj212Packet::requestQn() const
{
    if (has(Qn))
        return qn();
    return value("QN");
}

int JhHj212Packet::fieldCount(int group) const
{
    const quint32 end =
        group + 1 < int(mGroupStarts.size()) ? mGroupStarts[group + 1] : quint32(mFields.size());
    return int(end - mGroupStarts[group]);
}

std::string_view JhHj212Packet::value(std::string_view name, bool *found) const
{
    for (const Field &entry : mFields) {
        if (view(entry.name) == name) {
            if (found)
                *found = true;
            return view(entry.value);
        }
    }
    if (found)
        *found = false;
    return std::string_view();
}

std::string_view JhHj212Packet::codeOf(std::string_view fieldName)
{
    const std::size_t dash = fieldName.rfind('-');
    return dash == std::string_view::npos ? fieldName : fieldName.substr(0, dash);
}

std::string_view JhHj212Packet::suffixOf(std::string_view fieldName)
{
    const std::size_t dash = fieldName.rfind('-');
    return dash == std::string_view::npos ? std::string_view() : fieldName.substr(dash + 1);
}

std::string_view JhHj212Packet::logText(std::string_view value)
{
    if (value.size() >= 4 && value.substr(0, 2) == "//" && value.substr(value.size() - 2) == "//")
        return value.substr(2, value.size() - 4);
    return value;
}

bool JhHj212Packet::toDouble(std::string_view text, double *value)
{
    if (!text.empty() && text.front() == '+')
        text.remove_prefix(1);
    if (text.empty())
        return false;
    // Only the HJ 212 form: [-]digits[.digits]; from_chars would also take "inf", "1e5" and ".5".
    std::size_t i = text.front() == '-' ? 1 : 0;
    std::size_t digits = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
        ++i;
        ++digits;
    }
    if (digits == 0)
        return false;
    if (i < text.size()) {
        if (text[i] != '.')
            return false;
        ++i;
        std::size_t fraction = 0;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
            ++i;
            ++fraction;
        }
        if (fraction == 0 || i != text.size())
            return false;
    }
    // Fast path (exact): up to 15 significant digits and 22 decimals; mantissa / 10^n is then one
    // correctly rounded division. Longer numbers go to from_chars.
    {
        static constexpr double POWERS[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                            1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                            1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
        quint64 mantissa = 0;
        int digits = 0;
        int decimals = 0;
        bool fraction = false;
        const bool negative = text.front() == '-';
        for (std::size_t j = negative ? 1 : 0; j < text.size(); ++j) {
            const char c = text[j];
            if (c == '.') {
                fraction = true;
                continue;
            }
            mantissa = mantissa * 10 + quint64(c - '0');
            if (mantissa != 0)
                ++digits;
            decimals += fraction;
        }
        if (digits <= 15 && decimals <= 22) {
            const double result = double(mantissa) / POWERS[decimals];
            *value = negative ? -result : result;
            return true;
        }
    }
    double result = 0;
    const auto converted = std::from_chars(text.data(), text.data() + text.size(), result);
    if (converted.ec != std::errc() || converted.ptr != text.data() + text.size())
        return false;
    *value = result;
    return true;
}

QByteArray JhHj212Packet::raw() const
{
    return mRawLength > 0 ? mText.mid(mRawOffset, mRawLength) : QByteArray();
}

std::string_view JhHj212Packet::dataSegment() const
{
    return view(mDataSegment);
}

bool JhHj212Packet::operator==(const JhHj212Packet &other) const
{
    if (mHeaderCount != other.mHeaderCount || mGroupStarts != other.mGroupStarts ||
        mFields.size() != other.mFields.size())
        return false;
    for (int i = 0; i < mHeaderCount; ++i) {
        const HeaderField field = headerAt(i);
        if (other.headerAt(i) != field || header(field) != other.header(field))
            return false;
    }
    for (std::size_t i = 0; i < mFields.size(); ++i) {
        if (view(mFields[i].name) != other.view(other.mFields[i].name) ||
            view(mFields[i].value) != other.view(other.mFields[i].value))
            return false;
    }
    return true;
}
