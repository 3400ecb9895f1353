// The layer-tree dock: which basemap layers are drawn, in which order (图层).
#include "jhlayertreepanel.h"

#include <QVBoxLayout>

#include <qgslayertree.h>
#include <qgslayertreemapcanvasbridge.h>
#include <qgslayertreemodel.h>
#include <qgslayertreeview.h>
#include <qgsmapcanvas.h>
#include <qgsproject.h>

JhLayerTreePanel::JhLayerTreePanel(QgsProject *project, QgsMapCanvas *canvas, QWidget *parent)
    : QWidget(parent)
{
    auto *model = new QgsLayerTreeModel(project->layerTreeRoot(), this);
    model->setFlag(QgsLayerTreeModel::AllowNodeReorder);
    model->setFlag(QgsLayerTreeModel::AllowNodeChangeVisibility);
    model->setFlag(QgsLayerTreeModel::ShowLegendAsTree);
    model->setAutoCollapseLegendNodes(10);

    mView = new QgsLayerTreeView(this);
    mView->setModel(model);
    mView->setObjectName(QStringLiteral("layerTreeView"));

    // The bridge keeps the canvas layer set in step with the tree (check boxes, order).
    mBridge = new QgsLayerTreeMapCanvasBridge(project->layerTreeRoot(), canvas, this);
    mBridge->setAutoSetupOnFirstLayer(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(mView);
}
