// HJ 212 packet -> observations / attributes, and the table of what the server does per command.
#include "jhhj212observationmapper.h"

#include "jhhj212codes.h"
#include "jhhj212packet.h"
#include "jhhj212replies.h"

#include <QHash>

namespace {
struct CommandHandling
{
    int command;
    JhHj212ObservationMapper::Handling handling;
};
using H = JhHj212ObservationMapper::Handling;
// The one table of commands the ingest server acts on (HJ 212-2017 Table 9 and 2005 extras).
const CommandHandling sHandling[] = {
    {2011, H::Observations}, {2051, H::Observations}, {2061, H::Observations}, {2031, H::Observations},
    {2021, H::Attributes},   {2041, H::Attributes},   {2081, H::Attributes},   {3020, H::Attributes},
    {1011, H::Attributes},   {1061, H::Attributes},   {1063, H::Attributes},   {3015, H::Attributes},
    {3017, H::Attributes},   {3018, H::Attributes},   {3019, H::Attributes},   {2071, H::Attributes},
    {2072, H::Attributes},   {2073, H::Attributes},   {1013, H::Request},      {8013, H::Heartbeat},
    {9015, H::Heartbeat},    {9011, H::LoggerReply},  {9012, H::LoggerReply},  {9013, H::LoggerReply},
    {9014, H::LoggerReply},
};

QString text(std::string_view view)
{
    return QString::fromUtf8(view.data(), int(view.size()));
}

// Factor codes and flags repeat in every packet: share one QString per distinct text instead of
// allocating one per observation (the ingest hot path). Bounded so hostile names cannot grow it.
const QString &interned(std::string_view view)
{
    thread_local QHash<QByteArray, QString> table;
    const QByteArray key = QByteArray::fromRawData(view.data(), int(view.size()));
    auto it = table.constFind(key);
    if (it != table.constEnd())
        return it.value();
    if (table.size() > 4096)
        table.clear();
    return table.insert(QByteArray(view.data(), int(view.size())), text(view)).value();
}
} // namespace

JhHj212ObservationMapper::Handling JhHj212ObservationMapper::handling(int command)
{
    for (const CommandHandling &entry : sHandling)
        if (entry.command == command)
            return entry.handling;
    return Handling::Unsupported;
}

JhIntervalKind JhHj212ObservationMapper::interval(int command)
{
    switch (command) {
    case 2051:
        return JhIntervalKind::Minute;
    case 2061:
        return JhIntervalKind::Hour;
    case 2031:
        return JhIntervalKind::Day;
    default:
        return JhIntervalKind::Realtime;
    }
}

QDateTime JhHj212ObservationMapper::beijingTimeToUtc(std::string_view value)
{
    if (value.size() < 14)
        return QDateTime();
    int digits[14];
    for (int i = 0; i < 14; ++i) {
        if (value[std::size_t(i)] < '0' || value[std::size_t(i)] > '9')
            return QDateTime();
        digits[i] = value[std::size_t(i)] - '0';
    }
    const QDate date(digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3],
                     digits[4] * 10 + digits[5], digits[6] * 10 + digits[7]);
    const QTime time(digits[8] * 10 + digits[9], digits[10] * 10 + digits[11], digits[12] * 10 + digits[13]);
    if (!date.isValid() || !time.isValid())
        return QDateTime();
    return QDateTime(date, time, Qt::UTC).addSecs(-8 * 3600);
}

QString JhHj212ObservationMapper::factorCode(std::string_view code, bool version2005)
{
    if (version2005) {
        if (const JhHj212Codes::Pollutant *pollutant = JhHj212Codes::pollutantFor2005(code))
            return interned(pollutant->code);
    }
    if (!JhHj212Codes::pollutant(code))
        if (const JhHj212Codes::Alias *alias = JhHj212Codes::alias(code))
            return interned(alias->code);
    return interned(code);
}

JhHj212ObservationMapper::Result JhHj212ObservationMapper::map(const JhHj212Packet &packet,
                                                               JhObservationBatch &batch)
{
    Result result;
    const int command = packet.command();
    const Handling how = handling(command);
    const bool version2005 = JhHj212Replies::is2005Peer(packet);
    QDateTime dataTime;
    bool found = false;
    const std::string_view time = packet.value("DataTime", &found);
    if (found)
        dataTime = beijingTimeToUtc(time);
    if (!dataTime.isValid())
        dataTime = QDateTime::fromMSecsSinceEpoch(batch.receivedMs, Qt::UTC);

    if (how != Handling::Observations) {
        for (int i = 0; i < packet.totalFieldCount(); ++i) {
            const std::string_view name = packet.fieldNameAt(i);
            if (name == "DataTime")
                continue;
            batch.attributes.append(JhIngestAttribute{dataTime, text(name), text(packet.fieldValueAt(i))});
        }
        return result;
    }

    // One observation per factor: the value field the interval calls for, the -Flag beside it.
    const bool realtime = command == 2011;
    const JhIntervalKind kind = interval(command);
    for (int group = 0; group < packet.groupCount(); ++group) {
        for (int i = 0; i < packet.fieldCount(group); ++i) {
            const std::string_view name = packet.fieldName(group, i);
            if (name == "DataTime") {
                const QDateTime groupTime = beijingTimeToUtc(packet.fieldValue(group, i));
                if (groupTime.isValid())
                    dataTime = groupTime;
                continue;
            }
            const std::string_view suffix = JhHj212Packet::suffixOf(name);
            const bool isValue =
                realtime ? suffix == "Rtd" : (suffix == "Avg" || suffix == "Rtd" || suffix == "Cou");
            const bool isFlag = suffix == "Flag";
            if (!isValue && !isFlag)
                continue;
            const QString code = factorCode(JhHj212Packet::codeOf(name), version2005);
            int index = -1;
            for (int known = 0; known < batch.observations.size() && index < 0; ++known)
                if (batch.observations[known].factorCode == code)
                    index = known;
            if (index < 0) {
                JhObservation observation;
                observation.siteId = batch.siteId;
                observation.factorCode = code;
                observation.dataTime = dataTime;
                observation.interval = kind;
                observation.value = qQNaN();
                index = batch.observations.size();
                batch.observations.append(observation);
            }
            JhObservation &observation = batch.observations[index];
            if (isFlag) {
                observation.flag = interned(packet.fieldValue(group, i));
                continue;
            }
            const std::string_view received = packet.fieldValue(group, i);
            if (received.empty()) {
                // "No value" from the logger: nothing to store for it, but say so (the flag, if any,
                // is filled in below; it may come after the value field).
                result.emptyValues.append(EmptyValue{code, text(name), QString()});
                continue;
            }
            // -Avg wins over -Cou (a flow total) and -Rtd in interval data.
            double value = 0;
            if (!JhHj212Packet::toDouble(received, &value))
                continue;
            if (qIsNaN(observation.value) || suffix == "Avg" || realtime)
                observation.value = value;
        }
    }
    // The factor's -Flag says why there is no value (D fault, M maintenance ...): report it with the gap.
    for (EmptyValue &empty : result.emptyValues) {
        const QByteArray flagName =
            empty.field.left(empty.field.indexOf(QLatin1Char('-'))).toUtf8() + "-Flag";
        bool found = false;
        const std::string_view flag =
            packet.value(std::string_view(flagName.constData(), std::size_t(flagName.size())), &found);
        if (found)
            empty.flag = text(flag);
    }
    // A factor that only had a flag (or an empty value) carries no value: it is not stored. An abnormal
    // flag still goes to the alarm engine (a faulty sensor often sends no value at all).
    for (int i = batch.observations.size() - 1; i >= 0; --i)
        if (qIsNaN(batch.observations[i].value)) {
            const QString &flag = batch.observations[i].flag;
            if (!flag.isEmpty() && flag != QLatin1String("N"))
                batch.flagsWithoutValue.prepend(batch.observations[i]);
            batch.observations.remove(i);
        }
    return result;
}
