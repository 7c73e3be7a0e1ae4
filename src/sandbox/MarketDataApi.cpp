// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "MarketDataApi.h"

#include "MarketSimulator.h"
#include "SymbolUniverse.h"

#include <QRandomGenerator>

using nlohmann::json;

namespace Companion::Sandbox {

namespace {

constexpr int kSearchLimitDefault = 20;
constexpr int kSearchLimitMax = 100;
// Exchange and tape codes as the upstream vendor sends them; fixed values keep the shape realistic.
constexpr int kExchangeNasdaq = 4;
constexpr int kTape = 3;

QString param(const QUrlQuery &query, const char *name)
{
    return query.queryItemValue(QLatin1String(name), QUrl::FullyDecoded).trimmed();
}

json chartError(const QString &message)
{
    return json {{"s", "error"}, {"errmsg", message.toStdString()}};
}

} // namespace

MarketDataApi::MarketDataApi(const SymbolUniverse &universe, const MarketSimulator &market)
    : m_universe(universe)
    , m_market(market)
{ }

std::string MarketDataApi::requestId() const
{
    const quint64 value = QRandomGenerator::global()->generate64();
    return QString::number(value, 16).rightJustified(16, QLatin1Char('0')).toStdString();
}

std::variant<QString, ApiReply> MarketDataApi::ticker(const QUrlQuery &query) const
{
    const QString ticker = param(query, "ticker");
    if (ticker.isEmpty()) {
        return ApiReply::error(400, "bad_request", QStringLiteral("ticker is required"));
    }
    if (!m_universe.find(ticker)) {
        return ApiReply::error(404, "not_found", QStringLiteral("Unknown ticker %1").arg(ticker.left(30)));
    }
    return ticker;
}

ApiReply MarketDataApi::search(const QUrlQuery &query) const
{
    const QString text = param(query, "query");
    if (text.isEmpty()) {
        return ApiReply::error(400, "bad_request", QStringLiteral("query is required"));
    }
    int limit = kSearchLimitDefault;
    if (query.hasQueryItem(QStringLiteral("limit"))) {
        bool ok = false;
        limit = param(query, "limit").toInt(&ok);
        if (!ok || limit < 1 || limit > kSearchLimitMax) {
            return ApiReply::error(
                400, "bad_request", QStringLiteral("limit must be a whole number from 1 to %1").arg(kSearchLimitMax));
        }
    }
    json results = json::array();
    // '.' asks for options and '/' for futures; the sandbox lists stocks and indices only.
    if (!text.startsWith(QLatin1Char('.')) && !text.startsWith(QLatin1Char('/'))) {
        for (const SymbolInfo *info : m_universe.search(text, limit)) {
            results.push_back(json {{"symbol", info->ticker.toStdString()}, {"description", info->name.toStdString()},
                {"tag", info->exchange.toStdString()}, {"type", info->isIndex ? "index" : "stock"}});
        }
    }
    return {200, results};
}

ApiReply MarketDataApi::lastTrade(const QUrlQuery &query) const
{
    const auto found = ticker(query);
    if (const auto *reply = std::get_if<ApiReply>(&found)) {
        return *reply;
    }
    const QString symbol = std::get<QString>(found);
    const Quote quote = m_market.quote(symbol);
    return {200,
        json {{"requestId", requestId()},
            {"results",
                {{"ticker", symbol.toStdString()}, {"price", quote.last.toDouble()}, {"size", quote.lastSize},
                    {"exchange", kExchangeNasdaq}, {"conditions", json::array({12})},
                    {"id", std::to_string(m_market.tickCount() + 1)}, {"sequenceNumber", m_market.tickCount() + 1},
                    {"sipTimestamp", quote.timeNs}, {"participantTimestamp", quote.timeNs - 120'000},
                    {"trfTimestamp", quote.timeNs - 60'000}, {"trfId", 0}, {"tape", kTape}}},
            {"status", "OK"}}};
}

ApiReply MarketDataApi::lastQuote(const QUrlQuery &query) const
{
    const auto found = ticker(query);
    if (const auto *reply = std::get_if<ApiReply>(&found)) {
        return *reply;
    }
    const QString symbol = std::get<QString>(found);
    const Quote quote = m_market.quote(symbol);
    return {200,
        json {{"requestId", requestId()},
            {"results",
                {{"ticker", symbol.toStdString()}, {"bidPrice", quote.bid.toDouble()}, {"bidSize", quote.bidSize},
                    {"bidExchange", 12}, {"askPrice", quote.ask.toDouble()}, {"askSize", quote.askSize},
                    {"askExchange", 21}, {"indicators", json::array({604})},
                    {"sequenceNumber", m_market.tickCount() + 1}, {"sipTimestamp", quote.timeNs},
                    {"participantTimestamp", quote.timeNs - 120'000}, {"tape", kTape}}},
            {"status", "OK"}}};
}

ApiReply MarketDataApi::previousClose(const QUrlQuery &query) const
{
    const auto found = ticker(query);
    if (const auto *reply = std::get_if<ApiReply>(&found)) {
        return *reply;
    }
    const QString symbol = std::get<QString>(found);
    const Bar bar = m_market.previousDayBar(symbol);
    const bool adjusted = param(query, "adjusted") != QLatin1String("false");
    const double vwap = (bar.high + bar.low + bar.close) / 3.0;
    return {200,
        json {{"ticker", symbol.toStdString()}, {"adjusted", adjusted}, {"queryCount", 1}, {"resultsCount", 1},
            {"requestId", requestId()}, {"status", "OK"},
            {"results",
                json::array({json {{"T", symbol.toStdString()}, {"o", bar.open}, {"h", bar.high}, {"l", bar.low},
                    {"c", bar.close}, {"v", bar.volume}, {"vw", std::round(vwap * 10000.0) / 10000.0},
                    {"n", bar.volume / 60}, {"t", bar.time * 1000}}})}}};
}

ApiReply MarketDataApi::chartHistory(const QUrlQuery &query) const
{
    const QString symbol = param(query, "symbol");
    const QString resolution = param(query, "resolution");
    if (symbol.isEmpty() || resolution.isEmpty()) {
        return {200, chartError(QStringLiteral("symbol and resolution are required"))};
    }
    if (!m_universe.find(symbol)) {
        return {200, chartError(QStringLiteral("Unknown symbol %1").arg(symbol.left(30)))};
    }
    const auto seconds = [&](const char *name) -> std::optional<qint64> {
        bool ok = false;
        qint64 value = param(query, name).toLongLong(&ok);
        if (!ok) {
            return std::nullopt;
        }
        // Aries accepts milliseconds too and converts them.
        return value > 100'000'000'000LL ? value / 1000 : value;
    };
    const auto from = seconds("from");
    const auto to = seconds("to");
    if (!from || !to) {
        return {200, chartError(QStringLiteral("from and to must be unix times in seconds"))};
    }
    const auto bars = m_market.history(symbol, resolution, *from, *to);
    if (!bars) {
        return {200, chartError(bars.error())};
    }
    if (bars->isEmpty()) {
        return {200, json {{"s", "no_data"}}};
    }
    json t = json::array(), o = json::array(), h = json::array(), l = json::array(), c = json::array(),
         v = json::array();
    for (const Bar &bar : *bars) {
        t.push_back(bar.time);
        o.push_back(bar.open);
        h.push_back(bar.high);
        l.push_back(bar.low);
        c.push_back(bar.close);
        v.push_back(bar.volume);
    }
    return {200, json {{"s", "ok"}, {"t", t}, {"o", o}, {"h", h}, {"l", l}, {"c", c}, {"v", v}}};
}

} // namespace Companion::Sandbox
