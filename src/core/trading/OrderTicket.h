// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Decimal.h"
#include "Expected.h"
#include "aries/AriesTypes.h"

#include <QString>

#include <nlohmann/json.hpp>

#include <optional>

namespace Companion::Trading {

/**
 * What is wrong with an order as the model described it: the argument to fix and one sentence that
 * says exactly how. Shown to the model as a tool error so it can correct the call by itself.
 */
struct TicketProblem
{
    QString field; ///< The tool argument at fault ("limit_price"), empty when it concerns several
    QString message;
};

/**
 * Turns the order tools' arguments (what a person says: side, quantity, symbol, type, prices, time in
 * force, account) into Aries requests, refusing anything Aries would reject for its shape.
 *
 * The rules are Aries' own (aries-api.md §2.4, docs/sandbox.md): quantities are positive whole shares
 * (Aries' equity orders take no fractions), prices have at most 2 decimals at $1 and above and 4 below,
 * LIMIT and STOP_LIMIT need a limit price, STOP and STOP_LIMIT a stop price, and a price that the type
 * does not use is refused rather than silently dropped, because it means the model misunderstood the
 * order. Symbols are plain ASCII tickers, so a look-alike letter from another script is caught here
 * and never reaches the approval window. Whether the symbol exists is asked of Aries by the tools.
 *
 * Numbers may come as JSON numbers or strings; either way they are read as exact decimals, never as
 * doubles.
 */
class OrderTicket final
{
public:
    OrderTicket() = delete;

    /** Longest ticker Aries accepts in an order body. */
    static constexpr int kMaxSymbolLength = 21;
    /** Longest account id Aries accepts. */
    static constexpr int kMaxAccountLength = 50;
    /** Longest order id accepted for replace and cancel (Aries: origClOrdId 1–100). */
    static constexpr int kMaxOrderIdLength = 100;

    /** preview_order and place_order: side, quantity, symbol, type, prices, time_in_force, account. */
    static Expected<Aries::AriesOrderRequest, TicketProblem> parseOrder(
        const nlohmann::json &arguments, const QString &defaultAccountId);
    /**
     * replace_order: order_id, then only what changes (quantity, type, prices, time_in_force); symbol
     * and account are optional here because the tools take them from the order being replaced.
     */
    static Expected<Aries::AriesReplaceRequest, TicketProblem> parseReplace(
        const nlohmann::json &arguments, const QString &defaultAccountId);
    /** cancel_order: order_id, optional symbol and account. */
    static Expected<Aries::AriesCancelRequest, TicketProblem> parseCancel(
        const nlohmann::json &arguments, const QString &defaultAccountId);

    /** The problem with @p price for @p field (positive, tick precision), or nullopt. */
    static std::optional<TicketProblem> priceProblem(Decimal price, const QString &field);
    /** "AAPL", "BRK.B": uppercased, or nullopt when not a plain ticker. */
    static std::optional<QString> normalizedSymbol(const QString &text);
    /** Side, type and time in force as Aries spells them ("stop-limit" → "STOP_LIMIT"). */
    static QString normalizedEnum(const QString &text);
    /** Which prices @p type needs: {limit, stop}. */
    static std::pair<bool, bool> pricesFor(const QString &type);
};

} // namespace Companion::Trading
