// jianghai-envstd: decode/build HJ 212 packets and apply the national standards from the shell.
#include "jhenvstdcommands.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

namespace {

struct Command
{
    const char *name;
    const char *summary;
    int (*run)(const QStringList &);
};

const Command COMMANDS[] = {
    {"decode", "decode HJ 212 packets (one per line, or --stream) and print verdicts as JSON lines",
     runDecodeCommand},
    {"build", "build an HJ 212 packet from JSON", runBuildCommand},
    {"aqi", "IAQI/AQI, primary pollutants and category per HJ 633 (--standard 2012|2026)", runAqiCommand},
    {"water-class", "surface-water class per GB 3838-2002", runWaterClassCommand},
    {"noise", "noise limit and exceedance per GB 3096-2008", runNoiseCommand},
};

int printUsage(FILE *stream)
{
    QTextStream out(stream);
    out << "Usage: jianghai-envstd <command> [options]   (jianghai-envstd <command> --help)\n\nCommands:\n";
    for (const Command &command : COMMANDS)
        out << "  " << QString::fromLatin1(command.name).leftJustified(12) << command.summary << '\n';
    return stream == stdout ? 0 : 2;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("jianghai-envstd"));
    QStringList arguments = QCoreApplication::arguments().mid(1);
    if (arguments.isEmpty())
        return printUsage(stderr);
    const QString name = arguments.takeFirst();
    if (name == QLatin1String("--help") || name == QLatin1String("-h"))
        return printUsage(stdout);
    for (const Command &command : COMMANDS) {
        if (name == QLatin1String(command.name))
            return command.run(arguments);
    }
    QTextStream(stderr) << "jianghai-envstd: unknown command '" << name << "'\n";
    return printUsage(stderr);
}
