// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Expected.h"
#include "HttpLimits.h"
#include "HttpRequest.h"
#include "HttpResponder.h"

#include <QHostAddress>
#include <QObject>

#include <functional>
#include <memory>

namespace Companion::Http {

/**
 * A small HTTP/1.1 server: every request goes to one handler, which answers through the responder it
 * is given, at once or later.
 *
 * Listens on the address given; callers in this project pass a loopback address only.
 *
 * QtHttpServer 6.4 underneath has no limits of its own; every connection is watched (GuardedTcpServer,
 * ConnectionGuard) so that too many connections, slow or oversized requests and ambiguous framing (request
 * smuggling) are answered 503, 408, 413/431 or 400 and closed before any request reaches the handler.
 */
class HttpServer final : public QObject
{
    Q_OBJECT

public:
    using Handler = std::function<void(const HttpRequest &, const std::shared_ptr<HttpResponder> &)>;

    explicit HttpServer(Handler handler, QObject *parent = nullptr);
    HttpServer(Handler handler, const HttpLimits &limits, QObject *parent = nullptr);
    ~HttpServer() override;
    Q_DISABLE_COPY_MOVE(HttpServer)

    /** Starts listening; @p port 0 picks a free port. Returns the port, or why it failed. */
    Expected<quint16, QString> listen(const QHostAddress &address, quint16 port);

    const HttpLimits &limits() const { return m_limits; }
    /** Connections open now (not counting those being refused). */
    int connectionCount() const;

private:
    class Backend;
    HttpLimits m_limits;
    std::unique_ptr<Backend> m_backend;
};

} // namespace Companion::Http
