// A data logger MN that is not registered: kept so an operator can register it.
#pragma once

#include <QDateTime>
#include <QString>

//! Registry row of an unknown MN (no data of it is stored).
struct JhUnknownMn
{
    QString mn;
    QString lastPeer; //!< "ip:port" of the last connection that sent it
    QDateTime firstSeen;
    QDateTime lastSeen;
    qint64 packetCount = 0;
};
