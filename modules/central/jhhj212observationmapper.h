// Turns an accepted HJ 212 packet into the observations and status attributes it carries.
#pragma once

#include "jhobservationbatch.h"

#include <QString>
#include <QVector>

class JhHj212Packet;

//! Maps data packets (2011 real-time -Rtd, 2051/2061/2031 minute/hour/day -Avg) to observations with
//! their -Flag (N when absent) and status/parameter packets (2021, 2041, 2081, 3020 ...) to attributes.
//! HJ/T 212-2005 factor codes (011, B01 ...) and known vendor aliases become 2017 codes. DataTime is
//! Beijing time (UTC+8) and is stored as UTC.
class JhHj212ObservationMapper
{
public:
    //! What the server does with a command code (the table is in the .cpp).
    enum class Handling
    {
        Observations, //!< stored as observations, 9014 after commit when Flag asks
        Attributes,   //!< stored as status/parameter attributes, 9014 after commit when Flag asks
        Request,      //!< a logger's request (1013): 9011 at once, nothing stored
        Heartbeat,    //!< vendor keep-alive: 9014 at once when asked, nothing stored
        LoggerReply,  //!< 9011..9014 from the logger: counted only
        Unsupported   //!< anything else: counted; 9011 "rejected" when Flag asks
    };

    //! A value field the logger sent empty ("a34004-Rtd=" or "a34004-Rtd=,a34004-Flag=D": no value,
    //! e.g. sensor fault or maintenance). Nothing is stored for it; the packet's other factors are.
    struct EmptyValue
    {
        QString factorCode; //!< 2017 code, as an observation would have had
        QString field;      //!< the field as received, e.g. "a34004-Rtd"
        QString flag;       //!< the factor's -Flag in the packet (D, M, ...), empty when there is none
    };
    //! What map() saw besides the batch, for the caller's statistics and log.
    struct Result
    {
        //! One entry per value field map() would have stored (-Rtd for 2011; -Avg/-Rtd/-Cou for
        //! 2051/2061/2031) that came empty. JhHj212Packet::emptyValueCount() counts all numeric ones.
        QVector<EmptyValue> emptyValues;
    };

    static Handling handling(int command);
    //! The interval of a data command (2011 Realtime, 2051 Minute, 2061 Hour, 2031 Day).
    static JhIntervalKind interval(int command);
    //! Fills batch (siteId, mn, command, qn, receivedMs must be set by the caller are kept) with the data.
    //! A factor whose value field is empty gets no observation (it has no number) and is listed in
    //! the result; every other factor of the packet is mapped as usual.
    static Result map(const JhHj212Packet &packet, JhObservationBatch &batch);
    //! Parses a 14-digit (or longer, milliseconds ignored) Beijing-time stamp into UTC; invalid on error.
    static QDateTime beijingTimeToUtc(std::string_view text);
    //! The 2017 factor code for a field code: itself, or the code of a 2005 code or vendor alias.
    static QString factorCode(std::string_view code, bool version2005);
};
