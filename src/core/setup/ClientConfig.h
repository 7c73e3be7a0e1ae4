// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Expected.h"

#include <QString>
#include <QStringList>
#include <QUrl>

namespace Companion::Setup::ClientConfig {

/** The MCP clients a snippet can be printed for: "claude-desktop", "claude-code", "cursor", "vscode". */
QStringList clients();
/** The clients that can reach the loopback HTTP endpoint: all but Claude Desktop, which takes stdio only. */
QStringList httpClients();
/** The client's name as people know it ("VS Code" for "vscode"); @p client itself when unknown. */
QString displayName(const QString &client);

/** What to paste into a client, and where. */
struct Snippet
{
    QString instructions; ///< Where to paste it, in words, ending with a colon
    QString text; ///< Exactly what to paste: a JSON document or a command line
    /** Both, as --print-client-config prints them. */
    QString full() const { return instructions + QLatin1Char('\n') + text; }
};

/**
 * What connects @p client to Aries Companion through the stdio bridge at @p bridgePath (an absolute
 * path). An error names the known clients when @p client is not one of them, or says why the path
 * cannot be used.
 */
Expected<Snippet, QString> stdioSnippet(const QString &client, const QString &bridgePath);

/**
 * What connects @p client to the loopback HTTP endpoint at @p url with @p bearerKey. Callers that show
 * the snippet pass a placeholder as the key and put the real key only into what they copy; the key must
 * not contain quotes, backslashes, "$", "`" or control characters, since it lands in JSON and in a
 * shell command.
 */
Expected<Snippet, QString> httpSnippet(const QString &client, const QUrl &url, const QString &bearerKey);

/** stdioSnippet() as one text (for aries-companion --print-client-config). */
Expected<QString, QString> snippet(const QString &client, const QString &bridgePath);

} // namespace Companion::Setup::ClientConfig
