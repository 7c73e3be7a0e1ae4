// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Companion::Mcp {
class McpServer;
}

namespace Companion::Tools {

/**
 * Prompts a Claude Desktop user picks from the "+" menu: ready-made requests that use the tools the way
 * they work best (portfolio review, a quote, an order placed through preview and the user's approval).
 */
class AriesPrompts final
{
public:
    AriesPrompts() = delete;

    static void registerPrompts(Mcp::McpServer &server);
};

} // namespace Companion::Tools
