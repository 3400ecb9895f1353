// Who holds a token: looks tokens up (hashed) in the store on every use, so a revoke is immediate.
#pragma once

#include "jhuser.h"

#include <QString>

class JhStore;

//! Token -> active user. No cache: `jianghai-central user revoke` takes effect on the next hello or
//! command, also for sessions that are already open.
class JhAuthenticator
{
public:
    enum class Result
    {
        Accepted,
        Refused,    //!< unknown or revoked token
        StoreFailed //!< could not check (the client should retry later)
    };

    explicit JhAuthenticator(JhStore *store) : mStore(store) {}
    Result authenticate(const QString &token, JhUser &user, QString *error = nullptr) const;

private:
    JhStore *mStore;
};
