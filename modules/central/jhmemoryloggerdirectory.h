// In-memory logger directory, loaded from the scenario JSON, a JSON site list or a CSV file.
#pragma once

#include "jhloggerdirectory.h"
#include "jhloggerimportresult.h"

#include <QHash>
#include <QList>

class JhScenario;
struct JhSite;

//! MN -> logger, filled from the scenario's sites and from import files; entries can be added or
//! replaced while the server runs (the server looks them up per packet, so a new MN is served at once).
//! JSON: the scenario format ({"sites": [...]}) or a bare array of site objects, each with "id", "mn",
//! "password" and optional "protocolVersion" ("2017"/"2005") and "hj212Tolerances" ("plus6,bare-lf").
//! CSV: a header line naming at least id,mn,password (optional protocolVersion, hj212Tolerances).
class JhMemoryLoggerDirectory : public JhLoggerDirectory
{
public:
    bool lookup(const QByteArray &mn, JhLoggerEntry *entry) const override;

    //! Adds or replaces the entry for entry.mn; returns true if it replaced one.
    bool insert(const JhLoggerEntry &entry);
    bool remove(const QByteArray &mn);
    int size() const { return mEntries.size(); }
    QList<JhLoggerEntry> entries() const { return mEntries.values(); }

    static JhLoggerEntry entryFor(const JhSite &site);
    //! Registers every site of the scenario that has an MN.
    JhLoggerImportResult addScenario(const JhScenario &scenario);
    //! Imports a .json or .csv file (chosen by suffix; JSON when the content starts with '{' or '[').
    JhLoggerImportResult importFile(const QString &path);
    JhLoggerImportResult importJson(const QByteArray &data);
    JhLoggerImportResult importCsv(const QByteArray &data);

private:
    JhLoggerImportResult commit(const QList<JhLoggerEntry> &entries);

    QHash<QByteArray, JhLoggerEntry> mEntries;
};
