// The create / update / close dialog of the incidents panel.
#include "jhincidentdialog.h"

#include "jhenumnames.h"
#include "jhlivelabels.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

JhIncidentDialog::JhIncidentDialog(Mode mode, const JhIncident &incident, double longitude, double latitude,
                                   QWidget *parent)
    : QDialog(parent), mMode(mode), mIncident(incident)
{
    setObjectName(QStringLiteral("incidentDialog"));
    switch (mode) {
    case Mode::Create:
        setWindowTitle(tr("New environmental incident"));
        break;
    case Mode::Update:
        setWindowTitle(tr("Update incident"));
        break;
    case Mode::Close:
        setWindowTitle(tr("Close incident"));
        break;
    }
    auto *layout = new QVBoxLayout(this);
    if (mode != Mode::Create) {
        auto *summary =
            new QLabel(QStringLiteral("<b>%1</b> %2 · %3 · %4")
                           .arg(incident.id, incident.title.toHtmlEscaped(),
                                JhEnumNames::labelZh(incident.type), JhEnumNames::labelZh(incident.level)),
                       this);
        summary->setWordWrap(true);
        layout->addWidget(summary);
    }
    auto *form = new QFormLayout;
    auto levelCombo = [this](JhIncidentLevel current) {
        auto *combo = new QComboBox(this);
        combo->setObjectName(QStringLiteral("incidentLevel"));
        for (JhIncidentLevel level :
             {JhIncidentLevel::IV, JhIncidentLevel::III, JhIncidentLevel::II, JhIncidentLevel::I})
            combo->addItem(QStringLiteral("%1 %2").arg(JhEnumNames::code(level), JhEnumNames::labelZh(level)),
                           JhEnumNames::code(level));
        combo->setCurrentIndex(combo->findData(JhEnumNames::code(current)));
        return combo;
    };
    if (mode == Mode::Create) {
        mTitle = new QLineEdit(this);
        mTitle->setObjectName(QStringLiteral("incidentTitle"));
        form->addRow(tr("Title"), mTitle);
        mType = new QComboBox(this);
        mType->setObjectName(QStringLiteral("incidentType"));
        for (JhIncidentType type :
             {JhIncidentType::WaterPollution, JhIncidentType::AirPollution, JhIncidentType::ChemicalLeak,
              JhIncidentType::OilSpill, JhIncidentType::MarinePollution, JhIncidentType::Other})
            mType->addItem(JhEnumNames::labelZh(type), JhEnumNames::code(type));
        form->addRow(tr("Type"), mType);
        mLevel = levelCombo(JhIncidentLevel::IV);
        form->addRow(tr("Incident level"), mLevel);
        mCounty = new QComboBox(this);
        mCounty->setObjectName(QStringLiteral("incidentCounty"));
        mCounty->addItem(tr("(not set)"), 0);
        for (int code : JhLiveLabels::countyCodes())
            mCounty->addItem(JhLiveLabels::countyName(code), code);
        form->addRow(tr("County"), mCounty);
        auto coordinate = [this](double minimum, double maximum, double value, const QString &name) {
            auto *spin = new QDoubleSpinBox(this);
            spin->setObjectName(name);
            spin->setDecimals(5);
            spin->setRange(minimum, maximum);
            spin->setValue(value);
            return spin;
        };
        mLongitude = coordinate(-180, 180, longitude, QStringLiteral("incidentLongitude"));
        mLatitude = coordinate(-90, 90, latitude, QStringLiteral("incidentLatitude"));
        form->addRow(tr("Longitude"), mLongitude);
        form->addRow(tr("Latitude"), mLatitude);
        mText = new QPlainTextEdit(this);
        mText->setObjectName(QStringLiteral("incidentDescription"));
        form->addRow(tr("Description"), mText);
    } else if (mode == Mode::Update) {
        mLevel = levelCombo(incident.level);
        form->addRow(tr("Incident level"), mLevel);
        mStatus = new QComboBox(this);
        mStatus->setObjectName(QStringLiteral("incidentStatus"));
        for (JhIncidentStatus status : {JhIncidentStatus::Open, JhIncidentStatus::Responding})
            mStatus->addItem(JhEnumNames::labelZh(status), JhEnumNames::code(status));
        mStatus->setCurrentIndex(mStatus->findData(JhEnumNames::code(incident.status)));
        form->addRow(tr("Status"), mStatus);
    } else {
        mText = new QPlainTextEdit(this);
        mText->setObjectName(QStringLiteral("incidentSummary"));
        mText->setPlaceholderText(tr("What happened and how it was handled"));
        form->addRow(tr("Summary"), mText);
    }
    layout->addLayout(form);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)
        ->setText(mode == Mode::Create   ? tr("Create")
                  : mode == Mode::Update ? tr("Update")
                                         : tr("Close incident"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    if (mTitle) {
        // A new incident needs a title.
        QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
        ok->setEnabled(false);
        connect(mTitle, &QLineEdit::textChanged, ok,
                [ok](const QString &text) { ok->setEnabled(!text.trimmed().isEmpty()); });
    }
}

JhCommandType JhIncidentDialog::commandType() const
{
    switch (mMode) {
    case Mode::Create:
        return JhCommandType::CreateIncident;
    case Mode::Update:
        return JhCommandType::UpdateIncident;
    case Mode::Close:
        return JhCommandType::CloseIncident;
    }
    return JhCommandType::CreateIncident;
}

QJsonObject JhIncidentDialog::payload() const
{
    QJsonObject payload;
    switch (mMode) {
    case Mode::Create: {
        payload.insert(QStringLiteral("title"), mTitle->text().trimmed());
        payload.insert(QStringLiteral("type"), mType->currentData().toString());
        payload.insert(QStringLiteral("level"), mLevel->currentData().toString());
        payload.insert(QStringLiteral("longitude"), mLongitude->value());
        payload.insert(QStringLiteral("latitude"), mLatitude->value());
        if (mCounty->currentData().toInt() != 0)
            payload.insert(QStringLiteral("countyCode"), mCounty->currentData().toInt());
        const QString description = mText->toPlainText().trimmed();
        if (!description.isEmpty())
            payload.insert(QStringLiteral("description"), description);
        break;
    }
    case Mode::Update:
        payload.insert(QStringLiteral("incidentId"), mIncident.id);
        // Only what changed, so the timeline shows what the update was about.
        if (mLevel->currentData().toString() != JhEnumNames::code(mIncident.level))
            payload.insert(QStringLiteral("level"), mLevel->currentData().toString());
        if (mStatus->currentData().toString() != JhEnumNames::code(mIncident.status))
            payload.insert(QStringLiteral("status"), mStatus->currentData().toString());
        break;
    case Mode::Close: {
        payload.insert(QStringLiteral("incidentId"), mIncident.id);
        const QString summary = mText->toPlainText().trimmed();
        if (!summary.isEmpty())
            payload.insert(QStringLiteral("summary"), summary);
        break;
    }
    }
    return payload;
}
