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

/**
 * The lock file that makes one tray app per user (Ipc::SingleInstance): instance.lock next to the MCP socket,
 * so an ARIES_COMPANION_IPC_NAME that moves the socket moves the lock with it. On Windows, where the socket
 * is a pipe name rather than a path, it is kept in the user's own temp folder.
 */
QString instanceLockPath();

/**
 * The owner-only socket a second launch uses to ask the running app to show itself: control.sock next to
 * the MCP socket on Unix, the MCP pipe's name plus "-control" on Windows.
 */
QString controlServerName();

} // namespace Companion::Ipc::LocalEndpoint
