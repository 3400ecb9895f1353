// How a dock announces itself to the workstation: id, title, default area and a widget factory.
#pragma once

#include <QString>
#include <QWidget>

#include <functional>

//! One dockable panel; later issues (alarms, tasks, resources …) register theirs the same way.
struct JhDockDescriptor
{
    QString id;    //!< Stable object name: the key of the saved layout, never translated.
    QString title; //!< Translated title shown on the dock and in the panels menu.
    Qt::DockWidgetArea area = Qt::LeftDockWidgetArea;
    bool visibleByDefault = true;
    std::function<QWidget *(QWidget *parent)> createWidget;
};
