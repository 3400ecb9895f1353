// Loading and looking up logger registrations kept in memory.
#include "jhmemoryloggerdirectory.h"

#include "jhhj212options.h"
#include "jhscenario.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
JhLoggerImportResult failure(JhLoggerImportResult::Error error, const QString &message)
{
    JhLoggerImportResult result;
    result.error = error;
    result.message = message;
    return result;
}

bool makeEntry(const QString &id, const QString &mn, const QString &password, const QString &version,
               const QString &tolerances, JhLoggerEntry *entry, QString *problem)
{
    if (id.isEmpty() || mn.isEmpty() || password.isEmpty()) {
        *problem = QStringLiteral("entry '%1' needs id, mn and password").arg(id.isEmpty() ? mn : id);
        return false;
    }
    entry->siteId = id;
    entry->mn = mn.toUtf8();
    entry->password = password.toUtf8();
    entry->protocolVersion = version == QLatin1String("2005") ? JhHj212Version::V2005 : JhHj212Version::V2017;
    entry->tolerances = 0;
    QString badName;
    if (!tolerances.trimmed().isEmpty() &&
        !JhHj212Options::parseTolerances(tolerances, &entry->tolerances, &badName)) {
        *problem = QStringLiteral("entry '%1': unknown tolerance '%2'").arg(id, badName);
        return false;
    }
    return true;
}
} // namespace

bool JhMemoryLoggerDirectory::lookup(const QByteArray &mn, JhLoggerEntry *entry) const
{
    const auto it = mEntries.constFind(mn);
    if (it == mEntries.constEnd())
        return false;
    *entry = it.value();
    return true;
}

bool JhMemoryLoggerDirectory::insert(const JhLoggerEntry &entry)
{
    const bool replaced = mEntries.contains(entry.mn);
    mEntries.insert(entry.mn, entry);
    return replaced;
}

bool JhMemoryLoggerDirectory::remove(const QByteArray &mn)
{
    return mEntries.remove(mn) > 0;
}

JhLoggerEntry JhMemoryLoggerDirectory::entryFor(const JhSite &site)
{
    JhLoggerEntry entry;
    entry.siteId = site.id;
    entry.mn = site.mn.toUtf8();
    entry.password = site.password.toUtf8();
    entry.protocolVersion = site.protocolVersion;
    return entry;
}

JhLoggerImportResult JhMemoryLoggerDirectory::addScenario(const JhScenario &scenario)
{
    QList<JhLoggerEntry> entries;
    for (const JhSite &site : scenario.sites())
        if (!site.mn.isEmpty())
            entries.append(entryFor(site));
    return commit(entries);
}

JhLoggerImportResult JhMemoryLoggerDirectory::importFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure(JhLoggerImportResult::Error::FileNotReadable,
                       QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    const QByteArray data = file.readAll();
    const QByteArray start = data.trimmed().left(1);
    if (QFileInfo(path).suffix().compare(QLatin1String("csv"), Qt::CaseInsensitive) == 0 ||
        (start != "{" && start != "["))
        return importCsv(data);
    return importJson(data);
}

JhLoggerImportResult JhMemoryLoggerDirectory::importJson(const QByteArray &data)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (document.isNull())
        return failure(
            JhLoggerImportResult::Error::BadFormat,
            QStringLiteral("not JSON: %1 at byte %2").arg(parseError.errorString()).arg(parseError.offset));
    QJsonArray sites;
    if (document.isArray())
        sites = document.array();
    else if (document.object().value(QStringLiteral("sites")).isArray())
        sites = document.object().value(QStringLiteral("sites")).toArray();
    else
        return failure(JhLoggerImportResult::Error::BadFormat,
                       QStringLiteral("expected an array of sites or an object with \"sites\""));
    QList<JhLoggerEntry> entries;
    for (const QJsonValue &value : sites) {
        const QJsonObject site = value.toObject();
        JhLoggerEntry entry;
        QString problem;
        if (!makeEntry(site.value(QStringLiteral("id")).toString(),
                       site.value(QStringLiteral("mn")).toString(),
                       site.value(QStringLiteral("password")).toString(),
                       site.value(QStringLiteral("protocolVersion")).toString(),
                       site.value(QStringLiteral("hj212Tolerances")).toString(), &entry, &problem))
            return failure(JhLoggerImportResult::Error::InvalidEntry, problem);
        entries.append(entry);
    }
    return commit(entries);
}

JhLoggerImportResult JhMemoryLoggerDirectory::importCsv(const QByteArray &data)
{
    QList<QByteArray> lines = data.split('\n');
    while (!lines.isEmpty() && lines.first().trimmed().isEmpty())
        lines.removeFirst();
    if (lines.isEmpty())
        return failure(JhLoggerImportResult::Error::BadFormat, QStringLiteral("empty CSV"));
    QStringList header;
    for (const QByteArray &name : lines.takeFirst().split(','))
        header.append(QString::fromUtf8(name.trimmed()));
    const int idColumn = header.indexOf(QStringLiteral("id"));
    const int mnColumn = header.indexOf(QStringLiteral("mn"));
    const int passwordColumn = header.indexOf(QStringLiteral("password"));
    const int versionColumn = header.indexOf(QStringLiteral("protocolVersion"));
    const int tolerancesColumn = header.indexOf(QStringLiteral("hj212Tolerances"));
    if (idColumn < 0 || mnColumn < 0 || passwordColumn < 0)
        return failure(JhLoggerImportResult::Error::BadFormat,
                       QStringLiteral("the CSV header must name the columns id, mn and password"));
    QList<JhLoggerEntry> entries;
    int lineNumber = 1;
    for (const QByteArray &line : lines) {
        ++lineNumber;
        if (line.trimmed().isEmpty())
            continue;
        // Tolerances are comma-separated themselves, so that column may be quoted.
        QStringList cells;
        QString cell;
        bool quoted = false;
        for (const QChar c : QString::fromUtf8(line.trimmed())) {
            if (c == QLatin1Char('"'))
                quoted = !quoted;
            else if (c == QLatin1Char(',') && !quoted) {
                cells.append(cell.trimmed());
                cell.clear();
            } else
                cell.append(c);
        }
        cells.append(cell.trimmed());
        auto at = [&cells](int column) {
            return column >= 0 && column < cells.size() ? cells[column] : QString();
        };
        JhLoggerEntry entry;
        QString problem;
        if (!makeEntry(at(idColumn), at(mnColumn), at(passwordColumn), at(versionColumn),
                       at(tolerancesColumn), &entry, &problem))
            return failure(JhLoggerImportResult::Error::InvalidEntry,
                           QStringLiteral("line %1: %2").arg(lineNumber).arg(problem));
        entries.append(entry);
    }
    return commit(entries);
}

JhLoggerImportResult JhMemoryLoggerDirectory::commit(const QList<JhLoggerEntry> &entries)
{
    JhLoggerImportResult result;
    for (const JhLoggerEntry &entry : entries) {
        if (insert(entry))
            ++result.replaced;
        else
            ++result.added;
    }
    result.message = QStringLiteral("%1 loggers added, %2 replaced").arg(result.added).arg(result.replaced);
    return result;
}
