// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Decimal.h"
#include "Expected.h"
#include "aries/AriesTypes.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>

#include <nlohmann/json.hpp>

#include <optional>

namespace Companion::Tools {

/** The market data one position needs; a missing price leaves the position's valuation null. */
struct PortfolioPrice
{
    std::optional<Decimal> last;
    std::optional<Decimal> previousClose;
    QString dataStatus; ///< "real-time", "delayed" or empty when unknown
    QDateTime time; ///< Of the last trade
};

/**
 * Joins positions, prices and balances into the portfolio that get_portfolio returns. Pure: no
 * network, so its arithmetic is tested on its own.
 *
 * Every amount is exact Decimal arithmetic (quantity × price has at most six decimals, so market
 * values, cost bases, P&L and every total are exact sums, never rounded). Only ratios are rounded:
 * percentages and weights to two decimals, half away from zero, as strings ("12.34" is 12.34 %).
 *
 * - marketValue = quantity × last price (negative for a short position); costBasis = quantity ×
 *   average price; unrealizedPl = marketValue − costBasis; unrealizedPlPercent = unrealizedPl / |costBasis|.
 * - dayChange = quantity × (last − previous close); dayChangePercent = (last − previous close) / previous close.
 * - weightPercent = marketValue / gross market value (the sum of |marketValue| over priced
 *   positions), so shorts weigh negative and the weights' magnitudes add up to 100 (give or take rounding).
 * - Totals cover the priced positions; unpricedSymbols names the others so the model never reads a
 *   partial total as complete.
 * - Positions are sorted by |marketValue|, largest first, unpriced last.
 */
class PortfolioBuilder final
{
public:
    PortfolioBuilder() = delete;

    /** The portfolio JSON, or a sentence when an amount is beyond Decimal's range. */
    static Expected<nlohmann::json, QString> build(const QString &environment, const QString &accountId,
        const QList<Aries::AriesPosition> &positions, const QMap<QString, PortfolioPrice> &prices,
        const std::optional<Aries::AriesBalances> &balances);

    /** The output schema get_portfolio advertises. */
    static nlohmann::json outputSchema();
};

} // namespace Companion::Tools
