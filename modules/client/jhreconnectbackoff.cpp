// Exponential back-off with jitter.
#include "jhreconnectbackoff.h"

#include <QRandomGenerator>

#include <cmath>

JhReconnectBackoff::JhReconnectBackoff(qint64 initialMs, qint64 maxMs, double jitter, Random random)
    : mInitialMs(qMax<qint64>(1, initialMs)), mMaxMs(qMax(initialMs, maxMs)),
      mJitter(qBound(0.0, jitter, 1.0)),
      mRandom(random ? std::move(random)
                     : Random([]() { return QRandomGenerator::global()->generateDouble(); }))
{}

qint64 JhReconnectBackoff::nextDelayMs()
{
    ++mAttempts;
    // 2^30 already exceeds any sensible maximum; cap the exponent so the double never overflows.
    const double base = qMin(double(mMaxMs), double(mInitialMs) * std::pow(2.0, qMin(mAttempts - 1, 30)));
    const double spread = base * mJitter * (2.0 * mRandom() - 1.0);
    return qMax<qint64>(1, qint64(std::llround(base + spread)));
}
