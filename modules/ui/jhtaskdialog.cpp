// The assign / progress / cancel dialog of the tasks panel.
#include "jhtaskdialog.h"

#include "jhenumnames.h"
#include "jhworldstate.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

QString JhTaskDialog::actionLabel(Mode mode)
{
    switch (mode) {
    case Mode::Assign:
        return tr("Assign task");
    case Mode::Accept:
        return tr("Accept");
    case Mode::EnRoute:
        return tr("En route");
    case Mode::OnSite:
        return tr("On site");
    case Mode::Complete:
        return tr("Complete");
    case Mode::Cancel:
        return tr("Cancel task");
    }
    return QString();
}

JhTaskDialog::JhTaskDialog(Mode mode, const JhTask &task, const JhWorldState &state,
                           const QString &incidentId, QWidget *parent)
    : QDialog(parent), mMode(mode), mTask(task)
{
    setObjectName(QStringLiteral("taskDialog"));
    setWindowTitle(actionLabel(mode));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    if (mode == Mode::Assign) {
        mIncident = new QComboBox(this);
        mIncident->setObjectName(QStringLiteral("taskIncident"));
        for (const JhIncident &incident : state.incidents())
            if (incident.status != JhIncidentStatus::Closed)
                mIncident->addItem(QStringLiteral("%1 %2").arg(incident.id, incident.title), incident.id);
        const int preselected = mIncident->findData(incidentId);
        if (preselected >= 0)
            mIncident->setCurrentIndex(preselected);
        form->addRow(tr("Incident"), mIncident);
        mTeam = new QComboBox(this);
        mTeam->setObjectName(QStringLiteral("taskTeam"));
        for (const JhCountyTeam &team : state.teams())
            mTeam->addItem(QStringLiteral("%1 (%2)").arg(team.name.isEmpty() ? team.id : team.name,
                                                         JhEnumNames::labelZh(team.status)),
                           team.id);
        form->addRow(tr("Team"), mTeam);
        mTitle = new QLineEdit(this);
        mTitle->setObjectName(QStringLiteral("taskTitle"));
        form->addRow(tr("Title"), mTitle);
        mText = new QPlainTextEdit(this);
        mText->setObjectName(QStringLiteral("taskInstructions"));
        form->addRow(tr("Instructions"), mText);
    } else {
        auto *summary =
            new QLabel(QStringLiteral("<b>%1</b> %2 · %3")
                           .arg(task.id, task.title.toHtmlEscaped(), JhEnumNames::labelZh(task.state)),
                       this);
        summary->setWordWrap(true);
        layout->addWidget(summary);
        if (!task.instructions.isEmpty()) {
            auto *instructions = new QLabel(tr("Instructions: %1").arg(task.instructions), this);
            instructions->setWordWrap(true);
            layout->addWidget(instructions);
        }
        mText = new QPlainTextEdit(this);
        mText->setObjectName(QStringLiteral("taskNotes"));
        form->addRow(mode == Mode::Cancel ? tr("Reason") : tr("Notes"), mText);
    }
    layout->addLayout(form);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(actionLabel(mode));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    if (mode == Mode::Assign) {
        QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
        auto check = [this, ok]() {
            ok->setEnabled(mIncident->count() > 0 && mTeam->count() > 0 &&
                           !mTitle->text().trimmed().isEmpty());
        };
        connect(mTitle, &QLineEdit::textChanged, ok, check);
        check();
    }
}

JhCommandType JhTaskDialog::commandType() const
{
    switch (mMode) {
    case Mode::Assign:
        return JhCommandType::AssignTask;
    case Mode::Accept:
        return JhCommandType::AcceptTask;
    case Mode::EnRoute:
    case Mode::OnSite:
        return JhCommandType::UpdateTask;
    case Mode::Complete:
        return JhCommandType::CompleteTask;
    case Mode::Cancel:
        return JhCommandType::CancelTask;
    }
    return JhCommandType::UpdateTask;
}

QJsonObject JhTaskDialog::payload() const
{
    QJsonObject payload;
    const QString text = mText->toPlainText().trimmed();
    if (mMode == Mode::Assign) {
        payload.insert(QStringLiteral("incidentId"), mIncident->currentData().toString());
        payload.insert(QStringLiteral("teamId"), mTeam->currentData().toString());
        payload.insert(QStringLiteral("title"), mTitle->text().trimmed());
        if (!text.isEmpty())
            payload.insert(QStringLiteral("instructions"), text);
        return payload;
    }
    payload.insert(QStringLiteral("taskId"), mTask.id);
    if (mMode == Mode::EnRoute)
        payload.insert(QStringLiteral("state"), JhEnumNames::code(JhTaskState::EnRoute));
    else if (mMode == Mode::OnSite)
        payload.insert(QStringLiteral("state"), JhEnumNames::code(JhTaskState::OnSite));
    if (!text.isEmpty())
        payload.insert(mMode == Mode::Cancel ? QStringLiteral("reason") : QStringLiteral("text"), text);
    return payload;
}
