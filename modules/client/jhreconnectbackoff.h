// Exponential back-off with jitter between reconnect attempts.
#pragma once

#include <QtGlobal>

#include <functional>

//! Delay before attempt n: min(maxMs, initialMs * 2^(n-1)), spread by +/- jitter (a fraction), so that
//! many workstations losing the same central do not come back in one storm. reset() after a good session.
class JhReconnectBackoff
{
public:
    //! A source of uniform numbers in [0, 1); the default uses QRandomGenerator::global().
    using Random = std::function<double()>;

    JhReconnectBackoff(qint64 initialMs = 500, qint64 maxMs = 30000, double jitter = 0.2, Random random = {});

    //! The delay before the next attempt; each call counts one failed attempt.
    qint64 nextDelayMs();
    void reset() { mAttempts = 0; }
    int attempts() const { return mAttempts; }

private:
    qint64 mInitialMs;
    qint64 mMaxMs;
    double mJitter;
    Random mRandom;
    int mAttempts = 0;
};
