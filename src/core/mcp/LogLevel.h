// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace Companion::Mcp {

/** RFC 5424 severities as MCP names them, least severe first so they compare by severity. */
enum class LogLevel {
    Debug,
    Info,
    Notice,
    Warning,
    Error,
    Critical,
    Alert,
    Emergency
};

/** The MCP name of @p level ("debug" … "emergency"). */
QString logLevelName(LogLevel level);
/** Parses an MCP level name; std::nullopt for anything else (names are case-sensitive). */
std::optional<LogLevel> logLevelFromName(const QString &name);

} // namespace Companion::Mcp
