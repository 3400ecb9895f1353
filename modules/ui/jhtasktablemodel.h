// The tasks of the folded state as a table: one row per task, updated in place from the ids a change names.
#pragma once

#include "jhtask.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>
#include <QVector>

class JhWorldState;
struct JhStateChange;

//! Rows of dispatch tasks (任务) with the incident title and team name resolved. updateTasks() touches only
//! the rows of the given ids, never a reset. setOwnTeam() makes a county team's own tasks sort first (the
//! id column's SortRole). JhTask has no due time, so there is no overdue column.
class JhTaskTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        IdColumn,
        IncidentColumn,
        TeamColumn,
        TitleColumn,
        StateColumn,
        UpdatedColumn,
        ColumnCount
    };
    enum Role
    {
        SortRole = Qt::UserRole + 1, //!< raw value to sort by; the id column: own team, then active, then id
        TaskIdRole,
        IncidentIdRole,
        TeamIdRole,
        StateRole,    //!< int(JhTaskState)
        FilterKeyRole //!< "<incident id>\x1f<team id>", for a proxy filtering by incident and team
    };

    explicit JhTaskTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    //! The county team whose tasks come first and show in bold (empty: none).
    void setOwnTeam(const QString &teamId);
    QString ownTeam() const { return mOwnTeam; }

    //! Rebuilds every row (a replaced state); the only place that resets the model.
    void resetFrom(const JhWorldState &state);
    //! Updates, inserts or removes the rows of \a taskIds from \a state.
    void updateTasks(const JhWorldState &state, const QSet<QString> &taskIds);
    //! resetFrom() when the change replaced the state; otherwise the tasks it names, and the tasks of the
    //! incidents it names (their incident title may have changed).
    void applyChange(const JhWorldState &state, const JhStateChange &change);

    int rowOf(const QString &taskId) const { return mRowOfId.value(taskId, -1); }
    const JhTask *taskAt(int row) const;

private:
    struct Row
    {
        JhTask task;
        QString incidentTitle;
        QString teamName;
    };
    Row makeRow(const JhWorldState &state, const JhTask &task) const;

    QVector<Row> mRows;
    QHash<QString, int> mRowOfId;
    QString mOwnTeam;
};
