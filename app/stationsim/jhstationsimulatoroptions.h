// Settings of a simulation run: where to send, how fast simulated time runs, what to send how often.
#pragma once

#include <QDateTime>
#include <QHostAddress>

//! Intervals are in simulated seconds; speed is simulated seconds per real second. In load mode
//! (loadRate > 0) every logger sends real-time packets at loadRate per real second instead.
struct JhStationSimulatorOptions
{
    QHostAddress host = QHostAddress::LocalHost;
    quint16 port = 6001;
    double speed = 60;
    QDateTime startUtc; //!< simulated start (default: now)
    int realtimeIntervalSeconds = 300;
    int minuteIntervalSeconds = 600;
    bool hourly = true;
    bool daily = true;
    double loadRate = 0;
    int tickMs = 100;
    int connectSpreadMs = 2000; //!< loggers connect spread over this much real time
};
