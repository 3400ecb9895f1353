// The live status of one site that central derives from committed observations and the alarm state.
#pragma once

#include "jhdomaintypes.h"
#include "jhfactorstatus.h"
#include "jhsitejudgement.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <tuple>

//! Volatile (not in the event log: the observations are the truth), rebuilt by central at start and pushed
//! to workstations in site-status messages. Only the judgement of the site's kind is valid.
struct JhSiteStatus
{
    QString siteId;
    JhSiteState state = JhSiteState::NeverReported;
    QDateTime lastDataAt;   //!< newest data time of any factor (invalid: never reported)
    QDateTime offlineSince; //!< when state is Offline: the moment the silence passed the offline limit
    //! Newest value per (factor, interval), ordered by factor code, then interval.
    QList<JhFactorStatus> factors;
    JhAirJudgement air;
    JhWaterJudgement water;
    JhNoiseJudgement noise;
    JhSourceJudgement source;
    int openAlarms = 0;                             //!< alarms not closed (open, acknowledged or escalated)
    int acknowledgedAlarms = 0;                     //!< of those, acknowledged
    bool hasOpenAlarm = false;                      //!< openAlarms > 0; then worstLevel is meaningful
    JhAlarmLevel worstLevel = JhAlarmLevel::Notice; //!< most severe level among the alarms not closed
    qint64 revision = 0; //!< central's status revision at which this status last changed

    //! The newest value of (factor, interval), or nullptr.
    const JhFactorStatus *factor(const QString &factorCode, JhIntervalKind interval) const
    {
        for (const JhFactorStatus &status : factors)
            if (status.interval == interval && status.factorCode == factorCode)
                return &status;
        return nullptr;
    }

    //! Everything except the revision: what decides whether a status changed.
    auto content() const
    {
        return std::tie(siteId, state, lastDataAt, offlineSince, factors, air, water, noise, source,
                        openAlarms, acknowledgedAlarms, hasOpenAlarm, worstLevel);
    }
    bool operator==(const JhSiteStatus &other) const
    {
        return content() == other.content() && revision == other.revision;
    }
    bool operator!=(const JhSiteStatus &other) const { return !(*this == other); }
};
