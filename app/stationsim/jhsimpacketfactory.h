// Builds the HJ 212 packets a simulated logger sends (2017 and HJ/T 212-2005 style).
#pragma once

#include "jhsimloggerprofile.h"
#include "jhsimreading.h"

#include <QByteArray>
#include <QDateTime>
#include <QVector>

//! Data packets (2011 -Rtd; 2051/2061/2031 -Avg/-Min/-Max) with -Flag per factor. 2017 loggers send
//! QN and Flag=5 (version 1, reply wanted); 2005 loggers send QN and Flag=1 (version 0, reply wanted)
//! and their old factor codes where one exists.
class JhSimPacketFactory
{
public:
    static QByteArray dataPacket(const JhSimLoggerProfile &profile, int command, const QDateTime &dataTimeUtc,
                                 const QVector<JhSimReading> &readings, const QByteArray &qn);
    //! A 17-digit QN: Beijing time of timeUtc to the second plus a 3-digit sequence.
    static QByteArray qnFor(const QDateTime &timeUtc, int sequence);
    //! yyyyMMddHHmmss in Beijing time.
    static QByteArray beijingStamp(const QDateTime &timeUtc);
    //! The ST system code for a kind of site.
    static QByteArray systemCodeFor(JhSiteKind kind);
};
