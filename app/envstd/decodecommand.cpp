// Placeholder for the 'decode' sub-command until its implementation lands (owned by the envstd work).
#include "jhenvstdcommands.h"

#include <QTextStream>

#include <cstdio>

int runDecodeCommand(const QStringList &)
{
    QTextStream(stderr) << "jianghai-envstd: this command is not available in this build\n";
    return 2;
}
