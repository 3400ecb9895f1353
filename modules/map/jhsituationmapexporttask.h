// Background task that exports a situation map without blocking the GUI thread (QgsTaskManager).
#pragma once

#include "jhsituationmapexporter.h"
#include "jhsituationmaprequest.h"

#include "jhsitestatus.h"
#include "jhworldstate.h"

#include <QHash>

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

    //! Draws live layers (JhLiveLayers) from this copy of the client state on the exported map; call before
    //! the task starts. Copies are cheap (implicitly shared) and the task's own project gets its own layers.
    void setLiveState(const JhWorldState &state, const QHash<QString, JhSiteStatus> &statuses);

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
    bool mHasLiveState = false;
    JhWorldState mLiveState;
    QHash<QString, JhSiteStatus> mLiveStatuses;
};
