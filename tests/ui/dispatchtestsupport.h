// Test support for the dispatch models: a small world state driven through JhCommandHandler, as central does.
#pragma once

#include "jhcommandhandler.h"
#include "jhstatechange.h"
#include "jhworldstate.h"

#include <QDebug>
#include <QJsonObject>

//! Two teams (haimen, rudong) and the users of the role table; run() handles a command, folds its events
//! and returns the batch as a client's stateChanged would carry it.
class JhDispatchWorld
{
public:
    JhDispatchWorld()
    {
        JhCountyTeam haimen;
        haimen.id = QStringLiteral("haimen");
        haimen.name = QStringLiteral("海门站");
        haimen.countyCodes = {320684};
        mState.addTeam(haimen);
        JhCountyTeam rudong;
        rudong.id = QStringLiteral("rudong");
        rudong.name = QStringLiteral("如东站");
        rudong.countyCodes = {320623};
        mState.addTeam(rudong);
    }

    const JhWorldState &state() const { return mState; }
    JhUser coordinator = {
        QStringLiteral("coordinator"), QStringLiteral("协调员"), JhRole::EmergencyCoordinator, {}};
    JhUser haimen = {QStringLiteral("team-haimen"), QStringLiteral("海门"), JhRole::CountyTeam,
                     QStringLiteral("haimen")};
    QDateTime now = QDateTime(QDate(2026, 7, 1), QTime(2, 0), Qt::UTC);

    JhStateChange run(const JhUser &user, JhCommandType type, const QJsonObject &payload,
                      JhCommandResult *out = nullptr)
    {
        now = now.addSecs(60);
        const JhCommand command{
            QStringLiteral("00000000-0000-4000-8000-%1").arg(++mCounter, 12, 10, QLatin1Char('0')), type,
            user.id, now, payload};
        const JhCommandResult result = JhCommandHandler::handle(command, user, mState, now);
        JhStateChange change;
        for (JhEvent event : result.events) {
            event.sequence = mState.lastSequence() + 1;
            QString error;
            if (!mState.apply(event, &error))
                qWarning() << "fold failed:" << error;
            change.note(event);
        }
        if (out)
            *out = result;
        return change;
    }

private:
    JhWorldState mState;
    int mCounter = 0;
};
