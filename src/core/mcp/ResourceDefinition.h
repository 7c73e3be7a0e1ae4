// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mcp/ResourceContent.h"

#include <QMap>
#include <QString>
#include <QStringList>

#include <expected>
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

/**
 * Reads a resource's current content (text or a binary blob); std::nullopt means it does not exist
 * (any more). A reader returning std::optional<QString> converts to this type.
 */
using ResourceReader = std::function<std::optional<ResourceContent>(const QString &uri)>;

/**
 * Reads a resource whose content needs a network call (the user's portfolio): it answers through @p done,
 * later and exactly once, with the content or a sentence saying why it cannot be read now.
 */
using AsyncResourceReader =
    std::function<void(const QString &uri, std::function<void(std::expected<ResourceContent, QString> content)> done)>;

/** What resources/templates/list shows for one RFC 6570 level-1 template. */
struct ResourceTemplateDefinition
{
    /** e.g. "aries://orders/{orderId}"; variables match one path segment each. */
    QString uriTemplate;
    QString name;
    QString title;
    QString description;
    QString mimeType;
};

/**
 * Reads the resource a URI matching the template names; @p variables holds the decoded values.
 * std::nullopt means no such resource, so the client gets "resource not found".
 */
using ResourceTemplateReader =
    std::function<std::optional<ResourceContent>(const QString &uri, const QMap<QString, QString> &variables)>;

/**
 * Suggests values for one argument of a prompt or one variable of a resource template
 * (completion/complete). @p context holds the values the client already chose for the others.
 * The server truncates the answer to the 100 values the spec allows and reports the total.
 */
using CompletionProvider =
    std::function<QStringList(const QString &argument, const QString &value, const QMap<QString, QString> &context)>;

} // namespace Companion::Mcp
