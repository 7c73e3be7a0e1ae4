// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Expected.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace Companion::Platform {

/**
 * "Start Aries Companion when I log in": the one switch, kept where the operating system looks for it, so the
 * state shown is always the real one (also after the user changed it in the desktop's own settings).
 *
 * One implementation file per system, chosen in CMake:
 * - Linux and other XDG desktops (AutostartXdg.cpp): $XDG_CONFIG_HOME/autostart/aries-companion.desktop.
 * - Windows (AutostartWindows.cpp): a value in HKCU\Software\Microsoft\Windows\CurrentVersion\Run.
 * - macOS (AutostartMac.cpp): a LaunchAgent, ~/Library/LaunchAgents/com.aries.companion.plist.
 *
 * The entry starts @p program (absolute) with @p arguments; nothing secret is ever written to it. Off by
 * default: nothing is written until the user turns it on.
 */
class Autostart final
{
    Q_DECLARE_TR_FUNCTIONS(Autostart)

public:
    /** The option the entry passes, so a start at login never pops up the window of a copy already running. */
    static QString backgroundOption() { return QStringLiteral("--background"); }

    explicit Autostart(
        QString program = QCoreApplication::applicationFilePath(), QStringList arguments = {backgroundOption()});

    /** True when the system will start the app at the next login. */
    bool isEnabled() const;
    /** Writes or removes the entry. The error says what failed, in words for the user. */
    Expected<void, QString> setEnabled(bool enabled);

    /** Where the entry lives: a file path, or the registry key and value name on Windows. */
    QString location() const;

    QString program() const { return m_program; }
    QStringList arguments() const { return m_arguments; }

private:
    QString m_program;
    QStringList m_arguments;
};

} // namespace Companion::Platform
