// Registry of the workstation's docks: one place where panels are added, found and toggled.
#include "jhdockregistry.h"

#include <QAction>
#include <QDockWidget>
#include <QMainWindow>

JhDockRegistry::JhDockRegistry(QMainWindow *window) : QObject(window), mWindow(window)
{}

QDockWidget *JhDockRegistry::registerDock(const JhDockDescriptor &descriptor)
{
    if (descriptor.id.isEmpty() || mDocks.contains(descriptor.id))
        return nullptr;
    auto *dock = new QDockWidget(descriptor.title, mWindow);
    dock->setObjectName(descriptor.id); // saveState() keys docks by object name
    if (descriptor.createWidget)
        dock->setWidget(descriptor.createWidget(dock));
    mWindow->addDockWidget(descriptor.area, dock);
    dock->setVisible(descriptor.visibleByDefault);
    mOrder << descriptor.id;
    mDescriptors.insert(descriptor.id, descriptor);
    mDocks.insert(descriptor.id, dock);
    emit dockRegistered(descriptor.id, dock);
    return dock;
}

QDockWidget *JhDockRegistry::dock(const QString &id) const
{
    return mDocks.value(id, nullptr);
}

QList<QAction *> JhDockRegistry::toggleActions() const
{
    QList<QAction *> actions;
    for (const QString &id : mOrder)
        actions << mDocks.value(id)->toggleViewAction();
    return actions;
}

void JhDockRegistry::applyDefaultPlacement()
{
    for (const QString &id : std::as_const(mOrder)) {
        QDockWidget *dock = mDocks.value(id);
        const JhDockDescriptor &descriptor = mDescriptors[id];
        dock->setFloating(false);
        mWindow->removeDockWidget(dock);
        mWindow->addDockWidget(descriptor.area, dock);
        dock->setVisible(descriptor.visibleByDefault);
    }
}
