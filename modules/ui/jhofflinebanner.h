// The unmistakable banner over the map while the workstation is not live with central.
#pragma once

#include <QLabel>

class JhSyncClient;

//! A bar across the top of the map: 离线 — showing the state of 14:32 (cached), with the reason; hidden once
//! live. Never covers the map when live; shows "syncing" while a catch-up runs after a reconnect.
class JhOfflineBanner : public QLabel
{
    Q_OBJECT
public:
    JhOfflineBanner(JhSyncClient *client, QWidget *mapWidget);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void update();
    void place();

    JhSyncClient *mClient;
    QWidget *mMap;
};
