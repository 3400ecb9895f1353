// The schema: numbered migrations, one list per SQL dialect. The only place that knows the tables.
#pragma once

#include "jhstoreconfig.h"

#include <QList>
#include <QStringList>

//! One schema step; statements run in order inside one transaction.
struct JhMigration
{
    int version = 0;
    QString name;
    QStringList statements;
};

//! Migrations per dialect. Versions are shared between dialects (same tables, same meaning); only the
//! SQL differs. Append new migrations; never edit an applied one.
class JhStoreMigrations
{
public:
    static QList<JhMigration> migrations(JhStoreConfig::Dialect dialect);
    static int latestVersion();
    //! SQLite: the observations table's CREATE statement (the observations file gets it too).
    static const char *sqliteObservationsTable();
};
