// The dialog behind the alarm actions: a note for acknowledge and close; title, type and level for escalate.
#pragma once

#include "jhalarm.h"
#include "jhdomaintypes.h"

#include <QDialog>
#include <QJsonObject>

class QComboBox;
class QLineEdit;
class QPlainTextEdit;

//! Shows what the alarm is and asks for what the command needs; payload() is ready for JhSyncClient::submit.
class JhAlarmCommandDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Mode
    {
        Acknowledge,
        Escalate,
        Close
    };

    //! \a siteName and \a siteKind prefill the escalation (title "<site> <rule>", type from the site kind).
    JhAlarmCommandDialog(Mode mode, const JhAlarm &alarm, const QString &siteName, JhSiteKind siteKind,
                         QWidget *parent = nullptr);

    JhCommandType commandType() const;
    QJsonObject payload() const;

    QLineEdit *titleEdit() const { return mTitle; }
    QPlainTextEdit *noteEdit() const { return mNote; }

    //! The incident type an alarm of this site kind most likely is.
    static JhIncidentType incidentTypeFor(JhSiteKind kind);
    //! Serious alarms escalate to a 较大 (III) incident, others to 一般 (IV).
    static JhIncidentLevel incidentLevelFor(JhAlarmLevel level);

private:
    Mode mMode;
    JhAlarm mAlarm;
    QLineEdit *mTitle = nullptr;
    QComboBox *mType = nullptr;
    QComboBox *mLevel = nullptr;
    QPlainTextEdit *mNote = nullptr;
};
