// The export dialog turns its fields into a situation map request (extent codes, format, dpi, file suffix).
#include "jhexportdialog.h"

#include <QtTest>

#include <QComboBox>
#include <QLineEdit>
#include <QSpinBox>

class TestJhExportDialog : public QObject
{
    Q_OBJECT

private slots:
    void requestFromFields();
    void formatChangesSuffix();
};

namespace {
QList<JhCounty> counties()
{
    JhCounty haimen;
    haimen.code = QStringLiteral("320614");
    haimen.nameZh = QStringLiteral("海门区");
    JhCounty qidong;
    qidong.code = QStringLiteral("320681");
    qidong.nameZh = QStringLiteral("启东市");
    return {haimen, qidong};
}

QComboBox *combo(const JhExportDialog &dialog, int index)
{
    return dialog.findChildren<QComboBox *>().at(index);
}
} // namespace

void TestJhExportDialog::requestFromFields()
{
    JhExportDialog dialog(counties());
    QComboBox *extent = combo(dialog, 0);
    QCOMPARE(extent->count(), 3); // whole city + two counties
    QCOMPARE(extent->itemData(0).toString(), QStringLiteral("city"));
    extent->setCurrentIndex(2);
    dialog.setTitle(QStringLiteral("启东市突发环境事件态势图"));
    dialog.setOutputPath(QStringLiteral("/tmp/qidong.pdf"));
    dialog.findChild<QSpinBox *>()->setValue(300);

    const QDateTime stamp(QDate(2026, 7, 1), QTime(9, 30));
    const JhSituationMapRequest request = dialog.request(stamp);
    QCOMPARE(request.extent, QStringLiteral("320681"));
    QCOMPARE(request.title, QStringLiteral("启东市突发环境事件态势图"));
    QCOMPARE(request.format, JhSituationMapRequest::Format::Pdf);
    QCOMPARE(request.dpi, 300);
    QCOMPARE(request.outputPath, QStringLiteral("/tmp/qidong.pdf"));
    QCOMPARE(request.dateTime, stamp);
    QVERIFY(!request.subtitle.isEmpty());
    if (!qEnvironmentVariableIsEmpty("JH_TEST_KEEP_IMAGES"))
        dialog.grab().save(QDir::temp().filePath(QStringLiteral("tst_jhexportdialog.png")));
}

void TestJhExportDialog::formatChangesSuffix()
{
    JhExportDialog dialog(counties());
    dialog.setOutputPath(QStringLiteral("/tmp/situation.pdf"));
    combo(dialog, 1)->setCurrentIndex(1); // PNG
    const JhSituationMapRequest request = dialog.request(QDateTime(QDate(2026, 7, 1), QTime(9, 30)));
    QCOMPARE(request.format, JhSituationMapRequest::Format::Png);
    QCOMPARE(request.outputPath, QStringLiteral("/tmp/situation.png"));
}

QTEST_MAIN(TestJhExportDialog)
#include "tst_jhexportdialog.moc"
