// Per-connection parsing options for HJ 212: the data-segment limit and the explicit vendor tolerances.
#pragma once

#include <QString>
#include <QStringList>

//! How strictly a connection's packets are judged. Every tolerance is off by default; a packet that
//! needed one reports it (JhHj212Packet::tolerancesUsed()), so deviations are never silent.
struct JhHj212Options
{
    //! Deviations some loggers produce; switched on per connection, deliberately.
    enum Tolerance
    {
        NoTolerance = 0,
        LengthPlus6 = 0x1, //!< "plus6": the length field counts CRC + CR LF too (declared = actual + 6)
        FactorNames =
            0x2, //!< "factor-names": non-standard names (PM2.5-Rtd, PM25, SO2 ...) accepted and mapped
        LongSegment = 0x4,  //!< "long-segment": data segments over maxDataLength (up to 9999) accepted
        BareLineFeed = 0x8, //!< "bare-lf": packets ending in LF without CR accepted
        Spaces = 0x10,      //!< "spaces": the standard's own typos: blanks around field names and in CP
    };

    //! Data segment limit in bytes (HJ 212-2017 Table 2: 1024).
    int maxDataLength = 1024;
    //! OR of Tolerance values.
    int tolerances = NoTolerance;

    bool tolerates(Tolerance tolerance) const { return (tolerances & tolerance) != 0; }

    //! The command-line names: plus6, factor-names, long-segment, bare-lf, spaces.
    static QStringList toleranceNames(int tolerances);
    //! Parses a comma-separated list of names; returns false (and the bad name) on an unknown one.
    static bool parseTolerances(const QString &text, int *tolerances, QString *badName = nullptr);
};
