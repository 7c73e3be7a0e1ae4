// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Expected.h"
#include "HttpRequest.h"
#include "HttpResponder.h"

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>

namespace Companion::Http {
class HttpServer;
}

namespace Companion::Mcp {

class McpServer;
class McpSession;

/**
 * MCP Streamable HTTP on 127.0.0.1 for clients other than Claude Desktop (which uses the local socket).
 *
 * Every request must pass, independently: a loopback Host (DNS rebinding), an absent or loopback Origin
 * (browsers), the bearer key, and the body limit. Only then does anything reach the engine.
 *
 * Answers are always application/json (never SSE): a request's response is sent when the session emits it;
 * notifications and server requests the session emits meanwhile have no stream to go on and are dropped.
 * GET (standalone stream) is 405. Malformed JSON is answered 400 with a JSON-RPC -32700 error.
 *
 * Requests of the stateless 2026-07-28 revision (no session id, params._meta carries the version) are
 * served by a fresh session that lives for that one request.
 */
class McpHttpTransport final : public QObject
{
    Q_OBJECT

public:
    static constexpr quint16 kDefaultPort = 7465;
    static constexpr qsizetype kDefaultMaxBodyBytes = 4 * 1024 * 1024;

    struct Options
    {
        /** 0 disables the endpoint, unless ephemeralPort is set (tests), where 0 picks a free port. */
        quint16 port = kDefaultPort;
        bool ephemeralPort = false;
        qsizetype maxBodyBytes = kDefaultMaxBodyBytes;
    };

    /** @p bearerKey is what clients must send as "Authorization: Bearer <key>"; it must not be empty. */
    McpHttpTransport(McpServer &engine, QByteArray bearerKey, Options options, QObject *parent = nullptr);
    McpHttpTransport(McpServer &engine, QByteArray bearerKey, QObject *parent = nullptr);
    ~McpHttpTransport() override;
    Q_DISABLE_COPY_MOVE(McpHttpTransport)

    /** Starts listening on 127.0.0.1; returns the port, or why not (also when disabled by port 0). */
    Expected<quint16, QString> listen();

    bool isListening() const { return m_port != 0; }
    quint16 port() const { return m_port; }
    /** The only address listened on. */
    QHostAddress address() const { return QHostAddress(QHostAddress::LocalHost); }
    /** Sessions created by initialize and not yet deleted. */
    int sessionCount() const { return int(m_sessions.size()); }

private:
    using Responder = std::shared_ptr<Http::HttpResponder>;

    struct Pending
    {
        Responder responder;
        QByteArray sessionHeader; ///< Set on initialize's answer only
        bool stateless = false;
    };
    struct Session
    {
        QPointer<McpSession> session;
        QHash<QByteArray, Pending> pending; ///< By the request id's JSON text
    };

    void handle(const Http::HttpRequest &request, const Responder &responder);
    void handlePost(const Http::HttpRequest &request, const Responder &responder);
    void handleDelete(const Http::HttpRequest &request, const Responder &responder);
    void deliver(Session *session, const QByteArray &message);
    std::shared_ptr<Session> startSession();
    void endSession(const std::shared_ptr<Session> &session);
    bool authorized(const Http::HttpRequest &request) const;

    McpServer &m_engine;
    QByteArray m_bearerKey;
    Options m_options;
    std::unique_ptr<Http::HttpServer> m_server;
    quint16 m_port = 0;
    QHash<QByteArray, std::shared_ptr<Session>> m_sessions;
};

} // namespace Companion::Mcp
