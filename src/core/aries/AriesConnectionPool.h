// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

#include <chrono>
#include <deque>
#include <functional>
#include <memory>
#include <utility>

namespace Companion::Aries {

/**
 * Aries' reads (GET) over keep-alive HTTP/1.1 connections that stay open between requests, up to a
 * number per server, on the thread that asks; requests beyond that wait here for a free connection.
 *
 * Why not QNetworkAccessManager, measured with bench/ (bench/RESULTS.md): Qt 6.4's HTTP channel reads
 * each answer's status line and headers one byte per read() system call (its socket is unbuffered:
 * about 220 calls for a sandbox answer, more for a real server's headers), hands every request to its own
 * thread and back, and connects about twenty signals by name for each; a get_quote cost more than a
 * millisecond in the app, more than a Node.js server making the same requests. It also caps a server at
 * 6 connections, and its deadline runs while a request waits for one, so a large portfolio behind a slow
 * Aries timed out. This class reads whole buffers, never leaves the caller's thread, and starts a
 * request's deadline only when a connection takes it.
 *
 * The rules are those of AriesOneShotRequest, which sends the writes: TLS verified as QSslSocket does by
 * default (errors end the request, never ignored), plain http only to a loopback address (the sandbox),
 * no redirects followed (an answer is an answer), no proxy. A GET whose reused connection turns out to
 * have been closed by the server before any answer is sent again once on a new connection, as HTTP
 * clients do for idempotent requests; nothing else is retried here (AriesClient decides that).
 */
class AriesConnectionPool final : public QObject
{
    Q_OBJECT

public:
    using Header = std::pair<QByteArray, QByteArray>;
    struct Answer
    {
        enum class Failure {
            None, ///< A complete HTTP answer (any status)
            NotSent, ///< No connection (refused, unknown host, TLS failed) or a refused address
            Timeout, ///< No complete answer within the deadline
            Lost, ///< The connection closed after the request went out, with no answer
            Truncated, ///< Part of an answer arrived, then the connection closed (or it was unreadable)
        };
        Failure failure = Failure::None;
        int status = 0;
        QByteArray body;
        QByteArray retryAfter;
        QString errorString;
    };
    using Done = std::function<void(const Answer &)>;

    explicit AriesConnectionPool(int maxConnectionsPerServer, QObject *parent = nullptr);
    ~AriesConnectionPool() override;
    Q_DISABLE_COPY_MOVE(AriesConnectionPool)

    /**
     * Sends GET @p url. @p done runs exactly once, never before get() returns, unless the pool is
     * destroyed first (then never). @p timeout counts from the moment a connection takes the request.
     */
    void get(const QUrl &url, const QList<Header> &headers, std::chrono::milliseconds timeout, Done done);

    /** Connections open now, and opened since the start: how tests see reuse. */
    int openConnections() const { return int(m_connections.size()); }
    int connectionsOpened() const { return m_opened; }
    /** How long an unused connection is kept; servers close theirs after a minute or so. */
    void setIdleTimeout(std::chrono::milliseconds timeout) { m_idleTimeout = timeout; }

private:
    struct Request;
    struct Connection;

    void pump(const QString &server);
    void assign(const std::shared_ptr<Connection> &connection, const std::shared_ptr<Request> &request);
    void onConnected(const std::shared_ptr<Connection> &connection);
    void send(const std::shared_ptr<Connection> &connection);
    void onReadyRead(const std::shared_ptr<Connection> &connection);
    void onClosed(const std::shared_ptr<Connection> &connection, const QString &why);
    void onTimeout(const std::shared_ptr<Connection> &connection);
    /** Takes the request off the connection, closes the connection unless @p keep, answers, pumps. */
    void complete(const std::shared_ptr<Connection> &connection, const Answer &answer, bool keep);
    void drop(const std::shared_ptr<Connection> &connection);

    int m_maxPerServer;
    std::chrono::milliseconds m_idleTimeout {30000};
    int m_opened = 0;
    QList<std::shared_ptr<Connection>> m_connections;
    QHash<QString, std::deque<std::shared_ptr<Request>>> m_queues;
};

} // namespace Companion::Aries
