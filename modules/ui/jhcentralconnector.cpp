// Finding the central URL and token and starting the sync client.
#include "jhcentralconnector.h"

#include "jhlogindialog.h"
#include "jhtokenstore.h"

#include "jhsyncclient.h"

#include <QPointer>
#include <QSettings>

JhCentralConnector::JhCentralConnector(const QString &dataDirectory, QObject *parent)
    : QObject(parent), mDataDirectory(dataDirectory), mTokens(new JhTokenStore({}, this))
{}

JhCentralConnector::~JhCentralConnector() = default;

void JhCentralConnector::connectToCentral(const QString &url, const QString &token, QWidget *dialogParent,
                                          bool allowDialog)
{
    QString chosenUrl = url;
    QString chosenToken = token;
    if (chosenUrl.isEmpty())
        chosenUrl = qEnvironmentVariable("JH_CENTRAL_URL");
    if (chosenToken.isEmpty())
        chosenToken = qEnvironmentVariable("JH_CENTRAL_TOKEN");
    if (chosenUrl.isEmpty())
        chosenUrl = QSettings().value(urlSettingsKey()).toString();
    if (!chosenUrl.isEmpty() && !chosenToken.isEmpty()) {
        start(chosenUrl, chosenToken);
        return;
    }
    if (chosenUrl.isEmpty()) {
        if (allowDialog)
            ask(QStringLiteral("ws://127.0.0.1:6080"), dialogParent);
        else
            emit cancelled(tr("No central service configured (--url or JH_CENTRAL_URL)"));
        return;
    }
    QPointer<QWidget> parent = dialogParent;
    mTokens->read(chosenUrl, [this, chosenUrl, parent, allowDialog](const QString &stored, const QString &) {
        if (!stored.isEmpty())
            start(chosenUrl, stored);
        else if (allowDialog)
            ask(chosenUrl, parent);
        else
            emit cancelled(tr("No token for %1 (--token or JH_CENTRAL_TOKEN)").arg(chosenUrl));
    });
}

void JhCentralConnector::ask(const QString &url, QWidget *parent)
{
    auto *dialog = new JhLoginDialog(url, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog]() {
        if (dialog->remember()) {
            QSettings().setValue(urlSettingsKey(), dialog->url());
            mTokens->write(dialog->url(), dialog->token());
        }
        start(dialog->url(), dialog->token());
    });
    connect(dialog, &QDialog::rejected, this, [this]() { emit cancelled(tr("Login cancelled")); });
    dialog->open();
}

void JhCentralConnector::start(const QString &url, const QString &token)
{
    JhClientConfig config;
    config.urls = url.split(QLatin1Char(','), Qt::SkipEmptyParts);
    config.token = token;
    config.clientName = QStringLiteral("jianghai-workstation");
    config.dataDirectory = mDataDirectory;
    mClient = std::make_unique<JhSyncClient>(config);
    const QString primary = config.primaryUrl();
    connect(mClient.get(), &JhSyncClient::connectionStatusChanged, this,
            [this, primary](const JhConnectionStatus &s) {
                // A refused token is not kept: the next start asks for a new one instead of failing again.
                if (s.state == JhConnectionState::Refused && s.reasonCode == QLatin1String("unauthorized"))
                    mTokens->forget(primary);
            });
    mClient->start();
    emit clientReady(mClient.get());
}
