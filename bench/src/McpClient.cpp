// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "McpClient.h"

using nlohmann::json;

namespace Bench {

bool McpClient::initialize()
{
    const json init {{"jsonrpc", "2.0"}, {"id", m_nextId++}, {"method", "initialize"},
        {"params",
            {{"protocolVersion", "2025-06-18"}, {"capabilities", json::object()},
                {"clientInfo", {{"name", "aries-bench"}, {"version", "1"}}}}}};
    const auto answer = exchange(init, true);
    if (!answer || !answer->contains("result")) {
        if (m_error.empty()) {
            m_error = answer ? answer->dump() : "no answer to initialize";
        }
        return false;
    }
    exchange(json {{"jsonrpc", "2.0"}, {"method", "notifications/initialized"}}, false);
    return true;
}

std::optional<json> McpClient::callTool(const std::string &name, const json &arguments)
{
    return exchange(json {{"jsonrpc", "2.0"}, {"id", m_nextId++}, {"method", "tools/call"},
                        {"params", {{"name", name}, {"arguments", arguments}}}},
        true);
}

} // namespace Bench
