// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/AccountTools.h"

#include "aries/AriesClient.h"
#include "mcp/McpServer.h"
#include "mcp/ToolCall.h"
#include "tools/AriesConnection.h"
#include "tools/MarketDataFetcher.h"
#include "tools/PortfolioBuilder.h"
#include "tools/ToolSupport.h"

#include <QPointer>

using Companion::Aries::AriesClient;
using Companion::Aries::AriesError;
using Companion::Mcp::ToolCall;
using Companion::Mcp::ToolResult;
using nlohmann::json;

namespace Companion::Tools {

namespace {

json accountArgumentSchema()
{
    return json {{"type", "object"}, {"properties", {{"accountId", ToolSupport::accountIdSchema()}}},
        {"additionalProperties", false}};
}

/** Both halves of get_portfolio's first step, which run side by side. */
struct PortfolioStart
{
    std::optional<QList<Aries::AriesPosition>> positions;
    std::optional<Aries::AriesBalances> balances;
    std::optional<AriesError> error;
    int outstanding = 2;
};

} // namespace

void AccountTools::registerTools(Mcp::McpServer &server, AriesConnection &connection)
{
    Mcp::ToolDefinition accounts;
    accounts.name = QStringLiteral("get_accounts");
    accounts.title = QStringLiteral("Aries accounts");
    accounts.description = QStringLiteral(
        "Lists the user's Aries brokerage accounts: account id, type (e.g. INDIVIDUAL), class (MARGIN or CASH), "
        "status, and which one the other tools use when no accountId is given. The result's environment says "
        "whether this is the user's live Aries account (real money) or the local sandbox (simulated).");
    accounts.inputSchema = json {{"type", "object"}, {"additionalProperties", false}};
    accounts.outputSchema = json {{"type", "object"}, {"required", {"environment", "accountId", "accounts"}},
        {"properties",
            {{"environment", ToolSupport::environmentSchema()},
                {"accountId", {{"type", "string"}, {"description", "The account used when none is named"}}},
                {"accounts",
                    {{"type", "array"},
                        {"items",
                            {{"type", "object"}, {"required", {"accountId", "accountClass", "status", "isDefault"}},
                                {"properties",
                                    {{"accountId", {{"type", "string"}}}, {"accountType", {{"type", "string"}}},
                                        {"accountClass", {{"type", "string"}}}, {"status", {{"type", "string"}}},
                                        {"simulated", {{"type", "boolean"}}},
                                        {"isDefault", {{"type", "boolean"}}}}}}}}}}}};
    accounts.annotations = ToolSupport::readOnlyAnnotations();
    server.addTool(accounts, [&connection](std::shared_ptr<ToolCall> call) { getAccounts(connection, call); });

    Mcp::ToolDefinition balances;
    balances.name = QStringLiteral("get_balances");
    balances.title = QStringLiteral("Aries balances");
    balances.description = QStringLiteral(
        "Cash and buying power of an Aries account: total equity, settled and unsettled cash, stock buying power, "
        "net and day-trade buying power, realized and unrealized P&L today, and pending orders. Amounts are exact "
        "decimal strings in US dollars.");
    balances.inputSchema = accountArgumentSchema();
    const auto money = [](const char *description) { return ToolSupport::decimalSchema(description); };
    const auto maybe = [](const char *description) { return ToolSupport::decimalSchema(description, true); };
    balances.outputSchema = json {{"type", "object"},
        {"required", {"environment", "accountId", "totalEquity", "stockBuyingPower", "settledCash"}},
        {"properties",
            {{"environment", ToolSupport::environmentSchema()}, {"accountId", {{"type", "string"}}},
                {"totalEquity", money("Total account equity")}, {"stockBuyingPower", money("Buying power for stocks")},
                {"settledCash", money("Settled cash")},
                {"unsettledCash", maybe("Cash from trades that have not settled")},
                {"netBuyingPower", maybe("Net buying power")}, {"dayTradeBuyingPower", maybe("Day-trade buying power")},
                {"optionBuyingPower", maybe("Option buying power")},
                {"startOfDayCash", maybe("Cash at the start of the day")},
                {"realizedPl", maybe("Realized profit and loss today")},
                {"unrealizedPl", maybe("Unrealized profit and loss")},
                {"maintenanceRequirement", maybe("Margin maintenance requirement")},
                {"pendingOrdersMarginRequirement", maybe("Margin held for pending orders")},
                {"pendingOrdersCount", {{"type", "integer"}}}}}};
    balances.annotations = ToolSupport::readOnlyAnnotations();
    server.addTool(balances, [&connection](std::shared_ptr<ToolCall> call) { getBalances(connection, call); });

    Mcp::ToolDefinition portfolio;
    portfolio.name = QStringLiteral("get_portfolio");
    portfolio.title = QStringLiteral("Aries portfolio");
    portfolio.description = QStringLiteral(
        "The positions of an Aries account valued at current prices: per position quantity, average price, last "
        "price, market value, unrealized P&L and %, day change and %, and weight in the portfolio; totals "
        "(market value, cost basis, P&L, day change) and cash and buying power. Money and quantities are exact "
        "decimal strings in US dollars; percentages are strings with two decimals. Positions without a price are "
        "listed in unpricedSymbols and left out of the totals.");
    portfolio.inputSchema = accountArgumentSchema();
    portfolio.outputSchema = PortfolioBuilder::outputSchema();
    portfolio.annotations = ToolSupport::readOnlyAnnotations();
    server.addTool(portfolio, [&connection](std::shared_ptr<ToolCall> call) { getPortfolio(connection, call); });
}

void AccountTools::getAccounts(AriesConnection &connection, const std::shared_ptr<ToolCall> &call)
{
    AriesClient *client = connection.client();
    if (!client) {
        call->finish(ToolSupport::notConnected(connection));
        return;
    }
    client->accounts(call.get(), [call, &connection](Expected<QList<Aries::AriesAccount>, AriesError> accounts) {
        if (!accounts) {
            call->finish(ToolSupport::ariesError(connection, accounts.error()));
            return;
        }
        // The same rule as resolveAccount(): the chosen account, else the first open one, else the first.
        QString chosen = connection.defaultAccountId();
        if (chosen.isEmpty()) {
            for (const Aries::AriesAccount &account : *accounts) {
                if (account.status.compare(QLatin1String("OPEN"), Qt::CaseInsensitive) == 0) {
                    chosen = account.tradingAccountId;
                    break;
                }
            }
        }
        if (chosen.isEmpty() && !accounts->isEmpty()) {
            chosen = accounts->constFirst().tradingAccountId;
        }
        json list = json::array();
        for (const Aries::AriesAccount &account : *accounts) {
            list.push_back({{"accountId", account.tradingAccountId.toStdString()},
                {"accountType", account.accountType.toStdString()},
                {"accountClass", account.accountClass.toStdString()}, {"status", account.status.toStdString()},
                {"simulated", account.isSimulated}, {"isDefault", account.tradingAccountId == chosen}});
        }
        json out = ToolSupport::envelope(connection, chosen);
        out["accountId"] = chosen.toStdString();
        out["accounts"] = std::move(list);
        call->finish(ToolResult::fromJson(out));
    });
}

void AccountTools::getBalances(AriesConnection &connection, const std::shared_ptr<ToolCall> &call)
{
    ToolSupport::withAccount(connection, call, [call, &connection](AriesClient &client, const QString &accountId) {
        client.balances(
            accountId, call.get(), [call, accountId, &connection](Expected<Aries::AriesBalances, AriesError> balances) {
                if (!balances) {
                    call->finish(ToolSupport::ariesError(connection, balances.error()));
                    return;
                }
                const Aries::AriesBalances &b = *balances;
                json out = ToolSupport::envelope(connection, accountId);
                out.update({{"totalEquity", ToolSupport::money(b.totalEquity)},
                    {"stockBuyingPower", ToolSupport::money(b.stockBuyingPower)},
                    {"settledCash", ToolSupport::money(b.settledFunds)},
                    {"unsettledCash", ToolSupport::money(b.unsettledFunds)},
                    {"netBuyingPower", ToolSupport::money(b.netBuyingPower)},
                    {"dayTradeBuyingPower", ToolSupport::money(b.dayTradeBuyingPower)},
                    {"optionBuyingPower", ToolSupport::money(b.optionBuyingPower)},
                    {"startOfDayCash", ToolSupport::money(b.startOfDayCash)},
                    {"realizedPl", ToolSupport::money(b.realizedPl)},
                    {"unrealizedPl", ToolSupport::money(b.unrealizedPl)},
                    {"maintenanceRequirement", ToolSupport::money(b.maintReq)},
                    {"pendingOrdersMarginRequirement", ToolSupport::money(b.pendingOrdersMarginRequirements)},
                    {"pendingOrdersCount", b.pendingOrdersCount}});
                call->finish(ToolResult::fromJson(out));
            });
    });
}

void AccountTools::getPortfolio(AriesConnection &connection, const std::shared_ptr<ToolCall> &call)
{
    ToolSupport::withAccount(connection, call, [call, &connection](AriesClient &client, const QString &accountId) {
        const QPointer<AriesClient> guard(&client);
        auto start = std::make_shared<PortfolioStart>();
        // Third step: prices for every distinct symbol at once, then the exact arithmetic.
        const auto valuate = [call, guard, accountId, start, &connection]() {
            if (start->error) {
                call->finish(ToolSupport::ariesError(connection, *start->error));
                return;
            }
            if (call->isCancelled()) {
                return;
            }
            if (!guard) {
                call->finish(ToolSupport::notConnected(connection));
                return;
            }
            QList<QString> symbols;
            for (const Aries::AriesPosition &position : *start->positions) {
                if (!symbols.contains(position.symbol)) {
                    symbols.append(position.symbol);
                }
            }
            MarketDataFetcher::fetch(
                *guard, symbols, MarketDataFetcher::LastTrade | MarketDataFetcher::PreviousBar, call.get(),
                [call]() { return call->isCancelled(); },
                [call, accountId, start, &connection](MarketDataFetcher::Result data) {
                    QMap<QString, PortfolioPrice> prices;
                    for (auto it = data.cbegin(); it != data.cend(); ++it) {
                        PortfolioPrice price;
                        if (it->lastTrade) {
                            price.last = it->lastTrade->price;
                            price.dataStatus = ToolSupport::dataStatus(it->lastTrade->status);
                            price.time = ToolSupport::fromNanoseconds(it->lastTrade->sipTimestampNs);
                        }
                        if (it->previousBar && it->previousBar->bar) {
                            price.previousClose = it->previousBar->bar->close;
                        }
                        prices.insert(it.key(), price);
                    }
                    auto portfolio = PortfolioBuilder::build(Aries::environmentName(connection.environment()),
                        accountId, *start->positions, prices, start->balances);
                    if (!portfolio) {
                        call->finish(ToolResult::error(portfolio.error()));
                        return;
                    }
                    call->finish(ToolResult::fromJson(*portfolio));
                });
        };
        const auto arrived = [start, valuate]() {
            if (--start->outstanding == 0) {
                valuate();
            }
        };
        guard->positions(
            accountId, call.get(), [start, arrived](Expected<QList<Aries::AriesPosition>, AriesError> positions) {
                if (positions) {
                    start->positions = std::move(*positions);
                } else if (!start->error) {
                    start->error = positions.error();
                }
                arrived();
            });
        guard->balances(accountId, call.get(), [start, arrived](Expected<Aries::AriesBalances, AriesError> balances) {
            if (balances) {
                start->balances = std::move(*balances);
            } else if (!start->error) {
                start->error = balances.error();
            }
            arrived();
        });
    });
}

} // namespace Companion::Tools
