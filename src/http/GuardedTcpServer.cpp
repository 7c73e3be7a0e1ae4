// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "GuardedTcpServer.h"

#include "ConnectionGuard.h"

#include <QTcpSocket>

namespace Companion::Http {

GuardedTcpServer::GuardedTcpServer(const HttpLimits &limits, QObject *parent)
    : QTcpServer(parent)
    , m_limits(limits)
{ }

GuardedTcpServer::~GuardedTcpServer() = default;

void GuardedTcpServer::incomingConnection(qintptr socketDescriptor)
{
    // Parented to the server as QTcpServer's own default does; QtHttpServer deletes it when it disconnects.
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        delete socket;
        return;
    }
    // QtHttpServer writes a response in several pieces (status line, each header, body); with Nagle's algorithm
    // the later pieces wait for the client's delayed ACK, which adds milliseconds to every answer and SSE event.
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    if (m_active >= m_limits.maxConnections) {
        // Never reaches QtHttpServer; answered and closed within the linger time.
        ConnectionGuard::refuse(socket, m_limits);
        return;
    }
    auto *guard = new ConnectionGuard(socket, m_limits);
    ++m_active;
    // The guard is the socket's child, so it goes exactly when the connection's socket is deleted.
    connect(guard, &QObject::destroyed, this, [this] { --m_active; });
    addPendingConnection(socket);
}

} // namespace Companion::Http
