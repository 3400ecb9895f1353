// The 24-hour chart of one factor in the station detail.
#include "jhfactorchartview.h"

#include "jhlivelabels.h"

#include <QtCharts/QAreaSeries>
#include <QtCharts/QChart>
#include <QtCharts/QDateTimeAxis>
#include <QtCharts/QLegendMarker>
#include <QtCharts/QLineSeries>
#include <QtCharts/QScatterSeries>
#include <QtCharts/QValueAxis>

#include <cmath>

using namespace QtCharts;

namespace {
const QColor sBandColours[] = {QColor(0, 228, 0), QColor(255, 255, 0), QColor(255, 126, 0),
                               QColor(255, 0, 0), QColor(153, 0, 76),  QColor(126, 0, 35)};
}

JhFactorChartView::JhFactorChartView(QWidget *parent) : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(200);
    auto *chart = new QChart;
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(2, 2, 2, 2));
    setChart(chart);
}

QList<QList<JhSeriesResult::Point>> JhFactorChartView::segments(const JhSeriesResult::Factor &factor)
{
    QList<QList<JhSeriesResult::Point>> runs;
    const qint64 maxStep = factor.expectedIntervalSeconds > 0 ? factor.expectedIntervalSeconds * 3 / 2 : 0;
    const qint64 bucket = factor.downsampled ? factor.bucketSeconds : 0;
    for (int i = 0; i < factor.points.size(); ++i) {
        const JhSeriesResult::Point &point = factor.points.at(i);
        bool breakHere = runs.isEmpty();
        if (!breakHere) {
            const QDateTime previous = runs.last().last().dataTime;
            for (const JhSeriesResult::Gap &gap : factor.gaps)
                if (gap.from > previous && gap.from < point.dataTime) {
                    breakHere = true;
                    break;
                }
            if (!breakHere && maxStep > 0 && previous.secsTo(point.dataTime) > qMax(maxStep, bucket * 2))
                breakHere = true;
        }
        if (breakHere)
            runs.append(QList<JhSeriesResult::Point>());
        runs.last().append(point);
    }
    return runs;
}

int JhFactorChartView::pointCount() const
{
    int count = 0;
    for (const QLineSeries *segment : mSegments)
        count += segment->count();
    return count;
}

void JhFactorChartView::setFactor(const JhSeriesResult::Factor &factor, const QString &title,
                                  const QDateTime &from, const QDateTime &to)
{
    QChart *chart = this->chart();
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes())
        chart->removeAxis(axis), delete axis;
    mSegments.clear();
    chart->setTitle(factor.unit.isEmpty() ? title : QStringLiteral("%1 (%2)").arg(title, factor.unit));

    auto *xAxis = new QDateTimeAxis;
    xAxis->setFormat(QStringLiteral("HH:mm"));
    xAxis->setTickCount(7);
    xAxis->setRange(from.toLocalTime(), to.toLocalTime());
    auto *yAxis = new QValueAxis;
    yAxis->setLabelFormat(QStringLiteral("%.4g"));
    chart->addAxis(xAxis, Qt::AlignBottom);
    chart->addAxis(yAxis, Qt::AlignLeft);

    double maxValue = 0;
    double minValue = 0;
    for (const JhSeriesResult::Point &point : factor.points) {
        maxValue = qMax(maxValue, point.value);
        minValue = qMin(minValue, point.value);
    }
    // The value range first: an axis whose range changes after series are attached elides its labels.
    double top = maxValue;
    for (const JhSeriesResult::Reference &reference : factor.references) {
        if (reference.kind == JhSeriesResult::Reference::Kind::Limit && !std::isnan(reference.value))
            top = qMax(top, reference.value);
        else if (reference.kind == JhSeriesResult::Reference::Kind::Band && !std::isnan(reference.upper) &&
                 !std::isnan(reference.lower) && reference.lower <= qMax(maxValue * 1.2, 1.0))
            top = qMax(top, qMin(reference.upper, maxValue * 1.5 + 1));
    }
    // At most four intervals of a round step: more labels than fit in the height are elided to "...".
    const double bottom = qMin(0.0, minValue);
    const double span = (top > 0 ? top * 1.05 : 1.0) - bottom;
    const double magnitude = std::pow(10.0, std::floor(std::log10(span / 4)));
    double step = magnitude * 10;
    for (double candidate : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (candidate * magnitude * 4 >= span) {
            step = candidate * magnitude;
            break;
        }
    const int intervals = int(std::ceil(span / step - 1e-9));
    yAxis->setRange(bottom, bottom + intervals * step);
    yAxis->setTickCount(intervals + 1);
    // Attaching a series reaching beyond the range widens the axis (and elides its labels): clip to it.
    const double yMin = yAxis->min();
    const double yMax = yAxis->max();
    const qint64 fromMs = from.toMSecsSinceEpoch();
    const qint64 toMs = to.toMSecsSinceEpoch();

    // Bands first (behind), only those that start within reach of the data.
    int bandIndex = 0;
    for (const JhSeriesResult::Reference &reference : factor.references) {
        if (reference.kind != JhSeriesResult::Reference::Kind::Band)
            continue;
        const int colour = bandIndex++;
        if (std::isnan(reference.lower) || std::isnan(reference.upper) ||
            reference.lower > qMax(maxValue * 1.2, 1.0))
            continue;
        const qint64 a = reference.from.isValid() ? qMax(fromMs, reference.from.toMSecsSinceEpoch()) : fromMs;
        const qint64 b = reference.to.isValid() ? qMin(toMs, reference.to.toMSecsSinceEpoch()) : toMs;
        auto *upper = new QLineSeries;
        auto *lower = new QLineSeries;
        const double high = qBound(yMin, reference.upper, yMax);
        const double low = qBound(yMin, reference.lower, yMax);
        upper->append(a, high);
        upper->append(b, high);
        lower->append(a, low);
        lower->append(b, low);
        auto *area = new QAreaSeries(upper, lower);
        area->setName(reference.labelZh.isEmpty() ? reference.label : reference.labelZh);
        QColor fill = sBandColours[qMin(colour, 5)];
        fill.setAlpha(45);
        area->setBrush(fill);
        area->setPen(Qt::NoPen);
        chart->addSeries(area);
        area->attachAxis(xAxis);
        area->attachAxis(yAxis);
    }

    // Limit lines.
    for (const JhSeriesResult::Reference &reference : factor.references) {
        if (reference.kind != JhSeriesResult::Reference::Kind::Limit || std::isnan(reference.value) ||
            reference.value > yMax)
            continue;
        const qint64 a = reference.from.isValid() ? qMax(fromMs, reference.from.toMSecsSinceEpoch()) : fromMs;
        const qint64 b = reference.to.isValid() ? qMin(toMs, reference.to.toMSecsSinceEpoch()) : toMs;
        auto *line = new QLineSeries;
        line->setName(reference.labelZh.isEmpty() ? reference.label : reference.labelZh);
        line->append(a, reference.value);
        line->append(b, reference.value);
        QPen pen(reference.target ? QColor(0xc6, 0x28, 0x28) : QColor(0xe0, 0x6c, 0x00));
        pen.setStyle(Qt::DashLine);
        pen.setWidthF(1.5);
        line->setPen(pen);
        chart->addSeries(line);
        line->attachAxis(xAxis);
        line->attachAxis(yAxis);
    }

    // Data: one segment per run; a lone point is drawn as a marker so it is not lost.
    const QList<QList<JhSeriesResult::Point>> runs = segments(factor);
    const QColor dataColour(0x1f, 0x6f, 0xb5);
    auto *invalid = new QScatterSeries;
    invalid->setName(tr("Flagged values"));
    invalid->setMarkerSize(7);
    invalid->setColor(QColor(0x90, 0x90, 0x90));
    for (int i = 0; i < runs.size(); ++i) {
        auto *segment = new QLineSeries;
        segment->setName(i == 0 ? tr("Measured") : QString());
        segment->setPen(QPen(dataColour, 2));
        segment->setPointsVisible(runs.at(i).size() == 1);
        for (const JhSeriesResult::Point &point : runs.at(i)) {
            segment->append(point.dataTime.toMSecsSinceEpoch(), point.value);
            if (!JhLiveLabels::isValidFlag(point.flag))
                invalid->append(point.dataTime.toMSecsSinceEpoch(), point.value);
        }
        chart->addSeries(segment);
        segment->attachAxis(xAxis);
        segment->attachAxis(yAxis);
        mSegments.append(segment);
    }
    if (invalid->count()) {
        chart->addSeries(invalid);
        invalid->attachAxis(xAxis);
        invalid->attachAxis(yAxis);
    } else {
        delete invalid;
    }
    // Only one legend entry for the data and none for unnamed series.
    for (QLegendMarker *marker : chart->legend()->markers())
        if (marker->label().isEmpty())
            marker->setVisible(false);
}
