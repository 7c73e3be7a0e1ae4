// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Decimal.h"
#include "Expected.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>

#include <nlohmann/json_fwd.hpp>

#include <functional>
#include <vector>

namespace Companion::Sandbox {

class SymbolUniverse;

struct Quote
{
    Decimal last;
    Decimal bid;
    Decimal ask;
    int lastSize = 0;
    int bidSize = 0;
    int askSize = 0;
    qint64 timeNs = 0; ///< SIP timestamp of the last change, nanoseconds since the epoch
};

struct Bar
{
    qint64 time = 0; ///< Start of the bar, seconds since the epoch (UTC)
    double open = 0;
    double high = 0;
    double low = 0;
    double close = 0;
    qint64 volume = 0;
};

/**
 * The simulated market: a deterministic random walk per symbol, driven by a seed.
 *
 * Every symbol starts the day at its base price times a small opening gap; each tick() moves every
 * symbol one step of a geometric random walk whose steps come from a hash of (seed, symbol, tick), so
 * the same seed and the same number of ticks always give the same prices. Prices are rounded as
 * exchanges quote them: cents at $1 and above, hundredths of a cent below.
 *
 * History bars are generated from the same kind of hashed walk per resolution, anchored so that the
 * daily bar of yesterday closes at the previous close and the newest bar ends at the current price.
 */
class MarketSimulator final : public QObject
{
    Q_OBJECT

public:
    using Clock = std::function<QDateTime()>;

    MarketSimulator(const SymbolUniverse &universe, quint64 seed, Clock clock, QObject *parent = nullptr);
    ~MarketSimulator() override;
    Q_DISABLE_COPY_MOVE(MarketSimulator)

    /** Current price of a known ticker (callers check the universe first; unknown gives zero). */
    Decimal price(const QString &ticker) const;
    /** Last trade, bid and ask (spread of about 0.02%, at least one tick). */
    Quote quote(const QString &ticker) const;
    /** Yesterday's close (the symbol's base price). */
    Decimal previousClose(const QString &ticker) const;
    /** Yesterday's daily bar; its close equals previousClose(). */
    Bar previousDayBar(const QString &ticker) const;
    /**
     * Bars of @p resolution ("1","3","5","15","30","45","60","120","180","240" minutes, "D"/"1D",
     * "W"/"1W", "M"/"1M") whose start lies in [fromSeconds, toSeconds), none after now, at most the
     * latest 5000. An error text for an unknown resolution or toSeconds <= fromSeconds; an empty list
     * when the range holds no bars.
     */
    Expected<QList<Bar>, QString> history(
        const QString &ticker, const QString &resolution, qint64 fromSeconds, qint64 toSeconds) const;

    /** Number of ticks since the start. */
    qint64 tickCount() const { return m_tickCount; }
    /** Moves every symbol @p steps ticks, then emits pricesChanged(). */
    void tick(int steps = 1);
    /** Sets one symbol's price (tests, demo), then emits pricesChanged(). */
    void setPrice(const QString &ticker, Decimal price);

    /** Prices and tick count, for --state. */
    nlohmann::json toJson() const;
    void restore(const nlohmann::json &state);

Q_SIGNALS:
    void pricesChanged();

private:
    struct Series; // the walk state and quote of one symbol (MarketSimulator.cpp)

    const Series *findSeries(const QString &ticker) const;
    qint64 nowNs() const;
    /** Sets @p series' last price and derives its bid, ask and sizes from it. */
    void setQuote(Series &series, Decimal last, qint64 timeNs) const;

    const SymbolUniverse &m_universe;
    quint64 m_seed;
    Clock m_clock;
    qint64 m_tickCount = 0;
    // A flat vector in the universe's order rather than a hash of quotes: tick() walks every symbol, and
    // for thousands of generated symbols a contiguous loop is what keeps it cheap.
    std::vector<Series> m_series;
    QHash<QString, qsizetype> m_index; ///< ticker → position in m_series
};

/** A deterministic pseudo-random number in [0, 1) from a seed and a few integers (splitmix64 over the inputs). */
double hashUniform(quint64 seed, quint64 a, quint64 b = 0, quint64 c = 0);
/** A deterministic, approximately standard-normal number from the same inputs. */
double hashNormal(quint64 seed, quint64 a, quint64 b = 0, quint64 c = 0);
/** A stable 64-bit hash of a ticker, to feed hashUniform(). */
quint64 tickerKey(const QString &ticker);

} // namespace Companion::Sandbox
