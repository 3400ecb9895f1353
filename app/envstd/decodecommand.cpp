// 'decode': judges HJ 212 packets (one per line, or a raw byte stream) and prints one JSON line each.
#include "jhenvstdcommands.h"

#include "jhhj212codes.h"
#include "jhhj212error.h"
#include "jhhj212framer.h"
#include "jhhj212options.h"
#include "jhhj212packet.h"
#include "jhhj212parser.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>

namespace {

const char USAGE[] =
    "Usage: jianghai-envstd decode [--stream] [--lenient NAMES] [--max-length N] [FILE|-]\n"
    "\n"
    "Judges HJ 212-2017 / HJ/T 212-2005 packets and prints one JSON object per packet per line:\n"
    "verdict (ok/error), the failed rule with its byte offset and message (with the CRC-16/MODBUS hint),\n"
    "header fields, CP groups and fields with code names and units.\n"
    "\n"
    "  (default)          one packet per line; CR LF is added back; a TAB-separated line uses its last\n"
    "                     column (vectors.tsv); blank lines and lines starting with a single '#' are "
    "skipped\n"
    "  --stream           the input is a raw byte stream (a TCP capture): framed as the server does\n"
    "  --lenient NAMES    tolerances, comma-separated: plus6, factor-names, long-segment, bare-lf, spaces\n"
    "  --max-length N     data segment limit in bytes (default 1024)\n"
    "\n"
    "Exit code: 0 all packets accepted, 1 some packet rejected, 2 usage error.\n";

QString text(std::string_view view)
{
    return JhHj212Packet::toQString(view);
}

QString versionName(JhHj212Packet::Version version)
{
    switch (version) {
    case JhHj212Packet::Version::Hj212_2005:
        return QStringLiteral("2005");
    case JhHj212Packet::Version::Hj212_2017:
        return QStringLiteral("2017");
    case JhHj212Packet::Version::Hj212_2025:
        return QStringLiteral("2025");
    case JhHj212Packet::Version::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QString originName(JhHj212Codes::Origin origin)
{
    switch (origin) {
    case JhHj212Codes::Origin::Standard2017:
        return QStringLiteral("HJ 212-2017");
    case JhHj212Codes::Origin::Standard2005:
        return QStringLiteral("HJ/T 212-2005");
    case JhHj212Codes::Origin::Vendor:
        break;
    }
    return QStringLiteral("vendor");
}

QJsonObject fieldJson(std::string_view name, std::string_view value, bool version2005)
{
    QJsonObject field;
    field.insert(QStringLiteral("name"), text(name));
    field.insert(QStringLiteral("value"), text(value));
    const std::string_view suffix = JhHj212Packet::suffixOf(name);
    const std::string_view code = JhHj212Packet::codeOf(name);
    if (!suffix.empty()) {
        field.insert(QStringLiteral("code"), text(code));
        field.insert(QStringLiteral("suffix"), text(suffix));
        if (const JhHj212Codes::Suffix *entry = JhHj212Codes::suffix(suffix))
            field.insert(QStringLiteral("suffixName"), QString::fromUtf8(entry->english));
        else
            field.insert(QStringLiteral("unknownSuffix"), true);
        const JhHj212Codes::Pollutant *factor = JhHj212Codes::pollutant(code);
        const JhHj212Codes::Alias *alias = factor ? nullptr : JhHj212Codes::alias(code);
        if (alias)
            factor = JhHj212Codes::pollutant(alias->code);
        if (factor) {
            QJsonObject info;
            info.insert(QStringLiteral("name"), QString::fromUtf8(factor->english));
            info.insert(QStringLiteral("nameZh"), QString::fromUtf8(factor->chinese));
            info.insert(QStringLiteral("unit"), QString::fromUtf8(factor->unit));
            if (code != factor->code)
                info.insert(QStringLiteral("code2017"), QString::fromUtf8(factor->code));
            if (alias)
                info.insert(QStringLiteral("nonStandardName"), true);
            field.insert(QStringLiteral("factor"), info);
        } else {
            field.insert(QStringLiteral("unknownCode"), true);
        }
    } else if (const JhHj212Codes::PlainField *plain = JhHj212Codes::plainField(name)) {
        field.insert(QStringLiteral("fieldName"), QString::fromUtf8(plain->english));
    }
    switch (JhHj212Codes::valueKind(name)) {
    case JhHj212Codes::ValueKind::Number:
    case JhHj212Codes::ValueKind::Integer: {
        double number = 0;
        if (JhHj212Packet::toDouble(value, &number))
            field.insert(QStringLiteral("number"), number);
        break;
    }
    case JhHj212Codes::ValueKind::DataFlag:
        if (const JhHj212Codes::DataFlag *flag = JhHj212Codes::dataFlag(value, version2005))
            field.insert(QStringLiteral("meaning"), QString::fromUtf8(flag->english));
        else
            field.insert(QStringLiteral("unknownFlag"), true);
        break;
    case JhHj212Codes::ValueKind::Time:
    case JhHj212Codes::ValueKind::Text:
        if (value.size() >= 4 && value.substr(0, 2) == "//")
            field.insert(QStringLiteral("log"), text(JhHj212Packet::logText(value)));
        break;
    }
    return field;
}

QJsonObject packetJson(const JhHj212Packet &packet)
{
    QJsonObject object;
    QJsonObject header;
    QJsonArray order;
    for (int i = 0; i < packet.headerCount(); ++i) {
        const JhHj212Packet::HeaderField field = packet.headerAt(i);
        const QString name = QString::fromLatin1(JhHj212Packet::headerName(field));
        header.insert(name, text(packet.header(field)));
        order.append(name);
    }
    object.insert(QStringLiteral("header"), header);
    object.insert(QStringLiteral("headerOrder"), order);
    object.insert(QStringLiteral("version"), versionName(packet.version()));
    object.insert(QStringLiteral("replyRequested"), packet.replyRequested());
    object.insert(QStringLiteral("split"), packet.isSplit());

    QJsonObject system{{QStringLiteral("code"), text(packet.st())}};
    if (const JhHj212Codes::System *entry = JhHj212Codes::system(packet.st())) {
        system.insert(QStringLiteral("name"), QString::fromUtf8(entry->english));
        system.insert(QStringLiteral("nameZh"), QString::fromUtf8(entry->chinese));
    } else {
        system.insert(QStringLiteral("unknown"), true);
    }
    object.insert(QStringLiteral("system"), system);
    QJsonObject command{{QStringLiteral("code"), packet.command()}};
    if (const JhHj212Codes::Command *entry = JhHj212Codes::command(packet.command())) {
        command.insert(QStringLiteral("name"), QString::fromUtf8(entry->english));
        command.insert(QStringLiteral("nameZh"), QString::fromUtf8(entry->chinese));
        command.insert(QStringLiteral("direction"), QString::fromUtf8(entry->direction));
        command.insert(QStringLiteral("origin"), originName(entry->origin));
    } else {
        command.insert(QStringLiteral("unknown"), true);
    }
    object.insert(QStringLiteral("command"), command);

    const bool version2005 = packet.version() == JhHj212Packet::Version::Hj212_2005;
    QJsonArray groups;
    for (int group = 0; group < packet.groupCount(); ++group) {
        QJsonArray fields;
        for (int index = 0; index < packet.fieldCount(group); ++index)
            fields.append(
                fieldJson(packet.fieldName(group, index), packet.fieldValue(group, index), version2005));
        groups.append(fields);
    }
    object.insert(QStringLiteral("cp"), groups);
    return object;
}

QJsonObject errorJson(const JhHj212Error &error)
{
    QJsonObject object;
    object.insert(QStringLiteral("rule"), error.rule());
    object.insert(QStringLiteral("message"), error.message());
    object.insert(QStringLiteral("offset"), error.offset());
    if (error.code() == JhHj212Error::BadCrc)
        object.insert(QStringLiteral("modbusMatch"), error.modbusMatch());
    return object;
}

struct Printer
{
    QTextStream out{stdout};
    bool anyRejected = false;

    void print(QJsonObject record, const JhHj212Packet &packet, const JhHj212Error &error)
    {
        if (error.isOk()) {
            record.insert(QStringLiteral("verdict"), QStringLiteral("ok"));
            const QJsonObject content = packetJson(packet);
            for (auto it = content.begin(); it != content.end(); ++it)
                record.insert(it.key(), it.value());
            const QStringList tolerances = JhHj212Options::toleranceNames(packet.tolerancesUsed());
            record.insert(QStringLiteral("tolerancesUsed"), QJsonArray::fromStringList(tolerances));
        } else {
            anyRejected = true;
            record.insert(QStringLiteral("verdict"), QStringLiteral("error"));
            record.insert(QStringLiteral("error"), errorJson(error));
        }
        out << QString::fromUtf8(QJsonDocument(record).toJson(QJsonDocument::Compact)) << '\n';
    }
};

} // namespace

int runDecodeCommand(const QStringList &arguments)
{
    QTextStream err(stderr);
    bool stream = false;
    JhHj212Options options;
    QString path;
    for (int i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments[i];
        if (argument == QLatin1String("--help") || argument == QLatin1String("-h")) {
            QTextStream(stdout) << USAGE;
            return 0;
        }
        if (argument == QLatin1String("--stream")) {
            stream = true;
        } else if (argument == QLatin1String("--lenient") && i + 1 < arguments.size()) {
            QString bad;
            if (!JhHj212Options::parseTolerances(arguments[++i], &options.tolerances, &bad)) {
                err << "jianghai-envstd decode: unknown tolerance '" << bad << "'\n" << USAGE;
                return 2;
            }
        } else if (argument == QLatin1String("--max-length") && i + 1 < arguments.size()) {
            bool ok = false;
            options.maxDataLength = arguments[++i].toInt(&ok);
            if (!ok || options.maxDataLength < 0 || options.maxDataLength > 9999) {
                err << "jianghai-envstd decode: --max-length takes 0..9999\n";
                return 2;
            }
        } else if (argument.startsWith(QLatin1String("--")) || !path.isEmpty()) {
            err << "jianghai-envstd decode: unexpected argument '" << argument << "'\n" << USAGE;
            return 2;
        } else {
            path = argument;
        }
    }
    QFile file;
    if (path.isEmpty() || path == QLatin1String("-")) {
        if (!file.open(stdin, QIODevice::ReadOnly)) {
            err << "jianghai-envstd decode: cannot read standard input\n";
            return 2;
        }
    } else {
        file.setFileName(path);
        if (!file.open(QIODevice::ReadOnly)) {
            err << "jianghai-envstd decode: cannot open " << path << ": " << file.errorString() << '\n';
            return 2;
        }
    }

    Printer printer;
    JhHj212Packet packet;
    if (stream) {
        JhHj212Framer framer(options);
        JhHj212Error error;
        auto emitAll = [&] {
            while (framer.next(packet, error))
                printer.print(QJsonObject{{QStringLiteral("streamOffset"), double(error.streamOffset())}},
                              packet, error);
        };
        for (;;) {
            const QByteArray chunk = file.read(65536);
            if (chunk.isEmpty())
                break;
            framer.append(chunk);
            emitAll();
        }
        while (framer.finish(error))
            printer.print(QJsonObject{{QStringLiteral("streamOffset"), double(error.streamOffset())}}, packet,
                          error);
    } else {
        const JhHj212Parser parser(options);
        int lineNumber = 0;
        while (!file.atEnd()) {
            QByteArray line = file.readLine();
            ++lineNumber;
            while (line.endsWith('\n') || line.endsWith('\r'))
                line.chop(1);
            if (line.trimmed().isEmpty() || (line.startsWith('#') && !line.startsWith("##")))
                continue;
            const int tab = line.lastIndexOf('\t');
            if (tab >= 0)
                line = line.mid(tab + 1);
            line += "\r\n";
            const JhHj212Error error = parser.parse(line, packet);
            QJsonObject record{{QStringLiteral("line"), lineNumber}};
            if (!error.isOk()) // the engineer sees what was judged, next to the offset
                record.insert(QStringLiteral("packet"), QString::fromUtf8(line.left(line.size() - 2)));
            printer.print(record, packet, error);
        }
    }
    printer.out.flush();
    return printer.anyRejected ? 1 : 0;
}
