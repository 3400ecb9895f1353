// Placeholder for the 'noise' sub-command until its implementation lands (owned by the envstd work).
#include "jhenvstdcommands.h"

#include <QTextStream>

#include <cstdio>

int runNoiseCommand(const QStringList &)
{
    QTextStream(stderr) << "jianghai-envstd: this command is not available in this build\n";
    return 2;
}
