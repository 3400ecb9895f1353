// One factor value a simulated logger reports, with its HJ 212 data flag.
#pragma once

#include <QString>

//! A reading of one factor: the value and the data flag (N normal, D fault ...).
struct JhSimReading
{
    QString factorCode;
    double value = 0;
    QString flag = QStringLiteral("N");
};
