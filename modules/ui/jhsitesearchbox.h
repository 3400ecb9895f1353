// The site search (Ctrl+F): a line edit completing over site name, MN, station code and county.
#pragma once

#include <QLineEdit>

class JhSyncClient;
class JhWorldState;
class QCompleter;
class QStandardItemModel;

//! Completes on any part of "name · id · MN · station code · county"; choosing a site (or Enter on a text
//! that matches one) emits siteActivated(). Ctrl+F in its window focuses it. Place it in a toolbar.
class JhSiteSearchBox : public QLineEdit
{
    Q_OBJECT

public:
    explicit JhSiteSearchBox(JhSyncClient *client, QWidget *parent = nullptr);

    //! Re-reads the sites (done on a replaced state; call it for a state fed directly).
    void setSites(const JhWorldState &state);
    QCompleter *siteCompleter() const { return mCompleter; }
    //! The site whose search text contains \a text (first by name order), empty when none.
    QString findSite(const QString &text) const;

signals:
    void siteActivated(const QString &siteId);

private:
    void activateText();

    QStandardItemModel *mSites = nullptr;
    QCompleter *mCompleter = nullptr;
};
