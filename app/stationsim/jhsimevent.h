// One scripted happening in a simulation: an exceedance, a logger going offline, a fault, a stuck value.
#pragma once

#include <QDateTime>
#include <QString>

//! Active from start (simulated time, UTC) for durationSeconds at one site (all sites when siteId is "*").
struct JhSimEvent
{
    enum class Type
    {
        Exceedance, //!< factor reports value (absolute) instead of its normal value
        Offline,    //!< the logger disconnects and sends nothing
        Fault,      //!< factor (all when empty) reports with flag (D by default)
        Stuck       //!< factor repeats the value it had when the event started
    };

    Type type = Type::Exceedance;
    QString siteId;
    QString factorCode;
    double value = 0;
    QString flag = QStringLiteral("D");
    QDateTime start;
    qint64 durationSeconds = 3600;

    bool covers(const QString &site, const QDateTime &time) const
    {
        return (siteId == QLatin1String("*") || siteId == site) && time >= start &&
               time < start.addSecs(durationSeconds);
    }
};
