// Stock of one catalogue item at one depot, with what each incident has reserved of it.
#pragma once

#include <QMap>
#include <QString>
#include <tuple>

//! Stock line: quantity on hand, the part reserved for incidents (in total and per incident), and the
//! minimum to keep. `reserved` is always the sum of `reservations`; an incident's reservation is released
//! or dispatched only by that incident. The empty incident id holds stock reserved before reservations
//! were kept per incident (schema 3), which no command can release; an adjustment can still write it off.
struct JhInventoryItem
{
    QString itemCode;
    double quantity = 0;
    double reserved = 0;
    double minimumStock = 0;
    QMap<QString, double> reservations; //!< incident id -> quantity reserved for it

    double available() const { return quantity - reserved; }
    bool isBelowMinimum() const { return quantity < minimumStock; }
    double reservedFor(const QString &incidentId) const { return reservations.value(incidentId, 0.0); }
    //! Adds \a delta (negative to release) to an incident's reservation and to the total; a reservation
    //! that reaches zero is removed.
    void addReservation(const QString &incidentId, double delta)
    {
        const double next = reservedFor(incidentId) + delta;
        if (next <= 1e-9)
            reservations.remove(incidentId);
        else
            reservations.insert(incidentId, next);
        reserved += delta;
        if (reserved < 1e-9)
            reserved = 0;
    }

    auto tie() const { return std::tie(itemCode, quantity, reserved, minimumStock, reservations); }
    bool operator==(const JhInventoryItem &other) const { return tie() == other.tie(); }
    bool operator!=(const JhInventoryItem &other) const { return !(*this == other); }
};
