// Rule names and operator messages for HJ 212 rejections: one table, the texts in one place.
#include "jhhj212error.h"

namespace {

struct RuleText
{
    JhHj212Error::Code code;
    const char *name;
    const char *text;
};

// Clause references are to HJ 212-2017.
const RuleText RULES[] = {
    {JhHj212Error::None, "ok", "packet accepted"},
    {JhHj212Error::Garbage, "garbage", "bytes outside any packet were skipped before the next \"##\""},
    {JhHj212Error::Oversize, "oversize", "no line end within the frame limit; the bytes were dropped"},
    {JhHj212Error::MissingTerminator, "missing-terminator",
     "a new packet (\"##\") started before this packet's CR LF"},
    {JhHj212Error::Truncated, "truncated", "the stream ended inside a packet"},
    {JhHj212Error::BadHeader, "bad-header", "§6.3.1 Table 2: a packet starts with \"##\""},
    {JhHj212Error::BadLengthField, "bad-length-field",
     "§6.3.1 Table 2: the data segment length is 4 decimal digits"},
    {JhHj212Error::LengthMismatch, "length-mismatch",
     "§6.3.1 Table 2: the length field must equal the data segment's byte count"},
    {JhHj212Error::TooLong, "too-long", "§6.3.1 Table 2: the data segment is at most 1024 bytes"},
    {JhHj212Error::BadTerminator, "bad-terminator", "§6.3.1 Table 2: a packet ends with CR LF"},
    {JhHj212Error::BadCrcField, "bad-crc-field",
     "§6.3.1 Table 2: the CRC is 4 hex digits after the data segment"},
    {JhHj212Error::BadCrc, "bad-crc", "Appendix A: the CRC does not match the data segment"},
    {JhHj212Error::MalformedField, "malformed-field",
     "§6.3.3: fields are NAME=value, separated by ';' (items) and ',' (values of one item)"},
    {JhHj212Error::UnknownHeaderField, "unknown-header-field",
     "Table 3: the data segment holds QN, ST, CN, PW, MN, Flag, PNUM, PNO and then CP"},
    {JhHj212Error::DuplicateField, "duplicate-field", "Table 3: a header field appears once"},
    {JhHj212Error::MissingField, "missing-field", "Table 3: a required field is missing"},
    {JhHj212Error::BadNumber, "bad-number", "§6.3.3.2.2: the value must be a number"},
    {JhHj212Error::BadTime, "bad-time",
     "Table 4: a time is YYYYMMDDhhmmss (17 digits with milliseconds tolerated)"},
    {JhHj212Error::BadFieldValue, "bad-field-value", "Table 3: the header value has the wrong form"},
    {JhHj212Error::BadCp, "bad-cp", "Table 3: the data segment ends with CP=&&<data area>&&"},
    {JhHj212Error::BadFieldName, "bad-field-name",
     "§6.3.3 / Appendix B: a field name is a code of letters and digits with an optional -Suffix"},
    {JhHj212Error::UnterminatedLogText, "unterminated-log-text",
     "Table B.10: log text is enclosed in \"//\" ... \"//\""},
};

const RuleText &ruleText(JhHj212Error::Code code)
{
    for (const RuleText &rule : RULES) {
        if (rule.code == code)
            return rule;
    }
    return RULES[0];
}

QString hex4(qint64 value)
{
    return QStringLiteral("%1").arg(value, 4, 16, QLatin1Char('0')).toUpper();
}

} // namespace

const char *JhHj212Error::ruleName(Code code)
{
    return ruleText(code).name;
}

QString JhHj212Error::message() const
{
    QString text = QString::fromUtf8(ruleText(mCode).text);
    // The place comes first, so that it stays next to the rule it belongs to.
    if (mCode != None && mOffset >= 0)
        text += QStringLiteral(" at byte %1").arg(mOffset);
    const QString subject = mSubject ? QString::fromLatin1(mSubject) : QString();
    switch (mCode) {
    case None:
        return text;
    case Garbage:
        text += QStringLiteral(" (%1 bytes)").arg(mActual);
        break;
    case Oversize:
        text += QStringLiteral(" (limit %1 bytes)").arg(mExpected);
        break;
    case LengthMismatch:
        text += QStringLiteral(": declared %1, data segment has %2 bytes").arg(mActual).arg(mExpected);
        if (mActual == mExpected + 6)
            text += QStringLiteral(
                " (declared = actual + 6: the vendor counted CRC and CR LF; enable the 'plus6' tolerance "
                "for this connection if that logger cannot be fixed)");
        break;
    case TooLong:
        text += QStringLiteral(": %1 bytes, limit %2 (the 'long-segment' tolerance raises it)")
                    .arg(mActual)
                    .arg(mExpected);
        break;
    case BadCrc:
        text += QStringLiteral(": received %1, computed %2").arg(hex4(mActual), hex4(mExpected));
        if (mModbusMatch)
            text += QStringLiteral("; the received CRC would match CRC-16/MODBUS — a common vendor bug, "
                                   "the logger's CRC routine must follow HJ 212 Appendix A");
        break;
    case MissingField:
    case DuplicateField:
    case UnknownHeaderField:
    case BadNumber:
    case BadTime:
    case BadFieldValue:
    case BadFieldName:
    case MalformedField:
        if (!subject.isEmpty())
            text += QStringLiteral(" (%1)").arg(subject);
        if (mCode == BadFieldValue && mExpected > 0)
            text += QStringLiteral(": expected %1 characters, got %2").arg(mExpected).arg(mActual);
        break;
    default:
        break;
    }
    return text;
}
