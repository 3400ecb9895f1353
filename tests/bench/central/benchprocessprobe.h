// Benchmark support: what the central benchmarks read about processes (descriptor limit, load, RSS, CPU).
#pragma once

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QString>

#include <cstdio>
#include <sys/resource.h>
#include <unistd.h>

//! Raises the soft open-file limit to the hard one (2,000 connections need more than 1024); a child
//! process started afterwards inherits it.
inline void raiseDescriptorLimit()
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
        getrlimit(RLIMIT_NOFILE, &limit);
        std::fprintf(stderr, "RLIMIT_NOFILE %llu\n", static_cast<unsigned long long>(limit.rlim_cur));
    }
}

//! The machine's load average line, printed with each result (figures on a busy machine mean less).
inline QByteArray loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    return file.open(QIODevice::ReadOnly) ? file.readAll().trimmed() : QByteArray("?");
}

//! A field of /proc/<pid>/status, e.g. "VmRSS:".
inline QByteArray statusField(qint64 pid, const char *field)
{
    QFile file(QStringLiteral("/proc/%1/status").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return "?";
    for (const QByteArray &line : file.readAll().split('\n'))
        if (line.startsWith(field))
            return line.mid(int(qstrlen(field))).simplified();
    return "?";
}

//! CPU seconds (user + system) a process has used so far.
inline double cpuSeconds(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray stat = file.readAll();
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    return fields.size() > 12 ? (fields[11].toDouble() + fields[12].toDouble()) / double(sysconf(_SC_CLK_TCK))
                              : 0;
}
