// A user as stored: the domain user plus account dates (the token itself is never stored).
#pragma once

#include "jhuser.h"

#include <QDateTime>

//! User account row; revoked users cannot authenticate.
struct JhStoredUser
{
    JhUser user;
    QDateTime createdAt;
    QDateTime revokedAt;

    bool isRevoked() const { return revokedAt.isValid(); }
};
