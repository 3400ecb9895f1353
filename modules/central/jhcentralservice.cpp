// The composed central service.
#include "jhcentralservice.h"

#include "jhalarmengine.h"
#include "jhauthenticator.h"
#include "jhcommandservice.h"
#include "jheventjournal.h"
#include "jhhj212server.h"
#include "jhmemoryloggerdirectory.h"
#include "jhscenario.h"
#include "jhseriesqueryservice.h"
#include "jhsitestatustracker.h"
#include "jhstoreobservationsink.h"
#include "jhtlsfiles.h"
#include "jhwebsocketapi.h"

#include "jhenumnames.h"
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

JhCentralService::JhCentralService(const JhCentralConfig &config, QObject *parent)
    : QObject(parent), mConfig(config), mAlarmEngine(std::make_unique<JhAlarmEngine>())
{
    // Flow 1: committed observations and the offline sweep go through the alarm engine; its events are
    // appended (and folded) before the next call, as the engine requires.
    mObservationRule = [this](const QVector<JhObservation> &observations, const JhWorldState &state) {
        return mAlarmEngine->process(observations, state, mJournal->now());
    };
    mSweepRule = [this](const JhWorldState &state, const QDateTime &now) {
        return mAlarmEngine->sweep(state, now);
    };
}

JhCentralService::~JhCentralService()
{
    stop();
}

bool JhCentralService::fail(const QString &message)
{
    mErrorMessage = message;
    return false;
}

QString JhCentralService::demoToken(const QString &userId)
{
    return QStringLiteral("demo-") + userId;
}

bool JhCentralService::seed()
{
    const bool empty = mJournal->state().sites().isEmpty();
    if (mConfig.scenarioPath.isEmpty() || (!empty && !mConfig.demoUsers))
        return true;
    JhScenario scenario;
    if (!scenario.load(mConfig.scenarioPath))
        return fail(QStringLiteral("scenario %1: %2").arg(mConfig.scenarioPath, scenario.errorMessage()));
    JhStore &store = mJournal->store();
    if (empty) {
        JhWorldState reference;
        scenario.populate(reference);
        if (!store.upsertFactors(scenario.factors()) || !store.upsertSites(scenario.sites()) ||
            !store.initialiseReferenceData(reference))
            return fail(QStringLiteral("cannot seed the store: %1").arg(store.error().message));
        mStartMessages << QStringLiteral("seeded the store from %1: %2 sites, %3 teams, %4 depots")
                              .arg(mConfig.scenarioPath)
                              .arg(scenario.sites().size())
                              .arg(scenario.teams().size())
                              .arg(scenario.depots().size());
    }
    if (mConfig.demoUsers) {
        // Added once; on later starts the tokens are listed again if they still work (not revoked).
        for (const JhUser &user : scenario.users()) {
            if (!store.addUser(user, demoToken(user.id), mJournal->now()) &&
                store.error().code != JhStoreError::Code::Conflict)
                return fail(
                    QStringLiteral("cannot add demo user %1: %2").arg(user.id, store.error().message));
            JhUser holder;
            bool found = false;
            if (store.userForToken(demoToken(user.id), holder, found) && found)
                mStartMessages << QStringLiteral("demo user %1 (%2): token %3")
                                      .arg(user.id, JhEnumNames::code(user.role), demoToken(user.id));
        }
    }
    if (!empty)
        return true;
    // Reload so the journal's state holds the seeded reference data.
    mJournal->store().close();
    if (!mJournal->open(mStoreConfig))
        return fail(mJournal->errorMessage());
    return true;
}

bool JhCentralService::start()
{
    QString error;
    if (!mConfig.storeConfig(mStoreConfig, &error))
        return fail(QStringLiteral("database: %1").arg(error));
    if (mStoreConfig.dialect == JhStoreConfig::Dialect::Sqlite)
        QDir().mkpath(QFileInfo(mStoreConfig.sqlitePath).absolutePath());
    mJournal = std::make_unique<JhEventJournal>();
    if (!mJournal->open(mStoreConfig))
        return fail(mJournal->errorMessage());
    if (!seed())
        return false;

    mCommands = std::make_unique<JhCommandService>(mJournal.get());
    mAuthenticator = std::make_unique<JhAuthenticator>(&mJournal->store());
    mApi = std::make_unique<JhWebSocketApi>(mJournal.get(), mCommands.get(), mAuthenticator.get());
    JhWebSocketApi::Settings settings;
    settings.catchUpPageEvents = mConfig.catchUpPageEvents;
    settings.snapshotThreshold = mConfig.snapshotThreshold;
    settings.heartbeatIntervalMs = mConfig.heartbeatIntervalMs;
    settings.idleTimeoutMs = mConfig.idleTimeoutMs;
    settings.maxPendingBytes = mConfig.maxPendingBytes;
    mApi->setSettings(settings);
    // The live site status is volatile: rebuilt from the newest stored observation of every series. The
    // alarm engine sees the sites at the same times, so its offline alarms and the offline state agree.
    QList<JhObservation> latest;
    if (!mJournal->store().latestObservations(latest))
        return fail(
            QStringLiteral("cannot read the newest observations: %1").arg(mJournal->store().error().message));
    mSiteStatus = std::make_unique<JhSiteStatusTracker>(mAlarmEngine->config());
    // Revisions of this run start above any of an earlier run: the start time in microseconds.
    mSiteStatus->rebuild(latest, mJournal->state(), mJournal->now(),
                         QDateTime::currentMSecsSinceEpoch() * 1000);
    for (const JhSiteStatus &status : mSiteStatus->statuses())
        if (status.lastDataAt.isValid())
            mAlarmEngine->noteSeen(status.siteId, status.lastDataAt);
    mApi->setSiteStatusTracker(mSiteStatus.get());
    // Connected after the API: events reach the clients before the alarm counts are recounted.
    connect(mJournal.get(), &JhEventJournal::eventsAppended, this, [this](const QList<JhEvent> &events) {
        const QSet<QString> sites = JhSiteStatusTracker::alarmSites(events, mJournal->state());
        mApi->noteSiteStatusChanged(mSiteStatus->applyAlarmState(mJournal->state(), sites));
    });
    if (!mConfig.tlsCertificatePath.isEmpty() &&
        !mApi->setTls(mConfig.tlsCertificatePath, mConfig.tlsKeyPath, &error))
        return fail(QStringLiteral("TLS: %1").arg(error));

    mDirectory = std::make_unique<JhMemoryLoggerDirectory>();
    for (const JhSite &site : mJournal->state().sites()) {
        if (!site.mn.isEmpty())
            mDirectory->insert(JhMemoryLoggerDirectory::entryFor(site));
    }
    mSink = std::make_unique<JhStoreObservationSink>(mStoreConfig);
    if (!mSink->start(&error))
        return fail(QStringLiteral("observation store: %1").arg(error));
    // Time-series queries read on a connection and thread of their own, never the sink's.
    mSeriesQueries = std::make_unique<JhSeriesQueryService>(mStoreConfig);
    if (!mSeriesQueries->start(&error))
        return fail(QStringLiteral("observation store (queries): %1").arg(error));
    mApi->setSeriesQueries(mSeriesQueries.get());
    connect(mSink.get(), &JhStoreObservationSink::observationsCommitted, this,
            &JhCentralService::onObservationsCommitted);
    mIngest = std::make_unique<JhHj212Server>(mDirectory.get(), mSink.get());
    mIngest->setLimits(mConfig.ingestLimits);
    if (!mConfig.hj212TlsCertificatePath.isEmpty()) {
#ifndef QT_NO_SSL
        QSslConfiguration tls;
        if (!JhTlsFiles::load(mConfig.hj212TlsCertificatePath, mConfig.hj212TlsKeyPath, tls, &error))
            return fail(QStringLiteral("HJ 212 TLS: %1").arg(error));
        mIngest->setTls(tls);
#else
        return fail(QStringLiteral("HJ 212 TLS: this Qt build has no TLS support"));
#endif
    }

    if (!mIngest->listenForLoggers(QHostAddress(mConfig.hj212Host), mConfig.hj212Port))
        return fail(QStringLiteral("cannot listen for HJ 212 on %1:%2: %3")
                        .arg(mConfig.hj212Host)
                        .arg(mConfig.hj212Port)
                        .arg(mIngest->errorString()));
    if (!mApi->listen(QHostAddress(mConfig.apiHost), mConfig.apiPort))
        return fail(QStringLiteral("cannot listen for the API on %1:%2: %3")
                        .arg(mConfig.apiHost)
                        .arg(mConfig.apiPort)
                        .arg(mApi->errorString()));
    mStartMessages << QStringLiteral("store: %1, event log head %2, %3 sites")
                          .arg(mStoreConfig.displayUrl())
                          .arg(mJournal->headSequence())
                          .arg(mJournal->state().sites().size());
    mStartMessages
        << QStringLiteral("HJ 212 ingest listening on %1:%2").arg(mConfig.hj212Host).arg(hj212Port());
    mStartMessages << QStringLiteral("workstation API listening on %1://%2:%3")
                          .arg(mApi->isSecure() ? QStringLiteral("wss") : QStringLiteral("ws"),
                               mConfig.apiHost)
                          .arg(apiPort());

    for (const QString &path : mConfig.loggerFiles) {
        importLoggers(path);
        mLoggerWatcher.addPath(path);
    }
    // Loggers added to a list file are served without a restart.
    connect(&mLoggerWatcher, &QFileSystemWatcher::fileChanged, this, [this](const QString &path) {
        importLoggers(path);
        if (!mLoggerWatcher.files().contains(path))
            mLoggerWatcher.addPath(path); // editors replace the file
    });
    connect(&mStatusTimer, &QTimer::timeout, this, &JhCentralService::writeStatus);
    if (mConfig.statusIntervalSeconds > 0)
        mStatusTimer.start(mConfig.statusIntervalSeconds * 1000);

    connect(&mSiteTimer, &QTimer::timeout, this, &JhCentralService::refreshSites);
    if (mConfig.siteRefreshMs > 0)
        mSiteTimer.start(mConfig.siteRefreshMs);
    connect(&mSweepTimer, &QTimer::timeout, this, &JhCentralService::onSweep);
    if (mConfig.offlineSweepMs > 0)
        mSweepTimer.start(mConfig.offlineSweepMs);
    return true;
}

void JhCentralService::stop()
{
    mStatusTimer.stop();
    mSiteTimer.stop();
    mSweepTimer.stop();
    if (mIngest) {
        mIngest->close();
        mIngest->closeConnections();
    }
    if (mApi)
        mApi->close();
    if (mSeriesQueries)
        mSeriesQueries->stop();
    if (mSink)
        mSink->stop();
}

quint16 JhCentralService::hj212Port() const
{
    return mIngest ? mIngest->serverPort() : 0;
}

quint16 JhCentralService::apiPort() const
{
    return mApi ? mApi->serverPort() : 0;
}

int JhCentralService::refreshSites()
{
    const QList<JhSite> changed = mJournal->refreshSites();
    for (const JhSite &site : changed) {
        if (!site.mn.isEmpty())
            mDirectory->insert(JhMemoryLoggerDirectory::entryFor(site));
    }
    if (!changed.isEmpty() && mApi)
        mApi->sitesChanged();
    return changed.size();
}

void JhCentralService::onObservationsCommitted(const QVector<JhObservation> &observations)
{
    if (mObservationRule) {
        const QList<JhEvent> events = mObservationRule(observations, mJournal->state());
        if (!events.isEmpty())
            mJournal->appendSystemEvents(events);
    }
    // After the alarm events were appended (and pushed): the alarm counts are current.
    if (mSiteStatus)
        mApi->noteSiteStatusChanged(mSiteStatus->observe(observations, mJournal->state(), mJournal->now()));
}

void JhCentralService::onSweep()
{
    if (mSweepRule) {
        const QList<JhEvent> events = mSweepRule(mJournal->state(), mJournal->now());
        if (!events.isEmpty())
            mJournal->appendSystemEvents(events);
    }
    // Also gives sites added since (refreshSites) their first status.
    if (mSiteStatus)
        mApi->noteSiteStatusChanged(mSiteStatus->sweep(mJournal->state(), mJournal->now()));
}

void JhCentralService::importLoggers(const QString &path)
{
    const JhLoggerImportResult result = mDirectory->importFile(path);
    qCInfo(jhIngestLog).noquote() << path << ":" << result.message;
}

void JhCentralService::writeStatus()
{
    const JhIngestStatistics s = mIngest->statistics();
    qCInfo(jhIngestLog).nospace() << "connections " << s.connectionsOpen << ", stored " << s.packetsStored
                                  << " packets, rejected " << s.framesRejected << " frames, unknown MN "
                                  << s.packetsUnknownMn << ", wrong password " << s.packetsWrongPassword
                                  << "; event log head " << mJournal->headSequence() << ", "
                                  << mApi->sessionCount() << " workstation sessions";
    if (mConfig.statusFile.isEmpty())
        return;
    QJsonObject status = mIngest->statusJson();
    status.insert(QStringLiteral("eventLogHead"), mJournal->headSequence());
    status.insert(QStringLiteral("workstationSessions"), mApi->sessionCount());
    QSaveFile file(mConfig.statusFile);
    if (file.open(QIODevice::WriteOnly)) {
        file.write(QJsonDocument(status).toJson());
        file.commit();
    }
}
