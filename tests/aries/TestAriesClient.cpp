// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aries/AriesClient.h"
#include "auth/AccessTokenSource.h"

#include "SandboxProcess.h"
#include "SandboxSignIn.h"
#include "TestHttpClient.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QTest>
#include <QTimer>

#include <nlohmann/json.hpp>

#include <memory>
#include <optional>

using namespace Companion;
using namespace Companion::Aries;
using namespace Companion::Testing;
using namespace std::chrono_literals;
using Kind = AriesError::Kind;
using nlohmann::json;

namespace {

/**
 * Hands out a token the test chooses and, on reportUnauthorized(), the "refreshed" one, counting both,
 * always through the event loop as TokenManager does.
 */
class FakeTokenSource final : public Auth::AccessTokenSource
{
public:
    QString current;
    std::optional<QString> refreshed; ///< nullopt: the refresh fails and the user must reconnect
    int unauthorizedReports = 0;
    QString lastRejected;

    void withAccessToken(QObject *context, TokenCallback callback) override
    {
        const QString token = current;
        QTimer::singleShot(0, context, [callback, token]() { callback(token); });
    }

    void reportUnauthorized(const QString &rejectedToken, QObject *context, TokenCallback callback) override
    {
        ++unauthorizedReports;
        lastRejected = rejectedToken;
        if (refreshed) {
            current = *refreshed;
        }
        const auto next = refreshed;
        QTimer::singleShot(0, context, [callback, next]() {
            if (next) {
                callback(*next);
            } else {
                callback(Unexpected(Auth::AuthError {Auth::AuthError::Code::InvalidGrant, {}}));
            }
        });
    }
};

/** Starts an asynchronous call and waits (in the test's event loop) for its one callback. */
template <typename T, typename Start> std::optional<Expected<T, AriesError>> await(Start start, int timeoutMs = 30000)
{
    std::optional<Expected<T, AriesError>> result;
    int calls = 0;
    start([&result, &calls](Expected<T, AriesError> r) {
        ++calls;
        result = std::move(r);
    });
    const QDeadlineTimer deadline(timeoutMs);
    while (!result && !deadline.hasExpired()) {
        QTest::qWait(10);
    }
    // A second callback would be a bug; give it a moment to show up.
    QTest::qWait(20);
    if (calls > 1) {
        qWarning("callback ran %d times", calls);
        return std::nullopt;
    }
    return result;
}

QString describe(const AriesError &error)
{
    return QStringLiteral("%1 (HTTP %2): %3").arg(error.kindName()).arg(error.httpStatus).arg(error.message());
}

Decimal dec(const json &value)
{
    if (value.is_string()) {
        return Decimal::parse(QString::fromStdString(value.get<std::string>())).value_or(Decimal::fromUnits(-1));
    }
    return Decimal::fromDouble(value.get<double>()).value_or(Decimal::fromUnits(-1));
}

QString text(const json &value)
{
    return value.is_string() ? QString::fromStdString(value.get<std::string>()) : QString();
}

} // namespace

#define CHECK_OK(result)                                                                                               \
    do {                                                                                                               \
        QVERIFY2((result).has_value(), "no callback in time, or more than one");                                       \
        QVERIFY2(*(result), qPrintable((*(result)) ? QString() : describe((*(result)).error())));                      \
    } while (false)

#define CHECK_ERROR(result, expectedKind)                                                                              \
    do {                                                                                                               \
        QVERIFY2((result).has_value(), "no callback in time, or more than one");                                       \
        QVERIFY2(!*(result), "expected an error, got a result");                                                       \
        QVERIFY2((*(result)).error().kind == (expectedKind), qPrintable(describe((*(result)).error())));               \
    } while (false)

class TestAriesClient final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void environment_followsBaseUrl();
    void user_matchesSandbox();
    void accounts_tradingIdIsSterlingAccountId();
    void balances_exactDecimals();
    void positions_exactDecimals();
    void marketData_matchesSandbox();
    void chartHistory_matchesSandbox();
    void lastTrade_unknownTicker_isNotFound();
    void orders_previewPlaceListReplaceCancelHistory();
    void placeOrder_rejected_carriesSandboxReason();
    void unauthorized_refreshesOnceAndRetries();
    void unauthorized_twice_isReconnectNeeded();
    void insufficientScope_namesTheScope();
    void rateLimited_waitsForRetryAfter();
    void rateLimited_retryAfterBeyondBound_isReported();
    void serverError_onRead_isRetried();
    void serverError_onPost_isNotRetried();
    void hang_onRead_isTimeout();
    void truncated_read_isBadResponse();
    void truncated_preview_isBadResponseAndNotResent();
    void lostAnswer_placeOrder_sentOnceAndFoundByLookup();
    void truncatedAnswer_placeOrder_foundByLookup();
    void hang_placeOrder_isUncertainAndNotResent();

private:
    std::unique_ptr<AriesClient> makeClient(AriesClientConfig config = {});
    json rawGet(const QString &path);
    json rawPost(const QString &path, const json &body);
    AriesOrderRequest restingBuy(const QString &tag = {});
    /** Every order in the sandbox carrying @p tag in clientId. */
    QList<json> sandboxOrdersTagged(const QString &tag);

    std::unique_ptr<SandboxProcess> m_sandbox;
    SandboxTokens m_tokens;
    QNetworkAccessManager m_network;
    FakeTokenSource m_source;
    std::unique_ptr<AriesClient> m_client;
    QString m_account;
};

void TestAriesClient::initTestCase()
{
    m_sandbox = std::make_unique<SandboxProcess>();
    QVERIFY2(m_sandbox->start(
                 {QStringLiteral("--tick-ms"), QStringLiteral("0"), QStringLiteral("--seed"), QStringLiteral("7")}),
        qPrintable(m_sandbox->errorString()));
    m_tokens = SandboxSignIn::signIn(*m_sandbox);
    QVERIFY(m_tokens.isValid());

    const json accounts = rawGet(QStringLiteral("/v1/users/me/accounts"));
    QVERIFY(accounts.contains("accounts"));
    for (const json &account : accounts["accounts"]) {
        if (text(account["account_class"]) == QLatin1String("MARGIN")) {
            m_account = text(account["sterling_account_id"]);
            break;
        }
    }
    QVERIFY(!m_account.isEmpty());
}

void TestAriesClient::cleanupTestCase()
{
    m_client.reset();
    m_sandbox.reset();
}

void TestAriesClient::init()
{
    m_source.current = m_tokens.accessToken;
    m_source.refreshed = m_tokens.accessToken;
    m_source.unauthorizedReports = 0;
    QVERIFY(m_sandbox->clearFaults());
    QVERIFY(m_sandbox->setConfig({{"rateLimit", 0}, {"failRate", 0}, {"latencyMs", 0}}));
    QVERIFY(m_sandbox->resetStats());
    m_client = makeClient();
}

void TestAriesClient::cleanup()
{
    m_client.reset();
    QVERIFY(m_sandbox->clearFaults());
}

std::unique_ptr<AriesClient> TestAriesClient::makeClient(AriesClientConfig config)
{
    config.baseUrl = m_sandbox->baseUrl();
    config.retryBaseDelay = 50ms;
    config.lookupDelay = 200ms;
    return std::make_unique<AriesClient>(m_source, config);
}

json TestAriesClient::rawGet(const QString &path)
{
    const TestHttpResponse response = m_sandbox->http().get(m_sandbox->url(path), {bearer(m_tokens.accessToken)});
    return response.json();
}

json TestAriesClient::rawPost(const QString &path, const json &body)
{
    return m_sandbox->http().postJson(m_sandbox->url(path), body, {bearer(m_tokens.accessToken)}).json();
}

AriesOrderRequest TestAriesClient::restingBuy(const QString &tag)
{
    // Far below the market: it rests as NEW and never fills while the market does not move.
    AriesOrderRequest request;
    request.accountId = m_account;
    request.symbol = QStringLiteral("AAPL");
    request.side = QStringLiteral("BUY");
    request.type = QStringLiteral("LIMIT");
    request.quantity = Decimal::fromInt(3);
    request.limitPrice = Decimal::parse(u"1.25");
    request.timeInForce = QStringLiteral("GTC");
    request.clientTag = tag;
    return request;
}

QList<json> TestAriesClient::sandboxOrdersTagged(const QString &tag)
{
    QList<json> tagged;
    const json orders = m_sandbox->allOrders();
    if (!orders.is_array()) {
        return tagged;
    }
    for (const json &order : orders) {
        if (order.contains("clientId") && text(order["clientId"]) == tag) {
            tagged.append(order);
        }
    }
    return tagged;
}

void TestAriesClient::environment_followsBaseUrl()
{
    QCOMPARE(m_client->environment(), AriesEnvironment::Sandbox);
    QCOMPARE(environmentName(m_client->environment()), QStringLiteral("sandbox"));
    QCOMPARE(environmentFor(QUrl(QStringLiteral("https://api.aries.com"))), AriesEnvironment::Live);
    QCOMPARE(environmentFor(QUrl(QStringLiteral("https://example.org"))), AriesEnvironment::Live);
    QCOMPARE(environmentFor(QUrl(QStringLiteral("http://[::1]:8080"))), AriesEnvironment::Sandbox);
}

void TestAriesClient::user_matchesSandbox()
{
    const json raw = rawGet(QStringLiteral("/v1/users/me"));
    const auto user = await<AriesUser>([&](auto cb) { m_client->user(this, cb); });
    CHECK_OK(user);
    QCOMPARE((*user)->email, text(raw["email"]));
    QCOMPARE((*user)->id, raw["id"].get<std::int64_t>());
    QCOMPARE((*user)->email, m_sandbox->demoUser());
}

void TestAriesClient::accounts_tradingIdIsSterlingAccountId()
{
    const json raw = rawGet(QStringLiteral("/v1/users/me/accounts"));
    const auto accounts = await<QList<AriesAccount>>([&](auto cb) { m_client->accounts(this, cb); });
    CHECK_OK(accounts);
    QCOMPARE((*accounts)->size(), qsizetype(raw["accounts"].size()));
    for (qsizetype i = 0; i < (*accounts)->size(); ++i) {
        const AriesAccount &account = (**accounts)[i];
        QCOMPARE(account.tradingAccountId, text(raw["accounts"][std::size_t(i)]["sterling_account_id"]));
        QVERIFY(account.tradingAccountId.startsWith(QLatin1String("SBX-")));
        QCOMPARE(account.accountClass, text(raw["accounts"][std::size_t(i)]["account_class"]));
    }
}

void TestAriesClient::balances_exactDecimals()
{
    const json raw = rawGet(QStringLiteral("/v1/accounts/%1/balances").arg(m_account));
    const auto b = await<AriesBalances>([&](auto cb) { m_client->balances(m_account, this, cb); });
    CHECK_OK(b);
    const AriesBalances &balances = **b;
    QCOMPARE(balances.accountId, m_account);
    QCOMPARE(balances.stockBuyingPower, dec(raw["stockBuyingPower"]));
    QCOMPARE(balances.totalEquity, dec(raw["totalEquity"]));
    QCOMPARE(balances.settledFunds, dec(raw["settledFunds"]));
    QCOMPARE(balances.unrealizedPl, dec(raw["unrealizedPl"]));
    QCOMPARE(balances.realizedPl, dec(raw["realizedPl"]));
    QCOMPARE(balances.pendingOrdersCount, raw["pendingOrdersCount"].get<int>());
    // The exact text survives: same digits back out.
    QCOMPARE(Decimal::parse(balances.totalEquity.toString(2)), dec(raw["totalEquity"]));
    QVERIFY(balances.totalEquity.isPositive());
}

void TestAriesClient::positions_exactDecimals()
{
    const json raw = rawGet(QStringLiteral("/v1/accounts/%1/positions").arg(m_account));
    const auto p = await<QList<AriesPosition>>([&](auto cb) { m_client->positions(m_account, this, cb); });
    CHECK_OK(p);
    QVERIFY(!(*p)->isEmpty());
    QCOMPARE((*p)->size(), qsizetype(raw["positions"].size()));
    for (qsizetype i = 0; i < (*p)->size(); ++i) {
        const AriesPosition &position = (**p)[i];
        const json &r = raw["positions"][std::size_t(i)];
        QCOMPARE(position.symbol, text(r["symbol"]));
        QCOMPARE(position.quantity, dec(r["quantity"]));
        QCOMPARE(position.averagePrice, dec(r["averagePrice"]));
        QCOMPARE(position.unrealizedPl, dec(r["unrealizedPl"]));
        QCOMPARE(position.dailyPl, dec(r["dailyPl"]));
    }
}

void TestAriesClient::marketData_matchesSandbox()
{
    QVERIFY(m_sandbox->setPrice(QStringLiteral("MSFT"), QStringLiteral("412.37")));

    const auto trade = await<AriesLastTrade>([&](auto cb) { m_client->lastTrade(QStringLiteral("MSFT"), this, cb); });
    CHECK_OK(trade);
    const json rawTrade = rawGet(QStringLiteral("/v1/stocks/last-trade?ticker=MSFT"));
    QCOMPARE((*trade)->ticker, QStringLiteral("MSFT"));
    QCOMPARE((*trade)->price, dec(rawTrade["results"]["price"]));
    QCOMPARE((*trade)->price, Decimal::parse(u"412.37").value());

    const auto quote = await<AriesLastQuote>([&](auto cb) { m_client->lastQuote(QStringLiteral("MSFT"), this, cb); });
    CHECK_OK(quote);
    const json rawQuote = rawGet(QStringLiteral("/v1/stocks/last-quote?ticker=MSFT"));
    QCOMPARE((*quote)->bidPrice, dec(rawQuote["results"]["bidPrice"]));
    QCOMPARE((*quote)->askPrice, dec(rawQuote["results"]["askPrice"]));
    QCOMPARE((*quote)->askSize, rawQuote["results"]["askSize"].get<std::int64_t>());
    QVERIFY((*quote)->bidPrice <= (*quote)->askPrice);

    const auto prev =
        await<AriesPreviousBar>([&](auto cb) { m_client->previousBar(QStringLiteral("MSFT"), this, cb); });
    CHECK_OK(prev);
    const json rawPrev = rawGet(QStringLiteral("/v1/stocks/prev?ticker=MSFT"));
    QVERIFY((*prev)->bar.has_value());
    QCOMPARE((*prev)->bar->close, dec(rawPrev["results"][0]["c"]));
    QCOMPARE((*prev)->bar->open, dec(rawPrev["results"][0]["o"]));
    QCOMPARE((*prev)->bar->volume, rawPrev["results"][0]["v"].get<std::int64_t>());

    const auto matches =
        await<QList<AriesSymbolMatch>>([&](auto cb) { m_client->searchSymbols(QStringLiteral("MSF"), 10, this, cb); });
    CHECK_OK(matches);
    const json rawMatches = rawGet(QStringLiteral("/v1/marketdata/search?query=MSF&limit=10"));
    QCOMPARE((*matches)->size(), qsizetype(rawMatches.size()));
    bool found = false;
    for (const AriesSymbolMatch &match : **matches) {
        found = found || match.symbol == QLatin1String("MSFT");
    }
    QVERIFY(found);
}

void TestAriesClient::chartHistory_matchesSandbox()
{
    const QDateTime to = QDateTime::currentDateTimeUtc();
    const QDateTime from = to.addDays(-30);
    const auto history = await<AriesChartHistory>(
        [&](auto cb) { m_client->chartHistory(QStringLiteral("AAPL"), QStringLiteral("D"), from, to, this, cb); });
    CHECK_OK(history);
    const json raw = rawGet(QStringLiteral("/v1/chart/history?symbol=AAPL&resolution=D&from=%1&to=%2")
                                .arg(from.toSecsSinceEpoch())
                                .arg(to.toSecsSinceEpoch()));
    QCOMPARE(text(raw["s"]), QStringLiteral("ok"));
    QCOMPARE((*history)->bars.size(), qsizetype(raw["t"].size()));
    QVERIFY(!(*history)->bars.isEmpty());
    for (qsizetype i = 0; i < (*history)->bars.size(); ++i) {
        const auto index = std::size_t(i);
        QCOMPARE((*history)->bars[i].time.toSecsSinceEpoch(), raw["t"][index].get<qint64>());
        QCOMPARE((*history)->bars[i].close, dec(raw["c"][index]));
        QCOMPARE((*history)->bars[i].high, dec(raw["h"][index]));
    }

    const auto bad = await<AriesChartHistory>([&](auto cb) {
        m_client->chartHistory(QStringLiteral("NOPE_NOT_REAL"), QStringLiteral("D"), from, to, this, cb);
    });
    CHECK_ERROR(bad, Kind::InvalidRequest);
}

void TestAriesClient::lastTrade_unknownTicker_isNotFound()
{
    const auto trade = await<AriesLastTrade>([&](auto cb) { m_client->lastTrade(QStringLiteral("ZZZQX"), this, cb); });
    CHECK_ERROR(trade, Kind::NotFound);
}

void TestAriesClient::orders_previewPlaceListReplaceCancelHistory()
{
    const AriesOrderRequest request = restingBuy();

    const auto preview = await<AriesOrderPreview>([&](auto cb) { m_client->previewOrder(request, this, cb); });
    CHECK_OK(preview);
    const json rawPreview = rawPost(QStringLiteral("/v1/orders/preview"),
        {{"tradingAccountId", m_account.toStdString()}, {"symbol", "AAPL"}, {"side", "BUY"}, {"type", "LIMIT"},
            {"qty", "3"}, {"price", "1.25"}, {"timeInForce", "GTC"}});
    QCOMPARE((*preview)->estimatedCost, dec(rawPreview["estimatedCost"]));
    QCOMPARE((*preview)->buyingPowerImpact, dec(rawPreview["buyingPowerImpact"]));
    QVERIFY((*preview)->rejectReason.isEmpty());

    const auto placed = await<AriesOrderAck>([&](auto cb) { m_client->placeOrder(request, this, cb); });
    CHECK_OK(placed);
    const AriesOrderAck ack = **placed;
    QCOMPARE(ack.status, QStringLiteral("NEW"));
    QVERIFY(!ack.foundByLookup);
    QVERIFY(ack.clientTag.startsWith(QLatin1String("ac-")));
    QCOMPARE(ack.quantity, Decimal::fromInt(3));
    QCOMPARE(sandboxOrdersTagged(ack.clientTag).size(), 1);

    const auto today = await<AriesOrderPage>([&](auto cb) { m_client->todaysOrders(m_account, 0, 50, this, cb); });
    CHECK_OK(today);
    std::optional<AriesOrder> listed;
    for (const AriesOrder &order : (*today)->orders) {
        if (order.clOrdId == ack.clOrdId) {
            listed = order;
        }
    }
    QVERIFY(listed);
    QCOMPARE(listed->clientTag, ack.clientTag);
    QCOMPARE(listed->limitPrice, Decimal::parse(u"1.25"));
    QCOMPARE(listed->status, QStringLiteral("NEW"));

    AriesReplaceRequest replace;
    replace.accountId = m_account;
    replace.origClOrdId = ack.clOrdId;
    replace.symbol = QStringLiteral("AAPL");
    replace.limitPrice = Decimal::parse(u"1.50");
    const auto replaced = await<AriesReplaceAck>([&](auto cb) { m_client->replaceOrder(replace, this, cb); });
    CHECK_OK(replaced);
    QCOMPARE((*replaced)->status, QStringLiteral("REPLACED"));
    QVERIFY((*replaced)->clOrdId != ack.clOrdId);
    QCOMPARE((*replaced)->origClOrdId, ack.clOrdId);

    // The superseded id can no longer be cancelled: Aries rejects, with its reason.
    AriesCancelRequest cancelOld {m_account, ack.clOrdId, QStringLiteral("AAPL"), QStringLiteral("BUY")};
    const auto oldCancel = await<AriesCancelAck>([&](auto cb) { m_client->cancelOrder(cancelOld, this, cb); });
    CHECK_ERROR(oldCancel, Kind::Rejected);
    QVERIFY(!(*oldCancel).error().detail.isEmpty());

    AriesCancelRequest cancel {m_account, (*replaced)->clOrdId, QStringLiteral("AAPL"), QStringLiteral("BUY")};
    const auto cancelled = await<AriesCancelAck>([&](auto cb) { m_client->cancelOrder(cancel, this, cb); });
    CHECK_OK(cancelled);
    QCOMPARE((*cancelled)->status, QStringLiteral("CANCELED"));

    const auto history = await<AriesOrderPage>([&](auto cb) {
        // "to" defaults to now truncated to the minute, which would leave out an order of this minute.
        const QDateTime now = QDateTime::currentDateTimeUtc();
        m_client->orderHistory(m_account, now.addDays(-1), now.addSecs(120), 0, 100, this, cb);
    });
    CHECK_OK(history);
    bool inHistory = false;
    for (const AriesOrder &order : (*history)->orders) {
        if (order.clOrdId == (*replaced)->clOrdId) {
            inHistory = true;
            QCOMPARE(order.status, QStringLiteral("CANCELED"));
            QCOMPARE(order.limitPrice, Decimal::parse(u"1.5"));
        }
    }
    QVERIFY(inHistory);

    // Paging: one order per page reaches the same orders.
    const auto first = await<AriesOrderPage>([&](auto cb) { m_client->todaysOrders(m_account, 0, 1, this, cb); });
    CHECK_OK(first);
    QCOMPARE((*first)->orders.size(), 1);
    if ((*first)->nextCursor != 0) {
        const auto second = await<AriesOrderPage>(
            [&](auto cb) { m_client->todaysOrders(m_account, (*first)->nextCursor, 1, this, cb); });
        CHECK_OK(second);
        QCOMPARE((*second)->orders.size(), 1);
        QVERIFY((*second)->orders.first().clOrdId != (*first)->orders.first().clOrdId);
    }
}

void TestAriesClient::placeOrder_rejected_carriesSandboxReason()
{
    // Far more than the account can pay for. (A rejection for a malformed field is recorded without the
    // caller's clientId by the sandbox, so an economic one is used to find the order by its tag.)
    AriesOrderRequest request = restingBuy(QStringLiteral("reject-me-1"));
    request.quantity = Decimal::fromInt(1'000'000);
    request.limitPrice = Decimal::fromInt(900);
    const auto placed = await<AriesOrderAck>([&](auto cb) { m_client->placeOrder(request, this, cb); });
    CHECK_ERROR(placed, Kind::Rejected);
    const QList<json> recorded = sandboxOrdersTagged(QStringLiteral("reject-me-1"));
    QCOMPARE(recorded.size(), 1);
    QCOMPARE(text(recorded.first()["ordStatus"]), QStringLiteral("REJECTED"));
    const QString sandboxText = text(recorded.first()["text"]);
    QVERIFY(!sandboxText.isEmpty());
    QVERIFY2((*placed).error().detail.contains(sandboxText), qPrintable((*placed).error().detail));
    QVERIFY((*placed).error().message().contains(sandboxText));
}

void TestAriesClient::unauthorized_refreshesOnceAndRetries()
{
    m_source.current = QStringLiteral("not-a-valid-token");
    const auto b = await<AriesBalances>([&](auto cb) { m_client->balances(m_account, this, cb); });
    CHECK_OK(b);
    QCOMPARE(m_source.unauthorizedReports, 1);
    QCOMPARE(m_source.lastRejected, QStringLiteral("not-a-valid-token"));
    QCOMPARE(m_sandbox->requestCount(QStringLiteral("GET /v1/accounts/%1/balances").arg(m_account)), 2);

    // A POST refused with 401 was not looked at by Aries, so it too is sent again once.
    m_source.current = QStringLiteral("not-a-valid-token");
    const auto preview = await<AriesOrderPreview>([&](auto cb) { m_client->previewOrder(restingBuy(), this, cb); });
    CHECK_OK(preview);
    QCOMPARE(m_source.unauthorizedReports, 2);
    QCOMPARE(m_sandbox->requestCount(QStringLiteral("POST /v1/orders/preview")), 2);
}

void TestAriesClient::unauthorized_twice_isReconnectNeeded()
{
    m_source.current = QStringLiteral("not-a-valid-token");
    m_source.refreshed = QStringLiteral("still-not-valid");
    const auto b = await<AriesBalances>([&](auto cb) { m_client->balances(m_account, this, cb); });
    CHECK_ERROR(b, Kind::Unauthorized);
    QCOMPARE(m_source.unauthorizedReports, 1);
    QCOMPARE(m_sandbox->requestCount(QStringLiteral("GET /v1/accounts/%1/balances").arg(m_account)), 2);
    QVERIFY((*b).error().message().contains(QLatin1String("connect")));

    // The refresh itself refused: reconnect needed, nothing more sent.
    m_source.current = QStringLiteral("not-a-valid-token");
    m_source.refreshed.reset();
    const auto again = await<AriesBalances>([&](auto cb) { m_client->balances(m_account, this, cb); });
    CHECK_ERROR(again, Kind::Unauthorized);
    QCOMPARE(m_sandbox->requestCount(QStringLiteral("GET /v1/accounts/%1/balances").arg(m_account)), 3);
}

void TestAriesClient::insufficientScope_namesTheScope()
{
    const SandboxTokens narrow = SandboxSignIn::signIn(*m_sandbox, {QStringLiteral("user:information")});
    QVERIFY(narrow.isValid());
    m_source.current = narrow.accessToken;
    const auto b = await<AriesBalances>([&](auto cb) { m_client->balances(m_account, this, cb); });
    CHECK_ERROR(b, Kind::InsufficientScope);
    QCOMPARE((*b).error().scope, QStringLiteral("account:information"));
    QVERIFY((*b).error().message().contains(QLatin1String("account:information")));

    const auto placed = await<AriesOrderAck>([&](auto cb) { m_client->placeOrder(restingBuy(), this, cb); });
    CHECK_ERROR(placed, Kind::InsufficientScope);
    QCOMPARE((*placed).error().scope, QStringLiteral("order:execution"));
}

void TestAriesClient::rateLimited_waitsForRetryAfter()
{
    QVERIFY(m_sandbox->setConfig({{"rateLimit", 1}}));
    const auto first = await<AriesUser>([&](auto cb) { m_client->user(this, cb); });
    CHECK_OK(first);
    QElapsedTimer timer;
    timer.start();
    const auto second = await<AriesUser>([&](auto cb) { m_client->user(this, cb); });
    CHECK_OK(second);
    // Retry-After: 1 was honoured (the retry came no earlier), then the request went through.
    QVERIFY2(timer.elapsed() >= 900, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(m_sandbox->requestCount(QStringLiteral("GET /v1/users/me")) >= 3);
}

void TestAriesClient::rateLimited_retryAfterBeyondBound_isReported()
{
    AriesClientConfig config;
    config.maxRetryAfter = 0s;
    m_client = makeClient(config);
    QVERIFY(m_sandbox->setConfig({{"rateLimit", 1}}));
    const auto first = await<AriesUser>([&](auto cb) { m_client->user(this, cb); });
    CHECK_OK(first);
    const auto second = await<AriesUser>([&](auto cb) { m_client->user(this, cb); });
    CHECK_ERROR(second, Kind::RateLimited);
    QVERIFY((*second).error().retryAfter.has_value());
    QCOMPARE((*second).error().retryAfter->count(), 1);
    QVERIFY((*second).error().message().contains(QLatin1String("Wait 1 second and try again")));
    QCOMPARE(m_sandbox->requestCount(QStringLiteral("GET /v1/users/me")), 2);
}

void TestAriesClient::serverError_onRead_isRetried()
{
    const QString path = QStringLiteral("/v1/accounts/%1/balances").arg(m_account);
    QVERIFY(m_sandbox->addFault(path, QStringLiteral("error"), 2, 503, QStringLiteral("GET")));
    const auto b = await<AriesBalances>([&](auto cb) { m_client->balances(m_account, this, cb); });
    CHECK_OK(b);
    QCOMPARE(m_sandbox->requestCount(QStringLiteral("GET ") + path), 3);

    QVERIFY(m_sandbox->addFault(path, QStringLiteral("error"), 5, 500, QStringLiteral("GET")));
    const auto failed = await<AriesBalances>([&](auto cb) { m_client->balances(m_account, this, cb); });
    CHECK_ERROR(failed, Kind::ServerError);
    QCOMPARE((*failed).error().httpStatus, 500);
    QCOMPARE(m_sandbox->requestCount(QStringLiteral("GET ") + path), 6);
}

void TestAriesClient::serverError_onPost_isNotRetried()
{
    QVERIFY(m_sandbox->addFault(QStringLiteral("/v1/orders"), QStringLiteral("error"), 1, 500, QStringLiteral("POST")));
    const auto placed = await<AriesOrderAck>(
        [&](auto cb) { m_client->placeOrder(restingBuy(QStringLiteral("five-hundred")), this, cb); });
    CHECK_ERROR(placed, Kind::ServerError);
    QCOMPARE(m_sandbox->requestCount(QStringLiteral("POST /v1/orders")), 1);
    QTest::qWait(500);
    QCOMPARE(m_sandbox->requestCount(QStringLiteral("POST /v1/orders")), 1);
    QCOMPARE(sandboxOrdersTagged(QStringLiteral("five-hundred")).size(), 0);

    QVERIFY(m_sandbox->addFault(
        QStringLiteral("/v1/orders/preview"), QStringLiteral("error"), 1, 503, QStringLiteral("POST")));
    const auto preview = await<AriesOrderPreview>([&](auto cb) { m_client->previewOrder(restingBuy(), this, cb); });
    CHECK_ERROR(preview, Kind::ServerError);
    QCOMPARE(m_sandbox->requestCount(QStringLiteral("POST /v1/orders/preview")), 1);
}

void TestAriesClient::hang_onRead_isTimeout()
{
    AriesClientConfig config;
    config.timeout = 1000ms;
    m_client = makeClient(config);
    const QString path = QStringLiteral("/v1/accounts/%1/positions").arg(m_account);
    QVERIFY(m_sandbox->addFault(path, QStringLiteral("hang"), 1, 0, QStringLiteral("GET")));
    QElapsedTimer timer;
    timer.start();
    const auto p = await<QList<AriesPosition>>([&](auto cb) { m_client->positions(m_account, this, cb); });
    CHECK_ERROR(p, Kind::Timeout);
    QVERIFY2(timer.elapsed() >= 900 && timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(m_sandbox->requestCount(QStringLiteral("GET ") + path), 1);
}

void TestAriesClient::truncated_read_isBadResponse()
{
    const QString path = QStringLiteral("/v1/accounts/%1/balances").arg(m_account);
    QVERIFY(m_sandbox->addFault(path, QStringLiteral("truncate"), 10, 0, QStringLiteral("GET")));
    const auto b = await<AriesBalances>([&](auto cb) { m_client->balances(m_account, this, cb); });
    CHECK_ERROR(b, Kind::BadResponse);
    QVERIFY(m_sandbox->requestCount(QStringLiteral("GET ") + path) >= 1);

    // One cut answer, then a whole one: the read is simply tried again.
    QVERIFY(m_sandbox->clearFaults());
    QVERIFY(m_sandbox->addFault(path, QStringLiteral("truncate"), 1, 0, QStringLiteral("GET")));
    const auto ok = await<AriesBalances>([&](auto cb) { m_client->balances(m_account, this, cb); });
    CHECK_OK(ok);
}

void TestAriesClient::truncated_preview_isBadResponseAndNotResent()
{
    QVERIFY(m_sandbox->addFault(
        QStringLiteral("/v1/orders/preview"), QStringLiteral("truncate"), 1, 0, QStringLiteral("POST")));
    const auto preview = await<AriesOrderPreview>([&](auto cb) { m_client->previewOrder(restingBuy(), this, cb); });
    CHECK_ERROR(preview, Kind::BadResponse);
    QCOMPARE(m_sandbox->requestCount(QStringLiteral("POST /v1/orders/preview")), 1);
}

void TestAriesClient::lostAnswer_placeOrder_sentOnceAndFoundByLookup()
{
    const QString tag = QStringLiteral("lose-once-1");
    QVERIFY(m_sandbox->addFault(QStringLiteral("/v1/orders"), QStringLiteral("lose"), 1, 0, QStringLiteral("POST")));
    const auto placed = await<AriesOrderAck>([&](auto cb) { m_client->placeOrder(restingBuy(tag), this, cb); });
    CHECK_OK(placed);
    QVERIFY((*placed)->foundByLookup);
    QCOMPARE((*placed)->clientTag, tag);

    const QList<json> recorded = sandboxOrdersTagged(tag);
    QCOMPARE(recorded.size(), 1);
    QCOMPARE((*placed)->clOrdId, text(recorded.first()["clOrdId"]));
    QCOMPARE((*placed)->status, text(recorded.first()["ordStatus"]));
    QCOMPARE((*placed)->status, QStringLiteral("NEW"));
    QCOMPARE(m_sandbox->requestCount(QStringLiteral("POST /v1/orders")), 1);
    // Nothing is re-sent later either.
    QTest::qWait(1500);
    QCOMPARE(m_sandbox->requestCount(QStringLiteral("POST /v1/orders")), 1);
    QCOMPARE(sandboxOrdersTagged(tag).size(), 1);
}

void TestAriesClient::truncatedAnswer_placeOrder_foundByLookup()
{
    const QString tag = QStringLiteral("truncate-once-1");
    QVERIFY(
        m_sandbox->addFault(QStringLiteral("/v1/orders"), QStringLiteral("truncate"), 1, 0, QStringLiteral("POST")));
    const auto placed = await<AriesOrderAck>([&](auto cb) { m_client->placeOrder(restingBuy(tag), this, cb); });
    CHECK_OK(placed);
    QVERIFY((*placed)->foundByLookup);
    QCOMPARE(sandboxOrdersTagged(tag).size(), 1);
    QCOMPARE(m_sandbox->requestCount(QStringLiteral("POST /v1/orders")), 1);
}

void TestAriesClient::hang_placeOrder_isUncertainAndNotResent()
{
    AriesClientConfig config;
    config.timeout = 1000ms;
    m_client = makeClient(config);
    const QString tag = QStringLiteral("hang-once-1");
    QVERIFY(m_sandbox->addFault(QStringLiteral("/v1/orders"), QStringLiteral("hang"), 1, 0, QStringLiteral("POST")));
    const auto placed = await<AriesOrderAck>([&](auto cb) { m_client->placeOrder(restingBuy(tag), this, cb); });
    CHECK_ERROR(placed, Kind::UncertainOutcome);
    QCOMPARE((*placed).error().clientTag, tag);
    QVERIFY((*placed).error().message().contains(tag));
    QCOMPARE(m_sandbox->requestCount(QStringLiteral("POST /v1/orders")), 1);
    // The hang fault does not process the order: there is none, and none appears later.
    QCOMPARE(sandboxOrdersTagged(tag).size(), 0);
    QVERIFY(m_sandbox->requestCount(QStringLiteral("GET /v2/accounts/%1/orders").arg(m_account)) >= 1);
}

QTEST_GUILESS_MAIN(TestAriesClient)
#include "TestAriesClient.moc"
