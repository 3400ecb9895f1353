// Why the domain refused a command, with the bilingual message the workstation shows.
#pragma once

#include <QString>

//! Reasons a command is rejected.
enum class JhDomainError
{
    None,
    Forbidden,      //!< the role may not issue this command
    OutOfScope,     //!< county team acting outside its own county/team
    InvalidPayload, //!< a field is missing or malformed
    UnknownUser,
    AlarmNotFound,
    IncidentNotFound,
    TaskNotFound,
    TeamNotFound,
    DepotNotFound,
    ItemNotFound,
    SiteNotFound,
    AlarmClosed,
    InvalidTransition, //!< the object's state does not allow this step
    IncidentClosed,
    IncidentHasActiveTasks,
    InsufficientStock, //!< reserving/dispatching more than available
    BelowReserved,     //!< an adjustment would leave less stock than is reserved
    ExceedsReserved    //!< releasing more than is reserved
};

//! Stable codes and messages for JhDomainError (one table).
class JhDomainErrors
{
public:
    static QString code(JhDomainError error);
    static QString messageZh(JhDomainError error);
    static QString messageEn(JhDomainError error);
    static bool parse(const QString &code, JhDomainError &error);
};
