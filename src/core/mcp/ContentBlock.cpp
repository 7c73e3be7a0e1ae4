// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mcp/ContentBlock.h"

#include <utility>

namespace Companion::Mcp {

ContentBlock::ContentBlock(nlohmann::json json)
    : m_json(std::move(json))
{ }

ContentBlock ContentBlock::text(const QString &text)
{
    return ContentBlock(nlohmann::json {{"type", "text"}, {"text", text.toStdString()}});
}

ContentBlock ContentBlock::image(const QByteArray &data, const QString &mimeType)
{
    return ContentBlock(nlohmann::json {
        {"type", "image"}, {"data", data.toBase64().toStdString()}, {"mimeType", mimeType.toStdString()}});
}

ContentBlock ContentBlock::audio(const QByteArray &data, const QString &mimeType)
{
    return ContentBlock(nlohmann::json {
        {"type", "audio"}, {"data", data.toBase64().toStdString()}, {"mimeType", mimeType.toStdString()}});
}

ContentBlock ContentBlock::resource(const ResourceContent &content)
{
    return ContentBlock(nlohmann::json {{"type", "resource"}, {"resource", content.toJson()}});
}

ContentBlock ContentBlock::resourceLink(
    const QString &uri, const QString &name, const QString &mimeType, const QString &description)
{
    nlohmann::json block {{"type", "resource_link"}, {"uri", uri.toStdString()}, {"name", name.toStdString()}};
    if (!mimeType.isEmpty()) {
        block["mimeType"] = mimeType.toStdString();
    }
    if (!description.isEmpty()) {
        block["description"] = description.toStdString();
    }
    return ContentBlock(std::move(block));
}

ContentBlock ContentBlock::fromJson(nlohmann::json block)
{
    return ContentBlock(std::move(block));
}

ContentBlock &ContentBlock::withAnnotations(nlohmann::json annotations)
{
    m_json["annotations"] = std::move(annotations);
    return *this;
}

} // namespace Companion::Mcp
