// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "trading/OrderTicket.h"

#include <QTest>

#include <nlohmann/json.hpp>

using namespace Companion;
using namespace Companion::Trading;
using nlohmann::json;

class TestOrderTicket final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseOrder_data();
    void parseOrder();
    void parseOrder_fillsDefaults();
    void parseReplace_data();
    void parseReplace();
    void parseCancel();
};

namespace {
json base()
{
    return json {{"side", "buy"}, {"quantity", 10}, {"symbol", "aapl"}, {"type", "limit"}, {"limit_price", "175.50"}};
}
json with(json value, const char *key, json field)
{
    if (field.is_null()) {
        value.erase(key);
    } else {
        value[key] = std::move(field);
    }
    return value;
}
} // namespace

void TestOrderTicket::parseOrder_data()
{
    QTest::addColumn<QByteArray>("arguments");
    QTest::addColumn<QString>("field"); ///< empty: valid
    QTest::addColumn<QString>("fragment"); ///< part of the message

    const auto row = [](const char *name, const json &args, const char *field, const char *fragment) {
        QTest::newRow(name) << QByteArray::fromStdString(args.dump()) << QString::fromLatin1(field)
                            << QString::fromUtf8(fragment);
    };
    row("valid limit", base(), "", "");
    row("valid market", with(with(base(), "limit_price", nullptr), "type", "market"), "", "");
    row("valid stop",
        json {{"side", "sell"}, {"quantity", "5"}, {"symbol", "MSFT"}, {"type", "stop"}, {"stop_price", 390}}, "", "");
    row("valid stop-limit spelling",
        json {{"side", "buy"}, {"quantity", 1}, {"symbol", "MSFT"}, {"type", "Stop-Limit"}, {"stop_price", "400"},
            {"limit_price", "401"}},
        "", "");
    row("valid penny price", with(base(), "limit_price", "0.1234"), "", "");
    row("valid float price", with(base(), "limit_price", 175.5), "", "");
    row("valid dotted symbol", with(base(), "symbol", "brk.b"), "", "");
    row("missing side", with(base(), "side", nullptr), "side", "required");
    row("bad side", with(base(), "side", "hold"), "side", "one of");
    row("missing quantity", with(base(), "quantity", nullptr), "quantity", "required");
    row("zero quantity", with(base(), "quantity", 0), "quantity", "positive");
    row("negative quantity", with(base(), "quantity", -5), "quantity", "positive");
    row("fractional quantity", with(base(), "quantity", "1.5"), "quantity", "whole shares");
    row("fractional float quantity", with(base(), "quantity", 0.5), "quantity", "whole shares");
    row("huge quantity", with(base(), "quantity", "99999999999"), "quantity", "10,000,000");
    row("astronomic quantity", with(base(), "quantity", 1e300), "quantity", "usable number");
    row("huge integer quantity", with(base(), "quantity", 18446744073709551615ULL), "quantity", "usable number");
    row("NaN quantity", with(base(), "quantity", "NaN"), "quantity", "usable number");
    row("infinity price", with(base(), "limit_price", "Infinity"), "limit_price", "usable number");
    row("exponent price", with(base(), "limit_price", "1e2"), "limit_price", "usable number");
    row("dollar sign price", with(base(), "limit_price", "$175.50"), "limit_price", "usable number");
    row("bool quantity", with(base(), "quantity", true), "quantity", "number");
    row("missing symbol", with(base(), "symbol", nullptr), "symbol", "required");
    row("cyrillic look-alike",
        with(base(), "symbol",
            "\xD0\x90"
            "APL"),
        "symbol", "look-alike");
    row("fullwidth look-alike",
        with(base(), "symbol",
            "\xEF\xBC\xA1"
            "APL"),
        "symbol", "look-alike");
    row("symbol with space", with(base(), "symbol", "AA PL"), "symbol", "ticker");
    row("symbol too long", with(base(), "symbol", "ABCDEFGHIJKLMNOPQRSTUV"), "symbol", "ticker");
    row("10k characters", with(base(), "symbol", std::string(10000, 'A')), "symbol", "too long");
    row("10k characters side", with(base(), "side", std::string(10000, 'x')), "side", "too long");
    row("10k digit price", with(base(), "limit_price", std::string(10000, '9')), "limit_price", "usable number");
    row("missing type", with(base(), "type", nullptr), "type", "required");
    row("limit without price", with(base(), "limit_price", nullptr), "limit_price", "needs limit_price");
    row("market with price", with(base(), "type", "market"), "limit_price", "takes no limit_price");
    row("stop without stop price", with(with(base(), "limit_price", nullptr), "type", "stop"), "stop_price",
        "needs stop_price");
    row("limit with stop price", with(base(), "stop_price", "170"), "stop_price", "takes no stop_price");
    row("stop_limit without limit",
        json {{"side", "buy"}, {"quantity", 1}, {"symbol", "X"}, {"type", "stop_limit"}, {"stop_price", "5"}},
        "limit_price", "needs limit_price");
    row("three decimals above $1", with(base(), "limit_price", "175.505"), "limit_price", "2 decimals");
    row("five decimals below $1", with(base(), "limit_price", "0.12345"), "limit_price", "4 decimals");
    row("zero price", with(base(), "limit_price", "0"), "limit_price", "positive");
    row("negative price", with(base(), "limit_price", -1), "limit_price", "positive");
    row("price above a million", with(base(), "limit_price", "1000000.01"), "limit_price", "1,000,000");
    row("bad time in force", with(base(), "time_in_force", "forever"), "time_in_force", "one of");
    row("account with space", with(base(), "account", "SBX 1"), "account", "account id");
    row("account number", with(base(), "account", 12), "account", "text");
}

void TestOrderTicket::parseOrder()
{
    QFETCH(QByteArray, arguments);
    QFETCH(QString, field);
    QFETCH(QString, fragment);
    const auto result = OrderTicket::parseOrder(json::parse(arguments.toStdString()), QStringLiteral("SBX-1"));
    if (field.isEmpty()) {
        QVERIFY2(result.has_value(), qPrintable(result ? QString() : result.error().message));
        return;
    }
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().field, field);
    QVERIFY2(result.error().message.contains(fragment), qPrintable(result.error().message));
    QVERIFY(result.error().message.size() < 300);
}

void TestOrderTicket::parseOrder_fillsDefaults()
{
    const auto order = OrderTicket::parseOrder(base(), QStringLiteral("SBX-10000001"));
    QVERIFY(order);
    QCOMPARE(order->accountId, QStringLiteral("SBX-10000001"));
    QCOMPARE(order->symbol, QStringLiteral("AAPL"));
    QCOMPARE(order->side, QStringLiteral("BUY"));
    QCOMPARE(order->type, QStringLiteral("LIMIT"));
    QCOMPARE(order->timeInForce, QStringLiteral("DAY"));
    QCOMPARE(order->quantity, Decimal::fromInt(10));
    QCOMPARE(order->limitPrice->toString(2), QStringLiteral("175.50"));
    QVERIFY(!order->stopPrice);
    const auto other = OrderTicket::parseOrder(with(with(base(), "account", "ACC-2"), "time_in_force", "gtc"), {});
    QVERIFY(other);
    QCOMPARE(other->accountId, QStringLiteral("ACC-2"));
    QCOMPARE(other->timeInForce, QStringLiteral("GTC"));
    const auto floating = OrderTicket::parseOrder(with(base(), "limit_price", 0.1), {});
    QVERIFY(floating);
    QCOMPARE(floating->limitPrice->toString(), QStringLiteral("0.1"));
}

void TestOrderTicket::parseReplace_data()
{
    QTest::addColumn<QByteArray>("arguments");
    QTest::addColumn<QString>("field");
    const auto row = [](const char *name, const json &args, const char *field) {
        QTest::newRow(name) << QByteArray::fromStdString(args.dump()) << QString::fromLatin1(field);
    };
    row("new price", json {{"order_id", "ORD-1"}, {"limit_price", "170"}}, "");
    row("new quantity", json {{"order_id", "ORD-1"}, {"quantity", 3}}, "");
    row("new type with prices", json {{"order_id", "ORD-1"}, {"type", "stop"}, {"stop_price", "150"}}, "");
    row("no order id", json {{"limit_price", "170"}}, "order_id");
    row("nothing to change", json {{"order_id", "ORD-1"}}, "");
    row("bad order id", json {{"order_id", "ORD 1; drop"}, {"quantity", 3}}, "order_id");
    row("new type without price", json {{"order_id", "ORD-1"}, {"type", "limit"}}, "limit_price");
    row("fractional quantity", json {{"order_id", "ORD-1"}, {"quantity", "2.5"}}, "quantity");
    row("bad precision", json {{"order_id", "ORD-1"}, {"limit_price", "10.001"}}, "limit_price");
}

void TestOrderTicket::parseReplace()
{
    QFETCH(QByteArray, arguments);
    QFETCH(QString, field);
    const json args = json::parse(arguments.toStdString());
    const auto result = OrderTicket::parseReplace(args, QStringLiteral("SBX-1"));
    const bool expectValid = field.isEmpty() && args.size() > 1;
    QCOMPARE(result.has_value(), expectValid);
    if (!expectValid) {
        QCOMPARE(result.error().field, field);
        QVERIFY(!result.error().message.isEmpty());
    }
}

void TestOrderTicket::parseCancel()
{
    const auto cancel = OrderTicket::parseCancel(json {{"order_id", "ORD-7"}, {"symbol", "msft"}}, QStringLiteral("A"));
    QVERIFY(cancel);
    QCOMPARE(cancel->origClOrdId, QStringLiteral("ORD-7"));
    QCOMPARE(cancel->symbol, QStringLiteral("MSFT"));
    QCOMPARE(cancel->accountId, QStringLiteral("A"));
    QVERIFY(!OrderTicket::parseCancel(json::object(), {}));
    QVERIFY(!OrderTicket::parseCancel(json::array(), {}));
}

QTEST_GUILESS_MAIN(TestOrderTicket)
#include "TestOrderTicket.moc"
