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

// Keys in the order people write them (command before args, url before headers), not alphabetical.
using json = nlohmann::ordered_json;

QString pretty(const json &value)
{
    return QString::fromStdString(value.dump(2));
}

Unexpected<QString> unknownClient(const QString &client, const QStringList &known)
{
    return Unexpected(QCoreApplication::translate("ClientConfig", "Unknown client \"%1\"; choose one of: %2.")
                          .arg(client, known.join(QStringLiteral(", "))));
}

} // namespace

QStringList clients()
{
    return {QStringLiteral("claude-desktop"), QStringLiteral("claude-code"), QStringLiteral("cursor"),
        QStringLiteral("vscode")};
}

QStringList httpClients()
{
    return {QStringLiteral("claude-code"), QStringLiteral("cursor"), QStringLiteral("vscode")};
}

QString displayName(const QString &client)
{
    if (client == QLatin1String("claude-desktop")) {
        return QStringLiteral("Claude Desktop");
    }
    if (client == QLatin1String("claude-code")) {
        return QStringLiteral("Claude Code");
    }
    if (client == QLatin1String("cursor")) {
        return QStringLiteral("Cursor");
    }
    if (client == QLatin1String("vscode")) {
        return QStringLiteral("VS Code");
    }
    return client;
}

Expected<Snippet, QString> stdioSnippet(const QString &client, const QString &bridgePath)
{
    if (!QDir::isAbsolutePath(bridgePath)) {
        return Unexpected(QCoreApplication::translate("ClientConfig", "The bridge's path must be absolute, not \"%1\".")
                              .arg(bridgePath));
    }
    // JSON escaping comes from the JSON library, so a path with quotes, backslashes (Windows) or
    // non-ASCII characters still produces a valid file.
    const std::string command = QDir::toNativeSeparators(bridgePath).toStdString();
    const json stdioServer {{"command", command}, {"args", json::array()}};
    if (client == QLatin1String("claude-desktop")) {
        return Snippet {QCoreApplication::translate("ClientConfig",
                            "Add this to claude_desktop_config.json (Claude Desktop: Settings › Developer › Edit "
                            "Config), merging it with any \"mcpServers\" already there, then quit and reopen Claude "
                            "Desktop:"),
            pretty({{"mcpServers", {{kServerName, stdioServer}}}})};
    }
    if (client == QLatin1String("claude-code")) {
        const QString quoted = QStringLiteral("\"%1\"").arg(QString::fromStdString(command));
        return Snippet {QCoreApplication::translate("ClientConfig", "Run this once in a terminal:"),
            QStringLiteral("claude mcp add --scope user %1 -- %2").arg(QLatin1String(kServerName), quoted)};
    }
    if (client == QLatin1String("cursor")) {
        return Snippet {QCoreApplication::translate("ClientConfig",
                            "Add this to ~/.cursor/mcp.json (or .cursor/mcp.json in a project), merging it with any "
                            "\"mcpServers\" already there:"),
            pretty({{"mcpServers", {{kServerName, stdioServer}}}})};
    }
    if (client == QLatin1String("vscode")) {
        const json server {{"type", "stdio"}, {"command", command}, {"args", json::array()}};
        return Snippet {QCoreApplication::translate("ClientConfig",
                            "Add this to .vscode/mcp.json in your workspace (or run \"MCP: Add Server\" in VS Code), "
                            "merging it with any \"servers\" already there:"),
            pretty({{"servers", {{kServerName, server}}}})};
    }
    return unknownClient(client, clients());
}

Expected<Snippet, QString> httpSnippet(const QString &client, const QUrl &url, const QString &bearerKey)
{
    if (client == QLatin1String("claude-desktop")) {
        return Unexpected(QCoreApplication::translate("ClientConfig",
            "Claude Desktop does not connect to MCP servers on this computer over HTTP; it uses the "
            "bridge (aries-mcp)."));
    }
    if (!httpClients().contains(client)) {
        return unknownClient(client, httpClients());
    }
    if (!url.isValid() || url.isRelative() || url.host().isEmpty()) {
        return Unexpected(
            QCoreApplication::translate("ClientConfig", "The address of the MCP endpoint is not a full URL: \"%1\".")
                .arg(url.toString()));
    }
    // The key goes between double quotes in a shell command and in JSON: anything a shell or JSON would
    // interpret is refused rather than escaped, since a real key (base64url) never contains it.
    for (const QChar c : bearerKey) {
        if (c.category() == QChar::Other_Control || c == u'"' || c == u'\\' || c == u'$' || c == u'`') {
            return Unexpected(QCoreApplication::translate(
                "ClientConfig", "The local key contains a character that cannot go into a configuration."));
        }
    }
    if (bearerKey.trimmed().isEmpty()) {
        return Unexpected(QCoreApplication::translate("ClientConfig", "There is no local key."));
    }
    const std::string address = url.toString(QUrl::FullyEncoded).toStdString();
    const std::string authorization = QStringLiteral("Bearer %1").arg(bearerKey).toStdString();
    const json headers {{"Authorization", authorization}};
    if (client == QLatin1String("claude-code")) {
        return Snippet {QCoreApplication::translate("ClientConfig", "Run this once in a terminal:"),
            QStringLiteral("claude mcp add --transport http --scope user %1 %2 --header \"Authorization: %3\"")
                .arg(QLatin1String(kServerName), QString::fromStdString(address),
                    QString::fromStdString(authorization))};
    }
    if (client == QLatin1String("cursor")) {
        return Snippet {QCoreApplication::translate("ClientConfig",
                            "Add this to ~/.cursor/mcp.json, merging it with any \"mcpServers\" already there. It "
                            "holds your local key: keep it out of project folders you share:"),
            pretty({{"mcpServers", {{kServerName, {{"url", address}, {"headers", headers}}}}}})};
    }
    // VS Code: the user's own mcp.json rather than the workspace's, which is often committed with the project.
    return Snippet {QCoreApplication::translate("ClientConfig",
                        "In VS Code run \"MCP: Open User Configuration\" and add this, merging it with any "
                        "\"servers\" already there. It holds your local key: do not put it in a workspace's "
                        ".vscode/mcp.json that you share:"),
        pretty({{"servers", {{kServerName, {{"type", "http"}, {"url", address}, {"headers", headers}}}}}})};
}

Expected<QString, QString> snippet(const QString &client, const QString &bridgePath)
{
    const auto parts = stdioSnippet(client, bridgePath);
    if (!parts) {
        return Unexpected(parts.error());
    }
    return parts->full();
}

} // namespace Companion::Setup::ClientConfig
