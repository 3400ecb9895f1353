// Plausible values per factor: a daily cycle, a per-site offset and deterministic noise.
#pragma once

#include <QDateTime>
#include <QString>

//! Deterministic: the same site, factor and time give the same value (no random state), so a scenario
//! replays identically. The per-factor shapes are one table in the .cpp.
class JhSimFactorModel
{
public:
    //! The value of factorCode at a site (its seed) at an instant (UTC; the cycle follows Beijing time).
    static double value(const QString &factorCode, quint32 siteSeed, const QDateTime &timeUtc);
    //! Decimals the factor is reported with.
    static int decimals(const QString &factorCode);
    static quint32 seedOf(const QString &siteId);
};
