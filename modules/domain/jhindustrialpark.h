// A provincial-or-higher industrial park (工业园区) of the scenario.
#pragma once

#include <QString>
#include <tuple>

//! An industrial park with an approximate centre point.
struct JhIndustrialPark
{
    QString id;
    QString name;
    int countyCode = 0;
    double longitude = 0;
    double latitude = 0;
    bool chemical = false;
    bool approximate = true;

    auto tie() const { return std::tie(id, name, countyCode, longitude, latitude, chemical, approximate); }
    bool operator==(const JhIndustrialPark &other) const { return tie() == other.tie(); }
    bool operator!=(const JhIndustrialPark &other) const { return !(*this == other); }
};
