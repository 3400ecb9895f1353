// Renders a QGIS project to an image off-screen: shared by tests, benchmarks and headless tools.
#pragma once

#include <QImage>
#include <QPointF>
#include <QSize>

class QgsMapSettings;
class QgsProject;
class QgsRectangle;

//! Off-screen rendering of the basemap project with the same layers, CRS and background the canvas uses.
class JhMapRenderer
{
public:
    //! Map settings for \a project at \a extent (project CRS) on an image of \a size pixels.
    static QgsMapSettings mapSettings(const QgsProject *project, const QgsRectangle &extent,
                                      const QSize &size, double dpi = 96.0);
    //! Renders synchronously, from the thread that owns the project. \a parallel renders layers on worker
    //! threads as the canvas does; sequential is deterministic for tests.
    static QImage render(const QgsMapSettings &settings, bool parallel = false);
    //! Pixel position of a CGCS2000 (EPSG:4490) longitude/latitude on an image rendered with \a settings.
    static QPointF lonLatToPixel(const QgsMapSettings &settings, double longitude, double latitude);
};
