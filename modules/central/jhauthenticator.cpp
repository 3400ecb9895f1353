// Who holds a token.
#include "jhauthenticator.h"

#include "jhstore.h"

JhAuthenticator::Result JhAuthenticator::authenticate(const QString &token, JhUser &user,
                                                      QString *error) const
{
    if (token.isEmpty())
        return Result::Refused;
    bool found = false;
    if (!mStore->userForToken(token, user, found)) {
        if (error)
            *error = mStore->error().message;
        return Result::StoreFailed;
    }
    return found ? Result::Accepted : Result::Refused;
}
