// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mcp/ToolResult.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <nlohmann/json.hpp>

#include <optional>

namespace Companion::Mcp {

class ServerSession;

/**
 * One pending tools/call, handed to the tool's handler. The handler keeps the shared pointer as
 * long as it works and calls finish() once. After the client cancels (or disconnects) the call
 * emits cancelled() and finish() sends nothing: the spec forbids answering a cancelled request.
 */
class ToolCall final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ToolCall)

public:
    ToolCall(ServerSession *session, nlohmann::json requestId, QString toolName, nlohmann::json arguments,
        nlohmann::json progressToken);
    ~ToolCall() override;

    QString toolName() const { return m_toolName; }
    /** The call's arguments; an empty object when the client sent none. */
    const nlohmann::json &arguments() const { return m_arguments; }
    /** clientInfo.name of the calling session, as known when the call started. */
    QString clientName() const { return m_clientName; }
    /** The request's _meta.progressToken, or null when the client asked for no progress. */
    const nlohmann::json &progressToken() const { return m_progressToken; }

    /**
     * Sends notifications/progress if the client asked for it. Progress must increase; a value not
     * above the last one is dropped, as are reports after finish() or cancellation.
     */
    void reportProgress(double progress, std::optional<double> total = std::nullopt, const QString &message = {});
    /** Answers the call. Only the first call counts; nothing is sent after cancellation. */
    void finish(const ToolResult &result);

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
    QString m_clientName;
    std::optional<double> m_lastProgress;
    bool m_cancelled = false;
    bool m_finished = false;
};

} // namespace Companion::Mcp
