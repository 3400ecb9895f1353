// Shared helpers for the HJ 212 tests: an independent bit-by-bit CRC, packet wrapping, the vectors,
// and a seeded generator of random valid packets.
#pragma once

#include "jhhj212codes.h"
#include "jhhj212packet.h"

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QRandomGenerator>
#include <QString>
#include <QVector>

#include <algorithm>
#include <cstring>

namespace Hj212Test {

// Appendix A, written from the standard's step list (independent of the table-driven implementation).
inline quint16 referenceCrc(const QByteArray &data)
{
    quint16 reg = 0xFFFF;
    for (char c : data) {
        reg = quint16((reg >> 8) ^ static_cast<quint8>(c));
        for (int i = 0; i < 8; ++i) {
            const bool lsb = reg & 1;
            reg >>= 1;
            if (lsb)
                reg ^= 0xA001;
        }
    }
    return reg;
}

inline quint16 referenceModbus(const QByteArray &data)
{
    quint16 reg = 0xFFFF;
    for (char c : data) {
        reg ^= static_cast<quint8>(c);
        for (int i = 0; i < 8; ++i) {
            const bool lsb = reg & 1;
            reg >>= 1;
            if (lsb)
                reg ^= 0xA001;
        }
    }
    return reg;
}

//! "##" + length + data + CRC + CR LF, computed independently of the code under test.
inline QByteArray wrap(const QByteArray &data, int lengthDelta = 0, const char *terminator = "\r\n")
{
    return "##" + QByteArray::number(data.size() + lengthDelta).rightJustified(4, '0') + data +
           QByteArray::number(referenceCrc(data), 16).rightJustified(4, '0').toUpper() + terminator;
}

struct Vector
{
    QString expect;
    QString source;
    QByteArray packet; // without CR LF
};

inline QVector<Vector> loadVectors()
{
    QVector<Vector> vectors;
    QFile file(QStringLiteral(JH_TEST_DATA_DIR "/hj212/vectors.tsv"));
    if (!file.open(QIODevice::ReadOnly))
        return vectors;
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const QList<QByteArray> parts = line.split('\t');
        if (parts.size() != 3)
            continue;
        vectors.append({QString::fromUtf8(parts[0]), QString::fromUtf8(parts[1]), parts[2]});
    }
    return vectors;
}

inline std::string_view view(const QByteArray &bytes)
{
    return std::string_view(bytes.constData(), std::size_t(bytes.size()));
}

//! Seeded random packets over the code tables: both versions, all STs/CNs, 0-5 groups, every suffix.
class Generator
{
public:
    explicit Generator(quint32 seed) : mRandom(seed) {}

    int below(int n) { return int(mRandom.bounded(quint32(n))); }

    QByteArray digits(int count)
    {
        QByteArray text;
        for (int i = 0; i < count; ++i)
            text += char('0' + below(10));
        return text;
    }

    QByteArray number()
    {
        QByteArray text;
        if (below(5) == 0)
            text += '-';
        text += QByteArray::number(below(100000));
        if (below(2))
            text += '.' + digits(1 + below(4));
        return text;
    }

    QByteArray text()
    {
        static const char ALPHABET[] =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 .:_-+/";
        QByteArray result;
        const int length = below(12);
        for (int i = 0; i < length; ++i)
            result += ALPHABET[below(int(sizeof ALPHABET) - 1)];
        if (result.startsWith("//"))
            result[0] = 'x';
        return result;
    }

    QByteArray logText()
    {
        static const char *const PIECES[] = {"清洗管路", "校准完成", "; ",       ",",
                                             "a=b",      "pump 2",   "温度=45℃", "&&"};
        QByteArray result = "//";
        const int count = 1 + below(4);
        for (int i = 0; i < count; ++i)
            result += PIECES[below(int(std::size(PIECES)))];
        result += "end//";
        return result;
    }

    QByteArray valueFor(JhHj212Codes::ValueKind kind, bool version2005)
    {
        switch (kind) {
        case JhHj212Codes::ValueKind::Number:
            return number();
        case JhHj212Codes::ValueKind::Integer:
            return QByteArray::number(below(1000));
        case JhHj212Codes::ValueKind::Time:
            return "20" + digits(version2005 && below(2) ? 15 : 12);
        case JhHj212Codes::ValueKind::DataFlag: {
            const int count = JhHj212Codes::dataFlagCount();
            for (;;) {
                const JhHj212Codes::DataFlag &flag = JhHj212Codes::dataFlagAt(below(count));
                if (version2005 ? flag.in2005 : flag.in2017)
                    return QByteArray(1, flag.flag);
            }
        }
        case JhHj212Codes::ValueKind::Text:
            return below(4) == 0 ? logText() : text();
        }
        return QByteArray();
    }

    QByteArray factorCode(bool version2005)
    {
        for (;;) {
            const JhHj212Codes::Pollutant &entry =
                JhHj212Codes::pollutantAt(below(JhHj212Codes::pollutantCount()));
            if (!version2005)
                return entry.code;
            if (entry.oldCode[0] != '\0')
                return entry.oldCode;
        }
    }

    //! A random valid packet; its data segment stays under maxData bytes.
    JhHj212Packet packet(int maxData = 1024)
    {
        for (;;) {
            JhHj212Packet result = attempt();
            int length = 0;
            for (int i = 0; i < result.headerCount(); ++i)
                length += int(std::strlen(JhHj212Packet::headerName(result.headerAt(i)))) + 2 +
                          int(result.header(result.headerAt(i)).size());
            length += 7;
            for (int i = 0; i < result.totalFieldCount(); ++i)
                length += int(result.fieldNameAt(i).size() + result.fieldValueAt(i).size()) + 2;
            if (length <= maxData)
                return result;
        }
    }

private:
    JhHj212Packet attempt()
    {
        const bool version2005 = below(3) == 0;
        JhHj212Packet packet;
        QVector<JhHj212Packet::HeaderField> order;
        QVector<QByteArray> values(JhHj212Packet::HeaderFieldCount);
        const JhHj212Codes::System &system = JhHj212Codes::systemAt(below(JhHj212Codes::systemCount()));
        const JhHj212Codes::Command &command = JhHj212Codes::commandAt(below(JhHj212Codes::commandCount()));
        values[JhHj212Packet::St] = system.code;
        values[JhHj212Packet::Cn] = QByteArray::number(command.code);
        values[JhHj212Packet::Pw] = below(4) == 0 ? QByteArray("BF470F88957588DE902D1A52") : digits(6);
        values[JhHj212Packet::Mn] = version2005 ? "LD" + digits(12) : "010000A89" + digits(15);
        int flag = -1;
        if (!version2005 || below(2)) {
            const int versionBits = version2005 ? 0 : (below(5) == 0 ? 8 : 4);
            flag = versionBits | below(4);
            values[JhHj212Packet::Flag] = QByteArray::number(flag);
        }
        if (!version2005 || below(2))
            values[JhHj212Packet::Qn] = "2026" + digits(13);
        if (flag >= 0 && (flag & 2)) {
            const int total = 1 + below(9);
            values[JhHj212Packet::Pnum] = QByteArray::number(total);
            values[JhHj212Packet::Pno] = QByteArray::number(1 + below(total));
        }
        for (int field = 0; field < JhHj212Packet::HeaderFieldCount; ++field) {
            if (!values[field].isNull())
                order.append(JhHj212Packet::HeaderField(field));
        }
        if (below(4) == 0) {
            // Devices vary the order; any order must parse.
            for (int i = order.size() - 1; i > 0; --i)
                std::swap(order[i], order[below(i + 1)]);
        }
        for (JhHj212Packet::HeaderField field : order)
            packet.setHeader(field, view(values[field]));

        const int groups = below(6);
        for (int group = 0; group < groups; ++group) {
            packet.addGroup();
            const int fields = 1 + below(5);
            for (int i = 0; i < fields; ++i) {
                QByteArray name;
                JhHj212Codes::ValueKind kind;
                if (below(4) == 0) {
                    static const char *const PLAIN[] = {"DataTime",  "QnRtn",       "ExeRtn", "PolId",
                                                        "BeginTime", "RtdInterval", "NewPW",  "InfoId"};
                    name = PLAIN[below(int(std::size(PLAIN)))];
                    kind = JhHj212Codes::plainField(view(name))->kind;
                } else {
                    const JhHj212Codes::Suffix &suffix =
                        JhHj212Codes::suffixAt(below(JhHj212Codes::suffixCount()));
                    name = factorCode(version2005) + '-' + suffix.name;
                    kind = suffix.kind;
                }
                const QByteArray value = valueFor(kind, version2005);
                packet.addField(view(name), view(value));
            }
        }
        return packet;
    }

    QRandomGenerator mRandom;
};

} // namespace Hj212Test
