// Background task that exports a situation map without blocking the GUI thread (QgsTaskManager).
#include "jhsituationmapexporttask.h"

#include "jhbasemapproject.h"
#include "jhlivelayers.h"

#include <qgsfeedback.h>

JhSituationMapExportTask::JhSituationMapExportTask(const QString &mapsDirectory,
                                                   const JhSituationMapRequest &request)
    : QgsTask(tr("Export situation map"), QgsTask::CanCancel), mMapsDirectory(mapsDirectory),
      mRequest(request), mFeedback(std::make_unique<QgsFeedback>())
{
    connect(
        mFeedback.get(), &QgsFeedback::progressChanged, this,
        [this](double progress) {
            // Project loading is the first ~30 %; the exporter reports the rest.
            setProgress(30 + progress * 0.7);
        },
        Qt::DirectConnection);
}

JhSituationMapExportTask::~JhSituationMapExportTask() = default;

void JhSituationMapExportTask::setLiveState(const JhWorldState &state,
                                            const QHash<QString, JhSiteStatus> &statuses)
{
    mHasLiveState = true;
    mLiveState = state;
    mLiveStatuses = statuses;
}

void JhSituationMapExportTask::cancel()
{
    mFeedback->cancel();
    QgsTask::cancel();
}

bool JhSituationMapExportTask::run()
{
    JhBasemapProject basemap;
    setProgress(5);
    const JhBasemapProject::Error loadError =
        basemap.load(mMapsDirectory, JhBasemapProject::LoadMode::Background);
    if (loadError == JhBasemapProject::Error::MapsDirectoryNotFound ||
        loadError == JhBasemapProject::Error::ProjectUnreadable) {
        mResult.error = JhSituationMapExporter::Error::BasemapNotLoaded;
        mResult.message = basemap.errorMessage();
        return false;
    }
    setProgress(30);
    if (mFeedback->isCanceled()) {
        mResult.error = JhSituationMapExporter::Error::Canceled;
        mResult.message = JhSituationMapExporter::tr("The export was canceled.");
        return false;
    }
    std::unique_ptr<JhLiveLayers> live;
    if (mHasLiveState && mRequest.includeLiveLayers) {
        live = std::make_unique<JhLiveLayers>(basemap.project(), basemap.mapsDirectory());
        live->apply(mLiveState, mLiveStatuses);
    }
    const JhSituationMapExporter exporter(&basemap);
    mResult = exporter.exportMap(mRequest, mFeedback.get());
    return mResult.ok();
}

void JhSituationMapExportTask::finished(bool)
{
    if (mResult.error == JhSituationMapExporter::Error::None && isCanceled()) {
        mResult.error = JhSituationMapExporter::Error::Canceled;
        mResult.message = JhSituationMapExporter::tr("The export was canceled.");
    }
    emit exportFinished(mResult);
}
