// One factor's stored series as a QtCharts chart: line segments broken at gaps, limit lines and class bands.
#pragma once

#include "jhseriesresult.h"

#include <QtCharts/QChartView>
#include <QtCharts/QLineSeries>

//! Draws JhSeriesResult::Factor over [from, to]: a QLineSeries per run of points without a gap between them
//! (a gap is visible as a break), each Limit reference as a dashed line and each Band as a shaded area
//! (bands far above the data are left out so the scale stays readable).
class JhFactorChartView : public QtCharts::QChartView
{
    Q_OBJECT

public:
    explicit JhFactorChartView(QWidget *parent = nullptr);

    void setFactor(const JhSeriesResult::Factor &factor, const QString &title, const QDateTime &from,
                   const QDateTime &to);
    //! Line segments of the data (one per run between gaps).
    QList<QtCharts::QLineSeries *> dataSegments() const { return mSegments; }
    //! Points drawn over all segments.
    int pointCount() const;

    //! Splits \a points into runs at \a gaps and at holes longer than 1.5 expected intervals.
    static QList<QList<JhSeriesResult::Point>> segments(const JhSeriesResult::Factor &factor);

private:
    QList<QtCharts::QLineSeries *> mSegments;
};
