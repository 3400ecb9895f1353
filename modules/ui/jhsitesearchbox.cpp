// The site search box of the toolbar.
#include "jhsitesearchbox.h"

#include "jhenumnames.h"
#include "jhlivelabels.h"
#include "jhstatechange.h"
#include "jhsyncclient.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QShortcut>
#include <QStandardItemModel>

JhSiteSearchBox::JhSiteSearchBox(JhSyncClient *client, QWidget *parent) : QLineEdit(parent)
{
    setObjectName(QStringLiteral("siteSearch"));
    setPlaceholderText(tr("Search site: name, MN, code, county (Ctrl+F)"));
    setToolTip(tr("Find a site by name, MN, station code or county (Ctrl+F)"));
    setClearButtonEnabled(true);
    setMinimumWidth(260);
    mSites = new QStandardItemModel(this);
    mCompleter = new QCompleter(mSites, this);
    mCompleter->setCaseSensitivity(Qt::CaseInsensitive);
    mCompleter->setFilterMode(Qt::MatchContains);
    mCompleter->setCompletionRole(Qt::DisplayRole);
    mCompleter->setMaxVisibleItems(12);
    setCompleter(mCompleter);
    connect(mCompleter, QOverload<const QModelIndex &>::of(&QCompleter::activated), this,
            [this](const QModelIndex &index) {
                const QString id = index.data(Qt::UserRole).toString();
                if (!id.isEmpty())
                    emit siteActivated(id);
            });
    connect(this, &QLineEdit::returnPressed, this, &JhSiteSearchBox::activateText);
    auto *focus = new QShortcut(QKeySequence::Find, this, nullptr, nullptr, Qt::WindowShortcut);
    connect(focus, &QShortcut::activated, this, [this]() {
        setFocus(Qt::ShortcutFocusReason);
        selectAll();
    });
    if (client) {
        setSites(client->state());
        connect(client, &JhSyncClient::stateChanged, this, [this, client](const JhStateChange &change) {
            if (change.replaced)
                setSites(client->state());
        });
    }
}

void JhSiteSearchBox::setSites(const JhWorldState &state)
{
    mSites->clear();
    for (const JhSite &site : state.sites()) {
        QStringList parts = {site.name, site.id, site.mn};
        if (!site.stationCode.isEmpty())
            parts << site.stationCode;
        parts << JhLiveLabels::countyName(site.countyCode) << JhEnumNames::labelZh(site.kind);
        auto *item = new QStandardItem(parts.join(QStringLiteral(" · ")));
        item->setData(site.id, Qt::UserRole);
        mSites->appendRow(item);
    }
    mSites->sort(0);
}

QString JhSiteSearchBox::findSite(const QString &text) const
{
    const QString wanted = text.trimmed();
    if (wanted.isEmpty())
        return QString();
    for (int row = 0; row < mSites->rowCount(); ++row) {
        const QStandardItem *item = mSites->item(row);
        if (item->text() == wanted || item->data(Qt::UserRole).toString() == wanted)
            return item->data(Qt::UserRole).toString();
    }
    for (int row = 0; row < mSites->rowCount(); ++row) {
        const QStandardItem *item = mSites->item(row);
        if (item->text().contains(wanted, Qt::CaseInsensitive))
            return item->data(Qt::UserRole).toString();
    }
    return QString();
}

void JhSiteSearchBox::activateText()
{
    if (mCompleter->popup() && mCompleter->popup()->isVisible())
        return; // the completer's own activation handles it
    const QString id = findSite(text());
    if (!id.isEmpty())
        emit siteActivated(id);
}
