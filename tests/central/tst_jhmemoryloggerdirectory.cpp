// Logger directory: the Nantong scenario, JSON and CSV imports, replacement while running, bad input.
#include "jhhj212options.h"
#include "jhmemoryloggerdirectory.h"
#include "jhscenario.h"

#include <QTemporaryDir>
#include <QTest>

class TestJhMemoryLoggerDirectory : public QObject
{
    Q_OBJECT

private slots:
    void loadsTheScenario()
    {
        JhScenario scenario;
        QVERIFY2(scenario.load(QStringLiteral(JH_SOURCE_DIR "/resources/scenario/nantong-scenario.json")),
                 qPrintable(scenario.errorMessage()));
        JhMemoryLoggerDirectory directory;
        const JhLoggerImportResult result = directory.addScenario(scenario);
        QVERIFY(result.isOk());
        QCOMPARE(directory.size(), scenario.sites().size());
        const JhSite &site = scenario.sites().first();
        JhLoggerEntry entry;
        QVERIFY(directory.lookup(site.mn.toUtf8(), &entry));
        QCOMPARE(entry.siteId, site.id);
        QCOMPARE(entry.password, site.password.toUtf8());
        QVERIFY(!directory.lookup("000000000000000000000000", &entry));
        int old = 0;
        for (const JhLoggerEntry &each : directory.entries())
            old += each.protocolVersion == JhHj212Version::V2005 ? 1 : 0;
        QVERIFY(old > 0);
    }

    void importsJsonAndCsv()
    {
        JhMemoryLoggerDirectory directory;
        JhLoggerImportResult result = directory.importJson(
            R"({"sites":[{"id":"S1","mn":"MN1","password":"p1"},
                         {"id":"S2","mn":"MN2","password":"p2","protocolVersion":"2005","hj212Tolerances":"plus6,bare-lf"}]})");
        QVERIFY2(result.isOk(), qPrintable(result.message));
        QCOMPARE(result.added, 2);
        JhLoggerEntry entry;
        QVERIFY(directory.lookup("MN2", &entry));
        QCOMPARE(entry.protocolVersion, JhHj212Version::V2005);
        QCOMPARE(entry.tolerances, int(JhHj212Options::LengthPlus6 | JhHj212Options::BareLineFeed));

        QTemporaryDir folder;
        const QString path = folder.filePath(QStringLiteral("loggers.csv"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("id,mn,password,hj212Tolerances\nS2,MN2,newpw,\nS3,MN3,p3,\"plus6,spaces\"\n");
        file.close();
        result = directory.importFile(path);
        QVERIFY2(result.isOk(), qPrintable(result.message));
        QCOMPARE(result.added, 1);
        QCOMPARE(result.replaced, 1);
        QVERIFY(directory.lookup("MN2", &entry));
        QCOMPARE(entry.password, QByteArray("newpw"));
        QCOMPARE(entry.tolerances, 0);
        QVERIFY(directory.lookup("MN3", &entry));
        QCOMPARE(entry.tolerances, int(JhHj212Options::LengthPlus6 | JhHj212Options::Spaces));
    }

    void badInputChangesNothing()
    {
        JhMemoryLoggerDirectory directory;
        QCOMPARE(directory.importJson("{\"sites\":[{\"id\":\"S1\",\"mn\":\"MN1\"}]}").error,
                 JhLoggerImportResult::Error::InvalidEntry);
        QCOMPARE(directory.importJson("{nope").error, JhLoggerImportResult::Error::BadFormat);
        QCOMPARE(directory.importCsv("id,mn\nS1,MN1\n").error, JhLoggerImportResult::Error::BadFormat);
        const JhLoggerImportResult bad =
            directory.importCsv("id,mn,password,hj212Tolerances\nS1,MN1,p,wobbly\n");
        QCOMPARE(bad.error, JhLoggerImportResult::Error::InvalidEntry);
        QVERIFY(bad.message.contains(QStringLiteral("wobbly")));
        QCOMPARE(directory.importFile(QStringLiteral("/nonexistent/x.json")).error,
                 JhLoggerImportResult::Error::FileNotReadable);
        QCOMPARE(directory.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestJhMemoryLoggerDirectory)
#include "tst_jhmemoryloggerdirectory.moc"
