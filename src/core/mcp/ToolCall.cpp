// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mcp/ToolCall.h"

#include "mcp/ServerSession.h"

#include <utility>

namespace Companion::Mcp {

ToolCall::ToolCall(ServerSession *session, nlohmann::json requestId, QString toolName, nlohmann::json arguments,
    nlohmann::json progressToken, nlohmann::json clientCapabilities)
    : m_session(session)
    , m_requestId(std::move(requestId))
    , m_toolName(std::move(toolName))
    , m_arguments(std::move(arguments))
    , m_progressToken(std::move(progressToken))
    , m_clientCapabilities(clientCapabilities.is_object() ? std::move(clientCapabilities) : nlohmann::json::object())
    , m_clientName(session ? session->clientName() : QString())
{ }

ToolCall::~ToolCall() = default;

void ToolCall::reportProgress(double progress, std::optional<double> total, const QString &message)
{
    if (m_finished || m_cancelled || m_progressToken.is_null() || !m_session) {
        return;
    }
    // The spec requires progress to increase with each notification.
    if (m_lastProgress && progress <= *m_lastProgress) {
        return;
    }
    m_lastProgress = progress;
    m_session->sendProgress(m_requestId, m_progressToken, progress, total, message);
}

void ToolCall::requestClient(const QString &method, nlohmann::json params, ClientReplyHandler handler)
{
    if (m_finished || m_cancelled || !m_session) {
        return;
    }
    m_session->requestClient(m_requestId, method, std::move(params), std::move(handler));
}

void ToolCall::log(LogLevel level, const QString &logger, const nlohmann::json &data)
{
    if (m_finished || m_cancelled || !m_session) {
        return;
    }
    m_session->logForCall(m_requestId, level, logger, data);
}

void ToolCall::finish(const ToolResult &result)
{
    if (m_finished || m_cancelled) {
        return;
    }
    m_finished = true;
    if (m_session) {
        m_session->finishToolCall(m_requestId, result);
    } else if (m_resultHandler) {
        m_resultHandler(result);
    }
}

void ToolCall::cancel()
{
    if (m_cancelled || m_finished) {
        return;
    }
    m_cancelled = true;
    Q_EMIT cancelled();
}

} // namespace Companion::Mcp
