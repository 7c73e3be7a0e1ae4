// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/MarketTools.h"

#include "Decimal.h"
#include "JsonValues.h"
#include "ToolTestHarness.h"

#include <QDateTime>
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

class TestMarketTools final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void getQuote_one_matchesSandbox();
    void getQuote_many_normalizedAndPartial();
    void validation_isError_data();
    void validation_isError();
    void searchSymbols_matchesSandbox();
    void priceHistory_matchesSandbox();
    void signedOut_isErrorSayingHowToConnect();

private:
    ToolTestHarness m_harness;
};

void TestMarketTools::initTestCase()
{
    QVERIFY2(m_harness.start(
                 {QStringLiteral("--tick-ms"), QStringLiteral("0"), QStringLiteral("--seed"), QStringLiteral("7")}),
        qPrintable(m_harness.errorString()));
    Tools::MarketTools::registerTools(m_harness.server(), m_harness);
}

void TestMarketTools::init()
{
    m_harness.setSignedIn(true);
}

void TestMarketTools::getQuote_one_matchesSandbox()
{
    const json reply = m_harness.call(QStringLiteral("get_quote"), {{"symbol", " aapl "}});
    QVERIFY2(!reply["result"].value("isError", true), reply.dump().c_str());
    const json &out = reply["result"]["structuredContent"];
    QCOMPARE(s(out["environment"]), QStringLiteral("sandbox"));
    QCOMPARE(out["quotes"].size(), std::size_t(1));
    const json &quote = out["quotes"][0];
    QCOMPARE(s(quote["symbol"]), QStringLiteral("AAPL"));
    const json trade = m_harness.rawGet(QStringLiteral("/v1/stocks/last-trade?ticker=AAPL"))["results"];
    const json nbbo = m_harness.rawGet(QStringLiteral("/v1/stocks/last-quote?ticker=AAPL"))["results"];
    const json prev = m_harness.rawGet(QStringLiteral("/v1/stocks/prev?ticker=AAPL"))["results"][0];
    QCOMPARE(dec(quote["last"]), dec(trade["price"]));
    QCOMPARE(dec(quote["bid"]), dec(nbbo["bidPrice"]));
    QCOMPARE(dec(quote["ask"]), dec(nbbo["askPrice"]));
    QCOMPARE(dec(quote["previousClose"]), dec(prev["c"]));
    QCOMPARE(dec(quote["change"]), *dec(trade["price"]).minus(dec(prev["c"])));
    QCOMPARE(s(quote["dataStatus"]), QStringLiteral("real-time"));
    QVERIFY(quote["time"].is_string());
}

void TestMarketTools::getQuote_many_normalizedAndPartial()
{
    const json reply = m_harness.call(QStringLiteral("get_quote"), {{"symbols", {"msft", "AAPL", "ZZZZQ", "Aapl"}}});
    QVERIFY2(!reply["result"].value("isError", true), reply.dump().c_str());
    const json &out = reply["result"]["structuredContent"];
    QCOMPARE(out["quotes"].size(), std::size_t(2));
    QCOMPARE(s(out["quotes"][0]["symbol"]), QStringLiteral("MSFT"));
    QCOMPARE(s(out["quotes"][1]["symbol"]), QStringLiteral("AAPL"));
    QCOMPARE(out["errors"].size(), std::size_t(1));
    QCOMPARE(s(out["errors"][0]["symbol"]), QStringLiteral("ZZZZQ"));

    const json none = m_harness.call(QStringLiteral("get_quote"), {{"symbol", "ZZZZQ"}});
    QVERIFY(none["result"].value("isError", false));
    QVERIFY2(errorText(none).contains(QStringLiteral("ZZZZQ")), qPrintable(errorText(none)));
}

void TestMarketTools::validation_isError_data()
{
    QTest::addColumn<QString>("tool");
    QTest::addColumn<QByteArray>("arguments");
    QTest::addColumn<QString>("expected");
    json many = json::array();
    for (int i = 0; i < 51; ++i) {
        many.push_back("S" + std::to_string(i));
    }
    QTest::newRow("both") << "get_quote" << QByteArray(R"({"symbol":"AAPL","symbols":["MSFT"]})")
                          << "give either symbol";
    QTest::newRow("neither") << "get_quote" << QByteArray("{}") << "not neither";
    QTest::newRow("too-many") << "get_quote" << QByteArray::fromStdString(json {{"symbols", many}}.dump())
                              << "symbols must have at most 50 items";
    QTest::newRow("duplicates") << "get_quote" << QByteArray(R"({"symbols":["A","A"]})")
                                << "symbols must not contain duplicates";
    QTest::newRow("cyrillic") << "get_quote"
                              << QByteArray("{\"symbol\":\"\xd0\x90"
                                            "APL\"}")
                              << "U+0410";
    QTest::newRow("space") << "get_quote" << QByteArray(R"({"symbol":"AA PL"})") << "is not a ticker symbol";
    QTest::newRow("unknown-arg") << "get_quote" << QByteArray(R"({"ticker":"AAPL"})")
                                 << "unknown argument 'ticker'; expected one of: symbol, symbols";
    QTest::newRow("search-empty") << "search_symbols" << QByteArray(R"({"query":""})") << "query must not be empty";
    QTest::newRow("search-limit") << "search_symbols" << QByteArray(R"({"query":"a","limit":0})")
                                  << "limit must be at least 1";
    QTest::newRow("search-limit-type") << "search_symbols" << QByteArray(R"({"query":"a","limit":2.5})")
                                       << "limit must be a whole number";
    QTest::newRow("history-resolution") << "get_price_history"
                                        << QByteArray(R"({"symbol":"AAPL","resolution":"2","from":"2026-01-01"})")
                                        << "resolution must be one of: 1, 5, 15, 30, 60, D, W, M";
    QTest::newRow("history-missing") << "get_price_history" << QByteArray(R"({"symbol":"AAPL"})")
                                     << "missing required argument 'resolution'";
    QTest::newRow("history-order") << "get_price_history"
                                   << QByteArray(
                                          R"({"symbol":"AAPL","resolution":"D","from":"2026-02-01","to":"2026-01-01"})")
                                   << "must be before to";
    QTest::newRow("history-date") << "get_price_history"
                                  << QByteArray(R"({"symbol":"AAPL","resolution":"D","from":"last tuesday"})")
                                  << "from 'last tuesday' is not a date or time";
}

void TestMarketTools::validation_isError()
{
    QFETCH(QString, tool);
    QFETCH(QByteArray, arguments);
    QFETCH(QString, expected);
    const json reply = m_harness.call(tool, json::parse(arguments.toStdString()));
    QVERIFY2(reply["result"].value("isError", false), reply.dump().c_str());
    QVERIFY2(errorText(reply).contains(expected), qPrintable(errorText(reply)));
}

void TestMarketTools::searchSymbols_matchesSandbox()
{
    const json reply = m_harness.call(QStringLiteral("search_symbols"), {{"query", "apple"}, {"limit", 5}});
    QVERIFY2(!reply["result"].value("isError", true), reply.dump().c_str());
    const json &out = reply["result"]["structuredContent"];
    QCOMPARE(s(out["environment"]), QStringLiteral("sandbox"));
    const json raw = m_harness.rawGet(QStringLiteral("/v1/marketdata/search?query=apple&limit=5"));
    QCOMPARE(out["matches"].size(), raw.size());
    QVERIFY(!raw.empty());
    for (std::size_t i = 0; i < raw.size(); ++i) {
        QCOMPARE(s(out["matches"][i]["symbol"]), s(raw[i]["symbol"]));
        QCOMPARE(s(out["matches"][i]["description"]), s(raw[i]["description"]));
        QCOMPARE(s(out["matches"][i]["exchange"]), s(raw[i]["tag"]));
    }
}

void TestMarketTools::priceHistory_matchesSandbox()
{
    const QDateTime to = QDateTime::currentDateTimeUtc();
    const QDateTime from = to.addDays(-30);
    const json reply = m_harness.call(QStringLiteral("get_price_history"),
        {{"symbol", "AAPL"}, {"resolution", "D"}, {"from", from.toString(Qt::ISODate).toStdString()},
            {"to", to.toString(Qt::ISODate).toStdString()}, {"maxBars", 5}});
    QVERIFY2(!reply["result"].value("isError", true), reply.dump().c_str());
    const json &out = reply["result"]["structuredContent"];
    const json raw = m_harness.rawGet(QStringLiteral("/v1/chart/history?symbol=AAPL&resolution=D&from=%1&to=%2")
                                          .arg(from.toSecsSinceEpoch())
                                          .arg(to.toSecsSinceEpoch()));
    QCOMPARE(s(raw["s"]), QStringLiteral("ok"));
    const std::size_t total = raw["t"].size();
    QVERIFY(total > 5);
    QCOMPARE(out["bars"].size(), std::size_t(5));
    QVERIFY(out["truncated"] == json(true));
    // The latest five bars, oldest first.
    for (std::size_t i = 0; i < 5; ++i) {
        const std::size_t r = total - 5 + i;
        const json &bar = out["bars"][i];
        QCOMPARE(QDateTime::fromString(s(bar["time"]), Qt::ISODate).toSecsSinceEpoch(), raw["t"][r].get<qint64>());
        QCOMPARE(dec(bar["close"]), dec(raw["c"][r]));
        QCOMPARE(dec(bar["high"]), dec(raw["h"][r]));
        QCOMPARE(bar["volume"].get<qint64>(), raw["v"][r].get<qint64>());
    }
}

void TestMarketTools::signedOut_isErrorSayingHowToConnect()
{
    m_harness.setSignedIn(false);
    const json calls = json::array(
        {json::array({"get_quote", {{"symbol", "AAPL"}}}), json::array({"search_symbols", {{"query", "apple"}}}),
            json::array({"get_price_history", {{"symbol", "AAPL"}, {"resolution", "D"}, {"from", "2026-01-01"}}})});
    for (const json &entry : calls) {
        const json reply = m_harness.call(s(entry[0]), entry[1]);
        QVERIFY2(reply["result"].value("isError", false), reply.dump().c_str());
        QVERIFY2(errorText(reply).contains(QString::fromLatin1(ToolTestHarness::kNotConnected)),
            qPrintable(errorText(reply)));
    }
}

QTEST_GUILESS_MAIN(TestMarketTools)
#include "TestMarketTools.moc"
