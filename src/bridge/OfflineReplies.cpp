// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "OfflineReplies.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>

namespace Companion::McpBridge::OfflineReplies {

namespace {

constexpr char kNotRunning[] = "Aries Companion is not running. Start Aries Companion from your applications menu "
                               "(it lives in the system tray), then try again.";

constexpr char kAppStopped[] = "Aries Companion stopped before answering this request. Start Aries Companion "
                               "again, then try again. If this was an order, first check the open orders: it may "
                               "have been placed.";

std::string idText(const nlohmann::json &id)
{
    return id.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// The messages are fixed ASCII without quotes or backslashes, so they need no escaping.
QByteArray errorLine(QByteArrayView id, int code, QByteArrayView message)
{
    QByteArray line;
    line.reserve(96 + id.size() + message.size());
    line.append(R"({"jsonrpc":"2.0","id":)");
    line.append(id);
    line.append(R"(,"error":{"code":)");
    line.append(QByteArray::number(code));
    line.append(R"(,"message":")");
    line.append(message);
    line.append(R"("}})");
    return line;
}

} // namespace

QByteArray messageTooLarge()
{
    return errorLine("null", -32600, "Message too large");
}

std::optional<QByteArray> replyFor(const Ipc::LineFramer::Frame &frame)
{
    if (frame.tooLong) {
        return messageTooLarge();
    }
    const QByteArray &line = frame.line;
    if (std::all_of(line.cbegin(), line.cend(), [](char c) { return c == ' ' || c == '\t' || c == '\r'; })) {
        return std::nullopt;
    }
    // No exceptions: a parse failure comes back as a "discarded" value.
    const auto message = nlohmann::json::parse(line.cbegin(), line.cend(), nullptr, false);
    if (message.is_discarded()) {
        return errorLine("null", -32700, "Parse error");
    }
    if (!message.is_object()) {
        return errorLine("null", -32600, "Invalid Request");
    }
    const auto id = message.find("id");
    if (id == message.end() || !message.contains("method")) {
        // A notification wants no answer; a response to the app (no "method") has nobody to go to now.
        return std::nullopt;
    }
    const std::string idText = id->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return errorLine(QByteArrayView(idText.data(), qsizetype(idText.size())), -32000, kNotRunning);
}

std::optional<QByteArray> requestId(const QByteArray &line)
{
    const auto message = nlohmann::json::parse(line.cbegin(), line.cend(), nullptr, false);
    if (!message.is_object() || !message.contains("method")) {
        return std::nullopt;
    }
    const auto id = message.find("id");
    if (id == message.end()) {
        return std::nullopt;
    }
    return QByteArray::fromStdString(idText(*id));
}

std::optional<QByteArray> responseId(const QByteArray &line)
{
    const auto message = nlohmann::json::parse(line.cbegin(), line.cend(), nullptr, false);
    if (!message.is_object() || message.contains("method")
        || (!message.contains("result") && !message.contains("error"))) {
        return std::nullopt;
    }
    const auto id = message.find("id");
    if (id == message.end()) {
        return std::nullopt;
    }
    return QByteArray::fromStdString(idText(*id));
}

QByteArray appStopped(QByteArrayView id)
{
    return errorLine(id, -32000, kAppStopped);
}

} // namespace Companion::McpBridge::OfflineReplies
