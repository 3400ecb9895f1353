// Where a sync client stands with the central service, in words a status bar can show.
#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

//! The connection lifecycle: Connecting -> CatchingUp -> Live; Offline between attempts (with the reason
//! and since when); Refused is final until the user changes something (revoked token, wrong version).
enum class JhConnectionState
{
    Stopped,
    Connecting,
    CatchingUp,
    Live,
    Offline,
    Refused
};

//! One connection state with its reason. The reason code is stable (for scripts); the texts are for people.
struct JhConnectionStatus
{
    JhConnectionState state = JhConnectionState::Stopped;
    QDateTime since;    //!< when this state began (Offline: when the connection was lost)
    QString url;        //!< the central URL tried or connected
    QString reasonCode; //!< e.g. "connection-refused", "bad-message", "unauthorized"; empty when Live
    QString reasonZh;
    QString reasonEn;
    int attempt = 0;       //!< failed attempts since the last Live
    qint64 retryInMs = -1; //!< Offline: when the next attempt starts (-1: none planned)

    //! The state code used by jianghai-cli and the logs ("live", "offline", ...).
    static QString code(JhConnectionState state)
    {
        switch (state) {
        case JhConnectionState::Stopped:
            return QStringLiteral("stopped");
        case JhConnectionState::Connecting:
            return QStringLiteral("connecting");
        case JhConnectionState::CatchingUp:
            return QStringLiteral("catching-up");
        case JhConnectionState::Live:
            return QStringLiteral("live");
        case JhConnectionState::Offline:
            return QStringLiteral("offline");
        case JhConnectionState::Refused:
            return QStringLiteral("refused");
        }
        return QString();
    }
    //! What the workstation's status bar says (在线 / 正在同步 / 离线 …).
    static QString labelZh(JhConnectionState state)
    {
        switch (state) {
        case JhConnectionState::Stopped:
            return QStringLiteral("未连接");
        case JhConnectionState::Connecting:
            return QStringLiteral("正在连接");
        case JhConnectionState::CatchingUp:
            return QStringLiteral("正在同步");
        case JhConnectionState::Live:
            return QStringLiteral("在线");
        case JhConnectionState::Offline:
            return QStringLiteral("离线");
        case JhConnectionState::Refused:
            return QStringLiteral("连接被拒绝");
        }
        return QString();
    }
};
Q_DECLARE_METATYPE(JhConnectionStatus)
