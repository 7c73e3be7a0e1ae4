// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/AuthState.h"

#include <QIcon>
#include <QMenu>
#include <QObject>
#include <QPointer>

class QAction;
class QLabel;
class QPushButton;
class QSystemTrayIcon;
class QWidget;

namespace Companion::Ui {

/**
 * The tray icon and its menu: a status line, Connect to Aries / Reconnect, Settings…, Revoke access
 * and Quit. Where the desktop has no system tray (plain GNOME, test machines) the same actions live
 * in a small window, so the app is never left without a way to use it.
 */
class TrayController final : public QObject
{
    Q_OBJECT

public:
    explicit TrayController(QObject *parent = nullptr);
    ~TrayController() override;
    Q_DISABLE_COPY_MOVE(TrayController)

    /** Shows the tray icon, or the window when there is no tray. */
    void show();
    /** @p line is the status in words ("Connected · token valid 52 min"); @p environment "Aries" or "Sandbox". */
    void setStatus(Auth::AuthState state, const QString &line, const QString &environment);
    bool usesTray() const { return m_tray != nullptr; }
    /** The window used when there is no tray (nullptr otherwise); also a parent for dialogs. */
    QWidget *window() const { return m_window; }

    static QIcon iconFor(Auth::AuthState state);
    /** The "Pause trading" switch of the menu (tests toggle it as a person would). */
    QAction *pauseTradingAction() const { return m_pauseAction; }

Q_SIGNALS:
    void connectRequested();
    void settingsRequested();
    void revokeRequested();
    void quitRequested();
    /** "Pause trading" was switched; while paused every order tool refuses at once. */
    void pauseTradingToggled(bool paused);

private:
    QMenu m_menu;
    QAction *m_statusAction = nullptr;
    QAction *m_connectAction = nullptr;
    QAction *m_revokeAction = nullptr;
    QAction *m_pauseAction = nullptr;
    QSystemTrayIcon *m_tray = nullptr;
    QPointer<QWidget> m_window;
    QLabel *m_windowStatus = nullptr;
    QPushButton *m_windowConnect = nullptr;
    QPushButton *m_windowRevoke = nullptr;
};

} // namespace Companion::Ui
