// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aries/AriesParser.h"

#include <QTest>

#include <nlohmann/json.hpp>

using namespace Companion;
using namespace Companion::Aries;
using Kind = AriesError::Kind;

namespace {

Decimal dec(const char *text)
{
    return Decimal::parse(QString::fromLatin1(text)).value();
}

} // namespace

class TestAriesParser final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void balances_documentedSample_exactDecimals();
    void balances_extraFields_areIgnored();
    void balances_missingRequired_namesTheField();
    void balances_numberWithFraction_isRefused();
    void malformedJson_isBadResponse_data();
    void malformedJson_isBadResponse();
    void accounts_tradingIdIsSterlingAccountId();
    void accounts_withoutTradingId_isBadResponse();
    void orderAck_rejected_carriesReason();
    void orderAck_accepted();
    void orderPage_omittedOptionalFields();
    void chartHistory_error_isInvalidRequest();
    void chartHistory_columnsOfDifferentLength_isBadResponse();
    void lastTrade_numberPrice_isExact();
    void errorBody_insufficientScope();
};

void TestAriesParser::balances_documentedSample_exactDecimals()
{
    const QByteArray body =
        R"({"accountId":"TEST-ACCOUNT-001","dayTradeBuyingPower":"50000.00","netBuyingPower":"125000.50",
        "optionBuyingPower":"25000.00","stockBuyingPower":"125000.50","totalEquity":"250000.00","realizedPl":"1500.25",
        "unrealizedPl":"-250.75","settledFunds":"100000.00","unsettledFunds":"5000.00","startOfDayCash":"95000.00",
        "maintReq":"75000.00","pendingOrdersCount":2,"sodTtlEquityUpdatedAt":"2026-01-15T09:30:00Z"})";
    const auto b = AriesParser::balances(body);
    QVERIFY2(b, qPrintable(b ? QString() : b.error().message()));
    QCOMPARE(b->accountId, QStringLiteral("TEST-ACCOUNT-001"));
    QCOMPARE(b->stockBuyingPower, dec("125000.50"));
    QCOMPARE(b->totalEquity, dec("250000"));
    QCOMPARE(b->unrealizedPl, dec("-250.75"));
    QCOMPARE(b->realizedPl, dec("1500.25"));
    QCOMPARE(b->pendingOrdersCount, 2);
}

void TestAriesParser::balances_extraFields_areIgnored()
{
    const auto b = AriesParser::balances(
        R"({"stockBuyingPower":"1","totalEquity":"2","settledFunds":"3","brandNew":{"x":[1,2]},"other":null})");
    QVERIFY(b);
    QCOMPARE(b->settledFunds, dec("3"));
    QVERIFY(!b->netBuyingPower);
}

void TestAriesParser::balances_missingRequired_namesTheField()
{
    const auto b = AriesParser::balances(R"({"stockBuyingPower":"1","settledFunds":"3"})");
    QVERIFY(!b);
    QCOMPARE(b.error().kind, Kind::BadResponse);
    QVERIFY2(b.error().detail.contains(QLatin1String("totalEquity")), qPrintable(b.error().detail));
    QVERIFY(b.error().message().contains(QLatin1String("totalEquity")));
}

void TestAriesParser::balances_numberWithFraction_isRefused()
{
    // Money as a binary floating point number could already be inexact: refused rather than guessed.
    const auto b = AriesParser::balances(R"({"stockBuyingPower":0.1,"totalEquity":"2","settledFunds":"3"})");
    QVERIFY(!b);
    QVERIFY(b.error().detail.contains(QLatin1String("stockBuyingPower")));
}

void TestAriesParser::malformedJson_isBadResponse_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("half") << QByteArray(R"({"accounts":[{"sterling_account_id":"SB)");
    QTest::newRow("array") << QByteArray("[]");
    QTest::newRow("html") << QByteArray("<html>oops</html>");
}

void TestAriesParser::malformedJson_isBadResponse()
{
    QFETCH(QByteArray, body);
    QCOMPARE(AriesParser::accounts(body).error().kind, Kind::BadResponse);
    QCOMPARE(AriesParser::balances(body).error().kind, Kind::BadResponse);
    QCOMPARE(AriesParser::orderAck(body).error().kind, Kind::BadResponse);
    QCOMPARE(AriesParser::orderPage(body).error().kind, Kind::BadResponse);
    QCOMPARE(AriesParser::chartHistory(body).error().kind, Kind::BadResponse);
    QCOMPARE(AriesParser::lastQuote(body).error().kind, Kind::BadResponse);
}

void TestAriesParser::accounts_tradingIdIsSterlingAccountId()
{
    const auto accounts =
        AriesParser::accounts(R"({"accounts":[{"id":1,"fdid":"FDID-EXAMPLE","apex_account_id":"APEX-1",
        "sterling_account_id":"STERLING-EXAMPLE","status":"OPEN","is_sim":false,"account_type":"INDIVIDUAL",
        "account_class":"MARGIN","primary_user":null}]})");
    QVERIFY(accounts);
    QCOMPARE(accounts->size(), 1);
    QCOMPARE(accounts->first().tradingAccountId, QStringLiteral("STERLING-EXAMPLE"));
    QCOMPARE(accounts->first().recordId, 1);
    QCOMPARE(accounts->first().accountClass, QStringLiteral("MARGIN"));
}

void TestAriesParser::accounts_withoutTradingId_isBadResponse()
{
    const auto accounts = AriesParser::accounts(R"({"accounts":[{"id":1,"status":"OPEN"}]})");
    QVERIFY(!accounts);
    QCOMPARE(accounts.error().kind, Kind::BadResponse);
}

void TestAriesParser::orderAck_rejected_carriesReason()
{
    const auto ack = AriesParser::orderAck(R"({"success":false,"status":"REJECTED","ordRejReason":"INSUFFICIENT_BP",
        "text":"Insufficient buying power"})");
    QVERIFY(!ack);
    QCOMPARE(ack.error().kind, Kind::Rejected);
    QVERIFY(ack.error().detail.contains(QLatin1String("Insufficient buying power")));
    QVERIFY(ack.error().message().contains(QLatin1String("Insufficient buying power")));
}

void TestAriesParser::orderAck_accepted()
{
    const auto ack = AriesParser::orderAck(R"({"success":true,"clOrdId":"ORDER-1","status":"NEW","symbol":"AAPL",
        "side":"BUY","qty":"100","cumQty":"0","leavesQty":"100","avgPrice":"0","text":"Order accepted",
        "ordRejReason":"","transactTime":"2026-01-15T14:30:05Z","futureField":true})");
    QVERIFY(ack);
    QCOMPARE(ack->clOrdId, QStringLiteral("ORDER-1"));
    QCOMPARE(ack->quantity, dec("100"));
    QCOMPARE(ack->leavesQuantity, dec("100"));
    QVERIFY(ack->transactTime.isValid());
}

void TestAriesParser::orderPage_omittedOptionalFields()
{
    const auto page = AriesParser::orderPage(R"({"orders":[{"clOrdId":"c1","symbol":"AAPL","qty":"5","price":"175.50",
        "stopPrice":"","clientId":"tag-1"}],"nextCursor":7})");
    QVERIFY2(page, qPrintable(page ? QString() : page.error().detail));
    QCOMPARE(page->nextCursor, 7);
    QCOMPARE(page->orders.first().limitPrice, dec("175.5"));
    QVERIFY(!page->orders.first().stopPrice);
    QCOMPARE(page->orders.first().clientTag, QStringLiteral("tag-1"));
    QVERIFY(page->orders.first().status.isEmpty());
}

void TestAriesParser::chartHistory_error_isInvalidRequest()
{
    const auto history = AriesParser::chartHistory(R"({"s":"error","errmsg":"unknown symbol"})");
    QVERIFY(!history);
    QCOMPARE(history.error().kind, Kind::InvalidRequest);
    QCOMPARE(history.error().detail, QStringLiteral("unknown symbol"));
    const auto none = AriesParser::chartHistory(R"({"s":"no_data"})");
    QVERIFY(none && none->noData && none->bars.isEmpty());
}

void TestAriesParser::chartHistory_columnsOfDifferentLength_isBadResponse()
{
    const auto history = AriesParser::chartHistory(R"({"s":"ok","t":[1,2],"o":[1],"h":[1,2],"l":[1,2],"c":[1,2]})");
    QVERIFY(!history);
    QCOMPARE(history.error().kind, Kind::BadResponse);
}

void TestAriesParser::lastTrade_numberPrice_isExact()
{
    const auto trade = AriesParser::lastTrade(
        R"({"requestId":"r","results":{"ticker":"AAPL","price":270.9607,"size":391,"sipTimestamp":1767401995260878300},"status":"DELAYED"})");
    QVERIFY(trade);
    QCOMPARE(trade->price, dec("270.9607"));
    QCOMPARE(trade->size, 391);
    QCOMPARE(trade->status, QStringLiteral("DELAYED"));
}

void TestAriesParser::errorBody_insufficientScope()
{
    const auto body = AriesParser::errorBody(
        R"({"error":"insufficient_scope","message":"This request needs the scope account:information","requiredScopes":["account:information"]})");
    QCOMPARE(body.code, QStringLiteral("insufficient_scope"));
    QCOMPARE(body.requiredScopes, QStringList {QStringLiteral("account:information")});
}

QTEST_GUILESS_MAIN(TestAriesParser)
#include "TestAriesParser.moc"
