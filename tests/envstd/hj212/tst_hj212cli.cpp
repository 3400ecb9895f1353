// Tests of 'jianghai-envstd decode' and 'build' run as a process: verdicts, errors, exit codes, round trip.
#include "hj212testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Hj212Test;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run run(const QStringList &arguments, const QByteArray &input = QByteArray())
{
    QProcess process;
    process.start(QStringLiteral(JH_BINARY_DIR "/bin/jianghai-envstd"), arguments);
    Run result;
    if (!process.waitForStarted(10000))
        return result;
    process.write(input);
    process.closeWriteChannel();
    process.waitForFinished(30000);
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

QVector<QJsonObject> jsonLines(const QByteArray &out)
{
    QVector<QJsonObject> objects;
    const QList<QByteArray> lines = out.split('\n');
    for (const QByteArray &line : lines) {
        if (!line.isEmpty())
            objects.append(QJsonDocument::fromJson(line).object());
    }
    return objects;
}

} // namespace

class TestHj212Cli : public QObject
{
    Q_OBJECT

private slots:
    void decodeVectors();
    void decodeFieldsAndNames();
    void decodeLenient();
    void decodeStream();
    void usageErrors();
    void buildAndRoundTrip();
    void buildRejectsInvalid();
};

void TestHj212Cli::decodeVectors()
{
    const Run result = run({QStringLiteral("decode"), QStringLiteral(JH_TEST_DATA_DIR "/hj212/vectors.tsv")});
    QCOMPARE(result.exitCode, 1); // the file holds negative vectors
    const QVector<QJsonObject> objects = jsonLines(result.out);
    const QVector<Vector> vectors = loadVectors();
    QCOMPARE(objects.size(), vectors.size());
    for (int i = 0; i < vectors.size(); ++i) {
        const QString verdict = objects[i].value(QStringLiteral("verdict")).toString();
        if (vectors[i].expect == QLatin1String("accept")) {
            QCOMPARE(verdict, QStringLiteral("ok"));
        } else {
            QCOMPARE(verdict, QStringLiteral("error"));
            const QJsonObject error = objects[i].value(QStringLiteral("error")).toObject();
            QCOMPARE(error.value(QStringLiteral("rule")).toString(), QStringLiteral("bad-crc"));
            QCOMPARE(error.value(QStringLiteral("offset")).toInt(), vectors[i].packet.size() - 4);
            QCOMPARE(objects[i].value(QStringLiteral("packet")).toString(),
                     QString::fromUtf8(vectors[i].packet));
        }
    }
    // The MODBUS vector (last line) carries the hint.
    const QJsonObject last = objects.last().value(QStringLiteral("error")).toObject();
    QVERIFY(last.value(QStringLiteral("modbusMatch")).toBool());
    QVERIFY(last.value(QStringLiteral("message")).toString().contains(QStringLiteral("MODBUS")));

    const QByteArray good = loadVectors().first().packet + '\n';
    QCOMPARE(run({QStringLiteral("decode"), QStringLiteral("-")}, good).exitCode, 0);
}

void TestHj212Cli::decodeFieldsAndNames()
{
    const QByteArray packet =
        wrap("QN=20160801085857223;ST=22;CN=2061;PW=123456;MN=A1;Flag=5;CP=&&DataTime=20160801080000;"
             "a05024-Avg=61.0,a05024-Flag=N;02-Avg=1.5;x99-Avg=1,x99-Flag=Q&&");
    const Run result = run({QStringLiteral("decode")}, packet);
    QCOMPARE(result.exitCode, 0);
    const QJsonObject object = jsonLines(result.out).value(0);
    QCOMPARE(object.value(QStringLiteral("version")).toString(), QStringLiteral("2017"));
    QCOMPARE(object.value(QStringLiteral("header")).toObject().value(QStringLiteral("QN")).toString(),
             QStringLiteral("20160801085857223"));
    QCOMPARE(object.value(QStringLiteral("system")).toObject().value(QStringLiteral("nameZh")).toString(),
             QStringLiteral("空气质量监测"));
    QCOMPARE(object.value(QStringLiteral("command")).toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("hourly data"));
    const QJsonArray cp = object.value(QStringLiteral("cp")).toArray();
    QCOMPARE(cp.size(), 4);
    const QJsonObject ozone = cp[1].toArray()[0].toObject();
    QVERIFY(ozone.value(QStringLiteral("factor"))
                .toObject()
                .value(QStringLiteral("name"))
                .toString()
                .contains(QStringLiteral("O3")));
    QCOMPARE(ozone.value(QStringLiteral("number")).toDouble(), 61.0);
    QCOMPARE(cp[1].toArray()[1].toObject().value(QStringLiteral("meaning")).toString(),
             QStringLiteral("normal"));
    QCOMPARE(cp[2]
                 .toArray()[0]
                 .toObject()
                 .value(QStringLiteral("factor"))
                 .toObject()
                 .value(QStringLiteral("code2017"))
                 .toString(),
             QStringLiteral("a21026"));
    QVERIFY(cp[3].toArray()[0].toObject().value(QStringLiteral("unknownCode")).toBool());
    QVERIFY(cp[3].toArray()[1].toObject().value(QStringLiteral("unknownFlag")).toBool());
}

void TestHj212Cli::decodeLenient()
{
    const QByteArray data = "QN=20160801085857223;ST=22;CN=2011;PW=123456;MN=A1;Flag=4;CP=&&PM2.5-Rtd=12&&";
    const QByteArray plus6 = wrap(data, 6);
    Run strict = run({QStringLiteral("decode")}, plus6);
    QCOMPARE(strict.exitCode, 1);
    QCOMPARE(jsonLines(strict.out)
                 .value(0)
                 .value(QStringLiteral("error"))
                 .toObject()
                 .value(QStringLiteral("rule"))
                 .toString(),
             QStringLiteral("length-mismatch"));
    const Run lenient = run(
        {QStringLiteral("decode"), QStringLiteral("--lenient"), QStringLiteral("plus6,factor-names")}, plus6);
    QCOMPARE(lenient.exitCode, 0);
    const QJsonArray used = jsonLines(lenient.out).value(0).value(QStringLiteral("tolerancesUsed")).toArray();
    QCOMPARE(used, QJsonArray({QStringLiteral("plus6"), QStringLiteral("factor-names")}));
}

void TestHj212Cli::decodeStream()
{
    const QByteArray packet = wrap("QN=20160801085857223;ST=32;CN=2011;PW=1;MN=A1;Flag=4;CP=&&&&");
    QByteArray stream = packet + "noise" + packet + packet.left(20);
    const Run result = run({QStringLiteral("decode"), QStringLiteral("--stream")}, stream);
    QCOMPARE(result.exitCode, 1);
    const QVector<QJsonObject> objects = jsonLines(result.out);
    QCOMPARE(objects.size(), 4);
    QCOMPARE(objects[0].value(QStringLiteral("verdict")).toString(), QStringLiteral("ok"));
    QCOMPARE(objects[1].value(QStringLiteral("error")).toObject().value(QStringLiteral("rule")).toString(),
             QStringLiteral("garbage"));
    QCOMPARE(objects[1].value(QStringLiteral("streamOffset")).toInt(), packet.size());
    QCOMPARE(objects[2].value(QStringLiteral("verdict")).toString(), QStringLiteral("ok"));
    QCOMPARE(objects[3].value(QStringLiteral("error")).toObject().value(QStringLiteral("rule")).toString(),
             QStringLiteral("truncated"));
    QCOMPARE(run({QStringLiteral("decode"), QStringLiteral("--stream")}, packet + packet).exitCode, 0);
}

void TestHj212Cli::usageErrors()
{
    QCOMPARE(
        run({QStringLiteral("decode"), QStringLiteral("--lenient"), QStringLiteral("everything")}).exitCode,
        2);
    QCOMPARE(run({QStringLiteral("decode"), QStringLiteral("--bogus")}).exitCode, 2);
    QCOMPARE(run({QStringLiteral("decode"), QStringLiteral("/nonexistent/file")}).exitCode, 2);
    QCOMPARE(run({QStringLiteral("build"), QStringLiteral("--bogus")}).exitCode, 2);
    QCOMPARE(run({QStringLiteral("build")}, "not json\n").exitCode, 2);
    QCOMPARE(run({QStringLiteral("decode"), QStringLiteral("--help")}).exitCode, 0);
}

void TestHj212Cli::buildAndRoundTrip()
{
    const QByteArray json = R"({"header":{"QN":"20160801085857223","ST":"32","CN":"1062","PW":"100000",
        "MN":"010000A8900016F000169DC0","Flag":5},"cp":[[["RtdInterval","30"]]]})";
    const Run built = run({QStringLiteral("build")}, json);
    QCOMPARE(built.exitCode, 0);
    QCOMPARE(built.out,
             QByteArray("##0101QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;"
                        "Flag=5;CP=&&RtdInterval=30&&1C80\r\n"));

    // decode | build reproduces every accepted vector (CRC case aside), header order included.
    QByteArray accepted;
    for (const Vector &vector : loadVectors()) {
        if (vector.expect == QLatin1String("accept"))
            accepted += vector.packet + '\n';
    }
    accepted += wrap(
        "MN=14513567846884;PNO=2;ST=31;PW=123456;PNUM=2;CN=2051;CP=&&i11001-Info=//清洗;管路//&&", 0, "\n");
    const Run decoded = run({QStringLiteral("decode")}, accepted);
    QCOMPARE(decoded.exitCode, 0);
    const Run rebuilt = run({QStringLiteral("build")}, decoded.out);
    QCOMPARE(rebuilt.exitCode, 0);
    QCOMPARE(QByteArray(rebuilt.out).replace("\r\n", "\n").toUpper(), accepted.toUpper());

    const Run quirky =
        run({QStringLiteral("build"), QStringLiteral("--plus6"), QStringLiteral("--lowercase-crc")}, json);
    QCOMPARE(quirky.exitCode, 0);
    QVERIFY(quirky.out.startsWith("##0107"));
    QVERIFY(quirky.out.endsWith("1c80\r\n"));
}

void TestHj212Cli::buildRejectsInvalid()
{
    const Run missing =
        run({QStringLiteral("build")}, R"({"header":{"ST":"32","PW":"1","MN":"A1"},"cp":[]})");
    QCOMPARE(missing.exitCode, 1);
    QVERIFY(missing.err.contains("CN"));
    const Run badHeader = run({QStringLiteral("build")}, R"({"header":{"XX":"1"}})");
    QCOMPARE(badHeader.exitCode, 1);
    QVERIFY(badHeader.out.isEmpty());
}

QTEST_GUILESS_MAIN(TestHj212Cli)
#include "tst_hj212cli.moc"
