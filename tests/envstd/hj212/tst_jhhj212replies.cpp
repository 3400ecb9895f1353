// Tests of JhHj212Replies: 9011/9012/9013/9014 per Appendix C for 2017 peers, QN in CP for 2005 peers.
#include "hj212testsupport.h"
#include "jhhj212builder.h"
#include "jhhj212parser.h"
#include "jhhj212replies.h"

#include <QTest>

using namespace Hj212Test;

namespace {

JhHj212Packet parsed(const QByteArray &data)
{
    JhHj212Packet packet;
    const JhHj212Error error = JhHj212Parser().parse(wrap(data), packet);
    if (!error.isOk())
        qFatal("test packet rejected: %s", qPrintable(error.message()));
    return packet;
}

} // namespace

class TestJhHj212Replies : public QObject
{
    Q_OBJECT

private slots:
    void appendixCRequestExchange();
    void dataReplyForUpload();
    void notificationReply();
    void repliesFor2005Peers();
    void repliesParse();
};

void TestJhHj212Replies::appendixCRequestExchange()
{
    // Appendix C (e.g. C.9/C.10): host request, then 9011 and 9012 from the field unit with the same QN.
    const JhHj212Packet request =
        parsed("QN=20160801085857223;ST=32;CN=1011;PW=123456;MN=010000A8900016F000169DC0;Flag=5;CP=&&&&");
    QVERIFY(request.replyRequested());
    QCOMPARE(JhHj212Builder::dataSegment(JhHj212Replies::requestReply(request, 1)),
             QByteArray("QN=20160801085857223;ST=91;CN=9011;PW=123456;MN=010000A8900016F000169DC0;Flag=4;CP=&"
                        "&QnRtn=1&&"));
    QCOMPARE(JhHj212Builder::dataSegment(JhHj212Replies::executionResult(request, 1)),
             QByteArray("QN=20160801085857223;ST=91;CN=9012;PW=123456;MN=010000A8900016F000169DC0;Flag=4;CP=&"
                        "&ExeRtn=1&&"));
    QCOMPARE(JhHj212Builder::dataSegment(JhHj212Replies::requestReply(request, 3)).contains("QnRtn=3"), true);
    QCOMPARE(
        JhHj212Builder::dataSegment(JhHj212Replies::executionResult(request, 100)).contains("ExeRtn=100"),
        true);
}

void TestJhHj212Replies::dataReplyForUpload()
{
    const JhHj212Packet upload =
        parsed("QN=20160801085000001;ST=32;CN=2051;PW=123456;MN=010000A8900016F000169DC0;"
               "Flag=5;CP=&&DataTime=20160801084000;w01018-Avg=12.5,w01018-Flag=N&&");
    QCOMPARE(JhHj212Builder::dataSegment(JhHj212Replies::dataReply(upload)),
             QByteArray(
                 "QN=20160801085000001;ST=91;CN=9014;PW=123456;MN=010000A8900016F000169DC0;Flag=4;CP=&&&&"));
}

void TestJhHj212Replies::notificationReply()
{
    const JhHj212Packet notification =
        parsed("QN=20160801085857223;ST=32;CN=1013;PW=123456;MN=010000A8900016F000169DC0;Flag=5;CP=&&&&");
    QCOMPARE(JhHj212Builder::dataSegment(JhHj212Replies::notificationReply(notification)),
             QByteArray(
                 "QN=20160801085857223;ST=91;CN=9013;PW=123456;MN=010000A8900016F000169DC0;Flag=4;CP=&&&&"));
}

void TestJhHj212Replies::repliesFor2005Peers()
{
    const JhHj212Packet request =
        parsed("QN=20160824000504006;ST=32;CN=2011;PW=123456;MN=LD130133000015;Flag=1;CP=&&&&");
    QVERIFY(JhHj212Replies::is2005Peer(request));
    QCOMPARE(
        JhHj212Builder::dataSegment(JhHj212Replies::requestReply(request, 1)),
        QByteArray("ST=91;CN=9011;PW=123456;MN=LD130133000015;Flag=0;CP=&&QN=20160824000504006;QnRtn=1&&"));
    QCOMPARE(
        JhHj212Builder::dataSegment(JhHj212Replies::dataReply(request)),
        QByteArray("ST=91;CN=9014;PW=123456;MN=LD130133000015;Flag=0;CP=&&QN=20160824000504006;CN=2011&&"));
    const JhHj212Packet noFlag =
        parsed("QN=20160824000504006;ST=32;CN=2011;PW=123456;MN=LD130133000015;CP=&&&&");
    QVERIFY(!JhHj212Builder::dataSegment(JhHj212Replies::executionResult(noFlag, 1)).contains("Flag"));
    QVERIFY(!JhHj212Replies::is2005Peer(
        parsed("QN=20160801085857223;ST=32;CN=1011;PW=123456;MN=010000A8900016F000169DC0;Flag=5;CP=&&&&")));
}

void TestJhHj212Replies::repliesParse()
{
    const JhHj212Packet request =
        parsed("QN=20160801085857223;ST=32;CN=1011;PW=123456;MN=010000A8900016F000169DC0;Flag=5;CP=&&&&");
    const JhHj212Packet replies[] = {
        JhHj212Replies::requestReply(request, 1), JhHj212Replies::executionResult(request, 2),
        JhHj212Replies::notificationReply(request), JhHj212Replies::dataReply(request)};
    for (const JhHj212Packet &reply : replies) {
        const QByteArray bytes = JhHj212Builder::build(reply);
        JhHj212Packet back;
        const JhHj212Error error = JhHj212Parser().parse(bytes, back);
        QVERIFY2(error.isOk(), qPrintable(error.message()));
        QCOMPARE(back.requestQn(), request.qn());
        QCOMPARE(back.flag(), 4);
        QVERIFY(!back.replyRequested());
        // The CRC is independently right.
        QCOMPARE(bytes.mid(bytes.size() - 6, 4).toUInt(nullptr, 16),
                 uint(referenceCrc(bytes.mid(6, bytes.size() - 12))));
    }
}

QTEST_GUILESS_MAIN(TestJhHj212Replies)
#include "tst_jhhj212replies.moc"
