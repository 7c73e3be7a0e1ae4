// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/AriesResources.h"

#include "mcp/JsonRpc.h"
#include "mcp/McpServer.h"

#include <QCoreApplication>

namespace Companion::Tools {

namespace {

/** A resource that reads by running @p tool with no arguments (the default account). */
void addToolResource(Mcp::McpServer &server, Mcp::ResourceDefinition definition, const QString &tool)
{
    definition.mimeType = QStringLiteral("application/json");
    server.addResource(definition,
        [&server, tool](const QString &, std::function<void(std::expected<Mcp::ResourceContent, QString>)> done) {
            server.runTool(tool, nlohmann::json::object(), &server, [done](const Mcp::ToolResult &result) {
                if (result.isError || !result.structuredContent) {
                    // The tool's own sentence: not connected, Aries unreachable, … and what to do.
                    done(std::unexpected(result.text));
                    return;
                }
                done(Mcp::ResourceContent::fromText(
                    QString::fromUtf8(Mcp::JsonRpc::serialize(*result.structuredContent))));
            });
        });
}

} // namespace

void AriesResources::registerResources(Mcp::McpServer &server)
{
    Mcp::ResourceDefinition portfolio;
    portfolio.uri = QStringLiteral("aries://portfolio");
    portfolio.name = QStringLiteral("portfolio");
    portfolio.title = QCoreApplication::translate("AriesResources", "Aries portfolio");
    portfolio.description = QCoreApplication::translate("AriesResources",
        "Positions of the default Aries account at current prices, with totals, cash and "
        "buying power (the same as the get_portfolio tool).");
    addToolResource(server, portfolio, QStringLiteral("get_portfolio"));

    Mcp::ResourceDefinition balances;
    balances.uri = QStringLiteral("aries://balances");
    balances.name = QStringLiteral("balances");
    balances.title = QCoreApplication::translate("AriesResources", "Aries balances");
    balances.description = QCoreApplication::translate("AriesResources",
        "Cash, buying power and equity of the default Aries account (the same as the "
        "get_balances tool).");
    addToolResource(server, balances, QStringLiteral("get_balances"));
}

} // namespace Companion::Tools
