// First-run login: the central service's address and the user's token.
#pragma once

#include <QDialog>

class QCheckBox;
class QLineEdit;

//! Asks for the central URL (ws:// or wss://) and the API token an administrator issued
//! (`jianghai-central user add`); remembers them when asked to (the token in the keyring).
class JhLoginDialog : public QDialog
{
    Q_OBJECT
public:
    explicit JhLoginDialog(const QString &url, QWidget *parent = nullptr);

    QString url() const;
    QString token() const;
    bool remember() const;

private:
    QLineEdit *mUrl;
    QLineEdit *mToken;
    QCheckBox *mRemember;
};
