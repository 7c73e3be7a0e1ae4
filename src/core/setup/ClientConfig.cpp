// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "setup/ClientConfig.h"

#include <QCoreApplication>
#include <QDir>

#include <nlohmann/json.hpp>

namespace Companion::Setup::ClientConfig {

namespace {

/** The server's name in every client's configuration. */
constexpr char kServerName[] = "aries";

QString tr(const char *text)
{
    return QCoreApplication::translate("ClientConfig", text);
}

QString pretty(const nlohmann::json &value)
{
    return QString::fromStdString(value.dump(2));
}

} // namespace

QStringList clients()
{
    return {QStringLiteral("claude-desktop"), QStringLiteral("claude-code"), QStringLiteral("cursor"),
        QStringLiteral("vscode")};
}

Expected<QString, QString> snippet(const QString &client, const QString &bridgePath)
{
    if (!QDir::isAbsolutePath(bridgePath)) {
        return Unexpected(tr("The bridge's path must be absolute, not \"%1\".").arg(bridgePath));
    }
    // JSON escaping comes from the JSON library, so a path with quotes, backslashes (Windows) or
    // non-ASCII characters still produces a valid file.
    const std::string command = QDir::toNativeSeparators(bridgePath).toStdString();
    const nlohmann::json stdioServer {{"command", command}, {"args", nlohmann::json::array()}};
    if (client == QLatin1String("claude-desktop")) {
        return tr("Add this to claude_desktop_config.json (Claude Desktop: Settings › Developer › Edit Config), "
                  "merging it with any \"mcpServers\" already there, then quit and reopen Claude Desktop:\n")
            + pretty({{"mcpServers", {{kServerName, stdioServer}}}});
    }
    if (client == QLatin1String("claude-code")) {
        const QString quoted = QStringLiteral("\"%1\"").arg(QString::fromStdString(command));
        return tr("Run this once in a terminal:\n")
            + QStringLiteral("claude mcp add --scope user %1 -- %2").arg(QLatin1String(kServerName), quoted);
    }
    if (client == QLatin1String("cursor")) {
        return tr("Add this to ~/.cursor/mcp.json (or .cursor/mcp.json in a project), merging it with any "
                  "\"mcpServers\" already there:\n")
            + pretty({{"mcpServers", {{kServerName, stdioServer}}}});
    }
    if (client == QLatin1String("vscode")) {
        nlohmann::json server = stdioServer;
        server["type"] = "stdio";
        return tr("Add this to .vscode/mcp.json in your workspace (or run \"MCP: Add Server\" in VS Code), merging "
                  "it with any \"servers\" already there:\n")
            + pretty({{"servers", {{kServerName, server}}}});
    }
    return Unexpected(
        tr("Unknown client \"%1\"; choose one of: %2.").arg(client, clients().join(QStringLiteral(", "))));
}

} // namespace Companion::Setup::ClientConfig
