// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "trading/TradingPolicy.h"

#include <QCoreApplication>

namespace Companion::Trading {

namespace {

QString money(Decimal value)
{
    return QStringLiteral("$") + value.rounded(2).toString(2);
}
} // namespace

TradingPolicy::TradingPolicy(TradingLimits limits)
    : m_limits(std::move(limits))
{ }

std::optional<PolicyRefusal> TradingPolicy::checkTradingAllowed() const
{
    if (m_paused) {
        return PolicyRefusal {QStringLiteral("paused"),
            QCoreApplication::translate("TradingPolicy",
                "Trading is paused in Aries Companion. The user can resume it by unticking \"Pause trading\" in "
                "the tray menu; until then no order can be placed, changed or cancelled through the assistant.")};
    }
    if (!m_limits.tradingEnabled) {
        return PolicyRefusal {QStringLiteral("read_only"),
            QCoreApplication::translate("TradingPolicy",
                "Aries Companion is in read-only mode, so the assistant cannot place, change or cancel orders. "
                "The user can turn trading on in Aries Companion's settings: on the Trading page, tick \"Let the "
                "assistant place, change and cancel orders\".")};
    }
    return std::nullopt;
}

std::optional<PolicyRefusal> TradingPolicy::checkOrder(const OrderExposure &order, QDate today) const
{
    if (auto refusal = checkTradingAllowed()) {
        return refusal;
    }
    if (!m_limits.symbolAllowlist.isEmpty() && !m_limits.symbolAllowlist.contains(order.symbol)) {
        return PolicyRefusal {QStringLiteral("symbol_not_allowed"),
            QCoreApplication::translate("TradingPolicy",
                "%1 is not on the symbol allowlist in Aries Companion's settings (allowed: %2). "
                "The user can add it there.")
                .arg(order.symbol, m_limits.symbolAllowlist.join(QStringLiteral(", ")))};
    }
    if (m_limits.maxQuantity && order.quantity > *m_limits.maxQuantity) {
        return PolicyRefusal {QStringLiteral("max_quantity"),
            QCoreApplication::translate("TradingPolicy",
                "The order is for %1 shares, above the maximum of %2 shares per order set in Aries Companion's "
                "settings. Use a smaller quantity, or the user can raise the limit there.")
                .arg(order.quantity.toString(), m_limits.maxQuantity->toString())};
    }
    const bool anyNotionalCap = m_limits.maxNotionalPerOrder || m_limits.maxNotionalPerDay;
    if (anyNotionalCap && !order.notional) {
        return PolicyRefusal {QStringLiteral("max_notional_per_order"),
            QCoreApplication::translate("TradingPolicy",
                "The order's value is too large to compute, far above the caps set in Aries Companion's settings.")};
    }
    if (m_limits.maxNotionalPerOrder && *order.notional > *m_limits.maxNotionalPerOrder) {
        return PolicyRefusal {QStringLiteral("max_notional_per_order"),
            QCoreApplication::translate("TradingPolicy",
                "The order is worth about %1, above the maximum of %2 per order set in Aries Companion's settings. "
                "Use a smaller order, or the user can raise the limit there.")
                .arg(money(*order.notional), money(*m_limits.maxNotionalPerOrder))};
    }
    if (m_limits.maxNotionalPerDay) {
        const Decimal added = order.addedToDay.value_or(*order.notional);
        const auto total = dayTotal(today).plus(added);
        if (!total || *total > *m_limits.maxNotionalPerDay) {
            const auto left = m_limits.maxNotionalPerDay->minus(dayTotal(today)).value_or(Decimal());
            return PolicyRefusal {QStringLiteral("max_notional_per_day"),
                QCoreApplication::translate("TradingPolicy",
                    "The order (about %1) would pass today's maximum of %2 set in Aries Companion's settings; "
                    "%3 is left for today. The user can raise the limit there.")
                    .arg(
                        money(added), money(*m_limits.maxNotionalPerDay), money(left.isNegative() ? Decimal() : left))};
        }
    }
    return std::nullopt;
}

void TradingPolicy::seedDay(QDate day, Decimal notional)
{
    m_placed[day] = m_placed[day].plus(notional).value_or(m_placed[day]);
}

void TradingPolicy::reserve(const QString &id, QDate day, Decimal amount)
{
    m_reserved.insert(id, Reservation {day, amount});
}

void TradingPolicy::commit(const QString &id)
{
    const auto it = m_reserved.constFind(id);
    if (it == m_reserved.cend()) {
        return;
    }
    seedDay(it->day, it->amount);
    m_reserved.erase(it);
}

void TradingPolicy::release(const QString &id)
{
    m_reserved.remove(id);
}

Decimal TradingPolicy::dayTotal(QDate day) const
{
    const auto placed = m_placed.find(day);
    Decimal total = placed == m_placed.end() ? Decimal() : placed->second;
    for (const Reservation &reservation : m_reserved) {
        if (reservation.day == day) {
            total = total.plus(reservation.amount).value_or(total);
        }
    }
    return total;
}

} // namespace Companion::Trading
