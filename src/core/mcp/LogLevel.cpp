// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mcp/LogLevel.h"

#include <array>

namespace Companion::Mcp {

namespace {
constexpr std::array<const char *, 8> kNames = {
    "debug", "info", "notice", "warning", "error", "critical", "alert", "emergency"};
} // namespace

QString logLevelName(LogLevel level)
{
    return QString::fromLatin1(kNames.at(static_cast<std::size_t>(level)));
}

std::optional<LogLevel> logLevelFromName(const QString &name)
{
    for (std::size_t i = 0; i < kNames.size(); ++i) {
        if (name == QLatin1String(kNames.at(i))) {
            return static_cast<LogLevel>(i);
        }
    }
    return std::nullopt;
}

} // namespace Companion::Mcp
