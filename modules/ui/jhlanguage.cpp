// The UI language: which translations exist, where the .qm files are, installing them at start-up.
#include "jhlanguage.h"

#include <QDir>
#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

#ifndef JH_BUILD_TRANSLATIONS_DIR
#define JH_BUILD_TRANSLATIONS_DIR ""
#endif

QString JhLanguage::nativeName(const QString &language)
{
    if (language == QLatin1String("zh_CN"))
        return QStringLiteral("简体中文");
    if (language == QLatin1String("en"))
        return QStringLiteral("English");
    return language;
}

QString JhLanguage::configuredLanguage()
{
    const QString language = QSettings().value(settingsKey(), defaultLanguage()).toString();
    return languages().contains(language) ? language : defaultLanguage();
}

QStringList JhLanguage::searchDirectories()
{
    QStringList directories;
    const QString fromEnvironment = qEnvironmentVariable("JH_TRANSLATIONS_DIR");
    if (!fromEnvironment.isEmpty())
        directories << fromEnvironment;
    const QString appDir = QCoreApplication::applicationDirPath();
    directories << QDir::cleanPath(appDir + QStringLiteral("/../share/jianghai/translations"));
    if (!QString(QStringLiteral(JH_BUILD_TRANSLATIONS_DIR)).isEmpty())
        directories << QStringLiteral(JH_BUILD_TRANSLATIONS_DIR);
    return directories;
}

bool JhLanguage::install(const QString &language, QString *errorMessage)
{
    if (language == QLatin1String("en"))
        return true;
    auto *translator = new QTranslator(QCoreApplication::instance());
    bool loaded = false;
    const QStringList directories = searchDirectories();
    for (const QString &directory : directories) {
        if (translator->load(QStringLiteral("jianghai_") + language, directory)) {
            loaded = true;
            break;
        }
    }
    if (!loaded) {
        delete translator;
        if (errorMessage)
            *errorMessage = tr("No translation jianghai_%1.qm in %2")
                                .arg(language, directories.join(QStringLiteral(", ")));
        return false;
    }
    QCoreApplication::installTranslator(translator);

    // Qt's own dialogs (file dialog, message box buttons) follow the same language when Qt ships it.
    auto *qtTranslator = new QTranslator(QCoreApplication::instance());
    if (qtTranslator->load(QStringLiteral("qtbase_") + language,
                           QLibraryInfo::location(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
    else
        delete qtTranslator;
    return true;
}
