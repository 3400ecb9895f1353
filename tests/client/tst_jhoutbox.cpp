// JhOutbox: commands durable and in order across a reopen, answers recorded once, refusals final, pruning.
#include "jhoutbox.h"

#include <QTemporaryDir>
#include <QtTest>

namespace {
JhCommand ack(const QString &id, const QString &alarmId)
{
    JhCommand command;
    command.id = id;
    command.type = JhCommandType::AcknowledgeAlarm;
    command.issuedAt = QDateTime(QDate(2026, 7, 1), QTime(8, 0), Qt::UTC);
    command.payload = {{"alarmId", alarmId}, {"note", QStringLiteral("现场核实中")}};
    return command;
}

JhCommandResult answer(const QString &id, JhDomainError error)
{
    if (error != JhDomainError::None)
        return JhCommandResult::rejected(id, error);
    JhCommandResult result;
    result.commandId = id;
    result.messageZh = QStringLiteral("成功");
    result.messageEn = QStringLiteral("OK");
    return result;
}

const QDateTime sNow(QDate(2026, 7, 1), QTime(8, 0), Qt::UTC);
} // namespace

class TestJhOutbox : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir mFolder;
    QString path() const
    {
        return mFolder.filePath(QString::fromLatin1(QTest::currentTestFunction()) + ".sqlite");
    }

private slots:
    void commandsSurviveAReopenInOrder()
    {
        {
            JhOutbox outbox;
            QVERIFY2(outbox.open(path(), sNow), qPrintable(outbox.errorMessage()));
            QList<JhOutboxEntry> added;
            QVERIFY(outbox.enqueue({ack("c1", "ALM-1"), ack("c2", "ALM-2")}, sNow, &added));
            QCOMPARE(added.size(), 2);
            QVERIFY(outbox.enqueue({ack("c3", "ALM-3")}, sNow));
            QCOMPARE(outbox.pendingCount(), 3);
        }
        JhOutbox reopened;
        QVERIFY(reopened.open(path(), sNow));
        const QList<JhOutboxEntry> pending = reopened.pending();
        QCOMPARE(pending.size(), 3);
        QCOMPARE(pending.at(0).command, ack("c1", "ALM-1"));
        QCOMPARE(pending.at(1).command.id, QStringLiteral("c2"));
        QCOMPARE(pending.at(2).command.id, QStringLiteral("c3"));
        QVERIFY(pending.at(0).position < pending.at(1).position);
        QCOMPARE(pending.at(0).queuedAt, sNow);
    }

    void answersAreRecordedOnceAndRefusalsAreFinal()
    {
        JhOutbox outbox;
        QVERIFY(outbox.open(path(), sNow));
        QVERIFY(outbox.enqueue({ack("a", "ALM-1"), ack("b", "ALM-2"), ack("c", "ALM-3")}, sNow));
        QList<JhOutboxEntry> changed;
        // An answer to another client's command and a repeated answer are skipped.
        QVERIFY(outbox.recordResults({answer("a", JhDomainError::None), answer("b", JhDomainError::Forbidden),
                                      answer("zz", JhDomainError::None), answer("a", JhDomainError::None)},
                                     sNow.addSecs(1), &changed));
        QCOMPARE(changed.size(), 2);
        QCOMPARE(outbox.pendingCount(), 1);
        QCOMPARE(outbox.entry("a")->state, JhOutboxEntry::State::Accepted);
        QCOMPARE(outbox.entry("b")->state, JhOutboxEntry::State::Refused);
        QCOMPARE(outbox.entry("b")->result.messageZh, QStringLiteral("当前角色无权执行该操作"));
        outbox.close();

        JhOutbox reopened;
        QVERIFY(reopened.open(path(), sNow.addSecs(2)));
        // Only the unanswered one goes out again; the refused one never does.
        QCOMPARE(reopened.pending().size(), 1);
        QCOMPARE(reopened.pending().first().command.id, QStringLiteral("c"));
        QCOMPARE(reopened.entry("b")->state, JhOutboxEntry::State::Refused);
        QCOMPARE(reopened.entry("b")->result.error, JhDomainError::Forbidden);
        QCOMPARE(reopened.entry("a")->answeredAt, sNow.addSecs(1));
    }

    void aDuplicateIdQueuesNothing()
    {
        JhOutbox outbox;
        QVERIFY(outbox.open(path(), sNow));
        QVERIFY(outbox.enqueue({ack("x", "ALM-1")}, sNow));
        QVERIFY(!outbox.enqueue({ack("y", "ALM-2"), ack("x", "ALM-3")}, sNow));
        QVERIFY(!outbox.errorMessage().isEmpty());
        QCOMPARE(outbox.entries().size(), 1);
        QVERIFY(!outbox.enqueue({ack("", "ALM-2")}, sNow));
    }

    void oldAnswersArePrunedPendingNever()
    {
        {
            JhOutbox outbox;
            QVERIFY(outbox.open(path(), sNow));
            QVERIFY(outbox.enqueue({ack("old", "ALM-1"), ack("waiting", "ALM-2")}, sNow));
            QVERIFY(outbox.recordResults({answer("old", JhDomainError::None)}, sNow));
        }
        JhOutbox later;
        QVERIFY(later.open(path(), sNow.addDays(8), 7));
        QCOMPARE(later.entries().size(), 1);
        QCOMPARE(later.entries().first().command.id, QStringLiteral("waiting"));
        QVERIFY(later.entries().first().isPending());
    }

    void aFileThatIsNotAnOutboxIsRefusedWithTheReason()
    {
        QFile garbage(path());
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        garbage.write(QByteArray(4096, 'x'));
        garbage.close();
        JhOutbox outbox;
        QVERIFY(!outbox.open(path(), sNow));
        QVERIFY2(outbox.errorMessage().contains(path()), qPrintable(outbox.errorMessage()));
    }
};

QTEST_GUILESS_MAIN(TestJhOutbox)
#include "tst_jhoutbox.moc"
