// Registers the duty officer's live panels (告警, 站点详情) and makes the site search box, in one call.
#pragma once

#include <QString>

class JhAlarmPanel;
class JhAlarmSoundPlayer;
class JhDockRegistry;
class JhSiteDetailPanel;
class JhSiteSearchBox;
class JhSyncClient;
class QDockWidget;
class QWidget;

//! What registerDocks() made: connect alarms->siteActivated and search->siteActivated to the map; the
//! alarm panel's detailsRequested and selections already show the site in the detail dock.
struct JhLivePanels
{
    JhAlarmPanel *alarms = nullptr;
    JhSiteDetailPanel *siteDetail = nullptr;
    JhSiteSearchBox *search = nullptr; //!< not placed: put it in a toolbar (Ctrl+F focuses it)
    QDockWidget *alarmsDock = nullptr;
    QDockWidget *siteDetailDock = nullptr;
    JhAlarmSoundPlayer *soundPlayer =
        nullptr; //!< the player in use (owned by the alarms panel when made here)

    static QString alarmsDockId() { return QStringLiteral("alarms"); }
    static QString siteDetailDockId() { return QStringLiteral("site-detail"); }

    //! Registers both docks on \a registry for \a client (which must outlive them). \a player null: the real
    //! QSoundEffect player is made. \a searchParent parents the search box (e.g. the toolbar).
    static JhLivePanels registerDocks(JhDockRegistry *registry, JhSyncClient *client,
                                      JhAlarmSoundPlayer *player = nullptr, QWidget *searchParent = nullptr);
};
