// jianghai-workstation: thin main - arguments, QGIS start-up, translations, window or headless export.
#include "jhbasemapproject.h"
#include "jhcentralconnector.h"
#include "jhlanguage.h"
#include "jhmainwindow.h"
#include "jhsituationmapexporter.h"
#include "jhsyncclient.h"
#include "jhworkstationoptions.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QIcon>
#include <QScreen>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTextStream>
#include <QTimer>

#include <qgsapplication.h>
#include <qgsmapcanvas.h>

#include <cerrno>
#include <cstdio>
#include <memory>

#include <sys/stat.h>
#include <unistd.h>

namespace {

void printError(const QString &message)
{
    QTextStream(stderr) << message << Qt::endl;
}

//! True when Qt can open a window: an X or Wayland display, or a platform plugin that needs none
//! (offscreen, vnc …). Without this check Qt aborts with a core dump when DISPLAY is missing.
bool hasDisplay()
{
    const bool x11 = !qEnvironmentVariableIsEmpty("DISPLAY");
    const bool wayland = !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
    const QString platform = qEnvironmentVariable("QT_QPA_PLATFORM");
    if (platform.isEmpty())
        return x11 || wayland;
    if (platform.startsWith(QLatin1String("xcb")))
        return x11;
    if (platform.startsWith(QLatin1String("wayland")))
        return wayland;
    return true;
}

//! Headless runs (CI, cron exports) often have no XDG_RUNTIME_DIR; Qt then warns on every start.
//! Point it at a private folder instead, as Qt itself would, without the noise.
void ensureRuntimeDirectory()
{
    if (!qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR"))
        return;
    const QByteArray directory = QDir::tempPath().toLocal8Bit() + "/runtime-" + QByteArray::number(getuid());
    if (::mkdir(directory.constData(), 0700) == 0 || errno == EEXIST)
        qputenv("XDG_RUNTIME_DIR", directory);
}

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer startup;
    startup.start();

    // Decided before any Qt object exists: the platform plugin is fixed when the application is built.
    const JhWorkstationOptions::Mode earlyMode = JhWorkstationOptions::scanMode(argc, argv);
    if (earlyMode == JhWorkstationOptions::Mode::Export ||
        (earlyMode != JhWorkstationOptions::Mode::Window && !hasDisplay()))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    else if (earlyMode == JhWorkstationOptions::Mode::Window && !hasDisplay()) {
        std::fputs(
            "没有可用的图形显示 (no display): run under a desktop or xvfb-run, or export headless with "
            "--export-map out.pdf\n",
            stderr);
        return JhWorkstationOptions::ExitNoDisplay;
    }

    ensureRuntimeDirectory();
    QgsApplication app(argc, argv, true);
    QCoreApplication::setOrganizationName(QStringLiteral("Jianghai"));
    QCoreApplication::setApplicationName(QStringLiteral("jianghai-workstation"));
    QCoreApplication::setApplicationVersion(QStringLiteral(JH_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/jianghai/icons/jianghai.svg")));
    QgsApplication::setPrefixPath(QStringLiteral("/usr"), true);
    QgsApplication::initQgis();
    const qint64 qgisReadyMs = startup.elapsed();

    const QString requestedLanguage = JhWorkstationOptions::scanLanguage(argc, argv);
    const QString language = JhLanguage::languages().contains(requestedLanguage)
                                 ? requestedLanguage
                                 : JhLanguage::configuredLanguage();
    QString languageError;
    if (!JhLanguage::install(language, &languageError))
        printError(languageError);
    JhWorkstationOptions options;
    if (!options.parse(QCoreApplication::arguments())) {
        printError(options.errorMessage());
        return JhWorkstationOptions::ExitUsage;
    }
    if (options.mode() == JhWorkstationOptions::Mode::Help) {
        QTextStream(stdout) << options.helpText();
        return JhWorkstationOptions::ExitOk;
    }
    if (options.mode() == JhWorkstationOptions::Mode::Version) {
        QTextStream(stdout) << QCoreApplication::applicationName() << ' '
                            << QCoreApplication::applicationVersion() << Qt::endl;
        return JhWorkstationOptions::ExitOk;
    }

    // QGIS objects (project, window) must be gone before exitQgis(): keep them in this block.
    int exitCode = JhWorkstationOptions::ExitOk;
    {
        JhBasemapProject basemap;
        const JhBasemapProject::Error loadError = basemap.load(options.mapsDirectory());
        if (loadError == JhBasemapProject::Error::MapsDirectoryNotFound ||
            loadError == JhBasemapProject::Error::ProjectUnreadable) {
            printError(basemap.errorMessage());
            exitCode = JhWorkstationOptions::ExitBasemap;
        }
        const qint64 basemapReadyMs = startup.elapsed();
        if (exitCode == JhWorkstationOptions::ExitOk && loadError != JhBasemapProject::Error::None) {
            printError(basemap.errorMessage()); // some broken layers: warn, the rest of the map still works
        }

        if (exitCode != JhWorkstationOptions::ExitOk) {
            // nothing more to do without a basemap
        } else if (options.mode() == JhWorkstationOptions::Mode::Export) {
            const JhSituationMapExporter exporter(&basemap);
            const JhSituationMapExporter::Result result = exporter.exportMap(options.request());
            if (result.ok())
                QTextStream(stdout) << QDir::toNativeSeparators(
                                           QFileInfo(result.outputPath).absoluteFilePath())
                                    << Qt::endl;
            else
                printError(result.message);
            exitCode = JhWorkstationOptions::exitCodeFor(result.error);
        } else {
            // Declared before the window: the client outlives every widget bound to it.
            JhCentralConnector connector(
                QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
                    .filePath(QStringLiteral("central")));
            JhMainWindow window(&basemap);
            QObject::connect(&connector, &JhCentralConnector::clientReady, &window,
                             [&window](JhSyncClient *client) { window.setClient(client); });
            QObject::connect(
                &connector, &JhCentralConnector::cancelled, &window,
                [&window](const QString &reason) { window.statusBar()->showMessage(reason, 15000); });
            // Pictures use the whole (virtual) screen, whatever size the window was last left at.
            if (!options.screenshotPath().isEmpty() && window.screen())
                window.setGeometry(window.screen()->availableGeometry());
            window.show();
            const qint64 windowShownMs = startup.elapsed();
            const bool screenshot = !options.screenshotPath().isEmpty();
            if (!options.noCentral())
                connector.connectToCentral(options.centralUrl(), options.token(), &window,
                                           !screenshot && !options.benchmarkStartup());
            auto takeScreenshot = [&]() {
                if (!window.grab().save(options.screenshotPath())) {
                    printError(QStringLiteral("Cannot write %1").arg(options.screenshotPath()));
                    exitCode = JhWorkstationOptions::ExitOutput;
                }
                QTimer::singleShot(0, &app, &QCoreApplication::quit);
            };
            if (!options.showSite().isEmpty()) {
                // Once the site is known (cache or first sync), show it; once only.
                auto shown = std::make_shared<bool>(false);
                auto tryShow = [&window, &options, shown]() {
                    if (!*shown && window.client() && window.showSite(options.showSite()))
                        *shown = true;
                };
                QObject::connect(
                    &connector, &JhCentralConnector::clientReady, &window,
                    [&window, tryShow](JhSyncClient *c) {
                        QObject::connect(c, &JhSyncClient::stateChanged, &window, [tryShow]() { tryShow(); });
                        QObject::connect(c, &JhSyncClient::synced, &window, [tryShow]() { tryShow(); });
                    });
                if (connector.client()) {
                    QObject::connect(connector.client(), &JhSyncClient::stateChanged, &window,
                                     [tryShow]() { tryShow(); });
                    QObject::connect(connector.client(), &JhSyncClient::synced, &window,
                                     [tryShow]() { tryShow(); });
                }
            }
            if (screenshot && connector.client()) {
                // The live state, not the cache: wait (bounded) for the first sync and the site statuses,
                // then for the live layers to be drawn.
                JhSyncClient *client = connector.client();
                auto *poll = new QTimer(&window);
                QElapsedTimer waited;
                waited.start();
                const qint64 limitMs = qint64(options.syncTimeoutSeconds()) * 1000;
                QObject::connect(poll, &QTimer::timeout, &window, [&, poll, client, waited, limitMs]() {
                    const bool ready = client->hasSynced() && !client->siteStatuses().isEmpty();
                    if (!ready && waited.elapsed() < limitMs)
                        return;
                    poll->stop();
                    if (!ready) {
                        printError(
                            QStringLiteral("Could not sync with the central service within %1 s (%2); the "
                                           "screenshot shows the cached state")
                                .arg(options.syncTimeoutSeconds())
                                .arg(client->connectionStatus().reasonEn));
                        exitCode = JhWorkstationOptions::ExitNotSynced;
                    }
                    // Live layers repaint at most a few times per second, the site detail queries its curves:
                    // give them time.
                    QTimer::singleShot(options.showSite().isEmpty() ? 1500 : 3000, &window, takeScreenshot);
                });
                poll->start(100);
            } else if (options.benchmarkStartup() || screenshot) {
                // Exit after the first complete frame of the canvas: the start-up benchmark and screenshots.
                // With a client: the first frame that shows the cached live state (a usable map).
                QObject::connect(window.canvas(), &QgsMapCanvas::mapCanvasRefreshed, &window, [&] {
                    JhSyncClient *client = connector.client();
                    if (options.benchmarkStartup() && client &&
                        (!client->isCacheLoaded() || client->state().sites().isEmpty()))
                        return;
                    if (options.benchmarkStartup())
                        QTextStream(stdout)
                            << "first-frame-ms " << startup.elapsed() << " (qgis-ready " << qgisReadyMs
                            << ", basemap-loaded " << basemapReadyMs << ", window-shown " << windowShownMs
                            << (client ? QStringLiteral(", live layers from the cache: %1 sites")
                                             .arg(client->state().sites().size())
                                       : QString())
                            << ")" << Qt::endl;
                    if (screenshot)
                        takeScreenshot();
                    else
                        QTimer::singleShot(0, &app, &QCoreApplication::quit);
                });
            }
            const int eventLoopCode = QgsApplication::exec();
            if (exitCode == JhWorkstationOptions::ExitOk)
                exitCode = eventLoopCode;
        }
    }
    QgsApplication::exitQgis();
    return exitCode;
}
