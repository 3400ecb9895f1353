// One run of jianghai-cli.
#include "jhclisession.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QTimer>

#include <cstdio>

namespace {
bool sStopRequested = false;
} // namespace

void JhCliSession::requestStop()
{
    sStopRequested = true;
}

bool JhCliSession::isStopRequested()
{
    return sStopRequested;
}

JhCliSession::JhCliSession(const JhClientConfig &config, bool english, bool verbose)
    : mClient(std::make_unique<JhSyncClient>(config)), mEnglish(english), mVerbose(verbose)
{
    connect(mClient.get(), &JhSyncClient::connectionStatusChanged, this,
            [this](const JhConnectionStatus &status) {
                if (!mVerbose && status.state != JhConnectionState::Refused &&
                    status.state != JhConnectionState::Offline)
                    return;
                QJsonObject line{{"connection", JhConnectionStatus::code(status.state)}, {"url", status.url}};
                if (!status.reasonCode.isEmpty()) {
                    line.insert(QStringLiteral("reason"), status.reasonCode);
                    line.insert(QStringLiteral("message"), mEnglish ? status.reasonEn : status.reasonZh);
                }
                if (status.retryInMs >= 0)
                    line.insert(QStringLiteral("retryInMs"), status.retryInMs);
                std::fprintf(stderr, "%s\n", QJsonDocument(line).toJson(QJsonDocument::Compact).constData());
            });
}

bool JhCliSession::waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs < 0 ? QDeadlineTimer::Forever : QDeadlineTimer(timeoutMs));
    while (!done()) {
        if (deadline.hasExpired() || sStopRequested)
            return false;
        if (mClient->connectionStatus().state == JhConnectionState::Refused)
            return done();
        QEventLoop loop;
        QTimer::singleShot(20, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

bool JhCliSession::waitForSync(int timeoutMs)
{
    if (waitUntil([this]() { return mClient->hasSynced(); }, timeoutMs))
        return true;
    const JhConnectionStatus status = mClient->connectionStatus();
    if (status.state == JhConnectionState::Refused)
        say(QStringLiteral("中心服务拒绝了本客户端：") + status.reasonZh,
            QStringLiteral("central refused this client: ") + status.reasonEn);
    else
        say(QStringLiteral("%1 毫秒内未能与中心服务同步（%2）").arg(timeoutMs).arg(status.reasonZh),
            QStringLiteral("could not sync with central within %1 ms (%2)")
                .arg(timeoutMs)
                .arg(status.reasonEn));
    return false;
}

int JhCliSession::refusalOr(int otherwise) const
{
    return mClient->connectionStatus().state == JhConnectionState::Refused ? JhCliRefusedClient : otherwise;
}

void JhCliSession::say(const QString &zh, const QString &en) const
{
    std::fprintf(stderr, "jianghai-cli: %s\n", qPrintable(mEnglish ? en : zh));
}

void JhCliSession::printJson(const QJsonObject &object)
{
    std::fprintf(stdout, "%s\n", QJsonDocument(object).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}
