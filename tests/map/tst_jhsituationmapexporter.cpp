// Situation map export: real PDF/PNG files from the A3 template, their text and size, and every error path.
#include "jhbasemapproject.h"
#include "jhsituationmapexporter.h"
#include "jhsituationmapexporttask.h"

#include <QtTest>

#include <qgsapplication.h>
#include <qgsfeedback.h>
#include <qgsproject.h>
#include <qgsprojectmetadata.h>

class TestJhSituationMapExporter : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void pdfHasTitleDateAndAttribution();
    void countyExtentPdf();
    void pngSizeFollowsDpi();
    void pngExplicitPixelSize();
    void unknownCounty();
    void missingOutputFolder();
    void unwritableOutput();
    void missingTemplate();
    void badResolution();
    void canceledExportLeavesNoFile();
    void backgroundTaskExports();
    void backgroundTaskCancels();

private:
    static QString pdfText(const QString &path);
    JhSituationMapRequest request(const QString &fileName) const;

    JhBasemapProject mBasemap;
    QTemporaryDir mDirectory;
};

QString TestJhSituationMapExporter::pdfText(const QString &path)
{
    QProcess process;
    process.start(QStringLiteral("pdftotext"),
                  {QStringLiteral("-enc"), QStringLiteral("UTF-8"), path, QStringLiteral("-")});
    if (!process.waitForFinished(30000) || process.exitCode() != 0)
        return QString();
    return QString::fromUtf8(process.readAllStandardOutput());
}

JhSituationMapRequest TestJhSituationMapExporter::request(const QString &fileName) const
{
    JhSituationMapRequest request;
    request.outputPath = mDirectory.filePath(fileName);
    request.title = QStringLiteral("长江南通段水质异常态势图");
    request.subtitle = QStringLiteral("南通市生态环境监测监控中心 应急值班室");
    request.dateTime = QDateTime(QDate(2026, 7, 1), QTime(9, 30));
    request.dpi = 100;
    return request;
}

void TestJhSituationMapExporter::initTestCase()
{
    QVERIFY(mDirectory.isValid());
    QCOMPARE(mBasemap.load(QStringLiteral(JH_SOURCE_DIR "/maps")), JhBasemapProject::Error::None);
}

void TestJhSituationMapExporter::pdfHasTitleDateAndAttribution()
{
    const QString projectTitle = mBasemap.project()->metadata().title();
    const JhSituationMapExporter exporter(&mBasemap);
    const auto result = exporter.exportMap(request(QStringLiteral("city.pdf")));
    QVERIFY2(result.ok(), qPrintable(result.message));
    QFile file(result.outputPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.read(5), QByteArray("%PDF-"));
    QVERIFY(file.size() > 20000);

    const QString text = pdfText(result.outputPath);
    QVERIFY2(text.contains(QStringLiteral("长江南通段水质异常态势图")), qPrintable(text.left(400)));
    QVERIFY(text.contains(QStringLiteral("应急值班室")));
    QVERIFY2(text.contains(QStringLiteral("2026-07-01 09:30")), qPrintable(text.left(400)));
    // The attribution comes from the project variable through the template's expression.
    QVERIFY(text.contains(QStringLiteral("OpenStreetMap contributors")));
    QVERIFY(text.contains(QStringLiteral("GSHHG")));
    QVERIFY(text.contains(QStringLiteral("GeoNames")));

    QProcess info;
    info.start(QStringLiteral("pdfinfo"), {result.outputPath});
    QVERIFY(info.waitForFinished(30000));
    const QString details = QString::fromUtf8(info.readAllStandardOutput());
    QVERIFY2(details.contains(QRegularExpression(QStringLiteral("Pages:\\s+1\\n"))), qPrintable(details));
    QVERIFY2(details.contains(QStringLiteral("(A3)")), qPrintable(details));
    QVERIFY2(details.contains(QStringLiteral("Title:           长江南通段水质异常态势图")),
             qPrintable(details));
    // The basemap project keeps its own title.
    QCOMPARE(mBasemap.project()->metadata().title(), projectTitle);
}

void TestJhSituationMapExporter::countyExtentPdf()
{
    JhSituationMapRequest countyRequest = request(QStringLiteral("haimen.pdf"));
    countyRequest.extent = QStringLiteral("320614");
    const auto result = JhSituationMapExporter(&mBasemap).exportMap(countyRequest);
    QVERIFY2(result.ok(), qPrintable(result.message));
    QVERIFY(pdfText(result.outputPath).contains(QStringLiteral("长江南通段水质异常态势图")));
}

void TestJhSituationMapExporter::pngSizeFollowsDpi()
{
    JhSituationMapRequest pngRequest = request(QStringLiteral("city.png"));
    pngRequest.format = JhSituationMapRequest::Format::Png;
    pngRequest.dpi = 60;
    const auto result = JhSituationMapExporter(&mBasemap).exportMap(pngRequest);
    QVERIFY2(result.ok(), qPrintable(result.message));
    const QImage image(result.outputPath);
    // A3 landscape is 420 x 297 mm.
    QVERIFY2(std::abs(image.width() - qRound(420 / 25.4 * 60)) <= 1,
             qPrintable(QString::number(image.width())));
    QVERIFY2(std::abs(image.height() - qRound(297 / 25.4 * 60)) <= 1,
             qPrintable(QString::number(image.height())));
}

void TestJhSituationMapExporter::pngExplicitPixelSize()
{
    JhSituationMapRequest pngRequest = request(QStringLiteral("sized.png"));
    pngRequest.format = JhSituationMapRequest::Format::Png;
    pngRequest.pixelSize = QSize(1000, 707);
    const auto result = JhSituationMapExporter(&mBasemap).exportMap(pngRequest);
    QVERIFY2(result.ok(), qPrintable(result.message));
    QCOMPARE(QImage(result.outputPath).size(), QSize(1000, 707));
}

void TestJhSituationMapExporter::unknownCounty()
{
    JhSituationMapRequest bad = request(QStringLiteral("unknown.pdf"));
    bad.extent = QStringLiteral("320999");
    const auto result = JhSituationMapExporter(&mBasemap).exportMap(bad);
    QCOMPARE(result.error, JhSituationMapExporter::Error::UnknownExtent);
    QVERIFY(result.message.contains(QStringLiteral("320999")));
    QVERIFY(result.message.contains(QStringLiteral("320614"))); // lists the valid codes
    QVERIFY(!QFile::exists(bad.outputPath));
}

void TestJhSituationMapExporter::missingOutputFolder()
{
    JhSituationMapRequest bad = request(QStringLiteral("no/such/folder/map.pdf"));
    const auto result = JhSituationMapExporter(&mBasemap).exportMap(bad);
    QCOMPARE(result.error, JhSituationMapExporter::Error::OutputDirectoryMissing);
    QVERIFY(result.message.contains(QStringLiteral("folder")));
}

void TestJhSituationMapExporter::unwritableOutput()
{
    // The tests may run as root, for whom permissions do not apply: a folder cannot be written as a file.
    QDir(mDirectory.path()).mkdir(QStringLiteral("taken.pdf"));
    const auto result = JhSituationMapExporter(&mBasemap).exportMap(request(QStringLiteral("taken.pdf")));
    QCOMPARE(result.error, JhSituationMapExporter::Error::OutputNotWritable);
    QVERIFY(result.message.contains(QStringLiteral("taken.pdf")));
}

void TestJhSituationMapExporter::missingTemplate()
{
    JhSituationMapRequest bad = request(QStringLiteral("template.pdf"));
    bad.templateName = QStringLiteral("no-such-template");
    const auto result = JhSituationMapExporter(&mBasemap).exportMap(bad);
    QCOMPARE(result.error, JhSituationMapExporter::Error::TemplateNotFound);
    QVERIFY(!QFile::exists(bad.outputPath));
}

void TestJhSituationMapExporter::badResolution()
{
    JhSituationMapRequest bad = request(QStringLiteral("dpi.pdf"));
    bad.dpi = 5000;
    QCOMPARE(JhSituationMapExporter(&mBasemap).exportMap(bad).error,
             JhSituationMapExporter::Error::InvalidResolution);
}

void TestJhSituationMapExporter::canceledExportLeavesNoFile()
{
    QgsFeedback feedback;
    feedback.cancel();
    const JhSituationMapRequest canceled = request(QStringLiteral("canceled.pdf"));
    const auto result = JhSituationMapExporter(&mBasemap).exportMap(canceled, &feedback);
    QCOMPARE(result.error, JhSituationMapExporter::Error::Canceled);
    QVERIFY(!QFile::exists(canceled.outputPath));
}

void TestJhSituationMapExporter::backgroundTaskExports()
{
    // The GUI path: a QgsTask loads its own project copy in a worker thread; this thread keeps its event
    // loop.
    auto *task = new JhSituationMapExportTask(mBasemap.mapsDirectory(), request(QStringLiteral("task.pdf")));
    QSignalSpy finished(task, &JhSituationMapExportTask::exportFinished);
    QSignalSpy progress(task, &QgsTask::progressChanged);
    QgsApplication::taskManager()->addTask(task);
    QVERIFY(finished.wait(60000));
    const auto result = finished.constFirst().constFirst().value<JhSituationMapExporter::Result>();
    QVERIFY2(result.ok(), qPrintable(result.message));
    QVERIFY(pdfText(result.outputPath).contains(QStringLiteral("2026-07-01 09:30")));
    QVERIFY(!progress.isEmpty());
}

void TestJhSituationMapExporter::backgroundTaskCancels()
{
    auto *task =
        new JhSituationMapExportTask(mBasemap.mapsDirectory(), request(QStringLiteral("cancel.pdf")));
    QSignalSpy finished(task, &JhSituationMapExportTask::exportFinished);
    QgsApplication::taskManager()->addTask(task);
    task->cancel(); // what the progress dialog's Cancel button does
    // A task cancelled while still queued reports back at once, inside cancel(); a running one later.
    QVERIFY(finished.count() == 1 || finished.wait(60000));
    const auto result = finished.constFirst().constFirst().value<JhSituationMapExporter::Result>();
    QCOMPARE(result.error, JhSituationMapExporter::Error::Canceled);
    QVERIFY(!QFile::exists(mDirectory.filePath(QStringLiteral("cancel.pdf"))));
}

int main(int argc, char *argv[])
{
    QgsApplication app(argc, argv, false);
    QgsApplication::setPrefixPath(QStringLiteral("/usr"), true);
    QgsApplication::initQgis();
    qRegisterMetaType<JhSituationMapExporter::Result>();
    int result = 0;
    {
        TestJhSituationMapExporter test;
        result = QTest::qExec(&test, argc, argv);
    }
    QgsApplication::exitQgis();
    return result;
}
#include "tst_jhsituationmapexporter.moc"
