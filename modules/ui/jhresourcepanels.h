// Registers the 应急物资 (emergency resources) dock in one call.
#pragma once

#include <QString>

class JhDockRegistry;
class JhResourcePanel;
class JhSyncClient;
class QDockWidget;

//! What registerDock() made: the panel and its dock (dock id "resources").
struct JhResourcePanels
{
    JhResourcePanel *panel = nullptr;
    QDockWidget *dock = nullptr;

    static QString dockId() { return QStringLiteral("resources"); }

    //! Registers the resources dock on \a registry for \a client (which must outlive it).
    static JhResourcePanels registerDock(JhDockRegistry *registry, JhSyncClient *client);
};
