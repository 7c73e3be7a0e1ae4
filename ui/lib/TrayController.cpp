// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TrayController.h"

#include "TrayIconPixels.h"

#include <QAction>
#include <QCheckBox>
#include <QGridLayout>
#include <QImage>
#include <QLabel>
#include <QPixmap>
#include <QPushButton>
#include <QSystemTrayIcon>
#include <QVBoxLayout>
#include <QWidget>

namespace Companion::Ui {

QIcon TrayController::iconFor(State state)
{
    // Drawn from the SVGs at build time (TrayIconPixels.h): rendering them here kept QtSvg and Qt's vector
    // rasteriser resident in the tray app, about 1 MB, for a few small bitmaps.
    QIcon icon;
    for (const TrayIconPixels::Image &image : TrayIconPixels::images(int(state))) {
        icon.addPixmap(QPixmap::fromImage(QImage(reinterpret_cast<const uchar *>(image.pixels), image.size, image.size,
            image.size * qsizetype(sizeof(quint32)), QImage::Format_ARGB32_Premultiplied)));
    }
    return icon;
}

QString TrayController::stateText(State state)
{
    switch (state) {
    case State::Connected: return tr("Connected to Aries");
    case State::Working: return tr("Working…");
    case State::Attention: return tr("Needs your attention");
    case State::Paused: return tr("Connected · trading paused");
    case State::SignedOut: break;
    }
    return tr("Not connected to Aries");
}

TrayController::TrayController(QObject *parent)
    : QObject(parent)
{
    m_statusAction = m_menu.addAction(tr("Not connected"));
    m_statusAction->setObjectName(QStringLiteral("statusLineAction"));
    m_statusAction->setEnabled(false);
    m_menu.addSeparator();
    m_connectAction = m_menu.addAction(tr("Connect to Aries"), this, &TrayController::connectRequested);
    m_menu.addAction(tr("Status…"), this, &TrayController::statusRequested);
    m_menu.addAction(tr("Settings…"), this, &TrayController::settingsRequested);
    m_pauseAction = m_menu.addAction(tr("Pause trading"));
    m_pauseAction->setCheckable(true);
    m_pauseAction->setToolTip(tr("While paused, the assistant cannot place, change or cancel orders"));
    connect(m_pauseAction, &QAction::toggled, this, &TrayController::pauseTradingToggled);
    m_menu.addAction(tr("Set up Claude Desktop…"), this, &TrayController::setupClaudeRequested);
    m_menu.addSeparator();
    m_revokeAction = m_menu.addAction(tr("Revoke access…"), this, &TrayController::revokeRequested);
    m_menu.addAction(tr("Quit"), this, &TrayController::quitRequested);
    m_toolTip = tr("Aries Companion — %1").arg(stateText(m_state));
}

TrayController::~TrayController()
{
    delete m_window;
}

void TrayController::show()
{
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(iconFor(m_state), this);
        m_tray->setContextMenu(&m_menu);
        m_tray->setToolTip(m_toolTip);
        // A left click opens the status view, the usual meaning of clicking a tray icon on Windows and KDE.
        connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
            if (reason == QSystemTrayIcon::Trigger) {
                Q_EMIT statusRequested();
            }
        });
        m_tray->show();
        return;
    }
    // No tray: a small window with the same actions, so the app is usable rather than invisible.
    auto *window = new QWidget;
    window->setObjectName(QStringLiteral("companionWindow"));
    window->setWindowTitle(tr("Aries Companion"));
    window->setWindowIcon(iconFor(m_state));
    auto *layout = new QVBoxLayout(window);
    m_windowStatus = new QLabel(m_statusAction->text(), window);
    m_windowStatus->setObjectName(QStringLiteral("statusLabel"));
    m_windowStatus->setWordWrap(true);
    layout->addWidget(m_windowStatus);
    auto *buttons = new QGridLayout;
    m_windowConnect = new QPushButton(m_connectAction->text(), window);
    m_windowConnect->setObjectName(QStringLiteral("connectButton"));
    auto *status = new QPushButton(tr("Status…"), window);
    status->setObjectName(QStringLiteral("statusButton"));
    auto *settings = new QPushButton(tr("Settings…"), window);
    settings->setObjectName(QStringLiteral("settingsButton"));
    auto *setup = new QPushButton(tr("Set up Claude Desktop…"), window);
    setup->setObjectName(QStringLiteral("setupClaudeButton"));
    m_windowRevoke = new QPushButton(tr("Revoke access…"), window);
    m_windowRevoke->setObjectName(QStringLiteral("revokeButton"));
    auto *quit = new QPushButton(tr("Quit"), window);
    quit->setObjectName(QStringLiteral("quitButton"));
    buttons->addWidget(m_windowConnect, 0, 0);
    buttons->addWidget(status, 0, 1);
    buttons->addWidget(settings, 0, 2);
    buttons->addWidget(setup, 1, 0);
    buttons->addWidget(m_windowRevoke, 1, 1);
    buttons->addWidget(quit, 1, 2);
    layout->addLayout(buttons);
    // The same switch as the menu's, so pausing works where there is no tray too.
    auto *pause = new QCheckBox(m_pauseAction->text(), window);
    pause->setObjectName(QStringLiteral("pauseTradingCheck"));
    pause->setToolTip(m_pauseAction->toolTip());
    pause->setChecked(m_pauseAction->isChecked());
    connect(pause, &QCheckBox::toggled, m_pauseAction, &QAction::setChecked);
    connect(m_pauseAction, &QAction::toggled, pause, &QCheckBox::setChecked);
    layout->addWidget(pause);
    connect(m_windowConnect, &QPushButton::clicked, this, &TrayController::connectRequested);
    connect(status, &QPushButton::clicked, this, &TrayController::statusRequested);
    connect(settings, &QPushButton::clicked, this, &TrayController::settingsRequested);
    connect(setup, &QPushButton::clicked, this, &TrayController::setupClaudeRequested);
    connect(m_windowRevoke, &QPushButton::clicked, this, &TrayController::revokeRequested);
    connect(quit, &QPushButton::clicked, this, &TrayController::quitRequested);
    m_window = window;
    window->show();
}

void TrayController::setStatus(
    State state, const QString &line, const QString &environment, bool connected, bool busy, bool canRevoke)
{
    const QString text =
        environment == QLatin1String("Aries") ? line : QStringLiteral("%1 · %2").arg(environment, line);
    const QString connectText = connected ? tr("Reconnect") : tr("Connect to Aries");
    const bool iconChanged = state != m_state;
    m_state = state;
    // The tooltip says the icon's state in words first, then the details, so it never contradicts the icon.
    m_toolTip = tr("Aries Companion — %1").arg(stateText(state));
    if (text != stateText(state)) {
        m_toolTip += QLatin1Char('\n') + text;
    }
    m_statusAction->setText(text);
    m_connectAction->setText(connectText);
    m_connectAction->setEnabled(!busy);
    m_revokeAction->setEnabled(canRevoke);
    if (m_tray) {
        if (iconChanged) {
            m_tray->setIcon(iconFor(state));
        }
        m_tray->setToolTip(m_toolTip);
    }
    if (m_window) {
        if (iconChanged) {
            m_window->setWindowIcon(iconFor(state));
        }
        m_window->setToolTip(m_toolTip);
        m_windowStatus->setText(text);
        m_windowConnect->setText(connectText);
        m_windowConnect->setEnabled(m_connectAction->isEnabled());
        m_windowRevoke->setEnabled(m_revokeAction->isEnabled());
    }
}

void TrayController::announce(const QString &title, const QString &text)
{
    if (m_tray && QSystemTrayIcon::supportsMessages()) {
        m_tray->showMessage(title, text, iconFor(m_state), 15'000);
        return;
    }
    if (m_window) {
        m_windowStatus->setText(QStringLiteral("%1 — %2").arg(title, text));
    }
}

} // namespace Companion::Ui
