// Loads the bundled Nantong basemap (maps/nantong.qgs) and answers what the app needs from it.
#include "jhbasemapproject.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <algorithm>

#include <qgscoordinatetransform.h>
#include <qgsexpressioncontextutils.h>
#include <qgsfeature.h>
#include <qgsfeatureiterator.h>
#include <qgsfeaturerequest.h>
#include <qgslayertree.h>
#include <qgsproject.h>
#include <qgsproviderregistry.h>
#include <qgsprovidersublayerdetails.h>
#include <qgsvectorlayer.h>

#ifndef JH_SOURCE_MAPS_DIR
#define JH_SOURCE_MAPS_DIR ""
#endif

namespace {
const QString kProjectFile = QStringLiteral("nantong.qgs");
const QString kGeoPackageFile = QStringLiteral("nantong.gpkg");
} // namespace

JhBasemapProject::JhBasemapProject() : mProject(std::make_unique<QgsProject>())
{}

JhBasemapProject::~JhBasemapProject() = default;

QString JhBasemapProject::locateMapsDirectory(QStringList *searched)
{
    QStringList candidates;
    const QString fromEnvironment = qEnvironmentVariable("JH_MAPS_DIR");
    if (!fromEnvironment.isEmpty())
        candidates << fromEnvironment;
    if (QCoreApplication::instance()) {
        const QString appDir = QCoreApplication::applicationDirPath();
        candidates << appDir + QStringLiteral("/maps") << appDir + QStringLiteral("/../share/jianghai/maps")
                   << appDir + QStringLiteral("/../maps");
    }
    if (!QString(QStringLiteral(JH_SOURCE_MAPS_DIR)).isEmpty())
        candidates << QStringLiteral(JH_SOURCE_MAPS_DIR);

    for (const QString &candidate : std::as_const(candidates)) {
        const QString clean = QDir::cleanPath(candidate);
        if (searched)
            searched->append(clean);
        if (QFileInfo::exists(clean + QLatin1Char('/') + kProjectFile))
            return clean;
    }
    return QString();
}

JhBasemapProject::Error JhBasemapProject::load(const QString &mapsDirectory, LoadMode mode)
{
    mError = Error::None;
    mErrorMessage.clear();
    mCounties.clear();
    mProject->clear();

    QStringList searched;
    mMapsDirectory = mapsDirectory.isEmpty() ? locateMapsDirectory(&searched) : mapsDirectory;
    if (mMapsDirectory.isEmpty() || !QFileInfo::exists(projectPath())) {
        if (!mapsDirectory.isEmpty())
            searched << mapsDirectory;
        mError = Error::MapsDirectoryNotFound;
        mErrorMessage = tr("The basemap (maps/nantong.qgs) was not found; searched: %1. "
                           "Set JH_MAPS_DIR to the maps folder.")
                            .arg(searched.join(QStringLiteral(", ")));
        return mError;
    }

    // The bundled basemap is static: trusting the stored layer extents spares a scan of every table.
    QgsProject::ReadFlags flags =
        QgsProject::ReadFlag::FlagTrustLayerMetadata | QgsProject::ReadFlag::FlagDontStoreOriginalStyles;
    if (mode == LoadMode::Background)
        flags |= QgsProject::ReadFlag::FlagDontLoadLayouts;
    if (!mProject->read(projectPath(), flags)) {
        mError = Error::ProjectUnreadable;
        mErrorMessage = tr("Cannot read the basemap project %1: %2").arg(projectPath(), mProject->error());
        return mError;
    }

    addOptionalOsmLayers();
    appendAttributionExtra();
    readCounties();

    QStringList invalid;
    const auto layers = mProject->mapLayers();
    for (QgsMapLayer *layer : layers) {
        if (!layer->isValid())
            invalid << layer->name();
    }
    if (!invalid.isEmpty()) {
        mError = Error::LayersInvalid;
        mErrorMessage =
            tr("Some basemap layers could not be loaded: %1").arg(invalid.join(QStringLiteral(", ")));
    }
    return mError;
}

QString JhBasemapProject::projectPath() const
{
    return mMapsDirectory + QLatin1Char('/') + kProjectFile;
}

QString JhBasemapProject::geoPackagePath() const
{
    return mMapsDirectory + QLatin1Char('/') + kGeoPackageFile;
}

QString JhBasemapProject::layoutTemplatePath(const QString &name) const
{
    return mMapsDirectory + QStringLiteral("/layouts/") + name + QStringLiteral(".qpt");
}

QStringList JhBasemapProject::optionalOsmTables()
{
    // Drawing order, bottom first: land use under waterways under railways under roads; boundaries on top.
    return {QStringLiteral("landuse_industrial"), QStringLiteral("waterways_osm"),
            QStringLiteral("railways_osm"), QStringLiteral("roads"), QStringLiteral("admin_osm")};
}

QStringList JhBasemapProject::addOptionalOsmLayers()
{
    QStringList added;
    if (!QFileInfo::exists(geoPackagePath()))
        return added;
    const QStringList present = [this] {
        QStringList names;
        const auto sublayers = QgsProviderRegistry::instance()->querySublayers(geoPackagePath());
        for (const auto &sublayer : sublayers)
            names << sublayer.name();
        return names;
    }();

    QgsLayerTree *root = mProject->layerTreeRoot();
    for (const QString &table : optionalOsmTables()) {
        if (!present.contains(table) || layerByTable(table))
            continue;
        auto layer = std::make_unique<QgsVectorLayer>(
            geoPackagePath() + QStringLiteral("|layername=") + table, table, QStringLiteral("ogr"));
        if (!layer->isValid() || layer->featureCount() == 0)
            continue;
        const QString style = mMapsDirectory + QStringLiteral("/styles/") + table + QStringLiteral(".qml");
        if (QFileInfo::exists(style)) {
            bool ok = false;
            layer->loadNamedStyle(style, ok);
        }
        // Optional layers go just above the water/land polygons but under labels of places:
        // insert them under the first point layer of the tree.
        QgsVectorLayer *raw = layer.get();
        mProject->addMapLayer(layer.release(), false);
        int index = 0;
        const auto children = root->children();
        for (int i = 0; i < children.size(); ++i) {
            auto *node =
                QgsLayerTree::isLayer(children.at(i)) ? QgsLayerTree::toLayer(children.at(i)) : nullptr;
            auto *vector = node ? qobject_cast<QgsVectorLayer *>(node->layer()) : nullptr;
            if (vector && vector->geometryType() != QgsWkbTypes::PointGeometry) {
                index = i;
                break;
            }
            index = i + 1;
        }
        root->insertLayer(index, raw);
        added << table;
    }
    return added;
}

QgsVectorLayer *JhBasemapProject::layerByTable(const QString &tableName) const
{
    const auto layers = mProject->mapLayers();
    for (QgsMapLayer *layer : layers) {
        auto *vector = qobject_cast<QgsVectorLayer *>(layer);
        if (!vector)
            continue;
        const QVariantMap parts =
            QgsProviderRegistry::instance()->decodeUri(vector->providerType(), vector->source());
        if (parts.value(QStringLiteral("layerName")).toString() == tableName)
            return vector;
    }
    return nullptr;
}

void JhBasemapProject::readCounties()
{
    QgsVectorLayer *layer = layerByTable(QStringLiteral("counties"));
    if (!layer || !layer->isValid())
        return;
    const QgsCoordinateTransform transform(layer->crs(), mProject->crs(), mProject.get());
    QgsFeatureIterator it = layer->getFeatures();
    QgsFeature feature;
    while (it.nextFeature(feature)) {
        JhCounty county;
        county.code = feature.attribute(QStringLiteral("code")).toString();
        county.nameZh = feature.attribute(QStringLiteral("name_zh")).toString();
        county.namePinyin = feature.attribute(QStringLiteral("name_pinyin")).toString();
        county.kind = feature.attribute(QStringLiteral("kind")).toString();
        try {
            county.extent = transform.transformBoundingBox(feature.geometry().boundingBox());
        } catch (const QgsCsException &) {
            continue; // QGIS signals projection failures only by exception; skip a county we cannot place.
        }
        mCounties << county;
    }
    std::sort(mCounties.begin(), mCounties.end(),
              [](const JhCounty &a, const JhCounty &b) { return a.code < b.code; });
}

bool JhBasemapProject::county(const QString &code, JhCounty *county) const
{
    for (const JhCounty &candidate : mCounties) {
        if (candidate.code == code) {
            if (county)
                *county = candidate;
            return true;
        }
    }
    return false;
}

QgsRectangle JhBasemapProject::fullExtent() const
{
    QgsRectangle extent;
    if (QgsVectorLayer *city = layerByTable(QStringLiteral("city_boundary")); city && city->isValid()) {
        const QgsCoordinateTransform transform(city->crs(), mProject->crs(), mProject.get());
        try {
            extent = transform.transformBoundingBox(city->extent());
        } catch (const QgsCsException &) {
            extent.setMinimal();
        }
    }
    if (extent.isEmpty()) {
        for (const JhCounty &county : mCounties) {
            if (extent.isEmpty())
                extent = county.extent;
            else
                extent.combineExtentWith(county.extent);
        }
    }
    if (!extent.isEmpty())
        extent.grow(std::max(extent.width(), extent.height()) * 0.03);
    return extent;
}

void JhBasemapProject::appendAttributionExtra()
{
    QgsVectorLayer metadata(geoPackagePath() + QStringLiteral("|layername=jh_metadata"),
                            QStringLiteral("jh_metadata"), QStringLiteral("ogr"));
    if (!metadata.isValid())
        return;
    QString extra;
    QgsFeatureIterator it = metadata.getFeatures();
    QgsFeature feature;
    while (it.nextFeature(feature)) {
        if (feature.attribute(QStringLiteral("key")).toString() == QLatin1String("attribution_extra"))
            extra = feature.attribute(QStringLiteral("value")).toString().trimmed();
    }
    const QString current = attribution();
    if (extra.isEmpty() || current.contains(extra))
        return; // nothing imported, or build-project already wrote the credit into the project
    QVariantMap variables = mProject->customVariables();
    variables.insert(QStringLiteral("jh_attribution"),
                     current.isEmpty() ? extra : current + QStringLiteral("; ") + extra);
    mProject->setCustomVariables(variables);
}

QString JhBasemapProject::attribution() const
{
    return mProject->customVariables().value(QStringLiteral("jh_attribution")).toString();
}
