// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "trading/TradingPolicy.h"

#include <QTest>

using namespace Companion;
using namespace Companion::Trading;

class TestTradingPolicy final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void freshInstall_isReadOnly();
    void pause_refusesAtOnce();
    void caps_data();
    void caps();
    void dayCap_countsReservationsAndSeed();
};

namespace {
Decimal d(const char *text)
{
    return *Decimal::parse(QString::fromLatin1(text));
}
OrderExposure exposure(const char *symbol, const char *quantity, const char *notional)
{
    return OrderExposure {QString::fromLatin1(symbol), d(quantity), d(notional), std::nullopt};
}
TradingLimits enabled()
{
    TradingLimits limits;
    limits.tradingEnabled = true;
    return limits;
}
} // namespace

void TestTradingPolicy::freshInstall_isReadOnly()
{
    const TradingPolicy policy;
    QVERIFY(!policy.limits().tradingEnabled);
    QCOMPARE(policy.limits().approvalTimeout, std::chrono::seconds(120));
    const auto refusal = policy.checkOrder(exposure("AAPL", "1", "100"), QDate(2026, 1, 15));
    QVERIFY(refusal);
    QCOMPARE(refusal->code, QStringLiteral("read_only"));
    QVERIFY(refusal->message.contains(QStringLiteral("settings")));
    QCOMPARE(policy.checkTradingAllowed()->code, QStringLiteral("read_only"));
}

void TestTradingPolicy::pause_refusesAtOnce()
{
    TradingPolicy policy(enabled());
    QVERIFY(!policy.checkTradingAllowed());
    policy.setPaused(true);
    QCOMPARE(policy.checkTradingAllowed()->code, QStringLiteral("paused"));
    QCOMPARE(policy.checkOrder(exposure("AAPL", "1", "1"), QDate(2026, 1, 15))->code, QStringLiteral("paused"));
    policy.setPaused(false);
    QVERIFY(!policy.checkOrder(exposure("AAPL", "1", "1"), QDate(2026, 1, 15)));
}

void TestTradingPolicy::caps_data()
{
    QTest::addColumn<QString>("symbol");
    QTest::addColumn<QString>("quantity");
    QTest::addColumn<QString>("notional");
    QTest::addColumn<QString>("code");
    QTest::newRow("within") << "AAPL"
                            << "100"
                            << "1000.00"
                            << "";
    QTest::newRow("at the caps") << "MSFT"
                                 << "100"
                                 << "5000"
                                 << "";
    QTest::newRow("quantity") << "AAPL"
                              << "101"
                              << "10"
                              << "max_quantity";
    QTest::newRow("per order") << "AAPL"
                               << "1"
                               << "5000.01"
                               << "max_notional_per_order";
    QTest::newRow("allowlist") << "TSLA"
                               << "1"
                               << "10"
                               << "symbol_not_allowed";
}

void TestTradingPolicy::caps()
{
    QFETCH(QString, symbol);
    QFETCH(QString, quantity);
    QFETCH(QString, notional);
    QFETCH(QString, code);
    TradingLimits limits = enabled();
    limits.maxQuantity = d("100");
    limits.maxNotionalPerOrder = d("5000");
    limits.symbolAllowlist = {QStringLiteral("AAPL"), QStringLiteral("MSFT")};
    const TradingPolicy policy(limits);
    const auto refusal = policy.checkOrder(
        OrderExposure {symbol, *Decimal::parse(quantity), *Decimal::parse(notional), std::nullopt}, QDate(2026, 1, 15));
    QCOMPARE(refusal ? refusal->code : QString(), code);
    if (refusal) {
        QVERIFY2(refusal->message.contains(QStringLiteral("settings")), qPrintable(refusal->message));
    }
}

void TestTradingPolicy::dayCap_countsReservationsAndSeed()
{
    TradingLimits limits = enabled();
    limits.maxNotionalPerDay = d("10000");
    TradingPolicy policy(limits);
    const QDate today(2026, 1, 15);
    policy.seedDay(today, d("4000"));
    policy.seedDay(today.addDays(-1), d("9999"));
    QVERIFY(!policy.checkOrder(exposure("A", "1", "6000"), today));
    QCOMPARE(policy.checkOrder(exposure("A", "1", "6000.01"), today)->code, QStringLiteral("max_notional_per_day"));
    policy.reserve(QStringLiteral("one"), today, d("5000"));
    QCOMPARE(policy.dayTotal(today), d("9000"));
    QCOMPARE(policy.checkOrder(exposure("A", "1", "1001"), today)->code, QStringLiteral("max_notional_per_day"));
    policy.release(QStringLiteral("one"));
    QVERIFY(!policy.checkOrder(exposure("A", "1", "1001"), today));
    policy.reserve(QStringLiteral("two"), today, d("5000"));
    policy.commit(QStringLiteral("two"));
    policy.release(QStringLiteral("two")); // committed: stays counted
    QCOMPARE(policy.dayTotal(today), d("9000"));
    // A replace counts only what it adds.
    QVERIFY(!policy.checkOrder(OrderExposure {QStringLiteral("A"), d("1"), d("50000"), d("1000")}, today));
    // A value too large to compute is refused when any cap is set.
    QVERIFY(policy.checkOrder(OrderExposure {QStringLiteral("A"), d("1"), std::nullopt, std::nullopt}, today));
}

QTEST_GUILESS_MAIN(TestTradingPolicy)
#include "TestTradingPolicy.moc"
