// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <nlohmann/json.hpp>

/** JSON-RPC 2.0 message building blocks shared by the MCP engine. */
namespace Companion::Mcp::JsonRpc {

inline constexpr int kParseError = -32700;
inline constexpr int kInvalidRequest = -32600;
inline constexpr int kMethodNotFound = -32601;
inline constexpr int kInvalidParams = -32602;
inline constexpr int kInternalError = -32603;
/** Resource not found, revisions up to 2025-11-25 (2026-07-28 uses -32602). */
inline constexpr int kResourceNotFound = -32002;
/** UnsupportedProtocolVersionError, 2026-07-28. */
inline constexpr int kUnsupportedProtocolVersion = -32022;

/** Request ids are a string or an integer; null, fractions, objects and arrays are not ids in MCP. */
bool isValidId(const nlohmann::json &id);

nlohmann::json response(const nlohmann::json &id, nlohmann::json result);
nlohmann::json errorResponse(
    const nlohmann::json &id, int code, const QString &message, const nlohmann::json &data = nullptr);
nlohmann::json notification(const char *method, nlohmann::json params);

/** Compact UTF-8 text of @p message; never throws (invalid UTF-8 is replaced). */
QByteArray serialize(const nlohmann::json &message);

/** The value of @p object[@p key] as a QString when it is a string, else an empty string. */
QString stringValue(const nlohmann::json &object, const char *key);

} // namespace Companion::Mcp::JsonRpc
