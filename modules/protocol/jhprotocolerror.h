// Why a message or an object could not be decoded from JSON.
#pragma once

#include <QString>

//! Decoding problem with a message that names the field ("site.mn: missing").
struct JhProtocolError
{
    enum class Code
    {
        None,
        NotJson,
        UnsupportedVersion,
        UnknownMessageType,
        MissingField,
        InvalidField
    };

    Code code = Code::None;
    QString message;
    QString field; //!< the field at fault ("to", "factorCodes"), when known; set by JhJsonMapping

    bool isOk() const { return code == Code::None; }
};
