// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SandboxProcess.h"
#include "SandboxSignIn.h"
#include "TestHttpClient.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <cmath>
#include <memory>

using namespace Companion::Testing;
using nlohmann::json;

namespace {

bool isDecimalString(const json &value)
{
    static const QRegularExpression decimal(QStringLiteral("^-?\\d+(\\.\\d+)?$"));
    return value.is_string() && decimal.match(QString::fromStdString(value.get<std::string>())).hasMatch();
}

double decimalValue(const json &object, const char *key)
{
    return jsonText(object, key).toDouble();
}

QString money(double value)
{
    return QString::number(value, 'f', 2);
}

std::string str(const QString &text)
{
    return text.toStdString();
}

int countWithStatus(const json &orders, const char *status)
{
    int count = 0;
    if (orders.is_array()) {
        for (const auto &order : orders)
            count += jsonText(order, "ordStatus") == QLatin1String(status) ? 1 : 0;
    }
    return count;
}

json findOrder(const json &orders, const QString &clOrdId)
{
    if (orders.is_array()) {
        for (const auto &order : orders) {
            if (jsonText(order, "clOrdId") == clOrdId)
                return order;
        }
    }
    return json();
}

} // namespace

class TestSandboxOrders final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void place_marketBuyAndSell_fillAndMovePositionAndBuyingPower();
    void place_limitBelowMarket_restsThenFillsWhenPriceCrosses();
    void place_limitAboveMarket_fillsAtOnce();
    void place_stopOrders_triggerWhenPriceCrosses_data();
    void place_stopOrders_triggerWhenPriceCrosses();
    void place_accountIdAlias_isAccepted();
    void place_shortThenCover_inMarginAccount();
    void place_priceDecimals_twoAtOneDollarFourBelow();
    void place_notJsonObject_isBadRequest_data();
    void place_notJsonObject_isBadRequest();
    void place_invalidOrder_isRejectedAndNothingFills_data();
    void place_invalidOrder_isRejectedAndNothingFills();
    void place_immediateOrCancelNotMarketable_isCanceled_data();
    void place_immediateOrCancelNotMarketable_isCanceled();
    void place_clientId_isEchoedInOrderList();
    void preview_shape_andNothingPlaced();
    void preview_invalidOrder_hasRejectReason();
    void preview_limitFarFromMarket_warns();
    void replace_cyclesIdAndSupersedesOriginal();
    void cancel_openOrder_isCanceledOnce();
    void cancel_filledOrder_isRejected();
    void ordersToday_paging_walksEveryOrderOnce();
    void ordersToday_badLimit_isBadRequest_data();
    void ordersToday_badLimit_isBadRequest();
    void history_badFrom_isBadRequest_data();
    void history_badFrom_isBadRequest();
    void history_excludesRejectedAndSuperseded();
    void dayOrder_afterUtcMidnight_expiresButGtcRests();

private:
    json order(const QString &symbol, const QString &side, const QString &type, const QString &qty,
        const QString &timeInForce = QStringLiteral("DAY")) const;
    TestHttpResponse post(const QString &path, const json &body);
    TestHttpResponse get(const QString &path);
    /** Bid and ask of @p symbol from /v1/stocks/last-quote. */
    std::pair<double, double> quote(const QString &symbol);
    /** Quantity held of @p symbol in @p account, 0 when no position. */
    double positionQuantity(const QString &account, const QString &symbol);
    json positions(const QString &account);
    json balances(const QString &account);
    /** Every order of the v2 list of @p account, following the cursor. */
    json ordersToday(const QString &account);
    /** A resting BUY LIMIT well below the market; returns its clOrdId (empty on failure). */
    QString placeResting(const QString &symbol, const QString &qty = QStringLiteral("1"),
        const QString &timeInForce = QStringLiteral("DAY"));

    std::unique_ptr<SandboxProcess> m_sandbox;
    SandboxTokens m_tokens;
    QString m_margin;
    QString m_cash;
};

void TestSandboxOrders::initTestCase()
{
    m_sandbox = std::make_unique<SandboxProcess>();
    QVERIFY2(
        m_sandbox->start({QStringLiteral("--tick-ms"), QStringLiteral("0")}), qPrintable(m_sandbox->errorString()));
    m_tokens = SandboxSignIn::signIn(*m_sandbox);
    QVERIFY(m_tokens.isValid());
    const auto accounts = get(QStringLiteral("/v1/users/me/accounts")).json();
    QVERIFY(accounts.is_object() && accounts["accounts"].is_array());
    for (const auto &account : accounts["accounts"]) {
        if (jsonText(account, "account_class") == u"MARGIN")
            m_margin = jsonText(account, "sterling_account_id");
        else if (jsonText(account, "account_class") == u"CASH")
            m_cash = jsonText(account, "sterling_account_id");
    }
    QVERIFY(!m_margin.isEmpty());
    QVERIFY(!m_cash.isEmpty());
}

void TestSandboxOrders::cleanupTestCase()
{
    m_sandbox.reset();
}

json TestSandboxOrders::order(const QString &symbol, const QString &side, const QString &type, const QString &qty,
    const QString &timeInForce) const
{
    return json {{"tradingAccountId", str(m_margin)}, {"symbol", str(symbol)}, {"side", str(side)}, {"type", str(type)},
        {"qty", str(qty)}, {"timeInForce", str(timeInForce)}};
}

TestHttpResponse TestSandboxOrders::post(const QString &path, const json &body)
{
    return m_sandbox->http().postJson(m_sandbox->url(path), body, {bearer(m_tokens.accessToken)});
}

TestHttpResponse TestSandboxOrders::get(const QString &path)
{
    return m_sandbox->http().get(m_sandbox->url(path), {bearer(m_tokens.accessToken)});
}

std::pair<double, double> TestSandboxOrders::quote(const QString &symbol)
{
    const auto body = get(QStringLiteral("/v1/stocks/last-quote?ticker=") + symbol).json();
    if (!body.is_object() || !body.contains("results") || !body["results"].is_object())
        return {0, 0};
    return {body["results"].value("bidPrice", 0.0), body["results"].value("askPrice", 0.0)};
}

json TestSandboxOrders::positions(const QString &account)
{
    const auto body = get(QStringLiteral("/v1/accounts/%1/positions").arg(account)).json();
    return body.is_object() && body.contains("positions") ? body["positions"] : json::array();
}

double TestSandboxOrders::positionQuantity(const QString &account, const QString &symbol)
{
    for (const auto &position : positions(account)) {
        if (jsonText(position, "symbol") == symbol)
            return decimalValue(position, "quantity");
    }
    return 0;
}

json TestSandboxOrders::balances(const QString &account)
{
    return get(QStringLiteral("/v1/accounts/%1/balances").arg(account)).json();
}

json TestSandboxOrders::ordersToday(const QString &account)
{
    json all = json::array();
    qint64 cursor = 0;
    for (int page = 0; page < 100; ++page) {
        const auto body =
            get(QStringLiteral("/v2/accounts/%1/orders?limit=500&cursor=%2").arg(account).arg(cursor)).json();
        if (!body.is_object() || !body["orders"].is_array())
            return json();
        for (const auto &o : body["orders"])
            all.push_back(o);
        cursor = body.value("nextCursor", qint64(0));
        if (cursor == 0)
            break;
    }
    return all;
}

QString TestSandboxOrders::placeResting(const QString &symbol, const QString &qty, const QString &timeInForce)
{
    const double bid = quote(symbol).first;
    json body = order(symbol, QStringLiteral("BUY"), QStringLiteral("LIMIT"), qty, timeInForce);
    body["price"] = str(money(bid * 0.9));
    const auto response = post(QStringLiteral("/v1/orders"), body);
    const auto ack = response.json();
    if (response.status != 200 || jsonText(ack, "status") != u"NEW") {
        qWarning("resting order not accepted: %s", response.describe().constData());
        return {};
    }
    return jsonText(ack, "clOrdId");
}

void TestSandboxOrders::place_marketBuyAndSell_fillAndMovePositionAndBuyingPower()
{
    const QString symbol = QStringLiteral("KO");
    const auto [bid, ask] = quote(symbol);
    QVERIFY(bid > 0 && ask >= bid);
    const double heldBefore = positionQuantity(m_margin, symbol);
    const double powerBefore = decimalValue(balances(m_margin), "stockBuyingPower");

    const auto response = post(QStringLiteral("/v1/orders"), order(symbol, "BUY", "MARKET", "10"));
    QVERIFY2(response.status == 200, response.describe().constData());
    const auto ack = response.json();
    QCOMPARE(ack.value("success", false), true);
    QVERIFY(!jsonText(ack, "clOrdId").isEmpty());
    QCOMPARE(jsonText(ack, "status"), QStringLiteral("FILLED"));
    QCOMPARE(jsonText(ack, "symbol"), symbol);
    QCOMPARE(jsonText(ack, "side"), QStringLiteral("BUY"));
    QCOMPARE(decimalValue(ack, "qty"), 10.0);
    QCOMPARE(decimalValue(ack, "cumQty"), 10.0);
    QCOMPARE(decimalValue(ack, "leavesQty"), 0.0);
    for (const char *key : {"qty", "cumQty", "leavesQty", "avgPrice"})
        QVERIFY2(isDecimalString(ack[key]), key);
    QVERIFY(std::abs(decimalValue(ack, "avgPrice") - ask) < 0.005); // MARKET buys at the ask
    QCOMPARE(jsonText(ack, "text"), QStringLiteral("Order accepted"));
    QVERIFY(ack.contains("ordRejReason"));
    QCOMPARE(jsonText(ack, "ordRejReason"), QString());
    QVERIFY(QDateTime::fromString(jsonText(ack, "transactTime"), Qt::ISODateWithMs).isValid());

    QCOMPARE(positionQuantity(m_margin, symbol), heldBefore + 10);
    const double powerAfterBuy = decimalValue(balances(m_margin), "stockBuyingPower");
    QVERIFY2(powerAfterBuy < powerBefore, qPrintable(QStringLiteral("%1 -> %2").arg(powerBefore).arg(powerAfterBuy)));

    const auto sold = post(QStringLiteral("/v1/orders"), order(symbol, "SELL", "MARKET", "10")).json();
    QCOMPARE(jsonText(sold, "status"), QStringLiteral("FILLED"));
    QVERIFY(std::abs(decimalValue(sold, "avgPrice") - bid) < 0.005); // MARKET sells at the bid
    QCOMPARE(positionQuantity(m_margin, symbol), heldBefore);
    QVERIFY(decimalValue(balances(m_margin), "stockBuyingPower") > powerAfterBuy);

    const auto listed = findOrder(ordersToday(m_margin), jsonText(ack, "clOrdId"));
    QCOMPARE(jsonText(listed, "ordStatus"), QStringLiteral("FILLED"));
}

void TestSandboxOrders::place_limitBelowMarket_restsThenFillsWhenPriceCrosses()
{
    const QString symbol = QStringLiteral("PFE");
    const double bid = quote(symbol).first;
    QVERIFY(bid > 0);
    const double limit = std::round(bid * 95) / 100;
    const double heldBefore = positionQuantity(m_margin, symbol);
    const qint64 pendingBefore = balances(m_margin).value("pendingOrdersCount", qint64(-1));

    json body = order(symbol, "BUY", "LIMIT", "3", "GTC");
    body["price"] = str(money(limit));
    const auto ack = post(QStringLiteral("/v1/orders"), body).json();
    QCOMPARE(ack.value("success", false), true);
    QCOMPARE(jsonText(ack, "status"), QStringLiteral("NEW"));
    QCOMPARE(decimalValue(ack, "cumQty"), 0.0);
    QCOMPARE(decimalValue(ack, "leavesQty"), 3.0);
    const QString id = jsonText(ack, "clOrdId");

    auto listed = findOrder(ordersToday(m_margin), id);
    QCOMPARE(jsonText(listed, "ordStatus"), QStringLiteral("NEW"));
    QCOMPARE(jsonText(listed, "type"), QStringLiteral("LIMIT"));
    QCOMPARE(decimalValue(listed, "price"), limit);
    QCOMPARE(jsonText(listed, "accountId"), m_margin);
    QCOMPARE(balances(m_margin).value("pendingOrdersCount", qint64(-1)), pendingBefore + 1);
    QCOMPARE(positionQuantity(m_margin, symbol), heldBefore);

    QVERIFY(m_sandbox->setPrice(symbol, money(limit - 0.5)));
    listed = findOrder(ordersToday(m_margin), id);
    QCOMPARE(jsonText(listed, "ordStatus"), QStringLiteral("FILLED"));
    QCOMPARE(decimalValue(listed, "cumQty"), 3.0);
    QCOMPARE(decimalValue(listed, "leavesQty"), 0.0);
    QVERIFY(decimalValue(listed, "avgPrice") > 0);
    QVERIFY(decimalValue(listed, "avgPrice") <= limit);
    QCOMPARE(positionQuantity(m_margin, symbol), heldBefore + 3);
    QCOMPARE(balances(m_margin).value("pendingOrdersCount", qint64(-1)), pendingBefore);
}

void TestSandboxOrders::place_limitAboveMarket_fillsAtOnce()
{
    const QString symbol = QStringLiteral("MRK");
    const double ask = quote(symbol).second;
    json body = order(symbol, "BUY", "LIMIT", "2");
    body["price"] = str(money(ask * 1.02));
    const auto ack = post(QStringLiteral("/v1/orders"), body).json();
    QCOMPARE(jsonText(ack, "status"), QStringLiteral("FILLED"));
    QVERIFY(decimalValue(ack, "avgPrice") <= ask * 1.02);
}

void TestSandboxOrders::place_stopOrders_triggerWhenPriceCrosses_data()
{
    QTest::addColumn<QString>("symbol");
    QTest::addColumn<QString>("type");
    QTest::addColumn<double>("stopFactor");
    QTest::addColumn<double>("priceFactor"); // 0: no limit price
    QTest::addColumn<double>("moveFactor");
    QTest::addColumn<QString>("status");
    QTest::newRow("buy stop, crossed") << "ABBV"
                                       << "STOP" << 1.05 << 0.0 << 1.10 << "FILLED";
    QTest::newRow("buy stop limit, crossed") << "LLY"
                                             << "STOP_LIMIT" << 1.05 << 1.08 << 1.06 << "FILLED";
    QTest::newRow("buy stop, not reached") << "COST"
                                           << "STOP" << 1.10 << 0.0 << 1.05 << "NEW";
}

void TestSandboxOrders::place_stopOrders_triggerWhenPriceCrosses()
{
    QFETCH(QString, symbol);
    QFETCH(QString, type);
    QFETCH(double, stopFactor);
    QFETCH(double, priceFactor);
    QFETCH(double, moveFactor);
    QFETCH(QString, status);
    const double ask = quote(symbol).second;
    QVERIFY(ask > 0);
    const double heldBefore = positionQuantity(m_margin, symbol);
    json body = order(symbol, "BUY", type, "1", "GTC");
    body["stopPrice"] = str(money(ask * stopFactor));
    if (priceFactor > 0)
        body["price"] = str(money(ask * priceFactor));
    const auto ack = post(QStringLiteral("/v1/orders"), body).json();
    QCOMPARE(ack.value("success", false), true);
    QCOMPARE(jsonText(ack, "status"), QStringLiteral("NEW"));

    QVERIFY(m_sandbox->setPrice(symbol, money(ask * moveFactor)));
    const json listed = findOrder(ordersToday(m_margin), jsonText(ack, "clOrdId"));
    QCOMPARE(jsonText(listed, "ordStatus"), status);
    QCOMPARE(positionQuantity(m_margin, symbol), heldBefore + (status == u"FILLED" ? 1 : 0));
}

void TestSandboxOrders::place_accountIdAlias_isAccepted()
{
    json body = order(QStringLiteral("KO"), "BUY", "MARKET", "1");
    body.erase("tradingAccountId");
    body["accountId"] = str(m_margin);
    const auto ack = post(QStringLiteral("/v1/orders"), body).json();
    QCOMPARE(ack.value("success", false), true);
    QCOMPARE(jsonText(ack, "status"), QStringLiteral("FILLED"));
}

void TestSandboxOrders::place_shortThenCover_inMarginAccount()
{
    QString symbol;
    const json held = positions(m_margin);
    for (const QString &candidate : {QStringLiteral("DE"), QStringLiteral("GE"), QStringLiteral("MMM"),
             QStringLiteral("CAT"), QStringLiteral("AXP"), QStringLiteral("GS")}) {
        bool isHeld = false;
        for (const auto &position : held)
            isHeld = isHeld || jsonText(position, "symbol") == candidate;
        if (!isHeld) {
            symbol = candidate;
            break;
        }
    }
    QVERIFY(!symbol.isEmpty());
    const auto shorted = post(QStringLiteral("/v1/orders"), order(symbol, "SELL_SHORT", "MARKET", "2")).json();
    QVERIFY2(jsonText(shorted, "status") == u"FILLED", shorted.dump().c_str());
    QCOMPARE(positionQuantity(m_margin, symbol), -2.0);
    const auto covered = post(QStringLiteral("/v1/orders"), order(symbol, "BUY_TO_COVER", "MARKET", "2")).json();
    QVERIFY2(jsonText(covered, "status") == u"FILLED", covered.dump().c_str());
    QCOMPARE(positionQuantity(m_margin, symbol), 0.0);
}

void TestSandboxOrders::place_priceDecimals_twoAtOneDollarFourBelow()
{
    const auto place = [&](const QString &symbol, const QString &price) {
        json body = order(symbol, "BUY", "LIMIT", "1");
        body["price"] = str(price);
        return jsonText(post(QStringLiteral("/v1/orders"), body).json(), "status");
    };
    QCOMPARE(place(QStringLiteral("AAPL"), QStringLiteral("100.12")), QStringLiteral("NEW"));
    QCOMPARE(place(QStringLiteral("AAPL"), QStringLiteral("100.125")), QStringLiteral("REJECTED"));
    QVERIFY(m_sandbox->setPrice(QStringLiteral("SBUX"), QStringLiteral("0.5000")));
    QCOMPARE(place(QStringLiteral("SBUX"), QStringLiteral("0.4512")), QStringLiteral("NEW"));
    QCOMPARE(place(QStringLiteral("SBUX"), QStringLiteral("0.45123")), QStringLiteral("REJECTED"));
}

void TestSandboxOrders::place_notJsonObject_isBadRequest_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("array") << QByteArrayLiteral("[]");
    QTest::newRow("garbage") << QByteArrayLiteral("symbol=AAPL");
    QTest::newRow("number") << QByteArrayLiteral("42");
}

void TestSandboxOrders::place_notJsonObject_isBadRequest()
{
    QFETCH(QByteArray, body);
    const std::size_t ordersBefore = m_sandbox->allOrders().size();
    const auto response =
        m_sandbox->http().postJson(m_sandbox->url(QStringLiteral("/v1/orders")), body, {bearer(m_tokens.accessToken)});
    QVERIFY2(response.status == 400, response.describe().constData());
    QCOMPARE(jsonText(response.json(), "error"), QStringLiteral("bad_request"));
    QCOMPARE(m_sandbox->allOrders().size(), ordersBefore);
}

void TestSandboxOrders::place_invalidOrder_isRejectedAndNothingFills_data()
{
    // changes: "field=value;…" applied to the order; "<remove>" removes the field, "<cash>" is the cash account.
    QTest::addColumn<QString>("symbol");
    QTest::addColumn<QString>("side");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("qty");
    QTest::addColumn<QString>("changes");
    QTest::newRow("missing symbol") << "AAPL"
                                    << "BUY"
                                    << "MARKET"
                                    << "1"
                                    << "symbol=<remove>";
    QTest::newRow("missing side") << "AAPL"
                                  << "BUY"
                                  << "MARKET"
                                  << "1"
                                  << "side=<remove>";
    QTest::newRow("missing type") << "AAPL"
                                  << "BUY"
                                  << "MARKET"
                                  << "1"
                                  << "type=<remove>";
    QTest::newRow("missing qty") << "AAPL"
                                 << "BUY"
                                 << "MARKET"
                                 << "1"
                                 << "qty=<remove>";
    QTest::newRow("missing timeInForce") << "AAPL"
                                         << "BUY"
                                         << "MARKET"
                                         << "1"
                                         << "timeInForce=<remove>";
    QTest::newRow("missing account") << "AAPL"
                                     << "BUY"
                                     << "MARKET"
                                     << "1"
                                     << "tradingAccountId=<remove>";
    QTest::newRow("unknown account") << "AAPL"
                                     << "BUY"
                                     << "MARKET"
                                     << "1"
                                     << "tradingAccountId=SBX-99999999";
    QTest::newRow("unknown symbol") << "NOPEX"
                                    << "BUY"
                                    << "MARKET"
                                    << "1"
                                    << "";
    QTest::newRow("index") << "SPX"
                           << "BUY"
                           << "MARKET"
                           << "1"
                           << "";
    QTest::newRow("bad side") << "AAPL"
                              << "HOLD"
                              << "MARKET"
                              << "1"
                              << "";
    QTest::newRow("bad type") << "AAPL"
                              << "BUY"
                              << "PEGGED"
                              << "1"
                              << "";
    QTest::newRow("bad timeInForce") << "AAPL"
                                     << "BUY"
                                     << "MARKET"
                                     << "1"
                                     << "timeInForce=FOREVER";
    QTest::newRow("zero qty") << "AAPL"
                              << "BUY"
                              << "MARKET"
                              << "0"
                              << "";
    QTest::newRow("negative qty") << "AAPL"
                                  << "BUY"
                                  << "MARKET"
                                  << "-5"
                                  << "";
    QTest::newRow("fractional qty") << "AAPL"
                                    << "BUY"
                                    << "MARKET"
                                    << "1.5"
                                    << "";
    QTest::newRow("text qty") << "AAPL"
                              << "BUY"
                              << "MARKET"
                              << "ten"
                              << "";
    QTest::newRow("limit without price") << "AAPL"
                                         << "BUY"
                                         << "LIMIT"
                                         << "1"
                                         << "";
    QTest::newRow("stop without stopPrice") << "AAPL"
                                            << "BUY"
                                            << "STOP"
                                            << "1"
                                            << "";
    QTest::newRow("stop limit without stopPrice") << "AAPL"
                                                  << "BUY"
                                                  << "STOP_LIMIT"
                                                  << "1"
                                                  << "price=300.00";
    QTest::newRow("stop limit without price") << "AAPL"
                                              << "BUY"
                                              << "STOP_LIMIT"
                                              << "1"
                                              << "stopPrice=300.00";
    QTest::newRow("price on market") << "AAPL"
                                     << "BUY"
                                     << "MARKET"
                                     << "1"
                                     << "price=100.00";
    QTest::newRow("price on stop") << "AAPL"
                                   << "BUY"
                                   << "STOP"
                                   << "1"
                                   << "stopPrice=300.00;price=300.00";
    QTest::newRow("stopPrice on market") << "AAPL"
                                         << "BUY"
                                         << "MARKET"
                                         << "1"
                                         << "stopPrice=300.00";
    QTest::newRow("stopPrice on limit") << "AAPL"
                                        << "BUY"
                                        << "LIMIT"
                                        << "1"
                                        << "price=100.00;stopPrice=90.00";
    QTest::newRow("three decimals at $1 and above") << "AAPL"
                                                    << "BUY"
                                                    << "LIMIT"
                                                    << "1"
                                                    << "price=100.123";
    QTest::newRow("insufficient buying power") << "AAPL"
                                               << "BUY"
                                               << "MARKET"
                                               << "10000000"
                                               << "";
    QTest::newRow("selling more than held") << "<held>"
                                            << "SELL"
                                            << "MARKET"
                                            << "<held+1>"
                                            << "";
    QTest::newRow("selling what is not held") << "<not held>"
                                              << "SELL"
                                              << "MARKET"
                                              << "1"
                                              << "";
    QTest::newRow("short in cash account") << "AAPL"
                                           << "SELL_SHORT"
                                           << "MARKET"
                                           << "1"
                                           << "tradingAccountId=<cash>";
    QTest::newRow("cover without short") << "<held>"
                                         << "BUY_TO_COVER"
                                         << "MARKET"
                                         << "1"
                                         << "";
    QTest::newRow("clientId over 50 chars") << "AAPL"
                                            << "BUY"
                                            << "MARKET"
                                            << "1"
                                            << "clientId=" + QString(51, u'x');
}

void TestSandboxOrders::place_invalidOrder_isRejectedAndNothingFills()
{
    QFETCH(QString, symbol);
    QFETCH(QString, side);
    QFETCH(QString, type);
    QFETCH(QString, qty);
    QFETCH(QString, changes);

    const json heldPositions = positions(m_margin);
    QVERIFY(!heldPositions.empty());
    QSet<QString> held;
    for (const auto &position : heldPositions)
        held.insert(jsonText(position, "symbol"));
    if (symbol == u"<held>") {
        symbol = jsonText(heldPositions[0], "symbol");
        if (qty == u"<held+1>")
            qty = QString::number(qint64(decimalValue(heldPositions[0], "quantity")) + 1);
    } else if (symbol == u"<not held>") {
        const QStringList candidates {QStringLiteral("NFLX"), QStringLiteral("DIS"), QStringLiteral("BA"),
            QStringLiteral("NKE"), QStringLiteral("SBUX"), QStringLiteral("CAT")};
        for (const QString &candidate : candidates) {
            if (!held.contains(candidate)) {
                symbol = candidate;
                break;
            }
        }
    }
    json body = order(symbol, side, type, qty);
    const QStringList edits = changes.split(u';', Qt::SkipEmptyParts);
    for (const QString &edit : edits) {
        const QString field = edit.section(u'=', 0, 0);
        const QString value = edit.section(u'=', 1);
        if (value == u"<remove>")
            body.erase(str(field));
        else if (value == u"<cash>")
            body[str(field)] = str(m_cash);
        else
            body[str(field)] = str(value);
    }

    const json ordersBefore = m_sandbox->allOrders();
    QVERIFY(ordersBefore.is_array());
    const auto response = post(QStringLiteral("/v1/orders"), body);
    QVERIFY2(response.status == 200, response.describe().constData());
    const auto ack = response.json();
    QVERIFY2(ack.is_object() && ack.value("success", true) == false, response.describe().constData());
    QCOMPARE(jsonText(ack, "status"), QStringLiteral("REJECTED"));
    QVERIFY2(!jsonText(ack, "ordRejReason").isEmpty(), response.describe().constData());
    QVERIFY2(!jsonText(ack, "text").isEmpty(), response.describe().constData());

    // Recorded as REJECTED (unless it names no account of this user: then it belongs to no account and
    // GET /_sandbox/orders lists "every order of every account"), nothing filled, no position moved.
    const json ordersAfter = m_sandbox->allOrders();
    const bool hasAccount = !changes.contains(QLatin1String("tradingAccountId=<remove>"))
        && !changes.contains(QLatin1String("SBX-99999999"));
    if (hasAccount) {
        QCOMPARE(ordersAfter.size(), ordersBefore.size() + 1);
        QCOMPARE(countWithStatus(ordersAfter, "REJECTED"), countWithStatus(ordersBefore, "REJECTED") + 1);
    }
    QCOMPARE(countWithStatus(ordersAfter, "FILLED"), countWithStatus(ordersBefore, "FILLED"));
    QVERIFY(positions(m_margin) == heldPositions);
}

void TestSandboxOrders::place_immediateOrCancelNotMarketable_isCanceled_data()
{
    QTest::addColumn<QString>("timeInForce");
    QTest::addColumn<double>("priceFactor");
    QTest::addColumn<QString>("status");
    QTest::newRow("IOC below the market") << "IOC" << 0.9 << "CANCELED";
    QTest::newRow("FOK below the market") << "FOK" << 0.9 << "CANCELED";
    QTest::newRow("IOC marketable") << "IOC" << 1.02 << "FILLED";
    QTest::newRow("FOK marketable") << "FOK" << 1.02 << "FILLED";
}

void TestSandboxOrders::place_immediateOrCancelNotMarketable_isCanceled()
{
    QFETCH(QString, timeInForce);
    QFETCH(double, priceFactor);
    QFETCH(QString, status);
    const QString symbol = QStringLiteral("VZ");
    const double ask = quote(symbol).second;
    const double heldBefore = positionQuantity(m_margin, symbol);
    json body = order(symbol, "BUY", "LIMIT", "4", timeInForce);
    body["price"] = str(money(ask * priceFactor));
    const auto ack = post(QStringLiteral("/v1/orders"), body).json();
    QCOMPARE(ack.value("success", false), true);
    QCOMPARE(jsonText(ack, "status"), status);
    const double filled = status == u"FILLED" ? 4 : 0;
    QCOMPARE(decimalValue(ack, "cumQty"), filled);
    QCOMPARE(positionQuantity(m_margin, symbol), heldBefore + filled);
    QCOMPARE(jsonText(findOrder(ordersToday(m_margin), jsonText(ack, "clOrdId")), "ordStatus"), status);
}

void TestSandboxOrders::place_clientId_isEchoedInOrderList()
{
    json tagged = order(QStringLiteral("WMT"), "BUY", "MARKET", "1");
    tagged["clientId"] = "my-tag-42";
    const QString taggedId = jsonText(post(QStringLiteral("/v1/orders"), tagged).json(), "clOrdId");
    const QString plainId = jsonText(
        post(QStringLiteral("/v1/orders"), order(QStringLiteral("WMT"), "BUY", "MARKET", "1")).json(), "clOrdId");
    QVERIFY(!taggedId.isEmpty());
    QVERIFY(!plainId.isEmpty());
    const json list = ordersToday(m_margin);
    const json taggedOrder = findOrder(list, taggedId);
    const json plainOrder = findOrder(list, plainId);
    QCOMPARE(jsonText(taggedOrder, "clientId"), QStringLiteral("my-tag-42"));
    QCOMPARE(jsonText(plainOrder, "clientId"), m_sandbox->demoClientId());

    // The order object of the v2 list has every documented field.
    for (const char *key : {"clOrdId", "ordId", "accountId", "clientId", "symbol", "side", "type", "timeInForce", "qty",
             "price", "stopPrice", "ordStatus", "cumQty", "leavesQty", "avgPrice", "currency", "exDestination", "text",
             "ordRejReason", "securityType", "category", "legs", "createdAt", "updatedAt"})
        QVERIFY2(taggedOrder.contains(key), key);
    QCOMPARE(jsonText(taggedOrder, "symbol"), QStringLiteral("WMT"));
    QCOMPARE(jsonText(taggedOrder, "side"), QStringLiteral("BUY"));
    QCOMPARE(jsonText(taggedOrder, "type"), QStringLiteral("MARKET"));
    QCOMPARE(jsonText(taggedOrder, "timeInForce"), QStringLiteral("DAY"));
    QVERIFY(isDecimalString(taggedOrder["qty"]));
    QVERIFY(taggedOrder["legs"].is_array());
}

void TestSandboxOrders::preview_shape_andNothingPlaced()
{
    const std::size_t ordersBefore = m_sandbox->allOrders().size();
    json body = order(QStringLiteral("MSFT"), "BUY", "LIMIT", "2");
    body["price"] = str(money(quote(QStringLiteral("MSFT")).first));
    const auto response = post(QStringLiteral("/v1/orders/preview"), body);
    QVERIFY2(response.status == 200, response.describe().constData());
    const auto preview = response.json();
    for (const char *key : {"estimatedCost", "estimatedMargin", "commission", "fees", "buyingPowerImpact"})
        QVERIFY2(preview.contains(key) && isDecimalString(preview[key]), key);
    QVERIFY(preview.contains("numDayTrades") && preview["numDayTrades"].is_number_integer());
    for (const char *key : {"warnRuleId", "warnDescription", "rejectReason"})
        QVERIFY2(preview.contains(key), key);
    QCOMPARE(jsonText(preview, "rejectReason"), QString());
    QVERIFY(decimalValue(preview, "estimatedCost") > 0);
    QCOMPARE(m_sandbox->allOrders().size(), ordersBefore);
}

void TestSandboxOrders::preview_invalidOrder_hasRejectReason()
{
    const std::size_t ordersBefore = m_sandbox->allOrders().size();
    for (const QString &qty : {QStringLiteral("0"), QStringLiteral("10000000")}) {
        const auto response =
            post(QStringLiteral("/v1/orders/preview"), order(QStringLiteral("MSFT"), "BUY", "MARKET", qty));
        QVERIFY2(response.status == 200, response.describe().constData());
        QVERIFY2(!jsonText(response.json(), "rejectReason").isEmpty(), response.describe().constData());
    }
    QCOMPARE(m_sandbox->allOrders().size(), ordersBefore);
}

void TestSandboxOrders::preview_limitFarFromMarket_warns()
{
    json body = order(QStringLiteral("MSFT"), "BUY", "LIMIT", "1");
    body["price"] = str(money(quote(QStringLiteral("MSFT")).first * 0.5));
    const auto preview = post(QStringLiteral("/v1/orders/preview"), body).json();
    QCOMPARE(jsonText(preview, "rejectReason"), QString());
    QVERIFY2(!jsonText(preview, "warnDescription").isEmpty(), preview.dump().c_str());
}

void TestSandboxOrders::replace_cyclesIdAndSupersedesOriginal()
{
    const QString symbol = QStringLiteral("INTC");
    const QString first = placeResting(symbol, QStringLiteral("5"));
    QVERIFY(!first.isEmpty());
    const double newPrice = std::round(quote(symbol).first * 85) / 100;

    const json change {{"origClOrdId", str(first)}, {"tradingAccountId", str(m_margin)}, {"symbol", str(symbol)},
        {"qty", "7"}, {"price", str(money(newPrice))}};
    const auto response = post(QStringLiteral("/v1/orders/replace"), change);
    QVERIFY2(response.status == 200, response.describe().constData());
    const auto ack = response.json();
    QCOMPARE(ack.value("success", false), true);
    const QString second = jsonText(ack, "clOrdId");
    QVERIFY(!second.isEmpty());
    QVERIFY(second != first);
    QCOMPARE(jsonText(ack, "origClOrdId"), first);
    QCOMPARE(jsonText(ack, "status"), QStringLiteral("REPLACED"));
    QCOMPARE(decimalValue(ack, "qty"), 7.0);
    QCOMPARE(decimalValue(ack, "price"), newPrice);
    QCOMPARE(jsonText(ack, "text"), QStringLiteral("Replace accepted"));
    QVERIFY(QDateTime::fromString(jsonText(ack, "transactTime"), Qt::ISODateWithMs).isValid());

    const json all = m_sandbox->allOrders();
    QCOMPARE(jsonText(findOrder(all, first), "ordStatus"), QStringLiteral("SUPERSEDED"));
    const json replacement = findOrder(all, second);
    QCOMPARE(jsonText(replacement, "ordStatus"), QStringLiteral("NEW"));
    QCOMPARE(decimalValue(replacement, "qty"), 7.0);
    QCOMPARE(decimalValue(replacement, "price"), newPrice);

    // The old id is dead for replace and cancel.
    for (const char *path : {"/v1/orders/replace", "/v1/orders/cancel"}) {
        const auto stale = post(QString::fromLatin1(path), change).json();
        QVERIFY2(stale.value("success", true) == false, path);
        QCOMPARE(jsonText(stale, "status"), QStringLiteral("REJECTED"));
        QVERIFY(!jsonText(stale, "text").isEmpty());
    }

    // The new id can be replaced again, and cancelled.
    json again = change;
    again["origClOrdId"] = str(second);
    again["qty"] = "8";
    const auto third = post(QStringLiteral("/v1/orders/replace"), again).json();
    QCOMPARE(third.value("success", false), true);
    QCOMPARE(jsonText(third, "origClOrdId"), second);
    const json cancel {
        {"origClOrdId", third.value("clOrdId", "")}, {"tradingAccountId", str(m_margin)}, {"symbol", str(symbol)}};
    QCOMPARE(jsonText(post(QStringLiteral("/v1/orders/cancel"), cancel).json(), "status"), QStringLiteral("CANCELED"));

    // A replace of an unknown order is a rejection too.
    json unknown = change;
    unknown["origClOrdId"] = "no-such-order";
    QCOMPARE(
        jsonText(post(QStringLiteral("/v1/orders/replace"), unknown).json(), "status"), QStringLiteral("REJECTED"));
}

void TestSandboxOrders::cancel_openOrder_isCanceledOnce()
{
    const QString symbol = QStringLiteral("CSCO");
    const qint64 pendingBefore = balances(m_margin).value("pendingOrdersCount", qint64(-1));
    const QString id = placeResting(symbol, QStringLiteral("2"));
    QVERIFY(!id.isEmpty());
    QCOMPARE(balances(m_margin).value("pendingOrdersCount", qint64(-1)), pendingBefore + 1);

    const json cancel {{"origClOrdId", str(id)}, {"tradingAccountId", str(m_margin)}, {"symbol", str(symbol)}};
    const auto response = post(QStringLiteral("/v1/orders/cancel"), cancel);
    QVERIFY2(response.status == 200, response.describe().constData());
    const auto ack = response.json();
    QCOMPARE(ack.value("success", false), true);
    QVERIFY(!jsonText(ack, "clOrdId").isEmpty());
    QCOMPARE(jsonText(ack, "origClOrdId"), id);
    QCOMPARE(jsonText(ack, "status"), QStringLiteral("CANCELED"));
    QCOMPARE(jsonText(ack, "text"), QStringLiteral("Cancel request processed"));
    QCOMPARE(jsonText(findOrder(ordersToday(m_margin), id), "ordStatus"), QStringLiteral("CANCELED"));
    QCOMPARE(balances(m_margin).value("pendingOrdersCount", qint64(-1)), pendingBefore);

    const auto again = post(QStringLiteral("/v1/orders/cancel"), cancel).json();
    QVERIFY(again.value("success", true) == false);
    QCOMPARE(jsonText(again, "status"), QStringLiteral("REJECTED"));
    QVERIFY(!jsonText(again, "text").isEmpty());
}

void TestSandboxOrders::cancel_filledOrder_isRejected()
{
    const QString symbol = QStringLiteral("CSCO");
    const auto filled = post(QStringLiteral("/v1/orders"), order(symbol, "BUY", "MARKET", "1")).json();
    QCOMPARE(jsonText(filled, "status"), QStringLiteral("FILLED"));
    const json cancel {{"origClOrdId", filled.value("clOrdId", "")}, {"tradingAccountId", str(m_margin)},
        {"symbol", str(symbol)}, {"side", "BUY"}};
    const auto ack = post(QStringLiteral("/v1/orders/cancel"), cancel).json();
    QVERIFY(ack.value("success", true) == false);
    QCOMPARE(jsonText(ack, "status"), QStringLiteral("REJECTED"));

    json change = cancel;
    change["price"] = "10.00";
    const auto replaced = post(QStringLiteral("/v1/orders/replace"), change).json();
    QVERIFY(replaced.value("success", true) == false);
    QCOMPARE(jsonText(replaced, "status"), QStringLiteral("REJECTED"));
}

void TestSandboxOrders::ordersToday_paging_walksEveryOrderOnce()
{
    QStringList placed;
    for (int i = 0; i < 7; ++i) {
        const QString id = placeResting(QStringLiteral("BAC"));
        QVERIFY(!id.isEmpty());
        placed.append(id);
    }
    const auto whole = get(QStringLiteral("/v2/accounts/%1/orders?limit=500").arg(m_margin)).json();
    QVERIFY(whole["orders"].is_array());
    const std::size_t total = whole["orders"].size();
    QVERIFY(total >= 7);
    QCOMPARE(whole.value("nextCursor", qint64(-1)), 0);

    QStringList seen;
    qint64 cursor = 0;
    int pages = 0;
    while (true) {
        const auto response = get(QStringLiteral("/v2/accounts/%1/orders?limit=3&cursor=%2").arg(m_margin).arg(cursor));
        QVERIFY2(response.status == 200, response.describe().constData());
        const auto page = response.json();
        QVERIFY(page["orders"].is_array());
        QVERIFY(page["nextCursor"].is_number_integer());
        for (const auto &o : page["orders"])
            seen.append(jsonText(o, "clOrdId"));
        cursor = page["nextCursor"].get<qint64>();
        ++pages;
        if (cursor == 0) {
            QVERIFY(page["orders"].size() <= 3);
            break;
        }
        QCOMPARE(page["orders"].size(), std::size_t(3));
        QVERIFY(pages < 100);
    }
    QCOMPARE(std::size_t(seen.size()), total);
    QCOMPARE(pages, int((total + 2) / 3));
    QStringList unique = seen;
    unique.removeDuplicates();
    QCOMPARE(unique.size(), seen.size());
    for (const QString &id : placed)
        QVERIFY2(seen.contains(id), qPrintable(id));
    // Newest first: the last order placed leads, and the seven come in reverse order.
    QCOMPARE(seen.first(), placed.last());
    for (int i = 1; i < placed.size(); ++i)
        QVERIFY(seen.indexOf(placed.at(i)) < seen.indexOf(placed.at(i - 1)));
}

void TestSandboxOrders::ordersToday_badLimit_isBadRequest_data()
{
    QTest::addColumn<QString>("query");
    QTest::newRow("limit 0") << "limit=0";
    QTest::newRow("limit 501") << "limit=501";
    QTest::newRow("limit text") << "limit=many";
    QTest::newRow("negative limit") << "limit=-1";
}

void TestSandboxOrders::ordersToday_badLimit_isBadRequest()
{
    QFETCH(QString, query);
    const auto response = get(QStringLiteral("/v2/accounts/%1/orders?").arg(m_margin) + query);
    QVERIFY2(response.status == 400, response.describe().constData());
    QCOMPARE(jsonText(response.json(), "error"), QStringLiteral("bad_request"));
}

void TestSandboxOrders::history_badFrom_isBadRequest_data()
{
    QTest::addColumn<QString>("query");
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QTest::newRow("missing from") << QString();
    QTest::newRow("from without zone") << QStringLiteral("from=") + now.addDays(-1).toString(u"yyyy-MM-ddTHH:mm:ss");
    QTest::newRow("from not a date") << QStringLiteral("from=yesterday");
    QTest::newRow("more than 90 days") << QStringLiteral("from=")
            + QString::fromLatin1(QUrl::toPercentEncoding(now.addDays(-100).toString(Qt::ISODate)));
}

void TestSandboxOrders::history_badFrom_isBadRequest()
{
    QFETCH(QString, query);
    const auto response = get(QStringLiteral("/v2/accounts/%1/orders/history?").arg(m_margin) + query);
    QVERIFY2(response.status == 400, response.describe().constData());
    QCOMPARE(jsonText(response.json(), "error"), QStringLiteral("bad_request"));
}

void TestSandboxOrders::history_excludesRejectedAndSuperseded()
{
    // One of each: filled, rejected, superseded (and its replacement, open).
    const auto filled = post(QStringLiteral("/v1/orders"), order(QStringLiteral("T"), "BUY", "MARKET", "1")).json();
    QCOMPARE(jsonText(filled, "status"), QStringLiteral("FILLED"));
    const auto rejected = post(QStringLiteral("/v1/orders"), order(QStringLiteral("T"), "BUY", "MARKET", "0")).json();
    QCOMPARE(jsonText(rejected, "status"), QStringLiteral("REJECTED"));
    const QString original = placeResting(QStringLiteral("T"));
    QVERIFY(!original.isEmpty());
    const auto replaced = post(QStringLiteral("/v1/orders/replace"),
        json {{"origClOrdId", str(original)}, {"tradingAccountId", str(m_margin)}, {"symbol", "T"},
            {"qty", "2"}}).json();
    QCOMPARE(jsonText(replaced, "status"), QStringLiteral("REPLACED"));
    QVERIFY(countWithStatus(m_sandbox->allOrders(), "SUPERSEDED") > 0);

    // "to" defaults to now truncated to the minute (as Aries documents), which would leave out the orders
    // just placed; an hour ahead includes them.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString from = QString::fromLatin1(QUrl::toPercentEncoding(now.addDays(-1).toString(Qt::ISODate)))
        + QStringLiteral("&to=")
        + QString::fromLatin1(QUrl::toPercentEncoding(now.addSecs(3600).toString(Qt::ISODate)));
    QStringList seen;
    qint64 cursor = 0;
    for (int page = 0; page < 100; ++page) {
        const auto response =
            get(QStringLiteral("/v2/accounts/%1/orders/history?limit=500&cursor=%2&from=").arg(m_margin).arg(cursor)
                + from);
        QVERIFY2(response.status == 200, response.describe().constData());
        const auto body = response.json();
        QVERIFY(body["orders"].is_array());
        for (const auto &o : body["orders"]) {
            const QString status = jsonText(o, "ordStatus");
            QVERIFY2(status != u"REJECTED" && status != u"SUPERSEDED", o.dump().c_str());
            seen.append(jsonText(o, "clOrdId"));
        }
        cursor = body.value("nextCursor", qint64(0));
        if (cursor == 0)
            break;
    }
    QVERIFY(seen.contains(jsonText(filled, "clOrdId")));
    QVERIFY(seen.contains(jsonText(replaced, "clOrdId")));
    QVERIFY(!seen.contains(original));
}

void TestSandboxOrders::dayOrder_afterUtcMidnight_expiresButGtcRests()
{
    // A sandbox of its own: the clock moves a day.
    SandboxProcess sandbox;
    QVERIFY2(sandbox.start({QStringLiteral("--tick-ms"), QStringLiteral("0")}), qPrintable(sandbox.errorString()));
    const SandboxTokens tokens = SandboxSignIn::signIn(sandbox);
    QVERIFY(tokens.isValid());
    QString margin;
    const auto accounts =
        sandbox.http().get(sandbox.url(QStringLiteral("/v1/users/me/accounts")), {bearer(tokens.accessToken)}).json();
    for (const auto &account : accounts["accounts"]) {
        if (jsonText(account, "account_class") == u"MARGIN")
            margin = jsonText(account, "sterling_account_id");
    }
    QVERIFY(!margin.isEmpty());

    const auto place = [&](const char *timeInForce) {
        const json body {{"tradingAccountId", str(margin)}, {"symbol", "ORCL"}, {"side", "BUY"}, {"type", "LIMIT"},
            {"qty", "1"}, {"price", "50.00"}, {"timeInForce", timeInForce}};
        return sandbox.http()
            .postJson(sandbox.url(QStringLiteral("/v1/orders")), body, {bearer(tokens.accessToken)})
            .json();
    };
    const json day = place("DAY");
    const json gtc = place("GTC");
    QCOMPARE(jsonText(day, "status"), QStringLiteral("NEW"));
    QCOMPARE(jsonText(gtc, "status"), QStringLiteral("NEW"));
    const QDateTime sandboxNow = QDateTime::fromString(jsonText(day, "transactTime"), Qt::ISODateWithMs).toUTC();
    QVERIFY(sandboxNow.isValid());
    const qint64 toMidnight = sandboxNow.secsTo(QDateTime(sandboxNow.date().addDays(1), QTime(0, 0), Qt::UTC));

    QVERIFY(sandbox.advanceClock(toMidnight + 60));
    QVERIFY(sandbox.tick(1));
    const json all = sandbox.allOrders();
    QCOMPARE(jsonText(findOrder(all, jsonText(day, "clOrdId")), "ordStatus"), QStringLiteral("EXPIRED"));
    QCOMPARE(jsonText(findOrder(all, jsonText(gtc, "clOrdId")), "ordStatus"), QStringLiteral("NEW"));
}

QTEST_GUILESS_MAIN(TestSandboxOrders)
#include "TestSandboxOrders.moc"
