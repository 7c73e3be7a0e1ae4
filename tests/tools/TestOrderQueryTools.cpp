// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/OrderQueryTools.h"

#include "Decimal.h"
#include "JsonValues.h"
#include "ToolTestHarness.h"

#include <QTest>

#include <nlohmann/json.hpp>

using namespace Companion;
using namespace Companion::Testing;
using nlohmann::json;

namespace {

const auto s = &JsonValues::text;
const auto errorText = &JsonValues::firstContentText;

} // namespace

class TestOrderQueryTools final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void listOrders_today_matchesSandbox();
    void listOrders_pages();
    void listOrders_history();
    void getOrder_findsById();
    void getOrder_unknown_isError();
    void validation_isError_data();
    void validation_isError();
    void signedOut_isErrorSayingHowToConnect();

private:
    json placeRestingBuy(const char *price);

    ToolTestHarness m_harness;
    QStringList m_placed;
};

void TestOrderQueryTools::initTestCase()
{
    QVERIFY2(m_harness.start(
                 {QStringLiteral("--tick-ms"), QStringLiteral("0"), QStringLiteral("--seed"), QStringLiteral("7")}),
        qPrintable(m_harness.errorString()));
    Tools::OrderQueryTools::registerTools(m_harness.server(), m_harness);
    m_harness.setDefaultAccount(m_harness.marginAccount());
    for (const char *price : {"1.25", "1.50", "1.75"}) {
        const json ack = placeRestingBuy(price);
        QVERIFY2(ack.value("success", false), ack.dump().c_str());
        m_placed.append(s(ack["clOrdId"]));
    }
}

void TestOrderQueryTools::init()
{
    m_harness.setSignedIn(true);
}

json TestOrderQueryTools::placeRestingBuy(const char *price)
{
    // Far below the market: it rests as NEW while the market does not move.
    const json body {{"tradingAccountId", m_harness.marginAccount().toStdString()}, {"symbol", "AAPL"}, {"side", "BUY"},
        {"type", "LIMIT"}, {"qty", "3"}, {"price", price}, {"timeInForce", "GTC"}};
    return m_harness.rawPost(QStringLiteral("/v1/orders"), body);
}

void TestOrderQueryTools::listOrders_today_matchesSandbox()
{
    const json reply = m_harness.call(QStringLiteral("list_orders"));
    QVERIFY2(!reply["result"].value("isError", true), reply.dump().c_str());
    const json &out = reply["result"]["structuredContent"];
    QCOMPARE(s(out["environment"]), QStringLiteral("sandbox"));
    QCOMPARE(s(out["accountId"]), m_harness.marginAccount());
    QCOMPARE(s(out["scope"]), QStringLiteral("today"));
    const json raw = m_harness.rawGet(QStringLiteral("/v2/accounts/%1/orders?limit=50").arg(m_harness.marginAccount()));
    QCOMPARE(out["orders"].size(), raw["orders"].size());
    for (std::size_t i = 0; i < raw["orders"].size(); ++i) {
        QCOMPARE(s(out["orders"][i]["orderId"]), s(raw["orders"][i]["clOrdId"]));
        QCOMPARE(s(out["orders"][i]["status"]), s(raw["orders"][i]["ordStatus"]));
        QCOMPARE(s(out["orders"][i]["symbol"]), s(raw["orders"][i]["symbol"]));
    }
    QStringList ids;
    for (const json &order : out["orders"]) {
        ids.append(s(order["orderId"]));
    }
    for (const QString &placed : std::as_const(m_placed)) {
        QVERIFY(ids.contains(placed));
    }
}

void TestOrderQueryTools::listOrders_pages()
{
    QStringList seen;
    json arguments {{"limit", 1}};
    for (int page = 0; page < 50; ++page) {
        const json out = m_harness.call(QStringLiteral("list_orders"), arguments)["result"]["structuredContent"];
        QVERIFY(out["orders"].size() <= 1);
        for (const json &order : out["orders"]) {
            seen.append(s(order["orderId"]));
        }
        if (out["nextCursor"].is_null()) {
            break;
        }
        QVERIFY(out["nextCursor"].is_string());
        arguments["cursor"] = out["nextCursor"];
    }
    for (const QString &placed : std::as_const(m_placed)) {
        QVERIFY(seen.contains(placed));
    }
    QCOMPARE(seen.size(), QSet<QString>(seen.begin(), seen.end()).size());
}

void TestOrderQueryTools::listOrders_history()
{
    const json reply = m_harness.call(QStringLiteral("list_orders"), {{"scope", "history"}});
    QVERIFY2(!reply["result"].value("isError", true), reply.dump().c_str());
    const json &out = reply["result"]["structuredContent"];
    QCOMPARE(s(out["scope"]), QStringLiteral("history"));
    QVERIFY(out["from"].is_string());
    QVERIFY(out["orders"].is_array());
}

void TestOrderQueryTools::getOrder_findsById()
{
    const QString id = m_placed.at(1);
    const json reply = m_harness.call(QStringLiteral("get_order"), {{"orderId", id.toStdString()}});
    QVERIFY2(!reply["result"].value("isError", true), reply.dump().c_str());
    const json &out = reply["result"]["structuredContent"];
    QCOMPARE(s(out["environment"]), QStringLiteral("sandbox"));
    QCOMPARE(s(out["accountId"]), m_harness.marginAccount());
    const json &order = out["order"];
    QCOMPARE(s(order["orderId"]), id);
    QCOMPARE(s(order["symbol"]), QStringLiteral("AAPL"));
    QCOMPARE(s(order["side"]), QStringLiteral("BUY"));
    QCOMPARE(s(order["limitPrice"]), QStringLiteral("1.50"));
    QCOMPARE(s(order["quantity"]), QStringLiteral("3"));
    QCOMPARE(s(order["remainingQuantity"]), QStringLiteral("3"));
}

void TestOrderQueryTools::getOrder_unknown_isError()
{
    const json reply = m_harness.call(QStringLiteral("get_order"), {{"orderId", "no-such-order"}});
    QVERIFY2(reply["result"].value("isError", false), reply.dump().c_str());
    QVERIFY2(errorText(reply).contains(QStringLiteral("No order with id no-such-order")), qPrintable(errorText(reply)));
    QVERIFY(errorText(reply).contains(QStringLiteral("sandbox")));
}

void TestOrderQueryTools::validation_isError_data()
{
    QTest::addColumn<QString>("tool");
    QTest::addColumn<QByteArray>("arguments");
    QTest::addColumn<QString>("expected");
    QTest::newRow("scope") << "list_orders" << QByteArray(R"({"scope":"open"})")
                           << "scope must be one of: today, history";
    QTest::newRow("limit") << "list_orders" << QByteArray(R"({"limit":1000})") << "limit must be at most 200";
    QTest::newRow("cursor") << "list_orders" << QByteArray(R"({"cursor":"abc"})") << "cursor has the wrong form";
    QTest::newRow("from-today") << "list_orders" << QByteArray(R"({"from":"2026-01-01"})")
                                << "only apply with scope \"history\"";
    QTest::newRow("span") << "list_orders" << QByteArray(R"({"scope":"history","from":"2025-01-01","to":"2025-06-01"})")
                          << "more than 90 days apart";
    QTest::newRow("order-missing") << "get_order" << QByteArray("{}") << "missing required argument 'orderId'";
    QTest::newRow("order-form") << "get_order" << QByteArray(R"({"orderId":"a b"})") << "orderId has the wrong form";
}

void TestOrderQueryTools::validation_isError()
{
    QFETCH(QString, tool);
    QFETCH(QByteArray, arguments);
    QFETCH(QString, expected);
    const json reply = m_harness.call(tool, json::parse(arguments.toStdString()));
    QVERIFY2(reply["result"].value("isError", false), reply.dump().c_str());
    QVERIFY2(errorText(reply).contains(expected), qPrintable(errorText(reply)));
}

void TestOrderQueryTools::signedOut_isErrorSayingHowToConnect()
{
    m_harness.setSignedIn(false);
    for (const json &entry :
        {json::array({"list_orders", json::object()}), json::array({"get_order", {{"orderId", "x"}}})}) {
        const json reply = m_harness.call(s(entry[0]), entry[1]);
        QVERIFY2(reply["result"].value("isError", false), reply.dump().c_str());
        QVERIFY2(errorText(reply).contains(QString::fromLatin1(ToolTestHarness::kNotConnected)),
            qPrintable(errorText(reply)));
    }
}

QTEST_GUILESS_MAIN(TestOrderQueryTools)
#include "TestOrderQueryTools.moc"
