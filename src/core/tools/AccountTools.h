// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

namespace Companion::Mcp {
class McpServer;
class ToolCall;
} // namespace Companion::Mcp

namespace Companion::Tools {

class AriesConnection;

/**
 * The account tools: get_accounts, get_balances and get_portfolio (positions valued at current prices,
 * with totals, cash and buying power). Read-only; every result names the environment and the account.
 *
 * Always registered, also while signed out: the tool list is static, and a call without a connection
 * answers with an isError result that says how to connect. @p connection must outlive @p server.
 */
class AccountTools final
{
public:
    AccountTools() = delete;

    static void registerTools(Mcp::McpServer &server, AriesConnection &connection);

private:
    static void getAccounts(AriesConnection &connection, const std::shared_ptr<Mcp::ToolCall> &call);
    static void getBalances(AriesConnection &connection, const std::shared_ptr<Mcp::ToolCall> &call);
    static void getPortfolio(AriesConnection &connection, const std::shared_ptr<Mcp::ToolCall> &call);
};

} // namespace Companion::Tools
