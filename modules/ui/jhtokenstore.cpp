// The user's API token in the keyring (qt5keychain) or a 0600 file.
#include "jhtokenstore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QStandardPaths>

#include <qt5keychain/keychain.h>

namespace {
const QString sService = QStringLiteral("jianghai-workstation");

QString keyFor(const QString &url)
{
    return QStringLiteral("token:") + url;
}
} // namespace

JhTokenStore::JhTokenStore(const QString &fallbackDirectory, QObject *parent)
    : QObject(parent),
      mFallbackDirectory(fallbackDirectory.isEmpty()
                             ? QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation)
                             : fallbackDirectory)
{}

QString JhTokenStore::fallbackPath(const QString &url) const
{
    const QByteArray hash =
        QCryptographicHash::hash(url.toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    return QDir(mFallbackDirectory).filePath(QStringLiteral("token-%1").arg(QString::fromLatin1(hash)));
}

QString JhTokenStore::readFile(const QString &url) const
{
    QFile file(fallbackPath(url));
    if (!file.open(QIODevice::ReadOnly))
        return QString();
    return QString::fromUtf8(file.readAll()).trimmed();
}

bool JhTokenStore::writeFile(const QString &url, const QString &token) const
{
    QDir().mkpath(mFallbackDirectory);
    QSaveFile file(fallbackPath(url));
    if (!file.open(QIODevice::WriteOnly))
        return false;
    // Readable by the user only, before the token is in it.
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(token.toUtf8());
    return file.commit() &&
           QFile::setPermissions(fallbackPath(url), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

void JhTokenStore::read(const QString &url, ReadCallback done)
{
    if (!mKeyringEnabled) {
        done(readFile(url), fallbackPath(url));
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(sService, this);
    job->setKey(keyFor(url));
    connect(job, &QKeychain::Job::finished, this, [this, url, done](QKeychain::Job *finished) {
        auto *readJob = static_cast<QKeychain::ReadPasswordJob *>(finished);
        if (readJob->error() == QKeychain::NoError) {
            done(readJob->textData(), QStringLiteral("keyring"));
            return;
        }
        // No keyring service, or nothing there: the file (if a keyless run wrote one).
        done(readFile(url), fallbackPath(url));
    });
    job->start();
}

void JhTokenStore::write(const QString &url, const QString &token, WriteCallback done)
{
    if (!mKeyringEnabled) {
        const bool ok = writeFile(url, token);
        if (done)
            done(ok, fallbackPath(url));
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(sService, this);
    job->setKey(keyFor(url));
    job->setTextData(token);
    connect(job, &QKeychain::Job::finished, this, [this, url, token, done](QKeychain::Job *finished) {
        if (finished->error() == QKeychain::NoError) {
            QFile::remove(fallbackPath(url)); // the keyring holds it now
            if (done)
                done(true, QStringLiteral("keyring"));
            return;
        }
        qWarning("jianghai: no usable keyring (%s); the token is kept in a file only you can read",
                 qPrintable(finished->errorString()));
        const bool ok = writeFile(url, token);
        if (done)
            done(ok, fallbackPath(url));
    });
    job->start();
}

void JhTokenStore::forget(const QString &url)
{
    QFile::remove(fallbackPath(url));
    if (!mKeyringEnabled)
        return;
    auto *job = new QKeychain::DeletePasswordJob(sService, this);
    job->setKey(keyFor(url));
    job->start();
}
