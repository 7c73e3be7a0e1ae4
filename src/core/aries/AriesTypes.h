// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Decimal.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <cstdint>
#include <optional>

// What the Aries REST API answers, as the assistant's tools need it (shapes: aries-api.md §2, newest
// documented versions). Money and quantities are Decimal and never pass through double; market data,
// which Aries sends as JSON numbers, is converted to Decimal at six decimals, which is exact for the
// prices Aries publishes. Optional members are fields Aries may leave out.
namespace Companion::Aries {

/** GET /v1/users/me */
struct AriesUser
{
    std::int64_t id = 0;
    QString email;
    bool emailVerified = false;
    QString country;
    QDateTime createdAt;
};

/** One entry of GET /v1/users/me/accounts. */
struct AriesAccount
{
    QString tradingAccountId; ///< The id the trading endpoints take (see AriesParser::tradingAccountId)
    std::int64_t recordId = 0; ///< Aries' numeric "id", which the trading endpoints do not use
    QString status; ///< "OPEN", …
    QString accountType; ///< "INDIVIDUAL", …
    QString accountClass; ///< "MARGIN" or "CASH"
    bool isSimulated = false; ///< Aries' "is_sim"
};

/** GET /v1/accounts/{id}/balances */
struct AriesBalances
{
    QString accountId;
    Decimal stockBuyingPower;
    Decimal totalEquity;
    Decimal settledFunds;
    std::optional<Decimal> netBuyingPower;
    std::optional<Decimal> dayTradeBuyingPower;
    std::optional<Decimal> optionBuyingPower;
    std::optional<Decimal> unsettledFunds;
    std::optional<Decimal> startOfDayCash;
    std::optional<Decimal> realizedPl;
    std::optional<Decimal> unrealizedPl;
    std::optional<Decimal> maintReq;
    std::optional<Decimal> pendingOrdersMarginRequirements;
    int pendingOrdersCount = 0;
};

/** One entry of GET /v1/accounts/{id}/positions. */
struct AriesPosition
{
    QString accountId;
    QString symbol;
    QString securityType; ///< "EQUITY" (also "CS"), options later
    Decimal quantity; ///< Negative for a short position
    Decimal averagePrice;
    std::optional<Decimal> unrealizedPl;
    std::optional<Decimal> dailyPl;
    std::optional<Decimal> todayRealizedPl;
    QDateTime createdAt;
};

/** The body of POST /v1/orders and /v1/orders/preview (equities only). */
struct AriesOrderRequest
{
    QString accountId; ///< The trading account id
    QString symbol;
    QString side; ///< BUY, SELL, SELL_SHORT, BUY_TO_COVER
    QString type; ///< MARKET, LIMIT, STOP, STOP_LIMIT
    Decimal quantity;
    QString timeInForce; ///< DAY, GTC, IOC, FOK, …
    std::optional<Decimal> limitPrice; ///< Sent as "price"
    std::optional<Decimal> stopPrice;
    /**
     * Our own tag, sent as Aries' "clientId" (≤ 50 characters). placeOrder() fills it in when empty; it
     * is how an order whose answer was lost is found again instead of being sent twice.
     */
    QString clientTag;
};

/** The answer to an order placement, or the order as found in the orders list after a lost answer. */
struct AriesOrderAck
{
    QString clOrdId; ///< The handle for replace and cancel
    QString status; ///< NEW, FILLED, CANCELED, …
    QString symbol;
    QString side;
    Decimal quantity;
    Decimal filledQuantity;
    Decimal leavesQuantity;
    Decimal averagePrice;
    QString text;
    QString clientTag;
    QDateTime transactTime;
    /** True when the answer was lost and this came from looking the order up by its tag. */
    bool foundByLookup = false;
};

/** POST /v1/orders/preview */
struct AriesOrderPreview
{
    Decimal estimatedCost;
    std::optional<Decimal> estimatedMargin;
    std::optional<Decimal> commission;
    std::optional<Decimal> fees;
    std::optional<Decimal> buyingPowerImpact;
    int numDayTrades = 0;
    QString warnRuleId;
    QString warning; ///< Aries' warnDescription; empty when none
    QString rejectReason; ///< Non-empty when placing this order would be rejected
};

/** POST /v1/orders/replace: the original's id plus only what changes. */
struct AriesReplaceRequest
{
    QString accountId;
    QString origClOrdId;
    QString symbol;
    std::optional<Decimal> quantity;
    std::optional<Decimal> limitPrice;
    std::optional<Decimal> stopPrice;
    QString type; ///< Empty: unchanged
    QString timeInForce; ///< Empty: unchanged
};

struct AriesReplaceAck
{
    QString clOrdId; ///< The new id; the original is superseded
    QString origClOrdId;
    QString status;
    std::optional<Decimal> quantity;
    std::optional<Decimal> price;
    QString text;
};

/** POST /v1/orders/cancel */
struct AriesCancelRequest
{
    QString accountId;
    QString origClOrdId;
    QString symbol;
    QString side; ///< Optional
};

struct AriesCancelAck
{
    QString clOrdId;
    QString origClOrdId;
    QString status;
    QString text;
};

/** One order of the v2 lists (today's orders, history). */
struct AriesOrder
{
    QString clOrdId;
    QString ordId;
    QString accountId;
    QString clientTag; ///< Aries' "clientId": our tag, or the OAuth client id when none was sent
    QString symbol;
    QString side;
    QString type;
    QString timeInForce;
    QString status; ///< Aries' "ordStatus"
    Decimal quantity;
    std::optional<Decimal> limitPrice;
    std::optional<Decimal> stopPrice;
    Decimal filledQuantity;
    Decimal leavesQuantity;
    std::optional<Decimal> averagePrice;
    QString text;
    QString rejectReason; ///< Aries' "ordRejReason"
    QDateTime createdAt;
    QDateTime updatedAt;
};

/** One page of a v2 order list; nextCursor 0 means this was the last page. */
struct AriesOrderPage
{
    QList<AriesOrder> orders;
    std::int64_t nextCursor = 0;
};

/** GET /v1/marketdata/search */
struct AriesSymbolMatch
{
    QString symbol;
    QString description;
    QString exchange; ///< Aries' "tag", e.g. XNAS
    QString type; ///< stock, index, option, future
};

/** GET /v1/stocks/last-trade */
struct AriesLastTrade
{
    QString ticker;
    Decimal price;
    std::int64_t size = 0;
    std::int64_t sipTimestampNs = 0;
    QString status; ///< The data vendor's "OK" or "DELAYED"
};

/** GET /v1/stocks/last-quote */
struct AriesLastQuote
{
    QString ticker;
    Decimal bidPrice;
    std::int64_t bidSize = 0;
    Decimal askPrice;
    std::int64_t askSize = 0;
    std::int64_t sipTimestampNs = 0;
    QString status;
};

/** One bar; time is the bar's start. */
struct AriesBar
{
    QDateTime time;
    Decimal open;
    Decimal high;
    Decimal low;
    Decimal close;
    std::int64_t volume = 0;
};

/** GET /v1/stocks/prev */
struct AriesPreviousBar
{
    QString ticker;
    bool adjusted = false;
    std::optional<AriesBar> bar; ///< Empty when Aries has no previous session
    std::optional<Decimal> vwap;
    QString status;
};

/** GET /v1/chart/history; no bars when Aries reports "no_data". */
struct AriesChartHistory
{
    QList<AriesBar> bars;
    bool noData = false;
    std::optional<std::int64_t> nextTime; ///< Unix seconds of older data, when Aries says so
};

} // namespace Companion::Aries
