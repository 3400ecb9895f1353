// An entry of the emergency item catalogue (吸油毡, 围油栏, 应急监测车 ...).
#pragma once

#include "jhdomaintypes.h"

#include <QString>
#include <tuple>

//! A kind of emergency material or equipment, independent of where it is stored.
struct JhCatalogueItem
{
    QString code; //!< e.g. "oil-absorbent-felt"
    QString name;
    JhItemCategory category = JhItemCategory::Material;
    QString unit;

    auto tie() const { return std::tie(code, name, category, unit); }
    bool operator==(const JhCatalogueItem &other) const { return tie() == other.tie(); }
    bool operator!=(const JhCatalogueItem &other) const { return !(*this == other); }
};
