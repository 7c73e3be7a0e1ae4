// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mcp/McpServer.h"

#include "Logging.h"
#include "mcp/ServerSession.h"
#include "mcp/ToolCall.h"

#include <utility>

namespace Companion::Mcp {

McpServer::McpServer(QObject *parent)
    : QObject(parent)
{ }

McpServer::~McpServer() = default;

std::unique_ptr<McpSession> McpServer::createSession(const QString &transport)
{
    auto session = std::make_unique<ServerSession>(this, transport);
    m_sessions.removeAll(QPointer<ServerSession>());
    m_sessions.append(session.get());
    return session;
}

void McpServer::addTool(ToolDefinition definition, ToolHandler handler)
{
    if (definition.name.isEmpty() || !definition.inputSchema.is_object() || !handler) {
        // The spec requires an object inputSchema; a tool without one breaks some clients' tools/list.
        qCWarning(lcMcp) << "refused to register tool" << definition.name << "(empty name, no handler or bad schema)";
        return;
    }
    std::string key = definition.name.toStdString();
    m_tools.insert_or_assign(std::move(key), ToolEntry {std::move(definition), std::move(handler)});
}

void McpServer::addResource(ResourceDefinition definition, ResourceReader reader)
{
    if (definition.uri.isEmpty() || !reader) {
        qCWarning(lcMcp) << "refused to register a resource without a URI or reader";
        return;
    }
    std::string key = definition.uri.toStdString();
    m_resources.insert_or_assign(std::move(key), ResourceEntry {std::move(definition), std::move(reader), {}});
}

void McpServer::addResource(ResourceDefinition definition, AsyncResourceReader reader)
{
    if (definition.uri.isEmpty() || !reader) {
        qCWarning(lcMcp) << "refused to register a resource without a URI or reader";
        return;
    }
    std::string key = definition.uri.toStdString();
    m_resources.insert_or_assign(std::move(key), ResourceEntry {std::move(definition), {}, std::move(reader)});
}

void McpServer::runTool(const QString &name, const nlohmann::json &arguments, QObject *context,
    std::function<void(const ToolResult &result)> done)
{
    const auto tool = m_tools.find(name.toStdString());
    if (tool == m_tools.end()) {
        done(ToolResult::error(QStringLiteral("Unknown tool: %1").arg(name)));
        return;
    }
    auto call = std::make_shared<ToolCall>(nullptr, nullptr, name, arguments, nullptr, nlohmann::json::object());
    call->setResultHandler([context = QPointer<QObject>(context), done = std::move(done)](const ToolResult &result) {
        if (context) {
            done(result);
        }
    });
    const ToolHandler handler = tool->second.handler;
    handler(std::move(call));
}

void McpServer::addResourceTemplate(
    ResourceTemplateDefinition definition, ResourceTemplateReader reader, CompletionProvider completer)
{
    UriTemplate uriTemplate(definition.uriTemplate);
    if (!uriTemplate.isValid() || !reader) {
        qCWarning(lcMcp) << "refused to register resource template" << definition.uriTemplate
                         << "(not an RFC 6570 level-1 template, or no reader)";
        return;
    }
    std::string key = definition.uriTemplate.toStdString();
    m_resourceTemplates.insert_or_assign(std::move(key),
        ResourceTemplateEntry {std::move(definition), std::move(uriTemplate), std::move(reader), std::move(completer)});
}

void McpServer::addPrompt(PromptDefinition definition, PromptRenderer renderer, CompletionProvider completer)
{
    if (!renderer) {
        addPrompt(std::move(definition), PromptMessagesRenderer(), std::move(completer));
        return;
    }
    addPrompt(std::move(definition),
        PromptMessagesRenderer([renderer = std::move(renderer)](const QMap<QString, QString> &arguments) {
            return QList<PromptMessage> {
                PromptMessage {QStringLiteral("user"), ContentBlock::text(renderer(arguments))}};
        }),
        std::move(completer));
}

void McpServer::addPrompt(PromptDefinition definition, PromptMessagesRenderer renderer, CompletionProvider completer)
{
    if (definition.name.isEmpty() || !renderer) {
        qCWarning(lcMcp) << "refused to register a prompt without a name or renderer";
        return;
    }
    std::string key = definition.name.toStdString();
    m_prompts.insert_or_assign(
        std::move(key), PromptEntry {std::move(definition), std::move(renderer), std::move(completer)});
}

void McpServer::notifyResourceUpdated(const QString &uri)
{
    for (const QPointer<ServerSession> &session : liveSessions()) {
        if (session) {
            session->notifyResourceUpdated(uri);
        }
    }
}

QList<QPointer<ServerSession>> McpServer::liveSessions()
{
    m_sessions.removeAll(QPointer<ServerSession>());
    return m_sessions;
}

void McpServer::log(LogLevel level, const QString &logger, const nlohmann::json &data)
{
    for (const QPointer<ServerSession> &session : liveSessions()) {
        if (session) {
            session->log(level, logger, data);
        }
    }
}

QList<ConnectedClient> McpServer::connectedClients() const
{
    QList<ConnectedClient> clients;
    for (const QPointer<ServerSession> &session : m_sessions) {
        if (session && session->isStarted()) {
            clients.append(ConnectedClient {session->clientName(), session->clientVersion(), session->transport(),
                session->protocolVersion(), session->startedAt()});
        }
    }
    return clients;
}

void McpServer::sessionsChanged()
{
    // Queued: a session reports its close from its destructor, and listeners read connectedClients(),
    // which must no longer see it. Several changes in one turn of the event loop make one signal.
    if (m_clientsChangePending) {
        return;
    }
    m_clientsChangePending = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_clientsChangePending = false;
            Q_EMIT clientsChanged();
        },
        Qt::QueuedConnection);
}

QString ToolCallEvent::outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Ok: return QStringLiteral("ok");
    case Outcome::Error: return QStringLiteral("error");
    case Outcome::Denied: return QStringLiteral("denied");
    case Outcome::Cancelled: return QStringLiteral("cancelled");
    }
    return QStringLiteral("error");
}

int McpServer::sessionCount() const
{
    int count = 0;
    for (const QPointer<ServerSession> &session : m_sessions) {
        count += session ? 1 : 0;
    }
    return count;
}

} // namespace Companion::Mcp
