// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ApiReply.h"

#include <QUrlQuery>

#include <variant>

namespace Companion::Sandbox {

class MarketSimulator;
class SymbolUniverse;

/**
 * The market-data endpoints (symbol search, last trade, last quote, previous close, chart history) in
 * Aries' documented shapes: JSON numbers for prices, vendor-style "status", and chart history that
 * always answers HTTP 200 with "s" set to ok, no_data or error.
 */
class MarketDataApi final
{
public:
    MarketDataApi(const SymbolUniverse &universe, const MarketSimulator &market);

    ApiReply search(const QUrlQuery &query) const;
    ApiReply lastTrade(const QUrlQuery &query) const;
    ApiReply lastQuote(const QUrlQuery &query) const;
    ApiReply previousClose(const QUrlQuery &query) const;
    ApiReply chartHistory(const QUrlQuery &query) const;

private:
    /** The known ticker named by the "ticker" parameter, or the 400/404 reply to send. */
    std::variant<QString, ApiReply> ticker(const QUrlQuery &query) const;
    std::string requestId() const;

    const SymbolUniverse &m_universe;
    const MarketSimulator &m_market;
};

} // namespace Companion::Sandbox
