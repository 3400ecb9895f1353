// One run of jianghai-cli: a sync client, the wait for what a sub-command needs, and JSON-lines output.
#pragma once

#include "jhsyncclient.h"

#include <QObject>

#include <functional>
#include <memory>

//! Exit codes of jianghai-cli (docs/client.md).
enum JhCliExit
{
    JhCliOk = 0,
    JhCliRefusedCommand = 1, //!< central refused the command (the reason is printed)
    JhCliUsage = 2,
    JhCliUnreachable = 3,   //!< central not reached in time; queued commands stay in the outbox
    JhCliNotFound = 4,      //!< no such site / alarm
    JhCliRefusedClient = 5, //!< central refused this client (revoked token, wrong version)
    JhCliQueryFailed = 6    //!< the query was refused or failed (the reason is printed)
};

//! Wraps a JhSyncClient for a command-line run: waits (bounded) for the first sync or for an answer, and
//! prints connection changes as JSON lines on stderr, results as JSON on stdout.
class JhCliSession : public QObject
{
    Q_OBJECT
public:
    JhCliSession(const JhClientConfig &config, bool english, bool verbose);

    JhSyncClient &client() { return *mClient; }
    //! Runs the event loop until \a done returns true or \a timeoutMs passes (-1: no limit); true if done.
    bool waitUntil(const std::function<bool()> &done, int timeoutMs);
    //! Waits for the first sync (live); on timeout or refusal says why on stderr.
    bool waitForSync(int timeoutMs);
    //! The refusal (if central refused this client) as an exit code, else \a otherwise.
    int refusalOr(int otherwise) const;

    //! Ctrl-C / SIGTERM: every wait returns (not done) so the run ends cleanly.
    static void requestStop();
    static bool isStopRequested();

    //! A message for a person, in the chosen language, on stderr.
    void say(const QString &zh, const QString &en) const;
    static void printJson(const QJsonObject &object);

private:
    std::unique_ptr<JhSyncClient> mClient;
    bool mEnglish;
    bool mVerbose;
};
