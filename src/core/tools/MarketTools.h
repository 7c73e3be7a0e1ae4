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
 * The market data tools: get_quote (one or up to 50 symbols, fetched side by side), search_symbols and
 * get_price_history. Read-only; every result names the environment, since sandbox prices are simulated.
 *
 * Always registered, also while signed out (the tool list is static). @p connection must outlive @p server.
 */
class MarketTools final
{
public:
    MarketTools() = delete;

    static constexpr int kMaxQuoteSymbols = 50;

    static void registerTools(Mcp::McpServer &server, AriesConnection &connection);

private:
    static void getQuote(AriesConnection &connection, const std::shared_ptr<Mcp::ToolCall> &call);
    static void searchSymbols(AriesConnection &connection, const std::shared_ptr<Mcp::ToolCall> &call);
    static void getPriceHistory(AriesConnection &connection, const std::shared_ptr<Mcp::ToolCall> &call);
};

} // namespace Companion::Tools
