// The resources dock's registration: one function the main window calls.
#include "jhresourcepanels.h"

#include "jhdockdescriptor.h"
#include "jhdockregistry.h"
#include "jhresourcepanel.h"

#include <QCoreApplication>
#include <QDockWidget>

JhResourcePanels JhResourcePanels::registerDock(JhDockRegistry *registry, JhSyncClient *client)
{
    JhResourcePanels panels;
    JhDockDescriptor descriptor;
    descriptor.id = dockId();
    descriptor.title = QCoreApplication::translate("JhResourcePanels", "Emergency resources");
    descriptor.area = Qt::BottomDockWidgetArea;
    descriptor.createWidget = [&panels, client](QWidget *parent) {
        panels.panel = new JhResourcePanel(client, parent);
        return panels.panel;
    };
    panels.dock = registry->registerDock(descriptor);
    return panels;
}
