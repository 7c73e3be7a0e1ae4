// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mcp/LogLevel.h"
#include "mcp/ToolResult.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <nlohmann/json.hpp>

#include <expected>
#include <functional>
#include <optional>

namespace Companion::Mcp {

class ServerSession;

/**
 * One pending tools/call, handed to the tool's handler. The handler keeps the shared pointer as
 * long as it works and calls finish() once. After the client cancels (or disconnects) the call
 * emits cancelled() and finish() sends nothing: the spec forbids answering a cancelled request.
 *
 * While it runs, a call may ask the client something (sampling/createMessage, elicitation/create)
 * with requestClient() and log with log(); both travel with the call, so the HTTP transport puts
 * them on the call's own SSE stream.
 */
class ToolCall final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ToolCall)

public:
    /** Why a request to the client produced no result. */
    struct ClientError
    {
        /** The client's JSON-RPC error code, or kClientRequestUnavailable when it was never sent. */
        int code = 0;
        QString message;
        nlohmann::json data;
    };
    using ClientReply = std::expected<nlohmann::json, ClientError>;
    using ClientReplyHandler = std::function<void(const ClientReply &reply)>;
    /**
     * The code of a ClientError for a request that was not sent: a 2026-07-28 request (no
     * server-to-client requests; it uses input_required results instead) or a client that did not
     * declare the capability the method needs.
     */
    static constexpr int kClientRequestUnavailable = -32600;

    ToolCall(ServerSession *session, nlohmann::json requestId, QString toolName, nlohmann::json arguments,
        nlohmann::json progressToken, nlohmann::json clientCapabilities = nlohmann::json::object());
    ~ToolCall() override;

    QString toolName() const { return m_toolName; }
    /** The call's arguments; an empty object when the client sent none. */
    const nlohmann::json &arguments() const { return m_arguments; }
    /** clientInfo.name of the calling session, as known when the call started. */
    QString clientName() const { return m_clientName; }
    /** The request's _meta.progressToken, or null when the client asked for no progress. */
    const nlohmann::json &progressToken() const { return m_progressToken; }
    /**
     * The capabilities the client declared (initialize, or the 2026-07-28 request's _meta), as
     * known when the call started; an empty object when it declared none.
     */
    const nlohmann::json &clientCapabilities() const { return m_clientCapabilities; }
    /** The JSON-RPC id of the tools/call request. */
    const nlohmann::json &requestId() const { return m_requestId; }

    /**
     * Sends notifications/progress if the client asked for it. Progress must increase; a value not
     * above the last one is dropped, as are reports after finish() or cancellation.
     */
    void reportProgress(double progress, std::optional<double> total = std::nullopt, const QString &message = {});
    /**
     * Sends a request to the client (e.g. sampling/createMessage, elicitation/create) and calls
     * @p handler with its result or its error. sampling, elicitation and roots methods need the
     * matching client capability; without it, or in a 2026-07-28 call, @p handler gets a
     * kClientRequestUnavailable error at once. When the call finishes or is cancelled, or the
     * session closes, before the client answers, the request is forgotten and @p handler is never
     * called (the client is told with notifications/cancelled while the session is open). Nothing is
     * sent after finish() or cancellation.
     */
    void requestClient(const QString &method, nlohmann::json params, ClientReplyHandler handler);
    /**
     * Sends notifications/message for this call when the client's level lets @p level through (the
     * session's logging/setLevel, or the 2026-07-28 request's _meta log level; none means no logs).
     * Dropped after finish() or cancellation.
     */
    void log(LogLevel level, const QString &logger, const nlohmann::json &data);
    /** Answers the call. Only the first call counts; nothing is sent after cancellation. */
    void finish(const ToolResult &result);

    /**
     * For a call with no session (McpServer::runTool): where finish() delivers the result instead of a
     * client.
     */
    void setResultHandler(std::function<void(const ToolResult &result)> handler)
    {
        m_resultHandler = std::move(handler);
    }

    bool isCancelled() const { return m_cancelled; }
    bool isFinished() const { return m_finished; }

Q_SIGNALS:
    /** The client cancelled the request or went away; stop working, nobody listens any more. */
    void cancelled();

private:
    friend class ServerSession;
    /** Called by the session; emits cancelled() once. */
    void cancel();

    QPointer<ServerSession> m_session;
    nlohmann::json m_requestId;
    QString m_toolName;
    nlohmann::json m_arguments;
    nlohmann::json m_progressToken;
    nlohmann::json m_clientCapabilities;
    QString m_clientName;
    std::optional<double> m_lastProgress;
    bool m_cancelled = false;
    bool m_finished = false;
    std::function<void(const ToolResult &result)> m_resultHandler;
};

} // namespace Companion::Mcp
