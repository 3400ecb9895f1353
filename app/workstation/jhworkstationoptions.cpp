// Command-line options of jianghai-workstation and the exit codes it returns.
#include "jhworkstationoptions.h"

#include "jhlanguage.h"

#include <QCommandLineParser>
#include <QFileInfo>

#include <cstring>

JhWorkstationOptions::Mode JhWorkstationOptions::scanMode(int argc, char **argv)
{
    Mode mode = Mode::Window;
    for (int i = 1; i < argc; ++i) {
        const char *argument = argv[i];
        if (std::strcmp(argument, "--help") == 0 || std::strcmp(argument, "-h") == 0)
            return Mode::Help;
        if (std::strcmp(argument, "--version") == 0 || std::strcmp(argument, "-v") == 0)
            return Mode::Version;
        if (std::strncmp(argument, "--export-map", 12) == 0)
            mode = Mode::Export;
    }
    return mode;
}

QString JhWorkstationOptions::scanLanguage(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QString argument = QString::fromLocal8Bit(argv[i]);
        if (argument == QLatin1String("--lang") && i + 1 < argc)
            return QString::fromLocal8Bit(argv[i + 1]);
        if (argument.startsWith(QLatin1String("--lang=")))
            return argument.mid(7);
    }
    return QString();
}

JhWorkstationOptions::ExitCode JhWorkstationOptions::exitCodeFor(JhSituationMapExporter::Error error)
{
    using Error = JhSituationMapExporter::Error;
    switch (error) {
    case Error::None:
        return ExitOk;
    case Error::BasemapNotLoaded:
        return ExitBasemap;
    case Error::TemplateNotFound:
    case Error::TemplateInvalid:
        return ExitTemplate;
    case Error::UnknownExtent:
        return ExitUnknownExtent;
    case Error::InvalidResolution:
        return ExitUsage;
    case Error::OutputDirectoryMissing:
    case Error::OutputNotWritable:
        return ExitOutput;
    case Error::ExportFailed:
    case Error::Canceled:
        break;
    }
    return ExitExportFailed;
}

bool JhWorkstationOptions::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Jianghai Command workstation: the Nantong ecological environment command map.\n"
           "Without options it opens the workstation window (a display is needed).\n"
           "Exit codes: 0 success, 1 export failed, 2 bad usage/format/resolution, 3 no display,\n"
           "4 basemap not found, 5 unknown county, 6 output folder missing or file not writable,\n"
           "7 layout template missing or invalid."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption exportOption(QStringLiteral("export-map"),
                                          tr("Export a situation map to <file> without opening a window."),
                                          QStringLiteral("file"));
    const QCommandLineOption titleOption(QStringLiteral("title"), tr("Title of the situation map."),
                                         QStringLiteral("text"));
    const QCommandLineOption subtitleOption(QStringLiteral("subtitle"),
                                            tr("Issuing unit under the title (default: from the template)."),
                                            QStringLiteral("text"));
    const QCommandLineOption extentOption(QStringLiteral("extent"),
                                          tr("Map extent: city (default) or a county code such as 320614."),
                                          QStringLiteral("code"), QStringLiteral("city"));
    const QCommandLineOption formatOption(QStringLiteral("format"),
                                          tr("Output format pdf or png (default: from the file suffix)."),
                                          QStringLiteral("format"));
    const QCommandLineOption dpiOption(QStringLiteral("dpi"),
                                       tr("Resolution in dots per inch (default 200)."),
                                       QStringLiteral("dpi"), QStringLiteral("200"));
    const QCommandLineOption widthOption(QStringLiteral("width"), tr("PNG width in pixels (with --height)."),
                                         QStringLiteral("px"));
    const QCommandLineOption heightOption(QStringLiteral("height"),
                                          tr("PNG height in pixels (with --width)."), QStringLiteral("px"));
    const QCommandLineOption dateTimeOption(QStringLiteral("datetime"),
                                            tr("Map date-time in ISO 8601 (default: now)."),
                                            QStringLiteral("datetime"));
    const QCommandLineOption languageOption(
        QStringLiteral("lang"), tr("User interface language: zh_CN or en."), QStringLiteral("language"));
    const QCommandLineOption mapsOption(QStringLiteral("maps-dir"),
                                        tr("Folder holding nantong.qgs (default: found automatically)."),
                                        QStringLiteral("folder"));
    const QCommandLineOption benchmarkOption(
        QStringLiteral("benchmark-startup"),
        tr("Print the milliseconds to the first rendered frame and exit."));
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
                                              tr("Save the window to <file> after the first frame and exit."),
                                              QStringLiteral("file"));
    const QCommandLineOption urlOption(
        QStringLiteral("url"),
        tr("Central service URL, ws:// or wss:// (default: JH_CENTRAL_URL, then the settings)."),
        QStringLiteral("url"));
    const QCommandLineOption tokenOption(QStringLiteral("token"),
                                         tr("API token (default: JH_CENTRAL_TOKEN, then the keyring)."),
                                         QStringLiteral("token"));
    const QCommandLineOption offlineOption(QStringLiteral("no-central"),
                                           tr("Do not connect to a central service (basemap only)."));
    const QCommandLineOption syncTimeoutOption(
        QStringLiteral("sync-timeout"),
        tr("With --screenshot: wait at most this many seconds for the first sync."),
        QStringLiteral("seconds"), QStringLiteral("15"));
    const QCommandLineOption showSiteOption(
        QStringLiteral("show-site"), tr("Once synced, centre the map on this site and open its details."),
        QStringLiteral("site"));
    parser.addOption(showSiteOption);
    parser.addOptions({exportOption, titleOption, subtitleOption, extentOption, formatOption, dpiOption,
                       widthOption, heightOption, dateTimeOption, languageOption, mapsOption, benchmarkOption,
                       screenshotOption, urlOption, tokenOption, offlineOption, syncTimeoutOption});
    mHelpText = parser.helpText();

    if (!parser.parse(arguments)) {
        mErrorMessage = parser.errorText();
        return false;
    }
    if (parser.isSet(helpOption)) {
        mMode = Mode::Help;
        return true;
    }
    if (parser.isSet(versionOption)) {
        mMode = Mode::Version;
        return true;
    }
    if (!parser.positionalArguments().isEmpty()) {
        mErrorMessage = tr("Unexpected argument: %1").arg(parser.positionalArguments().constFirst());
        return false;
    }

    mLanguage = parser.value(languageOption);
    if (!mLanguage.isEmpty() && !JhLanguage::languages().contains(mLanguage)) {
        mErrorMessage = tr("Unknown language \"%1\"; use zh_CN or en.").arg(mLanguage);
        return false;
    }
    mMapsDirectory = parser.value(mapsOption);
    mBenchmarkStartup = parser.isSet(benchmarkOption);
    mScreenshotPath = parser.value(screenshotOption);
    mCentralUrl = parser.value(urlOption);
    mToken = parser.value(tokenOption);
    mNoCentral = parser.isSet(offlineOption);
    mSyncTimeoutSeconds = parser.value(syncTimeoutOption).toInt();
    mShowSite = parser.value(showSiteOption);
    if (!parser.isSet(exportOption)) {
        mMode = Mode::Window;
        return true;
    }

    mMode = Mode::Export;
    mRequest.outputPath = parser.value(exportOption);
    if (mRequest.outputPath.isEmpty()) {
        mErrorMessage = tr("--export-map needs an output file.");
        return false;
    }
    mRequest.title =
        parser.isSet(titleOption) ? parser.value(titleOption) : tr("Nantong environmental situation map");
    mRequest.subtitle = parser.value(subtitleOption);
    mRequest.extent = parser.value(extentOption);

    const QString formatName =
        parser.isSet(formatOption) ? parser.value(formatOption) : QFileInfo(mRequest.outputPath).suffix();
    if (!JhSituationMapRequest::formatFromName(formatName.isEmpty() ? QStringLiteral("pdf") : formatName,
                                               &mRequest.format)) {
        mErrorMessage = tr("Unknown format \"%1\"; use pdf or png.").arg(formatName);
        return false;
    }

    bool ok = false;
    mRequest.dpi = parser.value(dpiOption).toInt(&ok);
    if (!ok || mRequest.dpi < JhSituationMapExporter::sMinimumDpi ||
        mRequest.dpi > JhSituationMapExporter::sMaximumDpi) {
        mErrorMessage = tr("Bad resolution \"%1\"; use %2-%3 dpi.")
                            .arg(parser.value(dpiOption))
                            .arg(JhSituationMapExporter::sMinimumDpi)
                            .arg(JhSituationMapExporter::sMaximumDpi);
        return false;
    }

    if (parser.isSet(widthOption) || parser.isSet(heightOption)) {
        bool widthOk = false;
        bool heightOk = false;
        const int width = parser.value(widthOption).toInt(&widthOk);
        const int height = parser.value(heightOption).toInt(&heightOk);
        if (mRequest.format != JhSituationMapRequest::Format::Png || !widthOk || !heightOk || width <= 0 ||
            height <= 0) {
            mErrorMessage = tr("--width and --height go together, as positive pixel counts, for PNG only.");
            return false;
        }
        mRequest.pixelSize = QSize(width, height);
    }

    if (parser.isSet(dateTimeOption)) {
        mRequest.dateTime = QDateTime::fromString(parser.value(dateTimeOption), Qt::ISODate);
        if (!mRequest.dateTime.isValid()) {
            mErrorMessage = tr("Bad date-time \"%1\"; use ISO 8601 such as 2026-07-01T09:30.")
                                .arg(parser.value(dateTimeOption));
            return false;
        }
    }
    return true;
}
