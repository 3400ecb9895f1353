// Translations: the Chinese catalogue loads and the UI shows Chinese; English needs no catalogue.
#include "jhbasemapproject.h"
#include "jhdockregistry.h"
#include "jhlanguage.h"
#include "jhmainwindow.h"

#include <QtTest>

#include <QDockWidget>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>

#include <qgsapplication.h>

class TestJhLanguage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void defaultIsChinese();
    void englishIsSourceLanguage();
    void chineseCatalogueTranslatesTheWindow();

private:
    static QStringList menuTitles(const QMainWindow &window);
    JhBasemapProject mBasemap;
    QTemporaryDir mDirectory;
};

void TestJhLanguage::initTestCase()
{
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                       mDirectory.filePath(QStringLiteral("settings")));
    QCoreApplication::setOrganizationName(QStringLiteral("JianghaiTest"));
    QCOMPARE(mBasemap.load(QStringLiteral(JH_SOURCE_DIR "/maps")), JhBasemapProject::Error::None);
}

QStringList TestJhLanguage::menuTitles(const QMainWindow &window)
{
    QStringList titles;
    const auto actions = window.menuBar()->actions();
    for (QAction *action : actions)
        titles << action->text();
    return titles;
}

void TestJhLanguage::defaultIsChinese()
{
    QCOMPARE(JhLanguage::configuredLanguage(), QStringLiteral("zh_CN"));
    QSettings().setValue(JhLanguage::settingsKey(), QStringLiteral("en"));
    QCOMPARE(JhLanguage::configuredLanguage(), QStringLiteral("en"));
    QSettings().setValue(JhLanguage::settingsKey(), QStringLiteral("xx"));
    QCOMPARE(JhLanguage::configuredLanguage(), QStringLiteral("zh_CN"));
    QSettings().clear();
}

void TestJhLanguage::englishIsSourceLanguage()
{
    QVERIFY(JhLanguage::install(QStringLiteral("en")));
    JhMainWindow window(&mBasemap);
    QVERIFY(menuTitles(window).contains(QStringLiteral("&File")));
    QCOMPARE(window.exportAction()->text(), QStringLiteral("Export situation map…"));
}

void TestJhLanguage::chineseCatalogueTranslatesTheWindow()
{
    QString error;
    QVERIFY2(JhLanguage::install(QStringLiteral("zh_CN"), &error), qPrintable(error));
    JhMainWindow window(&mBasemap);
    const QStringList titles = menuTitles(window);
    QVERIFY2(titles.contains(QStringLiteral("文件(&F)")), qPrintable(titles.join(QLatin1Char('|'))));
    QVERIFY(titles.contains(QStringLiteral("书签(&B)")));
    QCOMPARE(window.exportAction()->text(), QStringLiteral("导出态势图…"));
    QCOMPARE(window.resetLayoutAction()->text(), QStringLiteral("重置布局"));
    QVERIFY(window.bookmarksMenu()->actions().last()->text().startsWith(QStringLiteral("缩放至 ")));
    QCOMPARE(window.docks()->dock(QStringLiteral("layers"))->windowTitle(), QStringLiteral("图层"));
}

int main(int argc, char *argv[])
{
    QgsApplication app(argc, argv, true);
    QgsApplication::setPrefixPath(QStringLiteral("/usr"), true);
    QgsApplication::initQgis();
    int result = 0;
    {
        TestJhLanguage test;
        result = QTest::qExec(&test, argc, argv);
    }
    QgsApplication::exitQgis();
    return result;
}
#include "tst_jhlanguage.moc"
