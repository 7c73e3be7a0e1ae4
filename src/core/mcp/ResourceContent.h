// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <nlohmann/json.hpp>

namespace Companion::Mcp {

/**
 * What one resource holds: text, or bytes that travel base64-encoded in `blob`. Used for
 * resources/read answers and for resources embedded in tool results and prompt messages.
 *
 * Implicitly constructible from a QString so that readers written for text resources
 * (returning std::optional<QString>) still convert to a ResourceReader.
 */
class ResourceContent
{
public:
    ResourceContent() = default;
    ResourceContent(QString text);

    static ResourceContent fromText(QString text, QString mimeType = {}, QString uri = {});
    static ResourceContent fromBlob(QByteArray data, QString mimeType = {}, QString uri = {});

    bool isBinary() const { return m_binary; }
    const QString &text() const { return m_text; }
    /** The raw bytes of a binary resource (not base64). */
    const QByteArray &blob() const { return m_blob; }
    /** Empty means "the URI that was read". */
    const QString &uri() const { return m_uri; }
    /** Empty means "the mimeType of the resource's definition". */
    const QString &mimeType() const { return m_mimeType; }

    /**
     * The wire form {uri, mimeType?, text | blob}; @p fallbackUri and @p fallbackMimeType fill what
     * the reader left empty (a reader rarely repeats the URI it was asked for).
     */
    nlohmann::json toJson(const QString &fallbackUri = {}, const QString &fallbackMimeType = {}) const;

private:
    QString m_text;
    QByteArray m_blob;
    QString m_uri;
    QString m_mimeType;
    bool m_binary = false;
};

} // namespace Companion::Mcp
