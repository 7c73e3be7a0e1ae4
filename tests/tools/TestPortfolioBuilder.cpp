// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/PortfolioBuilder.h"

#include <QTest>

#include <nlohmann/json.hpp>

using namespace Companion;
using namespace Companion::Tools;
using nlohmann::json;

namespace {

Decimal d(const char *text)
{
    return *Decimal::parse(QString::fromLatin1(text));
}

Aries::AriesPosition position(const char *symbol, const char *quantity, const char *average)
{
    Aries::AriesPosition p;
    p.accountId = QStringLiteral("SBX-1");
    p.symbol = QString::fromLatin1(symbol);
    p.securityType = QStringLiteral("EQUITY");
    p.quantity = d(quantity);
    p.averagePrice = d(average);
    return p;
}

PortfolioPrice price(const char *last, const char *previous = nullptr)
{
    PortfolioPrice p;
    p.last = d(last);
    if (previous) {
        p.previousClose = d(previous);
    }
    p.dataStatus = QStringLiteral("real-time");
    return p;
}

QString s(const json &value)
{
    return value.is_string() ? QString::fromStdString(value.get<std::string>()) : QStringLiteral("<null>");
}

const json *find(const json &portfolio, const char *symbol)
{
    for (const json &p : portfolio["positions"]) {
        if (p["symbol"] == symbol) {
            return &p;
        }
    }
    return nullptr;
}

} // namespace

class TestPortfolioBuilder final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void position_values_data();
    void position_values();
    void totals_exact_onThousandPositions();
    void unpriced_leftOutOfTotalsAndNamed();
    void balances_giveCash();
    void sortedByMarketValue();
};

void TestPortfolioBuilder::position_values_data()
{
    QTest::addColumn<QString>("quantity");
    QTest::addColumn<QString>("average");
    QTest::addColumn<QString>("last");
    QTest::addColumn<QString>("previous");
    QTest::addColumn<QString>("marketValue");
    QTest::addColumn<QString>("unrealized");
    QTest::addColumn<QString>("unrealizedPercent");
    QTest::addColumn<QString>("dayChange");
    QTest::addColumn<QString>("dayChangePercent");

    QTest::newRow("long-gain") << "10"
                               << "100.00"
                               << "110.50"
                               << "108.00"
                               << "1105.00"
                               << "105.00"
                               << "10.50"
                               << "25.00"
                               << "2.31";
    QTest::newRow("long-loss") << "3"
                               << "200"
                               << "150.25"
                               << "151"
                               << "450.75"
                               << "-149.25"
                               << "-24.88"
                               << "-2.25"
                               << "-0.50";
    // A short position gains when the price falls: value negative, P&L positive.
    QTest::newRow("short") << "-10"
                           << "100"
                           << "90"
                           << "95"
                           << "-900.00"
                           << "100.00"
                           << "10.00"
                           << "50.00"
                           << "-5.26";
    QTest::newRow("fractional") << "0.5"
                                << "0.1"
                                << "0.3"
                                << "0.2"
                                << "0.15"
                                << "0.10"
                                << "200.00"
                                << "0.05"
                                << "50.00";
    QTest::newRow("sub-dollar") << "1000"
                                << "0.0512"
                                << "0.0513"
                                << "0.0511"
                                << "51.30"
                                << "0.10"
                                << "0.20"
                                << "0.20"
                                << "0.39";
}

void TestPortfolioBuilder::position_values()
{
    QFETCH(QString, quantity);
    QFETCH(QString, average);
    QFETCH(QString, last);
    QFETCH(QString, previous);
    const QList<Aries::AriesPosition> positions {
        position("AAA", quantity.toLatin1().constData(), average.toLatin1().constData())};
    const QMap<QString, PortfolioPrice> prices {
        {QStringLiteral("AAA"), price(last.toLatin1().constData(), previous.toLatin1().constData())}};
    const auto result =
        PortfolioBuilder::build(QStringLiteral("sandbox"), QStringLiteral("SBX-1"), positions, prices, {});
    QVERIFY(result);
    const json &p = (*result)["positions"][0];
    QTEST(s(p["marketValue"]), "marketValue");
    QTEST(s(p["unrealizedPl"]), "unrealized");
    QTEST(s(p["unrealizedPlPercent"]), "unrealizedPercent");
    QTEST(s(p["dayChange"]), "dayChange");
    QTEST(s(p["dayChangePercent"]), "dayChangePercent");
    QCOMPARE(s(p["weightPercent"]),
        QString::fromLatin1(p["marketValue"].get<std::string>()[0] == '-' ? "-100.00" : "100.00"));
    QCOMPARE(s((*result)["environment"]), QStringLiteral("sandbox"));
    QCOMPARE(s((*result)["accountId"]), QStringLiteral("SBX-1"));
}

void TestPortfolioBuilder::totals_exact_onThousandPositions()
{
    // Prices with four decimals and odd quantities: any rounding in the sums would show.
    QList<Aries::AriesPosition> positions;
    QMap<QString, PortfolioPrice> prices;
    std::int64_t marketUnits = 0; // millionths, computed independently in plain integers
    std::int64_t costUnits = 0;
    std::int64_t dayUnits = 0;
    for (int i = 0; i < 1000; ++i) {
        Aries::AriesPosition p;
        p.symbol = QStringLiteral("S%1").arg(i, 4, 10, QLatin1Char('0'));
        const std::int64_t quantity = (i % 7 == 0 ? -1 : 1) * (1 + (i * 37) % 500);
        const std::int64_t averageTenThousandths = 10'000 + (i * 7919) % 9'000'000;
        const std::int64_t lastTenThousandths = 10'000 + (i * 104729) % 9'000'000;
        const std::int64_t previousTenThousandths = lastTenThousandths - 500 + (i % 1000);
        p.quantity = Decimal::fromInt(quantity);
        p.averagePrice = Decimal::fromUnits(averageTenThousandths * 100);
        positions.append(p);
        PortfolioPrice price;
        price.last = Decimal::fromUnits(lastTenThousandths * 100);
        price.previousClose = Decimal::fromUnits(previousTenThousandths * 100);
        prices.insert(p.symbol, price);
        marketUnits += quantity * lastTenThousandths * 100;
        costUnits += quantity * averageTenThousandths * 100;
        dayUnits += quantity * (lastTenThousandths - previousTenThousandths) * 100;
    }
    const auto result =
        PortfolioBuilder::build(QStringLiteral("sandbox"), QStringLiteral("SBX-1"), positions, prices, {});
    QVERIFY(result);
    const json &totals = (*result)["totals"];
    QCOMPARE(totals["positionCount"].get<int>(), 1000);
    QCOMPARE(totals["pricedPositionCount"].get<int>(), 1000);
    QCOMPARE(s(totals["marketValue"]), Decimal::fromUnits(marketUnits).toString(2));
    QCOMPARE(s(totals["costBasis"]), Decimal::fromUnits(costUnits).toString(2));
    QCOMPARE(s(totals["unrealizedPl"]), Decimal::fromUnits(marketUnits - costUnits).toString(2));
    QCOMPARE(s(totals["dayChange"]), Decimal::fromUnits(dayUnits).toString(2));
    QCOMPARE((*result)["positions"].size(), std::size_t(1000));

    // The weights' magnitudes add up to 100 within the rounding of 1,000 two-decimal values.
    double weights = 0;
    for (const json &p : (*result)["positions"]) {
        weights += std::abs(QString::fromStdString(p["weightPercent"].get<std::string>()).toDouble());
    }
    QVERIFY2(std::abs(weights - 100.0) <= 1000 * 0.005 + 1e-9, qPrintable(QString::number(weights)));
}

void TestPortfolioBuilder::unpriced_leftOutOfTotalsAndNamed()
{
    const QList<Aries::AriesPosition> positions {position("AAA", "10", "5"), position("ZZZ", "4", "2.5")};
    const QMap<QString, PortfolioPrice> prices {{QStringLiteral("AAA"), price("6")}};
    const auto result = PortfolioBuilder::build(QStringLiteral("live"), QStringLiteral("A1"), positions, prices, {});
    QVERIFY(result);
    QCOMPARE(s((*result)["totals"]["marketValue"]), QStringLiteral("60.00"));
    QCOMPARE(s((*result)["totals"]["costBasis"]), QStringLiteral("50.00"));
    QCOMPARE((*result)["totals"]["pricedPositionCount"].get<int>(), 1);
    QCOMPARE((*result)["unpricedSymbols"].dump(), std::string(R"(["ZZZ"])"));
    const json *zzz = find(*result, "ZZZ");
    QVERIFY(zzz);
    QVERIFY((*zzz)["marketValue"].is_null());
    QCOMPARE(s((*zzz)["costBasis"]), QStringLiteral("10.00"));
    // No previous close: the day change is unknown, not zero.
    QVERIFY((*find(*result, "AAA"))["dayChange"].is_null());
    QCOMPARE(s((*result)["environment"]), QStringLiteral("live"));
}

void TestPortfolioBuilder::balances_giveCash()
{
    Aries::AriesBalances balances;
    balances.settledFunds = d("1234.5");
    balances.stockBuyingPower = d("2469");
    balances.totalEquity = d("5000.25");
    const auto result = PortfolioBuilder::build(QStringLiteral("sandbox"), QStringLiteral("A1"), {}, {}, balances);
    QVERIFY(result);
    const json &cash = (*result)["cash"];
    QCOMPARE(s(cash["settledCash"]), QStringLiteral("1234.50"));
    QCOMPARE(s(cash["stockBuyingPower"]), QStringLiteral("2469.00"));
    QCOMPARE(s(cash["totalEquity"]), QStringLiteral("5000.25"));
    QVERIFY(cash["netBuyingPower"].is_null());
    QVERIFY((*result)["totals"]["unrealizedPlPercent"].is_null());
    QVERIFY(
        PortfolioBuilder::build(QStringLiteral("sandbox"), QStringLiteral("A1"), {}, {}, {}).value()["cash"].is_null());
}

void TestPortfolioBuilder::sortedByMarketValue()
{
    const QList<Aries::AriesPosition> positions {position("SMALL", "1", "1"), position("NONE", "1", "1"),
        position("SHORT", "-100", "10"), position("BIG", "50", "10")};
    const QMap<QString, PortfolioPrice> prices {{QStringLiteral("SMALL"), price("2")},
        {QStringLiteral("SHORT"), price("10")}, {QStringLiteral("BIG"), price("10")}};
    const auto result = PortfolioBuilder::build(QStringLiteral("sandbox"), QStringLiteral("A1"), positions, prices, {});
    QVERIFY(result);
    QStringList order;
    for (const json &p : (*result)["positions"]) {
        order.append(s(p["symbol"]));
    }
    QCOMPARE(order,
        QStringList({QStringLiteral("SHORT"), QStringLiteral("BIG"), QStringLiteral("SMALL"), QStringLiteral("NONE")}));
    // Gross 1,502: the short weighs negative.
    QCOMPARE(s((*find(*result, "SHORT"))["weightPercent"]), QStringLiteral("-66.58"));
    QCOMPARE(s((*find(*result, "BIG"))["weightPercent"]), QStringLiteral("33.29"));
    QCOMPARE(s((*result)["totals"]["grossMarketValue"]), QStringLiteral("1502.00"));
    QCOMPARE(s((*result)["totals"]["marketValue"]), QStringLiteral("-498.00"));
}

QTEST_GUILESS_MAIN(TestPortfolioBuilder)
#include "TestPortfolioBuilder.moc"
