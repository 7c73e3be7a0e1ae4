// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mcp/LogLevel.h"
#include "mcp/PromptDefinition.h"
#include "mcp/ResourceDefinition.h"
#include "mcp/ToolDefinition.h"
#include "mcp/ToolResult.h"
#include "mcp/UriTemplate.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <memory>

namespace Companion::Mcp {

class McpSession;
class ServerSession;
class ToolCall;

/** One client connected now, as the status view lists it. */
struct ConnectedClient
{
    QString name; ///< clientInfo.name; empty when the client did not say
    QString version; ///< clientInfo.version
    QString transport; ///< "local" (the bridge's socket) or "http"
    QString protocolVersion;
    QDateTime since; ///< UTC, when the session started
};

/**
 * One finished tools/call, for the status view and the audit log. It never holds the arguments: they
 * are not needed to tell what happened, and a client could put anything in them.
 */
struct ToolCallEvent
{
    enum class Outcome {
        Ok, ///< The tool answered a result
        Error, ///< An isError result, or the request was refused (unknown tool, bad params)
        Denied, ///< An order tool refused by the user or the safety settings
        Cancelled, ///< The client cancelled the call or went away before it finished
    };

    QDateTime time; ///< UTC, when the call finished
    QString client; ///< clientInfo.name; empty when unknown
    QString clientVersion;
    QString transport; ///< "local" or "http"
    QString tool; ///< As the client named it (cut to 100 characters)
    Outcome outcome = Outcome::Ok;
    QString detail; ///< A short reason for Error/Denied (one line, at most 160 characters)
    qint64 durationMs = 0;

    /** "ok", "error", "denied", "cancelled": the words of the audit log. */
    static QString outcomeName(Outcome outcome);
};

/**
 * The MCP server: the registries of tools, resources and prompts, and the factory of sessions.
 * Transports call createSession() once per connection and feed the session; everything the
 * sessions share (registries, limits, log broadcast) lives here.
 *
 * Register tools, resources and prompts at start-up: Claude Desktop ignores list_changed, so the
 * lists are advertised as static (tools.listChanged = false).
 */
class McpServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(McpServer)

public:
    /**
     * Runs one tool call. It may finish at once or much later (network, a person's approval);
     * it must eventually call ToolCall::finish() unless the call is cancelled.
     */
    using ToolHandler = std::function<void(std::shared_ptr<ToolCall> call)>;

    static constexpr qsizetype kDefaultMaxMessageBytes = 4 * 1024 * 1024;
    static constexpr int kDefaultPageSize = 100;

    explicit McpServer(QObject *parent = nullptr);
    ~McpServer() override;

    /** A new session for one connection; @p transport names it in logs ("local", "http"). */
    std::unique_ptr<McpSession> createSession(const QString &transport);

    /** Adds or replaces a tool. A definition whose inputSchema is not an object is refused (logged). */
    void addTool(ToolDefinition definition, ToolHandler handler);
    /** Adds or replaces a resource; its reader returns text or a blob (see ResourceContent). */
    void addResource(ResourceDefinition definition, ResourceReader reader);
    /** Adds or replaces a resource whose reader answers later (network); reads wait without blocking. */
    void addResource(ResourceDefinition definition, AsyncResourceReader reader);
    /**
     * Runs a registered tool with no client behind it and hands its result to @p done (not called when
     * @p context goes first). Resources use it to show what a read-only tool answers, so the two never
     * disagree. An unknown tool answers an error result.
     */
    void runTool(const QString &name, const nlohmann::json &arguments, QObject *context,
        std::function<void(const ToolResult &result)> done);
    /**
     * Adds or replaces a resource template. resources/read of a URI that is no registered resource
     * but matches the template calls @p reader with the template's variables; @p completer (optional)
     * answers completion/complete for its variables. A malformed template is refused (logged).
     */
    void addResourceTemplate(
        ResourceTemplateDefinition definition, ResourceTemplateReader reader, CompletionProvider completer = {});
    /** Adds or replaces a prompt rendered as one user text message; @p completer is optional. */
    void addPrompt(PromptDefinition definition, PromptRenderer renderer, CompletionProvider completer = {});
    /** Adds or replaces a prompt rendered as several messages (images, embedded resources). */
    void addPrompt(PromptDefinition definition, PromptMessagesRenderer renderer, CompletionProvider completer = {});

    /**
     * Sends notifications/resources/updated for @p uri to the sessions that subscribed to it (and to
     * no other: an unsolicited notification would make clients re-read resources they do not show).
     */
    void notifyResourceUpdated(const QString &uri);

    /**
     * Sends notifications/message to every session whose level lets @p level through. Messages about
     * one tool call belong on that call (ToolCall::log), so the HTTP transport can deliver them.
     */
    void log(LogLevel level, const QString &logger, const nlohmann::json &data);

    /** Messages larger than this are refused with -32600 "Message too large". */
    void setMaxMessageBytes(qsizetype bytes) { m_maxMessageBytes = bytes; }
    qsizetype maxMessageBytes() const { return m_maxMessageBytes; }
    /** Items per page of the list requests (tools, resources, templates, prompts; small values in tests). */
    void setPageSize(int size) { m_pageSize = size > 0 ? size : 1; }
    int pageSize() const { return m_pageSize; }

    /** The sessions created so far that still exist. */
    int sessionCount() const;
    /**
     * The sessions that are open now and have started (initialize, or a 2026-07-28 request), oldest
     * first. A bridge's session ends when Claude Desktop closes it; an HTTP session when the client
     * deletes it or the transport lets it expire.
     */
    QList<ConnectedClient> connectedClients() const;

Q_SIGNALS:
    /** Every tools/call that got an answer, was refused, or was cancelled: exactly one signal per call. */
    void toolCallFinished(const Companion::Mcp::ToolCallEvent &event);
    /** connectedClients() changed (a client introduced itself, or a session ended). */
    void clientsChanged();

private:
    friend class ServerSession;

    struct ToolEntry
    {
        ToolDefinition definition;
        ToolHandler handler;
    };
    struct ResourceEntry
    {
        ResourceDefinition definition;
        ResourceReader reader; ///< One of the two readers is set
        AsyncResourceReader asyncReader;
    };
    struct ResourceTemplateEntry
    {
        ResourceTemplateDefinition definition;
        UriTemplate uriTemplate;
        ResourceTemplateReader reader;
        CompletionProvider completer;
    };
    struct PromptEntry
    {
        PromptDefinition definition;
        PromptMessagesRenderer renderer;
        CompletionProvider completer;
    };

    /** The live sessions; a copy, because sending may lead a transport to destroy a session. */
    QList<QPointer<ServerSession>> liveSessions();
    /** Called by sessions: a client introduced itself or a session closed; coalesced into one clientsChanged. */
    void sessionsChanged();
    bool m_clientsChangePending = false;

    // std::map keyed by the UTF-8 name gives the deterministic order the spec asks for and lets a
    // pagination cursor be "the name to continue from".
    std::map<std::string, ToolEntry> m_tools;
    std::map<std::string, ResourceEntry> m_resources;
    /** Keyed by the template text, which is also what completion's ref/resource names. */
    std::map<std::string, ResourceTemplateEntry> m_resourceTemplates;
    std::map<std::string, PromptEntry> m_prompts;
    QList<QPointer<ServerSession>> m_sessions;
    qsizetype m_maxMessageBytes = kDefaultMaxMessageBytes;
    int m_pageSize = kDefaultPageSize;
};

} // namespace Companion::Mcp
