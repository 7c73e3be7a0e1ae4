// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace Bench {

/** One MCP client session, over whichever transport; requests are answered one at a time. */
class McpClient
{
public:
    virtual ~McpClient() = default;

    /** initialize and notifications/initialized; false (with error()) when the server did not answer. */
    bool initialize();
    /** tools/call; the whole JSON-RPC response, or nothing if none came. */
    std::optional<nlohmann::json> callTool(const std::string &name, const nlohmann::json &arguments);
    const std::string &error() const { return m_error; }

protected:
    /** Sends @p message and, for a request, returns its response. */
    virtual std::optional<nlohmann::json> exchange(const nlohmann::json &message, bool expectAnswer) = 0;
    std::string m_error;

private:
    int m_nextId = 1;
};

} // namespace Bench
