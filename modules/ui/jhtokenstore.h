// Where the workstation keeps the user's API token: the system keyring, else a file only the user can read.
#pragma once

#include <QObject>
#include <QString>

#include <functional>

//! Asynchronous (a keyring may be a D-Bus round trip away; the GUI thread never waits). Tokens are stored
//! per central URL. Without a keyring service (a headless box, a minimal desktop) the token goes to a file
//! in the user's config folder with permissions 0600, and the log says so once.
class JhTokenStore : public QObject
{
    Q_OBJECT
public:
    using ReadCallback = std::function<void(const QString &token, const QString &where)>;
    using WriteCallback = std::function<void(bool ok, const QString &where)>;

    //! \a fallbackDirectory: where the 0600 file goes (default: the app config location).
    explicit JhTokenStore(const QString &fallbackDirectory = {}, QObject *parent = nullptr);

    //! Calls \a done with the token (empty when none is stored) and "keyring" or the file path.
    void read(const QString &url, ReadCallback done);
    void write(const QString &url, const QString &token, WriteCallback done = {});
    //! Forgets the token (keyring and file), e.g. after central refused it.
    void forget(const QString &url);

    //! The fallback file for \a url (exists only when the keyring was unavailable).
    QString fallbackPath(const QString &url) const;
    //! Tests: never try the keyring.
    void setKeyringEnabled(bool enabled) { mKeyringEnabled = enabled; }

private:
    QString readFile(const QString &url) const;
    bool writeFile(const QString &url, const QString &token) const;

    QString mFallbackDirectory;
    bool mKeyringEnabled = true;
};
