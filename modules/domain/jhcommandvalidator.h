// Who may do what: the role table and the county team's own-county scope.
#pragma once

#include "jhcommand.h"
#include "jhdomainerror.h"
#include "jhuser.h"

class JhWorldState;

//! Checks a command against the sender's role (a table) and, for county teams, their scope.
//! Objects that do not exist pass here; the handler reports them as not found.
class JhCommandValidator
{
public:
    //! Whether \a role may issue commands of \a type at all.
    static bool roleMay(JhRole role, JhCommandType type);
    //! JhDomainError::None, Forbidden or OutOfScope.
    static JhDomainError check(const JhUser &user, const JhCommand &command, const JhWorldState &state);
};
