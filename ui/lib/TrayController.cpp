// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TrayController.h"

#include <QAction>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QSystemTrayIcon>
#include <QVBoxLayout>
#include <QWidget>

namespace Companion::Ui {

namespace {

QColor stateColor(Auth::AuthState state)
{
    switch (state) {
    case Auth::AuthState::Connected: return QColor(0x2e, 0x7d, 0x32);
    case Auth::AuthState::SigningIn:
    case Auth::AuthState::Refreshing: return QColor(0x15, 0x65, 0xc0);
    case Auth::AuthState::SecretsUnavailable: return QColor(0xef, 0x8f, 0x00);
    case Auth::AuthState::Error: return QColor(0xc6, 0x28, 0x28);
    case Auth::AuthState::SignedOut: break;
    }
    return QColor(0x75, 0x75, 0x75);
}

} // namespace

QIcon TrayController::iconFor(Auth::AuthState state)
{
    // Drawn rather than loaded so the state colour and the mark stay in one place at every size.
    QIcon icon;
    for (const int size : {16, 22, 32, 48, 64}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        const QRectF box(size * 0.06, size * 0.06, size * 0.88, size * 0.88);
        p.setBrush(QColor(0x1f, 0x2a, 0x44));
        p.setPen(Qt::NoPen);
        p.drawRoundedRect(box, size * 0.2, size * 0.2);
        QPainterPath mark; // a stylised "A"
        mark.moveTo(size * 0.26, size * 0.76);
        mark.lineTo(size * 0.5, size * 0.22);
        mark.lineTo(size * 0.74, size * 0.76);
        p.setPen(QPen(Qt::white, size * 0.1, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.setBrush(Qt::NoBrush);
        p.drawPath(mark);
        p.setPen(Qt::NoPen);
        p.setBrush(stateColor(state));
        p.drawEllipse(QRectF(size * 0.58, size * 0.58, size * 0.4, size * 0.4));
        icon.addPixmap(pixmap);
    }
    return icon;
}

TrayController::TrayController(QObject *parent)
    : QObject(parent)
{
    m_statusAction = m_menu.addAction(tr("Not connected"));
    m_statusAction->setEnabled(false);
    m_menu.addSeparator();
    m_connectAction = m_menu.addAction(tr("Connect to Aries"), this, &TrayController::connectRequested);
    m_menu.addAction(tr("Settings…"), this, &TrayController::settingsRequested);
    m_pauseAction = m_menu.addAction(tr("Pause trading"));
    m_pauseAction->setCheckable(true);
    m_pauseAction->setToolTip(tr("While paused, the assistant cannot place, change or cancel orders"));
    connect(m_pauseAction, &QAction::toggled, this, &TrayController::pauseTradingToggled);
    m_revokeAction = m_menu.addAction(tr("Revoke access…"), this, &TrayController::revokeRequested);
    m_menu.addSeparator();
    m_menu.addAction(tr("Quit"), this, &TrayController::quitRequested);
}

TrayController::~TrayController()
{
    delete m_window;
}

void TrayController::show()
{
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(iconFor(Auth::AuthState::SignedOut), this);
        m_tray->setContextMenu(&m_menu);
        m_tray->show();
        return;
    }
    // No tray: a small window with the same actions, so the app is usable rather than invisible.
    auto *window = new QWidget;
    window->setObjectName(QStringLiteral("companionWindow"));
    window->setWindowTitle(tr("Aries Companion"));
    window->setWindowIcon(iconFor(Auth::AuthState::SignedOut));
    auto *layout = new QVBoxLayout(window);
    m_windowStatus = new QLabel(m_statusAction->text(), window);
    m_windowStatus->setObjectName(QStringLiteral("statusLabel"));
    m_windowStatus->setWordWrap(true);
    layout->addWidget(m_windowStatus);
    auto *buttons = new QHBoxLayout;
    m_windowConnect = new QPushButton(m_connectAction->text(), window);
    m_windowConnect->setObjectName(QStringLiteral("connectButton"));
    auto *settings = new QPushButton(tr("Settings…"), window);
    settings->setObjectName(QStringLiteral("settingsButton"));
    m_windowRevoke = new QPushButton(tr("Revoke access…"), window);
    m_windowRevoke->setObjectName(QStringLiteral("revokeButton"));
    auto *quit = new QPushButton(tr("Quit"), window);
    quit->setObjectName(QStringLiteral("quitButton"));
    for (QPushButton *button : {m_windowConnect, settings, m_windowRevoke, quit}) {
        buttons->addWidget(button);
    }
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
    connect(settings, &QPushButton::clicked, this, &TrayController::settingsRequested);
    connect(m_windowRevoke, &QPushButton::clicked, this, &TrayController::revokeRequested);
    connect(quit, &QPushButton::clicked, this, &TrayController::quitRequested);
    m_window = window;
    window->show();
}

void TrayController::setStatus(Auth::AuthState state, const QString &line, const QString &environment)
{
    const QString text =
        environment == QLatin1String("Aries") ? line : QStringLiteral("%1 · %2").arg(environment, line);
    const bool connected = state == Auth::AuthState::Connected || state == Auth::AuthState::Refreshing;
    const QString connectText = connected ? tr("Reconnect") : tr("Connect to Aries");
    m_statusAction->setText(text);
    m_connectAction->setText(connectText);
    m_connectAction->setEnabled(state != Auth::AuthState::SigningIn);
    m_revokeAction->setEnabled(state != Auth::AuthState::SignedOut && state != Auth::AuthState::SigningIn);
    if (m_tray) {
        m_tray->setIcon(iconFor(state));
        m_tray->setToolTip(tr("Aries Companion — %1").arg(text));
    }
    if (m_window) {
        m_window->setWindowIcon(iconFor(state));
        m_windowStatus->setText(text);
        m_windowConnect->setText(connectText);
        m_windowConnect->setEnabled(m_connectAction->isEnabled());
        m_windowRevoke->setEnabled(m_revokeAction->isEnabled());
    }
}

} // namespace Companion::Ui
