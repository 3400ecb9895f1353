// The live map layers (stations, sources, alarms, incidents, depots, teams) fed in place from client state.
#pragma once

#include "jhsiteattributes.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QVariantList>

#include <functional>

struct JhStateChange;
class JhSyncClient;
class JhWorldState;
class QTimer;
class QgsLayerTreeGroup;
class QgsProject;
class QgsVectorLayer;
struct JhSiteStatus;

//! Nine memory layers (EPSG:4490 points) in the layer-tree group 实时图层 on top of the basemap, styled from
//! maps/styles/live_*.qml. Updates are in place: one feature per object id for the layer's lifetime, only
//! changed attribute values are written to the provider, features are added or deleted only when objects
//! appear or disappear, and repaints are coalesced (at most one per repaintInterval()) and limited to the
//! layers that changed, so the canvas keeps the basemap in its render cache.
class JhLiveLayers : public QObject
{
    Q_OBJECT

public:
    using Layer = JhSiteAttributes::Layer;

    //! What the updates did since construction (tests, benchmarks, the log).
    struct Statistics
    {
        qint64 featuresAdded = 0;
        qint64 featuresDeleted = 0;
        qint64 featuresChanged = 0;   //!< features whose attributes (or position) were rewritten
        qint64 featuresUnchanged = 0; //!< looked at, nothing to write
        qint64 repaints = 0;          //!< triggerRepaint() calls (one per dirty layer per flush)
    };

    //! Creates the layers in \a project (which owns them) under a 实时图层 group at the top of its layer tree
    //! and loads mapsDirectory/styles/<layerKey>.qml; styleErrors() lists styles that did not load.
    explicit JhLiveLayers(QgsProject *project, const QString &mapsDirectory, QObject *parent = nullptr);
    //! Removes the layers and the group from the project (when the project still exists).
    ~JhLiveLayers() override;

    static QString groupName() { return QStringLiteral("实时图层"); }

    QgsProject *project() const { return mProject; }
    QgsLayerTreeGroup *group() const;
    QgsVectorLayer *layer(Layer layer) const;
    //! All live layers, bottom to top.
    QList<QgsVectorLayer *> layers() const;
    QStringList styleErrors() const { return mStyleErrors; }

    //! Follows \a client: a full apply now, then stateChanged / siteStatusesChanged incrementally. Null
    //! unbinds.
    void bind(JhSyncClient *client);

    //! Brings every layer in line with \a state and \a statuses (features kept where the id stays).
    void apply(const JhWorldState &state, const QHash<QString, JhSiteStatus> &statuses);
    //! Updates the sites \a siteIds only (a site-status message); unknown ids are added, vanished ones
    //! removed.
    void applySiteStatuses(const JhWorldState &state, const QHash<QString, JhSiteStatus> &statuses,
                           const QStringList &siteIds);
    //! Updates what \a change touched: its alarms (and their sites), incidents, depots, teams; a replaced
    //! state is a full apply.
    void applyStateChange(const JhWorldState &state, const QHash<QString, JhSiteStatus> &statuses,
                          const JhStateChange &change);

    //! The feature id of \a objectId (site, alarm, incident, depot or team id) in \a layer, or -1.
    qint64 featureId(Layer layer, const QString &objectId) const;
    //! The layer a site is currently drawn on, or false when it has no feature.
    bool siteLayer(const QString &siteId, Layer *layer) const;

    //! Tells the layers the scale the map is shown at (the canvas's scaleChanged). Labels a style limits to
    //! large scales are switched off entirely outside them: QGIS re-runs the labelling of every layer (the
    //! whole basemap) when a labelled layer changes, even when its labels are out of scale, so an off-scale
    //! live label would make every status change a full-cost redraw. 0 (the default) keeps the styles'
    //! labels.
    void setMapScale(double scale);
    double mapScale() const { return mMapScale; }

    //! Minimum time between two repaints of the live layers, in ms (default 250: at most 4 per second).
    int repaintInterval() const { return mRepaintInterval; }
    void setRepaintInterval(int milliseconds);
    //! Repaints the dirty layers now instead of waiting for the timer.
    void flushRepaint();
    //! Layers changed since the last repaint.
    QList<QgsVectorLayer *> dirtyLayers() const;
    //! "Now" for data ages; tests fix it, by default the wall clock.
    void setClock(std::function<QDateTime()> clock) { mClock = std::move(clock); }
    const Statistics &statistics() const { return mStatistics; }

signals:
    //! The dirty layers were just told to repaint.
    void repainted(const QList<QgsVectorLayer *> &layers);

private:
    struct Entry
    {
        Layer layer;
        qint64 featureId = -1;
        QVariantList values;
        double longitude = 0;
        double latitude = 0;
    };
    //! Pending writes of one update, applied to each provider in one call.
    struct Batch;

    void createLayers(const QString &mapsDirectory);
    void upsert(Batch &batch, QHash<QString, Entry> &entries, Layer layer, const QString &id,
                const QVariantList &values, double longitude, double latitude);
    void remove(Batch &batch, QHash<QString, Entry> &entries, const QString &id);
    void commit(Batch &batch);
    void updateSite(Batch &batch, const JhWorldState &state, const QHash<QString, JhSiteStatus> &statuses,
                    const QString &siteId, const QDateTime &now);
    void updateAlarm(Batch &batch, const JhWorldState &state, const QString &alarmId, const QDateTime &now);
    void updateIncident(Batch &batch, const JhWorldState &state, const QString &incidentId,
                        const QDateTime &now);
    void updateDepot(Batch &batch, const JhWorldState &state, const QString &depotId);
    void updateTeam(Batch &batch, const JhWorldState &state, const QString &teamId);
    void markDirty(Layer layer);
    QDateTime now() const { return mClock ? mClock() : QDateTime::currentDateTimeUtc(); }

    QgsProject *mProject = nullptr;               //!< nulled when the project is destroyed first
    QHash<int, QPointer<QgsVectorLayer>> mLayers; //!< by Layer
    QString mGroupName;
    QStringList mStyleErrors;
    QHash<QString, Entry> mSites; //!< site id -> feature
    QHash<QString, Entry> mAlarms;
    QHash<QString, Entry> mIncidents;
    QHash<QString, Entry> mDepots;
    QHash<QString, Entry> mTeams;
    QHash<QString, JhSiteAttributes::AlarmSummary> mAlarmSummaries;
    QSet<int> mDirty;
    QHash<int, double> mLabelScales; //!< layers whose style labels: scale limit (0 = any scale)
    double mMapScale = 0;
    QTimer *mRepaintTimer = nullptr;
    int mRepaintInterval = 250;
    QPointer<JhSyncClient> mClient;
    QList<QMetaObject::Connection> mConnections;
    std::function<QDateTime()> mClock;
    Statistics mStatistics;
};
