// JhTokenStore without a keyring: the token lands in a file only the user can read, per central URL,
// and forget() removes it.
#include "jhtokenstore.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

class TestJhTokenStore : public QObject
{
    Q_OBJECT
private slots:
    void fallbackFileIsPrivateAndPerUrl()
    {
        QTemporaryDir folder;
        JhTokenStore store(folder.path());
        store.setKeyringEnabled(false);
        bool written = false;
        store.write(QStringLiteral("ws://a:6080"), QStringLiteral("tok-a"),
                    [&written](bool ok, const QString &) { written = ok; });
        QVERIFY(written);
        const QFileInfo file(store.fallbackPath(QStringLiteral("ws://a:6080")));
        QVERIFY(file.exists());
        QCOMPARE(file.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther |
                                       QFileDevice::WriteGroup | QFileDevice::WriteOther),
                 QFileDevice::Permissions());
        QString read;
        store.read(QStringLiteral("ws://a:6080"),
                   [&read](const QString &token, const QString &) { read = token; });
        QCOMPARE(read, QStringLiteral("tok-a"));
        store.read(QStringLiteral("ws://b:6080"),
                   [&read](const QString &token, const QString &) { read = token; });
        QVERIFY(read.isEmpty());
        store.forget(QStringLiteral("ws://a:6080"));
        QVERIFY(!QFile::exists(store.fallbackPath(QStringLiteral("ws://a:6080"))));
    }
};

QTEST_GUILESS_MAIN(TestJhTokenStore)
#include "tst_jhtokenstore.moc"
