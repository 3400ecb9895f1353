// The alarms dock: table, filters, counts, role-bound actions with their answers, and new-alarm sounds.
#include "jhalarmpanel.h"

#include "jhalarmcommanddialog.h"
#include "jhalarmfilterproxymodel.h"
#include "jhalarmsoundplayer.h"
#include "jhalarmtablemodel.h"
#include "jhenumnames.h"
#include "jhlivelabels.h"
#include "jhsyncclient.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QShortcut>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace {
QToolButton *actionButton(const QString &text, const QString &tip, const QKeySequence &shortcut,
                          QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setText(text);
    button->setToolTip(QStringLiteral("%1 (%2)").arg(tip, shortcut.toString(QKeySequence::NativeText)));
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setAutoRaise(false);
    return button;
}
} // namespace

JhAlarmPanel::JhAlarmPanel(JhSyncClient *client, JhAlarmSoundPlayer *player, QWidget *parent)
    : QWidget(parent), mClient(client), mPlayer(player),
      mClock([]() { return QDateTime::currentDateTimeUtc(); })
{
    setObjectName(QStringLiteral("alarmPanel"));
    mModel = new JhAlarmTableModel(this);
    mProxy = new JhAlarmFilterProxyModel(this);
    mProxy->setSourceModel(mModel);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);

    // Header: counts by state, the silence and its menu.
    auto *header = new QHBoxLayout;
    mCounts = new QLabel(this);
    mCounts->setObjectName(QStringLiteral("alarmCounts"));
    QFont bold = mCounts->font();
    bold.setBold(true);
    mCounts->setFont(bold);
    header->addWidget(mCounts, 1);
    mSilence = new QLabel(this);
    mSilence->setObjectName(QStringLiteral("alarmSilence"));
    mSilence->setStyleSheet(QStringLiteral("color: #b06000;"));
    header->addWidget(mSilence);
    mSilenceButton = new QToolButton(this);
    mSilenceButton->setObjectName(QStringLiteral("alarmSilenceButton"));
    mSilenceButton->setText(tr("Silence"));
    mSilenceButton->setToolTip(tr("Silence new-alarm sounds for a while (acknowledging does not silence)"));
    mSilenceButton->setPopupMode(QToolButton::InstantPopup);
    auto *silenceMenu = new QMenu(mSilenceButton);
    for (int minutes : {5, 15, 30})
        connect(silenceMenu->addAction(tr("%n minute(s)", nullptr, minutes)), &QAction::triggered, this,
                [this, minutes]() { silenceFor(minutes); });
    silenceMenu->addSeparator();
    connect(silenceMenu->addAction(tr("Sound on")), &QAction::triggered, this, [this]() { silenceFor(0); });
    mSilenceButton->setMenu(silenceMenu);
    header->addWidget(mSilenceButton);
    layout->addLayout(header);

    // Filters.
    auto *filters = new QHBoxLayout;
    auto addFilter = [this, filters](const QString &name, const QString &tip) {
        auto *combo = new QComboBox(this);
        combo->setObjectName(name);
        combo->setToolTip(tip);
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        filters->addWidget(combo);
        return combo;
    };
    mCountyFilter = addFilter(QStringLiteral("alarmCountyFilter"), tr("County"));
    mKindFilter = addFilter(QStringLiteral("alarmKindFilter"), tr("Site kind"));
    mRuleFilter = addFilter(QStringLiteral("alarmRuleFilter"), tr("Rule"));
    mStateFilter = addFilter(QStringLiteral("alarmStateFilter"), tr("State"));
    mLevelFilter = addFilter(QStringLiteral("alarmLevelFilter"), tr("Level"));
    filters->addStretch(1);
    layout->addLayout(filters);
    fillFilters();

    mView = new QTableView(this);
    mView->setObjectName(QStringLiteral("alarmTable"));
    mView->setModel(mProxy);
    mView->setSortingEnabled(true);
    mView->sortByColumn(JhAlarmTableModel::TimeColumn, Qt::DescendingOrder);
    mView->setSelectionBehavior(QAbstractItemView::SelectRows);
    mView->setSelectionMode(QAbstractItemView::SingleSelection);
    mView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    mView->setAlternatingRowColors(true);
    mView->setWordWrap(false);
    mView->verticalHeader()->hide();
    // Fixed row height and no per-row size hints: resizing never walks 5,000 rows.
    mView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    mView->verticalHeader()->setDefaultSectionSize(mView->fontMetrics().height() + 6);
    mView->horizontalHeader()->setStretchLastSection(true);
    // Widths in characters of the longest usual content (Chinese glyphs count about two).
    const int characters[] = {15, 11, 5, 8, 10, 11, 5, 6, 11, 10};
    const int unit = mView->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    for (int column = 0; column < JhAlarmTableModel::ColumnCount; ++column)
        mView->setColumnWidth(column, characters[column] * unit);
    layout->addWidget(mView, 1);

    // Actions and the status line.
    auto *actions = new QHBoxLayout;
    mAcknowledge = actionButton(tr("Acknowledge"), tr("Acknowledge the alarm with a note"),
                                QKeySequence(Qt::CTRL + Qt::Key_K), this);
    mAcknowledge->setObjectName(QStringLiteral("alarmAcknowledge"));
    mEscalate = actionButton(tr("Escalate to incident"), tr("Open an incident for the alarm"),
                             QKeySequence(Qt::CTRL + Qt::Key_E), this);
    mEscalate->setObjectName(QStringLiteral("alarmEscalate"));
    mClose = actionButton(tr("Close"), tr("Close the alarm with a note"),
                          QKeySequence(Qt::CTRL + Qt::SHIFT + Qt::Key_K), this);
    mClose->setObjectName(QStringLiteral("alarmClose"));
    mDetails = actionButton(tr("Details"), tr("Show the site's details"), QKeySequence(Qt::Key_Return), this);
    mDetails->setObjectName(QStringLiteral("alarmDetails"));
    for (QToolButton *button : {mAcknowledge, mEscalate, mClose, mDetails})
        actions->addWidget(button);
    mStatus = new QLabel(this);
    mStatus->setObjectName(QStringLiteral("alarmStatus"));
    mStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    actions->addWidget(mStatus, 1);
    layout->addLayout(actions);

    connect(mAcknowledge, &QToolButton::clicked, this, &JhAlarmPanel::acknowledgeCurrent);
    connect(mEscalate, &QToolButton::clicked, this, &JhAlarmPanel::escalateCurrent);
    connect(mClose, &QToolButton::clicked, this, &JhAlarmPanel::closeCurrent);
    connect(mDetails, &QToolButton::clicked, this, &JhAlarmPanel::showCurrentDetails);
    auto shortcut = [this](const QKeySequence &keys, void (JhAlarmPanel::*slot)()) {
        auto *s = new QShortcut(keys, this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, slot);
    };
    shortcut(QKeySequence(Qt::CTRL + Qt::Key_K), &JhAlarmPanel::acknowledgeCurrent);
    shortcut(QKeySequence(Qt::CTRL + Qt::Key_E), &JhAlarmPanel::escalateCurrent);
    shortcut(QKeySequence(Qt::CTRL + Qt::SHIFT + Qt::Key_K), &JhAlarmPanel::closeCurrent);
    shortcut(QKeySequence(Qt::Key_Return), &JhAlarmPanel::showCurrentDetails);
    shortcut(QKeySequence(Qt::Key_Enter), &JhAlarmPanel::showCurrentDetails);
    connect(mView, &QTableView::doubleClicked, this, &JhAlarmPanel::showCurrentDetails);

    connect(mView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                updateActions();
                if (current.isValid())
                    emit siteActivated(current.data(JhAlarmTableModel::SiteIdRole).toString());
            });
    connect(mModel, &JhAlarmTableModel::countsChanged, this, &JhAlarmPanel::updateCounts);
    connect(mModel, &QAbstractItemModel::dataChanged, this, &JhAlarmPanel::updateActions);

    connect(mCountyFilter, QOverload<int>::of(&QComboBox::currentIndexChanged), this,
            [this]() { mProxy->setCountyCode(mCountyFilter->currentData().toInt()); });
    connect(mKindFilter, QOverload<int>::of(&QComboBox::currentIndexChanged), this,
            [this]() { mProxy->setSiteKind(mKindFilter->currentData().toInt()); });
    connect(mRuleFilter, QOverload<int>::of(&QComboBox::currentIndexChanged), this,
            [this]() { mProxy->setRuleId(mRuleFilter->currentData().toString()); });
    connect(mStateFilter, QOverload<int>::of(&QComboBox::currentIndexChanged), this, [this]() {
        const int state = mStateFilter->currentData().toInt();
        // -2: every state, closed ones included; -1: the active ones (the default).
        mProxy->setShowClosed(state == -2);
        mProxy->setAlarmState(state >= 0 ? state : -1);
    });
    connect(mLevelFilter, QOverload<int>::of(&QComboBox::currentIndexChanged), this,
            [this]() { mProxy->setLevel(mLevelFilter->currentData().toInt()); });

    mTimer = new QTimer(this);
    mTimer->setInterval(20000);
    connect(mTimer, &QTimer::timeout, this, &JhAlarmPanel::tick);
    mTimer->start();

    if (mClient) {
        connect(mClient, &JhSyncClient::stateChanged, this, &JhAlarmPanel::onStateChanged);
        connect(mClient, &JhSyncClient::commandAnswered, this, &JhAlarmPanel::onCommandAnswered);
        connect(mClient, &JhSyncClient::userChanged, this, &JhAlarmPanel::updateActions);
        connect(mClient, &JhSyncClient::submitFailed, this,
                [this](const QStringList &ids, const QString &message) {
                    for (const QString &id : ids) {
                        const QString alarmId = mCommandAlarms.take(id);
                        mModel->setCommandStatus(alarmId, JhAlarmTableModel::CommandStatus::Refused, message);
                    }
                    mStatus->setText(tr("Not sent: %1").arg(message));
                });
        mModel->resetFrom(mClient->state());
    }
    mModel->setNow(now());
    updateCounts();
    updateSilenceLabel();
    updateActions();
}

void JhAlarmPanel::fillFilters()
{
    mCountyFilter->addItem(tr("All counties"), 0);
    for (int code : JhLiveLabels::countyCodes())
        mCountyFilter->addItem(JhLiveLabels::countyName(code), code);
    mKindFilter->addItem(tr("All site kinds"), -1);
    for (int kind = int(JhSiteKind::AirNational); kind <= int(JhSiteKind::PollutionSource); ++kind)
        mKindFilter->addItem(JhEnumNames::labelZh(JhSiteKind(kind)), kind);
    mRuleFilter->addItem(tr("All rules"), QString());
    for (const QString &rule : JhLiveLabels::ruleIds())
        mRuleFilter->addItem(JhLiveLabels::ruleName(rule), rule);
    mStateFilter->addItem(tr("Not closed"), -1);
    for (JhAlarmState state :
         {JhAlarmState::Open, JhAlarmState::Acknowledged, JhAlarmState::Escalated, JhAlarmState::Closed})
        mStateFilter->addItem(JhEnumNames::labelZh(state), int(state));
    mStateFilter->addItem(tr("All states"), -2);
    mLevelFilter->addItem(tr("All levels"), -1);
    for (JhAlarmLevel level : {JhAlarmLevel::Serious, JhAlarmLevel::Warning, JhAlarmLevel::Notice})
        mLevelFilter->addItem(JhEnumNames::labelZh(level), int(level));
}

void JhAlarmPanel::setClock(const std::function<QDateTime()> &clock)
{
    mClock = clock;
    tick();
}

void JhAlarmPanel::tick()
{
    mModel->setNow(now());
    updateSilenceLabel();
}

QString JhAlarmPanel::currentAlarmId() const
{
    const QModelIndex current = mView->selectionModel()->currentIndex();
    return current.isValid() ? current.data(JhAlarmTableModel::AlarmIdRole).toString() : QString();
}

const JhAlarm *JhAlarmPanel::currentAlarm() const
{
    const QModelIndex current = mView->selectionModel()->currentIndex();
    return current.isValid() ? mModel->alarmAt(mProxy->mapToSource(current).row()) : nullptr;
}

bool JhAlarmPanel::selectAlarm(const QString &alarmId)
{
    const int row = mModel->rowOf(alarmId);
    if (row < 0)
        return false;
    const QModelIndex index = mProxy->mapFromSource(mModel->index(row, 0));
    if (!index.isValid())
        return false;
    mView->selectionModel()->setCurrentIndex(index,
                                             QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    mView->scrollTo(index);
    return true;
}

bool JhAlarmPanel::canAcknowledge(const JhAlarm &alarm) const
{
    if (!mClient || alarm.state != JhAlarmState::Open)
        return false;
    const JhUser user = mClient->user();
    switch (user.role) {
    case JhRole::DutyOfficer:
    case JhRole::EmergencyCoordinator:
        return true;
    case JhRole::CountyTeam: {
        const JhCountyTeam *team = mClient->state().team(user.teamId);
        const JhSite *site = mClient->state().site(alarm.siteId);
        return team && site && team->covers(site->countyCode);
    }
    case JhRole::Viewer:
        return false;
    }
    return false;
}

bool JhAlarmPanel::canEscalate(const JhAlarm &alarm) const
{
    if (!mClient || (alarm.state != JhAlarmState::Open && alarm.state != JhAlarmState::Acknowledged))
        return false;
    const JhRole role = mClient->user().role;
    return role == JhRole::DutyOfficer || role == JhRole::EmergencyCoordinator;
}

bool JhAlarmPanel::canClose(const JhAlarm &alarm) const
{
    if (!mClient || alarm.state == JhAlarmState::Closed)
        return false;
    const JhRole role = mClient->user().role;
    return role == JhRole::DutyOfficer || role == JhRole::EmergencyCoordinator;
}

void JhAlarmPanel::updateActions()
{
    const JhAlarm *alarm = currentAlarm();
    mAcknowledge->setEnabled(alarm && canAcknowledge(*alarm));
    mEscalate->setEnabled(alarm && canEscalate(*alarm));
    mClose->setEnabled(alarm && canClose(*alarm));
    mDetails->setEnabled(alarm != nullptr);
}

void JhAlarmPanel::updateCounts()
{
    mCounts->setText(mModel->countsText());
}

bool JhAlarmPanel::isSilenced() const
{
    return mSilencedUntil.isValid() && now() < mSilencedUntil;
}

void JhAlarmPanel::silenceFor(int minutes)
{
    mSilencedUntil = minutes > 0 ? now().addSecs(minutes * 60) : QDateTime();
    updateSilenceLabel();
}

void JhAlarmPanel::updateSilenceLabel()
{
    if (isSilenced()) {
        mSilence->setText(
            tr("Silenced until %1")
                .arg(mSilencedUntil.toOffsetFromUtc(8 * 3600).toString(QStringLiteral("HH:mm"))));
        mSilence->show();
    } else {
        mSilencedUntil = QDateTime();
        mSilence->clear();
        mSilence->hide();
    }
}

void JhAlarmPanel::onStateChanged(const JhStateChange &change)
{
    mModel->applyChange(mClient->state(), change);
    soundFor(change);
    updateActions();
}

void JhAlarmPanel::soundFor(const JhStateChange &change)
{
    if (!mPlayer || change.events.isEmpty())
        return;
    // Catch-up at start brings old alarm.opened events: only live ones (after the first sync, while live)
    // or recent ones sound, and one tone per batch, the worst level's.
    const bool live = mClient->hasSynced() && mClient->connectionStatus().state == JhConnectionState::Live;
    const QDateTime current = now();
    int worst = -1;
    for (const JhEvent &event : change.events) {
        if (event.type != JhEventType::AlarmOpened && event.type != JhEventType::AlarmLevelRaised)
            continue;
        const bool recent = event.time.isValid() && qAbs(event.time.secsTo(current)) <= recentEventSeconds();
        if (!live && !recent)
            continue;
        // alarm.opened and alarm.level-raised both carry the (new) level as "level".
        JhAlarmLevel level = JhAlarmLevel::Warning;
        if (!JhEnumNames::parse(event.payload.value(QStringLiteral("level")).toString(), level)) {
            const JhAlarm *alarm =
                mClient->state().alarm(event.payload.value(QStringLiteral("alarmId")).toString());
            if (alarm)
                level = alarm->level;
        }
        worst = qMax(worst, int(level));
    }
    if (worst >= 0 && !isSilenced())
        mPlayer->play(JhAlarmLevel(worst));
}

QString JhAlarmPanel::submitCommand(JhCommandType type, const QJsonObject &payload)
{
    if (!mClient)
        return QString();
    const QString alarmId = payload.value(QStringLiteral("alarmId")).toString();
    const QString id = mClient->submit(type, payload);
    mCommandAlarms.insert(id, alarmId);
    mCommandTypes.insert(id, type);
    mModel->setCommandStatus(alarmId, JhAlarmTableModel::CommandStatus::Sending);
    mStatus->setText(tr("%1 %2: sending").arg(JhEnumNames::labelZh(type), alarmId));
    return id;
}

void JhAlarmPanel::onCommandAnswered(const JhOutboxEntry &entry)
{
    const auto found = mCommandAlarms.constFind(entry.command.id);
    if (found == mCommandAlarms.constEnd())
        return;
    const QString alarmId = *found;
    mCommandAlarms.remove(entry.command.id);
    const JhCommandType type = mCommandTypes.take(entry.command.id);
    if (entry.state == JhOutboxEntry::State::Accepted) {
        mModel->setCommandStatus(alarmId, JhAlarmTableModel::CommandStatus::Accepted);
        mStatus->setText(tr("%1 %2: accepted").arg(JhEnumNames::labelZh(type), alarmId));
    } else {
        const QString reason =
            entry.result.messageZh.isEmpty() ? entry.result.messageEn : entry.result.messageZh;
        mModel->setCommandStatus(alarmId, JhAlarmTableModel::CommandStatus::Refused, reason);
        mStatus->setText(tr("%1 %2: refused: %3").arg(JhEnumNames::labelZh(type), alarmId, reason));
    }
}

void JhAlarmPanel::openDialog(int mode)
{
    const JhAlarm *current = currentAlarm();
    if (!current || !mClient)
        return;
    const JhAlarm alarm = *current; // the row may change while the dialog is open
    const JhSite *site = mClient->state().site(alarm.siteId);
    JhAlarmCommandDialog dialog(JhAlarmCommandDialog::Mode(mode), alarm, site ? site->name : alarm.siteId,
                                site ? site->kind : JhSiteKind::AirTownship, this);
    if (dialog.exec() == QDialog::Accepted)
        submitCommand(dialog.commandType(), dialog.payload());
}

void JhAlarmPanel::acknowledgeCurrent()
{
    if (mAcknowledge->isEnabled())
        openDialog(int(JhAlarmCommandDialog::Mode::Acknowledge));
}

void JhAlarmPanel::escalateCurrent()
{
    if (mEscalate->isEnabled())
        openDialog(int(JhAlarmCommandDialog::Mode::Escalate));
}

void JhAlarmPanel::closeCurrent()
{
    if (mClose->isEnabled())
        openDialog(int(JhAlarmCommandDialog::Mode::Close));
}

void JhAlarmPanel::showCurrentDetails()
{
    const JhAlarm *alarm = currentAlarm();
    if (alarm)
        emit detailsRequested(alarm->siteId);
}
