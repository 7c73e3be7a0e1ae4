// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QPointer>
#include <QString>

#include <cstdint>
#include <memory>

namespace Companion::Aries {
class AriesClient;
struct AriesOrder;
} // namespace Companion::Aries

namespace Companion::Mcp {
class McpServer;
class ToolCall;
} // namespace Companion::Mcp

namespace Companion::Tools {

class AriesConnection;

/**
 * The read-only order tools: list_orders (today's orders, open ones included, or the history of a date
 * range, paged) and get_order (one order by id). Aries has no endpoint for a single order, so get_order
 * looks through today's orders and then the last 90 days of history.
 *
 * Always registered, also while signed out (the tool list is static). @p connection must outlive @p server.
 */
class OrderQueryTools final
{
public:
    OrderQueryTools() = delete;

    static constexpr int kDefaultLimit = 50;
    static constexpr int kMaxLimit = 200;
    static constexpr int kMaxHistoryDays = 90;

    static void registerTools(Mcp::McpServer &server, AriesConnection &connection);

private:
    static void listOrders(AriesConnection &connection, const std::shared_ptr<Mcp::ToolCall> &call);
    static void getOrder(AriesConnection &connection, const std::shared_ptr<Mcp::ToolCall> &call);
    /** Looks for @p orderId page by page: today's orders first, then the history from @p historyFrom. */
    static void findOrder(QPointer<Aries::AriesClient> client, AriesConnection &connection,
        std::shared_ptr<Mcp::ToolCall> call, QString accountId, QString orderId, bool inHistory, std::int64_t cursor,
        int pagesLeft, QDateTime historyFrom, QDateTime historyTo);
};

} // namespace Companion::Tools
