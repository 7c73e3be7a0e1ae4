// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <functional>
#include <optional>

namespace Companion::Mcp {

/** What resources/list shows for one resource. */
struct ResourceDefinition
{
    QString uri;
    QString name;
    QString title;
    QString description;
    QString mimeType = QStringLiteral("text/plain");
};

/** Reads a resource's current text; std::nullopt means it does not exist (any more). */
using ResourceReader = std::function<std::optional<QString>(const QString &uri)>;

} // namespace Companion::Mcp
