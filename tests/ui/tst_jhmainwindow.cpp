// The workstation main window offscreen: docks, layout persistence and reset, bookmarks, status bar, export.
#include "jhbasemapproject.h"
#include "jhdockregistry.h"
#include "jhmainwindow.h"
#include "jhsituationmaprequest.h"

#include <QtTest>

#include <QDockWidget>
#include <QLabel>
#include <QMenu>
#include <QSettings>

#include <qgsapplication.h>
#include <qgscoordinatetransform.h>
#include <qgslayertree.h>
#include <qgslayertreeview.h>
#include <qgsmapcanvas.h>
#include <qgsproject.h>

class TestJhMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void opensOnWholeCity();
    void layerTreeDockRegistered();
    void registryRejectsDuplicatesAndAddsPanels();
    void layoutRoundTripsThroughSettings();
    void layoutOfAnotherVersionIsIgnored();
    void resetLayoutRestoresDefault();
    void bookmarksListCountiesAndZoom();
    void statusBarCoordinatesAndScale();
    void attributionVisibleOverCanvas();
    void exportRunsInBackground();

private:
    JhBasemapProject mBasemap;
    QTemporaryDir mDirectory;
};

void TestJhMainWindow::initTestCase()
{
    QVERIFY(mDirectory.isValid());
    // Settings of this test only: never read or clobber a user's saved layout.
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                       mDirectory.filePath(QStringLiteral("settings")));
    QCoreApplication::setOrganizationName(QStringLiteral("JianghaiTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_jhmainwindow"));
    QCOMPARE(mBasemap.load(QStringLiteral(JH_SOURCE_DIR "/maps")), JhBasemapProject::Error::None);
}

void TestJhMainWindow::init()
{
    QSettings().clear();
}

void TestJhMainWindow::opensOnWholeCity()
{
    JhMainWindow window(&mBasemap);
    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.canvas()->mapSettings().destinationCrs().authid(), QStringLiteral("EPSG:4549"));
    const QgsRectangle visible = window.canvas()->extent();
    const auto counties = mBasemap.counties();
    for (const JhCounty &county : counties)
        QVERIFY2(visible.contains(county.extent), qPrintable(county.code));
    // Whole city, not the whole world: the view is at most about twice the city's size.
    QVERIFY(visible.width() < mBasemap.fullExtent().width() * 2.5);
    QVERIFY(!window.canvas()->layers().isEmpty());
}

void TestJhMainWindow::layerTreeDockRegistered()
{
    JhMainWindow window(&mBasemap);
    QCOMPARE(window.docks()->ids(), QStringList{QStringLiteral("layers")});
    QDockWidget *dock = window.docks()->dock(QStringLiteral("layers"));
    QVERIFY(dock);
    QCOMPARE(window.dockWidgetArea(dock), Qt::LeftDockWidgetArea);
    auto *view = dock->findChild<QgsLayerTreeView *>();
    QVERIFY(view);
    QCOMPARE(view->model()->rowCount(), mBasemap.project()->layerTreeRoot()->children().size());
}

void TestJhMainWindow::registryRejectsDuplicatesAndAddsPanels()
{
    JhMainWindow window(&mBasemap);
    JhDockDescriptor duplicate;
    duplicate.id = QStringLiteral("layers");
    duplicate.title = QStringLiteral("again");
    QVERIFY(!window.docks()->registerDock(duplicate));

    JhDockDescriptor alarms;
    alarms.id = QStringLiteral("alarms");
    alarms.title = QStringLiteral("告警");
    alarms.area = Qt::BottomDockWidgetArea;
    alarms.createWidget = [](QWidget *parent) { return new QLabel(QStringLiteral("alarm list"), parent); };
    QDockWidget *dock = window.docks()->registerDock(alarms);
    QVERIFY(dock);
    QCOMPARE(dock->objectName(), QStringLiteral("alarms"));
    QCOMPARE(window.dockWidgetArea(dock), Qt::BottomDockWidgetArea);
    QCOMPARE(window.docks()->ids(), (QStringList{QStringLiteral("layers"), QStringLiteral("alarms")}));
    QVERIFY(window.docks()->toggleActions().contains(dock->toggleViewAction()));
}

void TestJhMainWindow::layoutRoundTripsThroughSettings()
{
    {
        JhMainWindow window(&mBasemap);
        window.show();
        QDockWidget *dock = window.docks()->dock(QStringLiteral("layers"));
        window.addDockWidget(Qt::RightDockWidgetArea, dock);
        QCOMPARE(window.dockWidgetArea(dock), Qt::RightDockWidgetArea);
        window.close(); // closing saves the layout
    }
    JhMainWindow restarted(&mBasemap);
    QCOMPARE(restarted.dockWidgetArea(restarted.docks()->dock(QStringLiteral("layers"))),
             Qt::RightDockWidgetArea);
    QVERIFY(restarted.restoreLayout());
}

void TestJhMainWindow::layoutOfAnotherVersionIsIgnored()
{
    {
        JhMainWindow window(&mBasemap);
        window.addDockWidget(Qt::RightDockWidgetArea, window.docks()->dock(QStringLiteral("layers")));
        QSettings().setValue(QStringLiteral("workstation/layout"),
                             window.saveState(JhMainWindow::sLayoutVersion + 1));
    }
    JhMainWindow restarted(&mBasemap);
    QVERIFY(!restarted.restoreLayout());
    QCOMPARE(restarted.dockWidgetArea(restarted.docks()->dock(QStringLiteral("layers"))),
             Qt::LeftDockWidgetArea);
}

void TestJhMainWindow::resetLayoutRestoresDefault()
{
    JhMainWindow window(&mBasemap);
    window.show();
    QDockWidget *dock = window.docks()->dock(QStringLiteral("layers"));
    window.addDockWidget(Qt::RightDockWidgetArea, dock);
    dock->hide();
    window.saveLayout();
    QVERIFY(QSettings().contains(QStringLiteral("workstation/layout")));

    window.resetLayoutAction()->trigger();
    QCOMPARE(window.dockWidgetArea(dock), Qt::LeftDockWidgetArea);
    QVERIFY(dock->isVisible());
    QVERIFY(!QSettings().contains(QStringLiteral("workstation/layout")));
}

void TestJhMainWindow::bookmarksListCountiesAndZoom()
{
    JhMainWindow window(&mBasemap);
    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QStringList countyActions;
    const auto actions = window.bookmarksMenu()->actions();
    for (QAction *action : actions) {
        if (!action->data().toString().isEmpty())
            countyActions << action->text();
    }
    QCOMPARE(countyActions.size(), 7);
    QVERIFY(countyActions.join(QLatin1Char(' ')).contains(QStringLiteral("海门区")));

    auto *haimen = window.bookmarksMenu()->findChild<QAction *>(QStringLiteral("bookmark-320614"));
    QVERIFY(haimen);
    haimen->trigger();
    JhCounty county;
    QVERIFY(mBasemap.county(QStringLiteral("320614"), &county));
    const QgsRectangle extent = window.canvas()->extent();
    QVERIFY2(extent.contains(county.extent), qPrintable(extent.toString()));
    // Zoomed to the county, not left on the city: the view is much smaller than Nantong.
    QVERIFY(extent.width() < mBasemap.fullExtent().width() * 0.8);
    QVERIFY(std::abs(extent.center().x() - county.extent.center().x()) < county.extent.width() * 0.3);
    QVERIFY(std::abs(extent.center().y() - county.extent.center().y()) < county.extent.height() * 0.3);
}

void TestJhMainWindow::statusBarCoordinatesAndScale()
{
    JhMainWindow window(&mBasemap);
    window.show();
    // 南通 city centre ≈ 120.894°E 31.981°N; the same point in EPSG:4549 metres.
    const QgsCoordinateTransform transform(QgsCoordinateReferenceSystem(QStringLiteral("EPSG:4490")),
                                           mBasemap.project()->crs(), mBasemap.project()->transformContext());
    const QgsPointXY projected = transform.transform(QgsPointXY(120.894, 31.981));
    window.projectedCoordinatesAction()->setChecked(false);
    const QString lonLat = window.coordinateText(projected);
    QVERIFY2(lonLat.contains(QStringLiteral("120.89400")) && lonLat.contains(QStringLiteral("31.98100")),
             qPrintable(lonLat));
    window.projectedCoordinatesAction()->setChecked(true);
    const QString metres = window.coordinateText(projected);
    QVERIFY2(metres.contains(QString::number(projected.x(), 'f', 1)), qPrintable(metres));
    QVERIFY(metres.contains(QStringLiteral("4549")));

    emit window.canvas()->xyCoordinates(projected);
    QCOMPARE(window.coordinateLabel()->text(), metres);
    window.zoomToCounty(QStringLiteral("320613"));
    QVERIFY(window.scaleLabel()->text().contains(QStringLiteral("1:")));
}

void TestJhMainWindow::attributionVisibleOverCanvas()
{
    JhMainWindow window(&mBasemap);
    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QLabel *label = window.attributionLabel();
    QCOMPARE(label->text(), mBasemap.attribution());
    QVERIFY(label->isVisible());
    QCOMPARE(label->parentWidget(), window.canvas());
    QVERIFY(window.canvas()->rect().contains(label->geometry()));
}

void TestJhMainWindow::exportRunsInBackground()
{
    JhMainWindow window(&mBasemap);
    JhSituationMapRequest request;
    request.outputPath = mDirectory.filePath(QStringLiteral("from-ui.png"));
    request.title = QStringLiteral("海门区态势图");
    request.extent = QStringLiteral("320614");
    request.format = JhSituationMapRequest::Format::Png;
    request.dpi = 40;
    request.dateTime = QDateTime(QDate(2026, 7, 1), QTime(9, 30));
    QSignalSpy finished(&window, &JhMainWindow::exportFinished);
    window.startExport(request);
    // startExport() returned at once: the action is disabled until the task reports back.
    QVERIFY(!window.exportAction()->isEnabled());
    QVERIFY(finished.wait(60000));
    const auto result = finished.constFirst().constFirst().value<JhSituationMapExporter::Result>();
    QVERIFY2(result.ok(), qPrintable(result.message));
    QVERIFY(!QImage(request.outputPath).isNull());
    QVERIFY(window.exportAction()->isEnabled());
}

int main(int argc, char *argv[])
{
    QgsApplication app(argc, argv, true);
    QgsApplication::setPrefixPath(QStringLiteral("/usr"), true);
    QgsApplication::initQgis();
    qRegisterMetaType<JhSituationMapExporter::Result>();
    int result = 0;
    {
        TestJhMainWindow test;
        result = QTest::qExec(&test, argc, argv);
    }
    QgsApplication::exitQgis();
    return result;
}
#include "tst_jhmainwindow.moc"
