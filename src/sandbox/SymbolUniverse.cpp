// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SymbolUniverse.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace Companion::Sandbox {

namespace {

struct RealTicker
{
    const char16_t *ticker;
    const char16_t *name;
    const char16_t *exchange;
    const char16_t *basePrice; ///< Parsed as a Decimal, so no binary fraction is involved
};

// Prices are rough recent levels, not quotes: the point is that a familiar ticker shows a familiar magnitude.
constexpr RealTicker kRealTickers[] = {
    {u"AAPL", u"Apple Inc.", u"XNAS", u"229.87"},
    {u"MSFT", u"Microsoft Corporation", u"XNAS", u"420.55"},
    {u"NVDA", u"NVIDIA Corporation", u"XNAS", u"135.40"},
    {u"AMZN", u"Amazon.com, Inc.", u"XNAS", u"198.30"},
    {u"GOOGL", u"Alphabet Inc. Class A", u"XNAS", u"172.45"},
    {u"GOOG", u"Alphabet Inc. Class C", u"XNAS", u"174.10"},
    {u"META", u"Meta Platforms, Inc.", u"XNAS", u"560.20"},
    {u"TSLA", u"Tesla, Inc.", u"XNAS", u"248.50"},
    {u"AVGO", u"Broadcom Inc.", u"XNAS", u"168.70"},
    {u"JPM", u"JPMorgan Chase & Co.", u"XNYS", u"222.15"},
    {u"V", u"Visa Inc.", u"XNYS", u"285.60"},
    {u"MA", u"Mastercard Incorporated", u"XNYS", u"505.30"},
    {u"JNJ", u"Johnson & Johnson", u"XNYS", u"158.40"},
    {u"WMT", u"Walmart Inc.", u"XNAS", u"82.35"},
    {u"XOM", u"Exxon Mobil Corporation", u"XNYS", u"117.80"},
    {u"CVX", u"Chevron Corporation", u"XNYS", u"150.90"},
    {u"KO", u"The Coca-Cola Company", u"XNYS", u"68.90"},
    {u"PEP", u"PepsiCo, Inc.", u"XNAS", u"165.25"},
    {u"DIS", u"The Walt Disney Company", u"XNYS", u"96.70"},
    {u"NFLX", u"Netflix, Inc.", u"XNAS", u"705.10"},
    {u"INTC", u"Intel Corporation", u"XNAS", u"22.85"},
    {u"AMD", u"Advanced Micro Devices, Inc.", u"XNAS", u"152.30"},
    {u"ORCL", u"Oracle Corporation", u"XNYS", u"172.60"},
    {u"CSCO", u"Cisco Systems, Inc.", u"XNAS", u"53.40"},
    {u"IBM", u"International Business Machines Corporation", u"XNYS", u"215.75"},
    {u"BA", u"The Boeing Company", u"XNYS", u"156.20"},
    {u"NKE", u"NIKE, Inc.", u"XNYS", u"79.85"},
    {u"MCD", u"McDonald's Corporation", u"XNYS", u"295.40"},
    {u"PFE", u"Pfizer Inc.", u"XNYS", u"28.65"},
    {u"UNH", u"UnitedHealth Group Incorporated", u"XNYS", u"580.10"},
    {u"HD", u"The Home Depot, Inc.", u"XNYS", u"395.20"},
    {u"PG", u"The Procter & Gamble Company", u"XNYS", u"170.35"},
    {u"MRK", u"Merck & Co., Inc.", u"XNYS", u"102.45"},
    {u"ABBV", u"AbbVie Inc.", u"XNYS", u"190.80"},
    {u"LLY", u"Eli Lilly and Company", u"XNYS", u"880.25"},
    {u"COST", u"Costco Wholesale Corporation", u"XNAS", u"890.40"},
    {u"ADBE", u"Adobe Inc.", u"XNAS", u"495.60"},
    {u"CRM", u"Salesforce, Inc.", u"XNYS", u"290.15"},
    {u"QCOM", u"QUALCOMM Incorporated", u"XNAS", u"168.90"},
    {u"TXN", u"Texas Instruments Incorporated", u"XNAS", u"200.55"},
    {u"MU", u"Micron Technology, Inc.", u"XNAS", u"100.40"},
    {u"AMAT", u"Applied Materials, Inc.", u"XNAS", u"190.25"},
    {u"BAC", u"Bank of America Corporation", u"XNYS", u"40.20"},
    {u"WFC", u"Wells Fargo & Company", u"XNYS", u"60.35"},
    {u"GS", u"The Goldman Sachs Group, Inc.", u"XNYS", u"520.40"},
    {u"MS", u"Morgan Stanley", u"XNYS", u"118.25"},
    {u"C", u"Citigroup Inc.", u"XNYS", u"64.10"},
    {u"AXP", u"American Express Company", u"XNYS", u"270.35"},
    {u"BLK", u"BlackRock, Inc.", u"XNYS", u"950.20"},
    {u"T", u"AT&T Inc.", u"XNYS", u"22.40"},
    {u"VZ", u"Verizon Communications Inc.", u"XNYS", u"42.15"},
    {u"CMCSA", u"Comcast Corporation", u"XNAS", u"38.75"},
    {u"SBUX", u"Starbucks Corporation", u"XNAS", u"97.60"},
    {u"CAT", u"Caterpillar Inc.", u"XNYS", u"380.90"},
    {u"DE", u"Deere & Company", u"XNYS", u"400.80"},
    {u"GE", u"GE Aerospace", u"XNYS", u"185.30"},
    {u"HON", u"Honeywell International Inc.", u"XNAS", u"210.45"},
    {u"MMM", u"3M Company", u"XNYS", u"130.20"},
    {u"UPS", u"United Parcel Service, Inc.", u"XNYS", u"132.55"},
    {u"LMT", u"Lockheed Martin Corporation", u"XNYS", u"560.10"},
    {u"RTX", u"RTX Corporation", u"XNYS", u"120.65"},
    {u"F", u"Ford Motor Company", u"XNYS", u"10.85"},
    {u"GM", u"General Motors Company", u"XNYS", u"50.30"},
    {u"UBER", u"Uber Technologies, Inc.", u"XNYS", u"75.40"},
    {u"ABNB", u"Airbnb, Inc.", u"XNAS", u"135.20"},
    {u"PYPL", u"PayPal Holdings, Inc.", u"XNAS", u"80.15"},
    {u"PLTR", u"Palantir Technologies Inc.", u"XNAS", u"42.50"},
    {u"SNOW", u"Snowflake Inc.", u"XNYS", u"120.30"},
    {u"AMGN", u"Amgen Inc.", u"XNAS", u"320.60"},
    {u"GILD", u"Gilead Sciences, Inc.", u"XNAS", u"88.45"},
    {u"BMY", u"Bristol-Myers Squibb Company", u"XNYS", u"52.30"},
    {u"CVS", u"CVS Health Corporation", u"XNYS", u"57.80"},
    {u"TMO", u"Thermo Fisher Scientific Inc.", u"XNYS", u"560.35"},
    {u"ABT", u"Abbott Laboratories", u"XNYS", u"115.90"},
    {u"LOW", u"Lowe's Companies, Inc.", u"XNYS", u"265.40"},
    {u"TGT", u"Target Corporation", u"XNYS", u"150.25"},
};

constexpr RealTicker kIndices[] = {
    {u"SPX", u"S&P 500 Index", u"INDEX", u"5950.25"},
    {u"NDX", u"Nasdaq-100 Index", u"INDEX", u"20910.40"},
    {u"DJI", u"Dow Jones Industrial Average", u"INDEX", u"43050.60"},
};

constexpr int kMaxGenerated = 26 * 26 * 26;

// FNV-1a over the ticker's UTF-16 units, then a splitmix64 finaliser to spread the few bits short tickers
// give. Local rather than MarketSimulator's tickerKey() so the universe does not depend on the simulator and
// generated prices stay the same whatever the seed.
std::uint64_t stableHash(const QString &text)
{
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (const QChar ch : text) {
        h ^= ch.unicode();
        h *= 0x100000001b3ULL;
    }
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebULL;
    h ^= h >> 31;
    return h;
}

// Between $5 and $500, log-uniform so cheap and expensive symbols are equally common, in whole cents.
Decimal generatedBasePrice(const QString &ticker)
{
    const double u = static_cast<double>(stableHash(ticker) >> 11) * 0x1.0p-53;
    const double price = 5.0 * std::pow(100.0, u);
    const auto cents = std::clamp<std::int64_t>(std::llround(price * 100.0), 500, 50'000);
    return Decimal::fromUnits(cents * (Decimal::kUnitsPerOne / 100));
}

SymbolInfo fromTable(const RealTicker &row, bool isIndex)
{
    SymbolInfo info;
    info.ticker = QString::fromUtf16(row.ticker);
    info.name = QString::fromUtf16(row.name);
    info.exchange = QString::fromUtf16(row.exchange);
    info.isIndex = isIndex;
    info.basePrice = Decimal::parse(QStringView(row.basePrice)).value_or(Decimal());
    return info;
}

} // namespace

SymbolUniverse::SymbolUniverse(int generatedCount)
{
    const int generated = std::clamp(generatedCount, 0, kMaxGenerated);
    m_symbols.reserve(static_cast<qsizetype>(std::size(kRealTickers) + std::size(kIndices)) + generated);
    for (const RealTicker &row : kRealTickers) {
        m_symbols.append(fromTable(row, false));
    }
    for (const RealTicker &row : kIndices) {
        m_symbols.append(fromTable(row, true));
    }
    for (int i = 0; i < generated; ++i) {
        // Base 26 on three letters after a 'Z': ZAAA, ZAAB, …, ZAAZ, ZABA, …; no real US listing uses these.
        const QChar letters[] = {
            QLatin1Char('Z'), QChar(u'A' + i / (26 * 26)), QChar(u'A' + (i / 26) % 26), QChar(u'A' + i % 26)};
        SymbolInfo info;
        info.ticker = QString(letters, 4);
        info.name = QStringLiteral("Sandbox Generated Co. ") + info.ticker;
        info.exchange = QStringLiteral("XNAS");
        info.isGenerated = true;
        info.basePrice = generatedBasePrice(info.ticker);
        m_symbols.append(std::move(info));
    }
    m_index.reserve(m_symbols.size());
    for (qsizetype i = 0; i < m_symbols.size(); ++i) {
        m_index.insert(m_symbols[i].ticker, i);
    }
}

const SymbolInfo *SymbolUniverse::find(const QString &ticker) const
{
    const auto it = m_index.constFind(ticker);
    return it == m_index.cend() ? nullptr : &m_symbols[*it];
}

bool SymbolUniverse::rename(const QString &ticker, const QString &name)
{
    const auto it = m_index.constFind(ticker);
    if (it == m_index.cend())
        return false;
    m_symbols[*it].name = name;
    return true;
}

QList<const SymbolInfo *> SymbolUniverse::search(const QString &query, int limit) const
{
    QList<const SymbolInfo *> result;
    if (limit <= 0) {
        return result;
    }
    QList<const SymbolInfo *> byTicker;
    QList<const SymbolInfo *> byName;
    for (const SymbolInfo &info : m_symbols) {
        if (info.ticker.startsWith(query, Qt::CaseInsensitive)) {
            byTicker.append(&info);
        } else if (info.name.contains(query, Qt::CaseInsensitive)) {
            byName.append(&info);
        }
    }
    // Stable, so among tickers of one length the order of all() (real, indices, generated) is kept.
    std::stable_sort(byTicker.begin(), byTicker.end(),
        [](const SymbolInfo *a, const SymbolInfo *b) { return a->ticker.size() < b->ticker.size(); });
    result.reserve(std::min<qsizetype>(limit, byTicker.size() + byName.size()));
    for (const auto *list : {&byTicker, &byName}) {
        for (const SymbolInfo *info : *list) {
            if (result.size() >= limit) {
                return result;
            }
            result.append(info);
        }
    }
    return result;
}

QList<const SymbolInfo *> SymbolUniverse::tradable() const
{
    QList<const SymbolInfo *> result;
    result.reserve(m_symbols.size());
    for (const SymbolInfo &info : m_symbols) {
        if (!info.isIndex) {
            result.append(&info);
        }
    }
    return result;
}

int SymbolUniverse::realTickerCount() const
{
    return static_cast<int>(std::count_if(m_symbols.cbegin(), m_symbols.cend(),
        [](const SymbolInfo &info) { return !info.isIndex && !info.isGenerated; }));
}

} // namespace Companion::Sandbox
