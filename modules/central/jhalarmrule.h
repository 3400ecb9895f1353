// The interface of one alarm engine rule: judges one observation of one site as normal or abnormal.
#pragma once

#include "jhalarmengineconfig.h"
#include "jhobservation.h"
#include "jhsite.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QTime>

//! What a rule says about one observation.
struct JhAlarmVerdict
{
    enum class Kind
    {
        NotApplicable, //!< the rule does not judge this observation (other site kind, factor, interval)
        Normal,        //!< counts towards the auto-close of an open alarm
        Abnormal       //!< opens an alarm (level Notice for notices) unless one is open
    };

    Kind kind = Kind::NotApplicable;
    JhAlarmLevel level = JhAlarmLevel::Warning;
    QString message;    //!< Chinese text the operator sees (only for Abnormal)
    QString factorCode; //!< alarm factor when it is not the observation's (e.g. "AQI"); empty otherwise

    static JhAlarmVerdict notApplicable() { return {}; }
    static JhAlarmVerdict normal()
    {
        JhAlarmVerdict verdict;
        verdict.kind = Kind::Normal;
        return verdict;
    }
    static JhAlarmVerdict abnormal(JhAlarmLevel level, const QString &message)
    {
        JhAlarmVerdict verdict;
        verdict.kind = Kind::Abnormal;
        verdict.level = level;
        verdict.message = message;
        return verdict;
    }
};

//! The hourly values of the AQI pollutants one air station reported for one data hour (AQI units).
struct JhAirHourValues
{
    qint64 hourMs = -1;        //!< data time of the hour, ms since the epoch
    double values[6] = {};     //!< indexed by JhAirPollutant
    unsigned presentMask = 0;  //!< bit per JhAirPollutant received for this hour
    unsigned expectedMask = 0; //!< bit per JhAirPollutant the station reports (its factor codes)

    bool isComplete() const { return expectedMask != 0 && (presentMask & expectedMask) == expectedMask; }
};

//! Everything a rule may look at for one observation; built by JhAlarmEngine without allocating.
struct JhAlarmContext
{
    const JhObservation &observation;
    const JhSite &site;
    const JhAlarmEngineConfig &config;
    //! Consecutive identical valid values of this (site, factor, interval), this one included.
    int sameValueCount = 1;
    //! Air stations, hourly AQI pollutant values: the station's values of this data hour so far.
    const JhAirHourValues *airHour = nullptr;

    //! Data flag N (or none): the value is valid data that the standards judge.
    bool isValidData() const { return observation.flag.isEmpty() || observation.flag == QLatin1String("N"); }
    //! Data time in Beijing time (Asia/Shanghai is UTC+8 all year: no daylight saving since 1991).
    QDateTime beijingTime() const
    {
        return QDateTime::fromMSecsSinceEpoch(observation.dataTime.toMSecsSinceEpoch() + 8 * 3600 * 1000,
                                              Qt::UTC);
    }
};

//! One alarm rule. Rules are stateless (the engine keeps counts), so one instance serves every site.
class JhAlarmRule
{
public:
    virtual ~JhAlarmRule() = default;
    //! Stable id stored with the alarm, e.g. "exceedance.air-iaqi".
    virtual QString id() const = 0;
    //! Short Chinese name for lists, e.g. "空气质量超标".
    virtual QString nameZh() const = 0;
    virtual JhAlarmVerdict evaluate(const JhAlarmContext &context) const = 0;
    //! Whether the rule judges a late observation (older than its series' newest) on its own: true for
    //! point-in-time rules (limits, flags); false for rules about the sequence of values (stuck, offline).
    virtual bool judgesLateData() const { return true; }
};
