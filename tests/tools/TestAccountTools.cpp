// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/AccountTools.h"
#include "tools/AriesResources.h"

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
const auto dec = &JsonValues::decimal;
const auto errorText = &JsonValues::firstContentText;

} // namespace

class TestAccountTools final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void toolsList_staticAndAnnotated();
    void getAccounts_matchesSandbox();
    void getBalances_matchesSandbox();
    void getPortfolio_thousandPositions_totalsExact();
    void validation_isErrorNamingTheArgument_data();
    void validation_isErrorNamingTheArgument();
    void unknownAccount_isErrorWithAriesWords();
    void signedOut_isErrorSayingHowToConnect();
    void cancelled_portfolio_neverAnswered();
    void resources_showWhatTheToolsAnswer();

private:
    ToolTestHarness m_harness;
};

void TestAccountTools::initTestCase()
{
    QVERIFY2(m_harness.start({QStringLiteral("--tick-ms"), QStringLiteral("0"), QStringLiteral("--seed"),
                 QStringLiteral("7"), QStringLiteral("--positions"), QStringLiteral("1000")}),
        qPrintable(m_harness.errorString()));
    Tools::AccountTools::registerTools(m_harness.server(), m_harness);
    Tools::AriesResources::registerResources(m_harness.server());
}

void TestAccountTools::init()
{
    m_harness.setSignedIn(true);
    m_harness.setDefaultAccount({});
}

void TestAccountTools::toolsList_staticAndAnnotated()
{
    m_harness.setSignedIn(false);
    QStringList names;
    for (const json &tool : m_harness.listTools()) {
        names.append(s(tool["name"]));
        QVERIFY(tool.contains("title"));
        QVERIFY(tool.contains("outputSchema"));
        QVERIFY(tool["inputSchema"]["additionalProperties"] == json(false));
        QCOMPARE(tool["annotations"].dump(),
            json(
                {{"readOnlyHint", true}, {"destructiveHint", false}, {"idempotentHint", true}, {"openWorldHint", true}})
                .dump());
    }
    names.sort();
    QCOMPARE(names,
        QStringList({QStringLiteral("get_accounts"), QStringLiteral("get_balances"), QStringLiteral("get_portfolio")}));
}

void TestAccountTools::getAccounts_matchesSandbox()
{
    const json reply = m_harness.call(QStringLiteral("get_accounts"));
    QVERIFY2(reply.contains("result"), reply.dump().c_str());
    const json &result = reply["result"];
    QVERIFY(!result.value("isError", false));
    const json &out = result["structuredContent"];
    QCOMPARE(s(out["environment"]), QStringLiteral("sandbox"));
    // The text block carries the same JSON, for clients that do not read structuredContent.
    QVERIFY(json::parse(result["content"][0]["text"].get<std::string>()) == out);
    const json raw = m_harness.rawGet(QStringLiteral("/v1/users/me/accounts"));
    QCOMPARE(out["accounts"].size(), raw["accounts"].size());
    for (std::size_t i = 0; i < out["accounts"].size(); ++i) {
        QCOMPARE(s(out["accounts"][i]["accountId"]), s(raw["accounts"][i]["sterling_account_id"]));
        QCOMPARE(s(out["accounts"][i]["accountClass"]), s(raw["accounts"][i]["account_class"]));
    }
    QCOMPARE(s(out["accountId"]), s(raw["accounts"][0]["sterling_account_id"]));

    m_harness.setDefaultAccount(m_harness.cashAccount());
    const json chosen = m_harness.call(QStringLiteral("get_accounts"))["result"]["structuredContent"];
    QCOMPARE(s(chosen["accountId"]), m_harness.cashAccount());
}

void TestAccountTools::getBalances_matchesSandbox()
{
    const QString account = m_harness.marginAccount();
    const json reply = m_harness.call(QStringLiteral("get_balances"), {{"accountId", account.toStdString()}});
    const json &out = reply["result"]["structuredContent"];
    QVERIFY2(!reply["result"].value("isError", false), reply.dump().c_str());
    const json raw = m_harness.rawGet(QStringLiteral("/v1/accounts/%1/balances").arg(account));
    QCOMPARE(s(out["environment"]), QStringLiteral("sandbox"));
    QCOMPARE(s(out["accountId"]), account);
    QCOMPARE(dec(out["totalEquity"]), dec(raw["totalEquity"]));
    QCOMPARE(dec(out["stockBuyingPower"]), dec(raw["stockBuyingPower"]));
    QCOMPARE(dec(out["settledCash"]), dec(raw["settledFunds"]));
    QCOMPARE(out["pendingOrdersCount"].get<int>(), raw.value("pendingOrdersCount", 0));
}

void TestAccountTools::getPortfolio_thousandPositions_totalsExact()
{
    const QString account = m_harness.marginAccount();
    const json reply = m_harness.call(QStringLiteral("get_portfolio"), {{"accountId", account.toStdString()}}, 180000);
    QVERIFY2(reply.contains("result"), reply.dump().substr(0, 500).c_str());
    QVERIFY2(!reply["result"].value("isError", false), reply.dump().substr(0, 500).c_str());
    const json &out = reply["result"]["structuredContent"];
    QCOMPARE(s(out["environment"]), QStringLiteral("sandbox"));
    QCOMPARE(s(out["accountId"]), account);

    // The same sums from the sandbox's own answers, one request at a time.
    const json raw = m_harness.rawGet(QStringLiteral("/v1/accounts/%1/positions").arg(account));
    const json &positions = raw["positions"];
    QCOMPARE(positions.size(), std::size_t(1000));
    Decimal market;
    Decimal cost;
    for (const json &position : positions) {
        const QString symbol = s(position["symbol"]);
        const json trade = m_harness.rawGet(QStringLiteral("/v1/stocks/last-trade?ticker=%1").arg(symbol));
        const Decimal quantity = dec(position["quantity"]);
        market = *market.plus(*quantity.times(dec(trade["results"]["price"])));
        cost = *cost.plus(*quantity.times(dec(position["averagePrice"])));
    }
    const json &totals = out["totals"];
    QCOMPARE(totals["positionCount"].get<int>(), 1000);
    QCOMPARE(totals["pricedPositionCount"].get<int>(), 1000);
    QCOMPARE(out["unpricedSymbols"].size(), std::size_t(0));
    QCOMPARE(s(totals["marketValue"]), market.toString(2));
    QCOMPARE(s(totals["costBasis"]), cost.toString(2));
    QCOMPARE(s(totals["unrealizedPl"]), market.minus(cost)->toString(2));
    const json balances = m_harness.rawGet(QStringLiteral("/v1/accounts/%1/balances").arg(account));
    QCOMPARE(dec(out["cash"]["stockBuyingPower"]), dec(balances["stockBuyingPower"]));
}

void TestAccountTools::validation_isErrorNamingTheArgument_data()
{
    QTest::addColumn<QString>("tool");
    QTest::addColumn<QByteArray>("arguments");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unknown") << "get_balances" << QByteArray(R"({"acount":"X"})")
                             << "unknown argument 'acount'; expected one of: accountId";
    QTest::newRow("type") << "get_portfolio" << QByteArray(R"({"accountId":5})") << "accountId must be a string";
    QTest::newRow("pattern") << "get_balances" << QByteArray(R"({"accountId":"a b"})")
                             << "accountId has the wrong form";
    QTest::newRow("no-arguments") << "get_accounts" << QByteArray(R"({"x":1})")
                                  << "unknown argument 'x'; this tool takes no arguments";
}

void TestAccountTools::validation_isErrorNamingTheArgument()
{
    QFETCH(QString, tool);
    QFETCH(QByteArray, arguments);
    QFETCH(QString, expected);
    const json reply = m_harness.call(tool, json::parse(arguments.toStdString()));
    QVERIFY2(reply["result"].value("isError", false), reply.dump().c_str());
    QVERIFY2(errorText(reply).contains(expected), qPrintable(errorText(reply)));
}

void TestAccountTools::unknownAccount_isErrorWithAriesWords()
{
    const json reply = m_harness.call(QStringLiteral("get_balances"), {{"accountId", "SBX-99999999"}});
    QVERIFY2(reply["result"].value("isError", false), reply.dump().c_str());
    QVERIFY2(errorText(reply).contains(QStringLiteral("sandbox")), qPrintable(errorText(reply)));
}

void TestAccountTools::signedOut_isErrorSayingHowToConnect()
{
    m_harness.setSignedIn(false);
    for (const char *tool : {"get_accounts", "get_balances", "get_portfolio"}) {
        const json reply = m_harness.call(QString::fromLatin1(tool));
        QVERIFY2(reply["result"].value("isError", false), reply.dump().c_str());
        QVERIFY2(errorText(reply).contains(QString::fromLatin1(ToolTestHarness::kNotConnected)),
            qPrintable(errorText(reply)));
    }
}

void TestAccountTools::cancelled_portfolio_neverAnswered()
{
    m_harness.sent().clear();
    const int id =
        m_harness.send(QStringLiteral("get_portfolio"), {{"accountId", m_harness.marginAccount().toStdString()}});
    QTest::qWait(50);
    m_harness.cancel(id);
    // Long enough for every price request of 1,000 positions to come back.
    QTest::qWait(8000);
    for (const json &message : std::as_const(m_harness.sent())) {
        QVERIFY2(message.value("id", json()) != json(id), message.dump().substr(0, 300).c_str());
    }
    // And the server still answers.
    QVERIFY(m_harness.call(QStringLiteral("get_accounts"))["result"].contains("structuredContent"));
}

void TestAccountTools::resources_showWhatTheToolsAnswer()
{
    // The still market (--tick-ms 0) makes the resource and the tool see the same prices.
    const json list = m_harness.request(QStringLiteral("resources/list"), json::object());
    QStringList uris;
    for (const json &resource : list["result"]["resources"]) {
        uris << s(resource["uri"]);
        QVERIFY(resource["mimeType"] == "application/json");
    }
    QCOMPARE(uris, QStringList({QStringLiteral("aries://balances"), QStringLiteral("aries://portfolio")}));

    const json balances = m_harness.request(QStringLiteral("resources/read"), json {{"uri", "aries://balances"}});
    const json balancesTool = m_harness.call(QStringLiteral("get_balances"));
    QVERIFY2(balances.contains("result"), balances.dump().c_str());
    const json content = balances["result"]["contents"][0];
    QVERIFY(content["uri"] == "aries://balances");
    QVERIFY(json::parse(content["text"].get<std::string>()) == balancesTool["result"]["structuredContent"]);

    const json portfolio =
        m_harness.request(QStringLiteral("resources/read"), json {{"uri", "aries://portfolio"}}, 240000);
    QVERIFY2(portfolio.contains("result"), portfolio.dump().substr(0, 500).c_str());
    const json holdings = json::parse(portfolio["result"]["contents"][0]["text"].get<std::string>());
    QVERIFY(holdings["environment"] == "sandbox");
    QCOMPARE(holdings["positions"].size(), std::size_t(1000));

    // Signed out, the read fails with the sentence that says how to connect, not with empty data.
    m_harness.setSignedIn(false);
    const json refused = m_harness.request(QStringLiteral("resources/read"), json {{"uri", "aries://portfolio"}});
    QCOMPARE(refused["error"]["code"].get<int>(), -32603);
    QVERIFY2(
        s(refused["error"]["message"]).contains(QLatin1String(ToolTestHarness::kNotConnected)), refused.dump().c_str());
}

QTEST_GUILESS_MAIN(TestAccountTools)
#include "TestAccountTools.moc"
