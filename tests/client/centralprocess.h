// Test support: the real jianghai-central executable on loopback ports, started, stopped and killed at will.
#pragma once

#include <QElapsedTimer>
#include <QProcess>
#include <QTcpServer>
#include <QTest>

#include <memory>

//! One central service over a data folder (SQLite) or a PostgreSQL URL, with the Nantong scenario and the
//! demo users (tokens demo-duty, demo-coordinator, demo-viewer, …). A restart keeps ports and data.
class JhCentralProcess : public QObject
{
public:
    JhCentralProcess(const QString &dataDirectory, const QString &databaseUrl = {})
        : mDataDirectory(dataDirectory), mDatabaseUrl(databaseUrl)
    {
        mHj212Port = freePort();
        mApiPort = freePort();
    }
    ~JhCentralProcess() override { stop(); }

    static quint16 freePort()
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        return probe.serverPort();
    }

    template <typename Predicate>
    static bool waitFor(Predicate predicate, int timeoutMs = 10000)
    {
        QElapsedTimer timer;
        timer.start();
        while (!predicate()) {
            if (timer.elapsed() > timeoutMs)
                return false;
            QTest::qWait(5);
        }
        return true;
    }

    QString url() const { return QStringLiteral("ws://127.0.0.1:%1").arg(mApiPort); }
    quint16 hj212Port() const { return mHj212Port; }
    quint16 apiPort() const { return mApiPort; }
    QByteArray output() const { return mOutput; }
    bool isRunning() const { return mProcess && mProcess->state() != QProcess::NotRunning; }
    void setExtraArguments(const QStringList &extra) { mExtra = extra; }
    void setPorts(quint16 hj212Port, quint16 apiPort)
    {
        mHj212Port = hj212Port;
        mApiPort = apiPort;
    }

    bool start()
    {
        mProcess = std::make_unique<QProcess>();
        mProcess->setProcessChannelMode(QProcess::MergedChannels);
        mOutput.clear();
        connect(mProcess.get(), &QProcess::readyRead, this, [this]() { mOutput += mProcess->readAll(); });
        QStringList arguments = {QStringLiteral("serve"),
                                 mDatabaseUrl.isEmpty() ? QStringLiteral("--data-dir")
                                                        : QStringLiteral("--database"),
                                 mDatabaseUrl.isEmpty() ? mDataDirectory : mDatabaseUrl,
                                 QStringLiteral("--hj212-listen"),
                                 QStringLiteral("127.0.0.1:%1").arg(mHj212Port),
                                 QStringLiteral("--api-listen"),
                                 QStringLiteral("127.0.0.1:%1").arg(mApiPort),
                                 QStringLiteral("--scenario"),
                                 QStringLiteral(JH_SOURCE_DIR "/resources/scenario/nantong-scenario.json"),
                                 QStringLiteral("--demo")};
        mProcess->start(QStringLiteral(JH_BINARY_DIR "/bin/jianghai-central"), arguments + mExtra);
        if (!mProcess->waitForStarted(10000))
            return false;
        const bool up = waitFor(
            [this]() {
                return mOutput.contains("workstation API listening") ||
                       mProcess->state() == QProcess::NotRunning;
            },
            30000);
        if (!up || !mOutput.contains("workstation API listening")) {
            qWarning().noquote() << "central did not start:" << mOutput;
            return false;
        }
        return true;
    }

    //! SIGTERM and wait (a clean stop).
    void stop()
    {
        if (!mProcess)
            return;
        mProcess->terminate();
        if (!mProcess->waitForFinished(20000))
            mProcess->kill();
        mProcess->waitForFinished(5000);
        mProcess.reset();
    }

    //! SIGKILL: nothing is flushed, nothing says goodbye.
    void kill()
    {
        if (!mProcess)
            return;
        mProcess->kill();
        mProcess->waitForFinished(5000);
        mProcess.reset();
    }

private:
    QString mDataDirectory;
    QString mDatabaseUrl;
    QStringList mExtra;
    quint16 mHj212Port = 0;
    quint16 mApiPort = 0;
    std::unique_ptr<QProcess> mProcess;
    QByteArray mOutput;
};
