// Registry of the workstation's docks: one place where panels are added, found and toggled.
#pragma once

#include "jhdockdescriptor.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QStringList>

class QAction;
class QDockWidget;
class QMainWindow;

//! Creates docks from descriptors on a main window, keeps them by id and restores their default placement.
class JhDockRegistry : public QObject
{
    Q_OBJECT

public:
    explicit JhDockRegistry(QMainWindow *window);

    //! Creates the dock and puts it in its default area; null when the id is empty or already taken.
    QDockWidget *registerDock(const JhDockDescriptor &descriptor);
    QDockWidget *dock(const QString &id) const;
    //! Ids in registration order.
    QStringList ids() const { return mOrder; }
    //! Show/hide actions, one per dock, in registration order (for the panels menu).
    QList<QAction *> toggleActions() const;
    //! Puts every dock back in its default area with its default visibility (reset layout).
    void applyDefaultPlacement();

signals:
    void dockRegistered(const QString &id, QDockWidget *dock);

private:
    QMainWindow *mWindow = nullptr;
    QStringList mOrder;
    QHash<QString, JhDockDescriptor> mDescriptors;
    QHash<QString, QDockWidget *> mDocks;
};
