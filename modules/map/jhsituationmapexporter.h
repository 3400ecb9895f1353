// Fills the situation map print layout (maps/layouts) and exports it to PDF or PNG, also headless.
#pragma once

#include "jhsituationmaprequest.h"

#include <QCoreApplication>
#include <QMetaType>
#include <QString>

class JhBasemapProject;
class QgsFeedback;

//! Exports a 态势图 from the basemap project and a layout template; runs in any thread that owns the project.
class JhSituationMapExporter
{
    Q_DECLARE_TR_FUNCTIONS(JhSituationMapExporter)

public:
    enum class Error
    {
        None,
        BasemapNotLoaded,  //!< The basemap project is missing or unreadable.
        TemplateNotFound,  //!< maps/layouts/<name>.qpt does not exist.
        TemplateInvalid,   //!< The template cannot be read or lacks the map/title/datetime items.
        UnknownExtent,     //!< The extent is neither "city" nor a county code of the counties layer.
        InvalidResolution, //!< dpi or pixel size out of range.
        OutputDirectoryMissing,
        OutputNotWritable,
        ExportFailed, //!< QGIS reported a failure while rendering or writing.
        Canceled,
    };

    struct Result
    {
        Error error = Error::None;
        QString message; //!< Human-readable, in the UI language; empty on success.
        QString outputPath;
        bool ok() const { return error == Error::None; }
    };

    //! \a basemap must outlive the exporter and belong to the calling thread.
    explicit JhSituationMapExporter(JhBasemapProject *basemap);

    //! Runs the export; \a feedback (optional) receives progress 0-100 and may cancel between stages.
    Result exportMap(const JhSituationMapRequest &request, QgsFeedback *feedback = nullptr) const;

    //! The text placed in the layout's datetime label for \a dateTime.
    static QString dateTimeText(const QDateTime &dateTime);

    //! Valid dpi range for exports.
    static constexpr int sMinimumDpi = 36;
    static constexpr int sMaximumDpi = 1200;

private:
    JhBasemapProject *mBasemap = nullptr;
};

Q_DECLARE_METATYPE(JhSituationMapExporter::Result)
