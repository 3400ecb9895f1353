// A county-level division of Nantong with its outline, for point-in-county checks.
#pragma once

#include <QList>
#include <QPointF>
#include <QString>

//! County code, name and outline rings (lon/lat; outer rings and holes, even-odd rule).
struct JhCounty
{
    int code = 0;
    QString name;
    QList<QList<QPointF>> rings;

    //! Even-odd point-in-polygon over all rings (holes count as outside).
    bool contains(double longitude, double latitude) const
    {
        bool inside = false;
        for (const QList<QPointF> &ring : rings) {
            const int count = ring.size();
            for (int i = 0, j = count - 1; i < count; j = i++) {
                const QPointF &a = ring.at(i);
                const QPointF &b = ring.at(j);
                if ((a.y() > latitude) != (b.y() > latitude) &&
                    longitude < (b.x() - a.x()) * (latitude - a.y()) / (b.y() - a.y()) + a.x())
                    inside = !inside;
            }
        }
        return inside;
    }
};
