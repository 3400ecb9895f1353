// Time-series queries of the workstation API, answered from the observations store on a thread of their own.
#pragma once

#include "jhseriesquery.h"
#include "jhseriesresult.h"
#include "jhsite.h"
#include "jhstoreconfig.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>

class JhStore;
class QThread;
class JhSeriesQueryWorker;

//! Answers `query` messages (docs/protocol.md, "Time series"). A JhStore of its own, opened on a worker
//! thread, reads the observations: never the ingest sink's connection, never the main thread, so a long
//! query delays neither ingest commits nor event delivery. validate() runs on the caller's thread (cheap,
//! no store); submit() queues a valid query and later calls back on this object's thread with the
//! encoded query-result, unless the receiver (the session) is gone by then.
class JhSeriesQueryService : public QObject
{
    Q_OBJECT
public:
    //! The limits of a query; docs/operations-central.md lists them.
    struct Settings
    {
        int maxPoints = 5000;           //!< per factor (and AQI hours per query)
        int maxFactors = 10;            //!< per series query
        int maxConcurrentPerClient = 4; //!< more at once: too-many-queries
        int maxRealtimeDays = 7;        //!< longest range per interval
        int maxMinuteDays = 31;
        int maxHourDays = 400;
        int maxDayDays = 3660;
        int gapIntervals = 2;                //!< a gap is more than this many expected intervals without data
        qint64 realtimeIntervalSeconds = 30; //!< expected period of real-time data (HJ 212 2011)
    };
    //! Called with the encoded query-result message (JSON text) and its size in UTF-8.
    using Done = std::function<void(const QString &text, qint64 utf8Bytes)>;

    explicit JhSeriesQueryService(const JhStoreConfig &config, QObject *parent = nullptr);
    //! Calls stop().
    ~JhSeriesQueryService() override;

    void setSettings(const Settings &settings) { mSettings = settings; }
    const Settings &settings() const { return mSettings; }

    //! Starts the worker thread and opens the reader store there (blocks until it is open). False with the
    //! store's message when it cannot be opened; queries then answer unavailable until it can.
    bool start(QString *error = nullptr);
    //! Joins the worker; queries still queued are dropped (their sessions are closing too).
    void stop();

    //! An error result (invalid-query naming \a field, site-not-found, …) or one with error None when
    //! \a query may run. \a site: the site of query.siteId, or nullptr when unknown.
    JhSeriesResult validate(const JhSeriesQuery &query, const JhSite *site) const;
    //! Runs a validated query on the worker; \a done is called on this object's thread if \a receiver
    //! still exists then. \a units: factor code -> unit (the factor table).
    void submit(const JhSeriesQuery &query, const JhSite &site, const QHash<QString, QString> &units,
                QObject *receiver, Done done);
    //! Queries queued or running on the worker.
    int pendingQueries() const { return mPending; }

    //! A refusal with the table message in Chinese and English, optionally with a detail appended.
    static JhSeriesResult rejected(const QString &queryId, JhSeriesResult::Error error,
                                   const QString &field = {}, const QString &detailZh = {},
                                   const QString &detailEn = {});
    //! Runs a validated query on \a store (on the thread that owns it): what the worker does.
    static JhSeriesResult answer(JhStore &store, const JhSeriesQuery &query, const JhSite &site,
                                 const QHash<QString, QString> &units, const Settings &settings);
    //! The limit lines and class bands of the standards (or the permit) for one factor of \a site over
    //! from..to: GB 3095 grade II and HJ 633 IAQI bands (air), GB 3838 class I..V limits with the target
    //! marked (water), GB 3096 day/night limits (noise), the permitted limit (sources).
    static QList<JhSeriesResult::Reference> references(const JhSite &site, const QString &factorCode,
                                                       JhIntervalKind interval, const QDateTime &from,
                                                       const QDateTime &to);

private:
    friend class JhSeriesQueryWorker;
    struct Answer
    {
        QString text;
        qint64 utf8Bytes = 0;
    };
    void deliver(QPointer<QObject> receiver, const Done &done, const Answer &answer);

    JhStoreConfig mConfig;
    Settings mSettings;
    QThread *mThread = nullptr;
    JhSeriesQueryWorker *mWorker = nullptr;
    int mPending = 0;
};
