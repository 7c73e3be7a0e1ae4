// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Expected.h"
#include "HttpLimits.h"
#include "HttpRequest.h"
#include "HttpResponder.h"

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QString>

#include <nlohmann/json_fwd.hpp>

#include <memory>
#include <optional>

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
 * (browsers), the bearer key, and the body limit. Only then does anything reach the engine. Before any of
 * that, the HTTP server (Http::HttpServer, Options::limits) caps connections, times out slow heads and bodies
 * and idle keep-alive connections, and refuses oversized and ambiguous requests (smuggling shapes) while they
 * arrive, so none of them is ever parsed into a request.
 *
 * A request is answered as application/json when its response is the first thing the engine sends for
 * it, which is the common case and the cheapest. When the engine first sends something that belongs to
 * the request (progress, a log message, a sampling or elicitation request to the client), the answer
 * turns into a text/event-stream that carries those messages and ends with the response. Messages that
 * belong to no request go on the session's standalone GET stream when the client opened one, else they
 * are dropped (the spec puts each message on exactly one stream). Malformed JSON is answered 400 with a
 * JSON-RPC -32700 error.
 *
 * Requests of the stateless 2026-07-28 revision (no session id, params._meta carries the version) are
 * served by a fresh session that lives for that one request. They must repeat the version, the method
 * and (for tools/call, resources/read, prompts/get) the name in headers (-32020 otherwise), and closing
 * the connection cancels them.
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
        /** Connection limits and timeouts of the HTTP server; its body limit is maxBodyBytes above. */
        Http::HttpLimits limits;
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
    /** HTTP connections open now. */
    int connectionCount() const;

private:
    using Responder = std::shared_ptr<Http::HttpResponder>;

    struct Pending
    {
        Responder responder;
        QByteArray sessionHeader; ///< Set on initialize's answer only
        bool stateless = false;
        bool acceptsStream = false; ///< The client's Accept allows text/event-stream
    };
    struct Session
    {
        QPointer<McpSession> session;
        QHash<QByteArray, Pending> pending; ///< By the request id's JSON text
        Responder standaloneStream; ///< The client's GET stream, if open
    };

    void handle(const Http::HttpRequest &request, const Responder &responder);
    void handlePost(const Http::HttpRequest &request, const Responder &responder);
    void handleGet(const Http::HttpRequest &request, const Responder &responder);
    void handleDelete(const Http::HttpRequest &request, const Responder &responder);
    /** Checks the 2026-07-28 headers of a stateless request; an error body for a 400 when they are wrong. */
    std::optional<QByteArray> statelessHeaderProblem(
        const Http::HttpRequest &request, const nlohmann::json &message) const;
    void deliver(Session *session, const QByteArray &message, const QByteArray &relatedRequest, bool isResponse);
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
