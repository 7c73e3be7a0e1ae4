// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mcp/ContentBlock.h"

#include <QList>
#include <QString>

#include <nlohmann/json.hpp>

#include <optional>
#include <utility>

namespace Companion::Mcp {

/**
 * The outcome of one tools/call. Failures the model can act on (bad input, an Aries API error, a
 * refused order) are results with isError set, not JSON-RPC errors, so the model can correct itself.
 */
struct ToolResult
{
    /** Sent as structuredContent when set. */
    std::optional<nlohmann::json> structuredContent;
    /**
     * The text content block; when empty, the serialized structuredContent is used instead. Ignored
     * when `content` is given.
     */
    QString text;
    bool isError = false;
    /**
     * Explicit content blocks (images, audio, resources, several texts). When not empty they are the
     * whole `content` array, in this order; structuredContent is still sent when set.
     */
    QList<ContentBlock> content = {};

    static ToolResult fromText(const QString &text) { return ToolResult {std::nullopt, text, false, {}}; }
    static ToolResult fromJson(const nlohmann::json &value) { return ToolResult {value, QString(), false, {}}; }
    static ToolResult error(const QString &message) { return ToolResult {std::nullopt, message, true, {}}; }
    static ToolResult fromContent(QList<ContentBlock> blocks, bool isError = false)
    {
        return ToolResult {std::nullopt, QString(), isError, std::move(blocks)};
    }
};

} // namespace Companion::Mcp
