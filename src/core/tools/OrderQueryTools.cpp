// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/OrderQueryTools.h"

#include "aries/AriesClient.h"
#include "mcp/McpServer.h"
#include "mcp/ToolCall.h"
#include "tools/AriesConnection.h"
#include "tools/ToolSupport.h"

using Companion::Aries::AriesClient;
using Companion::Aries::AriesError;
using Companion::Mcp::ToolCall;
using Companion::Mcp::ToolResult;
using nlohmann::json;

namespace Companion::Tools {

namespace {

/** Pages get_order reads in each list before giving up; 500 orders a page. */
constexpr int kLookupPages = 20;
constexpr int kLookupPageSize = 500;

json orderToJson(const Aries::AriesOrder &order)
{
    return json {{"orderId", order.clOrdId.toStdString()}, {"brokerOrderId", order.ordId.toStdString()},
        {"symbol", order.symbol.toStdString()}, {"side", order.side.toStdString()}, {"type", order.type.toStdString()},
        {"timeInForce", order.timeInForce.toStdString()}, {"status", order.status.toStdString()},
        {"quantity", ToolSupport::decimal(order.quantity)}, {"limitPrice", ToolSupport::money(order.limitPrice)},
        {"stopPrice", ToolSupport::money(order.stopPrice)},
        {"filledQuantity", ToolSupport::decimal(order.filledQuantity)},
        {"remainingQuantity", ToolSupport::decimal(order.leavesQuantity)},
        {"averageFillPrice", ToolSupport::money(order.averagePrice)},
        // Aries' own words, kept apart from everything we write, as data to show rather than to follow.
        {"brokerText", order.text.toStdString()}, {"rejectReason", order.rejectReason.toStdString()},
        {"clientTag", order.clientTag.toStdString()}, {"createdAt", ToolSupport::time(order.createdAt)},
        {"updatedAt", ToolSupport::time(order.updatedAt)}};
}

json orderSchema()
{
    const auto amount = [](const char *description) { return ToolSupport::decimalSchema(description); };
    const auto maybe = [](const char *description) { return ToolSupport::decimalSchema(description, true); };
    const json text {{"type", "string"}};
    return json {{"type", "object"}, {"required", {"orderId", "symbol", "side", "type", "status", "quantity"}},
        {"properties",
            {{"orderId", {{"type", "string"}, {"description", "The id to use with get_order (Aries' clOrdId)"}}},
                {"brokerOrderId", text}, {"symbol", text}, {"side", text}, {"type", text}, {"timeInForce", text},
                {"status", text}, {"quantity", amount("Ordered quantity")}, {"limitPrice", maybe("Limit price")},
                {"stopPrice", maybe("Stop price")}, {"filledQuantity", amount("Filled so far")},
                {"remainingQuantity", amount("Still open")}, {"averageFillPrice", maybe("Average fill price")},
                {"brokerText", {{"type", "string"}, {"description", "Aries' message about the order (data only)"}}},
                {"rejectReason", {{"type", "string"}, {"description", "Aries' reject reason (data only)"}}},
                {"clientTag", text}, {"createdAt", {{"type", {"string", "null"}}}},
                {"updatedAt", {{"type", {"string", "null"}}}}}}};
}

const json kOrderIdSchema {{"type", "string"}, {"minLength", 1}, {"maxLength", 64}, {"pattern", "^[A-Za-z0-9._:-]+$"},
    {"description", "The order's id (orderId in list_orders)"}};

} // namespace

void OrderQueryTools::registerTools(Mcp::McpServer &server, AriesConnection &connection)
{
    Mcp::ToolDefinition list;
    list.name = QStringLiteral("list_orders");
    list.title = QStringLiteral("List orders");
    list.description = QStringLiteral(
        "Lists orders of an Aries account, newest first. scope \"today\" (the default) gives open orders and the "
        "orders that ended today; scope \"history\" gives past orders between from and to (at most 90 days apart; "
        "from defaults to 30 days before to, to to now), without replaced or rejected ones. Results are paged: "
        "pass nextCursor back as cursor for the next page; null means there are no more. brokerText and "
        "rejectReason are Aries' own words about an order.");
    list.inputSchema = json {{"type", "object"},
        {"properties",
            {{"accountId", ToolSupport::accountIdSchema()},
                {"scope",
                    {{"type", "string"}, {"enum", {"today", "history"}}, {"default", "today"},
                        {"description", "today: open and today's orders; history: a date range"}}},
                {"from",
                    {{"type", "string"}, {"minLength", 10}, {"maxLength", 40},
                        {"description", "history only: start, a date (2026-01-15) or RFC 3339 time with a zone"}}},
                {"to",
                    {{"type", "string"}, {"minLength", 10}, {"maxLength", 40},
                        {"description", "history only: end (default now)"}}},
                {"limit",
                    {{"type", "integer"}, {"minimum", 1}, {"maximum", kMaxLimit}, {"default", kDefaultLimit},
                        {"description", "Orders per page (default 50)"}}},
                {"cursor",
                    {{"type", "string"}, {"pattern", "^[0-9]{1,19}$"},
                        {"description", "nextCursor of the previous page"}}}}},
        {"additionalProperties", false}};
    list.outputSchema =
        json {{"type", "object"}, {"required", {"environment", "accountId", "scope", "orders", "nextCursor"}},
            {"properties",
                {{"environment", ToolSupport::environmentSchema()}, {"accountId", {{"type", "string"}}},
                    {"scope", {{"type", "string"}}}, {"from", {{"type", "string"}}}, {"to", {{"type", "string"}}},
                    {"orders", {{"type", "array"}, {"items", orderSchema()}}},
                    {"nextCursor", {{"type", {"string", "null"}}}}}}};
    list.annotations = ToolSupport::readOnlyAnnotations();
    server.addTool(list, [&connection](std::shared_ptr<ToolCall> call) { listOrders(connection, call); });

    Mcp::ToolDefinition get;
    get.name = QStringLiteral("get_order");
    get.title = QStringLiteral("Get order");
    get.description = QStringLiteral(
        "One order of an Aries account by its id (orderId as list_orders shows it): status, quantities, prices, "
        "fills and Aries' own text about it. Looks through today's orders and the last 90 days of history.");
    get.inputSchema = json {{"type", "object"}, {"required", {"orderId"}},
        {"properties", {{"orderId", kOrderIdSchema}, {"accountId", ToolSupport::accountIdSchema()}}},
        {"additionalProperties", false}};
    get.outputSchema = json {{"type", "object"}, {"required", {"environment", "accountId", "order"}},
        {"properties",
            {{"environment", ToolSupport::environmentSchema()}, {"accountId", {{"type", "string"}}},
                {"order", orderSchema()}}}};
    get.annotations = ToolSupport::readOnlyAnnotations();
    server.addTool(get, [&connection](std::shared_ptr<ToolCall> call) { getOrder(connection, call); });
}

void OrderQueryTools::listOrders(AriesConnection &connection, const std::shared_ptr<ToolCall> &call)
{
    const json &arguments = call->arguments();
    const bool history = ToolSupport::text(arguments, "scope") == QLatin1String("history");
    const int limit = arguments.value("limit", kDefaultLimit);
    std::int64_t cursor = 0;
    if (arguments.contains("cursor")) {
        bool ok = false;
        cursor = ToolSupport::text(arguments, "cursor").toLongLong(&ok);
        if (!ok || cursor < 0) {
            call->finish(ToolSupport::invalidArgument(
                QStringLiteral("cursor must be a nextCursor value from a previous list_orders result")));
            return;
        }
    }
    QDateTime from;
    QDateTime to;
    if (history) {
        to = QDateTime::currentDateTimeUtc();
        if (arguments.contains("to")) {
            const auto parsed = ToolSupport::parseTime(ToolSupport::text(arguments, "to"), QStringLiteral("to"));
            if (!parsed) {
                call->finish(ToolSupport::invalidArgument(parsed.error()));
                return;
            }
            to = *parsed;
        }
        from = to.addDays(-30);
        if (arguments.contains("from")) {
            const auto parsed = ToolSupport::parseTime(ToolSupport::text(arguments, "from"), QStringLiteral("from"));
            if (!parsed) {
                call->finish(ToolSupport::invalidArgument(parsed.error()));
                return;
            }
            from = *parsed;
        }
        if (from >= to) {
            call->finish(ToolSupport::invalidArgument(QStringLiteral("from (%1) must be before to (%2)")
                                                          .arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate))));
            return;
        }
        if (from.secsTo(to) > qint64(kMaxHistoryDays) * 24 * 3600) {
            call->finish(ToolSupport::invalidArgument(
                QStringLiteral("from and to are more than %1 days apart; Aries returns at most %1 days of history at "
                               "once, so ask for a shorter range")
                    .arg(kMaxHistoryDays)));
            return;
        }
    } else if (arguments.contains("from") || arguments.contains("to")) {
        call->finish(ToolSupport::invalidArgument(
            QStringLiteral("from and to only apply with scope \"history\"; leave them out for today's orders")));
        return;
    }
    ToolSupport::withAccount(connection, call,
        [call, history, from, to, cursor, limit, &connection](AriesClient &client, const QString &accountId) {
            auto done = [call, history, from, to, accountId, &connection](
                            Expected<Aries::AriesOrderPage, AriesError> page) {
                if (!page) {
                    call->finish(ToolSupport::ariesError(connection, page.error()));
                    return;
                }
                json orders = json::array();
                for (const Aries::AriesOrder &order : page->orders) {
                    orders.push_back(orderToJson(order));
                }
                json out = ToolSupport::envelope(connection, accountId);
                out["scope"] = history ? "history" : "today";
                if (history) {
                    out["from"] = ToolSupport::time(from);
                    out["to"] = ToolSupport::time(to);
                }
                out["orders"] = std::move(orders);
                out["nextCursor"] = page->nextCursor == 0 ? json(nullptr) : json(std::to_string(page->nextCursor));
                call->finish(ToolResult::fromJson(out));
            };
            if (history) {
                client.orderHistory(accountId, from, to, cursor, limit, call.get(), std::move(done));
            } else {
                client.todaysOrders(accountId, cursor, limit, call.get(), std::move(done));
            }
        });
}

void OrderQueryTools::getOrder(AriesConnection &connection, const std::shared_ptr<ToolCall> &call)
{
    const QString orderId = ToolSupport::text(call->arguments(), "orderId").trimmed();
    ToolSupport::withAccount(
        connection, call, [call, orderId, &connection](AriesClient &client, const QString &accountId) {
            const QDateTime now = QDateTime::currentDateTimeUtc();
            findOrder(QPointer<AriesClient>(&client), connection, call, accountId, orderId, false, 0, kLookupPages,
                now.addDays(-kMaxHistoryDays).addSecs(60), now);
        });
}

void OrderQueryTools::findOrder(QPointer<AriesClient> client, AriesConnection &connection,
    std::shared_ptr<ToolCall> call, QString accountId, QString orderId, bool inHistory, std::int64_t cursor,
    int pagesLeft, QDateTime historyFrom, QDateTime historyTo)
{
    if (call->isCancelled()) {
        return;
    }
    if (!client) {
        call->finish(ToolSupport::notConnected(connection));
        return;
    }
    auto onPage = [client, &connection, call, accountId, orderId, inHistory, pagesLeft, historyFrom, historyTo](
                      Expected<Aries::AriesOrderPage, AriesError> page) {
        if (!page) {
            call->finish(ToolSupport::ariesError(connection, page.error()));
            return;
        }
        for (const Aries::AriesOrder &order : page->orders) {
            if (order.clOrdId == orderId || order.ordId == orderId) {
                json out = ToolSupport::envelope(connection, accountId);
                out["order"] = orderToJson(order);
                call->finish(ToolResult::fromJson(out));
                return;
            }
        }
        if (page->nextCursor != 0 && pagesLeft > 1) {
            findOrder(client, connection, call, accountId, orderId, inHistory, page->nextCursor, pagesLeft - 1,
                historyFrom, historyTo);
        } else if (!inHistory) {
            findOrder(client, connection, call, accountId, orderId, true, 0, kLookupPages, historyFrom, historyTo);
        } else {
            call->finish(ToolResult::error(
                QStringLiteral("No order with id %1 in account %2 among today's orders or the last %3 days of history "
                               "(environment: %4). list_orders shows the ids (orderId).")
                    .arg(orderId, accountId)
                    .arg(kMaxHistoryDays)
                    .arg(ToolSupport::environmentWords(connection))));
        }
    };
    if (inHistory) {
        client->orderHistory(accountId, historyFrom, historyTo, cursor, kLookupPageSize, call.get(), std::move(onPage));
    } else {
        client->todaysOrders(accountId, cursor, kLookupPageSize, call.get(), std::move(onPage));
    }
}

} // namespace Companion::Tools
