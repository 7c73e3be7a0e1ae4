// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/MarketDataFetcher.h"

#include "aries/AriesClient.h"

#include <memory>

namespace Companion::Tools {

namespace {

/** Shared by every callback of one fetch; the last answer to arrive delivers the result. */
struct Join
{
    MarketDataFetcher::Result result;
    int outstanding = 0;
    std::function<bool()> isCancelled;
    MarketDataFetcher::Done done;

    void arrived()
    {
        if (--outstanding > 0) {
            return;
        }
        if (isCancelled && isCancelled()) {
            return;
        }
        // Moved out first: done() may start work that ends this fetch's last reference.
        MarketDataFetcher::Done deliver = std::move(done);
        deliver(std::move(result));
    }

    void failed(const QString &symbol, const Aries::AriesError &error)
    {
        SymbolMarketData &data = result[symbol];
        if (!data.error) {
            data.error = error;
        }
    }
};

} // namespace

void MarketDataFetcher::fetch(Aries::AriesClient &client, const QList<QString> &symbols, int parts, QObject *context,
    std::function<bool()> isCancelled, Done done)
{
    auto join = std::make_shared<Join>();
    join->isCancelled = std::move(isCancelled);
    join->done = std::move(done);
    int perSymbol = 0;
    for (const int part : {LastTrade, LastQuote, PreviousBar}) {
        perSymbol += (parts & part) ? 1 : 0;
    }
    for (const QString &symbol : symbols) {
        join->result.insert(symbol, SymbolMarketData {});
    }
    // Counted up front, so an answer that comes back at once cannot deliver before the rest are sent.
    join->outstanding = static_cast<int>(join->result.size()) * perSymbol + 1;
    const QList<QString> unique = join->result.keys();
    for (const QString &symbol : unique) {
        if (parts & LastTrade) {
            client.lastTrade(symbol, context, [join, symbol](Expected<Aries::AriesLastTrade, Aries::AriesError> r) {
                if (r) {
                    join->result[symbol].lastTrade = std::move(*r);
                } else {
                    join->failed(symbol, r.error());
                }
                join->arrived();
            });
        }
        if (parts & LastQuote) {
            client.lastQuote(symbol, context, [join, symbol](Expected<Aries::AriesLastQuote, Aries::AriesError> r) {
                if (r) {
                    join->result[symbol].lastQuote = std::move(*r);
                } else {
                    join->failed(symbol, r.error());
                }
                join->arrived();
            });
        }
        if (parts & PreviousBar) {
            client.previousBar(symbol, context, [join, symbol](Expected<Aries::AriesPreviousBar, Aries::AriesError> r) {
                if (r) {
                    join->result[symbol].previousBar = std::move(*r);
                } else {
                    join->failed(symbol, r.error());
                }
                join->arrived();
            });
        }
    }
    join->arrived();
}

} // namespace Companion::Tools
