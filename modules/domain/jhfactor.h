// A monitored factor (pollutant or parameter) as coded by HJ 212.
#pragma once

#include <QString>
#include <tuple>

//! A factor of the HJ 212 code tables: code (2017), old 2005 code, names and unit.
struct JhFactor
{
    QString code;       //!< e.g. "a21026"
    QString legacyCode; //!< HJ/T 212-2005 code where one exists
    QString nameZh;
    QString nameEn;
    QString unit;

    auto tie() const { return std::tie(code, legacyCode, nameZh, nameEn, unit); }
    bool operator==(const JhFactor &other) const { return tie() == other.tie(); }
    bool operator!=(const JhFactor &other) const { return !(*this == other); }
};
