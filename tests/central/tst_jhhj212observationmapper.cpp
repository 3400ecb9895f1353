// Tests of JhHj212ObservationMapper: empty ("no value") fields, flags, 2005 codes, split packets, and
// the whole ingest path (TCP -> frame -> map -> commit -> 9014) for a packet with empty values.
#include "centraltestsupport.h"
#include "jhhj212crc.h"
#include "jhhj212framer.h"
#include "jhhj212observationmapper.h"
#include "jhhj212reassembler.h"
#include "jhhj212server.h"
#include "jhmemoryloggerdirectory.h"
#include "jhmemoryobservationsink.h"

#include <QTest>

#include <memory>

namespace {

const QByteArray AirMn = "90A7374FA7A62D1081D2D6C0";
const QByteArray AirPw = "EsRRaA";

//! "##" + length + data + CRC (the codec's CRC function) + CR LF, written by hand from the bytes.
QByteArray wrap(const QByteArray &data)
{
    char crc[5] = {};
    JhHj212Crc::formatHex(JhHj212Crc::checksum(data.constData(), std::size_t(data.size())), crc);
    return "##" + QByteArray::number(data.size()).rightJustified(4, '0') + data + QByteArray(crc, 4) + "\r\n";
}

//! Frames and parses bytes the way a connection does; fails the test when they are not one good packet.
bool parseOne(const QByteArray &bytes, JhHj212Packet &packet)
{
    JhHj212Framer framer;
    framer.append(bytes);
    JhHj212Error error;
    if (!framer.next(packet, error) || !error.isOk()) {
        qWarning() << "not accepted:" << error.message();
        return false;
    }
    return true;
}

JhObservationBatch batchFor(int command)
{
    JhObservationBatch batch;
    batch.siteId = QStringLiteral("AIR-1168A");
    batch.mn = AirMn;
    batch.command = command;
    batch.receivedMs = 1'790'000'000'000;
    return batch;
}

const JhObservation *find(const JhObservationBatch &batch, const QString &code)
{
    for (const JhObservation &observation : batch.observations)
        if (observation.factorCode == code)
            return &observation;
    return nullptr;
}

} // namespace

class TestJhHj212ObservationMapper : public QObject
{
    Q_OBJECT

private slots:
    void emptyRealtimeValuesKeepTheOtherFactors();
    void emptyIntervalAverage();
    void emptyValueOf2005Logger();
    void emptyValueInSplitPacket();
    void noEmptyValuesNoEntries();
    void attributesKeepEmptyText();
    void serverAcknowledgesPacketWithEmptyValues();

private:
    std::unique_ptr<JhMemoryLoggerDirectory> mDirectory;
    std::unique_ptr<JhMemoryObservationSink> mSink;
    std::unique_ptr<JhHj212Server> mServer;
};

void TestJhHj212ObservationMapper::emptyRealtimeValuesKeepTheOtherFactors()
{
    const QByteArray bytes = wrap("QN=20261128100000001;ST=22;CN=2011;PW=EsRRaA;MN=" + AirMn +
                                  ";Flag=5;CP=&&DataTime=20261128100000;a34004-Rtd=,a34004-Flag=D;"
                                  "a34002-Rtd=48.2,a34002-Flag=N;a21026-Rtd=;a21005-Rtd=0.7,a21005-Flag=N&&");
    JhHj212Packet packet;
    QVERIFY(parseOne(bytes, packet));
    QCOMPARE(packet.emptyValueCount(), 2);
    JhObservationBatch batch = batchFor(2011);
    const JhHj212ObservationMapper::Result result = JhHj212ObservationMapper::map(packet, batch);

    QCOMPARE(batch.observations.size(), 2);
    const JhObservation *pm10 = find(batch, QStringLiteral("a34002"));
    QVERIFY(pm10);
    QCOMPARE(pm10->value, 48.2);
    QCOMPARE(pm10->flag, QStringLiteral("N"));
    QCOMPARE(pm10->dataTime, QDateTime(QDate(2026, 11, 28), QTime(2, 0), Qt::UTC));
    const JhObservation *co = find(batch, QStringLiteral("a21005"));
    QVERIFY(co);
    QCOMPARE(co->value, 0.7);
    QVERIFY(!find(batch, QStringLiteral("a34004")));
    QVERIFY(!find(batch, QStringLiteral("a21026")));
    // The fault flag without a value still reaches the alarm engine; the empty normal value does not.
    QCOMPARE(batch.flagsWithoutValue.size(), 1);
    QCOMPARE(batch.flagsWithoutValue[0].factorCode, QStringLiteral("a34004"));
    QCOMPARE(batch.flagsWithoutValue[0].flag, QStringLiteral("D"));
    QVERIFY(qIsNaN(batch.flagsWithoutValue[0].value));
    QCOMPARE(batch.flagsWithoutValue[0].dataTime, QDateTime(QDate(2026, 11, 28), QTime(2, 0), Qt::UTC));

    QCOMPARE(result.emptyValues.size(), 2);
    QCOMPARE(result.emptyValues[0].factorCode, QStringLiteral("a34004"));
    QCOMPARE(result.emptyValues[0].field, QStringLiteral("a34004-Rtd"));
    QCOMPARE(result.emptyValues[0].flag, QStringLiteral("D"));
    QCOMPARE(result.emptyValues[1].factorCode, QStringLiteral("a21026"));
    QCOMPARE(result.emptyValues[1].flag, QString());
}

void TestJhHj212ObservationMapper::emptyIntervalAverage()
{
    // The flag may come before the value; -Min/-Max empty are counted by the packet, not listed (not stored).
    const QByteArray bytes =
        wrap("QN=20261128100000002;ST=22;CN=2061;PW=EsRRaA;MN=" + AirMn +
             ";Flag=5;CP=&&DataTime=20261128090000;a34004-Flag=M,a34004-Min=,a34004-Avg=,"
             "a34004-Max=;a21026-Min=,a21026-Avg=12.5,a21026-Max=20&&");
    JhHj212Packet packet;
    QVERIFY(parseOne(bytes, packet));
    QCOMPARE(packet.emptyValueCount(), 4);
    JhObservationBatch batch = batchFor(2061);
    const JhHj212ObservationMapper::Result result = JhHj212ObservationMapper::map(packet, batch);
    QCOMPARE(batch.observations.size(), 1);
    QCOMPARE(batch.observations[0].factorCode, QStringLiteral("a21026"));
    QCOMPARE(batch.observations[0].value, 12.5);
    QCOMPARE(batch.observations[0].interval, JhIntervalKind::Hour);
    QCOMPARE(result.emptyValues.size(), 1);
    QCOMPARE(result.emptyValues[0].field, QStringLiteral("a34004-Avg"));
    QCOMPARE(result.emptyValues[0].flag, QStringLiteral("M"));
    QCOMPARE(batch.flagsWithoutValue.size(), 1);
    QCOMPARE(batch.flagsWithoutValue[0].flag, QStringLiteral("M"));
    QCOMPARE(batch.flagsWithoutValue[0].interval, JhIntervalKind::Hour);
}

void TestJhHj212ObservationMapper::emptyValueOf2005Logger()
{
    const QByteArray bytes = wrap("ST=32;CN=2011;PW=123456;MN=LD130133000015;CP=&&DataTime=20160824003817;"
                                  "011-Rtd=,011-Flag=D;B01-Rtd=36.91;060-Rtd=1.803,060-Flag=N&&");
    JhHj212Packet packet;
    QVERIFY(parseOne(bytes, packet));
    JhObservationBatch batch = batchFor(2011);
    const JhHj212ObservationMapper::Result result = JhHj212ObservationMapper::map(packet, batch);
    const JhHj212Codes::Pollutant *cod = JhHj212Codes::pollutantFor2005("011");
    QVERIFY(cod);
    QCOMPARE(batch.observations.size(), 2);
    QVERIFY(!find(batch, QString::fromUtf8(cod->code)));
    QCOMPARE(result.emptyValues.size(), 1);
    QCOMPARE(result.emptyValues[0].factorCode, QString::fromUtf8(cod->code));
    QCOMPARE(result.emptyValues[0].field, QStringLiteral("011-Rtd"));
    QCOMPARE(result.emptyValues[0].flag, QStringLiteral("D"));
}

void TestJhHj212ObservationMapper::emptyValueInSplitPacket()
{
    // Reassembly keeps the empty field (and its count) so the merged packet maps like an unsplit one.
    const QByteArray head = "QN=20261128100000003;ST=22;CN=2011;PW=EsRRaA;MN=" + AirMn + ";Flag=7;PNUM=2;";
    JhHj212Packet first;
    JhHj212Packet second;
    QVERIFY(parseOne(wrap(head + "PNO=1;CP=&&DataTime=20261128100000;a34004-Rtd=,a34004-Flag=D&&"), first));
    QVERIFY(parseOne(wrap(head + "PNO=2;CP=&&DataTime=20261128100000;a34002-Rtd=48.2&&"), second));
    JhHj212Reassembler reassembler(60000, [] { return qint64(0); });
    JhHj212Packet merged;
    QCOMPARE(reassembler.add(first, &merged), JhHj212Reassembler::Status::Pending);
    QCOMPARE(reassembler.add(second, &merged), JhHj212Reassembler::Status::Complete);
    QCOMPARE(merged.emptyValueCount(), 1);
    JhObservationBatch batch = batchFor(2011);
    const JhHj212ObservationMapper::Result result = JhHj212ObservationMapper::map(merged, batch);
    QCOMPARE(batch.observations.size(), 1);
    QCOMPARE(batch.observations[0].factorCode, QStringLiteral("a34002"));
    QCOMPARE(result.emptyValues.size(), 1);
    QCOMPARE(result.emptyValues[0].flag, QStringLiteral("D"));
}

void TestJhHj212ObservationMapper::noEmptyValuesNoEntries()
{
    const QByteArray bytes =
        wrap("QN=20261128100000004;ST=22;CN=2011;PW=EsRRaA;MN=" + AirMn +
             ";Flag=5;CP=&&DataTime=20261128100000;a34004-Rtd=35,a34004-Flag=N;a34002-Flag=D&&");
    JhHj212Packet packet;
    QVERIFY(parseOne(bytes, packet));
    QCOMPARE(packet.emptyValueCount(), 0);
    JhObservationBatch batch = batchFor(2011);
    const JhHj212ObservationMapper::Result result = JhHj212ObservationMapper::map(packet, batch);
    QCOMPARE(batch.observations.size(), 1);
    QCOMPARE(batch.observations[0].value, 35.0);
    // A factor with only a flag is not an empty value: it was never sent as one.
    QVERIFY(result.emptyValues.isEmpty());
}

void TestJhHj212ObservationMapper::attributesKeepEmptyText()
{
    // Status packets are stored as text attributes: an empty value is stored as such, not listed.
    const QByteArray bytes = wrap("QN=20261128100000005;ST=22;CN=2021;PW=EsRRaA;MN=" + AirMn +
                                  ";Flag=5;CP=&&DataTime=20261128100000;SB1-RS=1;SB1-RT=&&");
    JhHj212Packet packet;
    QVERIFY(parseOne(bytes, packet));
    QCOMPARE(packet.emptyValueCount(), 1);
    JhObservationBatch batch = batchFor(2021);
    const JhHj212ObservationMapper::Result result = JhHj212ObservationMapper::map(packet, batch);
    QCOMPARE(batch.attributes.size(), 2);
    QCOMPARE(batch.attributes[1].name, QStringLiteral("SB1-RT"));
    QCOMPARE(batch.attributes[1].value, QString());
    QVERIFY(result.emptyValues.isEmpty());
}

void TestJhHj212ObservationMapper::serverAcknowledgesPacketWithEmptyValues()
{
    mDirectory = std::make_unique<JhMemoryLoggerDirectory>();
    mDirectory->insert(JhLoggerEntry{AirMn, QStringLiteral("AIR-1168A"), AirPw, 0, JhHj212Version::V2017});
    mSink = std::make_unique<JhMemoryObservationSink>();
    mServer = std::make_unique<JhHj212Server>(mDirectory.get(), mSink.get());
    mServer->setClock([]() { return qint64(1'790'000'000'000); });
    mServer->setSweepIntervalMs(0);
    QVERIFY(mServer->listenForLoggers(QHostAddress::LocalHost, 0));
    TestLogger logger(mServer->serverPort());
    QTRY_VERIFY_WITH_TIMEOUT(logger.isConnected(), 10000);

    logger.send(wrap("QN=20261128100000006;ST=22;CN=2011;PW=EsRRaA;MN=" + AirMn +
                     ";Flag=5;CP=&&DataTime=20261128100000;a34004-Rtd=,a34004-Flag=D;a34002-Rtd=48.2,"
                     "a34002-Flag=N&&"));
    QTRY_COMPARE_WITH_TIMEOUT(logger.replies.size(), 1, 10000);
    const JhHj212Packet reply = logger.parsedReplies().value(0);
    QCOMPARE(reply.command(), 9014);
    QCOMPARE(JhHj212Packet::toByteArray(reply.qn()), QByteArray("20261128100000006"));
    QCOMPARE(mServer->statistics().framesRejected, quint64(0));
    QCOMPARE(mSink->batches().size(), 1);
    QCOMPARE(mSink->batches().first().observations.size(), 1);
    QCOMPARE(mSink->batches().first().observations.first().factorCode, QStringLiteral("a34002"));
    mServer.reset();
    mSink.reset();
    mDirectory.reset();
}

QTEST_GUILESS_MAIN(TestJhHj212ObservationMapper)
#include "tst_jhhj212observationmapper.moc"
