// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mcp/ResourceContent.h"

#include <QByteArray>
#include <QString>

#include <nlohmann/json.hpp>

namespace Companion::Mcp {

/**
 * One content block of a tool result or a prompt message: text, image, audio, an embedded
 * resource or a resource link. Binary data is given raw and sent base64-encoded, as the spec wants.
 */
class ContentBlock
{
public:
    static ContentBlock text(const QString &text);
    static ContentBlock image(const QByteArray &data, const QString &mimeType);
    static ContentBlock audio(const QByteArray &data, const QString &mimeType);
    /** An embedded resource (`type:"resource"`); @p content must name its URI. */
    static ContentBlock resource(const ResourceContent &content);
    /** A link the client may read later with resources/read (`type:"resource_link"`). */
    static ContentBlock resourceLink(
        const QString &uri, const QString &name, const QString &mimeType = {}, const QString &description = {});
    /** A block given in wire form, for content types this class has no factory for. */
    static ContentBlock fromJson(nlohmann::json block);

    /** Sets `annotations` {audience, priority, lastModified} as the spec defines them. */
    ContentBlock &withAnnotations(nlohmann::json annotations);

    const nlohmann::json &toJson() const { return m_json; }

private:
    explicit ContentBlock(nlohmann::json json);

    nlohmann::json m_json;
};

} // namespace Companion::Mcp
