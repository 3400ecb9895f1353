// An emergency materials depot (应急物资储备库) and its inventory.
#pragma once

#include "jhinventoryitem.h"

#include <QList>
#include <QString>
#include <tuple>

//! A depot run by one team, with its stock lines.
struct JhDepot
{
    QString id;
    QString name;
    int countyCode = 0;
    QString teamId;
    double longitude = 0;
    double latitude = 0;
    QList<JhInventoryItem> inventory;

    //! Stock line for \a itemCode, or nullptr.
    const JhInventoryItem *item(const QString &itemCode) const
    {
        for (const JhInventoryItem &line : inventory)
            if (line.itemCode == itemCode)
                return &line;
        return nullptr;
    }
    JhInventoryItem *item(const QString &itemCode)
    {
        for (JhInventoryItem &line : inventory)
            if (line.itemCode == itemCode)
                return &line;
        return nullptr;
    }

    auto tie() const { return std::tie(id, name, countyCode, teamId, longitude, latitude, inventory); }
    bool operator==(const JhDepot &other) const { return tie() == other.tie(); }
    bool operator!=(const JhDepot &other) const { return !(*this == other); }
};
