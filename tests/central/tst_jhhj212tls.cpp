// HJ 212 over TLS: with a certificate configured, loggers connect with TLS and get their replies; plain TCP
// on the same port is not served.
#include "centraltestsupport.h"
#include "jhhj212server.h"
#include "jhmemoryloggerdirectory.h"
#include "jhmemoryobservationsink.h"
#include "jhtlsfiles.h"

#include <QProcess>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {
const QByteArray Mn = "90A7374FA7A62D1081D2D6C0";
const QByteArray Password = "EsRRaA";
} // namespace

class TestJhHj212Tls : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir mFolder;
    QString mCertificate;
    QString mKey;
    std::unique_ptr<JhMemoryLoggerDirectory> mDirectory;
    std::unique_ptr<JhMemoryObservationSink> mSink;
    std::unique_ptr<JhHj212Server> mServer;

    static QByteArray hourPacket(const QByteArray &qn)
    {
        return makePacket(Mn, Password, 2061, qn, 5, "20261128100000",
                          {{"a34004-Avg", "35"}, {"a34004-Flag", "N"}});
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QSslSocket::supportsSsl(), "Qt was built without a TLS backend");
        // A throw-away self-signed certificate made with the openssl tool (Debian: package openssl).
        mCertificate = mFolder.filePath(QStringLiteral("hj212.pem"));
        mKey = mFolder.filePath(QStringLiteral("hj212.key"));
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                       QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                       QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                       QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                       QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-keyout"), mKey,
                       QStringLiteral("-out"), mCertificate});
        QVERIFY2(openssl.waitForFinished(30000) && openssl.exitCode() == 0, "the openssl tool is needed");
    }

    void init()
    {
        mDirectory = std::make_unique<JhMemoryLoggerDirectory>();
        mDirectory->insert(
            JhLoggerEntry{Mn, QStringLiteral("AIR-1168A"), Password, 0, JhHj212Version::V2017});
        mSink = std::make_unique<JhMemoryObservationSink>();
        mServer = std::make_unique<JhHj212Server>(mDirectory.get(), mSink.get());
        mServer->setSweepIntervalMs(0);
        QSslConfiguration tls;
        QString error;
        QVERIFY2(JhTlsFiles::load(mCertificate, mKey, tls, &error), qPrintable(error));
        mServer->setTls(tls);
        QVERIFY(mServer->isTlsEnabled());
        QVERIFY(mServer->listen(QHostAddress::LocalHost, 0));
    }

    void cleanup()
    {
        mServer.reset();
        mSink.reset();
        mDirectory.reset();
    }

    void badFilesAreToldAtStart()
    {
        QSslConfiguration tls;
        QString error;
        QVERIFY(!JhTlsFiles::load(mFolder.filePath(QStringLiteral("missing.pem")), mKey, tls, &error));
        QVERIFY2(error.contains(QStringLiteral("missing.pem")), qPrintable(error));
        // A key where the certificate belongs: no certificate in it.
        QVERIFY(!JhTlsFiles::load(mKey, mKey, tls, &error));
        QVERIFY2(error.contains(QStringLiteral("no PEM certificate")), qPrintable(error));
    }

    void loggerOverTlsIsStoredAndAcknowledged()
    {
        QSslSocket socket;
        socket.setPeerVerifyMode(QSslSocket::VerifyNone); // self-signed in the test
        socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), mServer->serverPort());
        // The server runs in this thread: wait with the event loop running, not with waitForEncrypted().
        QTRY_VERIFY2_WITH_TIMEOUT(socket.isEncrypted(), qPrintable(socket.errorString()), 10000);
        socket.write(hourPacket("20261128100000001"));
        QByteArray received;
        QTRY_VERIFY_WITH_TIMEOUT((received += socket.readAll()).contains('\n'), 10000);
        JhHj212Parser parser;
        JhHj212Packet reply;
        QVERIFY(parser.parse(received.left(received.indexOf('\n') + 1), reply).isOk());
        QCOMPARE(reply.command(), 9014);
        QCOMPARE(QByteArray(reply.qn().data(), int(reply.qn().size())), QByteArray("20261128100000001"));
        QCOMPARE(mSink->observationCount(), 1);
    }

    void plainTcpOnTheTlsPortStoresNothing()
    {
        TestLogger plain(mServer->serverPort());
        QTRY_VERIFY_WITH_TIMEOUT(plain.isConnected(), 10000);
        plain.send(hourPacket("20261128100000002"));
        // The server reads the packet as a broken TLS handshake and drops the connection.
        QTRY_VERIFY_WITH_TIMEOUT(plain.socket.state() == QAbstractSocket::UnconnectedState, 10000);
        QVERIFY(plain.replies.isEmpty());
        QCOMPARE(mSink->observationCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestJhHj212Tls)
#include "tst_jhhj212tls.moc"
