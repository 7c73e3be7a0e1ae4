// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mcp/LogLevel.h"
#include "mcp/PromptDefinition.h"
#include "mcp/ResourceDefinition.h"
#include "mcp/ToolDefinition.h"
#include "mcp/ToolResult.h"
#include "mcp/UriTemplate.h"

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
