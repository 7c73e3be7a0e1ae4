// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "MarketSimulator.h"

#include "SymbolUniverse.h"

#include <QDate>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <optional>
#include <string>

namespace Companion::Sandbox {

namespace {

// Salts keep the hashed streams of one symbol independent of each other (walk, gap, sizes, bars…).
enum Salt : quint64 {
    kSaltGap = 1,
    kSaltVolatility,
    kSaltVolume,
    kSaltTick,
    kSaltLastSize,
    kSaltBidSize,
    kSaltAskSize,
    kSaltDailyReturn,
    kSaltDailyHigh,
    kSaltDailyLow,
    kSaltDailyVolume,
    kSaltIntradayReturn, // these four are combined with the resolution in minutes, see intradaySalt()
    kSaltIntradayHigh,
    kSaltIntradayLow,
    kSaltIntradayVolume,
};

constexpr qint64 kDay = 86'400;
constexpr qint64 kMaxBars = 5000;
constexpr qint64 kJulianDayOfEpoch = 2'440'588; // QDate's Julian day number of 1970-01-01
constexpr qint64 kFirstMonday = 4; // 1970-01-05, a Monday, in days since the epoch

// The live walk: about 0.02% per tick (at the default 1 s tick a visible move every second or two) with a
// weak pull back to the anchor, so a sandbox left running for days does not wander to absurd prices: the
// spread settles near kTickSigma / sqrt(2 * kReversion), about 1.4%, and half of a displacement is gone after
// about two hours of ticks.
constexpr double kTickSigma = 0.0002;
constexpr double kReversion = 0.0001;
constexpr double kGapSigma = 0.006;
constexpr double kMaxGap = 0.03;
// History: daily volatility around 1.8% and a drift of about 7% a year, so the past is a little cheaper.
constexpr double kDailySigma = 0.018;
constexpr double kDailyDrift = 0.0002;

constexpr double kMinPrice = 0.0001;
const double kMinLogPrice = std::log(kMinPrice);
// Far above any real share price and far below Decimal's limit, so rounding a walked price never fails.
const double kMaxLogPrice = std::log(1e9);
constexpr Decimal kMinPriceDecimal = Decimal::fromUnits(100); // 0.0001
constexpr Decimal kCent = Decimal::fromUnits(10'000);
constexpr Decimal kHundredthOfCent = Decimal::fromUnits(100);
constexpr Decimal kHalfSpreadFraction = Decimal::fromUnits(100); // 0.01% each side, 0.02% in all

struct SymbolModel
{
    quint64 key = 0;
    double base = 0; ///< Yesterday's close
    double dailySigma = 0; ///< Standard deviation of a daily log return
    double dailyVolume = 0; ///< Typical shares a day
};

constexpr quint64 splitmix64(quint64 x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

// Each input passes through a full mix before the next is folded in, so (a, b) and (b, a) differ.
quint64 hashInputs(quint64 seed, quint64 a, quint64 b, quint64 c)
{
    quint64 h = splitmix64(seed);
    h = splitmix64(h ^ a);
    h = splitmix64(h ^ b);
    return splitmix64(h ^ c);
}

double unitInterval(quint64 h)
{
    return static_cast<double>(h >> 11) * 0x1.0p-53; // 53 bits: every value exact, [0, 1)
}

qint64 floorDiv(qint64 a, qint64 b)
{
    const qint64 q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

int tickDecimals(double price)
{
    return price >= 1.0 ? 2 : 4;
}

// Cents at $1 and above, hundredths of a cent below, never below 0.0001: what exchanges quote.
double roundToTick(double price)
{
    const double scale = price >= 1.0 ? 100.0 : 10'000.0;
    return std::max(std::round(price * scale) / scale, kMinPrice);
}

Decimal roundToTick(Decimal price)
{
    const Decimal rounded = price.rounded(price >= Decimal::fromInt(1) ? 2 : 4);
    return std::max(rounded, kMinPriceDecimal);
}

Decimal priceFromLog(double logPrice)
{
    const double price = std::exp(std::clamp(logPrice, kMinLogPrice, kMaxLogPrice));
    // Cannot fail: the clamp keeps the value finite and far inside Decimal's range.
    return std::max(Decimal::fromDouble(price, tickDecimals(price)).value_or(kMinPriceDecimal), kMinPriceDecimal);
}

// ---- History -------------------------------------------------------------------------------------------

enum class BarKind {
    Minutes,
    Day,
    Week,
    Month
};

struct Resolution
{
    BarKind kind = BarKind::Minutes;
    int minutes = 0;
};

std::optional<Resolution> parseResolution(const QString &text)
{
    static constexpr int kMinutes[] = {1, 3, 5, 15, 30, 45, 60, 120, 180, 240};
    for (const int minutes : kMinutes) {
        if (text == QString::number(minutes)) {
            return Resolution {BarKind::Minutes, minutes};
        }
    }
    if (text == u"D" || text == u"1D") {
        return Resolution {BarKind::Day, 0};
    }
    if (text == u"W" || text == u"1W") {
        return Resolution {BarKind::Week, 0};
    }
    if (text == u"M" || text == u"1M") {
        return Resolution {BarKind::Month, 0};
    }
    return std::nullopt;
}

quint64 intradaySalt(Salt salt, int minutes)
{
    return (static_cast<quint64>(minutes) << 32) | salt;
}

/** What one history request walks from: the symbol, the current price and the time. */
struct Walk
{
    quint64 seed = 0;
    SymbolModel model;
    double current = 0; ///< Current price, exactly as price() gives it
    qint64 now = 0; ///< Seconds since the epoch
    qint64 today = 0; ///< Days since the epoch

    double normal(quint64 salt, qint64 index) const
    {
        return hashNormal(seed, model.key, salt, static_cast<quint64>(index));
    }
};

/**
 * Daily closes C(d) for d in [first, today]: yesterday's is the base price and today's the current price,
 * and each earlier close is the next one walked back by one hashed daily return. Indexed by d - first.
 */
struct DailyCloses
{
    qint64 first = 0;
    std::vector<double> values;

    double at(qint64 day) const { return values[static_cast<std::size_t>(day - first)]; }
};

DailyCloses dailyCloses(const Walk &walk, qint64 first)
{
    DailyCloses closes;
    closes.first = std::min(first, walk.today - 1);
    closes.values.resize(static_cast<std::size_t>(walk.today - closes.first + 1));
    closes.values.back() = walk.current;
    closes.values[closes.values.size() - 2] = walk.model.base;
    double logClose = std::log(walk.model.base);
    for (qint64 day = walk.today - 2; day >= closes.first; --day) {
        // The return of day d + 1 takes C(d) to C(d + 1); undo it.
        logClose -= walk.model.dailySigma * walk.normal(kSaltDailyReturn, day + 1) + kDailyDrift;
        closes.values[static_cast<std::size_t>(day - closes.first)] = std::exp(logClose);
    }
    return closes;
}

/** The bar of one day; @p closes must hold day - 1. Opens at the close before, as the market never sleeps. */
Bar dailyBar(const Walk &walk, const DailyCloses &closes, qint64 day)
{
    // Today's bar is still growing: its range and volume scale with the part of the day gone by.
    const double elapsed = day == walk.today ? std::clamp(double(walk.now - day * kDay) / double(kDay), 0.0, 1.0) : 1.0;
    const double sigma = walk.model.dailySigma * std::sqrt(elapsed);
    const double open = closes.at(day - 1);
    const double close = closes.at(day);

    Bar bar;
    bar.time = day * kDay;
    bar.open = roundToTick(open);
    // Yesterday's and today's closes are exact already (the previous close and the current price).
    bar.close = (day >= walk.today - 1) ? close : roundToTick(close);
    const double up = std::abs(walk.normal(kSaltDailyHigh, day)) * sigma * 0.5;
    const double down = std::abs(walk.normal(kSaltDailyLow, day)) * sigma * 0.5;
    bar.high = std::max({roundToTick(std::max(open, close) * std::exp(up)), bar.open, bar.close});
    bar.low = std::min({roundToTick(std::min(open, close) * std::exp(-down)), bar.open, bar.close});
    const double volume = walk.model.dailyVolume * std::exp(0.4 * walk.normal(kSaltDailyVolume, day) - 0.08);
    bar.volume = std::llround(volume * elapsed);
    return bar;
}

qint64 bucketStartDay(BarKind kind, qint64 day)
{
    switch (kind) {
    case BarKind::Week: return floorDiv(day - kFirstMonday, 7) * 7 + kFirstMonday;
    case BarKind::Month: {
        const QDate date = QDate::fromJulianDay(day + kJulianDayOfEpoch);
        return QDate(date.year(), date.month(), 1).toJulianDay() - kJulianDayOfEpoch;
    }
    case BarKind::Day:
    case BarKind::Minutes: break;
    }
    return day;
}

/** Start of the bucket after (@p step 1) or before (@p step -1) the one starting at @p startDay. */
qint64 nextBucketDay(BarKind kind, qint64 startDay, int step)
{
    switch (kind) {
    case BarKind::Week: return startDay + 7 * step;
    case BarKind::Month:
        return QDate::fromJulianDay(startDay + kJulianDayOfEpoch).addMonths(step).toJulianDay() - kJulianDayOfEpoch;
    case BarKind::Day:
    case BarKind::Minutes: break;
    }
    return startDay + step;
}

/** Daily, weekly and monthly bars: weeks and months are aggregates of the daily bars. */
QList<Bar> dayBasedHistory(const Walk &walk, BarKind kind, qint64 from, qint64 lastTime)
{
    std::vector<qint64> starts; // bucket start days, newest first
    for (qint64 start = bucketStartDay(kind, floorDiv(lastTime, kDay));
         start * kDay >= from && std::ssize(starts) < kMaxBars; start = nextBucketDay(kind, start, -1)) {
        starts.push_back(start);
    }
    QList<Bar> bars;
    if (starts.empty()) {
        return bars;
    }
    std::reverse(starts.begin(), starts.end());
    const DailyCloses closes = dailyCloses(walk, starts.front() - 1);
    bars.reserve(std::ssize(starts));
    for (const qint64 start : starts) {
        const qint64 end = std::min(nextBucketDay(kind, start, 1), walk.today + 1);
        Bar bar = dailyBar(walk, closes, start);
        for (qint64 day = start + 1; day < end; ++day) {
            const Bar daily = dailyBar(walk, closes, day);
            bar.high = std::max(bar.high, daily.high);
            bar.low = std::min(bar.low, daily.low);
            bar.close = daily.close;
            bar.volume += daily.volume;
        }
        bars.append(bar);
    }
    return bars;
}

/**
 * Minute bars. Within each day the path is a Brownian bridge of hashed steps from the close of the day
 * before to the day's close (for today: to the current price, now), so minute bars meet the daily closes at
 * midnight UTC and the newest bar ends exactly at the current price.
 */
QList<Bar> intradayHistory(const Walk &walk, int minutes, qint64 from, qint64 lastTime)
{
    const qint64 step = qint64(minutes) * 60;
    const qint64 lastBucket = floorDiv(lastTime, step) * step;
    const qint64 firstBucket = std::max(-floorDiv(-from, step) * step, lastBucket - (kMaxBars - 1) * step);
    QList<Bar> bars;
    if (firstBucket > lastBucket) {
        return bars;
    }
    const qint64 firstDay = floorDiv(firstBucket, kDay);
    const qint64 lastDay = floorDiv(lastBucket, kDay);
    const DailyCloses closes = dailyCloses(walk, firstDay - 1);
    const double barSigma = walk.model.dailySigma * std::sqrt(double(minutes) / 1440.0);
    const double barVolume = walk.model.dailyVolume * double(minutes) / 1440.0;
    const quint64 returnSalt = intradaySalt(kSaltIntradayReturn, minutes);
    const quint64 highSalt = intradaySalt(kSaltIntradayHigh, minutes);
    const quint64 lowSalt = intradaySalt(kSaltIntradayLow, minutes);
    const quint64 volumeSalt = intradaySalt(kSaltIntradayVolume, minutes);

    bars.reserve(qsizetype((lastBucket - firstBucket) / step + 1));
    std::vector<double> walked; // unbridged log path at the bar ends, starting with 0 at midnight
    std::vector<double> fraction; // the part of the bar gone by: 1, except for the bar that holds now
    for (qint64 day = firstDay; day <= lastDay; ++day) {
        const qint64 dayStart = day * kDay;
        const bool isToday = day == walk.today;
        // Minute resolutions divide a day, so no bar straddles midnight.
        const qint64 barCount = isToday ? (floorDiv(walk.now, step) * step - dayStart) / step + 1 : kDay / step;
        const qint64 dayEnd = isToday ? walk.now : dayStart + kDay;
        walked.assign(1, 0.0);
        fraction.clear();
        for (qint64 k = 0; k < barCount; ++k) {
            const qint64 barStart = dayStart + k * step;
            const double part = double(std::min(barStart + step, dayEnd) - barStart) / double(step);
            walked.push_back(walked.back() + barSigma * std::sqrt(part) * walk.normal(returnSalt, barStart / step));
            fraction.push_back(part);
        }
        const double open = closes.at(day - 1);
        const double close = closes.at(day);
        // Bridge: pull the free walk linearly in time so that it ends at log(close) instead of wherever it went.
        const double miss = walked.back() - (std::log(close) - std::log(open));
        const double span = double(dayEnd - dayStart);
        auto priceAt = [&](qint64 k) {
            if (k == 0) {
                return open;
            }
            if (k == barCount) {
                return close;
            }
            const double t = double(k * step) / span; // only bars before the last: never past dayEnd
            return open * std::exp(walked[std::size_t(k)] - t * miss);
        };
        for (qint64 k = 0; k < barCount; ++k) {
            const qint64 barStart = dayStart + k * step;
            if (barStart < firstBucket || barStart > lastBucket) {
                continue;
            }
            const double o = priceAt(k);
            const double c = priceAt(k + 1);
            const double part = fraction[std::size_t(k)];
            const double spread = barSigma * std::sqrt(part) * 0.5;
            Bar bar;
            bar.time = barStart;
            bar.open = roundToTick(o);
            bar.close = (k + 1 == barCount && day >= walk.today - 1) ? c : roundToTick(c);
            bar.high = std::max(
                {roundToTick(std::max(o, c) * std::exp(std::abs(walk.normal(highSalt, barStart / step)) * spread)),
                    bar.open, bar.close});
            bar.low = std::min(
                {roundToTick(std::min(o, c) * std::exp(-std::abs(walk.normal(lowSalt, barStart / step)) * spread)),
                    bar.open, bar.close});
            bar.volume =
                std::llround(barVolume * part * std::exp(0.5 * walk.normal(volumeSalt, barStart / step) - 0.125));
            bars.append(bar);
        }
    }
    return bars;
}

} // namespace

// ---- Hashing -------------------------------------------------------------------------------------------

double hashUniform(quint64 seed, quint64 a, quint64 b, quint64 c)
{
    return unitInterval(hashInputs(seed, a, b, c));
}

double hashNormal(quint64 seed, quint64 a, quint64 b, quint64 c)
{
    // Box–Muller on two uniforms from one hash; 1 - u1 lies in (0, 1], so the logarithm is finite.
    const quint64 h = hashInputs(seed, a, b, c);
    const double u1 = unitInterval(h);
    const double u2 = unitInterval(splitmix64(h));
    return std::sqrt(-2.0 * std::log(1.0 - u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

quint64 tickerKey(const QString &ticker)
{
    // FNV-1a over the UTF-16 units, finished with splitmix64 so that short tickers spread over all bits.
    quint64 h = 0xcbf29ce484222325ULL;
    for (const QChar ch : ticker) {
        h ^= ch.unicode();
        h *= 0x100000001b3ULL;
    }
    return splitmix64(h);
}

// ---- MarketSimulator -----------------------------------------------------------------------------------

struct MarketSimulator::Series
{
    QString ticker;
    SymbolModel model;
    double tickSigma = 0;
    double anchor = 0; ///< Log price the live walk is pulled back to
    double logPrice = 0; ///< Unrounded walk state: rounding every step would freeze cheap symbols in place
    Quote quote;
};

MarketSimulator::MarketSimulator(const SymbolUniverse &universe, quint64 seed, Clock clock, QObject *parent)
    : QObject(parent)
    , m_universe(universe)
    , m_seed(seed)
    , m_clock(std::move(clock))
{
    const QList<SymbolInfo> &symbols = universe.all();
    m_series.reserve(std::size_t(symbols.size()));
    m_index.reserve(symbols.size());
    const qint64 timeNs = nowNs();
    for (const SymbolInfo &info : symbols) {
        Series series;
        series.ticker = info.ticker;
        series.model.key = tickerKey(info.ticker);
        series.model.base = std::max(info.basePrice.toDouble(), kMinPrice);
        // Indices move about half as much as single stocks; stocks differ among themselves too.
        const double volatility =
            (0.6 + 0.9 * hashUniform(seed, series.model.key, kSaltVolatility)) * (info.isIndex ? 0.55 : 1.0);
        series.model.dailySigma = kDailySigma * volatility;
        series.model.dailyVolume = std::pow(10.0, 5.5 + 1.8 * hashUniform(seed, series.model.key, kSaltVolume));
        series.tickSigma = kTickSigma * volatility;
        series.anchor = std::log(series.model.base);
        const double gap =
            std::clamp(kGapSigma * volatility * hashNormal(seed, series.model.key, kSaltGap), -kMaxGap, kMaxGap);
        series.logPrice = series.anchor + gap;
        setQuote(series, priceFromLog(series.logPrice), timeNs);
        m_index.insert(series.ticker, qsizetype(m_series.size()));
        m_series.push_back(std::move(series));
    }
}

MarketSimulator::~MarketSimulator() = default;

const MarketSimulator::Series *MarketSimulator::findSeries(const QString &ticker) const
{
    const auto it = m_index.constFind(ticker);
    return it == m_index.cend() ? nullptr : &m_series[std::size_t(*it)];
}

qint64 MarketSimulator::nowNs() const
{
    const QDateTime now = m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
    return now.toMSecsSinceEpoch() * 1'000'000;
}

void MarketSimulator::setQuote(Series &series, Decimal last, qint64 timeNs) const
{
    const bool belowDollar = last < Decimal::fromInt(1);
    const Decimal tick = belowDollar ? kHundredthOfCent : kCent;
    const Decimal half = std::max(last.times(kHalfSpreadFraction).value_or(tick).rounded(belowDollar ? 4 : 2), tick);
    Quote &out = series.quote;
    out.last = last;
    // At the very floor (0.0001) the bid cannot go lower; it then equals the last trade.
    out.bid = std::max(last.minus(half).value_or(tick), tick);
    out.ask = last.plus(half).value_or(last);
    const auto tickIndex = quint64(m_tickCount);
    out.lastSize = 1 + int(hashUniform(m_seed, series.model.key, kSaltLastSize, tickIndex) * 500);
    out.bidSize = 100 * (1 + int(hashUniform(m_seed, series.model.key, kSaltBidSize, tickIndex) * 20));
    out.askSize = 100 * (1 + int(hashUniform(m_seed, series.model.key, kSaltAskSize, tickIndex) * 20));
    out.timeNs = timeNs;
}

Decimal MarketSimulator::price(const QString &ticker) const
{
    const Series *series = findSeries(ticker);
    return series ? series->quote.last : Decimal();
}

Quote MarketSimulator::quote(const QString &ticker) const
{
    const Series *series = findSeries(ticker);
    return series ? series->quote : Quote();
}

Decimal MarketSimulator::previousClose(const QString &ticker) const
{
    const SymbolInfo *info = m_universe.find(ticker);
    return info ? info->basePrice : Decimal();
}

Bar MarketSimulator::previousDayBar(const QString &ticker) const
{
    const Series *series = findSeries(ticker);
    if (!series) {
        return {};
    }
    const qint64 now = nowNs() / 1'000'000'000;
    const Walk walk {m_seed, series->model, series->quote.last.toDouble(), now, floorDiv(now, kDay)};
    return dailyBar(walk, dailyCloses(walk, walk.today - 2), walk.today - 1);
}

Expected<QList<Bar>, QString> MarketSimulator::history(
    const QString &ticker, const QString &resolution, qint64 fromSeconds, qint64 toSeconds) const
{
    const std::optional<Resolution> parsed = parseResolution(resolution);
    if (!parsed) {
        return Unexpected<QString>(QStringLiteral("Unsupported resolution ") + resolution);
    }
    if (toSeconds <= fromSeconds) {
        return Unexpected<QString>(QStringLiteral("'to' must be after 'from'"));
    }
    const Series *series = findSeries(ticker);
    if (!series) {
        return Unexpected<QString>(QStringLiteral("Unknown symbol ") + ticker);
    }
    const qint64 now = nowNs() / 1'000'000'000;
    // The simulated market begins in 1970: this bounds the work of a request for "everything".
    const qint64 from = std::max<qint64>(fromSeconds, 0);
    const qint64 lastTime = std::min(toSeconds - 1, now); // a bar must start in [from, to) and not after now
    if (lastTime < from) {
        return QList<Bar>();
    }
    const Walk walk {m_seed, series->model, series->quote.last.toDouble(), now, floorDiv(now, kDay)};
    if (parsed->kind == BarKind::Minutes) {
        return intradayHistory(walk, parsed->minutes, from, lastTime);
    }
    return dayBasedHistory(walk, parsed->kind, from, lastTime);
}

void MarketSimulator::tick(int steps)
{
    if (steps <= 0) {
        return;
    }
    const qint64 first = m_tickCount + 1;
    m_tickCount += steps;
    const qint64 timeNs = nowNs();
    for (Series &series : m_series) {
        double x = series.logPrice;
        for (qint64 n = first; n <= m_tickCount; ++n) {
            x += series.tickSigma * hashNormal(m_seed, series.model.key, kSaltTick, quint64(n))
                - kReversion * (x - series.anchor);
        }
        series.logPrice = std::clamp(x, kMinLogPrice, kMaxLogPrice);
        const Decimal walked = priceFromLog(series.logPrice);
        // The quote (and its time) changes only with the price, as a real last trade would.
        if (walked != series.quote.last) {
            setQuote(series, walked, timeNs);
        }
    }
    Q_EMIT pricesChanged();
}

void MarketSimulator::setPrice(const QString &ticker, Decimal price)
{
    const auto it = m_index.constFind(ticker);
    if (it == m_index.cend()) {
        return;
    }
    Series &series = m_series[std::size_t(*it)];
    const Decimal rounded = roundToTick(price);
    series.logPrice = std::log(rounded.toDouble());
    // The walk goes on around the price that was set instead of drifting back to the old level.
    series.anchor = series.logPrice;
    setQuote(series, rounded, nowNs());
    Q_EMIT pricesChanged();
}

nlohmann::json MarketSimulator::toJson() const
{
    nlohmann::json prices = nlohmann::json::object();
    for (const Series &series : m_series) {
        prices[series.ticker.toStdString()] = series.quote.last.toString().toStdString();
    }
    return nlohmann::json {{"tickCount", m_tickCount}, {"prices", std::move(prices)}};
}

void MarketSimulator::restore(const nlohmann::json &state)
{
    if (!state.is_object()) {
        return;
    }
    if (const auto count = state.find("tickCount"); count != state.end() && count->is_number_integer()) {
        // A huge unsigned value reads as negative here and is refused like a negative one.
        if (const auto value = count->get<qint64>(); value >= 0) {
            m_tickCount = value;
        }
    }
    const auto prices = state.find("prices");
    if (prices == state.end() || !prices->is_object()) {
        return;
    }
    const qint64 timeNs = nowNs();
    for (auto entry = prices->begin(); entry != prices->end(); ++entry) {
        if (!entry.value().is_string()) {
            continue;
        }
        const auto index = m_index.constFind(QString::fromStdString(entry.key()));
        if (index == m_index.cend()) {
            continue; // a symbol of an earlier, larger universe
        }
        const auto price = Decimal::parse(QString::fromStdString(entry.value().get_ref<const std::string &>()));
        if (!price || !price->isPositive()) {
            continue;
        }
        Series &series = m_series[std::size_t(*index)];
        const Decimal rounded = roundToTick(*price);
        // The anchor stays at the base price: a restarted market keeps its prices but no memory of setPrice().
        series.logPrice = std::log(rounded.toDouble());
        setQuote(series, rounded, timeNs);
    }
}

} // namespace Companion::Sandbox
