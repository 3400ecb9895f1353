// Parsing of the simulation event script.
#include "jhsimscript.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

bool JhSimScript::fail(Error error, const QString &message)
{
    mError = error;
    mErrorMessage = message;
    return false;
}

bool JhSimScript::load(const QString &path, const QDateTime &simulationStart)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(Error::FileNotReadable,
                    QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    return loadFromData(file.readAll(), simulationStart);
}

bool JhSimScript::loadFromData(const QByteArray &data, const QDateTime &simulationStart)
{
    mEvents.clear();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (!document.isObject())
        return fail(Error::NotJson,
                    QStringLiteral("script is not a JSON object: %1").arg(parseError.errorString()));
    const QJsonArray events = document.object().value(QStringLiteral("events")).toArray();
    int index = 0;
    for (const QJsonValue &value : events) {
        const QJsonObject object = value.toObject();
        JhSimEvent event;
        const QString type = object.value(QStringLiteral("type")).toString();
        if (type == QLatin1String("exceedance"))
            event.type = JhSimEvent::Type::Exceedance;
        else if (type == QLatin1String("offline"))
            event.type = JhSimEvent::Type::Offline;
        else if (type == QLatin1String("fault"))
            event.type = JhSimEvent::Type::Fault;
        else if (type == QLatin1String("stuck"))
            event.type = JhSimEvent::Type::Stuck;
        else
            return fail(Error::InvalidEvent,
                        QStringLiteral("event %1: unknown type '%2'").arg(index).arg(type));
        event.siteId = object.value(QStringLiteral("site")).toString();
        event.factorCode = object.value(QStringLiteral("factor")).toString();
        event.value = object.value(QStringLiteral("value")).toDouble();
        event.flag = object.value(QStringLiteral("flag")).toString(QStringLiteral("D"));
        event.durationSeconds = qint64(object.value(QStringLiteral("minutes")).toDouble(60) * 60);
        if (object.contains(QStringLiteral("at")))
            event.start =
                QDateTime::fromString(object.value(QStringLiteral("at")).toString(), Qt::ISODate).toUTC();
        else
            event.start =
                simulationStart.addSecs(qint64(object.value(QStringLiteral("afterMinutes")).toDouble() * 60));
        if (event.siteId.isEmpty() || !event.start.isValid())
            return fail(Error::InvalidEvent,
                        QStringLiteral("event %1: needs a site and a valid time").arg(index));
        if ((event.type == JhSimEvent::Type::Exceedance || event.type == JhSimEvent::Type::Stuck) &&
            event.factorCode.isEmpty())
            return fail(Error::InvalidEvent, QStringLiteral("event %1: needs a factor").arg(index));
        mEvents.append(event);
        ++index;
    }
    return true;
}
