// The live map layers (stations, sources, alarms, incidents, depots, teams) fed in place from client state.
#include "jhlivelayers.h"

#include "jhbasemapproject.h"
#include "jhstatechange.h"
#include "jhsyncclient.h"
#include "jhworldstate.h"

#include <QDir>
#include <QFileInfo>
#include <QTimer>

#include <qgsfeature.h>
#include <qgsgeometry.h>
#include <qgslayertree.h>
#include <qgslayertreegroup.h>
#include <qgspallabeling.h>
#include <qgsproject.h>
#include <qgsvectordataprovider.h>
#include <qgsvectorlayer.h>
#include <qgsvectorlayerlabeling.h>

struct JhLiveLayers::Batch
{
    struct Pending
    {
        QgsFeatureList added;
        QList<QString> addedIds;
        QList<QHash<QString, Entry> *> addedEntries;
        QgsChangedAttributesMap changed;
        QgsGeometryMap moved;
        QgsFeatureIds deleted;
    };
    QHash<int, Pending> layers;
};

namespace {

QgsGeometry pointGeometry(double longitude, double latitude)
{
    return QgsGeometry::fromPointXY(QgsPointXY(longitude, latitude));
}

bool closeTo(double a, double b)
{
    return std::abs(a - b) < 1e-9;
}

} // namespace

JhLiveLayers::JhLiveLayers(QgsProject *project, const QString &mapsDirectory, QObject *parent)
    : QObject(parent), mProject(project), mRepaintTimer(new QTimer(this))
{
    mRepaintTimer->setSingleShot(true);
    mRepaintTimer->setInterval(mRepaintInterval);
    connect(mRepaintTimer, &QTimer::timeout, this, &JhLiveLayers::flushRepaint);
    if (mProject)
        connect(mProject, &QObject::destroyed, this, [this]() {
            mProject = nullptr;
            mLayers.clear();
        });
    createLayers(mapsDirectory.isEmpty() ? JhBasemapProject::locateMapsDirectory() : mapsDirectory);
}

JhLiveLayers::~JhLiveLayers()
{
    bind(nullptr);
    if (!mProject)
        return;
    QStringList ids;
    for (const auto &layer : qAsConst(mLayers))
        if (layer)
            ids << layer->id();
    mProject->removeMapLayers(ids);
    if (QgsLayerTreeGroup *node = group())
        mProject->layerTreeRoot()->removeChildNode(node);
}

void JhLiveLayers::createLayers(const QString &mapsDirectory)
{
    if (!mProject)
        return;
    QgsLayerTreeGroup *root = mProject->layerTreeRoot();
    QgsLayerTreeGroup *liveGroup = root->insertGroup(0, groupName());
    const QList<Layer> all = JhSiteAttributes::layers();
    for (Layer which : all) {
        const QString key = JhSiteAttributes::layerKey(which);
        auto *layer = new QgsVectorLayer(QStringLiteral("Point?crs=EPSG:4490&index=yes"),
                                         JhSiteAttributes::layerName(which), QStringLiteral("memory"));
        QList<QgsField> fields;
        const auto attributeFields = JhSiteAttributes::fields(which);
        for (const JhSiteAttributes::Field &field : attributeFields)
            fields << QgsField(field.name, field.type);
        layer->dataProvider()->addAttributes(fields);
        layer->updateFields();
        layer->setCustomProperty(QStringLiteral("jh/live"), key);
        layer->setReadOnly(true); // written by the client state only

        const QString stylePath = QDir(mapsDirectory).filePath(QStringLiteral("styles/%1.qml").arg(key));
        bool loaded = false;
        QString message;
        if (QFileInfo::exists(stylePath))
            message = layer->loadNamedStyle(stylePath, loaded);
        if (!loaded)
            mStyleErrors << QStringLiteral("%1: %2").arg(
                QDir::toNativeSeparators(stylePath), message.isEmpty() ? QStringLiteral("missing") : message);

        if (layer->labelsEnabled() && layer->labeling()) {
            const auto *simpleLabeling =
                dynamic_cast<const QgsVectorLayerSimpleLabeling *>(layer->labeling());
            const QgsPalLayerSettings settings =
                simpleLabeling ? simpleLabeling->settings() : QgsPalLayerSettings();
            mLabelScales.insert(static_cast<int>(which),
                                simpleLabeling && settings.scaleVisibility ? settings.minimumScale : 0.0);
        }

        mProject->addMapLayer(layer, false);
        liveGroup->insertLayer(0, layer); // bottom-to-top list: each next layer goes on top
        mLayers.insert(static_cast<int>(which), layer);
    }
}

QgsLayerTreeGroup *JhLiveLayers::group() const
{
    return mProject ? mProject->layerTreeRoot()->findGroup(groupName()) : nullptr;
}

QgsVectorLayer *JhLiveLayers::layer(Layer which) const
{
    return mLayers.value(static_cast<int>(which)).data();
}

QList<QgsVectorLayer *> JhLiveLayers::layers() const
{
    QList<QgsVectorLayer *> result;
    const QList<Layer> all = JhSiteAttributes::layers();
    for (Layer which : all)
        if (QgsVectorLayer *vector = layer(which))
            result << vector;
    return result;
}

void JhLiveLayers::bind(JhSyncClient *client)
{
    for (const QMetaObject::Connection &connection : qAsConst(mConnections))
        disconnect(connection);
    mConnections.clear();
    mClient = client;
    if (!client)
        return;
    mConnections << connect(client, &JhSyncClient::stateChanged, this, [this](const JhStateChange &change) {
        if (mClient)
            applyStateChange(mClient->state(), mClient->siteStatuses(), change);
    });
    mConnections << connect(client, &JhSyncClient::siteStatusesChanged, this,
                            [this](const QStringList &siteIds, bool full) {
                                if (!mClient)
                                    return;
                                if (full)
                                    apply(mClient->state(), mClient->siteStatuses());
                                else
                                    applySiteStatuses(mClient->state(), mClient->siteStatuses(), siteIds);
                            });
    mConnections << connect(client, &JhSyncClient::cacheLoaded, this, [this]() {
        if (mClient)
            apply(mClient->state(), mClient->siteStatuses());
    });
    apply(client->state(), client->siteStatuses());
}

void JhLiveLayers::apply(const JhWorldState &state, const QHash<QString, JhSiteStatus> &statuses)
{
    const QDateTime time = now();
    Batch batch;
    mAlarmSummaries = JhSiteAttributes::alarmSummaries(state);

    auto removeMissing = [&](QHash<QString, Entry> &entries,
                             const std::function<bool(const QString &)> &keep) {
        QStringList gone;
        for (auto it = entries.constBegin(); it != entries.constEnd(); ++it)
            if (!keep(it.key()))
                gone << it.key();
        for (const QString &id : qAsConst(gone))
            remove(batch, entries, id);
    };

    removeMissing(mSites, [&](const QString &id) { return state.sites().contains(id); });
    for (auto it = state.sites().constBegin(); it != state.sites().constEnd(); ++it)
        updateSite(batch, state, statuses, it.key(), time);

    removeMissing(mAlarms, [&](const QString &id) {
        const JhAlarm *alarm = state.alarm(id);
        return alarm && alarm->isActive();
    });
    for (auto it = state.alarms().constBegin(); it != state.alarms().constEnd(); ++it)
        if (it->isActive())
            updateAlarm(batch, state, it.key(), time);

    removeMissing(mIncidents, [&](const QString &id) {
        const JhIncident *incident = state.incident(id);
        return incident && incident->status != JhIncidentStatus::Closed;
    });
    for (auto it = state.incidents().constBegin(); it != state.incidents().constEnd(); ++it)
        if (it->status != JhIncidentStatus::Closed)
            updateIncident(batch, state, it.key(), time);

    removeMissing(mDepots, [&](const QString &id) { return state.depots().contains(id); });
    for (auto it = state.depots().constBegin(); it != state.depots().constEnd(); ++it)
        updateDepot(batch, state, it.key());

    removeMissing(mTeams, [&](const QString &id) { return state.teams().contains(id); });
    for (auto it = state.teams().constBegin(); it != state.teams().constEnd(); ++it)
        updateTeam(batch, state, it.key());

    commit(batch);
}

void JhLiveLayers::applySiteStatuses(const JhWorldState &state, const QHash<QString, JhSiteStatus> &statuses,
                                     const QStringList &siteIds)
{
    const QDateTime time = now();
    Batch batch;
    for (const QString &id : siteIds)
        updateSite(batch, state, statuses, id, time);
    commit(batch);
}

void JhLiveLayers::applyStateChange(const JhWorldState &state, const QHash<QString, JhSiteStatus> &statuses,
                                    const JhStateChange &change)
{
    if (change.replaced) {
        apply(state, statuses);
        return;
    }
    const QDateTime time = now();
    Batch batch;
    QSet<QString> sites;
    for (const QString &id : change.alarmIds) {
        updateAlarm(batch, state, id, time);
        if (const JhAlarm *alarm = state.alarm(id))
            sites.insert(alarm->siteId);
    }
    if (!sites.isEmpty()) {
        if (sites.size() == 1) {
            const QString siteId = *sites.constBegin();
            const auto summary = JhSiteAttributes::alarmSummary(state, siteId);
            if (summary.active > 0)
                mAlarmSummaries.insert(siteId, summary);
            else
                mAlarmSummaries.remove(siteId);
        } else {
            mAlarmSummaries = JhSiteAttributes::alarmSummaries(state);
        }
        for (const QString &siteId : qAsConst(sites))
            updateSite(batch, state, statuses, siteId, time);
    }
    for (const QString &id : change.incidentIds)
        updateIncident(batch, state, id, time);
    for (const QString &id : change.depotIds)
        updateDepot(batch, state, id);
    QSet<QString> teams = change.teamIds;
    for (const QString &id : change.taskIds)
        if (const JhTask *task = state.task(id))
            teams.insert(task->teamId);
    for (const QString &id : qAsConst(teams))
        updateTeam(batch, state, id);
    commit(batch);
}

void JhLiveLayers::updateSite(Batch &batch, const JhWorldState &state,
                              const QHash<QString, JhSiteStatus> &statuses, const QString &siteId,
                              const QDateTime &time)
{
    const JhSite *site = state.site(siteId);
    if (!site) {
        remove(batch, mSites, siteId);
        return;
    }
    const auto statusIt = statuses.constFind(siteId);
    const JhSiteStatus *status = statusIt == statuses.constEnd() ? nullptr : &statusIt.value();
    const auto summaryIt = mAlarmSummaries.constFind(siteId);
    const JhSiteAttributes::AlarmSummary *summary =
        summaryIt == mAlarmSummaries.constEnd() ? nullptr : &summaryIt.value();
    upsert(batch, mSites, JhSiteAttributes::layerForKind(site->kind), siteId,
           JhSiteAttributes::siteValues(*site, status, summary, time), site->longitude, site->latitude);
}

void JhLiveLayers::updateAlarm(Batch &batch, const JhWorldState &state, const QString &alarmId,
                               const QDateTime &time)
{
    const JhAlarm *alarm = state.alarm(alarmId);
    const JhSite *site = alarm ? state.site(alarm->siteId) : nullptr;
    if (!alarm || !alarm->isActive() || !site) {
        remove(batch, mAlarms, alarmId);
        return;
    }
    upsert(batch, mAlarms, Layer::ActiveAlarms, alarmId, JhSiteAttributes::alarmValues(*alarm, site, time),
           site->longitude, site->latitude);
}

void JhLiveLayers::updateIncident(Batch &batch, const JhWorldState &state, const QString &incidentId,
                                  const QDateTime &time)
{
    const JhIncident *incident = state.incident(incidentId);
    if (!incident || incident->status == JhIncidentStatus::Closed) {
        remove(batch, mIncidents, incidentId);
        return;
    }
    upsert(batch, mIncidents, Layer::Incidents, incidentId, JhSiteAttributes::incidentValues(*incident, time),
           incident->longitude, incident->latitude);
}

void JhLiveLayers::updateDepot(Batch &batch, const JhWorldState &state, const QString &depotId)
{
    const JhDepot *depot = state.depot(depotId);
    if (!depot) {
        remove(batch, mDepots, depotId);
        return;
    }
    upsert(batch, mDepots, Layer::Depots, depotId, JhSiteAttributes::depotValues(*depot), depot->longitude,
           depot->latitude);
}

void JhLiveLayers::updateTeam(Batch &batch, const JhWorldState &state, const QString &teamId)
{
    const JhCountyTeam *team = state.team(teamId);
    double longitude = 0;
    double latitude = 0;
    if (!team || !JhSiteAttributes::teamPosition(*team, &longitude, &latitude)) {
        remove(batch, mTeams, teamId);
        return;
    }
    int activeTasks = 0;
    for (const JhTask &task : state.tasks())
        if (task.teamId == teamId && !task.isFinished())
            ++activeTasks;
    upsert(batch, mTeams, Layer::CountyTeams, teamId, JhSiteAttributes::teamValues(*team, activeTasks),
           longitude, latitude);
}

void JhLiveLayers::upsert(Batch &batch, QHash<QString, Entry> &entries, Layer which, const QString &id,
                          const QVariantList &values, double longitude, double latitude)
{
    auto it = entries.find(id);
    if (it != entries.end() && it->layer != which) {
        remove(batch, entries, id); // a site whose kind changed moves to another layer
        it = entries.end();
    }
    if (it == entries.end() || it->featureId < 0) {
        if (it != entries.end())
            return; // already queued for adding in this batch
        QgsVectorLayer *target = layer(which);
        if (!target)
            return;
        QgsFeature feature(target->fields());
        feature.setAttributes(values.toVector());
        feature.setGeometry(pointGeometry(longitude, latitude));
        Batch::Pending &pending = batch.layers[static_cast<int>(which)];
        pending.added << feature;
        pending.addedIds << id;
        pending.addedEntries << &entries;
        Entry entry;
        entry.layer = which;
        entry.values = values;
        entry.longitude = longitude;
        entry.latitude = latitude;
        entries.insert(id, entry);
        return;
    }
    Entry &entry = *it;
    QgsAttributeMap changed;
    for (int i = 0; i < values.size(); ++i)
        if (i >= entry.values.size() || entry.values.at(i) != values.at(i))
            changed.insert(i, values.at(i));
    const bool moved = !closeTo(entry.longitude, longitude) || !closeTo(entry.latitude, latitude);
    if (changed.isEmpty() && !moved) {
        ++mStatistics.featuresUnchanged;
        return;
    }
    Batch::Pending &pending = batch.layers[static_cast<int>(which)];
    if (!changed.isEmpty())
        pending.changed.insert(entry.featureId, changed);
    if (moved)
        pending.moved.insert(entry.featureId, pointGeometry(longitude, latitude));
    entry.values = values;
    entry.longitude = longitude;
    entry.latitude = latitude;
    ++mStatistics.featuresChanged;
}

void JhLiveLayers::remove(Batch &batch, QHash<QString, Entry> &entries, const QString &id)
{
    const auto it = entries.constFind(id);
    if (it == entries.constEnd())
        return;
    if (it->featureId >= 0)
        batch.layers[static_cast<int>(it->layer)].deleted.insert(it->featureId);
    entries.erase(it);
}

void JhLiveLayers::commit(Batch &batch)
{
    for (auto it = batch.layers.begin(); it != batch.layers.end(); ++it) {
        const Layer which = static_cast<Layer>(it.key());
        QgsVectorLayer *target = layer(which);
        if (!target)
            continue;
        Batch::Pending &pending = it.value();
        QgsVectorDataProvider *provider = target->dataProvider();
        bool extentChanged = false;
        if (!pending.deleted.isEmpty()) {
            provider->deleteFeatures(pending.deleted);
            mStatistics.featuresDeleted += pending.deleted.size();
            extentChanged = true;
        }
        if (!pending.changed.isEmpty())
            provider->changeAttributeValues(pending.changed);
        if (!pending.moved.isEmpty()) {
            provider->changeGeometryValues(pending.moved);
            extentChanged = true;
        }
        if (!pending.added.isEmpty()) {
            provider->addFeatures(pending.added);
            for (int i = 0; i < pending.added.size(); ++i) {
                auto entry = pending.addedEntries.at(i)->find(pending.addedIds.at(i));
                if (entry != pending.addedEntries.at(i)->end() && entry->featureId < 0)
                    entry->featureId = pending.added.at(i).id();
            }
            mStatistics.featuresAdded += pending.added.size();
            extentChanged = true;
        }
        if (extentChanged)
            target->updateExtents();
        if (!pending.deleted.isEmpty() || !pending.changed.isEmpty() || !pending.moved.isEmpty() ||
            !pending.added.isEmpty())
            markDirty(which);
    }
}

qint64 JhLiveLayers::featureId(Layer which, const QString &objectId) const
{
    const QHash<QString, Entry> *entries = nullptr;
    switch (which) {
    case Layer::ActiveAlarms:
        entries = &mAlarms;
        break;
    case Layer::Incidents:
        entries = &mIncidents;
        break;
    case Layer::Depots:
        entries = &mDepots;
        break;
    case Layer::CountyTeams:
        entries = &mTeams;
        break;
    default:
        entries = &mSites;
        break;
    }
    const auto it = entries->constFind(objectId);
    if (it == entries->constEnd() || it->layer != which)
        return -1;
    return it->featureId;
}

bool JhLiveLayers::siteLayer(const QString &siteId, Layer *which) const
{
    const auto it = mSites.constFind(siteId);
    if (it == mSites.constEnd())
        return false;
    *which = it->layer;
    return true;
}

void JhLiveLayers::setMapScale(double scale)
{
    mMapScale = scale;
    for (auto it = mLabelScales.constBegin(); it != mLabelScales.constEnd(); ++it) {
        QgsVectorLayer *target = layer(static_cast<Layer>(it.key()));
        if (!target)
            continue;
        // minimumScale is the most zoomed-out scale denominator at which the labels show.
        const bool enabled = scale <= 0 || it.value() <= 0 || scale <= it.value();
        if (target->labelsEnabled() != enabled) {
            target->setLabelsEnabled(enabled);
            markDirty(static_cast<Layer>(it.key()));
        }
    }
}

void JhLiveLayers::setRepaintInterval(int milliseconds)
{
    mRepaintInterval = std::max(0, milliseconds);
    mRepaintTimer->setInterval(mRepaintInterval);
}

void JhLiveLayers::markDirty(Layer which)
{
    mDirty.insert(static_cast<int>(which));
    // The timer is not restarted by later changes: a steady stream still repaints every interval.
    if (!mRepaintTimer->isActive())
        mRepaintTimer->start();
}

QList<QgsVectorLayer *> JhLiveLayers::dirtyLayers() const
{
    QList<QgsVectorLayer *> result;
    const QList<Layer> all = JhSiteAttributes::layers();
    for (Layer which : all)
        if (mDirty.contains(static_cast<int>(which)))
            if (QgsVectorLayer *vector = layer(which))
                result << vector;
    return result;
}

void JhLiveLayers::flushRepaint()
{
    mRepaintTimer->stop();
    const QList<QgsVectorLayer *> dirty = dirtyLayers();
    mDirty.clear();
    for (QgsVectorLayer *vector : dirty)
        vector->triggerRepaint();
    mStatistics.repaints += dirty.size();
    if (!dirty.isEmpty())
        emit repainted(dirty);
}
