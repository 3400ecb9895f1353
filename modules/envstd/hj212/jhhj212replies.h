// The HJ 212 reply packets (9011, 9012, 9013, 9014) for a received packet, echoing its QN.
#pragma once

#include "jhhj212packet.h"

//! Makes reply packets per HJ 212-2017 Appendix C: QN echoed, ST=91, the request's PW and MN, Flag=4
//! (2017 and later peers). For HJ/T 212-2005 peers (no QN header or Flag version 0) the QN goes into
//! CP (CP=&&QN=...;...&&) and Flag mirrors the peer (omitted when the peer sent none).
//! Build the bytes with JhHj212Builder::build().
class JhHj212Replies
{
public:
    //! 9011 request answer (QnRtn, Table 7: 1 ready, 2 rejected, 3 PW error ...).
    static JhHj212Packet requestReply(const JhHj212Packet &request, int qnRtn);
    //! 9012 execution result (ExeRtn, Table 6: 1 success, 2 failed ... 100 no data).
    static JhHj212Packet executionResult(const JhHj212Packet &request, int exeRtn);
    //! 9013 notification reply.
    static JhHj212Packet notificationReply(const JhHj212Packet &notification);
    //! 9014 data reply: what the host sends for an upload whose Flag asks for a reply.
    static JhHj212Packet dataReply(const JhHj212Packet &upload);
    //! True if the peer speaks HJ/T 212-2005 style (replies carry QN in CP).
    static bool is2005Peer(const JhHj212Packet &packet);

private:
    static JhHj212Packet reply(const JhHj212Packet &request, int command, const char *field, int value);
};
