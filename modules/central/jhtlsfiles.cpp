// Loads a PEM certificate chain and private key into a server-side TLS configuration.
#include "jhtlsfiles.h"

#ifndef QT_NO_SSL
#include <QFile>
#include <QSslCertificate>
#include <QSslKey>

bool JhTlsFiles::load(const QString &certificatePath, const QString &keyPath,
                      QSslConfiguration &configuration, QString *error)
{
    QFile certificateFile(certificatePath);
    QFile keyFile(keyPath);
    if (!certificateFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot read %1 or %2").arg(certificatePath, keyPath);
        return false;
    }
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certificateFile.readAll(), QSsl::Pem);
    const QByteArray keyData = keyFile.readAll();
    QSslKey key(keyData, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(keyData, QSsl::Ec, QSsl::Pem);
    if (chain.isEmpty() || key.isNull()) {
        if (error)
            *error = QStringLiteral("no PEM certificate in %1 or no RSA/EC PEM key in %2")
                         .arg(certificatePath, keyPath);
        return false;
    }
    configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(key);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    return true;
}
#endif
