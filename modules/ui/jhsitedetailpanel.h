// The 站点详情 dock: one site's metadata, live status, newest values, judgement, alarms and 24-hour charts.
#pragma once

#include "jhseriesresult.h"

#include <QDateTime>
#include <QWidget>

#include <functional>

class JhFactorChartView;
class JhSyncClient;
struct JhStateChange;
class QComboBox;
class QFormLayout;
class QLabel;
class QTableWidget;
class QTimer;
class QToolButton;
class QVBoxLayout;

//! Shows one site from the client's state and live statuses; its charts come from a series query sent
//! through the client (never blocking: the answer arrives in queryAnswered). Only the newest query's
//! answer is drawn; errors and "from the cache" are said in words.
class JhSiteDetailPanel : public QWidget
{
    Q_OBJECT

public:
    explicit JhSiteDetailPanel(JhSyncClient *client, QWidget *parent = nullptr);

    void setClock(const std::function<QDateTime()> &clock) { mClock = clock; }
    QDateTime now() const { return mClock(); }

    QString siteId() const { return mSiteId; }
    //! Id of the series query the charts wait for (empty when none).
    QString pendingQueryId() const { return mQueryId; }
    //! A series query is scheduled or waiting for its answer.
    bool isLoading() const;
    QTableWidget *factorTable() const { return mFactors; }
    QTableWidget *alarmTable() const { return mAlarms; }
    QLabel *chartStatusLabel() const { return mChartStatus; }
    QList<JhFactorChartView *> charts() const { return mCharts; }

public slots:
    void showSite(const QString &siteId);
    //! Sends the series query again (refresh button, interval change).
    void requestSeries();

private:
    void refreshMetadata();
    void refreshStatus();
    void refreshAlarms();
    void onStateChanged(const JhStateChange &change);
    void onQueryAnswered(const JhSeriesResult &result, const QDateTime &cachedAt);
    void clearCharts();
    QString factorName(const QString &code) const;

    JhSyncClient *mClient = nullptr;
    std::function<QDateTime()> mClock;
    QString mSiteId;
    QString mQueryId;
    QLabel *mTitle = nullptr;
    QLabel *mMetadata = nullptr;
    QLabel *mState = nullptr;
    QLabel *mJudgement = nullptr;
    QTableWidget *mFactors = nullptr;
    QTableWidget *mAlarms = nullptr;
    QComboBox *mInterval = nullptr;
    QToolButton *mRefresh = nullptr;
    QLabel *mChartStatus = nullptr;
    QVBoxLayout *mChartLayout = nullptr;
    QList<JhFactorChartView *> mCharts;
    QTimer *mSeriesDelay = nullptr; //!< arrowing through alarms sends one query, for the row it stops on
};
