// The alarms panel without a central: which events sound (live or recent only, one tone per batch at the
// worst level, none while silenced), the visible silence, and buttons by role. The clock is injected.
#include "jhalarmpanel.h"
#include "jhalarmsoundplayer.h"
#include "jhenumnames.h"
#include "jhfactorchartview.h"
#include "jhqtalarmsoundplayer.h"
#include "jhsyncclient.h"

#include <QFile>
#include <QLabel>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtEndian>
#include <QtTest>

namespace {
class CountingPlayer : public JhAlarmSoundPlayer
{
public:
    void play(JhAlarmLevel level) override { played.append(level); }
    QList<JhAlarmLevel> played;
};

const QDateTime sNow = QDateTime(QDate(2026, 12, 4), QTime(6, 20), Qt::UTC); // 14:20 Beijing time

JhEvent alarmEvent(JhEventType type, const QString &id, JhAlarmLevel level, const QDateTime &time)
{
    JhEvent event;
    event.type = type;
    event.time = time;
    event.actor = QStringLiteral("system");
    event.payload = {{QStringLiteral("alarmId"), id}, {QStringLiteral("level"), JhEnumNames::code(level)}};
    return event;
}

JhStateChange changeOf(const QList<JhEvent> &events)
{
    JhStateChange change;
    for (const JhEvent &event : events)
        change.note(event);
    return change;
}
} // namespace

class TestJhAlarmPanel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir mFolder;

    JhClientConfig config() const
    {
        JhClientConfig config;
        config.urls = QStringList{QStringLiteral("ws://127.0.0.1:9")};
        config.token = QStringLiteral("none");
        config.dataDirectory = mFolder.filePath(QString::fromLatin1(QTest::currentTestFunction()));
        return config;
    }

private slots:
    void onlyRecentAlarmEventsSoundBeforeTheFirstSync()
    {
        JhSyncClient client(config()); // never started: not synced, not live
        CountingPlayer player;
        JhAlarmPanel panel(&client, &player);
        panel.setClock([]() { return sNow; });

        // Catch-up of old alarms: silence.
        emit client.stateChanged(changeOf({alarmEvent(JhEventType::AlarmOpened, QStringLiteral("ALM-1"),
                                                      JhAlarmLevel::Serious, sNow.addSecs(-3600))}));
        QCOMPARE(player.played.size(), 0);
        // A recent batch sounds once, at its worst level; acknowledgements never sound.
        JhEvent acknowledged =
            alarmEvent(JhEventType::AlarmAcknowledged, QStringLiteral("ALM-1"), JhAlarmLevel::Serious, sNow);
        emit client.stateChanged(changeOf({alarmEvent(JhEventType::AlarmOpened, QStringLiteral("ALM-2"),
                                                      JhAlarmLevel::Notice, sNow.addSecs(-30)),
                                           alarmEvent(JhEventType::AlarmLevelRaised, QStringLiteral("ALM-3"),
                                                      JhAlarmLevel::Warning, sNow.addSecs(-10)),
                                           acknowledged}));
        QCOMPARE(player.played, QList<JhAlarmLevel>{JhAlarmLevel::Warning});
        emit client.stateChanged(changeOf({acknowledged}));
        QCOMPARE(player.played.size(), 1);
        emit client.stateChanged(changeOf({alarmEvent(JhEventType::AlarmLevelRaised, QStringLiteral("ALM-2"),
                                                      JhAlarmLevel::Serious, sNow)}));
        QCOMPARE(player.played.last(), JhAlarmLevel::Serious);
    }

    void silenceIsVisibleAndHoldsBackTones()
    {
        JhSyncClient client(config());
        CountingPlayer player;
        JhAlarmPanel panel(&client, &player);
        QDateTime now = sNow;
        panel.setClock([&now]() { return now; });
        panel.show();
        panel.silenceFor(15);
        QVERIFY(panel.isSilenced());
        QVERIFY(panel.silenceLabel()->isVisible());
        QCOMPARE(panel.silenceLabel()->text(), QStringLiteral("Silenced until 14:35"));
        emit client.stateChanged(changeOf(
            {alarmEvent(JhEventType::AlarmOpened, QStringLiteral("ALM-9"), JhAlarmLevel::Serious, now)}));
        QCOMPARE(player.played.size(), 0);
        // Fifteen minutes later the silence ends by itself and disappears from the panel.
        now = sNow.addSecs(15 * 60 + 1);
        panel.tick();
        QVERIFY(!panel.isSilenced());
        QVERIFY(!panel.silenceLabel()->isVisible());
        emit client.stateChanged(changeOf(
            {alarmEvent(JhEventType::AlarmOpened, QStringLiteral("ALM-10"), JhAlarmLevel::Notice, now)}));
        QCOMPARE(player.played, QList<JhAlarmLevel>{JhAlarmLevel::Notice});
    }

    void nothingSelectedNothingEnabled()
    {
        JhSyncClient client(config());
        JhAlarmPanel panel(&client, nullptr);
        QVERIFY(!panel.acknowledgeButton()->isEnabled());
        QVERIFY(!panel.escalateButton()->isEnabled());
        QVERIFY(!panel.closeButton()->isEnabled());
        QVERIFY(panel.acknowledgeButton()->toolTip().contains(QStringLiteral("Ctrl+K")));
    }

    void theTonesAreShippedAsPcmWav()
    {
        JhQtAlarmSoundPlayer player; // registers the resources; playing needs no device to not crash
        for (const char *name : {"alarm-notice.wav", "alarm-warning.wav", "alarm-serious.wav"}) {
            QFile file(QStringLiteral(":/jianghai/sounds/%1").arg(QLatin1String(name)));
            QVERIFY2(file.open(QIODevice::ReadOnly), name);
            const QByteArray header = file.read(44);
            QCOMPARE(header.mid(0, 4), QByteArray("RIFF"));
            QCOMPARE(header.mid(8, 4), QByteArray("WAVE"));
            QCOMPARE(qFromLittleEndian<quint16>(header.constData() + 20), quint16(1));  // PCM
            QCOMPARE(qFromLittleEndian<quint16>(header.constData() + 34), quint16(16)); // bits per sample
        }
        player.play(JhAlarmLevel::Serious);
    }

    void chartSegmentsBreakAtGaps()
    {
        JhSeriesResult::Factor factor;
        factor.expectedIntervalSeconds = 3600;
        for (int hour : {0, 1, 2, 5, 6, 8}) {
            JhSeriesResult::Point point;
            point.dataTime = sNow.addSecs(3600 * hour);
            point.value = hour;
            factor.points.append(point);
        }
        // 3..4 is a declared gap; 7 is missing without one (a hole longer than 1.5 intervals).
        factor.gaps.append({sNow.addSecs(3 * 3600), sNow.addSecs(4 * 3600)});
        const auto runs = JhFactorChartView::segments(factor);
        QCOMPARE(runs.size(), 3);
        QCOMPARE(runs.at(0).size(), 3);
        QCOMPARE(runs.at(1).size(), 2);
        QCOMPARE(runs.at(2).size(), 1);
        JhFactorChartView view;
        view.setFactor(factor, QStringLiteral("PM2.5"), sNow, sNow.addSecs(9 * 3600));
        QCOMPARE(view.dataSegments().size(), 3);
        QCOMPARE(view.pointCount(), 6);
    }
};

QTEST_MAIN(TestJhAlarmPanel)
#include "tst_jhalarmpanel.moc"
