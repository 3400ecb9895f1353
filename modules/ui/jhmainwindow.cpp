// The workstation's main window: the Nantong map canvas, navigation, bookmarks, docks, export, language.
#include "jhmainwindow.h"

#include "jhalarmpanel.h"
#include "jhbasemapproject.h"
#include "jhconnectionindicator.h"
#include "jhdockregistry.h"
#include "jhexportdialog.h"
#include "jhincidentpanel.h"
#include "jhlanguage.h"
#include "jhlayertreepanel.h"
#include "jhlivelayers.h"
#include "jhofflinebanner.h"
#include "jhoutboxdialog.h"
#include "jhsitedetailpanel.h"
#include "jhsitesearchbox.h"
#include "jhsituationmapexporttask.h"
#include "jhsyncclient.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressDialog>
#include <QSettings>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>

#include <qgsapplication.h>
#include <qgscoordinatetransform.h>
#include <qgsexception.h>
#include <qgsgeometry.h>
#include <qgslayertree.h>
#include <qgsmapcanvas.h>
#include <qgsmaptoolpan.h>
#include <qgsmaptoolzoom.h>
#include <qgsproject.h>

namespace {
const QString kLayoutKey = QStringLiteral("workstation/layout");
const QString kGeometryKey = QStringLiteral("workstation/geometry");
const QString kProjectedKey = QStringLiteral("workstation/projectedCoordinates");
} // namespace

JhMainWindow::JhMainWindow(JhBasemapProject *basemap, QWidget *parent)
    : QMainWindow(parent), mBasemap(basemap)
{
    setObjectName(QStringLiteral("JhMainWindow"));
    setWindowTitle(tr("Jianghai Command - ecological environment command workstation"));
    setDockOptions(AnimatedDocks | AllowTabbedDocks | AllowNestedDocks);
    resize(1440, 900);

    createCanvas();
    createActions();
    createStatusBar();
    createDocks();
    createMenus();
    buildBookmarks();

    // Captured before restoring: the default layout is exactly what the registry's defaults give.
    mDefaultLayout = saveState(sLayoutVersion);
    restoreLayout();
    zoomToFullExtent();
    mCoordinates->setText(coordinateText(mCanvas->extent().center()));
    connect(mProjectedAction, &QAction::toggled, this,
            [this] { mCoordinates->setText(coordinateText(mCanvas->extent().center())); });
}

JhMainWindow::~JhMainWindow() = default;

void JhMainWindow::createCanvas()
{
    QgsProject *project = mBasemap->project();
    mCanvas = new QgsMapCanvas(this);
    mCanvas->setObjectName(QStringLiteral("mapCanvas"));
    mCanvas->setProject(project);
    mCanvas->setDestinationCrs(project->crs());
    mCanvas->setCanvasColor(project->backgroundColor());
    mCanvas->setParallelRenderingEnabled(true);
    mCanvas->setCachingEnabled(true);
    mCanvas->setPreviewJobsEnabled(true);
    mCanvas->setLayers(project->layerTreeRoot()->checkedLayers());
    mCanvas->enableAntiAliasing(true);
    setCentralWidget(mCanvas);

    // Attribution the data licences require, always visible over the map (bottom right).
    mAttribution = new QLabel(mCanvas);
    mAttribution->setObjectName(QStringLiteral("attributionLabel"));
    mAttribution->setText(mBasemap->attribution());
    mAttribution->setWordWrap(true);
    mAttribution->setAttribute(Qt::WA_TransparentForMouseEvents);
    mAttribution->setStyleSheet(QStringLiteral(
        "QLabel { background: rgba(255,255,255,200); color: #333; padding: 2px 6px; font-size: 11px; }"));
    mCanvas->installEventFilter(this);
    placeAttribution();

    mPanTool = new QgsMapToolPan(mCanvas);
    mZoomInTool = new QgsMapToolZoom(mCanvas, false);
    mZoomOutTool = new QgsMapToolZoom(mCanvas, true);
    mCanvas->setMapTool(mPanTool);
}

void JhMainWindow::createActions()
{
    mPanAction =
        new QAction(QgsApplication::getThemeIcon(QStringLiteral("/mActionPan.svg")), tr("Pan"), this);
    mZoomInAction =
        new QAction(QgsApplication::getThemeIcon(QStringLiteral("/mActionZoomIn.svg")), tr("Zoom in"), this);
    mZoomOutAction = new QAction(QgsApplication::getThemeIcon(QStringLiteral("/mActionZoomOut.svg")),
                                 tr("Zoom out"), this);
    auto *toolGroup = new QActionGroup(this);
    for (QAction *action : {mPanAction, mZoomInAction, mZoomOutAction}) {
        action->setCheckable(true);
        toolGroup->addAction(action);
    }
    mPanAction->setChecked(true);
    mPanTool->setAction(mPanAction);
    mZoomInTool->setAction(mZoomInAction);
    mZoomOutTool->setAction(mZoomOutAction);
    connect(mPanAction, &QAction::triggered, this, [this] { mCanvas->setMapTool(mPanTool); });
    connect(mZoomInAction, &QAction::triggered, this, [this] { mCanvas->setMapTool(mZoomInTool); });
    connect(mZoomOutAction, &QAction::triggered, this, [this] { mCanvas->setMapTool(mZoomOutTool); });

    mFullExtentAction =
        new QAction(QgsApplication::getThemeIcon(QStringLiteral("/mActionZoomFullExtent.svg")),
                    tr("Zoom to whole Nantong"), this);
    connect(mFullExtentAction, &QAction::triggered, this, &JhMainWindow::zoomToFullExtent);

    mExportAction = new QAction(QgsApplication::getThemeIcon(QStringLiteral("/mActionSaveAsPDF.svg")),
                                tr("Export situation map…"), this);
    mExportAction->setObjectName(QStringLiteral("exportSituationMap"));
    mExportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    connect(mExportAction, &QAction::triggered, this, &JhMainWindow::showExportDialog);

    mQuitAction = new QAction(tr("Quit"), this);
    mQuitAction->setShortcut(QKeySequence::Quit);
    connect(mQuitAction, &QAction::triggered, this, &QWidget::close);

    mResetLayoutAction = new QAction(tr("Reset layout"), this);
    mResetLayoutAction->setObjectName(QStringLiteral("resetLayout"));
    connect(mResetLayoutAction, &QAction::triggered, this, &JhMainWindow::resetLayout);

    mProjectedAction = new QAction(tr("Projected coordinates (metres)"), this);
    mProjectedAction->setCheckable(true);
    mProjectedAction->setChecked(QSettings().value(kProjectedKey, false).toBool());
    mProjectedAction->setToolTip(
        tr("Show the cursor position in CGCS2000 / 3-degree Gauss-Kruger CM 120E metres instead of "
           "longitude/latitude"));
    connect(mProjectedAction, &QAction::toggled, this,
            [](bool checked) { QSettings().setValue(kProjectedKey, checked); });

    auto *toolbar = mToolbar = addToolBar(tr("Map navigation"));
    toolbar->setObjectName(QStringLiteral("navigationToolbar"));
    toolbar->addAction(mPanAction);
    toolbar->addAction(mZoomInAction);
    toolbar->addAction(mZoomOutAction);
    toolbar->addAction(mFullExtentAction);
    toolbar->addSeparator();
    toolbar->addAction(mExportAction);
}

void JhMainWindow::createMenus()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->setObjectName(QStringLiteral("fileMenu"));
    fileMenu->addAction(mExportAction);
    fileMenu->addSeparator();
    fileMenu->addAction(mQuitAction);

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    viewMenu->setObjectName(QStringLiteral("viewMenu"));
    viewMenu->addAction(mPanAction);
    viewMenu->addAction(mZoomInAction);
    viewMenu->addAction(mZoomOutAction);
    viewMenu->addAction(mFullExtentAction);
    viewMenu->addSeparator();
    viewMenu->addAction(mProjectedAction);
    viewMenu->addSeparator();
    mPanelsMenu = viewMenu->addMenu(tr("Panels"));
    mPanelsMenu->addActions(mDocks->toggleActions());
    connect(mDocks, &JhDockRegistry::dockRegistered, this,
            [this](const QString &, QDockWidget *dock) { mPanelsMenu->addAction(dock->toggleViewAction()); });
    viewMenu->addAction(mResetLayoutAction);

    mBookmarksMenu = menuBar()->addMenu(tr("&Bookmarks"));
    mBookmarksMenu->setObjectName(QStringLiteral("bookmarksMenu"));

    QMenu *languageMenu = menuBar()->addMenu(tr("&Language"));
    languageMenu->setObjectName(QStringLiteral("languageMenu"));
    auto *languageGroup = new QActionGroup(this);
    const QString current = JhLanguage::configuredLanguage();
    for (const QString &language : JhLanguage::languages()) {
        QAction *action = languageMenu->addAction(JhLanguage::nativeName(language));
        action->setCheckable(true);
        action->setChecked(language == current);
        action->setData(language);
        languageGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, language] { chooseLanguage(language); });
    }
}

void JhMainWindow::createStatusBar()
{
    mCoordinates = new QLabel(this);
    mCoordinates->setObjectName(QStringLiteral("coordinateLabel"));
    mCoordinates->setMinimumWidth(300);
    mScale = new QLabel(this);
    mScale->setObjectName(QStringLiteral("scaleLabel"));
    mScale->setMinimumWidth(140);
    auto *projectedButton = new QToolButton(this);
    projectedButton->setDefaultAction(mProjectedAction);
    projectedButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    projectedButton->setAutoRaise(true);
    statusBar()->addPermanentWidget(mCoordinates);
    statusBar()->addPermanentWidget(projectedButton);
    statusBar()->addPermanentWidget(mScale);

    connect(mCanvas, &QgsMapCanvas::xyCoordinates, this,
            [this](const QgsPointXY &point) { mCoordinates->setText(coordinateText(point)); });
    connect(mCanvas, &QgsMapCanvas::scaleChanged, this, &JhMainWindow::updateScale);
}

void JhMainWindow::createDocks()
{
    mDocks = new JhDockRegistry(this);
    JhDockDescriptor layers;
    layers.id = QStringLiteral("layers");
    layers.title = tr("Layers");
    layers.area = Qt::LeftDockWidgetArea;
    layers.createWidget = [this](QWidget *parent) {
        return new JhLayerTreePanel(mBasemap->project(), mCanvas, parent);
    };
    mDocks->registerDock(layers);
}

void JhMainWindow::setClient(JhSyncClient *client)
{
    if (mClient || !client)
        return;
    mClient = client;
    mIndicator = new JhConnectionIndicator(client, this);
    statusBar()->insertPermanentWidget(0, mIndicator);
    connect(mIndicator, &JhConnectionIndicator::outboxRequested, this, &JhMainWindow::showOutbox);
    mBanner = new JhOfflineBanner(client, mCanvas);

    // Live layers on top of the basemap; the layer tree's canvas bridge puts them on the canvas.
    mLiveLayers = new JhLiveLayers(mBasemap->project(), mBasemap->mapsDirectory(), this);
    for (const QString &error : mLiveLayers->styleErrors())
        statusBar()->showMessage(error, 10000);
    mLiveLayers->bind(client);
    // Site labels only at working scales: a labelled layer re-runs every layer's labels on each redraw.
    connect(mCanvas, &QgsMapCanvas::scaleChanged, mLiveLayers, &JhLiveLayers::setMapScale);
    mLiveLayers->setMapScale(mCanvas->scale());
    mCanvas->setLayers(mBasemap->project()->layerTreeRoot()->checkedLayers());

    mPanels = JhLivePanels::registerDocks(mDocks, client, nullptr, mToolbar);
    if (mPanels.search) {
        mToolbar->addSeparator();
        mPanels.search->setMaximumWidth(420);
        mToolbar->addWidget(mPanels.search);
        connect(mPanels.search, &JhSiteSearchBox::siteActivated, this, &JhMainWindow::showSite);
    }
    if (mPanels.alarms)
        connect(mPanels.alarms, &JhAlarmPanel::siteActivated, this, &JhMainWindow::showSite);
    // Dispatch: incidents with their timeline, county-team tasks, emergency resources.
    mDispatch = JhDispatchPanels::registerDocks(mDocks, client);
    mResources = JhResourcePanels::registerDock(mDocks, client);
    if (mDispatch.incidents)
        connect(mDispatch.incidents, &JhIncidentPanel::incidentActivated, this, &JhMainWindow::showIncident);
    // The incidents and resources docks share the right and bottom areas with the live ones as tabs.
    if (mPanels.siteDetailDock && mDispatch.incidentsDock)
        tabifyDockWidget(mPanels.siteDetailDock, mDispatch.incidentsDock);
    if (mPanels.alarmsDock && mDispatch.tasksDock)
        tabifyDockWidget(mPanels.alarmsDock, mDispatch.tasksDock);
    if (mPanels.alarmsDock && mResources.dock)
        tabifyDockWidget(mPanels.alarmsDock, mResources.dock);
    if (mPanels.alarmsDock)
        mPanels.alarmsDock->raise();
    if (mPanels.siteDetailDock)
        mPanels.siteDetailDock->raise();
    // Docks made after restoreLayout() take their saved place now (or stay in their default one).
    for (QDockWidget *dock : {mPanels.alarmsDock, mPanels.siteDetailDock, mDispatch.incidentsDock,
                              mDispatch.tasksDock, mResources.dock})
        if (dock && !restoreDockWidget(dock))
            dock->setVisible(true);
}

bool JhMainWindow::showIncident(const QString &incidentId)
{
    const JhIncident *incident = mClient ? mClient->state().incident(incidentId) : nullptr;
    if (!incident)
        return false;
    const QgsCoordinateReferenceSystem cgcs2000(QStringLiteral("EPSG:4490"));
    const QgsCoordinateTransform transform(cgcs2000, mCanvas->mapSettings().destinationCrs(),
                                           mBasemap->project()->transformContext());
    try {
        mCanvas->setCenter(transform.transform(QgsPointXY(incident->longitude, incident->latitude)));
    } catch (const QgsCsException &) {
        return false;
    }
    if (mCanvas->scale() > 120000)
        mCanvas->zoomScale(100000);
    mCanvas->refresh();
    mCanvas->flashGeometries({QgsGeometry::fromPointXY(QgsPointXY(incident->longitude, incident->latitude))},
                             cgcs2000, QColor(200, 0, 200, 255), QColor(200, 0, 200, 0), 6, 400);
    return true;
}

bool JhMainWindow::showSite(const QString &siteId)
{
    if (!mClient)
        return false;
    const JhSite *site = mClient->state().site(siteId);
    if (!site)
        return false;
    const QgsCoordinateReferenceSystem cgcs2000(QStringLiteral("EPSG:4490"));
    const QgsCoordinateTransform transform(cgcs2000, mCanvas->mapSettings().destinationCrs(),
                                           mBasemap->project()->transformContext());
    QgsPointXY centre;
    try {
        centre = transform.transform(QgsPointXY(site->longitude, site->latitude));
    } catch (const QgsCsException &) {
        return false;
    }
    mCanvas->setCenter(centre);
    if (mCanvas->scale() > 60000)
        mCanvas->zoomScale(50000);
    mCanvas->refresh();
    mCanvas->flashGeometries({QgsGeometry::fromPointXY(QgsPointXY(site->longitude, site->latitude))},
                             cgcs2000, QColor(255, 0, 0, 255), QColor(255, 0, 0, 0), 6, 400);
    if (mPanels.siteDetail)
        mPanels.siteDetail->showSite(siteId);
    if (mPanels.siteDetailDock)
        mPanels.siteDetailDock->raise();
    return true;
}

void JhMainWindow::showOutbox()
{
    if (!mClient)
        return;
    auto *dialog = findChild<JhOutboxDialog *>(QStringLiteral("outboxDialog"));
    if (!dialog) {
        dialog = new JhOutboxDialog(mClient, this);
    }
    dialog->show();
    dialog->raise();
}

void JhMainWindow::buildBookmarks()
{
    mBookmarksMenu->clear();
    QAction *city = mBookmarksMenu->addAction(tr("Zoom to whole Nantong"));
    city->setObjectName(QStringLiteral("bookmark-320600"));
    connect(city, &QAction::triggered, this, &JhMainWindow::zoomToFullExtent);
    mBookmarksMenu->addSeparator();
    const auto counties = mBasemap->counties();
    for (const JhCounty &county : counties) {
        QAction *action = mBookmarksMenu->addAction(tr("Zoom to %1").arg(county.nameZh));
        action->setObjectName(QStringLiteral("bookmark-") + county.code);
        action->setData(county.code);
        const QString code = county.code;
        connect(action, &QAction::triggered, this, [this, code] { zoomToCounty(code); });
    }
}

void JhMainWindow::zoomToFullExtent()
{
    const QgsRectangle extent = mBasemap->fullExtent();
    if (!extent.isEmpty()) {
        mCanvas->setExtent(extent);
        mCanvas->refresh();
    }
}

bool JhMainWindow::zoomToCounty(const QString &code)
{
    JhCounty county;
    if (!mBasemap->county(code, &county))
        return false;
    QgsRectangle extent = county.extent;
    extent.grow(std::max(extent.width(), extent.height()) * 0.05);
    mCanvas->setExtent(extent);
    mCanvas->refresh();
    statusBar()->showMessage(tr("Zoomed to %1").arg(county.nameZh), 3000);
    return true;
}

void JhMainWindow::saveLayout()
{
    QSettings settings;
    settings.setValue(kLayoutKey, saveState(sLayoutVersion));
    settings.setValue(kGeometryKey, saveGeometry());
}

bool JhMainWindow::restoreLayout()
{
    QSettings settings;
    const QByteArray geometry = settings.value(kGeometryKey).toByteArray();
    if (!geometry.isEmpty())
        restoreGeometry(geometry);
    const QByteArray state = settings.value(kLayoutKey).toByteArray();
    if (state.isEmpty())
        return false;
    // restoreState() refuses a state saved with another version: the default layout stays.
    return restoreState(state, sLayoutVersion);
}

void JhMainWindow::resetLayout()
{
    QSettings settings;
    settings.remove(kLayoutKey);
    mDocks->applyDefaultPlacement();
    restoreState(mDefaultLayout, sLayoutVersion);
    statusBar()->showMessage(tr("Layout reset to the default"), 3000);
}

QString JhMainWindow::coordinateText(const QgsPointXY &projectPoint) const
{
    const QLocale locale;
    if (mProjectedAction->isChecked()) {
        return tr("X %1 m  Y %2 m (EPSG:4549)")
            .arg(QString::number(projectPoint.x(), 'f', 1), QString::number(projectPoint.y(), 'f', 1));
    }
    const QgsCoordinateTransform transform(mBasemap->project()->crs(),
                                           QgsCoordinateReferenceSystem(QStringLiteral("EPSG:4490")),
                                           mBasemap->project()->transformContext());
    QgsPointXY lonLat;
    try {
        lonLat = transform.transform(projectPoint);
    } catch (const QgsCsException &) {
        return QString();
    }
    return tr("Lon %1°  Lat %2° (CGCS2000)")
        .arg(QString::number(lonLat.x(), 'f', 5), QString::number(lonLat.y(), 'f', 5));
}

void JhMainWindow::updateScale(double scale)
{
    mScale->setText(tr("Scale 1:%1").arg(QLocale(QLocale::C).toString(qRound64(scale))));
}

void JhMainWindow::placeAttribution()
{
    // One line when it fits, otherwise wrapped within two thirds of the canvas; always fully shown.
    mAttribution->ensurePolished();
    const int margins = mAttribution->contentsMargins().left() + mAttribution->contentsMargins().right() + 16;
    const int textWidth = mAttribution->fontMetrics().horizontalAdvance(mAttribution->text()) + margins;
    const int width = std::min(textWidth, std::max(200, mCanvas->width() * 2 / 3));
    mAttribution->setFixedWidth(width);
    const QRect textBox = mAttribution->fontMetrics().boundingRect(QRect(0, 0, width - margins, 10000),
                                                                   Qt::TextWordWrap, mAttribution->text());
    mAttribution->setFixedHeight(textBox.height() + 8);
    mAttribution->move(mCanvas->width() - width - 4, mCanvas->height() - mAttribution->height() - 4);
    mAttribution->raise();
}

bool JhMainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == mCanvas && event->type() == QEvent::Resize)
        placeAttribution();
    return QMainWindow::eventFilter(watched, event);
}

void JhMainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (!mInitialExtentApplied) {
        // The canvas has its real size only now; fit the whole city to it.
        mInitialExtentApplied = true;
        zoomToFullExtent();
    }
}

void JhMainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    QMainWindow::closeEvent(event);
}

void JhMainWindow::chooseLanguage(const QString &language)
{
    QSettings().setValue(JhLanguage::settingsKey(), language);
    statusBar()->showMessage(tr("The language changes to %1 when the workstation is restarted.")
                                 .arg(JhLanguage::nativeName(language)),
                             8000);
}

void JhMainWindow::showExportDialog()
{
    JhExportDialog dialog(mBasemap->counties(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    startExport(dialog.request(QDateTime::currentDateTime()));
}

void JhMainWindow::startExport(const JhSituationMapRequest &request)
{
    auto *task = new JhSituationMapExportTask(mBasemap->mapsDirectory(), request);
    // The task renders its own copy of the project: hand it the live state the canvas shows.
    if (mClient)
        task->setLiveState(mClient->state(), mClient->siteStatuses());
    mProgress = new QProgressDialog(tr("Exporting the situation map…"), tr("Cancel"), 0, 100, this);
    mProgress->setObjectName(QStringLiteral("exportProgress"));
    mProgress->setWindowTitle(tr("Export situation map"));
    mProgress->setWindowModality(Qt::WindowModal);
    mProgress->setMinimumDuration(300);
    mProgress->setAutoClose(false);
    mProgress->setAutoReset(false);
    mProgress->setValue(0);
    QPointer<JhSituationMapExportTask> guardedTask(task);
    connect(mProgress, &QProgressDialog::canceled, this, [guardedTask] {
        if (guardedTask)
            guardedTask->cancel();
    });
    connect(task, &QgsTask::progressChanged, mProgress, [this](double progress) {
        if (mProgress)
            mProgress->setValue(static_cast<int>(progress));
    });
    connect(task, &JhSituationMapExportTask::exportFinished, this, &JhMainWindow::onExportFinished);
    mExportAction->setEnabled(false);
    QgsApplication::taskManager()->addTask(task);
}

void JhMainWindow::onExportFinished(const JhSituationMapExporter::Result &result)
{
    mExportAction->setEnabled(true);
    if (mProgress) {
        mProgress->close();
        mProgress->deleteLater();
    }
    if (result.ok())
        statusBar()->showMessage(tr("Situation map exported to %1").arg(result.outputPath), 10000);
    else if (result.error == JhSituationMapExporter::Error::Canceled)
        statusBar()->showMessage(result.message, 5000);
    else if (isVisible())
        QMessageBox::warning(this, tr("Export situation map"), result.message);
    else
        statusBar()->showMessage(result.message, 10000);
    emit exportFinished(result);
}
