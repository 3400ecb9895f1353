// One status or parameter value a logger reported (CN 2021, 2041, 2081, 3020 ...), kept as text.
#pragma once

#include <QDateTime>
#include <QString>

//! A NAME=value field of a status/parameter packet: "i12001-Info" = "1", "RestartTime" = "2026...".
//! Kept as text because these fields are not all numbers (log texts, times, codes).
struct JhIngestAttribute
{
    QDateTime dataTime; //!< the packet's DataTime (UTC), or the receive time when it had none
    QString name;
    QString value;

    bool operator==(const JhIngestAttribute &other) const
    {
        return dataTime == other.dataTime && name == other.name && value == other.value;
    }
};
