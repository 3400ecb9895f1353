// What went wrong in the store, with the database's own message.
#pragma once

#include <QString>

//! Store failure: a code to act on and a message for the log (names the statement or table).
struct JhStoreError
{
    enum class Code
    {
        None,
        NotOpen,
        ConnectionFailed,
        MigrationFailed,
        NewerSchema, //!< the database was migrated by a newer build
        QueryFailed,
        Conflict //!< a unique key already exists (user id, token)
    };

    Code code = Code::None;
    QString message;

    bool isOk() const { return code == Code::None; }
};
