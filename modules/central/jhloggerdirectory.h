// The ingest server's view of registered loggers: MN -> site, password and tolerances.
#pragma once

#include "jhloggerentry.h"

//! Looked up for every packet, on the server's thread; implementations must answer fast (a hash).
//! The in-memory one is JhMemoryLoggerDirectory; a store-backed one can keep a cache the same way.
class JhLoggerDirectory
{
public:
    virtual ~JhLoggerDirectory() = default;
    //! Fills entry and returns true when mn is registered.
    virtual bool lookup(const QByteArray &mn, JhLoggerEntry *entry) const = 0;
};
