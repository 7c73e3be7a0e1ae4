// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mcp/ResourceContent.h"

#include <utility>

namespace Companion::Mcp {

ResourceContent::ResourceContent(QString text)
    : m_text(std::move(text))
{ }

ResourceContent ResourceContent::fromText(QString text, QString mimeType, QString uri)
{
    ResourceContent content(std::move(text));
    content.m_mimeType = std::move(mimeType);
    content.m_uri = std::move(uri);
    return content;
}

ResourceContent ResourceContent::fromBlob(QByteArray data, QString mimeType, QString uri)
{
    ResourceContent content;
    content.m_blob = std::move(data);
    content.m_mimeType = std::move(mimeType);
    content.m_uri = std::move(uri);
    content.m_binary = true;
    return content;
}

nlohmann::json ResourceContent::toJson(const QString &fallbackUri, const QString &fallbackMimeType) const
{
    const QString &uri = m_uri.isEmpty() ? fallbackUri : m_uri;
    const QString &mimeType = m_mimeType.isEmpty() ? fallbackMimeType : m_mimeType;
    nlohmann::json out {{"uri", uri.toStdString()}};
    if (!mimeType.isEmpty()) {
        out["mimeType"] = mimeType.toStdString();
    }
    if (m_binary) {
        out["blob"] = m_blob.toBase64().toStdString();
    } else {
        out["text"] = m_text.toStdString();
    }
    return out;
}

} // namespace Companion::Mcp
