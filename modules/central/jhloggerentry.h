// What the ingest server knows about one registered data logger (MN).
#pragma once

#include "jhdomaintypes.h"

#include <QByteArray>
#include <QString>

//! A registered logger: the site its MN belongs to, the password it must send and the vendor
//! tolerances (JhHj212Options::Tolerance) accepted from it.
struct JhLoggerEntry
{
    QByteArray mn;
    QString siteId;
    QByteArray password;
    int tolerances = 0;
    JhHj212Version protocolVersion = JhHj212Version::V2017;
};
