// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "HttpLimits.h"

#include <QTcpServer>

namespace Companion::Http {

/**
 * The listening socket behind HttpServer: a QTcpServer that puts a ConnectionGuard on every connection before
 * QtHttpServer gets it, and refuses connections beyond HttpLimits::maxConnections with a 503.
 *
 * Why here: QtHttpServer 6.4 takes sockets from QTcpServer::nextPendingConnection() and connects its parser to
 * readyRead at that moment. Creating the socket ourselves in incomingConnection() lets the guard connect first,
 * which is what lets it see (by peeking) and veto every byte before QtHttpServer's parser reads it.
 */
class GuardedTcpServer final : public QTcpServer
{
    Q_OBJECT

public:
    explicit GuardedTcpServer(const HttpLimits &limits, QObject *parent = nullptr);
    ~GuardedTcpServer() override;
    Q_DISABLE_COPY_MOVE(GuardedTcpServer)

    /** Connections handed to QtHttpServer and not yet closed. */
    int activeConnections() const { return m_active; }

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    HttpLimits m_limits;
    int m_active = 0;
};

} // namespace Companion::Http
