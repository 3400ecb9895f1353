// Dialog that asks what situation map (态势图) to export: texts, extent, format, resolution, file.
#pragma once

#include "jhcounty.h"
#include "jhsituationmaprequest.h"

#include <QDialog>
#include <QList>

class QComboBox;
class QLineEdit;
class QSpinBox;

//! Collects a JhSituationMapRequest; the date-time is stamped when the request is taken.
class JhExportDialog : public QDialog
{
    Q_OBJECT

public:
    JhExportDialog(const QList<JhCounty> &counties, QWidget *parent = nullptr);

    //! The request as filled in, stamped with \a dateTime.
    JhSituationMapRequest request(const QDateTime &dateTime) const;
    void setOutputPath(const QString &path);
    void setTitle(const QString &title);

private:
    void browse();
    void updateSuffix();

    QLineEdit *mTitle = nullptr;
    QLineEdit *mSubtitle = nullptr;
    QComboBox *mExtent = nullptr;
    QComboBox *mFormat = nullptr;
    QSpinBox *mDpi = nullptr;
    QLineEdit *mOutput = nullptr;
};
