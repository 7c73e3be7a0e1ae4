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
    m_resources.insert_or_assign(std::move(key), ResourceEntry {std::move(definition), std::move(reader)});
}

void McpServer::addPrompt(PromptDefinition definition, PromptRenderer renderer)
{
    if (definition.name.isEmpty() || !renderer) {
        qCWarning(lcMcp) << "refused to register a prompt without a name or renderer";
        return;
    }
    std::string key = definition.name.toStdString();
    m_prompts.insert_or_assign(std::move(key), PromptEntry {std::move(definition), std::move(renderer)});
}

void McpServer::log(LogLevel level, const QString &logger, const nlohmann::json &data)
{
    m_sessions.removeAll(QPointer<ServerSession>());
    // A copy: sending may lead a transport to destroy a session.
    const QList<QPointer<ServerSession>> sessions = m_sessions;
    for (const QPointer<ServerSession> &session : sessions) {
        if (session) {
            session->log(level, logger, data);
        }
    }
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
