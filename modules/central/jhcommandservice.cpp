// Turns a workstation's command into stored events.
#include "jhcommandservice.h"

#include "jhcommandhandler.h"
#include "jhcommandvalidator.h"
#include "jheventjournal.h"

JhCommandService::JhCommandService(JhEventJournal *journal, QObject *parent)
    : QObject(parent), mJournal(journal)
{}

bool JhCommandService::execute(const JhUser &user, JhCommand command, JhCommandResult &result, QString *error)
{
    command.userId = user.id;
    if (command.id.trimmed().isEmpty()) {
        result = JhCommandResult::rejected(command.id, JhDomainError::InvalidPayload, QStringLiteral("id"));
        return true;
    }
    // A repeat is answered from the store before anything is decided on today's state.
    bool found = false;
    if (!mJournal->store().commandResult(command.id, result, found)) {
        if (error)
            *error = mJournal->store().error().message;
        return false;
    }
    if (found) {
        emit commandExecuted(user, command, result);
        return true;
    }
    const JhDomainError permission = JhCommandValidator::check(user, command, mJournal->state());
    if (permission != JhDomainError::None)
        result = JhCommandResult::rejected(command.id, permission);
    else
        result = JhCommandHandler::handle(command, user, mJournal->state(), mJournal->now());
    result.commandId = command.id;
    if (!mJournal->appendCommand(command, result)) {
        if (error)
            *error = mJournal->errorMessage();
        return false;
    }
    emit commandExecuted(user, command, result);
    return true;
}
