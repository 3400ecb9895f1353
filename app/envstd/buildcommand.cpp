// 'build': makes HJ 212 packets from JSON (the shape 'decode' prints), computing length and CRC.
#include "jhenvstdcommands.h"

#include "jhhj212builder.h"
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
    "Usage: jianghai-envstd build [--lowercase-crc] [--plus6] [--modbus-crc] [--no-check] [FILE|-]\n"
    "\n"
    "Reads JSON packets (one document, an array of them, or one object per line) and writes each as an\n"
    "HJ 212 packet line (length and CRC computed, CR LF ended). A packet is\n"
    "  {\"header\": {\"QN\": \"20160801085857223\", \"ST\": \"32\", \"CN\": \"1062\", \"PW\": \"100000\",\n"
    "              \"MN\": \"010000A8900016F000169DC0\", \"Flag\": 5},\n"
    "   \"headerOrder\": [\"QN\", \"ST\", ...]            (optional; default QN ST CN PW MN Flag PNUM PNO)\n"
    "   \"cp\": [[{\"name\": \"RtdInterval\", \"value\": \"30\"}], [[\"a34004-Avg\", \"12.5\"], ...]]}\n"
    "cp is a list of groups (';'), each a list of fields (','): {\"name\",\"value\"} objects or [name, "
    "value]\n"
    "pairs. Give values as strings to keep their exact text (\"1.230\" stays 1.230). The output of 'decode'\n"
    "is accepted as input.\n"
    "\n"
    "  --lowercase-crc, --plus6, --modbus-crc   write a deliberately deviating packet (to test a receiver)\n"
    "  --no-check         do not re-parse the result (by default a packet that would be rejected is an "
    "error)\n"
    "\n"
    "Exit code: 0 all built, 1 some input could not be built or is not a valid packet, 2 usage error.\n";

QByteArray valueText(const QJsonValue &value, bool *ok)
{
    *ok = true;
    if (value.isString())
        return value.toString().toUtf8();
    if (value.isDouble()) {
        const double number = value.toDouble();
        if (number == double(qint64(number)))
            return QByteArray::number(qint64(number));
        return QByteArray::number(number, 'g', 15);
    }
    *ok = false;
    return QByteArray();
}

std::string_view view(const QByteArray &bytes)
{
    return std::string_view(bytes.constData(), std::size_t(bytes.size()));
}

bool addField(JhHj212Packet &packet, const QJsonValue &field, QString *problem)
{
    QJsonValue name;
    QJsonValue value;
    if (field.isObject()) {
        name = field.toObject().value(QStringLiteral("name"));
        value = field.toObject().value(QStringLiteral("value"));
    } else if (field.isArray() && field.toArray().size() == 2) {
        name = field.toArray().at(0);
        value = field.toArray().at(1);
    }
    bool nameOk = name.isString();
    bool valueOk = false;
    const QByteArray valueBytes = valueText(value, &valueOk);
    if (!nameOk || !valueOk) {
        *problem = QStringLiteral("a CP field must be {\"name\": ..., \"value\": ...} or [name, value]");
        return false;
    }
    packet.addField(view(name.toString().toUtf8()), view(valueBytes));
    return true;
}

bool toPacket(const QJsonObject &object, JhHj212Packet &packet, QString *problem)
{
    const QJsonValue headerValue = object.value(QStringLiteral("header"));
    QVector<QPair<QString, QJsonValue>> header;
    if (headerValue.isObject()) {
        const QJsonObject fields = headerValue.toObject();
        QStringList order;
        const QJsonArray orderArray = object.value(QStringLiteral("headerOrder")).toArray();
        for (const QJsonValue &name : orderArray)
            order << name.toString();
        if (order.isEmpty()) {
            for (int field = 0; field < JhHj212Packet::HeaderFieldCount; ++field)
                order << QString::fromLatin1(JhHj212Packet::headerName(JhHj212Packet::HeaderField(field)));
        }
        for (const QString &name : qAsConst(order)) {
            if (fields.contains(name))
                header.append({name, fields.value(name)});
        }
        for (auto it = fields.begin(); it != fields.end(); ++it) {
            if (!order.contains(it.key()))
                header.append({it.key(), it.value()});
        }
    } else if (headerValue.isArray()) {
        const QJsonArray fields = headerValue.toArray();
        for (const QJsonValue &field : fields) {
            if (field.isArray() && field.toArray().size() == 2)
                header.append({field.toArray().at(0).toString(), field.toArray().at(1)});
            else if (field.isObject())
                header.append({field.toObject().value(QStringLiteral("name")).toString(),
                               field.toObject().value(QStringLiteral("value"))});
        }
    } else {
        *problem = QStringLiteral("\"header\" must be an object or an array of [name, value]");
        return false;
    }
    for (const auto &entry : qAsConst(header)) {
        const QByteArray name = entry.first.toLatin1();
        const JhHj212Packet::HeaderField field = JhHj212Packet::headerFieldFromName(view(name));
        if (field == JhHj212Packet::HeaderFieldCount) {
            *problem =
                QStringLiteral("unknown header field '%1' (QN ST CN PW MN Flag PNUM PNO)").arg(entry.first);
            return false;
        }
        bool ok = false;
        const QByteArray value = valueText(entry.second, &ok);
        if (!ok) {
            *problem = QStringLiteral("header field %1 needs a string or number value").arg(entry.first);
            return false;
        }
        packet.setHeader(field, view(value));
    }
    const QJsonValue cp = object.value(QStringLiteral("cp"));
    if (!cp.isUndefined() && !cp.isArray()) {
        *problem = QStringLiteral("\"cp\" must be an array of groups");
        return false;
    }
    const QJsonArray groups = cp.toArray();
    for (const QJsonValue &group : groups) {
        packet.addGroup();
        if (group.isArray()) {
            const QJsonArray fields = group.toArray();
            for (const QJsonValue &field : fields) {
                if (!addField(packet, field, problem))
                    return false;
            }
        } else if (group.isObject()) {
            const QJsonObject fields = group.toObject();
            for (auto it = fields.begin(); it != fields.end(); ++it) {
                if (!addField(packet, QJsonArray{it.key(), it.value()}, problem))
                    return false;
            }
        } else {
            *problem = QStringLiteral("a CP group must be an array of fields");
            return false;
        }
    }
    return true;
}

} // namespace

int runBuildCommand(const QStringList &arguments)
{
    QTextStream err(stderr);
    JhHj212Builder::Quirks quirks;
    bool check = true;
    QString path;
    for (const QString &argument : arguments) {
        if (argument == QLatin1String("--help") || argument == QLatin1String("-h")) {
            QTextStream(stdout) << USAGE;
            return 0;
        }
        if (argument == QLatin1String("--lowercase-crc"))
            quirks.lowerCaseCrc = true;
        else if (argument == QLatin1String("--plus6"))
            quirks.lengthPlus6 = true;
        else if (argument == QLatin1String("--modbus-crc"))
            quirks.modbusCrc = true;
        else if (argument == QLatin1String("--no-check"))
            check = false;
        else if (argument.startsWith(QLatin1String("--")) || !path.isEmpty()) {
            err << "jianghai-envstd build: unexpected argument '" << argument << "'\n" << USAGE;
            return 2;
        } else {
            path = argument;
        }
    }
    QFile file;
    const bool useStdin = path.isEmpty() || path == QLatin1String("-");
    if (useStdin ? !file.open(stdin, QIODevice::ReadOnly)
                 : (file.setFileName(path), !file.open(QIODevice::ReadOnly))) {
        err << "jianghai-envstd build: cannot read " << (useStdin ? QStringLiteral("standard input") : path)
            << '\n';
        return 2;
    }
    const QByteArray input = file.readAll();

    // One document (object or array), else one object per line.
    QVector<QPair<int, QJsonObject>> objects;
    QJsonParseError parseError;
    const QJsonDocument whole = QJsonDocument::fromJson(input, &parseError);
    if (parseError.error == QJsonParseError::NoError && whole.isObject()) {
        objects.append({1, whole.object()});
    } else if (parseError.error == QJsonParseError::NoError && whole.isArray()) {
        const QJsonArray array = whole.array();
        for (int i = 0; i < array.size(); ++i)
            objects.append({i + 1, array.at(i).toObject()});
    } else {
        const QList<QByteArray> lines = input.split('\n');
        for (int i = 0; i < lines.size(); ++i) {
            if (lines[i].trimmed().isEmpty())
                continue;
            const QJsonDocument line = QJsonDocument::fromJson(lines[i], &parseError);
            if (parseError.error != QJsonParseError::NoError || !line.isObject()) {
                err << "jianghai-envstd build: line " << i + 1 << ": not a JSON object ("
                    << parseError.errorString() << ")\n";
                return 2;
            }
            objects.append({i + 1, line.object()});
        }
    }

    int tolerances = 0;
    if (quirks.lengthPlus6)
        tolerances |= JhHj212Options::LengthPlus6;
    JhHj212Options options;
    options.tolerances = tolerances;
    const JhHj212Parser parser(options);
    QTextStream out(stdout);
    bool failed = false;
    for (const auto &entry : qAsConst(objects)) {
        JhHj212Packet packet;
        QString problem;
        if (!toPacket(entry.second, packet, &problem)) {
            err << "jianghai-envstd build: packet " << entry.first << ": " << problem << '\n';
            failed = true;
            continue;
        }
        const QByteArray bytes = JhHj212Builder::build(packet, quirks);
        if (check && !quirks.modbusCrc) {
            JhHj212Packet back;
            const JhHj212Error error = parser.parse(bytes, back);
            if (!error.isOk()) {
                err << "jianghai-envstd build: packet " << entry.first
                    << " would be rejected: " << error.message() << '\n';
                failed = true;
                continue;
            }
        }
        out << QString::fromUtf8(bytes);
    }
    out.flush();
    return failed ? 1 : 0;
}
