// The workstation's main window: the Nantong map canvas, navigation, bookmarks, docks, export, language.
#pragma once

#include "jhdispatchpanels.h"
#include "jhlivepanels.h"
#include "jhresourcepanels.h"
#include "jhsituationmapexporter.h"

#include <QByteArray>
#include <QMainWindow>
#include <QPointer>

class JhBasemapProject;
class JhConnectionIndicator;
class JhDockRegistry;
class JhLiveLayers;
class JhOfflineBanner;
class JhSyncClient;
class JhSituationMapExportTask;
class QAction;
class QLabel;
class QMenu;
class QToolBar;
class QProgressDialog;
class QgsMapCanvas;
class QgsMapTool;
class QgsPointXY;
struct JhSituationMapRequest;

//! Main window on the basemap project (EPSG:4549), opening on the whole city.
class JhMainWindow : public QMainWindow
{
    Q_OBJECT

public:
    //! Bump when docks are added/renamed so saved layouts of older versions are ignored.
    static constexpr int sLayoutVersion = 1;

    //! \a basemap must be loaded and outlive the window.
    explicit JhMainWindow(JhBasemapProject *basemap, QWidget *parent = nullptr);
    ~JhMainWindow() override;

    QgsMapCanvas *canvas() const { return mCanvas; }
    JhDockRegistry *docks() const { return mDocks; }
    QMenu *bookmarksMenu() const { return mBookmarksMenu; }
    QLabel *attributionLabel() const { return mAttribution; }
    QLabel *coordinateLabel() const { return mCoordinates; }
    QLabel *scaleLabel() const { return mScale; }
    QAction *exportAction() const { return mExportAction; }
    QAction *resetLayoutAction() const { return mResetLayoutAction; }
    QAction *projectedCoordinatesAction() const { return mProjectedAction; }

    //! Connects the window to central through \a client (not owned; outlives the window): the status bar's
    //! connection state, the offline banner, the live layers and the live panels.
    void setClient(JhSyncClient *client);
    JhSyncClient *client() const { return mClient; }
    JhConnectionIndicator *connectionIndicator() const { return mIndicator; }
    JhOfflineBanner *offlineBanner() const { return mBanner; }
    //! The live layers over the basemap (null before setClient()).
    JhLiveLayers *liveLayers() const { return mLiveLayers; }
    //! The alarm and site-detail docks and the search box (null members before setClient()).
    const JhLivePanels &livePanels() const { return mPanels; }
    //! The 突发事件 / 任务 and 应急物资 docks (null members before setClient()).
    const JhDispatchPanels &dispatchPanels() const { return mDispatch; }
    const JhResourcePanels &resourcePanels() const { return mResources; }
    //! Centres the map on an incident's location and flashes it.
    bool showIncident(const QString &incidentId);
    //! Centres the map on a site at a working scale, flashes it and shows it in the site-detail dock.
    bool showSite(const QString &siteId);
    //! Opens the outbox window (status bar: click on the outbox count).
    void showOutbox();

    //! Zooms the canvas to the whole of Nantong.
    void zoomToFullExtent();
    //! Zooms to the county with administrative \a code; false when there is none.
    bool zoomToCounty(const QString &code);

    //! Writes the dock layout (with sLayoutVersion) and window geometry to QSettings.
    void saveLayout();
    //! Restores the saved layout; false (default layout kept) when none is saved or its version differs.
    bool restoreLayout();
    //! Back to the compiled-in default layout, forgetting the saved one.
    void resetLayout();
    //! The default dock layout: the registry's default placement, captured before any restore.
    QByteArray defaultLayout() const { return mDefaultLayout; }

    //! Text shown for a canvas position (project CRS) in the status bar, honouring the lon/lat switch.
    QString coordinateText(const QgsPointXY &projectPoint) const;

    //! Starts a background export with a cancellable progress dialog; the GUI thread never waits.
    void startExport(const JhSituationMapRequest &request);
    //! Opens the export dialog (File → Export situation map).
    void showExportDialog();

signals:
    //! An export started by startExport() ended (success, failure or cancel).
    void exportFinished(const JhSituationMapExporter::Result &result);

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void createCanvas();
    void createActions();
    void createMenus();
    void createStatusBar();
    void createDocks();
    void buildBookmarks();
    void placeAttribution();
    void updateScale(double scale);
    void chooseLanguage(const QString &language);
    void onExportFinished(const JhSituationMapExporter::Result &result);

    JhBasemapProject *mBasemap = nullptr;
    QgsMapCanvas *mCanvas = nullptr;
    JhDockRegistry *mDocks = nullptr;
    QgsMapTool *mPanTool = nullptr;
    QgsMapTool *mZoomInTool = nullptr;
    QgsMapTool *mZoomOutTool = nullptr;
    QMenu *mBookmarksMenu = nullptr;
    QMenu *mPanelsMenu = nullptr;
    QLabel *mAttribution = nullptr;
    QLabel *mCoordinates = nullptr;
    QLabel *mScale = nullptr;
    QAction *mPanAction = nullptr;
    QAction *mZoomInAction = nullptr;
    QAction *mZoomOutAction = nullptr;
    QAction *mFullExtentAction = nullptr;
    QAction *mExportAction = nullptr;
    QAction *mQuitAction = nullptr;
    QAction *mResetLayoutAction = nullptr;
    QAction *mProjectedAction = nullptr;
    QByteArray mDefaultLayout;
    bool mInitialExtentApplied = false;
    QPointer<QProgressDialog> mProgress;
    JhSyncClient *mClient = nullptr;
    JhConnectionIndicator *mIndicator = nullptr;
    JhOfflineBanner *mBanner = nullptr;
    JhLiveLayers *mLiveLayers = nullptr;
    JhLivePanels mPanels;
    JhDispatchPanels mDispatch;
    JhResourcePanels mResources;
    QToolBar *mToolbar = nullptr;
};
