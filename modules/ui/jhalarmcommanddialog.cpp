// The acknowledge / escalate / close dialog of the alarms panel.
#include "jhalarmcommanddialog.h"

#include "jhenumnames.h"
#include "jhlivelabels.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

JhAlarmCommandDialog::JhAlarmCommandDialog(Mode mode, const JhAlarm &alarm, const QString &siteName,
                                           JhSiteKind siteKind, QWidget *parent)
    : QDialog(parent), mMode(mode), mAlarm(alarm)
{
    setObjectName(QStringLiteral("alarmCommandDialog"));
    switch (mode) {
    case Mode::Acknowledge:
        setWindowTitle(tr("Acknowledge alarm"));
        break;
    case Mode::Escalate:
        setWindowTitle(tr("Escalate to an incident"));
        break;
    case Mode::Close:
        setWindowTitle(tr("Close alarm"));
        break;
    }
    auto *layout = new QVBoxLayout(this);
    auto *summary = new QLabel(QStringLiteral("<b>%1</b> · %2 · %3<br>%4")
                                   .arg(siteName.toHtmlEscaped(), JhLiveLabels::ruleName(alarm.ruleId),
                                        JhEnumNames::labelZh(alarm.level), alarm.message.toHtmlEscaped()),
                               this);
    summary->setWordWrap(true);
    layout->addWidget(summary);

    auto *form = new QFormLayout;
    if (mode == Mode::Escalate) {
        mTitle =
            new QLineEdit(QStringLiteral("%1 %2").arg(siteName, JhLiveLabels::ruleName(alarm.ruleId)), this);
        mTitle->setObjectName(QStringLiteral("incidentTitle"));
        form->addRow(tr("Title"), mTitle);
        mType = new QComboBox(this);
        for (JhIncidentType type :
             {JhIncidentType::WaterPollution, JhIncidentType::AirPollution, JhIncidentType::ChemicalLeak,
              JhIncidentType::OilSpill, JhIncidentType::MarinePollution, JhIncidentType::Other})
            mType->addItem(JhEnumNames::labelZh(type), JhEnumNames::code(type));
        mType->setCurrentIndex(mType->findData(JhEnumNames::code(incidentTypeFor(siteKind))));
        form->addRow(tr("Type"), mType);
        mLevel = new QComboBox(this);
        for (JhIncidentLevel level :
             {JhIncidentLevel::IV, JhIncidentLevel::III, JhIncidentLevel::II, JhIncidentLevel::I})
            mLevel->addItem(
                QStringLiteral("%1 %2").arg(JhEnumNames::code(level), JhEnumNames::labelZh(level)),
                JhEnumNames::code(level));
        mLevel->setCurrentIndex(mLevel->findData(JhEnumNames::code(incidentLevelFor(alarm.level))));
        form->addRow(tr("Level"), mLevel);
    } else {
        mNote = new QPlainTextEdit(this);
        mNote->setObjectName(QStringLiteral("alarmNote"));
        mNote->setPlaceholderText(mode == Mode::Acknowledge ? tr("What you checked or arranged (optional)")
                                                            : tr("Why the alarm can be closed (optional)"));
        mNote->setFixedHeight(80);
        form->addRow(tr("Note"), mNote);
    }
    layout->addLayout(form);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    switch (mode) {
    case Mode::Acknowledge:
        buttons->button(QDialogButtonBox::Ok)->setText(tr("Acknowledge"));
        break;
    case Mode::Escalate:
        buttons->button(QDialogButtonBox::Ok)->setText(tr("Escalate"));
        break;
    case Mode::Close:
        buttons->button(QDialogButtonBox::Ok)->setText(tr("Close alarm"));
        break;
    }
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(420, sizeHint().height());
}

JhCommandType JhAlarmCommandDialog::commandType() const
{
    switch (mMode) {
    case Mode::Acknowledge:
        return JhCommandType::AcknowledgeAlarm;
    case Mode::Escalate:
        return JhCommandType::EscalateAlarm;
    case Mode::Close:
        return JhCommandType::CloseAlarm;
    }
    return JhCommandType::AcknowledgeAlarm;
}

QJsonObject JhAlarmCommandDialog::payload() const
{
    QJsonObject payload{{QStringLiteral("alarmId"), mAlarm.id}};
    if (mMode == Mode::Escalate) {
        payload.insert(QStringLiteral("title"), mTitle->text().trimmed());
        payload.insert(QStringLiteral("type"), mType->currentData().toString());
        payload.insert(QStringLiteral("level"), mLevel->currentData().toString());
    } else {
        const QString note = mNote->toPlainText().trimmed();
        if (!note.isEmpty())
            payload.insert(QStringLiteral("note"), note);
    }
    return payload;
}

JhIncidentType JhAlarmCommandDialog::incidentTypeFor(JhSiteKind kind)
{
    switch (kind) {
    case JhSiteKind::SurfaceWater:
    case JhSiteKind::DrinkingWater:
        return JhIncidentType::WaterPollution;
    case JhSiteKind::Marine:
        return JhIncidentType::MarinePollution;
    case JhSiteKind::Noise:
    case JhSiteKind::PollutionSource:
        return JhIncidentType::Other;
    default:
        return JhIncidentType::AirPollution;
    }
}

JhIncidentLevel JhAlarmCommandDialog::incidentLevelFor(JhAlarmLevel level)
{
    return level == JhAlarmLevel::Serious ? JhIncidentLevel::III : JhIncidentLevel::IV;
}
