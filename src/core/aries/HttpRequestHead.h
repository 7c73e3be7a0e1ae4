// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace Companion::Aries {

/**
 * What both of the Aries client's connections (AriesOneShotRequest for writes, AriesConnectionPool for reads)
 * agree on before a byte is sent: which addresses may be reached at all, and the first lines of a request.
 */
class HttpRequestHead final
{
public:
    HttpRequestHead() = delete;

    /** https anywhere; plain http only to this computer, so that only the local sandbox is reached unencrypted. */
    static bool allowed(const QUrl &url);
    /** Why allowed() said no, in the words a tool error shows. */
    static QString refusal();
    /** "METHOD /path?query HTTP/1.1" and the Host header, each ending in CRLF; @p url must be allowed(). */
    static QByteArray start(const QByteArray &method, const QUrl &url);
    /** The port to connect to: the URL's, or the scheme's default. */
    static quint16 port(const QUrl &url);
};

} // namespace Companion::Aries
