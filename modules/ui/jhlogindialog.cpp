// First-run login dialog.
#include "jhlogindialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

JhLoginDialog::JhLoginDialog(const QString &url, QWidget *parent)
    : QDialog(parent), mUrl(new QLineEdit(url, this)), mToken(new QLineEdit(this)),
      mRemember(new QCheckBox(this))
{
    setWindowTitle(tr("Connect to the central service"));
    mUrl->setObjectName(QStringLiteral("loginUrl"));
    mToken->setObjectName(QStringLiteral("loginToken"));
    mToken->setEchoMode(QLineEdit::Password);
    mUrl->setPlaceholderText(QStringLiteral("ws://127.0.0.1:6080"));
    mToken->setToolTip(tr("The token your administrator issued with `jianghai-central user add`"));
    mRemember->setText(tr("Remember on this computer (token in the system keyring)"));
    mRemember->setChecked(true);
    auto *form = new QFormLayout(this);
    form->addRow(
        new QLabel(tr("The workstation needs the address of the central service and your token."), this));
    form->addRow(tr("Central service"), mUrl);
    form->addRow(tr("Token"), mToken);
    form->addRow(mRemember);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Connect"));
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto check = [this, buttons]() {
        const QString text = mUrl->text().trimmed();
        buttons->button(QDialogButtonBox::Ok)
            ->setEnabled(
                (text.startsWith(QLatin1String("ws://")) || text.startsWith(QLatin1String("wss://"))) &&
                !mToken->text().trimmed().isEmpty());
    };
    connect(mUrl, &QLineEdit::textChanged, this, check);
    connect(mToken, &QLineEdit::textChanged, this, check);
    check();
}

QString JhLoginDialog::url() const
{
    return mUrl->text().trimmed();
}

QString JhLoginDialog::token() const
{
    return mToken->text().trimmed();
}

bool JhLoginDialog::remember() const
{
    return mRemember->isChecked();
}
