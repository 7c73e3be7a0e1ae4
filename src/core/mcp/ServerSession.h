// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mcp/LogLevel.h"
#include "mcp/McpServer.h"
#include "mcp/McpSession.h"
#include "mcp/ToolCall.h"
#include "mcp/ToolResult.h"

#include <QDateTime>
#include <QHash>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <expected>
#include <memory>
#include <optional>

namespace Companion::Mcp {

class McpServer;
class ToolCall;

/**
 * The MCP protocol engine for one connection: JSON-RPC validation, the legacy initialize
 * handshake, the stateless 2026-07-28 requests, and dispatch to the server's registries.
 *
 * Legacy state machine:
 *
 *   AwaitingInitialize --initialize--> Initializing --notifications/initialized--> Ready
 *          |                                  \___________________________________/
 *          |                                          requests are served
 *          +-- only ping (and 2026-07-28 requests, which carry their version) are served
 *
 * close() (or destruction) moves any state to closed: pending tool calls are cancelled, pending
 * requests to the client are forgotten and nothing is sent any more.
 *
 * Requests we send to the client (for a tool call, see ToolCall::requestClient) get the string ids
 * "s-1", "s-2", …; the client's answers are routed back by that id, answers to ids we do not wait
 * for are ignored.
 */
class ServerSession final : public McpSession
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerSession)

public:
    ServerSession(McpServer *server, QString transport, QObject *parent = nullptr);
    ~ServerSession() override;

    void receive(const QByteArray &message) override;
    void close() override;

    QString clientName() const override { return m_clientName; }
    QString clientVersion() const override { return m_clientVersion; }
    QString protocolVersion() const override { return m_protocolVersion; }
    QString transport() const { return m_transport; }
    /** Open and past initialize (or serving 2026-07-28 requests): a client the status view lists. */
    bool isStarted() const { return !m_closed && !m_protocolVersion.isEmpty(); }
    /** UTC, when this session was created. */
    QDateTime startedAt() const { return m_startedAt; }

    /** The level set by logging/setLevel; Info until the client sets one. */
    LogLevel logLevel() const { return m_logLevel; }
    /**
     * Sends notifications/message when @p level is at or above logLevel(). Only legacy sessions
     * past initialize get log messages: 2026-07-28 removed logging/setLevel.
     */
    void log(LogLevel level, const QString &logger, const nlohmann::json &data);
    /** Sends notifications/resources/updated when the client subscribed to @p uri. */
    void notifyResourceUpdated(const QString &uri);
    /** The capabilities the client declared in initialize; an empty object before. */
    const nlohmann::json &clientCapabilities() const { return m_clientCapabilities; }

    /** The protocol revisions initialize accepts, oldest first; the last is the one we prefer. */
    static QStringList legacyVersions();
    /** The stateless revision served without initialize. */
    static QString modernVersion();

private:
    friend class ToolCall;

    struct RpcError
    {
        int code = 0;
        QString message;
        nlohmann::json data;
    };
    using Outcome = std::expected<nlohmann::json, RpcError>;
    /** Per-request facts that change how the request is answered. */
    struct RequestContext
    {
        /** The request carried the 2026-07-28 _meta; results get resultType and serverInfo. */
        bool modern = false;
        /** The request's method, for the 2026-07-28 cache hints on list and read results. */
        QString method;
        /** 2026-07-28: the _meta log level the client opted in to; none means no log messages. */
        std::optional<LogLevel> logLevel;
        /** 2026-07-28: the _meta client capabilities. */
        nlohmann::json clientCapabilities = nlohmann::json::object();
    };
    struct PendingCall
    {
        std::shared_ptr<ToolCall> call;
        RequestContext context;
        QDateTime started; ///< UTC, for the duration the server's observer reports
    };
    struct ClientRequest
    {
        /** The serialized id of the tools/call the request was sent for. */
        QByteArray callKey;
        ToolCall::ClientReplyHandler handler;
    };
    enum class State {
        AwaitingInitialize,
        Initializing,
        Ready
    };

    void handleRequest(const nlohmann::json &id, const QString &method, const nlohmann::json &params);
    void handleNotification(const QString &method, const nlohmann::json &params);
    Outcome dispatch(const QString &method, const nlohmann::json &params, const RequestContext &context);

    Outcome initialize(const nlohmann::json &params);
    Outcome discover() const;
    Outcome setLogLevel(const nlohmann::json &params);
    Outcome listTools(const nlohmann::json &params) const;
    /** Starts a tool call, or answers at once with an error when the request is refused. */
    void callTool(const nlohmann::json &id, const nlohmann::json &params, const RequestContext &context);
    Outcome listResources(const nlohmann::json &params) const;
    Outcome readResource(const nlohmann::json &params, const RequestContext &context) const;
    /** Starts reading a resource with an asynchronous reader; false when the URI has none (read at once). */
    bool startAsyncRead(const nlohmann::json &id, const nlohmann::json &params, const RequestContext &context);
    Outcome listResourceTemplates(const nlohmann::json &params) const;
    Outcome subscribe(const nlohmann::json &params, bool subscribing);
    Outcome listPrompts(const nlohmann::json &params) const;
    Outcome getPrompt(const nlohmann::json &params) const;
    Outcome complete(const nlohmann::json &params) const;
    /** A response from the client to one of our requests. */
    void handleResponse(const nlohmann::json &message);
    /**
     * Forgets the client requests sent for the tool call @p callKey; tells the client with
     * notifications/cancelled when @p notifyClient.
     */
    void dropClientRequests(const QByteArray &callKey, bool notifyClient);

    /** 2026-07-28 has no resources/subscribe (subscriptions/listen replaces it). */
    nlohmann::json capabilities(bool modern = false) const;
    nlohmann::json serverInfo() const;
    /** Adds what 2026-07-28 wants on every result. */
    nlohmann::json decorate(nlohmann::json result, const RequestContext &context) const;

    void reply(const nlohmann::json &id, const Outcome &outcome, const RequestContext &context);
    /** Tells the server's observers how one tools/call ended (McpServer::toolCallFinished). */
    void reportToolCall(
        const QString &tool, const QDateTime &started, ToolCallEvent::Outcome outcome, const QString &detail = {});
    /** Emits send(); @p relatedRequest as in McpSession::send (empty: related to no request). */
    void sendMessage(const nlohmann::json &message, const QByteArray &relatedRequest = {});

    // Called by ToolCall.
    void finishToolCall(const nlohmann::json &requestId, const ToolResult &result);
    void sendProgress(const nlohmann::json &requestId, const nlohmann::json &progressToken, double progress,
        std::optional<double> total, const QString &message);
    void requestClient(const nlohmann::json &callId, const QString &method, nlohmann::json params,
        ToolCall::ClientReplyHandler handler);
    void logForCall(const nlohmann::json &callId, LogLevel level, const QString &logger, const nlohmann::json &data);

    QPointer<McpServer> m_server;
    QString m_transport;
    QDateTime m_startedAt;
    QString m_clientName;
    QString m_clientVersion;
    QString m_protocolVersion;
    State m_state = State::AwaitingInitialize;
    LogLevel m_logLevel = LogLevel::Info;
    bool m_closed = false;
    /** Pending tools/call requests by the serialized request id (so 1 and "1" differ). */
    QHash<QByteArray, PendingCall> m_pending;
    /** resources/read requests waiting for an asynchronous reader, by the serialized request id. */
    QHash<QByteArray, RequestContext> m_pendingReads;
    nlohmann::json m_clientCapabilities = nlohmann::json::object();
    /** Requests sent to the client and not answered yet, by serialized id ("\"s-1\""). */
    QHash<QByteArray, ClientRequest> m_clientRequests;
    quint64 m_nextClientRequest = 0;
    /** URIs the client subscribed to with resources/subscribe. */
    QSet<QString> m_subscriptions;
};

} // namespace Companion::Mcp
