// The live workstation against the real jianghai-central: a logger's fault packet shows as an alarm row and
// changes the site's symbol on a rendered frame (pixel probe) within 2 s; acknowledged on workstation A it
// shows acknowledged on workstation B; with central stopped the banner says offline, an acknowledgement made
// offline waits in the outbox and is delivered exactly once when central is back.
#include "../central/centraltestsupport.h"
#include "../client/centralprocess.h"

#include "jhalarmpanel.h"
#include "jhalarmtablemodel.h"
#include "jhbasemapproject.h"
#include "jhlivelayers.h"
#include "jhmainwindow.h"
#include "jhofflinebanner.h"
#include "jhscenario.h"
#include "jhstore.h"
#include "jhsyncclient.h"

#include <QElapsedTimer>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

#include <qgsapplication.h>
#include <qgscoordinatetransform.h>
#include <qgsmapcanvas.h>
#include <qgsmaprenderersequentialjob.h>
#include <qgsproject.h>

#include <memory>

class TestWorkstationLive : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir mFolder;
    JhScenario mScenario;
    std::unique_ptr<JhCentralProcess> mCentral;

    std::unique_ptr<JhSyncClient> makeClient(const QString &token, const QString &name)
    {
        JhClientConfig config;
        config.urls = QStringList{mCentral->url()};
        config.token = token;
        config.clientName = QStringLiteral("tst_workstationlive");
        config.dataDirectory = mFolder.filePath(QString::fromLatin1(QTest::currentTestFunction()) + name);
        config.initialBackoffMs = 100;
        config.maxBackoffMs = 500;
        auto client = std::make_unique<JhSyncClient>(config);
        client->start();
        return client;
    }

    static bool live(JhSyncClient &client)
    {
        return JhCentralProcess::waitFor(
            [&client]() {
                return client.hasSynced() && client.connectionStatus().state == JhConnectionState::Live;
            },
            15000);
    }

    void sendPacket(const JhSite &site, const QByteArray &flag, const QByteArray &value)
    {
        TestLogger logger(mCentral->hj212Port());
        QVERIFY(JhCentralProcess::waitFor([&logger]() { return logger.isConnected(); }));
        const QByteArray time = QDateTime::currentDateTimeUtc()
                                    .toOffsetFromUtc(8 * 3600)
                                    .toString(QStringLiteral("yyyyMMddHHmmsszzz"))
                                    .left(17)
                                    .toLatin1();
        const QByteArray factor = site.factorCodes.value(0).toLatin1();
        logger.send(makePacket(site.mn.toLatin1(), site.password.toLatin1(), 2011, time, 5, time.left(14),
                               {{factor + "-Rtd", value}, {factor + "-Flag", flag}}));
        QVERIFY(JhCentralProcess::waitFor([&logger]() { return !logger.replies.isEmpty(); }));
    }

    //! The canvas frame as the window would draw it now (real QGIS rendering).
    static QImage renderFrame(JhMainWindow &window)
    {
        window.liveLayers()->flushRepaint();
        QgsMapRendererSequentialJob job(window.canvas()->mapSettings());
        job.start();
        job.waitForFinished();
        return job.renderedImage();
    }

    static QPoint pixelOf(JhMainWindow &window, const JhSite &site)
    {
        const QgsMapSettings settings = window.canvas()->mapSettings();
        const QgsCoordinateTransform transform(QgsCoordinateReferenceSystem(QStringLiteral("EPSG:4490")),
                                               settings.destinationCrs(),
                                               QgsProject::instance()->transformContext());
        const QgsPointXY projected = transform.transform(QgsPointXY(site.longitude, site.latitude));
        const QgsPointXY pixel = settings.mapToPixel().transform(projected);
        return QPoint(int(pixel.x()), int(pixel.y()));
    }

    //! Colours in a small disc around \a centre (a symbol and its halo).
    static QSet<QRgb> coloursAround(const QImage &image, const QPoint &centre, int radius)
    {
        QSet<QRgb> colours;
        for (int dy = -radius; dy <= radius; ++dy)
            for (int dx = -radius; dx <= radius; ++dx)
                if (image.rect().contains(centre + QPoint(dx, dy)))
                    colours.insert(image.pixel(centre + QPoint(dx, dy)) | 0xff000000u);
        return colours;
    }

    static bool hasStrongRed(const QSet<QRgb> &colours)
    {
        for (QRgb c : colours)
            if (qRed(c) > 200 && qGreen(c) < 80 && qBlue(c) < 80)
                return true;
        return false;
    }

    static int rowOfSite(JhAlarmPanel *panel, const QString &siteId)
    {
        JhAlarmTableModel *model = panel->model();
        for (int row = 0; row < model->rowCount(); ++row)
            if (model->index(row, 0).data(JhAlarmTableModel::SiteIdRole).toString() == siteId)
                return row;
        return -1;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(mFolder.isValid());
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                           mFolder.filePath(QStringLiteral("settings")));
        QCoreApplication::setOrganizationName(QStringLiteral("JianghaiTest"));
        QVERIFY(mScenario.load(QStringLiteral(JH_SOURCE_DIR "/resources/scenario/nantong-scenario.json")));
        mCentral = std::make_unique<JhCentralProcess>(mFolder.filePath(QStringLiteral("central")));
        QVERIFY(mCentral->start());
    }
    void cleanupTestCase() { mCentral.reset(); }

    void aFaultShowsInTheTableAndOnTheMapWithinTwoSeconds()
    {
        JhBasemapProject basemap;
        QCOMPARE(basemap.load(QStringLiteral(JH_SOURCE_DIR "/maps")), JhBasemapProject::Error::None);
        auto client = makeClient(QStringLiteral("demo-duty"), QStringLiteral("a"));
        JhMainWindow window(&basemap);
        window.resize(1600, 1000);
        window.setClient(client.get());
        window.show();
        QVERIFY(live(*client));
        const JhSite &site = mScenario.sites().at(10);
        QVERIFY(window.showSite(site.id));
        // Online first, so the change seen is the fault and its alarm, not the first data.
        sendPacket(site, "N", "20");
        QVERIFY(JhCentralProcess::waitFor([&]() {
            const JhSiteStatus *status = client->siteStatus(site.id);
            return status && status->state == JhSiteState::Online;
        }));
        QTest::qWait(300);
        const QPoint pixel = pixelOf(window, site);
        const QSet<QRgb> before = coloursAround(renderFrame(window), pixel, 14);
        QVERIFY(!hasStrongRed(before));

        QElapsedTimer elapsed;
        elapsed.start();
        sendPacket(site, "D", "21");
        JhAlarmPanel *alarms = window.livePanels().alarms;
        QVERIFY(alarms);
        QVERIFY(JhCentralProcess::waitFor([&]() { return rowOfSite(alarms, site.id) >= 0; }, 5000));
        const qint64 rowMs = elapsed.elapsed();
        bool changed = false;
        QSet<QRgb> after;
        while (elapsed.elapsed() < 5000 && !changed) {
            QTest::qWait(50);
            after = coloursAround(renderFrame(window), pixel, 14);
            changed = hasStrongRed(after) && after != before;
        }
        const qint64 symbolMs = elapsed.elapsed();
        qInfo() << "alarm row after" << rowMs << "ms, symbol changed after" << symbolMs << "ms";
        QVERIFY2(changed, "the site's symbol did not change to an alarmed one");
        QVERIFY2(rowMs <= 2000, qPrintable(QString::number(rowMs)));
        QVERIFY2(symbolMs <= 2000, qPrintable(QString::number(symbolMs)));
        QImage frame = renderFrame(window);
        frame.save(QStringLiteral(JH_BINARY_DIR "/tst_workstationlive-fault.png"));
    }

    void acknowledgedOnAShowsOnB()
    {
        auto a = makeClient(QStringLiteral("demo-duty"), QStringLiteral("a"));
        auto b = makeClient(QStringLiteral("demo-coordinator"), QStringLiteral("b"));
        QVERIFY(live(*a));
        QVERIFY(live(*b));
        JhBasemapProject basemapA, basemapB;
        QCOMPARE(basemapA.load(QStringLiteral(JH_SOURCE_DIR "/maps")), JhBasemapProject::Error::None);
        QCOMPARE(basemapB.load(QStringLiteral(JH_SOURCE_DIR "/maps")), JhBasemapProject::Error::None);
        JhMainWindow windowA(&basemapA), windowB(&basemapB);
        windowA.setClient(a.get());
        windowB.setClient(b.get());
        const JhSite &site = mScenario.sites().at(20);
        sendPacket(site, "D", "5");
        JhAlarmPanel *panelA = windowA.livePanels().alarms;
        JhAlarmPanel *panelB = windowB.livePanels().alarms;
        QVERIFY(JhCentralProcess::waitFor(
            [&]() { return rowOfSite(panelA, site.id) >= 0 && rowOfSite(panelB, site.id) >= 0; }, 5000));
        const QString alarmId = panelA->model()
                                    ->index(rowOfSite(panelA, site.id), 0)
                                    .data(JhAlarmTableModel::AlarmIdRole)
                                    .toString();
        panelA->submitCommand(JhCommandType::AcknowledgeAlarm,
                              {{"alarmId", alarmId}, {"note", QStringLiteral("已电话核实")}});
        QVERIFY(JhCentralProcess::waitFor(
            [&]() {
                const int row = rowOfSite(panelB, site.id);
                return row >= 0 &&
                       panelB->model()->index(row, 0).data(JhAlarmTableModel::StateRole).toInt() ==
                           int(JhAlarmState::Acknowledged);
            },
            5000));
    }

    void offlineBannerAndAnAcknowledgementDeliveredOnceLater()
    {
        JhBasemapProject basemap;
        QCOMPARE(basemap.load(QStringLiteral(JH_SOURCE_DIR "/maps")), JhBasemapProject::Error::None);
        auto client = makeClient(QStringLiteral("demo-duty"), QStringLiteral("c"));
        QVERIFY(live(*client));
        const JhSite &site = mScenario.sites().at(30);
        sendPacket(site, "D", "9");
        QVERIFY(JhCentralProcess::waitFor([&]() {
            for (const JhAlarm &alarm : client->state().alarms())
                if (alarm.siteId == site.id)
                    return true;
            return false;
        }));
        QString alarmId;
        for (const JhAlarm &alarm : client->state().alarms())
            if (alarm.siteId == site.id)
                alarmId = alarm.id;
        {
            JhMainWindow window(&basemap);
            window.setClient(client.get());
            window.show();
            mCentral->stop();
            QVERIFY(JhCentralProcess::waitFor([&]() { return window.offlineBanner()->isVisible(); }, 5000));
            QVERIFY2(window.offlineBanner()->text().contains(QStringLiteral("离线")) ||
                         window.offlineBanner()->text().contains(QStringLiteral("Offline")),
                     qPrintable(window.offlineBanner()->text()));
            // The cached state is still there: the alarm is still listed.
            QVERIFY(rowOfSite(window.livePanels().alarms, site.id) >= 0);
            window.livePanels().alarms->submitCommand(
                JhCommandType::AcknowledgeAlarm,
                {{"alarmId", alarmId}, {"note", QStringLiteral("离线确认")}});
            QVERIFY(JhCentralProcess::waitFor(
                [&]() { return client->pendingCommandCount() == 1 && !client->outbox().isEmpty(); }));
        }
        // The workstation restarts while offline: the outbox is still there.
        const JhClientConfig config = client->config();
        client.reset();
        JhSyncClient restarted(config);
        restarted.start();
        QVERIFY(JhCentralProcess::waitFor([&]() { return restarted.isCacheLoaded(); }));
        QCOMPARE(restarted.pendingCommandCount(), 1);
        QVERIFY(mCentral->start());
        QVERIFY(JhCentralProcess::waitFor([&]() { return restarted.pendingCommandCount() == 0; }, 15000));
        QVERIFY(JhCentralProcess::waitFor([&]() {
            return restarted.state().alarm(alarmId) &&
                   restarted.state().alarm(alarmId)->state == JhAlarmState::Acknowledged;
        }));
        const QString commandId = restarted.outbox().constLast().command.id;
        mCentral->stop();
        JhStore store;
        QVERIFY(store.open(JhStoreConfig::inDataDirectory(mFolder.filePath(QStringLiteral("central")))));
        QList<JhEvent> events;
        QVERIFY(store.eventsAfter(0, 100000, events));
        int applied = 0;
        for (const JhEvent &event : events)
            applied += event.commandId == commandId ? 1 : 0;
        QCOMPARE(applied, 1);
        store.close();
        QVERIFY(mCentral->start());
    }
};

int main(int argc, char *argv[])
{
    QgsApplication app(argc, argv, true);
    QgsApplication::setPrefixPath(QStringLiteral("/usr"), true);
    QgsApplication::initQgis();
    int result = 0;
    {
        TestWorkstationLive test;
        result = QTest::qExec(&test, argc, argv);
    }
    QgsApplication::exitQgis();
    return result;
}
#include "tst_workstationlive.moc"
