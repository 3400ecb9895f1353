// The incidents of the folded state as a table: one row per incident, updated in place from the ids a change
// names.
#pragma once

#include "jhincident.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>
#include <QVector>

class JhWorldState;
struct JhStateChange;

//! Rows of incidents (突发环境事件) with their linked alarm and open task counts. updateIncidents() touches
//! only the rows of the given ids (and of the incidents whose tasks changed), never a reset, so the
//! table keeps its selection while events stream in. Closed incidents stay in the model; the panel's
//! proxy hides them (OpenRole).
class JhIncidentTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        IdColumn,
        TitleColumn,
        TypeColumn,
        LevelColumn,
        StatusColumn,
        CountyColumn,
        OpenedColumn,
        AlarmsColumn,
        OpenTasksColumn,
        ColumnCount
    };
    enum Role
    {
        SortRole = Qt::UserRole + 1, //!< raw value to sort by; the id column sorts open incidents first
        IncidentIdRole,
        StatusRole, //!< int(JhIncidentStatus)
        OpenRole    //!< "open" or "closed", for a proxy that hides closed incidents
    };

    explicit JhIncidentTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    //! Rebuilds every row (a replaced state); the only place that resets the model.
    void resetFrom(const JhWorldState &state);
    //! Updates, inserts or removes the rows of \a incidentIds from \a state.
    void updateIncidents(const JhWorldState &state, const QSet<QString> &incidentIds);
    //! resetFrom() when the change replaced the state; otherwise updates the incidents it names and those of
    //! the tasks it names (their open task counts).
    void applyChange(const JhWorldState &state, const JhStateChange &change);

    int rowOf(const QString &incidentId) const { return mRowOfId.value(incidentId, -1); }
    const JhIncident *incidentAt(int row) const;

private:
    struct Row
    {
        JhIncident incident;
        int openTasks = 0;
    };
    Row makeRow(const JhWorldState &state, const JhIncident &incident) const;

    QVector<Row> mRows;
    QHash<QString, int> mRowOfId;
};
