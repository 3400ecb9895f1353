// Command-line options of jianghai-workstation and the exit codes it returns.
#pragma once

#include "jhsituationmapexporter.h"
#include "jhsituationmaprequest.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

//! Parses the workstation's arguments; the mode is also scanned from raw argv before QApplication exists.
class JhWorkstationOptions
{
    Q_DECLARE_TR_FUNCTIONS(JhWorkstationOptions)

public:
    enum class Mode
    {
        Window, //!< The interactive workstation.
        Export, //!< --export-map: headless situation map, no display needed.
        Help,
        Version,
    };

    //! Exit codes, documented in --help and docs/workstation.md.
    enum ExitCode
    {
        ExitOk = 0,
        ExitExportFailed = 1,
        ExitUsage = 2, //!< Unknown option, unknown format, bad dpi/size.
        ExitNoDisplay = 3,
        ExitBasemap = 4, //!< maps/nantong.qgs not found or unreadable.
        ExitUnknownExtent = 5,
        ExitOutput = 6,   //!< Output folder missing or file not writable.
        ExitTemplate = 7, //!< Layout template missing or invalid.
        ExitNotSynced =
            8, //!< --screenshot: no sync with central within --sync-timeout (the picture was still taken).
    };

    //! Mode from raw arguments (before the application object exists).
    static Mode scanMode(int argc, char **argv);
    //! --lang value from raw arguments, so translations are installed before the help text is built.
    static QString scanLanguage(int argc, char **argv);
    //! Exit code for an exporter error.
    static ExitCode exitCodeFor(JhSituationMapExporter::Error error);

    //! Parses \a arguments (including the program name); false with errorMessage() on misuse.
    bool parse(const QStringList &arguments);
    QString errorMessage() const { return mErrorMessage; }
    QString helpText() const { return mHelpText; }

    Mode mode() const { return mMode; }
    QString language() const { return mLanguage; }
    QString mapsDirectory() const { return mMapsDirectory; }
    JhSituationMapRequest request() const { return mRequest; }
    bool benchmarkStartup() const { return mBenchmarkStartup; }
    QString screenshotPath() const { return mScreenshotPath; }
    //! --url / --token as given (empty: take JH_CENTRAL_URL / JH_CENTRAL_TOKEN, then the settings).
    QString centralUrl() const { return mCentralUrl; }
    QString token() const { return mToken; }
    bool noCentral() const { return mNoCentral; }
    int syncTimeoutSeconds() const { return mSyncTimeoutSeconds; }
    //! --show-site: the site to show once synced (empty: none).
    QString showSite() const { return mShowSite; }

private:
    Mode mMode = Mode::Window;
    QString mErrorMessage;
    QString mHelpText;
    QString mLanguage;
    QString mMapsDirectory;
    JhSituationMapRequest mRequest;
    bool mBenchmarkStartup = false;
    QString mScreenshotPath;
    QString mCentralUrl;
    QString mToken;
    bool mNoCentral = false;
    int mSyncTimeoutSeconds = 15;
    QString mShowSite;
};
