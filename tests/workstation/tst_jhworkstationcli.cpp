// jianghai-workstation from the command line: headless export, exit codes and messages, no-display behaviour.
#include <QtTest>

class TestJhWorkstationCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void exportsPdfHeadless();
    void exportsPngOfRequestedSize();
    void errors_data();
    void errors();
    void englishMessages();
    void noDisplayExplainsHeadlessExport();
    void helpListsExitCodes();

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString error;
    };
    Run run(const QStringList &arguments, const QString &platform = QString()) const;

    QTemporaryDir mDirectory;
    QString mProgram = QStringLiteral(JH_BINARY_DIR "/bin/jianghai-workstation");
};

TestJhWorkstationCli::Run TestJhWorkstationCli::run(const QStringList &arguments,
                                                    const QString &platform) const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // A private home: no saved language or layout of the machine's user leaks into the test.
    environment.insert(QStringLiteral("HOME"), mDirectory.filePath(QStringLiteral("home")));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"),
                       mDirectory.filePath(QStringLiteral("home/.config")));
    environment.remove(QStringLiteral("JH_MAPS_DIR"));
    // Never a display: the export must not need one, and the window mode must say there is none.
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
    if (!platform.isEmpty())
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), platform);
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(mProgram, arguments);
    Run result;
    if (!process.waitForFinished(60000)) {
        process.kill();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.error = QString::fromUtf8(process.readAllStandardError());
    return result;
}

void TestJhWorkstationCli::initTestCase()
{
    QVERIFY(mDirectory.isValid());
    QVERIFY2(QFileInfo(mProgram).isExecutable(), qPrintable(mProgram));
}

void TestJhWorkstationCli::exportsPdfHeadless()
{
    const QString output = mDirectory.filePath(QStringLiteral("city.pdf"));
    // No DISPLAY at all: --export-map must not need one.
    const Run result =
        run({QStringLiteral("--export-map"), output, QStringLiteral("--title"),
             QStringLiteral("启东近岸海域态势图"), QStringLiteral("--datetime"),
             QStringLiteral("2026-08-15T14:05"), QStringLiteral("--extent"), QStringLiteral("320681")});
    QVERIFY2(result.exitCode == 0, qPrintable(result.error));
    QVERIFY(result.out.contains(QStringLiteral("city.pdf")));
    QProcess text;
    text.start(QStringLiteral("pdftotext"), {output, QStringLiteral("-")});
    QVERIFY(text.waitForFinished(30000));
    const QString content = QString::fromUtf8(text.readAllStandardOutput());
    QVERIFY2(content.contains(QStringLiteral("启东近岸海域态势图")), qPrintable(content.left(300)));
    // Chinese is the default language: the date line is 制图时间.
    QVERIFY2(content.contains(QStringLiteral("制图时间: 2026-08-15 14:05")), qPrintable(content.left(300)));
}

void TestJhWorkstationCli::exportsPngOfRequestedSize()
{
    const QString output = mDirectory.filePath(QStringLiteral("sized.png"));
    const Run result = run({QStringLiteral("--export-map"), output, QStringLiteral("--width"),
                            QStringLiteral("840"), QStringLiteral("--height"), QStringLiteral("594")});
    QVERIFY2(result.exitCode == 0, qPrintable(result.error));
    QCOMPARE(QImage(output).size(), QSize(840, 594));

    const QString byDpi = mDirectory.filePath(QStringLiteral("dpi.png"));
    const Run dpiResult = run({QStringLiteral("--export-map"), byDpi, QStringLiteral("--format"),
                               QStringLiteral("png"), QStringLiteral("--dpi"), QStringLiteral("50")});
    QVERIFY2(dpiResult.exitCode == 0, qPrintable(dpiResult.error));
    QVERIFY(std::abs(QImage(byDpi).width() - qRound(420 / 25.4 * 50)) <= 1);
}

void TestJhWorkstationCli::errors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    const QString folder = mDirectory.path();
    QDir(folder).mkdir(QStringLiteral("a-folder.pdf"));
    QTest::newRow("bad path") << QStringList{QStringLiteral("--export-map"),
                                             folder + QStringLiteral("/missing/x.pdf")}
                              << 6 << QStringLiteral("输出文件所在文件夹不存在");
    QTest::newRow("unwritable file") << QStringList{QStringLiteral("--export-map"),
                                                    folder + QStringLiteral("/a-folder.pdf")}
                                     << 6 << QStringLiteral("无法写入输出文件");
    QTest::newRow("unknown county") << QStringList{QStringLiteral("--export-map"),
                                                   folder + QStringLiteral("/c.pdf"),
                                                   QStringLiteral("--extent"), QStringLiteral("310115")}
                                    << 5 << QStringLiteral("310115");
    QTest::newRow("unknown format") << QStringList{QStringLiteral("--export-map"),
                                                   folder + QStringLiteral("/c.tif")}
                                    << 2 << QStringLiteral("tif");
    QTest::newRow("bad dpi") << QStringList{QStringLiteral("--export-map"), folder + QStringLiteral("/c.pdf"),
                                            QStringLiteral("--dpi"), QStringLiteral("abc")}
                             << 2 << QStringLiteral("abc");
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--export-map"),
                                                   folder + QStringLiteral("/c.pdf"),
                                                   QStringLiteral("--colour"), QStringLiteral("red")}
                                    << 2 << QStringLiteral("colour");
    QTest::newRow("missing basemap") << QStringList{QStringLiteral("--export-map"),
                                                    folder + QStringLiteral("/c.pdf"),
                                                    QStringLiteral("--maps-dir"), folder}
                                     << 4 << QStringLiteral("nantong.qgs");
}

void TestJhWorkstationCli::errors()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const Run result = run(arguments);
    QCOMPARE(result.exitCode, exitCode);
    QVERIFY2(result.error.contains(message), qPrintable(result.error));
    QVERIFY(!QFile::exists(mDirectory.filePath(QStringLiteral("c.pdf"))));
}

void TestJhWorkstationCli::englishMessages()
{
    const Run result = run({QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--export-map"),
                            mDirectory.filePath(QStringLiteral("e.pdf")), QStringLiteral("--extent"),
                            QStringLiteral("999")});
    QCOMPARE(result.exitCode, 5);
    QVERIFY2(result.error.contains(QStringLiteral("Unknown county code \"999\"")), qPrintable(result.error));
}

void TestJhWorkstationCli::noDisplayExplainsHeadlessExport()
{
    const Run result = run({});
    QCOMPARE(result.exitCode, 3);
    QVERIFY2(result.error.contains(QStringLiteral("没有可用的图形显示 (no display)")),
             qPrintable(result.error));
    QVERIFY(result.error.contains(QStringLiteral("--export-map out.pdf")));
    // An X11 platform chosen explicitly without an X server: the same message, not Qt's abort.
    const Run xcb = run({}, QStringLiteral("xcb"));
    QCOMPARE(xcb.exitCode, 3);
    QVERIFY(xcb.error.contains(QStringLiteral("no display")));
}

void TestJhWorkstationCli::helpListsExitCodes()
{
    const Run result = run({QStringLiteral("--help"), QStringLiteral("--lang"), QStringLiteral("en")});
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.contains(QStringLiteral("--export-map")));
    QVERIFY(result.out.contains(QStringLiteral("5 unknown county")));
}

QTEST_GUILESS_MAIN(TestJhWorkstationCli)
#include "tst_jhworkstationcli.moc"
