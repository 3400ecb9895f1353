// The set of alarm rules the engine runs, in order.
#pragma once

#include "jhalarmrule.h"

#include <QStringList>
#include <QVector>

#include <memory>

//! Rules by id. withStandardRules() is what the central service runs; tests may build smaller sets.
class JhAlarmRuleRegistry
{
public:
    //! Air IAQI, air AQI, water class, noise limit, source limit, data flag, stuck value, offline.
    static JhAlarmRuleRegistry withStandardRules();

    //! Adds a rule; a rule with the same id is replaced.
    void add(std::shared_ptr<const JhAlarmRule> rule);
    int count() const { return mRules.size(); }
    const JhAlarmRule &at(int index) const { return *mRules.at(index); }
    //! The rule with \a id, or nullptr.
    const JhAlarmRule *rule(const QString &id) const;
    QStringList ids() const;

private:
    QVector<std::shared_ptr<const JhAlarmRule>> mRules;
};
