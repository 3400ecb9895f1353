// Loads the bundled Nantong basemap (maps/nantong.qgs) and answers what the app needs from it.
#pragma once

#include "jhcounty.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

class QgsProject;
class QgsVectorLayer;

//! The basemap QGIS project of Nantong: locating maps/, loading, optional OSM layers, counties, extents.
class JhBasemapProject
{
    Q_DECLARE_TR_FUNCTIONS(JhBasemapProject)

public:
    enum class Error
    {
        None,
        MapsDirectoryNotFound, //!< No folder with nantong.qgs was found.
        ProjectUnreadable,     //!< QGIS could not read the project file.
        LayersInvalid,         //!< The project loaded but some layers are broken (project still usable).
    };

    //! Options for load(); background threads must not load layouts (they are not thread safe).
    enum class LoadMode
    {
        Interactive, //!< Canvas use: layouts stored in the project are loaded too.
        Background,  //!< Worker thread: no project layouts (they are not thread safe).
    };

    //! The project is created empty; call load() to read the basemap.
    JhBasemapProject();
    ~JhBasemapProject();
    JhBasemapProject(const JhBasemapProject &) = delete;
    JhBasemapProject &operator=(const JhBasemapProject &) = delete;

    //! Finds the maps folder: $JH_MAPS_DIR, next to the executable, the install prefix, then the source tree.
    //! \a searched receives every folder that was tried (for the error message).
    static QString locateMapsDirectory(QStringList *searched = nullptr);

    //! Reads mapsDirectory/nantong.qgs (locates the folder when empty) and adds the optional OSM layers.
    Error load(const QString &mapsDirectory = QString(), LoadMode mode = LoadMode::Interactive);
    Error error() const { return mError; }
    QString errorMessage() const { return mErrorMessage; }

    QgsProject *project() const { return mProject.get(); }
    QString mapsDirectory() const { return mMapsDirectory; }
    QString projectPath() const;
    QString geoPackagePath() const;
    QString layoutTemplatePath(const QString &name = QStringLiteral("situation-a3")) const;

    //! Adds roads, OSM waterways, railways, industrial land use and OSM boundaries when the GeoPackage
    //! holds them (created by maps/tools/import-osm), styled from maps/styles/<layer>.qml.
    //! Returns the names of the layers added.
    QStringList addOptionalOsmLayers();

    //! The layer whose data source is the GeoPackage table \a tableName (e.g. "counties"), or null.
    QgsVectorLayer *layerByTable(const QString &tableName) const;

    //! County-level units from the counties layer, sorted by code, extents in the project CRS.
    QList<JhCounty> counties() const { return mCounties; }
    //! The county with administrative code \a code; false when there is none.
    bool county(const QString &code, JhCounty *county) const;
    //! Whole Nantong (city boundary) in the project CRS with a small margin.
    QgsRectangle fullExtent() const;
    //! Attribution text from the project variable jh_attribution.
    QString attribution() const;

    //! Table names of the optional layers import-osm may add.
    static QStringList optionalOsmTables();

private:
    void readCounties();
    //! Appends jh_metadata.attribution_extra (the ODbL credit import-osm records) to jh_attribution.
    void appendAttributionExtra();

    std::unique_ptr<QgsProject> mProject;
    QString mMapsDirectory;
    Error mError = Error::None;
    QString mErrorMessage;
    QList<JhCounty> mCounties;
};
