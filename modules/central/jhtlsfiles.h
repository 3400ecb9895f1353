// Loads a PEM certificate chain and private key into a server-side TLS configuration (API and HJ 212 ports).
#pragma once

#include <QString>
#include <QtNetwork/qtnetworkglobal.h>

#ifndef QT_NO_SSL
#include <QSslConfiguration>
#endif

//! The TLS files of a listening port, checked once at start so a bad path is told before anyone connects.
class JhTlsFiles
{
public:
#ifndef QT_NO_SSL
    //! Reads \a certificatePath (PEM chain) and \a keyPath (PEM RSA or EC key). On failure returns false
    //! and says why in \a error. Peers are not asked for certificates (loggers and workstations have none).
    static bool load(const QString &certificatePath, const QString &keyPath, QSslConfiguration &configuration,
                     QString *error);
#endif
};
