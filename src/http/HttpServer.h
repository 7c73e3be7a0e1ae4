// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Expected.h"
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
 */
class HttpServer final : public QObject
{
    Q_OBJECT

public:
    using Handler = std::function<void(const HttpRequest &, const std::shared_ptr<HttpResponder> &)>;

    explicit HttpServer(Handler handler, QObject *parent = nullptr);
    ~HttpServer() override;
    Q_DISABLE_COPY_MOVE(HttpServer)

    /** Starts listening; @p port 0 picks a free port. Returns the port, or why it failed. */
    Expected<quint16, QString> listen(const QHostAddress &address, quint16 port);

private:
    class Backend;
    std::unique_ptr<Backend> m_backend;
};

} // namespace Companion::Http
