// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Decimal.h"

#include <QHash>
#include <QList>
#include <QString>

namespace Companion::Sandbox {

/** One instrument the simulated market knows. */
struct SymbolInfo
{
    QString ticker; ///< Upper case, e.g. "AAPL"
    QString name; ///< "Apple Inc."
    QString exchange; ///< Market identifier code: "XNAS", "XNYS", or "INDEX" for indices
    bool isIndex = false;
    bool isGenerated = false; ///< Made up for scale tests ("ZAAA", "ZAAB", …)
    Decimal basePrice; ///< Yesterday's close
};

/**
 * The symbols of the simulated market: at least 50 real US tickers with their names and plausible
 * prices, three indices (SPX, NDX, DJI), and on request generated symbols for scale tests.
 */
class SymbolUniverse final
{
public:
    /** @p generatedCount extra made-up tradable symbols, named "ZAAA", "ZAAB", … (at most 17576). */
    explicit SymbolUniverse(int generatedCount = 0);

    /** Exact, case-sensitive look-up; nullptr when unknown. */
    const SymbolInfo *find(const QString &ticker) const;
    /**
     * Case-insensitive search: tickers starting with @p query first (shortest first), then names
     * containing it; at most @p limit results.
     */
    QList<const SymbolInfo *> search(const QString &query, int limit) const;
    /** Every symbol, real tickers first, then indices, then generated ones. */
    const QList<SymbolInfo> &all() const { return m_symbols; }
    /** Tradable (non-index) symbols in the order of all(). */
    QList<const SymbolInfo *> tradable() const;
    /** Number of real (non-generated, non-index) tickers. */
    int realTickerCount() const;
    /**
     * Gives @p ticker another company name (the control API's way to put any broker text, even a hostile
     * one, in front of the assistant); false when the ticker is unknown.
     */
    bool rename(const QString &ticker, const QString &name);

private:
    QList<SymbolInfo> m_symbols;
    QHash<QString, qsizetype> m_index;
};

} // namespace Companion::Sandbox
