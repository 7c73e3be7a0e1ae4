// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "HttpLimits.h"
#include "RequestChecker.h"

#include <QObject>
#include <QTimer>

class QTcpSocket;

namespace Companion::Http {

/**
 * Watches one accepted connection for the server (GuardedTcpServer): checks what the client sends before
 * QtHttpServer parses it, and closes the connection when a request head or body takes too long or when it sits
 * idle between requests.
 *
 * Lives as a child of its socket, so it goes when QtHttpServer deletes the socket.
 *
 * Timers, one at a time, chosen from what the connection is doing:
 *
 *   opened / request begun --(head complete)--> body --(body complete)--> dispatched --(answered)--> idle
 *        head deadline: 408                  body deadline: 408        no timer at all         idle: close
 *
 * "Dispatched" lasts as long as the handler's response: a Server-Sent Events stream (an MCP GET stream, or a
 * POST answered as a stream) is never cut by a timer once it has begun.
 */
class ConnectionGuard final : public QObject
{
    Q_OBJECT

public:
    /** Watches @p socket, which the server is about to hand to QtHttpServer. */
    ConnectionGuard(QTcpSocket *socket, const HttpLimits &limits);
    ~ConnectionGuard() override;
    Q_DISABLE_COPY_MOVE(ConnectionGuard)

    /** Answers @p socket, which QtHttpServer never saw, 503 and closes it; the guard deletes the socket. */
    static void refuse(QTcpSocket *socket, const HttpLimits &limits);

    /** QtHttpServer handed one complete request on @p socket to the handler. */
    static void requestDispatched(QTcpSocket *socket);
    /** The handler finished answering one request on @p socket (sent, ended its stream, or gave up). */
    static void responseFinished(QTcpSocket *socket);

private:
    enum class Timed {
        None,
        Head,
        Body,
        Idle
    };

    static ConnectionGuard *of(QTcpSocket *socket);
    void onReadyRead();
    void updateTimer();
    void onTimeout();
    /** Answers @p status (unless a response is under way) and closes after a short linger. */
    void reject(int status, const QByteArray &reason, const QByteArray &extraHeaders = {});
    void drain();
    bool busy() const { return m_dispatched > m_finished; }

    QTcpSocket *m_socket;
    HttpLimits m_limits;
    RequestChecker m_checker;
    QTimer m_timer;
    Timed m_timed = Timed::None;
    int m_dispatched = 0;
    int m_finished = 0;
    bool m_rejected = false;
    qint64 m_drained = 0;
};

} // namespace Companion::Http
