// The composed central service: store, HJ 212 ingest, observation sink, event journal, commands, API.
#pragma once

#include "jhcentralconfig.h"

#include <QFileSystemWatcher>
#include <QObject>
#include <QTimer>
#include <QVector>

#include <functional>
#include <memory>

class JhAlarmEngine;
class JhAuthenticator;
class JhCommandService;
class JhEventJournal;
class JhHj212Server;
class JhSeriesQueryService;
class JhMemoryLoggerDirectory;
class JhSiteStatusTracker;
class JhStoreObservationSink;
class JhWebSocketApi;
struct JhEvent;
struct JhObservation;
class JhWorldState;

//! Flow 1 and 2 of ARCHITECTURE.md §4 in one process: loggers -> ingest -> durable store -> (alarm engine)
//! -> event journal -> WebSocket clients; workstation commands -> journal -> clients.
class JhCentralService : public QObject
{
    Q_OBJECT
public:
    //! The alarm engine hook: committed observations + the current state -> system events to append.
    using ObservationRule =
        std::function<QList<JhEvent>(const QVector<JhObservation> &observations, const JhWorldState &state)>;
    //! The offline sweep hook: the current state + now -> system events (silent loggers).
    using SweepRule = std::function<QList<JhEvent>(const JhWorldState &state, const QDateTime &now)>;

    explicit JhCentralService(const JhCentralConfig &config, QObject *parent = nullptr);
    ~JhCentralService() override;

    //! Opens the store (seeding it from the scenario when it has no sites), starts the sink and both
    //! listeners. False with errorMessage() on failure.
    bool start();
    void stop();
    QString errorMessage() const { return mErrorMessage; }
    //! Lines worth printing at start (seeded data, demo tokens, listening addresses).
    QStringList startMessages() const { return mStartMessages; }

    //! Replace the alarm engine (JhAlarmEngine with the standard rules by default) with other hooks.
    void setObservationRule(ObservationRule rule) { mObservationRule = std::move(rule); }
    void setSweepRule(SweepRule rule) { mSweepRule = std::move(rule); }
    JhAlarmEngine *alarmEngine() const { return mAlarmEngine.get(); }

    quint16 hj212Port() const;
    quint16 apiPort() const;
    JhEventJournal *journal() const { return mJournal.get(); }
    JhHj212Server *ingest() const { return mIngest.get(); }
    JhWebSocketApi *api() const { return mApi.get(); }
    //! The live status per site pushed to workstations (rebuilt from the store at start).
    const JhSiteStatusTracker *siteStatus() const { return mSiteStatus.get(); }

    //! Picks up sites added to the store since the last call (also run on a timer).
    int refreshSites();

    //! The demo token of a scenario user (printed with --demo; only for demonstrations).
    static QString demoToken(const QString &userId);

private:
    bool fail(const QString &message);
    bool seed();
    void onObservationsCommitted(const QVector<JhObservation> &observations);
    void onSweep();
    void importLoggers(const QString &path);
    void writeStatus();

    JhCentralConfig mConfig;
    JhStoreConfig mStoreConfig;
    QString mErrorMessage;
    QStringList mStartMessages;
    std::unique_ptr<JhEventJournal> mJournal;
    std::unique_ptr<JhCommandService> mCommands;
    std::unique_ptr<JhAuthenticator> mAuthenticator;
    std::unique_ptr<JhSeriesQueryService> mSeriesQueries; //!< before mApi: destroyed after it
    std::unique_ptr<JhWebSocketApi> mApi;
    std::unique_ptr<JhMemoryLoggerDirectory> mDirectory;
    std::unique_ptr<JhStoreObservationSink> mSink;
    std::unique_ptr<JhHj212Server> mIngest;
    std::unique_ptr<JhAlarmEngine> mAlarmEngine;
    std::unique_ptr<JhSiteStatusTracker> mSiteStatus;
    ObservationRule mObservationRule;
    SweepRule mSweepRule;
    QTimer mSiteTimer;
    QTimer mSweepTimer;
    QTimer mStatusTimer;
    QFileSystemWatcher mLoggerWatcher;
};
