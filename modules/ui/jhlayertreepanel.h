// The layer-tree dock: which basemap layers are drawn, in which order (图层).
#pragma once

#include <QWidget>

class QgsLayerTreeMapCanvasBridge;
class QgsLayerTreeView;
class QgsMapCanvas;
class QgsProject;

//! QgsLayerTreeView on the project's layer tree, bridged to the canvas so toggling a layer redraws the map.
class JhLayerTreePanel : public QWidget
{
    Q_OBJECT

public:
    JhLayerTreePanel(QgsProject *project, QgsMapCanvas *canvas, QWidget *parent = nullptr);

    QgsLayerTreeView *view() const { return mView; }

private:
    QgsLayerTreeView *mView = nullptr;
    QgsLayerTreeMapCanvasBridge *mBridge = nullptr;
};
