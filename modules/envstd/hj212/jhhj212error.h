// Why an HJ 212 packet (or a stretch of a TCP stream) was rejected: the rule, the byte offset, the facts.
#pragma once

#include <QString>

//! The verdict on one packet or frame: an error code naming the rule that failed, the byte offset where
//! it failed and the numbers behind it. Copying and creating it never allocates; message() does.
class JhHj212Error
{
public:
    //! Every rejection reason is its own value; rule() gives a stable identifier, message() a sentence.
    enum Code
    {
        None = 0,
        // Stream framing (JhHj212Framer).
        Garbage,           //!< bytes that are not part of a packet were skipped before a "##"
        Oversize,          //!< no line end within the frame limit; the bytes were dropped
        MissingTerminator, //!< a new "##" started before this packet's line end
        Truncated,         //!< the stream ended inside a packet
        // Packet envelope (§6.3, Table 2).
        BadHeader,      //!< the packet does not start with "##"
        BadLengthField, //!< the length is not 4 decimal digits
        LengthMismatch, //!< the length field differs from the data segment's byte count
        TooLong,        //!< the data segment is longer than the limit (1024 by default)
        BadTerminator,  //!< the packet does not end with CR LF
        BadCrcField,    //!< the CRC is not 4 hex digits
        BadCrc,         //!< the CRC does not match the data segment (see modbusMatch)
        // Data segment (Table 3) and data area (§6.3.3).
        MalformedField,     //!< a field without '=' or with an empty name, or an empty item
        UnknownHeaderField, //!< a field before CP that is not QN/ST/CN/PW/MN/Flag/PNUM/PNO
        DuplicateField,     //!< a header field given twice
        MissingField,       //!< a required header field is absent (ST, CN, PW, MN, CP, QN for 2017, PNUM/PNO)
        BadNumber,          //!< a value that must be a number is not one
        BadTime,            //!< a time value is not 14 (or 17) digits
        BadFieldValue,      //!< a header value has the wrong form (QN, ST, CN, MN, PW, PNO > PNUM)
        BadCp,              //!< the data area is not "CP=&&...&&" at the end of the data segment
        BadFieldName,       //!< a data-area field name is not a code with an optional "-Suffix"
        UnterminatedLogText //!< a "//" log text without its closing "//"
    };

    JhHj212Error() = default;
    JhHj212Error(Code code, int offset, const char *subject = nullptr, qint64 expected = 0, qint64 actual = 0)
        : mCode(code), mOffset(offset), mSubject(subject), mExpected(expected), mActual(actual)
    {}

    bool isOk() const { return mCode == None; }
    Code code() const { return mCode; }
    //! Byte offset of the failure from the first '#' of the packet (or of the frame for framing errors).
    int offset() const { return mOffset; }
    //! The field or item concerned (a static string), if any.
    const char *subject() const { return mSubject; }
    qint64 expected() const { return mExpected; }
    qint64 actual() const { return mActual; }

    //! For BadCrc: the transmitted CRC is the CRC-16/MODBUS of the data segment (a common vendor bug).
    bool modbusMatch() const { return mModbusMatch; }
    void setModbusMatch(bool match) { mModbusMatch = match; }

    //! Position of the frame in the connection's byte stream (-1 when not parsed from a stream).
    qint64 streamOffset() const { return mStreamOffset; }
    void setStreamOffset(qint64 offset) { mStreamOffset = offset; }

    //! Stable rule identifier, e.g. "length-mismatch"; used in logs and JSON.
    QString rule() const { return QString::fromLatin1(ruleName(mCode)); }
    static const char *ruleName(Code code);
    //! A sentence for the operator, with the numbers and the likely cause (e.g. the MODBUS hint).
    QString message() const;

private:
    Code mCode = None;
    int mOffset = -1;
    const char *mSubject = nullptr;
    qint64 mExpected = 0;
    qint64 mActual = 0;
    qint64 mStreamOffset = -1;
    bool mModbusMatch = false;
};
