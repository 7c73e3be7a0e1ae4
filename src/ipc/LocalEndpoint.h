// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Companion::Ipc::LocalEndpoint {

/** Environment variable that replaces the socket name, so tests can use a server of their own. */
inline constexpr char kNameOverrideVariable[] = "ARIES_COMPANION_IPC_NAME";

/**
 * The name the tray app listens on and aries-mcp connects to (QLocalServer/QLocalSocket).
 *
 * Unix: $XDG_RUNTIME_DIR/aries-companion/mcp.sock, in a folder only this user can enter. Windows: a named pipe
 * whose name contains the user name, so two people signed in to one machine do not meet each other's app.
 * ARIES_COMPANION_IPC_NAME, when set, is returned as it is.
 */
QString serverName();

/**
 * Creates the folder that holds the socket @p name (serverName() by default) with mode 0700, or narrows an
 * existing one to 0700, before the app listens. Returns false (and logs why) when that fails. Does nothing
 * on Windows and for a name that is not a path.
 */
bool ensureDirectory(const QString &name = serverName());

} // namespace Companion::Ipc::LocalEndpoint
