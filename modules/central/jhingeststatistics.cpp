// JSON view of the ingest counters.
#include "jhingeststatistics.h"

QJsonObject JhIngestStatistics::toJson() const
{
    QJsonObject object;
    auto put = [&object](const char *name, quint64 value) {
        object.insert(QLatin1String(name), double(value));
    };
    put("connectionsAccepted", connectionsAccepted);
    put("connectionsRefusedTotal", connectionsRefusedTotal);
    put("connectionsRefusedPerPeer", connectionsRefusedPerPeer);
    put("connectionsClosedIdle", connectionsClosedIdle);
    put("connectionsClosedSlow", connectionsClosedSlow);
    put("connectionsClosedErrors", connectionsClosedErrors);
    put("connectionsClosedByPeer", connectionsClosedByPeer);
    object.insert(QStringLiteral("connectionsOpen"), connectionsOpen);
    put("bytesReceived", bytesReceived);
    put("garbageBytes", garbageBytes);
    put("framesRejected", framesRejected);
    put("packetsUnknownMn", packetsUnknownMn);
    put("packetsWrongPassword", packetsWrongPassword);
    put("packetsToleranceRefused", packetsToleranceRefused);
    put("packetsAccepted", packetsAccepted);
    put("packetsStored", packetsStored);
    put("packetsDuplicate", packetsDuplicate);
    put("valuesEmpty", valuesEmpty);
    put("packetsSplitParts", packetsSplitParts);
    put("packetsUnsupported", packetsUnsupported);
    put("packetsFromLoggerReplies", packetsFromLoggerReplies);
    put("observationsStored", observationsStored);
    put("commitFailures", commitFailures);
    put("repliesSent", repliesSent);
    object.insert(QStringLiteral("commitsInFlight"), commitsInFlight);
    put("rateLimitPauses", rateLimitPauses);
    put("backpressurePauses", backpressurePauses);
    QJsonObject rules;
    for (std::size_t code = 1; code < rejectedByCode.size(); ++code)
        if (rejectedByCode[code] != 0)
            rules.insert(QLatin1String(JhHj212Error::ruleName(JhHj212Error::Code(code))),
                         double(rejectedByCode[code]));
    object.insert(QStringLiteral("rejectedByRule"), rules);
    return object;
}
