// Finds the central URL and token (command line, environment, settings, keyring, login) and starts the
// client.
#pragma once

#include <QObject>
#include <QString>

#include <memory>

class JhSyncClient;
class JhTokenStore;
class QWidget;

//! In this order: --url/--token, JH_CENTRAL_URL/JH_CENTRAL_TOKEN (what scripts/run.sh exports), the URL in
//! the settings with its token from the keyring (or the 0600 fallback file), and last a first-run login
//! dialog whose answers are remembered. A token central refuses is forgotten so the next start asks again.
class JhCentralConnector : public QObject
{
    Q_OBJECT
public:
    //! \a dataDirectory: where the client's cache and outbox files go.
    JhCentralConnector(const QString &dataDirectory, QObject *parent = nullptr);
    ~JhCentralConnector() override;

    //! Starts the search; clientReady() follows (possibly after the login dialog, parented to \a
    //! dialogParent), or cancelled() when the user closes the dialog. \a allowDialog false: never ask
    //! (screenshots, tests).
    void connectToCentral(const QString &url, const QString &token, QWidget *dialogParent, bool allowDialog);

    JhSyncClient *client() const { return mClient.get(); }
    JhTokenStore *tokenStore() const { return mTokens; }

    static QString urlSettingsKey() { return QStringLiteral("central/url"); }

signals:
    void clientReady(JhSyncClient *client);
    void cancelled(const QString &reason);

private:
    void start(const QString &url, const QString &token);
    void ask(const QString &url, QWidget *parent);

    QString mDataDirectory;
    JhTokenStore *mTokens;
    std::unique_ptr<JhSyncClient> mClient;
};
