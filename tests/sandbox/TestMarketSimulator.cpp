// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "MarketSimulator.h"
#include "SymbolUniverse.h"

#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <nlohmann/json.hpp>

#include <cmath>

using Companion::Decimal;
using namespace Companion::Sandbox;

namespace {

// A Wednesday afternoon: history has full days behind it and a partial one in progress.
QDateTime fixedNow()
{
    return QDateTime(QDate(2025, 3, 12), QTime(14, 30, 15), Qt::UTC);
}

MarketSimulator::Clock fixedClock()
{
    return [] { return fixedNow(); };
}

Decimal dec(const char *text)
{
    return Decimal::parse(QString::fromLatin1(text)).value();
}

// True when @p value is a whole number of 10^-decimals (bars carry doubles).
bool hasAtMostDecimals(double value, int decimals)
{
    const double scaled = value * std::pow(10.0, decimals);
    return std::abs(scaled - std::round(scaled)) < 1e-6;
}

QString describe(const Bar &bar)
{
    return QStringLiteral("t=%1 o=%2 h=%3 l=%4 c=%5 v=%6")
        .arg(bar.time)
        .arg(bar.open, 0, 'g', 17)
        .arg(bar.high, 0, 'g', 17)
        .arg(bar.low, 0, 'g', 17)
        .arg(bar.close, 0, 'g', 17)
        .arg(bar.volume);
}

} // namespace

class TestMarketSimulator final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // SymbolUniverse
    void universe_realTickers_atLeastFiftyWellFormed();
    void universe_find_knowsRealNames_data();
    void universe_find_knowsRealNames();
    void universe_find_isCaseSensitive();
    void universe_indices_markedAndNotTradable();
    void universe_generated_namedInBase26();
    void universe_generated_capsAt17576();
    void universe_generated_pricesDeterministicAndInRange();
    void search_query_expectedFirstResult_data();
    void search_query_expectedFirstResult();
    void search_tickerPrefixes_comeFirstShortestFirst();
    void search_limit_isRespected();
    void search_generatedPrefix_findsAllOfThem();

    // MarketSimulator: live prices
    void construct_startPrices_nearBasePrice();
    void tick_sameSeedSameTicks_samePrices();
    void tick_inSteps_sameAsAtOnce();
    void tick_differentSeed_differentPrices();
    void tick_moves_mostPricesChange();
    void tick_emitsPricesChangedAndCounts();
    void tick_prices_roundedAsExchangesQuote();
    void tick_atThePriceFloor_staysPositive();
    void setPrice_known_setsRoundedPriceAndEmits_data();
    void setPrice_known_setsRoundedPriceAndEmits();
    void setPrice_unknown_ignored();
    void quote_spread_aroundLastAtLeastOneTick_data();
    void quote_spread_aroundLastAtLeastOneTick();
    void quote_time_isClockTimeOfLastChange();
    void unknownTicker_everything_zero();

    // MarketSimulator: previous day and history
    void previousDayBar_closesAtPreviousClose_data();
    void previousDayBar_closesAtPreviousClose();
    void history_badRequest_error_data();
    void history_badRequest_error();
    void history_resolution_wellFormedBars_data();
    void history_resolution_wellFormedBars();
    void history_afterTicksAndSetPrice_newestBarClosesAtCurrentPrice_data();
    void history_afterTicksAndSetPrice_newestBarClosesAtCurrentPrice();
    void history_daily_yesterdayClosesAtPreviousClose();
    void history_minuteBars_meetPreviousCloseAtMidnight_data();
    void history_minuteBars_meetPreviousCloseAtMidnight();
    void history_everything_latest5000Only();
    void history_rangeWithoutBars_empty();
    void history_sameSeed_sameBars();

    // State
    void toJson_restore_roundTrip();
    void restore_malformedEntries_ignored();
};

// ---- SymbolUniverse --------------------------------------------------------------------------------------

void TestMarketSimulator::universe_realTickers_atLeastFiftyWellFormed()
{
    const SymbolUniverse universe;
    QVERIFY2(universe.realTickerCount() >= 50, qPrintable(QString::number(universe.realTickerCount())));
    static const QRegularExpression tickerPattern(QStringLiteral("^[A-Z]{1,5}$"));
    QSet<QString> seen;
    int real = 0;
    for (const SymbolInfo &info : universe.all()) {
        QVERIFY2(!seen.contains(info.ticker), qPrintable(info.ticker));
        seen.insert(info.ticker);
        QVERIFY2(tickerPattern.match(info.ticker).hasMatch(), qPrintable(info.ticker));
        QVERIFY(!info.name.isEmpty());
        QVERIFY(info.basePrice.isPositive());
        QVERIFY(!info.isGenerated);
        if (!info.isIndex) {
            ++real;
            QVERIFY2(info.exchange == u"XNAS" || info.exchange == u"XNYS", qPrintable(info.ticker));
            QVERIFY(info.basePrice.decimals() <= 2);
        }
    }
    QCOMPARE(real, universe.realTickerCount());
    QCOMPARE(universe.tradable().size(), real);
}

void TestMarketSimulator::universe_find_knowsRealNames_data()
{
    QTest::addColumn<QString>("ticker");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("exchange");
    QTest::newRow("AAPL") << "AAPL"
                          << "Apple Inc."
                          << "XNAS";
    QTest::newRow("MSFT") << "MSFT"
                          << "Microsoft Corporation"
                          << "XNAS";
    QTest::newRow("NVDA") << "NVDA"
                          << "NVIDIA Corporation"
                          << "XNAS";
    QTest::newRow("JPM") << "JPM"
                         << "JPMorgan Chase & Co."
                         << "XNYS";
    QTest::newRow("KO") << "KO"
                        << "The Coca-Cola Company"
                        << "XNYS";
    QTest::newRow("V") << "V"
                       << "Visa Inc."
                       << "XNYS";
    QTest::newRow("SPX") << "SPX"
                         << "S&P 500 Index"
                         << "INDEX";
    QTest::newRow("NDX") << "NDX"
                         << "Nasdaq-100 Index"
                         << "INDEX";
    QTest::newRow("DJI") << "DJI"
                         << "Dow Jones Industrial Average"
                         << "INDEX";
}

void TestMarketSimulator::universe_find_knowsRealNames()
{
    QFETCH(QString, ticker);
    QFETCH(QString, name);
    QFETCH(QString, exchange);
    const SymbolUniverse universe;
    const SymbolInfo *info = universe.find(ticker);
    QVERIFY(info);
    QCOMPARE(info->ticker, ticker);
    QCOMPARE(info->name, name);
    QCOMPARE(info->exchange, exchange);
    QCOMPARE(info->isIndex, exchange == u"INDEX");
}

void TestMarketSimulator::universe_find_isCaseSensitive()
{
    const SymbolUniverse universe;
    QVERIFY(universe.find(QStringLiteral("AAPL")));
    QVERIFY(!universe.find(QStringLiteral("aapl")));
    QVERIFY(!universe.find(QStringLiteral("NOPE")));
    QVERIFY(!universe.find(QString()));
}

void TestMarketSimulator::universe_indices_markedAndNotTradable()
{
    const SymbolUniverse universe(3);
    int indices = 0;
    for (const SymbolInfo &info : universe.all()) {
        indices += info.isIndex ? 1 : 0;
    }
    QCOMPARE(indices, 3);
    for (const SymbolInfo *info : universe.tradable()) {
        QVERIFY2(!info->isIndex, qPrintable(info->ticker));
    }
    QCOMPARE(universe.tradable().size(), universe.all().size() - 3);
}

void TestMarketSimulator::universe_generated_namedInBase26()
{
    const SymbolUniverse plain;
    const SymbolUniverse universe(30);
    QCOMPARE(universe.all().size(), plain.all().size() + 30);
    QCOMPARE(universe.realTickerCount(), plain.realTickerCount());
    const qsizetype firstGenerated = plain.all().size();
    // Order: real tickers, then indices, then generated ones.
    QVERIFY(!universe.all()[firstGenerated - 1].isGenerated);
    QVERIFY(universe.all()[firstGenerated - 1].isIndex);
    const SymbolInfo &first = universe.all()[firstGenerated];
    QCOMPARE(first.ticker, QStringLiteral("ZAAA"));
    QCOMPARE(first.name, QStringLiteral("Sandbox Generated Co. ZAAA"));
    QCOMPARE(first.exchange, QStringLiteral("XNAS"));
    QVERIFY(first.isGenerated);
    QVERIFY(!first.isIndex);
    QCOMPARE(universe.all()[firstGenerated + 1].ticker, QStringLiteral("ZAAB"));
    QCOMPARE(universe.all()[firstGenerated + 25].ticker, QStringLiteral("ZAAZ"));
    QCOMPARE(universe.all()[firstGenerated + 26].ticker, QStringLiteral("ZABA"));
    QCOMPARE(universe.all().last().ticker, QStringLiteral("ZABD"));
    QVERIFY(universe.find(QStringLiteral("ZABD")));
    QVERIFY(!universe.find(QStringLiteral("ZABE")));
    QCOMPARE(universe.tradable().size(), plain.tradable().size() + 30);
}

void TestMarketSimulator::universe_generated_capsAt17576()
{
    const SymbolUniverse plain;
    const SymbolUniverse universe(20000);
    QCOMPARE(universe.all().size(), plain.all().size() + 17576);
    QCOMPARE(universe.all().last().ticker, QStringLiteral("ZZZZ"));
    QCOMPARE(SymbolUniverse(-5).all().size(), plain.all().size());
}

void TestMarketSimulator::universe_generated_pricesDeterministicAndInRange()
{
    const SymbolUniverse a(500);
    const SymbolUniverse b(600);
    QSet<qint64> distinct;
    for (const SymbolInfo &info : a.all()) {
        if (!info.isGenerated) {
            continue;
        }
        QVERIFY2(info.basePrice >= Decimal::fromInt(5) && info.basePrice <= Decimal::fromInt(500),
            qPrintable(QString(info.ticker + u' ' + info.basePrice.toString())));
        QVERIFY(info.basePrice.decimals() <= 2);
        QCOMPARE(b.find(info.ticker)->basePrice, info.basePrice);
        distinct.insert(info.basePrice.units());
    }
    QVERIFY(distinct.size() > 400); // really derived from the ticker, not a constant
}

void TestMarketSimulator::search_query_expectedFirstResult_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("first");
    QTest::addColumn<bool>("isIndex");
    QTest::newRow("exact ticker") << "AAPL"
                                  << "AAPL" << false;
    QTest::newRow("lower case ticker") << "aapl"
                                       << "AAPL" << false;
    QTest::newRow("ticker prefix") << "MSF"
                                   << "MSFT" << false;
    QTest::newRow("name") << "apple"
                          << "AAPL" << false;
    QTest::newRow("name, mixed case") << "MiCrOsOfT"
                                      << "MSFT" << false;
    QTest::newRow("shortest ticker first") << "goog"
                                           << "GOOG" << false;
    QTest::newRow("index by ticker") << "spx"
                                     << "SPX" << true;
    QTest::newRow("index by name") << "S&P 500"
                                   << "SPX" << true;
    QTest::newRow("dow") << "dow jones"
                         << "DJI" << true;
}

void TestMarketSimulator::search_query_expectedFirstResult()
{
    QFETCH(QString, query);
    QFETCH(QString, first);
    QFETCH(bool, isIndex);
    const SymbolUniverse universe(100);
    const QList<const SymbolInfo *> results = universe.search(query, 10);
    QVERIFY(!results.isEmpty());
    QCOMPARE(results.first()->ticker, first);
    QCOMPARE(results.first()->isIndex, isIndex);
}

void TestMarketSimulator::search_tickerPrefixes_comeFirstShortestFirst()
{
    const SymbolUniverse universe;
    const QList<const SymbolInfo *> results = universe.search(QStringLiteral("a"), 100);
    QVERIFY(results.size() > 10);
    qsizetype i = 0;
    qsizetype lastLength = 0;
    for (; i < results.size() && results[i]->ticker.startsWith(u'A'); ++i) {
        QVERIFY2(results[i]->ticker.size() >= lastLength, qPrintable(results[i]->ticker));
        lastLength = results[i]->ticker.size();
    }
    QVERIFY(i > 5);
    QVERIFY(i < results.size()); // then names containing "a", e.g. "Microsoft Corporation"
    for (; i < results.size(); ++i) {
        QVERIFY2(!results[i]->ticker.startsWith(u'A'), qPrintable(results[i]->ticker));
        QVERIFY2(results[i]->name.contains(u'a', Qt::CaseInsensitive), qPrintable(results[i]->name));
    }
    QSet<const SymbolInfo *> unique(results.cbegin(), results.cend());
    QCOMPARE(unique.size(), results.size());
}

void TestMarketSimulator::search_limit_isRespected()
{
    const SymbolUniverse universe(1000);
    QCOMPARE(universe.search(QStringLiteral("a"), 5).size(), 5);
    QCOMPARE(universe.search(QStringLiteral("a"), 1).size(), 1);
    QVERIFY(universe.search(QStringLiteral("a"), 0).isEmpty());
    QVERIFY(universe.search(QStringLiteral("a"), -3).isEmpty());
    QVERIFY(universe.search(QStringLiteral("no such company xyz"), 10).isEmpty());
}

void TestMarketSimulator::search_generatedPrefix_findsAllOfThem()
{
    const SymbolUniverse universe(100);
    const QList<const SymbolInfo *> results = universe.search(QStringLiteral("zaa"), 100);
    QCOMPARE(results.size(), 26); // ZAAA … ZAAZ; their names match too but appear once
    QCOMPARE(results.first()->ticker, QStringLiteral("ZAAA"));
    QCOMPARE(results.last()->ticker, QStringLiteral("ZAAZ"));
    QCOMPARE(universe.search(QStringLiteral("Sandbox Generated"), 1000).size(), 100);
}

// ---- MarketSimulator: live prices ------------------------------------------------------------------------

void TestMarketSimulator::construct_startPrices_nearBasePrice()
{
    const SymbolUniverse universe(50);
    const MarketSimulator market(universe, 7, fixedClock());
    int differentFromBase = 0;
    for (const SymbolInfo &info : universe.all()) {
        const double price = market.price(info.ticker).toDouble();
        const double base = info.basePrice.toDouble();
        QVERIFY2(std::abs(price / base - 1.0) < 0.035, qPrintable(info.ticker));
        QCOMPARE(market.previousClose(info.ticker), info.basePrice);
        differentFromBase += market.price(info.ticker) != info.basePrice ? 1 : 0;
    }
    QVERIFY(differentFromBase > universe.all().size() / 2); // the opening gap
    QCOMPARE(market.tickCount(), 0);
}

void TestMarketSimulator::tick_sameSeedSameTicks_samePrices()
{
    const SymbolUniverse universe(200);
    MarketSimulator a(universe, 42, fixedClock());
    MarketSimulator b(universe, 42, fixedClock());
    a.tick(25);
    b.tick(25);
    for (const SymbolInfo &info : universe.all()) {
        QCOMPARE(a.price(info.ticker), b.price(info.ticker));
        QCOMPARE(a.quote(info.ticker).bid, b.quote(info.ticker).bid);
        QCOMPARE(a.quote(info.ticker).askSize, b.quote(info.ticker).askSize);
    }
}

void TestMarketSimulator::tick_inSteps_sameAsAtOnce()
{
    const SymbolUniverse universe(20);
    MarketSimulator a(universe, 3, fixedClock());
    MarketSimulator b(universe, 3, fixedClock());
    a.tick(12);
    for (int i = 0; i < 12; ++i) {
        b.tick();
    }
    QCOMPARE(a.tickCount(), b.tickCount());
    for (const SymbolInfo &info : universe.all()) {
        QCOMPARE(a.price(info.ticker), b.price(info.ticker));
    }
}

void TestMarketSimulator::tick_differentSeed_differentPrices()
{
    const SymbolUniverse universe(100);
    MarketSimulator a(universe, 1, fixedClock());
    MarketSimulator b(universe, 2, fixedClock());
    a.tick(10);
    b.tick(10);
    int different = 0;
    for (const SymbolInfo &info : universe.all()) {
        different += a.price(info.ticker) != b.price(info.ticker) ? 1 : 0;
    }
    QVERIFY2(different > universe.all().size() * 3 / 4, qPrintable(QString::number(different)));
}

void TestMarketSimulator::tick_moves_mostPricesChange()
{
    const SymbolUniverse universe(100);
    MarketSimulator market(universe, 1, fixedClock());
    QHash<QString, Decimal> before;
    for (const SymbolInfo &info : universe.all()) {
        before.insert(info.ticker, market.price(info.ticker));
    }
    market.tick(5);
    int changed = 0;
    for (const SymbolInfo &info : universe.all()) {
        changed += market.price(info.ticker) != before.value(info.ticker) ? 1 : 0;
    }
    QVERIFY2(changed > universe.all().size() / 2, qPrintable(QString::number(changed)));
}

void TestMarketSimulator::tick_emitsPricesChangedAndCounts()
{
    const SymbolUniverse universe;
    MarketSimulator market(universe, 1, fixedClock());
    QSignalSpy spy(&market, &MarketSimulator::pricesChanged);
    market.tick(3);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(market.tickCount(), 3);
    market.tick();
    QCOMPARE(spy.count(), 2);
    QCOMPARE(market.tickCount(), 4);
    market.tick(0);
    QCOMPARE(spy.count(), 2);
    QCOMPARE(market.tickCount(), 4);
}

void TestMarketSimulator::tick_prices_roundedAsExchangesQuote()
{
    const SymbolUniverse universe(300);
    MarketSimulator market(universe, 11, fixedClock());
    market.setPrice(QStringLiteral("F"), dec("0.8"));
    market.setPrice(QStringLiteral("INTC"), dec("1.003"));
    for (int round = 0; round < 5; ++round) {
        market.tick(40);
        for (const SymbolInfo &info : universe.all()) {
            const Decimal price = market.price(info.ticker);
            QVERIFY(price.isPositive());
            const int allowed = price >= Decimal::fromInt(1) ? 2 : 4;
            QVERIFY2(price.decimals() <= allowed, qPrintable(QString(info.ticker + u' ' + price.toString())));
        }
    }
    QVERIFY(market.price(QStringLiteral("F")) < Decimal::fromInt(1)); // really tested the sub-dollar rule
}

void TestMarketSimulator::tick_atThePriceFloor_staysPositive()
{
    const SymbolUniverse universe;
    MarketSimulator market(universe, 5, fixedClock());
    market.setPrice(QStringLiteral("F"), dec("0.0001"));
    QCOMPARE(market.price(QStringLiteral("F")), dec("0.0001"));
    for (int i = 0; i < 50; ++i) {
        market.tick(10);
        QVERIFY(market.price(QStringLiteral("F")) >= dec("0.0001"));
        QVERIFY(market.quote(QStringLiteral("F")).bid.isPositive());
    }
    market.setPrice(QStringLiteral("F"), dec("-3"));
    QCOMPARE(market.price(QStringLiteral("F")), dec("0.0001"));
}

void TestMarketSimulator::setPrice_known_setsRoundedPriceAndEmits_data()
{
    QTest::addColumn<QString>("price");
    QTest::addColumn<QString>("expected");
    QTest::newRow("cents") << "123.45"
                           << "123.45";
    QTest::newRow("sub-cent above $1 rounds") << "123.456"
                                              << "123.46";
    QTest::newRow("below $1 keeps four decimals") << "0.1234"
                                                  << "0.1234";
    QTest::newRow("below $1 rounds to four") << "0.123456"
                                             << "0.1235";
    QTest::newRow("whole") << "7"
                           << "7";
}

void TestMarketSimulator::setPrice_known_setsRoundedPriceAndEmits()
{
    QFETCH(QString, price);
    QFETCH(QString, expected);
    const SymbolUniverse universe;
    MarketSimulator market(universe, 1, fixedClock());
    QSignalSpy spy(&market, &MarketSimulator::pricesChanged);
    market.setPrice(QStringLiteral("AAPL"), *Decimal::parse(price));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(market.price(QStringLiteral("AAPL")), *Decimal::parse(expected));
    QCOMPARE(market.quote(QStringLiteral("AAPL")).last, *Decimal::parse(expected));
    // The previous close is yesterday's, whatever happens today.
    QCOMPARE(market.previousClose(QStringLiteral("AAPL")), universe.find(QStringLiteral("AAPL"))->basePrice);
}

void TestMarketSimulator::setPrice_unknown_ignored()
{
    const SymbolUniverse universe;
    MarketSimulator market(universe, 1, fixedClock());
    QSignalSpy spy(&market, &MarketSimulator::pricesChanged);
    market.setPrice(QStringLiteral("NOPE"), dec("10"));
    QCOMPARE(spy.count(), 0);
    QVERIFY(market.price(QStringLiteral("NOPE")).isZero());
}

void TestMarketSimulator::quote_spread_aroundLastAtLeastOneTick_data()
{
    QTest::addColumn<QString>("price");
    QTest::addColumn<QString>("tick");
    QTest::newRow("large") << "4321.09"
                           << "0.01";
    QTest::newRow("typical") << "230.17"
                             << "0.01";
    QTest::newRow("cheap") << "5.03"
                           << "0.01";
    QTest::newRow("one dollar") << "1"
                                << "0.01";
    QTest::newRow("below $1") << "0.5"
                              << "0.0001";
    QTest::newRow("penny") << "0.0123"
                           << "0.0001";
}

void TestMarketSimulator::quote_spread_aroundLastAtLeastOneTick()
{
    QFETCH(QString, price);
    QFETCH(QString, tick);
    const Decimal last = *Decimal::parse(price);
    const Decimal oneTick = *Decimal::parse(tick);
    const SymbolUniverse universe;
    MarketSimulator market(universe, 1, fixedClock());
    market.setPrice(QStringLiteral("MSFT"), last);
    const Quote quote = market.quote(QStringLiteral("MSFT"));
    QCOMPARE(quote.last, last);
    QVERIFY2(quote.bid < last, qPrintable(quote.bid.toString()));
    QVERIFY2(quote.ask > last, qPrintable(quote.ask.toString()));
    QVERIFY(quote.bid.isPositive());
    const Decimal spread = *quote.ask.minus(quote.bid);
    QVERIFY(spread >= oneTick);
    // About 0.02%, and never wider than that or two ticks, whichever is more.
    const double maxSpread = std::max(2 * oneTick.toDouble(), last.toDouble() * 0.00025);
    QVERIFY2(spread.toDouble() <= maxSpread + 1e-9, qPrintable(spread.toString()));
    const int decimals = last >= Decimal::fromInt(1) ? 2 : 4;
    QVERIFY(quote.bid.decimals() <= decimals);
    QVERIFY(quote.ask.decimals() <= 4);
    QVERIFY(quote.lastSize > 0);
    QVERIFY(quote.bidSize > 0);
    QVERIFY(quote.askSize > 0);
}

void TestMarketSimulator::quote_time_isClockTimeOfLastChange()
{
    QDateTime now = fixedNow();
    const SymbolUniverse universe;
    MarketSimulator market(universe, 1, [&now] { return now; });
    const qint64 startNs = fixedNow().toMSecsSinceEpoch() * 1'000'000;
    QCOMPARE(market.quote(QStringLiteral("AAPL")).timeNs, startNs);
    now = now.addSecs(5);
    market.setPrice(QStringLiteral("AAPL"), dec("200"));
    QCOMPARE(market.quote(QStringLiteral("AAPL")).timeNs, startNs + 5'000'000'000);
    QCOMPARE(market.quote(QStringLiteral("MSFT")).timeNs, startNs);
    now = now.addSecs(1);
    const Decimal msftBefore = market.price(QStringLiteral("MSFT"));
    market.tick(10);
    const qint64 expected = market.price(QStringLiteral("MSFT")) != msftBefore ? startNs + 6'000'000'000 : startNs;
    QCOMPARE(market.quote(QStringLiteral("MSFT")).timeNs, expected);
}

void TestMarketSimulator::unknownTicker_everything_zero()
{
    const SymbolUniverse universe;
    const MarketSimulator market(universe, 1, fixedClock());
    const QString nope = QStringLiteral("NOPE");
    QVERIFY(market.price(nope).isZero());
    QVERIFY(market.previousClose(nope).isZero());
    QVERIFY(market.quote(nope).last.isZero());
    QCOMPARE(market.quote(nope).timeNs, 0);
    QCOMPARE(market.previousDayBar(nope).time, 0);
}

// ---- MarketSimulator: previous day and history -----------------------------------------------------------

void TestMarketSimulator::previousDayBar_closesAtPreviousClose_data()
{
    QTest::addColumn<QString>("ticker");
    for (const char *ticker : {"AAPL", "MSFT", "F", "SPX", "ZAAC"}) {
        QTest::newRow(ticker) << QString::fromLatin1(ticker);
    }
}

void TestMarketSimulator::previousDayBar_closesAtPreviousClose()
{
    QFETCH(QString, ticker);
    const SymbolUniverse universe(10);
    MarketSimulator market(universe, 9, fixedClock());
    market.tick(30); // today's moves do not change yesterday
    const Bar bar = market.previousDayBar(ticker);
    QCOMPARE(bar.time, QDateTime(QDate(2025, 3, 11), QTime(0, 0), Qt::UTC).toSecsSinceEpoch());
    QCOMPARE(bar.close, market.previousClose(ticker).toDouble());
    QCOMPARE(market.previousClose(ticker), universe.find(ticker)->basePrice);
    QVERIFY2(bar.high >= std::max(bar.open, bar.close), qPrintable(describe(bar)));
    QVERIFY2(bar.low <= std::min(bar.open, bar.close), qPrintable(describe(bar)));
    QVERIFY(bar.low > 0);
    QVERIFY2(bar.high / bar.low < 1.25, qPrintable(describe(bar)));
    QVERIFY(bar.volume > 1000);
    QVERIFY(hasAtMostDecimals(bar.open, 2) && hasAtMostDecimals(bar.high, 2) && hasAtMostDecimals(bar.low, 2));

    // The same bar as the daily history shows.
    const qint64 now = fixedNow().toSecsSinceEpoch();
    const auto daily = market.history(ticker, QStringLiteral("D"), bar.time, now + 1);
    QVERIFY(daily.has_value());
    QCOMPARE(daily->size(), 2);
    QCOMPARE(daily->first().time, bar.time);
    QCOMPARE(daily->first().open, bar.open);
    QCOMPARE(daily->first().high, bar.high);
    QCOMPARE(daily->first().low, bar.low);
    QCOMPARE(daily->first().close, bar.close);
    QCOMPARE(daily->first().volume, bar.volume);
}

void TestMarketSimulator::history_badRequest_error_data()
{
    QTest::addColumn<QString>("ticker");
    QTest::addColumn<QString>("resolution");
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("to");
    QTest::addColumn<QString>("error");
    QTest::newRow("unknown resolution") << "AAPL"
                                        << "2" << qint64(0) << qint64(100) << "Unsupported resolution 2";
    QTest::newRow("lower-case day") << "AAPL"
                                    << "d" << qint64(0) << qint64(100) << "Unsupported resolution d";
    QTest::newRow("empty resolution") << "AAPL"
                                      << "" << qint64(0) << qint64(100) << "Unsupported resolution ";
    QTest::newRow("3M is not offered") << "AAPL"
                                       << "3M" << qint64(0) << qint64(100) << "Unsupported resolution 3M";
    QTest::newRow("to == from") << "AAPL"
                                << "1" << qint64(100) << qint64(100) << "'to' must be after 'from'";
    QTest::newRow("to < from") << "AAPL"
                               << "D" << qint64(200) << qint64(100) << "'to' must be after 'from'";
    QTest::newRow("unknown symbol") << "NOPE"
                                    << "D" << qint64(0) << qint64(100) << "Unknown symbol NOPE";
}

void TestMarketSimulator::history_badRequest_error()
{
    QFETCH(QString, ticker);
    QFETCH(QString, resolution);
    QFETCH(qint64, from);
    QFETCH(qint64, to);
    QFETCH(QString, error);
    const SymbolUniverse universe;
    const MarketSimulator market(universe, 1, fixedClock());
    const auto result = market.history(ticker, resolution, from, to);
    QVERIFY(!result.has_value());
    QCOMPARE(result.error(), error);
}

void TestMarketSimulator::history_resolution_wellFormedBars_data()
{
    QTest::addColumn<QString>("resolution");
    QTest::addColumn<QString>("ticker");
    QTest::addColumn<qint64>("days");
    for (const char *resolution :
        {"1", "3", "5", "15", "30", "45", "60", "120", "180", "240", "D", "1D", "W", "1W", "M", "1M"}) {
        QTest::addRow("%s AAPL", resolution) << QString::fromLatin1(resolution) << "AAPL" << qint64(400);
    }
    QTest::newRow("D SPX since 1970") << "D"
                                      << "SPX" << qint64(30'000);
    QTest::newRow("W F since 1970") << "W"
                                    << "F" << qint64(30'000);
    QTest::newRow("M ZAAB since 1970") << "M"
                                       << "ZAAB" << qint64(30'000);
    QTest::newRow("60 PFE") << "60"
                            << "PFE" << qint64(30);
}

void TestMarketSimulator::history_resolution_wellFormedBars()
{
    QFETCH(QString, resolution);
    QFETCH(QString, ticker);
    QFETCH(qint64, days);
    const SymbolUniverse universe(5);
    MarketSimulator market(universe, 1, fixedClock());
    market.tick(15);
    const qint64 now = fixedNow().toSecsSinceEpoch();
    const qint64 from = std::max<qint64>(now - days * 86'400, 0);
    const qint64 to = now + 40 * 86'400; // into the future: no bar may start after now
    const auto result = market.history(ticker, resolution, from, to);
    QVERIFY(result.has_value());
    const QList<Bar> &bars = *result;
    QVERIFY(!bars.isEmpty());
    QVERIFY(bars.size() <= 5000);

    bool ok = false;
    const int minutes = resolution.toInt(&ok);
    qint64 previous = -1;
    for (const Bar &bar : bars) {
        const QString text = describe(bar);
        QVERIFY2(bar.time >= from && bar.time < to && bar.time <= now, qPrintable(text));
        QVERIFY2(bar.time > previous, qPrintable(text));
        previous = bar.time;
        const QDateTime start = QDateTime::fromSecsSinceEpoch(bar.time, Qt::UTC);
        if (ok) {
            QVERIFY2(bar.time % (minutes * 60) == 0, qPrintable(text));
        } else {
            QCOMPARE(start.time(), QTime(0, 0));
            if (resolution.endsWith(u'W')) {
                QCOMPARE(start.date().dayOfWeek(), 1); // Monday
            } else if (resolution.endsWith(u'M')) {
                QCOMPARE(start.date().day(), 1);
            }
        }
        QVERIFY2(bar.low > 0, qPrintable(text));
        QVERIFY2(bar.open > 0 && bar.close > 0, qPrintable(text));
        QVERIFY2(bar.high >= std::max(bar.open, bar.close), qPrintable(text));
        QVERIFY2(bar.low <= std::min(bar.open, bar.close), qPrintable(text));
        QVERIFY2(bar.volume >= 0, qPrintable(text));
        for (const double value : {bar.open, bar.high, bar.low, bar.close}) {
            QVERIFY2(hasAtMostDecimals(value, value >= 1.0 ? 2 : 4), qPrintable(text));
        }
    }
    // Consecutive buckets: no holes in a market that never sleeps.
    if (ok) {
        QCOMPARE(bars.last().time - bars.first().time, (bars.size() - 1) * minutes * 60);
    }
    // The newest bar holds now and ends at the current price.
    const Bar &newest = bars.last();
    QVERIFY(newest.time <= now);
    if (ok) {
        QCOMPARE(newest.time, now - now % (minutes * 60));
    }
    QCOMPARE(newest.close, market.price(ticker).toDouble());
}

void TestMarketSimulator::history_afterTicksAndSetPrice_newestBarClosesAtCurrentPrice_data()
{
    QTest::addColumn<QString>("resolution");
    QTest::newRow("1") << "1";
    QTest::newRow("5") << "5";
    QTest::newRow("D") << "D";
    QTest::newRow("W") << "W";
    QTest::newRow("M") << "M";
}

void TestMarketSimulator::history_afterTicksAndSetPrice_newestBarClosesAtCurrentPrice()
{
    QFETCH(QString, resolution);
    const SymbolUniverse universe;
    MarketSimulator market(universe, 4, fixedClock());
    const QString ticker = QStringLiteral("NVDA");
    const qint64 now = fixedNow().toSecsSinceEpoch();
    const qint64 from = now - 90 * 86'400;
    market.tick(77);
    auto bars = market.history(ticker, resolution, from, now + 1);
    QVERIFY(bars.has_value() && !bars->isEmpty());
    QCOMPARE(bars->last().close, market.price(ticker).toDouble());

    market.setPrice(ticker, dec("99.99"));
    bars = market.history(ticker, resolution, from, now + 1);
    QVERIFY(bars.has_value() && !bars->isEmpty());
    QCOMPARE(bars->last().close, 99.99);
    QVERIFY(bars->last().low <= 99.99);

    market.setPrice(ticker, dec("0.4321"));
    bars = market.history(ticker, resolution, from, now + 1);
    QVERIFY(bars.has_value() && !bars->isEmpty());
    QCOMPARE(bars->last().close, 0.4321);
    for (const Bar &bar : *bars) {
        QVERIFY2(bar.low > 0 && bar.high >= std::max(bar.open, bar.close), qPrintable(describe(bar)));
    }
}

void TestMarketSimulator::history_daily_yesterdayClosesAtPreviousClose()
{
    const SymbolUniverse universe;
    MarketSimulator market(universe, 8, fixedClock());
    market.tick(100);
    const qint64 now = fixedNow().toSecsSinceEpoch();
    const qint64 today = now - now % 86'400;
    for (const QString &resolution : {QStringLiteral("D"), QStringLiteral("1D")}) {
        for (const SymbolInfo &info : universe.all()) {
            const auto bars = market.history(info.ticker, resolution, today - 10 * 86'400, now + 1);
            QVERIFY(bars.has_value());
            QCOMPARE(bars->size(), 11);
            QCOMPARE(bars->at(9).time, today - 86'400);
            QCOMPARE(bars->at(9).close, info.basePrice.toDouble());
            QCOMPARE(bars->at(10).time, today);
            QCOMPARE(bars->at(10).open, info.basePrice.toDouble()); // the walk never sleeps: no overnight gap
        }
    }
}

void TestMarketSimulator::history_minuteBars_meetPreviousCloseAtMidnight_data()
{
    QTest::addColumn<QString>("resolution");
    for (const char *resolution : {"1", "15", "45", "240"}) {
        QTest::newRow(resolution) << QString::fromLatin1(resolution);
    }
}

void TestMarketSimulator::history_minuteBars_meetPreviousCloseAtMidnight()
{
    QFETCH(QString, resolution);
    const SymbolUniverse universe;
    const MarketSimulator market(universe, 2, fixedClock());
    const qint64 now = fixedNow().toSecsSinceEpoch();
    const qint64 today = now - now % 86'400;
    const auto bars = market.history(QStringLiteral("MSFT"), resolution, today - 86'400, today + 86'400);
    QVERIFY(bars.has_value());
    const double previousClose = market.previousClose(QStringLiteral("MSFT")).toDouble();
    qsizetype midnight = -1;
    for (qsizetype i = 0; i < bars->size(); ++i) {
        if (bars->at(i).time == today) {
            midnight = i;
        }
    }
    QVERIFY(midnight > 0);
    QCOMPARE(bars->at(midnight - 1).close, previousClose);
    QCOMPARE(bars->at(midnight).open, previousClose);
    // Bars follow each other: each opens where the one before closed.
    for (qsizetype i = 1; i < bars->size(); ++i) {
        QCOMPARE(bars->at(i).open, bars->at(i - 1).close);
    }
}

void TestMarketSimulator::history_everything_latest5000Only()
{
    const SymbolUniverse universe;
    const MarketSimulator market(universe, 1, fixedClock());
    const qint64 now = fixedNow().toSecsSinceEpoch();
    for (const QString &resolution : {QStringLiteral("1"), QStringLiteral("240"), QStringLiteral("D")}) {
        const auto bars = market.history(QStringLiteral("AAPL"), resolution, -1'000'000, now + 10'000'000);
        QVERIFY(bars.has_value());
        QCOMPARE(bars->size(), 5000);
        QVERIFY(bars->last().time <= now);
        QVERIFY(now - bars->last().time < 86'400);
    }
    // A range that ends in the past keeps its own latest bars.
    const qint64 end = now - now % 60 - 3 * 86'400;
    const auto bars = market.history(QStringLiteral("AAPL"), QStringLiteral("1"), 0, end);
    QVERIFY(bars.has_value());
    QCOMPARE(bars->size(), 5000);
    QCOMPARE(bars->last().time, end - 60);
    QCOMPARE(bars->first().time, end - 5000 * 60);
}

void TestMarketSimulator::history_rangeWithoutBars_empty()
{
    const SymbolUniverse universe;
    const MarketSimulator market(universe, 1, fixedClock());
    const qint64 now = fixedNow().toSecsSinceEpoch();
    const qint64 minute = now - now % 60 - 3600;
    // Inside one minute, after its start: no bar starts there.
    auto bars = market.history(QStringLiteral("AAPL"), QStringLiteral("1"), minute + 1, minute + 59);
    QVERIFY(bars.has_value());
    QVERIFY(bars->isEmpty());
    // Entirely in the future.
    bars = market.history(QStringLiteral("AAPL"), QStringLiteral("D"), now + 86'400, now + 10 * 86'400);
    QVERIFY(bars.has_value());
    QVERIFY(bars->isEmpty());
    // Before 1970, where the simulated market has no history.
    bars = market.history(QStringLiteral("AAPL"), QStringLiteral("D"), -10 * 86'400, -86'400);
    QVERIFY(bars.has_value());
    QVERIFY(bars->isEmpty());
}

void TestMarketSimulator::history_sameSeed_sameBars()
{
    const SymbolUniverse universe;
    MarketSimulator a(universe, 21, fixedClock());
    MarketSimulator b(universe, 21, fixedClock());
    MarketSimulator c(universe, 22, fixedClock());
    a.tick(9);
    b.tick(9);
    c.tick(9);
    const qint64 now = fixedNow().toSecsSinceEpoch();
    for (const QString &resolution : {QStringLiteral("1"), QStringLiteral("60"), QStringLiteral("D")}) {
        const auto first = a.history(QStringLiteral("TSLA"), resolution, now - 20 * 86'400, now);
        const auto second = b.history(QStringLiteral("TSLA"), resolution, now - 20 * 86'400, now);
        const auto other = c.history(QStringLiteral("TSLA"), resolution, now - 20 * 86'400, now);
        QVERIFY(first.has_value() && second.has_value() && other.has_value());
        QCOMPARE(first->size(), second->size());
        QCOMPARE(first->size(), other->size());
        int different = 0;
        for (qsizetype i = 0; i < first->size(); ++i) {
            const Bar &x = first->at(i);
            const Bar &y = second->at(i);
            QCOMPARE(describe(x), describe(y));
            different += describe(x) != describe(other->at(i)) ? 1 : 0;
        }
        QVERIFY(different > first->size() / 2);
    }
}

// ---- State -----------------------------------------------------------------------------------------------

void TestMarketSimulator::toJson_restore_roundTrip()
{
    const SymbolUniverse universe(40);
    MarketSimulator original(universe, 13, fixedClock());
    original.tick(17);
    original.setPrice(QStringLiteral("AAPL"), dec("111.11"));
    original.setPrice(QStringLiteral("F"), dec("0.5432"));
    const nlohmann::json state = original.toJson();
    // What --state writes must survive text.
    const nlohmann::json reread = nlohmann::json::parse(state.dump());

    MarketSimulator restored(universe, 13, fixedClock());
    QSignalSpy spy(&restored, &MarketSimulator::pricesChanged);
    restored.restore(reread);
    QCOMPARE(restored.tickCount(), 17);
    for (const SymbolInfo &info : universe.all()) {
        QCOMPARE(restored.price(info.ticker), original.price(info.ticker));
        QCOMPARE(restored.quote(info.ticker).bid, original.quote(info.ticker).bid);
    }
    QCOMPARE(restored.price(QStringLiteral("AAPL")), dec("111.11"));
    QCOMPARE(restored.price(QStringLiteral("F")), dec("0.5432"));
    QVERIFY(reread.at("prices").at("AAPL").is_string());

    // The market goes on from there.
    restored.tick(3);
    QCOMPARE(restored.tickCount(), 20);
}

void TestMarketSimulator::restore_malformedEntries_ignored()
{
    const SymbolUniverse universe;
    MarketSimulator market(universe, 1, fixedClock());
    const Decimal msft = market.price(QStringLiteral("MSFT"));
    const Decimal nvda = market.price(QStringLiteral("NVDA"));
    const Decimal tsla = market.price(QStringLiteral("TSLA"));
    const Decimal meta = market.price(QStringLiteral("META"));

    market.restore(nlohmann::json::array({1, 2, 3}));
    market.restore(nlohmann::json("text"));
    QCOMPARE(market.tickCount(), 0);
    QCOMPARE(market.price(QStringLiteral("MSFT")), msft);

    market.restore(nlohmann::json {{"tickCount", 5},
        {"prices",
            {{"AAPL", "150.25"}, {"NOPE", "10"}, {"MSFT", 12}, {"NVDA", "abc"}, {"TSLA", "-5"}, {"META", nullptr},
                {"ZAAA", "10"}}}});
    QCOMPARE(market.tickCount(), 5);
    QCOMPARE(market.price(QStringLiteral("AAPL")), dec("150.25"));
    QCOMPARE(market.price(QStringLiteral("MSFT")), msft);
    QCOMPARE(market.price(QStringLiteral("NVDA")), nvda);
    QCOMPARE(market.price(QStringLiteral("TSLA")), tsla);
    QCOMPARE(market.price(QStringLiteral("META")), meta);
    QVERIFY(market.price(QStringLiteral("ZAAA")).isZero()); // not in this universe

    market.restore(nlohmann::json {{"tickCount", -4}, {"prices", "none"}});
    QCOMPARE(market.tickCount(), 5);
    market.restore(nlohmann::json {{"tickCount", "7"}});
    QCOMPARE(market.tickCount(), 5);
}

QTEST_GUILESS_MAIN(TestMarketSimulator)
#include "TestMarketSimulator.moc"
