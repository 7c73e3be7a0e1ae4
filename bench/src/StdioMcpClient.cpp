// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "StdioMcpClient.h"

using nlohmann::json;

namespace Bench {

bool StdioMcpClient::start(const Child::Options &options)
{
    if (!m_child.start(options)) {
        m_error = m_child.errorString();
        return false;
    }
    return true;
}

std::optional<json> StdioMcpClient::exchange(const json &message, bool expectAnswer)
{
    if (!m_child.write(message.dump() + "\n")) {
        m_error = "the server's stdin is closed";
        return std::nullopt;
    }
    if (!expectAnswer) {
        return json();
    }
    // Notifications and log messages the server sends meanwhile are skipped; the answer carries our id.
    while (const auto line = m_child.readLine(std::chrono::seconds(120))) {
        json parsed = json::parse(*line, nullptr, false);
        if (!parsed.is_discarded() && parsed.is_object() && parsed.value("id", json()) == message["id"]) {
            return parsed;
        }
    }
    m_error = "no answer on stdout";
    return std::nullopt;
}

} // namespace Bench
