// Reply packets per HJ 212-2017 Appendix C, with the 2005 convention of carrying QN inside CP.
#include "jhhj212replies.h"

#include <QByteArray>

bool JhHj212Replies::is2005Peer(const JhHj212Packet &packet)
{
    return !packet.has(JhHj212Packet::Qn) || packet.version() == JhHj212Packet::Version::Hj212_2005;
}

JhHj212Packet JhHj212Replies::reply(const JhHj212Packet &request, int command, const char *field, int value)
{
    JhHj212Packet reply;
    const bool old = is2005Peer(request);
    const std::string_view qn = request.requestQn();
    if (!old)
        reply.setHeader(JhHj212Packet::Qn, qn);
    reply.setHeader(JhHj212Packet::St, "91");
    reply.setHeader(JhHj212Packet::Cn, command);
    reply.setHeader(JhHj212Packet::Pw, request.pw());
    reply.setHeader(JhHj212Packet::Mn, request.mn());
    if (!old)
        reply.setHeader(JhHj212Packet::Flag, 4); // version 2017, no reply wanted, not split
    else if (request.has(JhHj212Packet::Flag))
        reply.setHeader(JhHj212Packet::Flag, 0);
    if (old && !qn.empty()) {
        reply.addGroup();
        reply.addField("QN", qn);
        if (command == 9014 && request.has(JhHj212Packet::Cn)) {
            reply.addGroup();
            reply.addField("CN", request.cn());
        }
    }
    if (field) {
        const QByteArray text = QByteArray::number(value);
        if (old && !qn.empty())
            reply.addGroup();
        reply.addField(field, std::string_view(text.constData(), std::size_t(text.size())));
    }
    return reply;
}

JhHj212Packet JhHj212Replies::requestReply(const JhHj212Packet &request, int qnRtn)
{
    return reply(request, 9011, "QnRtn", qnRtn);
}

JhHj212Packet JhHj212Replies::executionResult(const JhHj212Packet &request, int exeRtn)
{
    return reply(request, 9012, "ExeRtn", exeRtn);
}

JhHj212Packet JhHj212Replies::notificationReply(const JhHj212Packet &notification)
{
    return reply(notification, 9013, nullptr, 0);
}

JhHj212Packet JhHj212Replies::dataReply(const JhHj212Packet &upload)
{
    return reply(upload, 9014, nullptr, 0);
}
