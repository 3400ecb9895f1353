// The dialog behind the incident actions: create (title, type, level, position), update (level, status),
// close.
#pragma once

#include "jhdomaintypes.h"
#include "jhincident.h"

#include <QDialog>
#include <QJsonObject>

class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QPlainTextEdit;

//! Asks for what incident.create / incident.update / incident.close need; payload() is ready for
//! JhSyncClient::submit.
class JhIncidentDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Mode
    {
        Create,
        Update,
        Close
    };

    //! \a incident is the one to update or close (ignored for Create); \a longitude / \a latitude prefill a
    //! new incident's position.
    JhIncidentDialog(Mode mode, const JhIncident &incident, double longitude, double latitude,
                     QWidget *parent = nullptr);

    JhCommandType commandType() const;
    QJsonObject payload() const;

    QLineEdit *titleEdit() const { return mTitle; }
    QComboBox *typeCombo() const { return mType; }
    QComboBox *levelCombo() const { return mLevel; }
    QComboBox *statusCombo() const { return mStatus; }
    QDoubleSpinBox *longitudeEdit() const { return mLongitude; }
    QDoubleSpinBox *latitudeEdit() const { return mLatitude; }
    QPlainTextEdit *textEdit() const { return mText; }

private:
    Mode mMode;
    JhIncident mIncident;
    QLineEdit *mTitle = nullptr;
    QComboBox *mType = nullptr;
    QComboBox *mLevel = nullptr;
    QComboBox *mStatus = nullptr;
    QComboBox *mCounty = nullptr;
    QDoubleSpinBox *mLongitude = nullptr;
    QDoubleSpinBox *mLatitude = nullptr;
    QPlainTextEdit *mText = nullptr; //!< description (create) or summary (close)
};
