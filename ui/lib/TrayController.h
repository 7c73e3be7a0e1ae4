// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

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
 * The tray icon and its menu: a status line, Connect to Aries / Reconnect, Status…, Settings…, Pause
 * trading, Set up Claude Desktop…, Revoke access and Quit. Where the desktop has no system tray (plain
 * GNOME, test machines) the same actions live in a small window, so the app is never left without a
 * way to use it.
 */
class TrayController final : public QObject
{
    Q_OBJECT

public:
    /** What the icon shows, most urgent first when several are true (the app decides which). */
    enum class State {
        SignedOut, ///< not connected to Aries
        Connected, ///< connected, nothing needs the user
        Working, ///< connecting or renewing access
        Attention, ///< the user is needed: an order waits for approval, the keychain is locked, a sign-in failed
        Paused, ///< connected, and the user paused trading
    };
    Q_ENUM(State)

    explicit TrayController(QObject *parent = nullptr);
    ~TrayController() override;
    Q_DISABLE_COPY_MOVE(TrayController)

    /** Shows the tray icon, or the window when there is no tray. */
    void show();
    /**
     * @p line is the status in words ("Connected · token valid 52 min"); @p environment "Aries" or
     * "Sandbox"; @p connected decides between Connect to Aries and Reconnect, @p busy disables it while
     * a sign-in runs, @p canRevoke enables Revoke access.
     */
    void setStatus(
        State state, const QString &line, const QString &environment, bool connected, bool busy, bool canRevoke);
    /** A desktop notification (a tray balloon); without a tray the window's status line says it instead. */
    void announce(const QString &title, const QString &text);

    bool usesTray() const { return m_tray != nullptr; }
    /** The window used when there is no tray (nullptr otherwise); also a parent for dialogs. */
    QWidget *window() const { return m_window; }
    /** The menu (the tray's context menu; tests and screenshots use it). */
    QMenu *menu() { return &m_menu; }
    State state() const { return m_state; }
    /** The tooltip: the state in words. */
    QString toolTip() const { return m_toolTip; }

    /** The icon for @p state: the app's mark with the state's badge, drawn when the app is built (TrayIconPixels.h). */
    static QIcon iconFor(State state);
    /** The state in a few words, as the tooltip says it. */
    static QString stateText(State state);
    /** The "Pause trading" switch of the menu (tests toggle it as a person would). */
    QAction *pauseTradingAction() const { return m_pauseAction; }

Q_SIGNALS:
    void connectRequested();
    void statusRequested();
    void settingsRequested();
    void setupClaudeRequested();
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
    State m_state = State::SignedOut;
    QString m_toolTip;
};

} // namespace Companion::Ui
