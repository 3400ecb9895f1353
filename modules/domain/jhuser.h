// A workstation user and the role that bounds what they may do.
#pragma once

#include "jhdomaintypes.h"

#include <QString>
#include <tuple>

//! A user; county-team users belong to one team and act only for it.
struct JhUser
{
    QString id; //!< login name
    QString displayName;
    JhRole role = JhRole::Viewer;
    QString teamId; //!< for JhRole::CountyTeam

    auto tie() const { return std::tie(id, displayName, role, teamId); }
    bool operator==(const JhUser &other) const { return tie() == other.tie(); }
    bool operator!=(const JhUser &other) const { return !(*this == other); }
};
