// Stock of one catalogue item at one depot.
#pragma once

#include <QString>
#include <tuple>

//! Stock line: quantity on hand, the part reserved for incidents, and the minimum to keep.
struct JhInventoryItem
{
    QString itemCode;
    double quantity = 0;
    double reserved = 0;
    double minimumStock = 0;

    double available() const { return quantity - reserved; }
    bool isBelowMinimum() const { return quantity < minimumStock; }

    auto tie() const { return std::tie(itemCode, quantity, reserved, minimumStock); }
    bool operator==(const JhInventoryItem &other) const { return tie() == other.tie(); }
    bool operator!=(const JhInventoryItem &other) const { return !(*this == other); }
};
