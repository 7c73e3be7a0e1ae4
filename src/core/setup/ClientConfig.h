// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Expected.h"

#include <QString>
#include <QStringList>

namespace Companion::Setup::ClientConfig {

/** The MCP clients a snippet can be printed for: "claude-desktop", "claude-code", "cursor", "vscode". */
QStringList clients();

/**
 * A ready-to-paste configuration that connects @p client to Aries Companion through the stdio bridge at
 * @p bridgePath (an absolute path), with where to paste it. An error names the known clients when
 * @p client is not one of them, or says why the path cannot be used.
 */
Expected<QString, QString> snippet(const QString &client, const QString &bridgePath);

} // namespace Companion::Setup::ClientConfig
