// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mcp/JsonRpc.h"

namespace Companion::Mcp::JsonRpc {

bool isValidId(const nlohmann::json &id)
{
    return id.is_string() || id.is_number_integer();
}

nlohmann::json response(const nlohmann::json &id, nlohmann::json result)
{
    return nlohmann::json {{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}};
}

nlohmann::json errorResponse(const nlohmann::json &id, int code, const QString &message, const nlohmann::json &data)
{
    nlohmann::json error {{"code", code}, {"message", message.toStdString()}};
    if (!data.is_null()) {
        error["data"] = data;
    }
    return nlohmann::json {{"jsonrpc", "2.0"}, {"id", id}, {"error", std::move(error)}};
}

nlohmann::json notification(const char *method, nlohmann::json params)
{
    return nlohmann::json {{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}};
}

QByteArray serialize(const nlohmann::json &message)
{
    // Strings from clients were validated by the parser, but tool text may come from anywhere:
    // replacing bad UTF-8 keeps dump() from throwing.
    return QByteArray::fromStdString(message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

QString stringValue(const nlohmann::json &object, const char *key)
{
    if (!object.is_object()) {
        return {};
    }
    const auto it = object.find(key);
    if (it == object.end() || !it->is_string()) {
        return {};
    }
    return QString::fromStdString(it->get<std::string>());
}

} // namespace Companion::Mcp::JsonRpc
