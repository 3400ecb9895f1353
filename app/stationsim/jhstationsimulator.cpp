// Scheduling of simulated packets and application of scripted events.
#include "jhstationsimulator.h"

#include "jhscenario.h"
#include "jhsimfactormodel.h"
#include "jhsimpacketfactory.h"

#include <cmath>

namespace {
// True when a multiple of intervalSeconds lies in (from, to] (Beijing-time aligned).
bool crosses(const QDateTime &from, const QDateTime &to, qint64 intervalSeconds)
{
    const qint64 offset = 8 * 3600;
    const qint64 a = (from.toSecsSinceEpoch() + offset) / intervalSeconds;
    const qint64 b = (to.toSecsSinceEpoch() + offset) / intervalSeconds;
    return b > a;
}
QDateTime floorTo(const QDateTime &time, qint64 intervalSeconds)
{
    const qint64 offset = 8 * 3600;
    const qint64 seconds = time.toSecsSinceEpoch() + offset;
    return QDateTime::fromSecsSinceEpoch(seconds - seconds % intervalSeconds - offset, Qt::UTC);
}
} // namespace

JhStationSimulator::JhStationSimulator(const JhStationSimulatorOptions &options, QObject *parent)
    : QObject(parent), mOptions(options)
{
    if (!mOptions.startUtc.isValid())
        mOptions.startUtc = QDateTime::currentDateTimeUtc();
    mSimulatedNow = mOptions.startUtc;
    connect(&mTickTimer, &QTimer::timeout, this, &JhStationSimulator::tick);
}

JhStationSimulator::~JhStationSimulator() = default;

QVector<JhSimLoggerProfile> JhStationSimulator::profilesFromScenario(const JhScenario &scenario)
{
    QVector<JhSimLoggerProfile> profiles;
    for (const JhSite &site : scenario.sites()) {
        if (site.mn.isEmpty())
            continue;
        JhSimLoggerProfile profile;
        profile.siteId = site.id;
        profile.mn = site.mn.toUtf8();
        profile.password = site.password.toUtf8();
        profile.version = site.protocolVersion;
        profile.kind = site.kind;
        profile.systemCode = JhSimPacketFactory::systemCodeFor(site.kind);
        profile.factorCodes = site.factorCodes;
        profiles.append(profile);
    }
    return profiles;
}

QVector<JhSimLoggerProfile> JhStationSimulator::syntheticProfiles(int count)
{
    QVector<JhSimLoggerProfile> profiles;
    for (int i = 0; i < count; ++i) {
        JhSimLoggerProfile profile;
        profile.siteId = QStringLiteral("SIM-%1").arg(i + 1, 5, 10, QLatin1Char('0'));
        profile.mn = "JHSIM" + QByteArray::number(i + 1).rightJustified(19, '0');
        profile.password = "123456";
        profile.version = i % 10 == 9 ? JhHj212Version::V2005 : JhHj212Version::V2017;
        profile.factorCodes =
            QStringList{QStringLiteral("a21026"), QStringLiteral("a21004"), QStringLiteral("a34002"),
                        QStringLiteral("a34004"), QStringLiteral("a21005"), QStringLiteral("a05024")};
        profiles.append(profile);
    }
    return profiles;
}

void JhStationSimulator::setProfiles(const QVector<JhSimLoggerProfile> &profiles)
{
    mLoggers.clear();
    for (const JhSimLoggerProfile &profile : profiles)
        mLoggers.push_back(std::make_unique<JhSimulatedLogger>(profile));
}

void JhStationSimulator::start()
{
    connectAll();
    mElapsed.start();
    mTickTimer.start(mOptions.tickMs);
}

void JhStationSimulator::connectAll()
{
    const int count = loggerCount();
    for (int i = 0; i < count; ++i) {
        JhSimulatedLogger *logger = mLoggers[std::size_t(i)].get();
        // Spread the connects: thousands of SYNs at once overflow a listen backlog.
        const int delay = count > 1 ? int(qint64(mOptions.connectSpreadMs) * i / count) : 0;
        QTimer::singleShot(delay, logger,
                           [this, logger]() { logger->connectTo(mOptions.host, mOptions.port); });
    }
}

void JhStationSimulator::stop()
{
    mTickTimer.stop();
    for (auto &logger : mLoggers)
        logger->setOnline(false);
}

void JhStationSimulator::tick()
{
    const qint64 elapsedMs = mElapsed.elapsed();
    if (mOptions.loadRate > 0) {
        // Load mode: real time, fixed rate per logger.
        const double due = double(elapsedMs - mLastLoadMs) / 1000.0 * mOptions.loadRate + mLoadCarry;
        mLastLoadMs = elapsedMs;
        const int count = int(due);
        mLoadCarry = due - count;
        mSimulatedNow = QDateTime::currentDateTimeUtc();
        for (auto &logger : mLoggers)
            if (logger->isConnected())
                for (int i = 0; i < count; ++i)
                    sendData(*logger, 2011, mSimulatedNow);
        return;
    }
    advanceTo(mOptions.startUtc.addMSecs(qint64(double(elapsedMs) * mOptions.speed)));
}

void JhStationSimulator::advanceTo(const QDateTime &simulatedNow)
{
    const QDateTime before = mSimulatedNow;
    if (simulatedNow <= before)
        return;
    mSimulatedNow = simulatedNow;
    for (auto &loggerPointer : mLoggers) {
        JhSimulatedLogger &logger = *loggerPointer;
        bool offline = false;
        for (const JhSimEvent &event : mEvents)
            if (event.type == JhSimEvent::Type::Offline &&
                event.covers(logger.profile().siteId, simulatedNow))
                offline = true;
        logger.setOnline(!offline);
        if (offline)
            continue;
        if (crosses(before, simulatedNow, mOptions.realtimeIntervalSeconds))
            sendData(logger, 2011, floorTo(simulatedNow, mOptions.realtimeIntervalSeconds));
        if (crosses(before, simulatedNow, mOptions.minuteIntervalSeconds))
            sendData(logger, 2051,
                     floorTo(simulatedNow, mOptions.minuteIntervalSeconds)
                         .addSecs(-mOptions.minuteIntervalSeconds));
        if (mOptions.hourly && crosses(before, simulatedNow, 3600))
            sendData(logger, 2061, floorTo(simulatedNow, 3600).addSecs(-3600));
        if (mOptions.daily && crosses(before, simulatedNow, 86400))
            sendData(logger, 2031, floorTo(simulatedNow, 86400).addSecs(-86400));
    }
}

QVector<JhSimReading> JhStationSimulator::readings(const JhSimLoggerProfile &profile,
                                                   const QDateTime &timeUtc)
{
    QVector<JhSimReading> list;
    const quint32 seed = JhSimFactorModel::seedOf(profile.siteId);
    for (const QString &code : profile.factorCodes) {
        JhSimReading reading;
        reading.factorCode = code;
        reading.value = JhSimFactorModel::value(code, seed, timeUtc);
        for (int i = 0; i < mEvents.size(); ++i) {
            const JhSimEvent &event = mEvents[i];
            if (!event.covers(profile.siteId, timeUtc))
                continue;
            const bool forFactor = event.factorCode.isEmpty() || event.factorCode == code;
            if (!forFactor)
                continue;
            switch (event.type) {
            case JhSimEvent::Type::Exceedance:
                reading.value = event.value;
                break;
            case JhSimEvent::Type::Fault:
                reading.flag = event.flag;
                break;
            case JhSimEvent::Type::Stuck: {
                const QString key =
                    QString::number(i) + QLatin1Char('|') + profile.siteId + QLatin1Char('|') + code;
                auto it = mStuckValues.find(key);
                if (it == mStuckValues.end())
                    it = mStuckValues.insert(key, JhSimFactorModel::value(code, seed, event.start));
                reading.value = it.value();
                break;
            }
            case JhSimEvent::Type::Offline:
                break;
            }
        }
        list.append(reading);
    }
    return list;
}

void JhStationSimulator::sendData(JhSimulatedLogger &logger, int command, const QDateTime &dataTime)
{
    const QByteArray qn = JhSimPacketFactory::qnFor(mSimulatedNow, logger.sequence());
    logger.send(JhSimPacketFactory::dataPacket(logger.profile(), command, dataTime,
                                               readings(logger.profile(), dataTime), qn),
                qn);
}

JhSimulatedLogger::Counters JhStationSimulator::totals() const
{
    JhSimulatedLogger::Counters sum;
    for (const auto &logger : mLoggers) {
        sum.sent += logger->counters().sent;
        sum.resent += logger->counters().resent;
        sum.acknowledged += logger->counters().acknowledged;
        sum.gaveUp += logger->counters().gaveUp;
    }
    return sum;
}

int JhStationSimulator::connectedCount() const
{
    int count = 0;
    for (const auto &logger : mLoggers)
        count += logger->isConnected() ? 1 : 0;
    return count;
}
