// Plays a monitoring network as HJ 212 traffic: one simulated logger per site, scripted events, time
// compression.
#pragma once

#include "jhsimevent.h"
#include "jhsimloggerprofile.h"
#include "jhsimreading.h"
#include "jhsimulatedlogger.h"
#include "jhstationsimulatoroptions.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>
#include <QVector>

#include <memory>
#include <vector>

class JhScenario;

//! Drives the loggers: on every tick, simulated time advances by the elapsed real time times the speed,
//! and each logger sends the packets that fell due (2011 every realtime interval, 2051 every minute
//! interval, 2061 on the hour, 2031 at midnight Beijing time), with values from JhSimFactorModel changed
//! by the active events (exceedance, fault flag, stuck value; offline disconnects the logger).
class JhStationSimulator : public QObject
{
    Q_OBJECT
public:
    explicit JhStationSimulator(const JhStationSimulatorOptions &options, QObject *parent = nullptr);
    ~JhStationSimulator() override;

    //! One profile per site of the scenario that has an MN.
    static QVector<JhSimLoggerProfile> profilesFromScenario(const JhScenario &scenario);
    //! count synthetic air loggers (MN "JHSIM" + number, password "123456"); every tenth speaks 2005.
    static QVector<JhSimLoggerProfile> syntheticProfiles(int count);

    void setProfiles(const QVector<JhSimLoggerProfile> &profiles);
    void setEvents(const QVector<JhSimEvent> &events) { mEvents = events; }
    //! Connects every logger (spread over connectSpreadMs) and starts the tick timer.
    void start();
    //! Connects every logger without starting the clock (tests drive advanceTo()).
    void connectAll();
    void stop();
    //! Advances simulated time to simulatedNow and sends what fell due (called by the tick timer).
    void advanceTo(const QDateTime &simulatedNow);

    QDateTime simulatedTime() const { return mSimulatedNow; }
    int loggerCount() const { return int(mLoggers.size()); }
    JhSimulatedLogger *logger(int index) const { return mLoggers[std::size_t(index)].get(); }
    //! The sums of every logger's counters.
    JhSimulatedLogger::Counters totals() const;
    int connectedCount() const;

    //! The readings a profile reports at a time, events applied (exposed for tests).
    QVector<JhSimReading> readings(const JhSimLoggerProfile &profile, const QDateTime &timeUtc);

private:
    void tick();
    void sendData(JhSimulatedLogger &logger, int command, const QDateTime &dataTime);

    JhStationSimulatorOptions mOptions;
    std::vector<std::unique_ptr<JhSimulatedLogger>> mLoggers;
    QVector<JhSimEvent> mEvents;
    QHash<QString, double> mStuckValues; //!< "event index|site|factor" -> frozen value
    QTimer mTickTimer;
    QElapsedTimer mElapsed;
    QDateTime mSimulatedNow;
    double mLoadCarry = 0;
    qint64 mLastLoadMs = 0;
};
