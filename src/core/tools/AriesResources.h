// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Companion::Mcp {
class McpServer;
}

namespace Companion::Tools {

/**
 * Resources a Claude Desktop user attaches to a conversation from the "+" menu: the portfolio and the
 * balances of the default account, as JSON. They show exactly what get_portfolio and get_balances answer
 * (the tools run underneath), read fresh from Aries each time.
 *
 * Register after the tools they mirror.
 */
class AriesResources final
{
public:
    AriesResources() = delete;

    static void registerResources(Mcp::McpServer &server);
};

} // namespace Companion::Tools
