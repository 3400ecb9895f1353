// The status bar's connection part and the offline banner against a real (then stopped) jianghai-central:
// 在线 when live with the user and role, the outbox count, 离线 自 HH:MM with the banner and the cache age.
#include "jhconnectionindicator.h"
#include "jhlanguage.h"
#include "jhofflinebanner.h"
#include "jhoutboxmodel.h"

#include "../client/centralprocess.h"
#include "jhsyncclient.h"

#include <QApplication>
#include <QLabel>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

class TestJhConnectionIndicator : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY(JhLanguage::install(QStringLiteral("zh_CN"))); }

    void clockIsBeijingTimeWhateverTheZone()
    {
        const QDateTime utc(QDate(2026, 7, 1), QTime(23, 30, 5), Qt::UTC);
        QCOMPARE(JhConnectionIndicator::beijingClock(utc), QStringLiteral("北京时间 07:30:05"));
        JhConnectionStatus offline;
        offline.state = JhConnectionState::Offline;
        offline.since = QDateTime(QDate(2026, 7, 1), QTime(6, 32), Qt::UTC);
        QCOMPARE(JhConnectionIndicator::describe(offline), QStringLiteral("离线 自 14:32"));
    }

    void showsLiveThenOfflineWithTheBanner()
    {
        QTemporaryDir folder;
        JhCentralProcess central(folder.filePath(QStringLiteral("central")));
        QVERIFY(central.start());
        JhClientConfig config;
        config.urls = QStringList{central.url()};
        config.token = QStringLiteral("demo-duty");
        config.dataDirectory = folder.filePath(QStringLiteral("client"));
        config.initialBackoffMs = 100;
        config.maxBackoffMs = 500;
        JhSyncClient client(config);
        QWidget map;
        map.resize(800, 600);
        JhConnectionIndicator indicator(&client);
        JhOfflineBanner banner(&client, &map);
        JhOutboxModel outbox(&client);
        map.show();
        client.start();
        QVERIFY(JhCentralProcess::waitFor([&]() { return indicator.stateText() == QStringLiteral("在线"); },
                                          15000));
        QVERIFY(!banner.isVisible());
        QVERIFY(indicator.findChild<QLabel *>(QStringLiteral("connectionUser"))
                    ->text()
                    .contains(QStringLiteral("值班员")));
        QCOMPARE(indicator.outboxText(), QStringLiteral("待发命令 0"));

        central.stop();
        QVERIFY(JhCentralProcess::waitFor(
            [&]() { return indicator.stateText().startsWith(QStringLiteral("离线")); }, 5000));
        QVERIFY(banner.isVisible());
        QVERIFY2(banner.text().contains(QStringLiteral("离线")), qPrintable(banner.text()));
        QVERIFY(!indicator.findChild<QLabel *>(QStringLiteral("connectionState"))->toolTip().isEmpty());
        // A command given offline is counted and listed as waiting.
        client.submit(JhCommandType::CreateIncident, {{"title", QStringLiteral("离线事件")},
                                                      {"type", "other"},
                                                      {"level", "IV"},
                                                      {"longitude", 121.0},
                                                      {"latitude", 32.0}});
        QVERIFY(JhCentralProcess::waitFor([&]() { return outbox.rowCount() == 1; }, 5000));
        QCOMPARE(indicator.outboxText(), QStringLiteral("待发命令 1"));
        QCOMPARE(outbox.data(outbox.index(0, JhOutboxModel::StateColumn)).toString(),
                 QStringLiteral("等待中心确认"));
        // Back online: delivered, counted down, banner gone.
        QVERIFY(central.start());
        QVERIFY(JhCentralProcess::waitFor([&]() { return indicator.stateText() == QStringLiteral("在线"); },
                                          15000));
        QVERIFY(JhCentralProcess::waitFor(
            [&]() { return indicator.outboxText() == QStringLiteral("待发命令 0"); }, 5000));
        QCOMPARE(outbox.data(outbox.index(0, JhOutboxModel::StateColumn)).toString(),
                 QStringLiteral("已接受"));
        QVERIFY(!banner.isVisible());
    }
};

QTEST_MAIN(TestJhConnectionIndicator)
#include "tst_jhconnectionindicator.moc"
