// JhCommandService against SQLite and PostgreSQL: roles allowed/refused, county scope, exactly-once per
// command id, gap-free sequence.
#include "centralstorefixture.h"
#include "jhcommandservice.h"
#include "jheventjournal.h"

#include <QSignalSpy>
#include <QtTest>

class TestJhCommandService : public QObject
{
    Q_OBJECT
public:
    explicit TestJhCommandService(JhStoreConfig::Dialect dialect) : mFixture(dialect) {}

private:
    JhCentralStoreFixture mFixture;
    std::unique_ptr<JhEventJournal> mJournal;
    std::unique_ptr<JhCommandService> mService;

    static JhUser user(const QString &id)
    {
        for (const JhUser &candidate : JhCentralStoreFixture::users()) {
            if (candidate.id == id)
                return candidate;
        }
        return {};
    }

    JhCommandResult run(const QString &userId, const JhCommand &command)
    {
        JhCommandResult result;
        QString error;
        if (!mService->execute(user(userId), command, result, &error))
            qWarning() << "store failure" << error;
        return result;
    }

    QString openAlarm(const QString &siteId)
    {
        const JhEvent event = JhCentralStoreFixture::alarm(mJournal->state(), siteId);
        const QString id = event.payload.value(QStringLiteral("alarmId")).toString();
        if (!mJournal->appendSystemEvents({event}))
            return {};
        return id.isEmpty() ? mJournal->state().alarms().lastKey() : id;
    }

    QString createIncident()
    {
        const JhCommandResult result =
            run(QStringLiteral("coordinator"),
                JhCentralStoreFixture::command(JhCommandType::CreateIncident, {{"title", "长江口油污"},
                                                                               {"type", "oil-spill"},
                                                                               {"level", "III"},
                                                                               {"longitude", 121.1},
                                                                               {"latitude", 31.9},
                                                                               {"countyCode", 320614}}));
        return result.isOk() ? mJournal->state().incidents().lastKey() : QString();
    }

    QString assignTask(const QString &incidentId, const QString &teamId)
    {
        const JhCommandResult result =
            run(QStringLiteral("coordinator"),
                JhCentralStoreFixture::command(
                    JhCommandType::AssignTask,
                    {{"incidentId", incidentId}, {"teamId", teamId}, {"title", "现场采样"}}));
        return result.isOk() ? mJournal->state().tasks().lastKey() : QString();
    }

    void verifyGapFree()
    {
        QList<JhEvent> events;
        QVERIFY(mJournal->eventsAfter(0, 100000, events));
        for (int i = 0; i < events.size(); ++i)
            QCOMPARE(events.at(i).sequence, qint64(i + 1));
        QCOMPARE(qint64(events.size()), mJournal->headSequence());
    }

private slots:
    void init()
    {
        QVERIFY(mFixture.create());
        QVERIFY(mFixture.seed());
        mJournal = std::make_unique<JhEventJournal>();
        QVERIFY(mJournal->open(mFixture.config()));
        mJournal->setClock([]() { return QDateTime(QDate(2026, 7, 1), QTime(9, 0), Qt::UTC); });
        mService = std::make_unique<JhCommandService>(mJournal.get());
    }

    void cleanup()
    {
        mService.reset();
        mJournal.reset();
        mFixture.destroy();
    }

    void dutyOfficerAcknowledges()
    {
        const QString alarmId = openAlarm(QStringLiteral("AIR-T1"));
        QVERIFY(!alarmId.isEmpty());
        const JhCommandResult result =
            run(QStringLiteral("duty"),
                JhCentralStoreFixture::command(JhCommandType::AcknowledgeAlarm, {{"alarmId", alarmId}}));
        QVERIFY2(result.isOk(), qPrintable(result.messageEn));
        QCOMPARE(result.events.size(), 1);
        QCOMPARE(result.events.first().sequence, qint64(2));
        QCOMPARE(result.events.first().actor, QStringLiteral("duty"));
        QCOMPARE(mJournal->state().alarm(alarmId)->state, JhAlarmState::Acknowledged);
        verifyGapFree();
    }

    void viewerIsReadOnly()
    {
        const QString alarmId = openAlarm(QStringLiteral("AIR-T1"));
        const qint64 head = mJournal->headSequence();
        const JhCommandResult result =
            run(QStringLiteral("viewer"),
                JhCentralStoreFixture::command(JhCommandType::AcknowledgeAlarm, {{"alarmId", alarmId}}));
        QCOMPARE(result.error, JhDomainError::Forbidden);
        QVERIFY(result.events.isEmpty());
        QCOMPARE(mJournal->headSequence(), head);
        QCOMPARE(mJournal->state().alarm(alarmId)->state, JhAlarmState::Open);
    }

    void clientCannotActForAnotherUser()
    {
        const QString alarmId = openAlarm(QStringLiteral("AIR-T1"));
        JhCommand command =
            JhCentralStoreFixture::command(JhCommandType::AcknowledgeAlarm, {{"alarmId", alarmId}});
        command.userId = QStringLiteral("coordinator"); // claimed, not authenticated
        const JhCommandResult result = run(QStringLiteral("viewer"), command);
        QCOMPARE(result.error, JhDomainError::Forbidden);
    }

    void countyTeamOnlyOwnTasks()
    {
        const QString incidentId = createIncident();
        QVERIFY(!incidentId.isEmpty());
        const QString ownTask = assignTask(incidentId, QStringLiteral("haimen"));
        const QString otherTask = assignTask(incidentId, QStringLiteral("city"));
        QVERIFY(!ownTask.isEmpty());
        QVERIFY(!otherTask.isEmpty() && otherTask != ownTask);

        const JhCommandResult refused =
            run(QStringLiteral("team-haimen"),
                JhCentralStoreFixture::command(JhCommandType::AcceptTask, {{"taskId", otherTask}}));
        QCOMPARE(refused.error, JhDomainError::OutOfScope);
        QCOMPARE(mJournal->state().task(otherTask)->state, JhTaskState::Assigned);

        const JhCommandResult accepted =
            run(QStringLiteral("team-haimen"),
                JhCentralStoreFixture::command(JhCommandType::AcceptTask, {{"taskId", ownTask}}));
        QVERIFY2(accepted.isOk(), qPrintable(accepted.messageEn));
        QCOMPARE(mJournal->state().task(ownTask)->state, JhTaskState::Accepted);

        // A county team may not assign tasks at all.
        const JhCommandResult assign =
            run(QStringLiteral("team-haimen"),
                JhCentralStoreFixture::command(
                    JhCommandType::AssignTask,
                    {{"incidentId", incidentId}, {"teamId", "haimen"}, {"title", "x"}}));
        QCOMPARE(assign.error, JhDomainError::Forbidden);
        verifyGapFree();
    }

    void repeatedCommandIdAppliedOnce()
    {
        const QString alarmId = openAlarm(QStringLiteral("AIR-T2"));
        const JhCommand command = JhCentralStoreFixture::command(JhCommandType::AcknowledgeAlarm,
                                                                 {{"alarmId", alarmId}, {"note", "收到"}});
        const JhCommandResult first = run(QStringLiteral("duty"), command);
        QVERIFY(first.isOk());
        const qint64 head = mJournal->headSequence();
        // The same id again: the alarm is no longer open, yet the answer is the first one, nothing appended.
        const JhCommandResult second = run(QStringLiteral("duty"), command);
        QCOMPARE(second, first);
        QCOMPARE(mJournal->headSequence(), head);

        // A new service and journal (a restart) give the same answer too.
        mService.reset();
        mJournal = std::make_unique<JhEventJournal>();
        QVERIFY(mJournal->open(mFixture.config()));
        mService = std::make_unique<JhCommandService>(mJournal.get());
        const JhCommandResult third = run(QStringLiteral("duty"), command);
        QCOMPARE(third, first);
        QCOMPARE(mJournal->headSequence(), head);
        verifyGapFree();
    }

    void refusalIsRememberedToo()
    {
        const QString alarmId = openAlarm(QStringLiteral("AIR-T1"));
        const JhCommand command =
            JhCentralStoreFixture::command(JhCommandType::CloseAlarm, {{"alarmId", "ALM-999999"}});
        const JhCommandResult first = run(QStringLiteral("duty"), command);
        QVERIFY(!first.isOk());
        const JhCommandResult second = run(QStringLiteral("duty"), command);
        QCOMPARE(second.error, first.error);
        QCOMPARE(second.messageEn, first.messageEn);
        Q_UNUSED(alarmId)
    }

    void twoServicesOnOneStoreKeepTheSequenceGapFree()
    {
        // A second journal on the same database (another process in production) interleaves appends.
        JhEventJournal other;
        QVERIFY(other.open(mFixture.config()));
        QVERIFY(mJournal->appendSystemEvents(
            {JhCentralStoreFixture::alarm(mJournal->state(), QStringLiteral("AIR-T1"))}));
        QList<JhEvent> mine = {JhCentralStoreFixture::alarm(other.state(), QStringLiteral("AIR-T3"))};
        QVERIFY(other.store().appendEvents(mine));
        QCOMPARE(mine.first().sequence, qint64(2));
        QList<JhEvent> events;
        QVERIFY(other.eventsAfter(0, 100, events));
        QCOMPARE(events.size(), 2);
        QCOMPARE(events.at(0).sequence, qint64(1));
        QCOMPARE(events.at(1).sequence, qint64(2));
    }
};

int main(int argc, char **argv)
{
    QCoreApplication application(argc, argv);
    return jhRunOnBothDialects<TestJhCommandService>(argc, argv);
}

#include "tst_jhcommandservice.moc"
