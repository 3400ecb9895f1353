// Dialog that asks what situation map (态势图) to export: texts, extent, format, resolution, file.
#include "jhexportdialog.h"

#include "jhsituationmapexporter.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QToolButton>

JhExportDialog::JhExportDialog(const QList<JhCounty> &counties, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Export situation map"));
    setObjectName(QStringLiteral("exportDialog"));

    mTitle = new QLineEdit(tr("Nantong environmental situation map"), this);
    mSubtitle = new QLineEdit(tr("Nantong Ecological Environment Monitoring and Control Centre"), this);
    mExtent = new QComboBox(this);
    mExtent->addItem(tr("Whole city (Nantong)"), QStringLiteral("city"));
    for (const JhCounty &county : counties)
        mExtent->addItem(QStringLiteral("%1 (%2)").arg(county.nameZh, county.code), county.code);
    mFormat = new QComboBox(this);
    mFormat->addItem(tr("PDF document"), QStringLiteral("pdf"));
    mFormat->addItem(tr("PNG image"), QStringLiteral("png"));
    mDpi = new QSpinBox(this);
    mDpi->setRange(JhSituationMapExporter::sMinimumDpi, JhSituationMapExporter::sMaximumDpi);
    mDpi->setValue(200);
    mDpi->setSuffix(QStringLiteral(" dpi"));

    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    mOutput = new QLineEdit(QDir(folder.isEmpty() ? QDir::homePath() : folder)
                                .filePath(tr("situation-map") + QStringLiteral(".pdf")),
                            this);
    auto *browseButton = new QToolButton(this);
    browseButton->setText(QStringLiteral("…"));
    browseButton->setToolTip(tr("Choose the output file"));
    connect(browseButton, &QToolButton::clicked, this, &JhExportDialog::browse);
    auto *outputRow = new QHBoxLayout;
    outputRow->addWidget(mOutput, 1);
    outputRow->addWidget(browseButton);

    auto *form = new QFormLayout;
    form->addRow(tr("Title"), mTitle);
    form->addRow(tr("Issuing unit"), mSubtitle);
    form->addRow(tr("Extent"), mExtent);
    form->addRow(tr("Format"), mFormat);
    form->addRow(tr("Resolution"), mDpi);
    form->addRow(tr("Output file"), outputRow);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(mFormat, qOverload<int>(&QComboBox::currentIndexChanged), this, &JhExportDialog::updateSuffix);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    resize(520, sizeHint().height());
}

JhSituationMapRequest JhExportDialog::request(const QDateTime &dateTime) const
{
    JhSituationMapRequest request;
    request.title = mTitle->text().trimmed();
    request.subtitle = mSubtitle->text().trimmed();
    request.extent = mExtent->currentData().toString();
    JhSituationMapRequest::formatFromName(mFormat->currentData().toString(), &request.format);
    request.dpi = mDpi->value();
    request.outputPath = mOutput->text().trimmed();
    request.dateTime = dateTime;
    return request;
}

void JhExportDialog::setOutputPath(const QString &path)
{
    mOutput->setText(path);
}

void JhExportDialog::setTitle(const QString &title)
{
    mTitle->setText(title);
}

void JhExportDialog::browse()
{
    const bool pdf = mFormat->currentData().toString() == QLatin1String("pdf");
    const QString filter = pdf ? tr("PDF document (*.pdf)") : tr("PNG image (*.png)");
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export situation map"), mOutput->text(), filter);
    if (!path.isEmpty())
        mOutput->setText(path);
}

void JhExportDialog::updateSuffix()
{
    const QString suffix = mFormat->currentData().toString();
    const QFileInfo info(mOutput->text());
    if (info.suffix().compare(suffix, Qt::CaseInsensitive) != 0 && !info.completeBaseName().isEmpty())
        mOutput->setText(info.dir().filePath(info.completeBaseName() + QLatin1Char('.') + suffix));
}
