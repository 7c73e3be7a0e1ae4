// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Decimal.h"

#include <QDate>
#include <QHash>
#include <QString>
#include <QStringList>

#include <chrono>
#include <map>
#include <optional>

namespace Companion::Trading {

/** The user's safety settings for orders (CompanionSettings keeps them; tests build them directly). */
struct TradingLimits
{
    /** Off (read-only) in a fresh install: the user turns trading on in settings. */
    bool tradingEnabled = false;
    std::optional<Decimal> maxNotionalPerOrder; ///< Dollars; none = no cap
    std::optional<Decimal> maxNotionalPerDay; ///< Dollars placed per local calendar day; none = no cap
    std::optional<Decimal> maxQuantity; ///< Shares per order; none = no cap
    QStringList symbolAllowlist; ///< Uppercase tickers; empty = every symbol
    std::chrono::seconds approvalTimeout {120}; ///< Unanswered approvals become a Deny after this
};

/** Why an order tool refused before anything was sent: a stable code and a plain sentence. */
struct PolicyRefusal
{
    QString code; ///< read_only, paused, max_quantity, max_notional_per_order, max_notional_per_day, symbol_not_allowed
    QString message; ///< What happened and what the user can change in settings
};

/** What the policy looks at in one order. */
struct OrderExposure
{
    QString symbol;
    Decimal quantity;
    /** quantity × the order's price (limit, else the higher of stop and last trade); nullopt when too large to compute.
     */
    std::optional<Decimal> notional;
    /** The part of notional that counts towards the day (a replace counts only what it adds). */
    std::optional<Decimal> addedToDay;
};

/**
 * The safety rules every order tool passes before the approval window opens: read-only mode, the
 * "Pause trading" switch, the caps per order and per day, the maximum quantity and the symbol allowlist.
 * They are checked in core, so no client, argument or window can bypass them.
 *
 * Pause is a switch for the running app only and is never saved: it is the user's "stop now" button,
 * and a restart should not leave trading silently off (or on) without the user seeing it; read-only
 * mode is the saved way to keep trading off.
 *
 * The day cap counts what this app placed on the local calendar day: the audit log's placed (and
 * uncertain) orders are loaded at start with seedDay(), and every approval reserves its notional while
 * the user decides, so two orders waiting side by side cannot together pass the cap. Orders placed
 * elsewhere (Aries' own apps) are not counted: the cap limits what the assistant can do.
 */
class TradingPolicy final
{
public:
    explicit TradingPolicy(TradingLimits limits = {});

    const TradingLimits &limits() const { return m_limits; }
    void setLimits(const TradingLimits &limits) { m_limits = limits; }

    bool isPaused() const { return m_paused; }
    void setPaused(bool paused) { m_paused = paused; }

    /** Read-only mode and pause: the checks every order tool passes, cancel included. */
    std::optional<PolicyRefusal> checkTradingAllowed() const;
    /** Everything: trading allowed, allowlist, quantity, per-order and per-day caps on @p today. */
    std::optional<PolicyRefusal> checkOrder(const OrderExposure &order, QDate today) const;

    /** Adds what was placed on @p day before this run (from the audit log). */
    void seedDay(QDate day, Decimal notional);
    /** Holds @p amount against the day cap while approval @p id is pending. */
    void reserve(const QString &id, QDate day, Decimal amount);
    /** The order went out (or may have): its reservation becomes part of the day's total. */
    void commit(const QString &id);
    /** The order did not go out (denied, timed out, rejected, refused): its reservation is dropped. */
    void release(const QString &id);
    /** Placed plus reserved on @p day. */
    Decimal dayTotal(QDate day) const;

private:
    struct Reservation
    {
        QDate day;
        Decimal amount;
    };

    TradingLimits m_limits;
    bool m_paused = false;
    std::map<QDate, Decimal> m_placed;
    QHash<QString, Reservation> m_reserved;
};

} // namespace Companion::Trading
