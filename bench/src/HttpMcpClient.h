// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "HttpConnection.h"
#include "McpClient.h"

namespace Bench {

/** An MCP client of the app's Streamable HTTP endpoint, on one keep-alive connection, with the local key. */
class HttpMcpClient final : public McpClient
{
public:
    HttpMcpClient(int port, std::string key);
    /** The HTTP status of the last exchange (503 when the connection cap turned it away). */
    int lastStatus() const { return m_lastStatus; }

protected:
    std::optional<nlohmann::json> exchange(const nlohmann::json &message, bool expectAnswer) override;

private:
    HttpConnection m_connection;
    std::string m_key;
    std::string m_session;
    int m_lastStatus = 0;
};

} // namespace Bench
