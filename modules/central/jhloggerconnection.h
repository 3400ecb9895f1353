// One data logger's TCP connection to the ingest server: framing, flow control and timeouts.
#pragma once

#include "jhhj212duplicatedetector.h"
#include "jhhj212error.h"
#include "jhhj212framer.h"
#include "jhhj212packet.h"
#include "jhhj212reassembler.h"

#include <QObject>
#include <QString>

class JhHj212Server;
class QTcpSocket;

//! Reads a logger's bytes through the envstd framer and hands each accepted packet to the server.
//! Bounds what one peer can cost: a packet rate (token bucket; beyond it reading pauses, so TCP pushes
//! back), a cap on packets awaiting commit, a budget of malformed frames, an idle timeout (half-open
//! peers) and a packet-assembly timeout (slow senders, garbage trickles). Owned by the server.
class JhLoggerConnection : public QObject
{
    Q_OBJECT
public:
    //! Why a connection ended.
    enum class CloseReason
    {
        ByPeer,
        IdleTimeout,   //!< nothing received for idleTimeoutMs
        PacketTimeout, //!< bytes arrived but no valid packet completed within packetTimeoutMs
        TooManyErrors, //!< more than maxRejectedFrames malformed frames
        Shutdown
    };
    static const char *closeReasonName(CloseReason reason);

    JhLoggerConnection(JhHj212Server *server, QTcpSocket *socket, quint64 id);
    ~JhLoggerConnection() override;

    quint64 id() const { return mId; }
    QString peer() const { return mPeer; }
    QString peerAddress() const { return mPeerAddress; }
    int pendingCommits() const { return mPendingCommits; }
    bool isPaused() const { return mPausedForRate || mBlockedOnCommits; }

    //! Processes buffered frames and socket bytes as far as the limits allow.
    void pump();
    //! Applies the timeouts at the server clock's now; may close the connection.
    void sweep(qint64 nowMs);
    //! A packet of this connection was committed (reply non-empty: send it) or failed (empty reply).
    void commitFinished(const QByteArray &reply);
    //! Sends a reply that needs no commit.
    void send(const QByteArray &bytes);
    void close(CloseReason reason);

    //! Used by the server while handling a packet of this connection.
    JhHj212Reassembler &reassembler() { return mReassembler; }
    JhHj212DuplicateDetector &duplicates() { return mDuplicates; }
    void addPendingCommit() { ++mPendingCommits; }

signals:
    void closed(JhLoggerConnection *connection, JhLoggerConnection::CloseReason reason);

private:
    void onDisconnected();
    void handleFrame(qint64 nowMs);
    void scheduleResume(qint64 nowMs);

    JhHj212Server *mServer;
    QTcpSocket *mSocket;
    quint64 mId;
    QString mPeer;
    QString mPeerAddress;
    JhHj212Framer mFramer;
    JhHj212Packet mPacket;
    JhHj212Error mError;
    JhHj212Reassembler mReassembler;
    JhHj212DuplicateDetector mDuplicates;
    double mTokens = 0;
    qint64 mTokenTimeMs = 0;
    qint64 mLastByteMs = 0;
    qint64 mAssemblyStartMs = -1; //!< since when a partial frame has been waiting for its end (-1: none)
    qint64 mGarbageStartMs = -1;  //!< first garbage since the last valid packet (-1: none)
    int mPendingCommits = 0;
    int mRejected = 0;
    bool mPausedForRate = false;
    bool mBlockedOnCommits = false;
    bool mResumeScheduled = false;
    bool mClosing = false;
    char mReadBuffer[16384];
};
