// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <nlohmann/json.hpp>

#include <optional>

namespace Companion::Mcp {

/** MCP tool annotations. All are hints for the host; an unset hint is left out of tools/list. */
struct ToolAnnotations
{
    std::optional<bool> readOnlyHint;
    std::optional<bool> destructiveHint;
    std::optional<bool> idempotentHint;
    std::optional<bool> openWorldHint;
};

/** What tools/list shows for one tool. */
struct ToolDefinition
{
    /** Unique, case-sensitive; [A-Za-z0-9_.-], 1–128 characters. */
    QString name;
    QString title;
    QString description;
    /** Must be a JSON Schema object schema; the spec forbids null. */
    nlohmann::json inputSchema = nlohmann::json {{"type", "object"}};
    std::optional<nlohmann::json> outputSchema;
    ToolAnnotations annotations;
};

} // namespace Companion::Mcp
