// Which objects of the folded state a batch of events changed: what a UI needs to refresh.
#pragma once

#include "jhevent.h"

#include <QJsonArray>
#include <QList>
#include <QMetaType>
#include <QSet>
#include <QString>

//! One signal per batch, not per event: the ids of every alarm, incident, task, depot and team touched,
//! and the events themselves in order (for a log panel or a sound on alarm.opened).
struct JhStateChange
{
    QSet<QString> alarmIds;
    QSet<QString> incidentIds;
    QSet<QString> taskIds;
    QSet<QString> depotIds;
    QSet<QString> teamIds;
    QList<JhEvent> events;
    bool replaced = false; //!< the whole state was replaced (snapshot, cache loaded): refresh everything

    bool isEmpty() const { return events.isEmpty() && !replaced; }

    //! Notes the objects \a event names in its payload (alarmId, incidentId, …, alarmIds).
    void note(const JhEvent &event)
    {
        events.append(event);
        const QJsonObject &p = event.payload;
        auto take = [&p](QSet<QString> &set, const char *key) {
            const QString id = p.value(QLatin1String(key)).toString();
            if (!id.isEmpty())
                set.insert(id);
        };
        take(alarmIds, "alarmId");
        take(incidentIds, "incidentId");
        take(taskIds, "taskId");
        take(depotIds, "depotId");
        take(teamIds, "teamId");
        const QJsonArray linked = p.value(QLatin1String("alarmIds")).toArray();
        for (const QJsonValue &id : linked)
            if (!id.toString().isEmpty())
                alarmIds.insert(id.toString());
    }
    void merge(const JhStateChange &other)
    {
        alarmIds.unite(other.alarmIds);
        incidentIds.unite(other.incidentIds);
        taskIds.unite(other.taskIds);
        depotIds.unite(other.depotIds);
        teamIds.unite(other.teamIds);
        events.append(other.events);
        replaced = replaced || other.replaced;
    }
};
Q_DECLARE_METATYPE(JhStateChange)
