// What a situation map (态势图) export should produce: texts, extent, format, resolution, output file.
#pragma once

#include <QDateTime>
#include <QSize>
#include <QString>

//! Parameters of one situation map export; the date-time is injected so exports are reproducible.
struct JhSituationMapRequest
{
    enum class Format
    {
        Pdf,
        Png,
    };

    QString outputPath;
    QString title;
    QString subtitle;   //!< Issuing unit; empty keeps the template's text.
    QDateTime dateTime; //!< Shown as 制图时间; invalid means "now".
    QString extent;     //!< "city" (or empty) for the whole of Nantong, else a county code such as "320614".
    Format format = Format::Pdf;
    int dpi = 200;
    QSize pixelSize; //!< PNG only: explicit size in pixels (overrides dpi); invalid = from dpi.
    QString templateName = QStringLiteral("situation-a3");
    //! Draw the project's live layers (JhLiveLayers) and list their classes in the legend, when present.
    bool includeLiveLayers = true;

    //! "pdf"/"png" (case-insensitive) to a format; false for anything else.
    static bool formatFromName(const QString &name, Format *format)
    {
        const QString lower = name.trimmed().toLower();
        if (lower == QLatin1String("pdf"))
            *format = Format::Pdf;
        else if (lower == QLatin1String("png"))
            *format = Format::Png;
        else
            return false;
        return true;
    }
};
