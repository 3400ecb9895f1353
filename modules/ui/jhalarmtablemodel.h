// The alarms of the folded state as a table: one row per alarm, updated in place from the ids a change names.
#pragma once

#include "jhalarm.h"
#include "jhdomaintypes.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QMap>
#include <QVector>

class JhWorldState;
struct JhStateChange;

//! Rows of alarms with the site, county and factor resolved once per change. updateAlarms() touches only the
//! rows of the given ids (dataChanged / insert / remove, never a reset), so a table of thousands of alarms
//! stays smooth while events stream in. The age column follows setNow() (an injectable clock).
class JhAlarmTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        TimeColumn,
        SiteColumn,
        CountyColumn,
        FactorColumn,
        ValueColumn,
        RuleColumn,
        LevelColumn,
        StateColumn,
        AgeColumn,
        CommandColumn,
        ColumnCount
    };
    enum Role
    {
        SortRole = Qt::UserRole + 1, //!< raw value to sort by (time, number, level rank …)
        AlarmIdRole,
        SiteIdRole,
        StateRole,        //!< int(JhAlarmState)
        LevelRole,        //!< int(JhAlarmLevel)
        CountyRole,       //!< county code
        SiteKindRole,     //!< int(JhSiteKind)
        RuleRole,         //!< rule id
        CommandStatusRole //!< int(CommandStatus)
    };
    //! What became of the last command this workstation sent for an alarm.
    enum class CommandStatus
    {
        None,
        Sending,
        Accepted,
        Refused
    };

    explicit JhAlarmTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    //! Rebuilds every row (a replaced state); the only place that resets the model.
    void resetFrom(const JhWorldState &state);
    //! Updates, inserts or removes the rows of \a alarmIds from \a state.
    void updateAlarms(const JhWorldState &state, const QSet<QString> &alarmIds);
    //! resetFrom() when the change replaced the state, updateAlarms() otherwise.
    void applyChange(const JhWorldState &state, const JhStateChange &change);

    //! Sets the clock of the age column and refreshes that column only.
    void setNow(const QDateTime &now);
    QDateTime now() const { return mNow; }

    //! Records the outcome of a command for \a alarmId (shown in the command column); \a text is the reason.
    void setCommandStatus(const QString &alarmId, CommandStatus status, const QString &text = QString());

    int rowOf(const QString &alarmId) const { return mRowOfId.value(alarmId, -1); }
    const JhAlarm *alarmAt(int row) const;
    //! Alarms per state over every row (closed ones included).
    int count(JhAlarmState state) const { return mCounts.value(state); }
    //! "未确认 3 · 已确认 5 · 已升级 1" (closed ones are not counted in the header).
    QString countsText() const;

signals:
    void countsChanged();

private:
    struct Row
    {
        JhAlarm alarm;
        QString siteName;
        int countyCode = 0;
        JhSiteKind siteKind = JhSiteKind::AirTownship;
        QString factorName;
        QString unit;
        CommandStatus command = CommandStatus::None;
        QString commandText;
    };
    Row makeRow(const JhWorldState &state, const JhAlarm &alarm) const;
    QString commandLabel(const Row &row) const;

    QVector<Row> mRows;
    QHash<QString, int> mRowOfId;
    QMap<JhAlarmState, int> mCounts;
    QDateTime mNow;
};
