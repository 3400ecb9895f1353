// Registration of the incidents and tasks docks and the link between them.
#include "jhdispatchpanels.h"

#include "jhdockregistry.h"
#include "jhincidentpanel.h"
#include "jhtaskpanel.h"

#include <QCoreApplication>
#include <QDockWidget>

JhDispatchPanels JhDispatchPanels::registerDocks(JhDockRegistry *registry, JhSyncClient *client)
{
    JhDispatchPanels panels;
    JhDockDescriptor incidents;
    incidents.id = incidentsDockId();
    incidents.title = QCoreApplication::translate("JhDispatchPanels", "Incidents");
    incidents.area = Qt::RightDockWidgetArea;
    incidents.createWidget = [&panels, client](QWidget *parent) {
        panels.incidents = new JhIncidentPanel(client, parent);
        return panels.incidents;
    };
    panels.incidentsDock = registry->registerDock(incidents);

    JhDockDescriptor tasks;
    tasks.id = tasksDockId();
    tasks.title = QCoreApplication::translate("JhDispatchPanels", "Tasks");
    tasks.area = Qt::BottomDockWidgetArea;
    tasks.createWidget = [&panels, client](QWidget *parent) {
        panels.tasks = new JhTaskPanel(client, parent);
        return panels.tasks;
    };
    panels.tasksDock = registry->registerDock(tasks);

    if (panels.incidents && panels.tasks)
        QObject::connect(panels.incidents, &JhIncidentPanel::incidentActivated, panels.tasks,
                         &JhTaskPanel::setIncident);
    return panels;
}
