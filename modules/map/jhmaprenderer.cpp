// Renders a QGIS project to an image off-screen: shared by tests, benchmarks and headless tools.
#include "jhmaprenderer.h"

#include <qgscoordinatetransform.h>
#include <qgslayertree.h>
#include <qgsmaprendererparalleljob.h>
#include <qgsmaprenderersequentialjob.h>
#include <qgsmapsettings.h>
#include <qgsmaptopixel.h>
#include <qgsproject.h>

QgsMapSettings JhMapRenderer::mapSettings(const QgsProject *project, const QgsRectangle &extent,
                                          const QSize &size, double dpi)
{
    QgsMapSettings settings;
    settings.setLayers(project->layerTreeRoot()->checkedLayers());
    settings.setDestinationCrs(project->crs());
    settings.setTransformContext(project->transformContext());
    settings.setEllipsoid(project->ellipsoid());
    settings.setBackgroundColor(project->backgroundColor());
    settings.setOutputDpi(dpi);
    settings.setOutputSize(size);
    settings.setExtent(extent);
    settings.setFlag(Qgis::MapSettingsFlag::Antialiasing, true);
    settings.setFlag(Qgis::MapSettingsFlag::UseAdvancedEffects, true);
    settings.setFlag(Qgis::MapSettingsFlag::DrawLabeling, true);
    settings.setFlag(Qgis::MapSettingsFlag::UseRenderingOptimization,
                     true); // as the canvas: simplify at small scales
    settings.setLabelingEngineSettings(project->labelingEngineSettings());
    return settings;
}

QImage JhMapRenderer::render(const QgsMapSettings &settings, bool parallel)
{
    if (parallel) {
        QgsMapRendererParallelJob job(settings);
        job.start();
        job.waitForFinished();
        return job.renderedImage();
    }
    QgsMapRendererSequentialJob job(settings);
    job.start();
    job.waitForFinished();
    return job.renderedImage();
}

QPointF JhMapRenderer::lonLatToPixel(const QgsMapSettings &settings, double longitude, double latitude)
{
    const QgsCoordinateTransform transform(QgsCoordinateReferenceSystem(QStringLiteral("EPSG:4490")),
                                           settings.destinationCrs(), settings.transformContext());
    const QgsPointXY projected = transform.transform(QgsPointXY(longitude, latitude));
    const QgsPointXY pixel = settings.mapToPixel().transform(projected);
    return QPointF(pixel.x(), pixel.y());
}
