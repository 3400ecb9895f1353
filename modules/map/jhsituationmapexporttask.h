// Background task that exports a situation map without blocking the GUI thread (QgsTaskManager).
#pragma once

#include "jhsituationmapexporter.h"
#include "jhsituationmaprequest.h"

#include <qgstaskmanager.h>

#include <atomic>
#include <memory>

class QgsFeedback;

//! Loads its own copy of the basemap in the worker thread (QGIS projects are not shared across threads)
//! and runs JhSituationMapExporter; exportFinished() is emitted in the GUI thread.
class JhSituationMapExportTask : public QgsTask
{
    Q_OBJECT

public:
    JhSituationMapExportTask(const QString &mapsDirectory, const JhSituationMapRequest &request);
    ~JhSituationMapExportTask() override;

    void cancel() override;
    JhSituationMapExporter::Result result() const { return mResult; }

signals:
    //! Emitted once, in the thread that owns the task (the GUI thread), success or not.
    void exportFinished(const JhSituationMapExporter::Result &result);

protected:
    bool run() override;
    void finished(bool result) override;

private:
    QString mMapsDirectory;
    JhSituationMapRequest mRequest;
    JhSituationMapExporter::Result mResult;
    std::unique_ptr<QgsFeedback> mFeedback;
};
