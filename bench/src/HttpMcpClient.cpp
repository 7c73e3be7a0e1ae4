// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "HttpMcpClient.h"

using nlohmann::json;

namespace Bench {

HttpMcpClient::HttpMcpClient(int port, std::string key)
    : m_connection(port)
    , m_key(std::move(key))
{ }

std::optional<json> HttpMcpClient::exchange(const json &message, bool expectAnswer)
{
    HttpConnection::Headers headers {{"Authorization", "Bearer " + m_key}, {"Content-Type", "application/json"},
        {"Accept", "application/json, text/event-stream"}};
    if (!m_session.empty()) {
        headers.emplace_back("Mcp-Session-Id", m_session);
        headers.emplace_back("MCP-Protocol-Version", "2025-06-18");
    }
    const auto response = m_connection.request("POST", "/mcp", headers, message.dump());
    if (!response) {
        m_lastStatus = 0;
        m_error = "the connection closed";
        return std::nullopt;
    }
    m_lastStatus = response->status;
    if (const auto session = response->headers.find("mcp-session-id"); session != response->headers.end()) {
        m_session = session->second;
    }
    if (!expectAnswer) {
        return json();
    }
    if (response->status != 200) {
        m_error = "HTTP " + std::to_string(response->status) + ": " + response->body;
        return std::nullopt;
    }
    const auto type = response->headers.find("content-type");
    if (type != response->headers.end() && type->second.rfind("text/event-stream", 0) == 0) {
        // The answer is the event whose data carries our id; progress and log events come before it.
        std::size_t at = 0;
        while ((at = response->body.find("data:", at)) != std::string::npos) {
            const auto end = response->body.find('\n', at);
            json parsed = json::parse(response->body.substr(at + 5, end - at - 5), nullptr, false);
            if (!parsed.is_discarded() && parsed.is_object() && parsed.value("id", json()) == message["id"]) {
                return parsed;
            }
            at = end;
        }
        m_error = "no answer in the event stream";
        return std::nullopt;
    }
    json parsed = json::parse(response->body, nullptr, false);
    if (parsed.is_discarded()) {
        m_error = "not JSON: " + response->body.substr(0, 200);
        return std::nullopt;
    }
    return parsed;
}

} // namespace Bench
