// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Child.h"
#include "McpClient.h"

namespace Bench {

/** An MCP client of a stdio server it started itself, as Claude Desktop is of aries-mcp. */
class StdioMcpClient final : public McpClient
{
public:
    bool start(const Child::Options &options);
    Child &process() { return m_child; }

protected:
    std::optional<nlohmann::json> exchange(const nlohmann::json &message, bool expectAnswer) override;

private:
    Child m_child;
};

} // namespace Bench
