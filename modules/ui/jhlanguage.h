// The UI language: which translations exist, where the .qm files are, installing them at start-up.
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

//! Simplified Chinese is the default; English is the source language of the code.
class JhLanguage
{
    Q_DECLARE_TR_FUNCTIONS(JhLanguage)

public:
    static QString defaultLanguage() { return QStringLiteral("zh_CN"); }
    static QStringList languages() { return {QStringLiteral("zh_CN"), QStringLiteral("en")}; }
    //! Native name for the language menu (never translated: a user must find their own language).
    static QString nativeName(const QString &language);
    //! Settings key holding the chosen language.
    static QString settingsKey() { return QStringLiteral("workstation/language"); }
    //! The language from the settings, or the default.
    static QString configuredLanguage();
    //! Folders searched for jianghai_<lang>.qm: $JH_TRANSLATIONS_DIR, <bin>/../share/jianghai/translations.
    static QStringList searchDirectories();
    //! Installs the application (and Qt's own) translators for \a language on the running application.
    //! English needs no catalogue; returns false when the catalogue of another language is missing.
    static bool install(const QString &language, QString *errorMessage = nullptr);
};
