// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aries/AriesError.h"
#include "aries/AriesTypes.h"

#include <QList>
#include <QMap>
#include <QString>

#include <functional>
#include <optional>

class QObject;

namespace Companion::Aries {
class AriesClient;
}

namespace Companion::Tools {

/** What Aries answered for one symbol; a part that was not asked for, or failed, is empty. */
struct SymbolMarketData
{
    std::optional<Aries::AriesLastTrade> lastTrade;
    std::optional<Aries::AriesLastQuote> lastQuote;
    std::optional<Aries::AriesPreviousBar> previousBar;
    /** The first error among the parts asked for; the other parts may still have arrived. */
    std::optional<Aries::AriesError> error;
};

/**
 * Fetches market data for many symbols at once: every request is sent at the start and the results
 * are joined when the last one is in, so a portfolio of N positions takes about as long as its
 * slowest quote rather than N round trips (the network layer still caps connections per host).
 *
 * Aries has no batch quote endpoint, so this is one request per symbol and part. After @p context
 * is gone, or when @p isCancelled says so (the tool call was cancelled), the remaining answers are
 * dropped and @p done is never called; requests already sent are not withdrawn, which is harmless
 * for reads.
 */
class MarketDataFetcher final
{
public:
    enum Part {
        LastTrade = 1,
        LastQuote = 2,
        PreviousBar = 4,
    };
    using Result = QMap<QString, SymbolMarketData>;
    using Done = std::function<void(Result)>;

    MarketDataFetcher() = delete;

    /** @p parts is an OR of Part; @p done runs once with an entry for every symbol. */
    static void fetch(Aries::AriesClient &client, const QList<QString> &symbols, int parts, QObject *context,
        std::function<bool()> isCancelled, Done done);
};

} // namespace Companion::Tools
