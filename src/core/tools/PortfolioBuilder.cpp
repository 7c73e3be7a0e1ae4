// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/PortfolioBuilder.h"

#include "tools/ToolSupport.h"

#include <algorithm>
#include <vector>

using nlohmann::json;

namespace Companion::Tools {

namespace {

const QString kOverflow = QStringLiteral("An amount in this portfolio is too large to compute exactly");

struct Row
{
    const Aries::AriesPosition *position = nullptr;
    std::optional<Decimal> marketValue;
    json value;
};

} // namespace

Expected<json, QString> PortfolioBuilder::build(const QString &environment, const QString &accountId,
    const QList<Aries::AriesPosition> &positions, const QMap<QString, PortfolioPrice> &prices,
    const std::optional<Aries::AriesBalances> &balances)
{
    Decimal totalMarketValue;
    Decimal grossMarketValue;
    Decimal totalCostBasis;
    Decimal totalUnrealized;
    Decimal totalDayChange;
    Decimal totalPreviousValue;
    int priced = 0;
    QStringList unpriced;
    std::vector<Row> rows;
    rows.reserve(static_cast<std::size_t>(positions.size()));

    const auto add = [](Decimal &sum, Decimal value) {
        const auto next = sum.plus(value);
        if (next) {
            sum = *next;
        }
        return next.has_value();
    };

    for (const Aries::AriesPosition &position : positions) {
        Row row;
        row.position = &position;
        const auto costBasis = position.quantity.times(position.averagePrice);
        if (!costBasis) {
            return Unexpected(kOverflow);
        }
        json out {{"symbol", position.symbol.toStdString()}, {"securityType", position.securityType.toStdString()},
            {"quantity", ToolSupport::decimal(position.quantity)},
            {"averagePrice", ToolSupport::money(position.averagePrice)}, {"costBasis", ToolSupport::money(*costBasis)},
            {"lastPrice", nullptr}, {"previousClose", nullptr}, {"marketValue", nullptr}, {"unrealizedPl", nullptr},
            {"unrealizedPlPercent", nullptr}, {"dayChange", nullptr}, {"dayChangePercent", nullptr},
            {"weightPercent", nullptr}, {"priceStatus", nullptr}, {"priceTime", nullptr}};

        const auto price = prices.constFind(position.symbol);
        if (price == prices.constEnd() || !price->last) {
            unpriced.append(position.symbol);
            row.value = std::move(out);
            rows.push_back(std::move(row));
            continue;
        }
        ++priced;
        const Decimal last = *price->last;
        const auto marketValue = position.quantity.times(last);
        const auto unrealized = marketValue ? marketValue->minus(*costBasis) : std::nullopt;
        if (!marketValue || !unrealized || !add(totalMarketValue, *marketValue)
            || !add(grossMarketValue, marketValue->abs()) || !add(totalCostBasis, *costBasis)
            || !add(totalUnrealized, *unrealized)) {
            return Unexpected(kOverflow);
        }
        row.marketValue = marketValue;
        out["lastPrice"] = ToolSupport::money(last);
        out["marketValue"] = ToolSupport::money(*marketValue);
        out["unrealizedPl"] = ToolSupport::money(*unrealized);
        out["unrealizedPlPercent"] = ToolSupport::percent(*unrealized, costBasis->abs());
        out["priceStatus"] = price->dataStatus.isEmpty() ? json(nullptr) : json(price->dataStatus.toStdString());
        out["priceTime"] = ToolSupport::time(price->time);
        if (price->previousClose) {
            const Decimal previous = *price->previousClose;
            const auto move = last.minus(previous);
            const auto dayChange = move ? position.quantity.times(*move) : std::nullopt;
            const auto previousValue = position.quantity.times(previous);
            if (!dayChange || !previousValue || !add(totalDayChange, *dayChange)
                || !add(totalPreviousValue, previousValue->abs())) {
                return Unexpected(kOverflow);
            }
            out["previousClose"] = ToolSupport::money(previous);
            out["dayChange"] = ToolSupport::money(*dayChange);
            out["dayChangePercent"] = ToolSupport::percent(*move, previous);
        }
        row.value = std::move(out);
        rows.push_back(std::move(row));
    }

    for (Row &row : rows) {
        if (row.marketValue) {
            row.value["weightPercent"] = ToolSupport::percent(*row.marketValue, grossMarketValue);
        }
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
        if (a.marketValue.has_value() != b.marketValue.has_value()) {
            return a.marketValue.has_value();
        }
        return a.marketValue && a.marketValue->abs() > b.marketValue->abs();
    });
    json positionList = json::array();
    for (Row &row : rows) {
        positionList.push_back(std::move(row.value));
    }

    json cash = nullptr;
    if (balances) {
        cash = json {{"settledCash", ToolSupport::money(balances->settledFunds)},
            {"unsettledCash", ToolSupport::money(balances->unsettledFunds)},
            {"stockBuyingPower", ToolSupport::money(balances->stockBuyingPower)},
            {"netBuyingPower", ToolSupport::money(balances->netBuyingPower)},
            {"totalEquity", ToolSupport::money(balances->totalEquity)}};
    }

    QStringList sortedUnpriced = unpriced;
    sortedUnpriced.sort();
    json unpricedList = json::array();
    for (const QString &symbol : sortedUnpriced) {
        unpricedList.push_back(symbol.toStdString());
    }

    return json {{"environment", environment.toStdString()}, {"accountId", accountId.toStdString()},
        {"positions", std::move(positionList)},
        {"totals",
            {{"positionCount", positions.size()}, {"pricedPositionCount", priced},
                {"marketValue", ToolSupport::money(totalMarketValue)},
                {"grossMarketValue", ToolSupport::money(grossMarketValue)},
                {"costBasis", ToolSupport::money(totalCostBasis)},
                {"unrealizedPl", ToolSupport::money(totalUnrealized)},
                {"unrealizedPlPercent", ToolSupport::percent(totalUnrealized, totalCostBasis.abs())},
                {"dayChange", ToolSupport::money(totalDayChange)},
                {"dayChangePercent", ToolSupport::percent(totalDayChange, totalPreviousValue)}}},
        {"cash", std::move(cash)}, {"unpricedSymbols", std::move(unpricedList)}};
}

json PortfolioBuilder::outputSchema()
{
    const auto money = [](const char *description) { return ToolSupport::decimalSchema(description); };
    const auto nullableMoney = [](const char *description) { return ToolSupport::decimalSchema(description, true); };
    const json position {{"type", "object"},
        {"required",
            {"symbol", "quantity", "averagePrice", "costBasis", "lastPrice", "marketValue", "unrealizedPl",
                "weightPercent"}},
        {"properties",
            {{"symbol", {{"type", "string"}}}, {"securityType", {{"type", "string"}}},
                {"quantity", money("Shares held; negative for a short position")},
                {"averagePrice", money("Average cost per share")}, {"costBasis", money("quantity × averagePrice")},
                {"lastPrice", nullableMoney("Last trade price; null when Aries had no price")},
                {"previousClose", nullableMoney("Previous session's close")},
                {"marketValue", nullableMoney("quantity × lastPrice")},
                {"unrealizedPl", nullableMoney("marketValue − costBasis")},
                {"unrealizedPlPercent", nullableMoney("unrealizedPl / |costBasis| in percent, 2 decimals")},
                {"dayChange", nullableMoney("quantity × (lastPrice − previousClose)")},
                {"dayChangePercent", nullableMoney("Price change since the previous close in percent")},
                {"weightPercent", nullableMoney("Share of the gross market value in percent (negative for shorts)")},
                {"priceStatus", {{"type", {"string", "null"}}, {"enum", {"real-time", "delayed", nullptr}}}},
                {"priceTime", {{"type", {"string", "null"}}}}}}};
    return json {{"type", "object"},
        {"required", {"environment", "accountId", "positions", "totals", "cash", "unpricedSymbols"}},
        {"properties",
            {{"environment", ToolSupport::environmentSchema()}, {"accountId", {{"type", "string"}}},
                {"positions", {{"type", "array"}, {"items", position}}},
                {"totals",
                    {{"type", "object"},
                        {"properties",
                            {{"positionCount", {{"type", "integer"}}}, {"pricedPositionCount", {{"type", "integer"}}},
                                {"marketValue", money("Sum of marketValue over priced positions (exact)")},
                                {"grossMarketValue", money("Sum of |marketValue| (exact)")},
                                {"costBasis", money("Sum of costBasis over priced positions (exact)")},
                                {"unrealizedPl", money("Sum of unrealizedPl (exact)")},
                                {"unrealizedPlPercent", nullableMoney("unrealizedPl / |costBasis| in percent")},
                                {"dayChange", money("Sum of dayChange (exact)")},
                                {"dayChangePercent", nullableMoney("dayChange / previous value in percent")}}}}},
                {"cash",
                    {{"type", {"object", "null"}},
                        {"properties",
                            {{"settledCash", money("Settled cash")},
                                {"unsettledCash", nullableMoney("Cash from trades not settled yet")},
                                {"stockBuyingPower", money("Buying power for stocks")},
                                {"netBuyingPower", nullableMoney("Net buying power")},
                                {"totalEquity", money("Total account equity")}}}}},
                {"unpricedSymbols",
                    {{"type", "array"}, {"items", {{"type", "string"}}},
                        {"description", "Positions without a price, left out of the totals"}}}}}};
}

} // namespace Companion::Tools
