// The live panels' registration: one function the main window calls.
#include "jhlivepanels.h"

#include "jhalarmpanel.h"
#include "jhdockdescriptor.h"
#include "jhdockregistry.h"
#include "jhqtalarmsoundplayer.h"
#include "jhsitedetailpanel.h"
#include "jhsitesearchbox.h"

#include <QCoreApplication>
#include <QDockWidget>

JhLivePanels JhLivePanels::registerDocks(JhDockRegistry *registry, JhSyncClient *client,
                                         JhAlarmSoundPlayer *player, QWidget *searchParent)
{
    JhLivePanels panels;
    JhQtAlarmSoundPlayer *ownPlayer = player ? nullptr : new JhQtAlarmSoundPlayer;
    panels.soundPlayer = player ? player : ownPlayer;

    JhDockDescriptor alarms;
    alarms.id = alarmsDockId();
    alarms.title = QCoreApplication::translate("JhLivePanels", "Alarms");
    alarms.area = Qt::BottomDockWidgetArea;
    alarms.createWidget = [&panels, client, ownPlayer](QWidget *parent) {
        panels.alarms = new JhAlarmPanel(client, panels.soundPlayer, parent);
        if (ownPlayer)
            ownPlayer->setParent(panels.alarms);
        return panels.alarms;
    };
    panels.alarmsDock = registry->registerDock(alarms);

    JhDockDescriptor detail;
    detail.id = siteDetailDockId();
    detail.title = QCoreApplication::translate("JhLivePanels", "Station detail");
    detail.area = Qt::RightDockWidgetArea;
    detail.createWidget = [&panels, client](QWidget *parent) {
        panels.siteDetail = new JhSiteDetailPanel(client, parent);
        return panels.siteDetail;
    };
    panels.siteDetailDock = registry->registerDock(detail);

    panels.search = new JhSiteSearchBox(client, searchParent);

    if (panels.alarms && panels.siteDetail) {
        JhSiteDetailPanel *siteDetail = panels.siteDetail;
        QDockWidget *detailDock = panels.siteDetailDock;
        QObject::connect(panels.alarms, &JhAlarmPanel::siteActivated, siteDetail,
                         &JhSiteDetailPanel::showSite);
        QObject::connect(panels.search, &JhSiteSearchBox::siteActivated, siteDetail,
                         &JhSiteDetailPanel::showSite);
        QObject::connect(panels.alarms, &JhAlarmPanel::detailsRequested, siteDetail,
                         [siteDetail, detailDock](const QString &siteId) {
                             siteDetail->showSite(siteId);
                             if (detailDock) {
                                 detailDock->show();
                                 detailDock->raise();
                             }
                         });
    }
    return panels;
}
