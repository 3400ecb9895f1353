// The sub-commands of jianghai-envstd, the field engineers' command-line tool.
#pragma once

#include <QStringList>

// Each command takes the arguments after its name, prints to stdout/stderr and returns the exit code
// (0 ok, 1 the input was judged bad, 2 usage error).
int runDecodeCommand(const QStringList &arguments);
int runBuildCommand(const QStringList &arguments);
int runAqiCommand(const QStringList &arguments);
int runWaterClassCommand(const QStringList &arguments);
int runNoiseCommand(const QStringList &arguments);
