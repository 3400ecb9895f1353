// The station detail dock: what a duty officer checks about one site before acting on its alarm.
#include "jhsitedetailpanel.h"

#include "jhenumnames.h"
#include "jhfactorchartview.h"
#include "jhlivelabels.h"
#include "jhsyncclient.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QTableWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace {
QTableWidget *makeTable(const QStringList &headers, QWidget *parent)
{
    auto *table = new QTableWidget(0, headers.size(), parent);
    table->setHorizontalHeaderLabels(headers);
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->horizontalHeader()->setStretchLastSection(true);
    table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    table->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    return table;
}

QString intervalLabel(JhIntervalKind interval)
{
    switch (interval) {
    case JhIntervalKind::Realtime:
        return QStringLiteral("实时");
    case JhIntervalKind::Minute:
        return QStringLiteral("分钟");
    case JhIntervalKind::Hour:
        return QStringLiteral("小时");
    case JhIntervalKind::Day:
        return QStringLiteral("日");
    }
    return QString();
}

// Table height that shows every row without its own scroll bar.
void fitHeight(QTableWidget *table)
{
    const int header = table->horizontalHeader()->sizeHint().height();
    const int scrollBar = table->horizontalScrollBar()->sizeHint().height();
    table->setFixedHeight(header + table->verticalHeader()->length() + scrollBar + 2 * table->frameWidth() +
                          2);
}
} // namespace

JhSiteDetailPanel::JhSiteDetailPanel(JhSyncClient *client, QWidget *parent)
    : QWidget(parent), mClient(client), mClock([]() { return QDateTime::currentDateTimeUtc(); })
{
    setObjectName(QStringLiteral("siteDetailPanel"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    outer->addWidget(scroll);
    auto *content = new QWidget(scroll);
    scroll->setWidget(content);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(6, 6, 6, 6);

    mTitle = new QLabel(tr("No site selected: choose an alarm, a map feature or search (Ctrl+F)."), content);
    mTitle->setObjectName(QStringLiteral("siteTitle"));
    mTitle->setWordWrap(true);
    QFont big = mTitle->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    mTitle->setFont(big);
    layout->addWidget(mTitle);
    mMetadata = new QLabel(content);
    mMetadata->setObjectName(QStringLiteral("siteMetadata"));
    mMetadata->setWordWrap(true);
    mMetadata->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(mMetadata);
    mState = new QLabel(content);
    mState->setObjectName(QStringLiteral("siteState"));
    mState->setWordWrap(true);
    layout->addWidget(mState);
    mJudgement = new QLabel(content);
    mJudgement->setObjectName(QStringLiteral("siteJudgement"));
    mJudgement->setWordWrap(true);
    layout->addWidget(mJudgement);

    // The curves first: what a duty officer opens a station for; the tables follow.
    auto *chartHeader = new QHBoxLayout;
    chartHeader->addWidget(new QLabel(QStringLiteral("<b>%1</b>").arg(tr("Last 24 hours")), content));
    mInterval = new QComboBox(content);
    mInterval->setObjectName(QStringLiteral("siteSeriesInterval"));
    mInterval->addItem(tr("Hourly values"), int(JhIntervalKind::Hour));
    mInterval->addItem(tr("Minute values"), int(JhIntervalKind::Minute));
    chartHeader->addWidget(mInterval);
    mRefresh = new QToolButton(content);
    mRefresh->setText(tr("Refresh"));
    mRefresh->setToolTip(tr("Ask central for the series again"));
    chartHeader->addWidget(mRefresh);
    chartHeader->addStretch(1);
    layout->addLayout(chartHeader);
    mChartStatus = new QLabel(content);
    mChartStatus->setObjectName(QStringLiteral("siteChartStatus"));
    mChartStatus->setWordWrap(true);
    layout->addWidget(mChartStatus);
    mChartLayout = new QVBoxLayout;
    layout->addLayout(mChartLayout);
    layout->addWidget(new QLabel(QStringLiteral("<b>%1</b>").arg(tr("Latest values")), content));
    mFactors = makeTable(
        {tr("Factor"), tr("Value"), tr("Interval"), tr("Data flag"), tr("Data time"), tr("Age")}, content);
    mFactors->setObjectName(QStringLiteral("siteFactors"));
    layout->addWidget(mFactors);

    layout->addWidget(new QLabel(QStringLiteral("<b>%1</b>").arg(tr("Alarms of the site")), content));
    mAlarms =
        makeTable({tr("Time"), tr("Factor"), tr("Rule"), tr("Level"), tr("State"), tr("Message")}, content);
    mAlarms->setObjectName(QStringLiteral("siteAlarms"));
    layout->addWidget(mAlarms);

    layout->addStretch(1);

    mSeriesDelay = new QTimer(this);
    mSeriesDelay->setSingleShot(true);
    mSeriesDelay->setInterval(250);
    connect(mSeriesDelay, &QTimer::timeout, this, &JhSiteDetailPanel::requestSeries);
    connect(mInterval, QOverload<int>::of(&QComboBox::currentIndexChanged), this,
            &JhSiteDetailPanel::requestSeries);
    connect(mRefresh, &QToolButton::clicked, this, &JhSiteDetailPanel::requestSeries);
    if (mClient) {
        connect(mClient, &JhSyncClient::stateChanged, this, &JhSiteDetailPanel::onStateChanged);
        connect(mClient, &JhSyncClient::siteStatusesChanged, this, [this](const QStringList &ids, bool full) {
            if (!mSiteId.isEmpty() && (full || ids.contains(mSiteId)))
                refreshStatus();
        });
        connect(mClient, &JhSyncClient::queryAnswered, this, &JhSiteDetailPanel::onQueryAnswered);
    }
    mFactors->hide();
    mAlarms->hide();
}

QString JhSiteDetailPanel::factorName(const QString &code) const
{
    const auto factor = mClient->state().factors().constFind(code);
    if (factor == mClient->state().factors().constEnd() || factor->nameZh.isEmpty())
        return code;
    return factor->nameZh;
}

void JhSiteDetailPanel::showSite(const QString &siteId)
{
    if (!mClient)
        return;
    mSiteId = siteId;
    refreshMetadata();
    refreshStatus();
    refreshAlarms();
    clearCharts();
    mQueryId.clear();
    mChartStatus->setText(tr("Loading the last 24 hours…"));
    mSeriesDelay->start();
}

bool JhSiteDetailPanel::isLoading() const
{
    return mSeriesDelay->isActive() || !mQueryId.isEmpty();
}

void JhSiteDetailPanel::refreshMetadata()
{
    const JhSite *site = mClient->state().site(mSiteId);
    if (!site) {
        mTitle->setText(tr("Site %1 is not known.").arg(mSiteId));
        mMetadata->clear();
        return;
    }
    mTitle->setText(QStringLiteral("%1  <span style='font-weight:normal;color:#666'>%2</span>")
                        .arg(site->name.toHtmlEscaped(), site->id.toHtmlEscaped()));
    mTitle->setTextFormat(Qt::RichText);
    QStringList rows;
    auto row = [&rows](const QString &label, const QString &value) {
        if (!value.isEmpty())
            rows << QStringLiteral("<tr><td style='color:#555;padding-right:8px'>%1</td><td>%2</td></tr>")
                        .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
    };
    row(tr("Kind"), JhEnumNames::labelZh(site->kind));
    row(tr("County"), JhLiveLabels::countyName(site->countyCode));
    row(tr("MN"), site->mn);
    row(tr("Station code"), site->stationCode);
    row(tr("Network"), site->network);
    row(tr("Protocol"), JhEnumNames::labelZh(site->protocolVersion));
    if (site->isWater())
        row(tr("Target class"), JhLiveLabels::waterClass(site->waterTargetClass));
    if (!site->noiseZone.isEmpty())
        row(tr("Noise zone"), tr("Zone %1 (GB 3096-2008)").arg(site->noiseZone));
    QStringList limits;
    for (const JhPermittedLimit &limit : site->permittedLimits)
        limits
            << QStringLiteral("%1 %2 %3").arg(factorName(limit.factorCode)).arg(limit.limit).arg(limit.unit);
    row(tr("Permitted limits"), limits.join(QStringLiteral("；")));
    row(tr("Position"), QStringLiteral("%1, %2%3")
                            .arg(site->longitude, 0, 'f', 5)
                            .arg(site->latitude, 0, 'f', 5)
                            .arg(site->approximateLocation ? tr(" (approximate)") : QString()));
    mMetadata->setText(QStringLiteral("<table>%1</table>").arg(rows.join(QString())));
}

void JhSiteDetailPanel::refreshStatus()
{
    const JhSite *site = mClient->state().site(mSiteId);
    const JhSiteStatus *status = mClient->siteStatus(mSiteId);
    const QDateTime current = now();
    if (!status) {
        mState->setText(tr("No live status for this site yet."));
        mJudgement->clear();
        mFactors->setRowCount(0);
        mFactors->hide();
        return;
    }
    QString state = tr("State: %1").arg(JhEnumNames::labelZh(status->state));
    if (status->lastDataAt.isValid())
        state += tr(" · last data %1 (age %2)")
                     .arg(JhLiveLabels::beijingTime(status->lastDataAt),
                          JhLiveLabels::age(status->lastDataAt, current));
    if (status->state == JhSiteState::Offline && status->offlineSince.isValid())
        state += tr(" · offline since %1").arg(JhLiveLabels::beijingTime(status->offlineSince));
    if (status->openAlarms)
        state += tr(" · %1 alarm(s) not closed, worst %2")
                     .arg(status->openAlarms)
                     .arg(JhEnumNames::labelZh(status->worstLevel));
    mState->setText(state);

    QStringList judgement;
    if (site && site->isAir() && status->air.valid) {
        QStringList iaqi;
        for (auto it = status->air.iaqi.constBegin(); it != status->air.iaqi.constEnd(); ++it)
            iaqi << QStringLiteral("%1 %2").arg(factorName(it.key())).arg(it.value());
        judgement << QStringLiteral("<span style='background:%1;padding:2px'>&nbsp;AQI %2 %3&nbsp;</span>")
                         .arg(status->air.colour.isEmpty() ? QStringLiteral("#ddd") : status->air.colour)
                         .arg(status->air.aqi)
                         .arg(status->air.categoryZh.toHtmlEscaped());
        if (!status->air.primaryPollutants.isEmpty()) {
            QStringList primary;
            for (const QString &code : status->air.primaryPollutants)
                primary << factorName(code);
            judgement << tr("primary pollutant %1").arg(primary.join(QStringLiteral("、")));
        }
        judgement << tr("IAQI: %1").arg(iaqi.join(QStringLiteral("，")));
        judgement << QStringLiteral("%1 %2%3").arg(
            JhLiveLabels::beijingTime(status->air.hour), status->air.standard,
            status->air.complete ? QString() : tr(" (incomplete hour)"));
    }
    if (site && site->isWater() && status->water.valid)
        judgement << tr("Water class %1, target %2: %3")
                         .arg(JhLiveLabels::waterClass(status->water.overallClass),
                              JhLiveLabels::waterClass(status->water.targetClass),
                              status->water.meetsTarget ? tr("meets the target")
                                                        : QStringLiteral("<b style='color:#c62828'>%1</b>")
                                                              .arg(tr("worse than the target")));
    if (status->noise.valid)
        judgement << tr("LAeq %1 dB(A), %2 limit %3 dB(A)%4")
                         .arg(status->noise.leq)
                         .arg(status->noise.night ? tr("night") : tr("day"))
                         .arg(status->noise.limit)
                         .arg(status->noise.exceeded ? tr(": exceeded") : QString());
    if (status->source.valid)
        judgement << tr("%1 %2 of permitted %3 (%4×)")
                         .arg(factorName(status->source.factorCode))
                         .arg(status->source.value)
                         .arg(status->source.limit)
                         .arg(status->source.ratio, 0, 'f', 2);
    mJudgement->setText(judgement.join(QStringLiteral(" · ")));

    mFactors->setRowCount(status->factors.size());
    for (int i = 0; i < status->factors.size(); ++i) {
        const JhFactorStatus &factor = status->factors.at(i);
        const auto known = mClient->state().factors().constFind(factor.factorCode);
        const QString unit = known != mClient->state().factors().constEnd() ? known->unit : QString();
        const QString flag = factor.flag.isEmpty() ? QStringLiteral("N") : factor.flag;
        const QStringList cells = {factorName(factor.factorCode),
                                   QStringLiteral("%1 %2").arg(factor.value).arg(unit).trimmed(),
                                   intervalLabel(factor.interval),
                                   QStringLiteral("%1 %2").arg(flag, JhLiveLabels::flagName(flag)),
                                   JhLiveLabels::beijingTime(factor.dataTime),
                                   JhLiveLabels::age(factor.dataTime, current)};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            if (column == 3 && !JhLiveLabels::isValidFlag(factor.flag))
                item->setForeground(QColor(0xc6, 0x28, 0x28));
            if (column == 0)
                item->setToolTip(factor.factorCode);
            mFactors->setItem(i, column, item);
        }
    }
    mFactors->resizeColumnsToContents();
    mFactors->setVisible(status->factors.size() > 0);
    fitHeight(mFactors);
}

void JhSiteDetailPanel::refreshAlarms()
{
    QList<const JhAlarm *> alarms;
    for (const JhAlarm &alarm : mClient->state().alarms())
        if (alarm.siteId == mSiteId)
            alarms.append(&alarm);
    std::sort(alarms.begin(), alarms.end(), [](const JhAlarm *a, const JhAlarm *b) {
        if (a->isActive() != b->isActive())
            return a->isActive();
        return a->openedAt > b->openedAt;
    });
    const int shown = qMin(alarms.size(), 20);
    mAlarms->setRowCount(shown);
    for (int i = 0; i < shown; ++i) {
        const JhAlarm &alarm = *alarms.at(i);
        const QStringList cells = {
            JhLiveLabels::beijingTime(alarm.openedAt), factorName(alarm.factorCode),
            JhLiveLabels::ruleName(alarm.ruleId),      JhEnumNames::labelZh(alarm.level),
            JhEnumNames::labelZh(alarm.state),         alarm.message};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            item->setToolTip(alarm.message);
            if (!alarm.isActive())
                item->setForeground(QColor(0x80, 0x80, 0x80));
            mAlarms->setItem(i, column, item);
        }
    }
    mAlarms->resizeColumnsToContents();
    mAlarms->setVisible(shown > 0);
    fitHeight(mAlarms);
}

void JhSiteDetailPanel::onStateChanged(const JhStateChange &change)
{
    if (mSiteId.isEmpty())
        return;
    if (change.replaced) {
        refreshMetadata();
        refreshAlarms();
        return;
    }
    for (const QString &id : change.alarmIds) {
        const JhAlarm *alarm = mClient->state().alarm(id);
        if (alarm && alarm->siteId == mSiteId) {
            refreshAlarms();
            return;
        }
    }
}

void JhSiteDetailPanel::requestSeries()
{
    mSeriesDelay->stop();
    if (!mClient || mSiteId.isEmpty())
        return;
    const JhSite *site = mClient->state().site(mSiteId);
    if (!site || site->factorCodes.isEmpty()) {
        clearCharts();
        mChartStatus->setText(tr("The site reports no factors."));
        return;
    }
    JhSeriesQuery query;
    query.siteId = mSiteId;
    query.factorCodes = site->factorCodes;
    query.interval = JhIntervalKind(mInterval->currentData().toInt());
    // Whole minutes, so that the same question asked offline finds the cached answer.
    const QDateTime to = QDateTime::fromSecsSinceEpoch(now().toSecsSinceEpoch() / 60 * 60, Qt::UTC);
    query.from = to.addSecs(-24 * 3600);
    query.to = to;
    query.maxPoints = 300;
    mQueryId = mClient->query(query);
    mChartStatus->setText(tr("Loading the last 24 hours…"));
}

void JhSiteDetailPanel::clearCharts()
{
    for (JhFactorChartView *chart : qAsConst(mCharts))
        chart->deleteLater();
    mCharts.clear();
}

void JhSiteDetailPanel::onQueryAnswered(const JhSeriesResult &result, const QDateTime &cachedAt)
{
    if (result.queryId != mQueryId)
        return; // an older question, or another panel's
    mQueryId.clear();
    if (!result.isOk()) {
        clearCharts();
        const QString message = result.messageZh.isEmpty() ? result.messageEn : result.messageZh;
        mChartStatus->setText(
            QStringLiteral("<span style='color:#c62828'>%1</span>")
                .arg(tr("The series could not be loaded: %1").arg(message.toHtmlEscaped())));
        return;
    }
    clearCharts();
    QStringList notes;
    if (cachedAt.isValid())
        notes << tr("From the cache (%1)").arg(JhLiveLabels::beijingTime(cachedAt));
    int empty = 0;
    for (const JhSeriesResult::Factor &factor : result.factors) {
        if (factor.points.isEmpty()) {
            ++empty;
            continue;
        }
        auto *chart = new JhFactorChartView(this);
        chart->setObjectName(QStringLiteral("chart-%1").arg(factor.factorCode));
        chart->setFactor(factor, factorName(factor.factorCode), result.from, result.to);
        chart->setMinimumHeight(240);
        mChartLayout->addWidget(chart);
        mCharts.append(chart);
        if (factor.downsampled)
            notes << tr("%1: %2 stored values shown as minimum and maximum per %3 min")
                         .arg(factorName(factor.factorCode))
                         .arg(factor.storedPoints)
                         .arg(factor.bucketSeconds / 60);
    }
    if (empty)
        notes << tr("%n factor(s) without data in the last 24 hours", nullptr, empty);
    mChartStatus->setText(notes.join(QStringLiteral(" · ")));
}
