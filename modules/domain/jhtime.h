// Text form of instants used in event payloads and files (ISO 8601 with milliseconds and offset).
#pragma once

#include <QDateTime>
#include <QString>

//! Converts instants to and from the text used in payloads; always UTC on output so replays match.
class JhTime
{
public:
    static QString toText(const QDateTime &time);
    //! Parses ISO 8601; returns an invalid QDateTime on error.
    static QDateTime fromText(const QString &text);
};
