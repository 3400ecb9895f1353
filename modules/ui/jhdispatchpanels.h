// Registers the coordinator's dispatch panels (突发事件, 任务) in one call.
#pragma once

#include <QString>

class JhDockRegistry;
class JhIncidentPanel;
class JhSyncClient;
class JhTaskPanel;
class QDockWidget;

//! What registerDocks() made: the incidents dock (right) and the tasks dock (bottom); selecting an incident
//! already filters the tasks. Connect incidents->incidentActivated to the map and the map's clicks to
//! incidents->setProposedLocation.
struct JhDispatchPanels
{
    JhIncidentPanel *incidents = nullptr;
    JhTaskPanel *tasks = nullptr;
    QDockWidget *incidentsDock = nullptr;
    QDockWidget *tasksDock = nullptr;

    static QString incidentsDockId() { return QStringLiteral("incidents"); }
    static QString tasksDockId() { return QStringLiteral("tasks"); }

    //! Registers both docks on \a registry for \a client (which must outlive them).
    static JhDispatchPanels registerDocks(JhDockRegistry *registry, JhSyncClient *client);
};
