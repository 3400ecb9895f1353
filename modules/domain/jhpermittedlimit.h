// A pollution source's permitted emission limit for one factor (from its discharge permit).
#pragma once

#include <QString>
#include <tuple>

//! Permitted concentration limit of one factor at a pollution source outlet.
struct JhPermittedLimit
{
    QString factorCode;
    double limit = 0.0;
    QString unit;

    auto tie() const { return std::tie(factorCode, limit, unit); }
    bool operator==(const JhPermittedLimit &other) const { return tie() == other.tie(); }
    bool operator!=(const JhPermittedLimit &other) const { return !(*this == other); }
};
