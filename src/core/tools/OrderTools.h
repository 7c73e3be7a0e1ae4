// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mcp/ToolDefinition.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

#include <chrono>
#include <memory>

namespace Companion::Mcp {
class McpServer;
class ToolCall;
} // namespace Companion::Mcp

namespace Companion::Trading {
class AuditLog;
class OrderApprover;
class TradingPolicy;
} // namespace Companion::Trading

namespace Companion::Tools {

class AriesConnection;

/**
 * The order tools: preview_order, place_order, replace_order and cancel_order.
 *
 * Each call goes: audit "requested" → read-only / pause → arguments (OrderTicket) → symbol exists and
 * the order's value (Aries) → safety caps (TradingPolicy) → Aries' preview → audit "pending_approval"
 * → the user's decision in the app's own window (OrderApprover; progress notifications keep the client
 * waiting) → read-only / pause again (the user may have paused meanwhile) → audit "sending" → Aries →
 * audit of the outcome → the result. preview_order stops after the preview and needs no approval.
 *
 * Results always name the environment (live or sandbox) and an outcome: previewed, placed, replaced,
 * cancelled, denied, timed_out, withdrawn, rejected, uncertain, invalid, refused or error. What Aries
 * wrote (reasons, warnings) is returned under "aries" as quoted data and never becomes part of the
 * sentences the tool writes.
 */
class OrderTools final : public QObject
{
    Q_OBJECT

public:
    OrderTools(AriesConnection &connection, Trading::TradingPolicy &policy, Trading::OrderApprover &approver,
        Trading::AuditLog &audit, QObject *parent = nullptr);
    ~OrderTools() override;
    Q_DISABLE_COPY_MOVE(OrderTools)

    void registerTools(Mcp::McpServer &server);
    /** The four tool definitions, in the order they are registered. */
    static QList<Mcp::ToolDefinition> definitions();

    /** How often a waiting call reports progress (10 s; shorter in tests). */
    void setProgressInterval(std::chrono::milliseconds interval) { m_progressInterval = interval; }

Q_SIGNALS:
    /**
     * An order was refused because the audit log could not be written (@p reason: the file and the
     * system's words). The assistant is told in the tool result; the app tells the person, who can fix it.
     */
    void auditLogUnwritable(const QString &reason);

private:
    struct Flow;
    enum class Kind {
        Preview,
        Place,
        Replace,
        Cancel
    };

    void start(Kind kind, std::shared_ptr<Mcp::ToolCall> call);
    void resolveAccount(const std::shared_ptr<Flow> &flow);
    void checkSymbol(const std::shared_ptr<Flow> &flow);
    void findOriginal(const std::shared_ptr<Flow> &flow, qint64 cursor, int pages);
    void priceAndCheck(const std::shared_ptr<Flow> &flow);
    void applyPolicy(const std::shared_ptr<Flow> &flow);
    void preview(const std::shared_ptr<Flow> &flow);
    void askApproval(const std::shared_ptr<Flow> &flow);
    void decided(const std::shared_ptr<Flow> &flow, int decision);
    void send(const std::shared_ptr<Flow> &flow);
    void finish(const std::shared_ptr<Flow> &flow, const QString &outcome, const QString &message, bool isError);
    /** Records one step; false (after logging why) when the audit log cannot be written. */
    bool audit(const std::shared_ptr<Flow> &flow, const QString &outcome, const QString &detail = {});
    /** Ends a call whose step could not be recorded: nothing is sent that the log does not show. */
    void finishUnaudited(const std::shared_ptr<Flow> &flow, const QString &error);

    AriesConnection &m_connection;
    Trading::TradingPolicy &m_policy;
    Trading::OrderApprover &m_approver;
    Trading::AuditLog &m_audit;
    std::chrono::milliseconds m_progressInterval {10000};
    /** Calls waiting for the user, kept alive here whatever the approver does with its callback. */
    QHash<QString, std::shared_ptr<Flow>> m_waiting;
};

} // namespace Companion::Tools
