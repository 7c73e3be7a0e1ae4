// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SandboxProcess.h"
#include "SandboxSignIn.h"
#include "TestHttpClient.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace Companion::Testing;

namespace {

const QString kAlice = QStringLiteral("alice@example.com");
const QString kAlicePassword = QStringLiteral("wonderland");
const QString kScopeUserPassword = QStringLiteral("scoped-pw");

/** One user per scope: a token that holds only that scope (allowed through the consent page). */
const QStringList &singleScopes()
{
    static const QStringList scopes {
        QStringLiteral("user:information"),
        QStringLiteral("account:information"),
        QStringLiteral("position:information"),
        QStringLiteral("order:execution"),
        QStringLiteral("order:information"),
        QStringLiteral("market:information"),
        QStringLiteral("market:supplemental"),
        QStringLiteral("calendar:information"),
    };
    return scopes;
}

QString scopeUserEmail(qsizetype index)
{
    return QStringLiteral("scope%1@example.com").arg(index);
}

bool isDecimalString(const nlohmann::json &value)
{
    static const QRegularExpression decimal(QStringLiteral("^-?\\d+(\\.\\d+)?$"));
    return value.is_string() && decimal.match(QString::fromStdString(value.get<std::string>())).hasMatch();
}

qint64 nowSeconds()
{
    return QDateTime::currentSecsSinceEpoch();
}

/** A request of the scope and authentication tables; "{account}" in path and body is the caller's account. */
struct EndpointCall
{
    QByteArray method;
    QString path;
    QByteArray body;
};

} // namespace

Q_DECLARE_METATYPE(EndpointCall)

class TestSandboxApi final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void endpoint_tokenWithoutScope_isForbidden_data();
    void endpoint_tokenWithoutScope_isForbidden();
    void endpoint_badOrMissingToken_isUnauthorized_data();
    void endpoint_badOrMissingToken_isUnauthorized();
    void usersMe_shape();
    void accounts_demoUser_hasMarginAndCashAccounts();
    void accounts_addedUser_hasOwnMarginAccount();
    void balances_shape();
    void positions_shape();
    void positions_count_equalsPositionsFlag_data();
    void positions_count_equalsPositionsFlag();
    void portfolioControl_reseedsDemoPositions();
    void accountEndpoints_otherUsersAccount_isNotFound_data();
    void accountEndpoints_otherUsersAccount_isNotFound();
    void search_prefix_returnsMatchingSymbols();
    void search_limit_isHonoured();
    void search_optionsOrFuturesQuery_isEmpty_data();
    void search_optionsOrFuturesQuery_isEmpty();
    void search_missingQuery_isBadRequest();
    void lastTrade_shape();
    void lastQuote_shape();
    void prev_shape();
    void stocks_unknownOrMissingTicker_isRejected_data();
    void stocks_unknownOrMissingTicker_isRejected();
    void chart_daily_returnsAlignedBars();
    void chart_milliseconds_areConverted();
    void chart_resolutions_areAccepted_data();
    void chart_resolutions_areAccepted();
    void chart_manyMinutes_isCappedAt5000LatestBars();
    void chart_futureRange_isNoData();
    void chart_badRequest_isErrorWithStatus200_data();
    void chart_badRequest_isErrorWithStatus200();
    void market_tick_movesPrices();
    void market_sameSeedAndTicks_giveSamePrices();

private:
    TestHttpResponse call(const EndpointCall &endpoint, const QString &account, const HttpHeaders &headers);
    TestHttpResponse get(const QString &path, const QString &token = {});
    /** The endpoint table shared by the scope and authentication tests. */
    static void addEndpointRows();
    static QString firstAccountId(SandboxProcess &sandbox, const QString &token, const QString &accountClass);

    std::unique_ptr<SandboxProcess> m_sandbox;
    SandboxTokens m_demo;
    QString m_demoMargin;
    QString m_demoCash;
    SandboxTokens m_alice;
    QString m_aliceAccount;
    QList<SandboxTokens> m_scopeTokens; ///< Index = singleScopes() index
    QStringList m_scopeAccounts;
};

void TestSandboxApi::initTestCase()
{
    QStringList args {QStringLiteral("--tick-ms"), QStringLiteral("0"), QStringLiteral("--positions"),
        QStringLiteral("5"), QStringLiteral("--user"), kAlice + u':' + kAlicePassword};
    for (qsizetype i = 0; i < singleScopes().size(); ++i)
        args << QStringLiteral("--user") << scopeUserEmail(i) + u':' + kScopeUserPassword;
    m_sandbox = std::make_unique<SandboxProcess>();
    QVERIFY2(m_sandbox->start(args), qPrintable(m_sandbox->errorString()));

    m_demo = SandboxSignIn::signIn(*m_sandbox);
    QVERIFY(m_demo.isValid());
    m_demoMargin = firstAccountId(*m_sandbox, m_demo.accessToken, QStringLiteral("MARGIN"));
    m_demoCash = firstAccountId(*m_sandbox, m_demo.accessToken, QStringLiteral("CASH"));
    QVERIFY(!m_demoMargin.isEmpty());
    QVERIFY(!m_demoCash.isEmpty());
    m_alice = SandboxSignIn::signIn(*m_sandbox, kAlice, kAlicePassword);
    QVERIFY(m_alice.isValid());
    m_aliceAccount = firstAccountId(*m_sandbox, m_alice.accessToken, QStringLiteral("MARGIN"));
    QVERIFY(!m_aliceAccount.isEmpty());

    // Each scope user: first all scopes requested but only one allowed on the consent page, then (the
    // consent page again, since not everything was allowed) all allowed, to learn the account id.
    for (qsizetype i = 0; i < singleScopes().size(); ++i) {
        const SandboxTokens restricted = SandboxSignIn::signIn(
            *m_sandbox, scopeUserEmail(i), kScopeUserPassword, allSandboxScopes(), {singleScopes().at(i)});
        QVERIFY(restricted.isValid());
        QCOMPARE(restricted.scope, singleScopes().at(i));
        const SandboxTokens full =
            SandboxSignIn::signIn(*m_sandbox, scopeUserEmail(i), kScopeUserPassword, allSandboxScopes());
        QVERIFY(full.isValid());
        QCOMPARE(full.scope.split(u' ').size(), allSandboxScopes().size());
        m_scopeTokens.append(restricted);
        m_scopeAccounts.append(firstAccountId(*m_sandbox, full.accessToken, QStringLiteral("MARGIN")));
        QVERIFY(!m_scopeAccounts.constLast().isEmpty());
    }
}

void TestSandboxApi::cleanupTestCase()
{
    m_sandbox.reset();
}

QString TestSandboxApi::firstAccountId(SandboxProcess &sandbox, const QString &token, const QString &accountClass)
{
    const auto response = sandbox.http().get(sandbox.url(QStringLiteral("/v1/users/me/accounts")), {bearer(token)});
    const auto body = response.json();
    if (!body.is_object() || !body.contains("accounts") || !body["accounts"].is_array())
        return {};
    for (const auto &account : body["accounts"]) {
        if (jsonText(account, "account_class") == accountClass)
            return jsonText(account, "sterling_account_id");
    }
    return {};
}

TestHttpResponse TestSandboxApi::call(const EndpointCall &endpoint, const QString &account, const HttpHeaders &headers)
{
    QString path = endpoint.path;
    path.replace(QLatin1String("{account}"), account);
    QByteArray body = endpoint.body;
    body.replace("{account}", account.toUtf8());
    const QUrl url = m_sandbox->url(path);
    if (endpoint.method == "POST")
        return m_sandbox->http().postJson(url, body, headers);
    return m_sandbox->http().get(url, headers);
}

TestHttpResponse TestSandboxApi::get(const QString &path, const QString &token)
{
    return m_sandbox->http().get(m_sandbox->url(path), {bearer(token.isEmpty() ? m_demo.accessToken : token)});
}

void TestSandboxApi::addEndpointRows()
{
    QTest::addColumn<EndpointCall>("endpoint");
    QTest::addColumn<QStringList>("scopes");
    const QString from =
        QString::fromLatin1(QUrl::toPercentEncoding(QDateTime::currentDateTimeUtc().addDays(-1).toString(Qt::ISODate)));
    const QString chart = QStringLiteral("/v1/chart/history?symbol=AAPL&resolution=D&from=%1&to=%2")
                              .arg(nowSeconds() - 30 * 86400)
                              .arg(nowSeconds());
    const QByteArray order = R"({"tradingAccountId":"{account}","symbol":"AAPL","side":"BUY","type":"LIMIT",)"
                             R"("qty":"1","price":"1.00","timeInForce":"DAY"})";
    const QByteArray change = R"({"origClOrdId":"no-such-order","tradingAccountId":"{account}","symbol":"AAPL",)"
                              R"("price":"2.00"})";
    const QStringList user {QStringLiteral("user:information")};
    const QStringList account {QStringLiteral("account:information")};
    const QStringList execution {QStringLiteral("order:execution")};
    const QStringList information {QStringLiteral("order:information")};
    const QStringList market {QStringLiteral("market:information")};
    const QStringList supplemental {QStringLiteral("market:supplemental"), QStringLiteral("market:information")};

    QTest::newRow("users/me") << EndpointCall {"GET", QStringLiteral("/v1/users/me"), {}} << user;
    QTest::newRow("users/me/accounts") << EndpointCall {"GET", QStringLiteral("/v1/users/me/accounts"), {}}
                                       << QStringList {user.at(0), account.at(0)};
    QTest::newRow("balances") << EndpointCall {"GET", QStringLiteral("/v1/accounts/{account}/balances"), {}} << account;
    QTest::newRow("positions") << EndpointCall {"GET", QStringLiteral("/v1/accounts/{account}/positions"), {}}
                               << QStringList {account.at(0), QStringLiteral("position:information")};
    QTest::newRow("place order") << EndpointCall {"POST", QStringLiteral("/v1/orders"), order} << execution;
    QTest::newRow("preview order") << EndpointCall {"POST", QStringLiteral("/v1/orders/preview"), order} << execution;
    QTest::newRow("replace order") << EndpointCall {"POST", QStringLiteral("/v1/orders/replace"), change} << execution;
    QTest::newRow("cancel order") << EndpointCall {"POST", QStringLiteral("/v1/orders/cancel"), change} << execution;
    QTest::newRow("v2 orders") << EndpointCall {"GET", QStringLiteral("/v2/accounts/{account}/orders"), {}}
                               << information;
    QTest::newRow("v2 order history") << EndpointCall {"GET",
        QStringLiteral("/v2/accounts/{account}/orders/history?from=") + from, {}}
                                      << information;
    QTest::newRow("search") << EndpointCall {"GET", QStringLiteral("/v1/marketdata/search?query=AA"), {}} << market;
    QTest::newRow("chart history") << EndpointCall {"GET", chart, {}} << market;
    QTest::newRow("last-trade") << EndpointCall {"GET", QStringLiteral("/v1/stocks/last-trade?ticker=AAPL"), {}}
                                << supplemental;
    QTest::newRow("last-quote") << EndpointCall {"GET", QStringLiteral("/v1/stocks/last-quote?ticker=AAPL"), {}}
                                << supplemental;
    QTest::newRow("prev") << EndpointCall {"GET", QStringLiteral("/v1/stocks/prev?ticker=AAPL"), {}} << supplemental;
}

void TestSandboxApi::endpoint_tokenWithoutScope_isForbidden_data()
{
    addEndpointRows();
}

void TestSandboxApi::endpoint_tokenWithoutScope_isForbidden()
{
    QFETCH(EndpointCall, endpoint);
    QFETCH(QStringList, scopes);
    for (qsizetype i = 0; i < singleScopes().size(); ++i) {
        const QString &scope = singleScopes().at(i);
        const auto response = call(endpoint, m_scopeAccounts.at(i), {bearer(m_scopeTokens.at(i).accessToken)});
        const QByteArray context = "token scope " + scope.toUtf8() + ": " + response.describe();
        if (scopes.contains(scope)) {
            QVERIFY2(response.status == 200, context.constData());
            continue;
        }
        QVERIFY2(response.status == 403, context.constData());
        const auto body = response.json();
        QVERIFY2(jsonText(body, "error") == u"insufficient_scope", context.constData());
        const QString message = jsonText(body, "message");
        static const QRegularExpression pattern(QStringLiteral("^This request needs the scope (\\S+)$"));
        const auto match = pattern.match(message);
        QVERIFY2(match.hasMatch(), context.constData());
        QVERIFY2(scopes.contains(match.captured(1)), context.constData());
    }
}

void TestSandboxApi::endpoint_badOrMissingToken_isUnauthorized_data()
{
    addEndpointRows();
}

void TestSandboxApi::endpoint_badOrMissingToken_isUnauthorized()
{
    QFETCH(EndpointCall, endpoint);
    const QList<HttpHeaders> variants {
        {},
        {bearer(QStringLiteral("not-a-token"))},
        {{QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ")}},
        {{QByteArrayLiteral("Authorization"), "Bearer " + m_demo.refreshToken.toUtf8()}},
        {{QByteArrayLiteral("Authorization"), m_demo.accessToken.toUtf8()}},
        {{QByteArrayLiteral("Authorization"), QByteArrayLiteral("Basic ZGVtbzpzYW5kYm94")}},
    };
    for (const HttpHeaders &headers : variants) {
        const auto response = call(endpoint, m_demoMargin, headers);
        const QByteArray context = (headers.isEmpty() ? QByteArray("no header") : headers.first().second.left(20))
            + ": " + response.describe();
        QVERIFY2(response.status == 401, context.constData());
        const auto body = response.json();
        QVERIFY2(jsonText(body, "error") == u"unauthorized", context.constData());
        QVERIFY2(jsonText(body, "message") == u"Invalid or expired token", context.constData());
        QVERIFY2(response.header("WWW-Authenticate") == "Bearer error=\"invalid_token\"", context.constData());
    }
}

void TestSandboxApi::usersMe_shape()
{
    const auto response = get(QStringLiteral("/v1/users/me"));
    QVERIFY2(response.status == 200, response.describe().constData());
    const auto me = response.json();
    QVERIFY(me.is_object());
    QVERIFY(me.contains("id") && me["id"].is_number_integer());
    QCOMPARE(jsonText(me, "email"), m_sandbox->demoUser());
    QVERIFY(me.contains("email_verified") && me["email_verified"].is_boolean());
    QCOMPARE(me["email_verified"].get<bool>(), true);
    QCOMPARE(jsonText(me, "country"), QStringLiteral("US"));
    QVERIFY(QDateTime::fromString(jsonText(me, "created_at"), Qt::ISODateWithMs).isValid());
    QVERIFY(QDateTime::fromString(jsonText(me, "updated_at"), Qt::ISODateWithMs).isValid());

    const auto alice = get(QStringLiteral("/v1/users/me"), m_alice.accessToken).json();
    QCOMPARE(jsonText(alice, "email"), kAlice);
    QVERIFY(alice["id"] != me["id"]);
}

void TestSandboxApi::accounts_demoUser_hasMarginAndCashAccounts()
{
    const auto response = get(QStringLiteral("/v1/users/me/accounts"));
    QVERIFY2(response.status == 200, response.describe().constData());
    const auto body = response.json();
    QVERIFY(body.is_object() && body.contains("accounts") && body["accounts"].is_array());
    QCOMPARE(body["accounts"].size(), std::size_t(2));
    QStringList classes;
    for (const auto &account : body["accounts"]) {
        QVERIFY(account.contains("id"));
        for (const char *key : {"fdid", "apex_id", "apex_account_id", "sterling_account_id", "account_type"})
            QVERIFY2(account.contains(key) && account[key].is_string(), key);
        QVERIFY(!jsonText(account, "sterling_account_id").isEmpty());
        QCOMPARE(jsonText(account, "status"), QStringLiteral("OPEN"));
        QVERIFY(account.contains("is_sim") && account["is_sim"].is_boolean());
        QCOMPARE(account["is_sim"].get<bool>(), true);
        classes.append(jsonText(account, "account_class"));
    }
    classes.sort();
    QCOMPARE(classes, (QStringList {QStringLiteral("CASH"), QStringLiteral("MARGIN")}));
    QVERIFY(m_demoMargin != m_demoCash);
}

void TestSandboxApi::accounts_addedUser_hasOwnMarginAccount()
{
    const auto body = get(QStringLiteral("/v1/users/me/accounts"), m_alice.accessToken).json();
    QVERIFY(body.is_object() && body["accounts"].is_array());
    QCOMPARE(body["accounts"].size(), std::size_t(1));
    QCOMPARE(jsonText(body["accounts"][0], "account_class"), QStringLiteral("MARGIN"));
    QVERIFY(m_aliceAccount != m_demoMargin && m_aliceAccount != m_demoCash);

    const auto balances = get(QStringLiteral("/v1/accounts/%1/balances").arg(m_aliceAccount), m_alice.accessToken);
    QVERIFY2(balances.status == 200, balances.describe().constData());
    QCOMPARE(jsonText(balances.json(), "accountId"), m_aliceAccount);
    const auto positions = get(QStringLiteral("/v1/accounts/%1/positions").arg(m_aliceAccount), m_alice.accessToken);
    QVERIFY2(positions.status == 200, positions.describe().constData());
    QVERIFY(!positions.json()["positions"].empty()); // "a small portfolio"
}

void TestSandboxApi::balances_shape()
{
    for (const QString &account : {m_demoMargin, m_demoCash}) {
        const auto response = get(QStringLiteral("/v1/accounts/%1/balances").arg(account));
        QVERIFY2(response.status == 200, response.describe().constData());
        const auto body = response.json();
        QVERIFY(body.is_object());
        QCOMPARE(jsonText(body, "accountId"), account);
        for (const char *key : {"stockBuyingPower", "totalEquity", "settledFunds", "unrealizedPl", "realizedPl"}) {
            const QByteArray context = account.toUtf8() + ' ' + key;
            QVERIFY2(body.contains(key) && isDecimalString(body[key]), context.constData());
        }
        QVERIFY(body.contains("pendingOrdersCount") && body["pendingOrdersCount"].is_number_integer());
    }
}

void TestSandboxApi::positions_shape()
{
    const auto response = get(QStringLiteral("/v1/accounts/%1/positions").arg(m_demoMargin));
    QVERIFY2(response.status == 200, response.describe().constData());
    const auto body = response.json();
    QVERIFY(body.is_object() && body["positions"].is_array());
    QCOMPARE(body["positions"].size(), std::size_t(5));
    QStringList symbols;
    for (const auto &position : body["positions"]) {
        QCOMPARE(jsonText(position, "accountId"), m_demoMargin);
        QVERIFY(!jsonText(position, "symbol").isEmpty());
        symbols.append(jsonText(position, "symbol"));
        QCOMPARE(jsonText(position, "securityType"), QStringLiteral("EQUITY"));
        for (const char *key : {"quantity", "averagePrice", "todayRealizedPnL", "unrealizedPl", "dailyPl"})
            QVERIFY2(position.contains(key) && isDecimalString(position[key]), key);
        QVERIFY(QDateTime::fromString(jsonText(position, "createdAt"), Qt::ISODateWithMs).isValid());
    }
    symbols.removeDuplicates();
    QCOMPARE(symbols.size(), 5);
    QVERIFY(body["availability"].is_object());
    QCOMPARE(body["availability"].value("available", false), true);
    QCOMPARE(jsonText(body["availability"], "source"), QStringLiteral("cache"));
}

void TestSandboxApi::positions_count_equalsPositionsFlag_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("count");
    QTest::newRow("default") << QStringList() << 8;
    QTest::newRow("one") << QStringList {QStringLiteral("--positions"), QStringLiteral("1")} << 1;
    QTest::newRow("beyond the real tickers")
        << QStringList {QStringLiteral("--positions"), QStringLiteral("120")} << 120;
}

void TestSandboxApi::positions_count_equalsPositionsFlag()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, count);
    SandboxProcess sandbox;
    QVERIFY2(sandbox.start(arguments + QStringList {QStringLiteral("--tick-ms"), QStringLiteral("0")}),
        qPrintable(sandbox.errorString()));
    const SandboxTokens tokens = SandboxSignIn::signIn(sandbox, {QStringLiteral("account:information")});
    QVERIFY(tokens.isValid());
    const QString account = firstAccountId(sandbox, tokens.accessToken, QStringLiteral("MARGIN"));
    QVERIFY(!account.isEmpty());
    const auto response = sandbox.http().get(
        sandbox.url(QStringLiteral("/v1/accounts/%1/positions").arg(account)), {bearer(tokens.accessToken)});
    QVERIFY2(response.status == 200, response.describe().constData());
    const auto positions = response.json()["positions"];
    QVERIFY(positions.is_array());
    QCOMPARE(int(positions.size()), count);
    QStringList symbols;
    for (const auto &position : positions)
        symbols.append(jsonText(position, "symbol"));
    symbols.removeDuplicates();
    QCOMPARE(int(symbols.size()), count);
}

void TestSandboxApi::portfolioControl_reseedsDemoPositions()
{
    SandboxProcess sandbox;
    QVERIFY2(sandbox.start({QStringLiteral("--positions"), QStringLiteral("120"), QStringLiteral("--tick-ms"),
                 QStringLiteral("0")}),
        qPrintable(sandbox.errorString()));
    const SandboxTokens tokens = SandboxSignIn::signIn(sandbox, {QStringLiteral("account:information")});
    QVERIFY(tokens.isValid());
    const QString account = firstAccountId(sandbox, tokens.accessToken, QStringLiteral("MARGIN"));
    const auto count = [&]() {
        const auto response = sandbox.http().get(
            sandbox.url(QStringLiteral("/v1/accounts/%1/positions").arg(account)), {bearer(tokens.accessToken)});
        return response.status == 200 ? int(response.json()["positions"].size()) : -1;
    };
    const QUrl control = sandbox.url(QStringLiteral("/_sandbox/portfolio"));
    for (const int wanted : {10, 0, 120}) {
        QCOMPARE(sandbox.http().postJson(control, nlohmann::json {{"positions", wanted}}).status, 200);
        QCOMPARE(count(), wanted);
    }
    // Beyond the symbols the sandbox has: every tradable one, and no more.
    QCOMPARE(sandbox.http().postJson(control, nlohmann::json {{"positions", 5000}}).status, 200);
    const int all = count();
    QVERIFY2(all >= 120 && all < 5000, qPrintable(QString::number(all)));
    for (const nlohmann::json &bad :
        {nlohmann::json {{"positions", -1}}, nlohmann::json {{"positions", "10"}}, nlohmann::json::object()})
        QCOMPARE(sandbox.http().postJson(control, bad).status, 400);
    QCOMPARE(count(), all);
}

void TestSandboxApi::accountEndpoints_otherUsersAccount_isNotFound_data()
{
    QTest::addColumn<QString>("pathTemplate");
    QTest::addColumn<bool>("unknownAccount");
    const QString from =
        QString::fromLatin1(QUrl::toPercentEncoding(QDateTime::currentDateTimeUtc().addDays(-1).toString(Qt::ISODate)));
    const QStringList paths {QStringLiteral("/v1/accounts/%1/balances"), QStringLiteral("/v1/accounts/%1/positions"),
        QStringLiteral("/v2/accounts/%1/orders"), QStringLiteral("/v2/accounts/%1/orders/history?from=") + from};
    for (const QString &path : paths) {
        QTest::newRow(qPrintable(path.section(u'?', 0, 0) + QStringLiteral(" (alice's)"))) << path << false;
        QTest::newRow(qPrintable(path.section(u'?', 0, 0) + QStringLiteral(" (unknown)"))) << path << true;
    }
}

void TestSandboxApi::accountEndpoints_otherUsersAccount_isNotFound()
{
    QFETCH(QString, pathTemplate);
    QFETCH(bool, unknownAccount);
    const QString account = unknownAccount ? QStringLiteral("SBX-99999999") : m_aliceAccount;
    const auto response = get(pathTemplate.arg(account));
    QVERIFY2(response.status == 404, response.describe().constData());
    const auto body = response.json();
    QCOMPARE(jsonText(body, "error"), QStringLiteral("not_found"));
    QVERIFY(body.contains("message") && body["message"].is_string());

    // Alice herself may.
    if (!unknownAccount)
        QCOMPARE(get(pathTemplate.arg(account), m_alice.accessToken).status, 200);
}

void TestSandboxApi::search_prefix_returnsMatchingSymbols()
{
    const auto response = get(QStringLiteral("/v1/marketdata/search?query=AAP&limit=5"));
    QVERIFY2(response.status == 200, response.describe().constData());
    const auto results = response.json();
    QVERIFY(results.is_array());
    QVERIFY(!results.empty());
    QVERIFY(results.size() <= 5);
    QCOMPARE(jsonText(results[0], "symbol"), QStringLiteral("AAPL"));
    QCOMPARE(jsonText(results[0], "type"), QStringLiteral("stock"));
    for (const auto &item : results) {
        for (const char *key : {"symbol", "description", "tag", "type"})
            QVERIFY2(item.contains(key) && item[key].is_string(), key);
        const QString type = jsonText(item, "type");
        QVERIFY2(type == u"stock" || type == u"index", qPrintable(type));
    }
    const auto msft = get(QStringLiteral("/v1/marketdata/search?query=MSF")).json();
    QVERIFY(msft.is_array() && !msft.empty());
    QCOMPARE(jsonText(msft[0], "symbol"), QStringLiteral("MSFT"));
    QCOMPARE(jsonText(msft[0], "description"), QStringLiteral("Microsoft Corporation"));
}

void TestSandboxApi::search_limit_isHonoured()
{
    for (int limit : {1, 3, 7}) {
        const auto results = get(QStringLiteral("/v1/marketdata/search?query=A&limit=%1").arg(limit)).json();
        QVERIFY(results.is_array());
        QCOMPARE(int(results.size()), limit);
    }
}

void TestSandboxApi::search_optionsOrFuturesQuery_isEmpty_data()
{
    QTest::addColumn<QString>("query");
    QTest::newRow("option") << ".AAPL";
    QTest::newRow("dot only") << ".";
    QTest::newRow("future") << "/ES";
    QTest::newRow("slash only") << "/";
}

void TestSandboxApi::search_optionsOrFuturesQuery_isEmpty()
{
    QFETCH(QString, query);
    const auto response =
        get(QStringLiteral("/v1/marketdata/search?query=") + QString::fromLatin1(QUrl::toPercentEncoding(query)));
    QVERIFY2(response.status == 200, response.describe().constData());
    QVERIFY2(response.json() == nlohmann::json::array(), response.describe().constData());
}

void TestSandboxApi::search_missingQuery_isBadRequest()
{
    const auto response = get(QStringLiteral("/v1/marketdata/search?limit=5"));
    QVERIFY2(response.status == 400, response.describe().constData());
    QCOMPARE(jsonText(response.json(), "error"), QStringLiteral("bad_request"));
}

void TestSandboxApi::lastTrade_shape()
{
    const auto response = get(QStringLiteral("/v1/stocks/last-trade?ticker=AAPL"));
    QVERIFY2(response.status == 200, response.describe().constData());
    const auto body = response.json();
    QVERIFY(body.contains("requestId") && body["requestId"].is_string());
    QCOMPARE(jsonText(body, "status"), QStringLiteral("OK"));
    QVERIFY(body["results"].is_object());
    QCOMPARE(jsonText(body["results"], "ticker"), QStringLiteral("AAPL"));
    QVERIFY(body["results"]["price"].is_number());
    QVERIFY(body["results"]["price"].get<double>() > 0);
}

void TestSandboxApi::lastQuote_shape()
{
    const auto response = get(QStringLiteral("/v1/stocks/last-quote?ticker=MSFT"));
    QVERIFY2(response.status == 200, response.describe().constData());
    const auto body = response.json();
    QVERIFY(body.contains("requestId") && body["requestId"].is_string());
    const auto &results = body["results"];
    QVERIFY(results.is_object());
    QCOMPARE(jsonText(results, "ticker"), QStringLiteral("MSFT"));
    for (const char *key : {"bidPrice", "askPrice", "bidSize", "askSize"})
        QVERIFY2(results.contains(key) && results[key].is_number(), key);
    QVERIFY(results["bidPrice"].get<double>() > 0);
    QVERIFY(results["bidPrice"].get<double>() <= results["askPrice"].get<double>());
}

void TestSandboxApi::prev_shape()
{
    const auto response = get(QStringLiteral("/v1/stocks/prev?ticker=AAPL"));
    QVERIFY2(response.status == 200, response.describe().constData());
    const auto body = response.json();
    QCOMPARE(jsonText(body, "ticker"), QStringLiteral("AAPL"));
    QVERIFY(body.contains("adjusted") && body["adjusted"].is_boolean());
    QCOMPARE(jsonText(body, "status"), QStringLiteral("OK"));
    QVERIFY(body["results"].is_array());
    QCOMPARE(body["results"].size(), std::size_t(1));
    const auto &bar = body["results"][0];
    QCOMPARE(jsonText(bar, "T"), QStringLiteral("AAPL"));
    for (const char *key : {"o", "h", "l", "c", "v", "vw", "n", "t"})
        QVERIFY2(bar.contains(key) && bar[key].is_number(), key);
    QVERIFY(bar["h"].get<double>() >= bar["l"].get<double>());
}

void TestSandboxApi::stocks_unknownOrMissingTicker_isRejected_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("error");
    for (const char *endpoint : {"last-trade", "last-quote", "prev"}) {
        const QString base = QStringLiteral("/v1/stocks/") + QLatin1String(endpoint);
        QTest::addRow("%s unknown", endpoint) << base + QStringLiteral("?ticker=NOPEX") << 404 << "not_found";
        QTest::addRow("%s missing", endpoint) << base << 400 << "bad_request";
        QTest::addRow("%s empty", endpoint) << base + QStringLiteral("?ticker=") << 400 << "bad_request";
    }
}

void TestSandboxApi::stocks_unknownOrMissingTicker_isRejected()
{
    QFETCH(QString, path);
    QFETCH(int, status);
    QFETCH(QString, error);
    const auto response = get(path);
    QVERIFY2(response.status == status, response.describe().constData());
    QCOMPARE(jsonText(response.json(), "error"), error);
}

void TestSandboxApi::chart_daily_returnsAlignedBars()
{
    const qint64 from = nowSeconds() - 60 * 86400;
    const qint64 to = nowSeconds();
    const auto response =
        get(QStringLiteral("/v1/chart/history?symbol=AAPL&resolution=D&from=%1&to=%2").arg(from).arg(to));
    QVERIFY2(response.status == 200, response.describe().constData());
    const auto body = response.json();
    QCOMPARE(jsonText(body, "s"), QStringLiteral("ok"));
    for (const char *key : {"t", "o", "h", "l", "c", "v"})
        QVERIFY2(body.contains(key) && body[key].is_array(), key);
    const std::size_t count = body["t"].size();
    QVERIFY(count > 0);
    for (const char *key : {"o", "h", "l", "c", "v"})
        QVERIFY2(body[key].size() == count, key);
    qint64 previous = 0;
    for (std::size_t i = 0; i < count; ++i) {
        const qint64 t = body["t"][i].get<qint64>();
        QVERIFY(t > previous);
        QVERIFY(t >= from - 86400 && t < to);
        previous = t;
        const double o = body["o"][i].get<double>();
        const double c = body["c"][i].get<double>();
        QVERIFY(body["h"][i].get<double>() >= std::max(o, c));
        QVERIFY(body["l"][i].get<double>() <= std::min(o, c));
    }
}

void TestSandboxApi::chart_milliseconds_areConverted()
{
    const qint64 from = nowSeconds() - 10 * 86400;
    const qint64 to = nowSeconds();
    const QString path = QStringLiteral("/v1/chart/history?symbol=MSFT&resolution=60&from=%1&to=%2");
    const auto seconds = get(path.arg(from).arg(to)).json();
    const auto millis = get(path.arg(from * 1000).arg(to * 1000)).json();
    QCOMPARE(jsonText(seconds, "s"), QStringLiteral("ok"));
    QCOMPARE(jsonText(millis, "s"), QStringLiteral("ok"));
    QVERIFY(!seconds["t"].empty());
    QVERIFY(millis["t"] == seconds["t"]);
}

void TestSandboxApi::chart_resolutions_areAccepted_data()
{
    QTest::addColumn<QString>("resolution");
    for (const char *resolution :
        {"1", "3", "5", "15", "30", "45", "60", "120", "180", "240", "D", "1D", "W", "1W", "M", "1M"})
        QTest::newRow(resolution) << QString::fromLatin1(resolution);
}

void TestSandboxApi::chart_resolutions_areAccepted()
{
    QFETCH(QString, resolution);
    const auto response = get(QStringLiteral("/v1/chart/history?symbol=NVDA&resolution=%1&from=%2&to=%3")
                                  .arg(resolution)
                                  .arg(nowSeconds() - 400 * 86400)
                                  .arg(nowSeconds()));
    QVERIFY2(response.status == 200, response.describe().constData());
    const auto body = response.json();
    QVERIFY2(jsonText(body, "s") == u"ok", response.describe().constData());
    QVERIFY(!body["t"].empty());
    QVERIFY(body["t"].size() <= 5000);
    for (const char *key : {"o", "h", "l", "c", "v"})
        QVERIFY2(body[key].size() == body["t"].size(), key);
}

void TestSandboxApi::chart_manyMinutes_isCappedAt5000LatestBars()
{
    const qint64 to = nowSeconds();
    const auto recent =
        get(QStringLiteral("/v1/chart/history?symbol=AAPL&resolution=1&from=%1&to=%2").arg(to - 90 * 86400).arg(to))
            .json();
    QCOMPARE(jsonText(recent, "s"), QStringLiteral("ok"));
    QCOMPARE(recent["t"].size(), std::size_t(5000));
    QCOMPARE(recent["c"].size(), std::size_t(5000));
    // The latest bars: the same request with an earlier start ends with the same bar.
    const auto longer =
        get(QStringLiteral("/v1/chart/history?symbol=AAPL&resolution=1&from=%1&to=%2").arg(to - 120 * 86400).arg(to))
            .json();
    QCOMPARE(longer["t"].size(), std::size_t(5000));
    QVERIFY(longer["t"].back() == recent["t"].back());
}

void TestSandboxApi::chart_futureRange_isNoData()
{
    const qint64 from = nowSeconds() + 30 * 86400;
    const auto response = get(
        QStringLiteral("/v1/chart/history?symbol=AAPL&resolution=D&from=%1&to=%2").arg(from).arg(from + 10 * 86400));
    QVERIFY2(response.status == 200, response.describe().constData());
    QCOMPARE(jsonText(response.json(), "s"), QStringLiteral("no_data"));
}

void TestSandboxApi::chart_badRequest_isErrorWithStatus200_data()
{
    QTest::addColumn<QString>("query");
    const qint64 now = nowSeconds();
    const QString range = QStringLiteral("&from=%1&to=%2").arg(now - 86400 * 10).arg(now);
    QTest::newRow("unknown symbol") << QStringLiteral("symbol=NOPEX&resolution=D") + range;
    QTest::newRow("bad resolution 7") << QStringLiteral("symbol=AAPL&resolution=7") + range;
    QTest::newRow("bad resolution text") << QStringLiteral("symbol=AAPL&resolution=hourly") + range;
    QTest::newRow("to equals from") << QStringLiteral("symbol=AAPL&resolution=D&from=%1&to=%1").arg(now - 86400);
    QTest::newRow("to before from")
        << QStringLiteral("symbol=AAPL&resolution=D&from=%1&to=%2").arg(now).arg(now - 86400 * 10);
}

void TestSandboxApi::chart_badRequest_isErrorWithStatus200()
{
    QFETCH(QString, query);
    const auto response = get(QStringLiteral("/v1/chart/history?") + query);
    QVERIFY2(response.status == 200, response.describe().constData());
    const auto body = response.json();
    QCOMPARE(jsonText(body, "s"), QStringLiteral("error"));
    QVERIFY(body.contains("errmsg") && body["errmsg"].is_string());
}

void TestSandboxApi::market_tick_movesPrices()
{
    const QStringList symbols {QStringLiteral("XOM"), QStringLiteral("CVX"), QStringLiteral("PEP"),
        QStringLiteral("JNJ"), QStringLiteral("HON")};
    const auto prices = [&] {
        QList<double> result;
        for (const QString &symbol : symbols) {
            const auto body = get(QStringLiteral("/v1/stocks/last-trade?ticker=") + symbol).json();
            result.append(body.is_object() && body["results"].is_object() ? body["results"].value("price", 0.0) : 0.0);
        }
        return result;
    };
    const QList<double> before = prices();
    QVERIFY(!before.contains(0.0));
    QVERIFY(m_sandbox->tick(30));
    const QList<double> after = prices();
    QVERIFY(!after.contains(0.0));
    QVERIFY(after != before);
}

void TestSandboxApi::market_sameSeedAndTicks_giveSamePrices()
{
    const QStringList symbols {QStringLiteral("AAPL"), QStringLiteral("MSFT"), QStringLiteral("KO"),
        QStringLiteral("PFE"), QStringLiteral("XOM")};
    const auto pricesAfterTicks = [&](const QString &seed) {
        QList<double> result;
        SandboxProcess sandbox;
        if (!sandbox.start({QStringLiteral("--seed"), seed, QStringLiteral("--tick-ms"), QStringLiteral("0")}))
            return result;
        const SandboxTokens tokens = SandboxSignIn::signIn(sandbox, {QStringLiteral("market:supplemental")});
        if (!tokens.isValid() || !sandbox.tick(25))
            return result;
        for (const QString &symbol : symbols) {
            const auto body = sandbox.http()
                                  .get(sandbox.url(QStringLiteral("/v1/stocks/last-trade?ticker=") + symbol),
                                      {bearer(tokens.accessToken)})
                                  .json();
            result.append(body.is_object() && body["results"].is_object() ? body["results"].value("price", 0.0) : 0.0);
        }
        return result;
    };
    const QList<double> first = pricesAfterTicks(QStringLiteral("7"));
    const QList<double> again = pricesAfterTicks(QStringLiteral("7"));
    const QList<double> other = pricesAfterTicks(QStringLiteral("8"));
    QCOMPARE(first.size(), symbols.size());
    QVERIFY(!first.contains(0.0));
    QCOMPARE(again, first);
    QCOMPARE(other.size(), symbols.size());
    QVERIFY(other != first);
}

QTEST_GUILESS_MAIN(TestSandboxApi)
#include "TestSandboxApi.moc"
