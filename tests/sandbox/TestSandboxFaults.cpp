// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SandboxProcess.h"
#include "SandboxSignIn.h"
#include "TestHttpClient.h"

#include <QTest>

#include <memory>

using namespace Companion::Testing;
using nlohmann::json;

namespace {

int countWithClientId(const json &orders, const QString &clientId)
{
    int count = 0;
    if (orders.is_array()) {
        for (const auto &order : orders)
            count += jsonText(order, "clientId") == clientId ? 1 : 0;
    }
    return count;
}

} // namespace

class TestSandboxFaults final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void failRateOne_apiIs503_controlAndSignInPagesAreNot();
    void rateLimit_exceeded_is429WithRetryAfter();
    void latency_requestStillSucceeds();
    void config_failRate_changesAtRunTime();
    void faultError_answersStatusWithoutProcessing_data();
    void faultError_answersStatusWithoutProcessing();
    void faultDrop_closesConnectionWithoutProcessing();
    void faultLose_processesButNeverAnswers();
    void faultTruncate_processesAndCutsTheAnswer();
    void faultHang_neverAnswersNorProcesses();
    void faultCount_nextRequestAfterCountSucceeds();
    void faultPrefix_matchesEveryPathUnderIt();
    void faultMethod_onlyMatchesThatMethod();
    void clearFaults_removesEveryRule();
    void faultRate_faultsThatShare_sameSeedSameRequests();
    void faultRate_withCount_endsAfterThatManyFaults();
    void faultRate_outOfRange_isRefused();

private:
    json orderBody(const QString &clientId) const;
    QUrl url(const QString &path) const { return m_sandbox->url(path); }
    TestHttpResponse getWithToken(const QString &path);

    std::unique_ptr<SandboxProcess> m_sandbox;
    SandboxTokens m_tokens;
    QString m_account;
    int m_tag = 0;
};

void TestSandboxFaults::initTestCase()
{
    m_sandbox = std::make_unique<SandboxProcess>();
    QVERIFY2(
        m_sandbox->start({QStringLiteral("--tick-ms"), QStringLiteral("0")}), qPrintable(m_sandbox->errorString()));
    m_tokens = SandboxSignIn::signIn(*m_sandbox);
    QVERIFY(m_tokens.isValid());
    const auto accounts = getWithToken(QStringLiteral("/v1/users/me/accounts")).json();
    QVERIFY(accounts.is_object() && accounts["accounts"].is_array());
    for (const auto &account : accounts["accounts"]) {
        if (jsonText(account, "account_class") == u"MARGIN")
            m_account = jsonText(account, "sterling_account_id");
    }
    QVERIFY(!m_account.isEmpty());
}

void TestSandboxFaults::init()
{
    QVERIFY(m_sandbox->clearFaults());
    QVERIFY(m_sandbox->resetStats());
}

void TestSandboxFaults::cleanupTestCase()
{
    m_sandbox.reset();
}

json TestSandboxFaults::orderBody(const QString &clientId) const
{
    return json {{"tradingAccountId", m_account.toStdString()}, {"symbol", "KO"}, {"side", "BUY"}, {"type", "MARKET"},
        {"qty", "1"}, {"timeInForce", "DAY"}, {"clientId", clientId.toStdString()}};
}

TestHttpResponse TestSandboxFaults::getWithToken(const QString &path)
{
    return m_sandbox->http().get(url(path), {bearer(m_tokens.accessToken)});
}

void TestSandboxFaults::failRateOne_apiIs503_controlAndSignInPagesAreNot()
{
    SandboxProcess sandbox;
    QVERIFY2(sandbox.start({QStringLiteral("--fail-rate"), QStringLiteral("1"), QStringLiteral("--tick-ms"),
                 QStringLiteral("0")}),
        qPrintable(sandbox.errorString()));
    TestHttpClient client;
    const std::size_t ordersBefore = sandbox.allOrders().size();
    for (int i = 0; i < 3; ++i) {
        const auto me = client.get(sandbox.url(QStringLiteral("/v1/users/me")), {bearer(QStringLiteral("x"))});
        QVERIFY2(me.status == 503, me.describe().constData());
    }
    const auto token = client.postJson(sandbox.url(QStringLiteral("/v1/oauth2/token")),
        json {{"grant_type", "refresh_token"}, {"client_id", "sandbox-demo-client"}, {"refresh_token", "x"}});
    QVERIFY2(token.status == 503, token.describe().constData());
    const auto order = client.postJson(sandbox.url(QStringLiteral("/v1/orders")), QByteArrayLiteral("{}"));
    QVERIFY2(order.status == 503, order.describe().constData());
    const auto v2 = client.get(sandbox.url(QStringLiteral("/v2/accounts/SBX-1/orders")));
    QVERIFY2(v2.status == 503, v2.describe().constData());

    QVERIFY(sandbox.health());
    QCOMPARE(sandbox.allOrders().size(), ordersBefore);
    QCOMPARE(sandbox.requestCount(QStringLiteral("GET /v1/users/me")), 3);
    QCOMPARE(sandbox.requestCount(QStringLiteral("POST /v1/orders")), 1);

    // The sign-in pages are never faulted.
    SandboxSignIn flow(sandbox);
    const auto page = flow.openAuthorize(flow.demoRequest({QStringLiteral("user:information")}));
    QVERIFY2(page.status == 200, page.describe().constData());
    const auto consent = flow.postLogin(
        SandboxSignIn::hiddenInput(page.body, QStringLiteral("rid")), sandbox.demoUser(), sandbox.demoPassword());
    QVERIFY2(consent.status == 200, consent.describe().constData());
}

void TestSandboxFaults::rateLimit_exceeded_is429WithRetryAfter()
{
    SandboxProcess sandbox;
    QVERIFY2(sandbox.start({QStringLiteral("--rate-limit"), QStringLiteral("2"), QStringLiteral("--tick-ms"),
                 QStringLiteral("0")}),
        qPrintable(sandbox.errorString()));
    TestHttpClient client;
    QList<TestHttpResponse> responses;
    for (int i = 0; i < 20; ++i)
        responses.append(client.get(sandbox.url(QStringLiteral("/v1/users/me"))));
    QCOMPARE(responses.first().status, 401); // the first request of the second is allowed (and has no token)
    int limited = 0;
    for (const auto &response : responses) {
        QVERIFY2(response.status == 401 || response.status == 429, response.describe().constData());
        if (response.status != 429)
            continue;
        ++limited;
        bool isNumber = false;
        const int retryAfter = response.header("Retry-After").toInt(&isNumber);
        QVERIFY2(isNumber && retryAfter >= 1, response.header("Retry-After").constData());
    }
    QVERIFY(limited > 0);
    QVERIFY(sandbox.health()); // the control API is not limited
    QCOMPARE(sandbox.requestCount(QStringLiteral("GET /v1/users/me")), 20);
}

void TestSandboxFaults::latency_requestStillSucceeds()
{
    SandboxProcess sandbox;
    QVERIFY2(sandbox.start({QStringLiteral("--latency-ms"), QStringLiteral("150"), QStringLiteral("--tick-ms"),
                 QStringLiteral("0")}),
        qPrintable(sandbox.errorString()));
    const SandboxTokens tokens = SandboxSignIn::signIn(sandbox, {QStringLiteral("market:information")});
    QVERIFY(tokens.isValid());
    const auto search = sandbox.http().get(
        sandbox.url(QStringLiteral("/v1/marketdata/search?query=AAPL")), {bearer(tokens.accessToken)});
    QVERIFY2(search.status == 200, search.describe().constData());
    QVERIFY(search.json().is_array() && !search.json().empty());
}

void TestSandboxFaults::config_failRate_changesAtRunTime()
{
    SandboxProcess sandbox;
    QVERIFY2(sandbox.start({QStringLiteral("--tick-ms"), QStringLiteral("0")}), qPrintable(sandbox.errorString()));
    const SandboxTokens tokens = SandboxSignIn::signIn(sandbox, {QStringLiteral("user:information")});
    QVERIFY(tokens.isValid());
    const auto me = [&] {
        return sandbox.http().get(sandbox.url(QStringLiteral("/v1/users/me")), {bearer(tokens.accessToken)}).status;
    };
    QCOMPARE(me(), 200);
    QVERIFY(sandbox.setConfig(json {{"failRate", 1}}));
    QCOMPARE(me(), 503);
    QCOMPARE(me(), 503);
    QVERIFY(sandbox.health());
    QVERIFY(sandbox.setConfig(json {{"failRate", 0}}));
    QCOMPARE(me(), 200);
}

void TestSandboxFaults::faultError_answersStatusWithoutProcessing_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("expected");
    QTest::newRow("default status") << 0 << 500;
    QTest::newRow("503") << 503 << 503;
    QTest::newRow("502") << 502 << 502;
}

void TestSandboxFaults::faultError_answersStatusWithoutProcessing()
{
    QFETCH(int, status);
    QFETCH(int, expected);
    QVERIFY(
        m_sandbox->addFault(QStringLiteral("/v1/orders"), QStringLiteral("error"), 1, status, QStringLiteral("POST")));
    const QString tag = QStringLiteral("error-%1").arg(++m_tag);
    const std::size_t ordersBefore = m_sandbox->allOrders().size();
    const auto faulted =
        m_sandbox->http().postJson(url(QStringLiteral("/v1/orders")), orderBody(tag), {bearer(m_tokens.accessToken)});
    QVERIFY2(faulted.status == expected, faulted.describe().constData());
    QCOMPARE(m_sandbox->allOrders().size(), ordersBefore);
    QCOMPARE(m_sandbox->requestCount(QStringLiteral("POST /v1/orders")), 1);

    // The rule was for one request: the same order now goes through, once.
    const auto placed =
        m_sandbox->http().postJson(url(QStringLiteral("/v1/orders")), orderBody(tag), {bearer(m_tokens.accessToken)});
    QVERIFY2(placed.status == 200, placed.describe().constData());
    QCOMPARE(countWithClientId(m_sandbox->allOrders(), tag), 1);
}

void TestSandboxFaults::faultDrop_closesConnectionWithoutProcessing()
{
    QVERIFY(m_sandbox->addFault(QStringLiteral("/v1/orders"), QStringLiteral("drop"), 1, 0, QStringLiteral("POST")));
    const QString tag = QStringLiteral("drop-%1").arg(++m_tag);
    const std::size_t ordersBefore = m_sandbox->allOrders().size();
    TestHttpClient client(5000);
    const auto dropped = client.sendOnce("POST", url(QStringLiteral("/v1/orders")),
        QByteArray::fromStdString(orderBody(tag).dump()), {bearer(m_tokens.accessToken)});
    QVERIFY2(dropped.status == 0 && dropped.error != QNetworkReply::NoError && !dropped.timedOut,
        dropped.describe().constData());
    QCOMPARE(m_sandbox->allOrders().size(), ordersBefore);
    QCOMPARE(m_sandbox->requestCount(QStringLiteral("POST /v1/orders")), 1);

    const auto placed = client.sendOnce("POST", url(QStringLiteral("/v1/orders")),
        QByteArray::fromStdString(orderBody(tag).dump()), {bearer(m_tokens.accessToken)});
    QVERIFY2(placed.status == 200, placed.describe().constData());
    QCOMPARE(countWithClientId(m_sandbox->allOrders(), tag), 1);
}

void TestSandboxFaults::faultLose_processesButNeverAnswers()
{
    QVERIFY(m_sandbox->addFault(QStringLiteral("/v1/orders"), QStringLiteral("lose"), 1, 0, QStringLiteral("POST")));
    const QString tag = QStringLiteral("lose-%1").arg(++m_tag);
    TestHttpClient client(5000);
    const auto lost = client.sendOnce("POST", url(QStringLiteral("/v1/orders")),
        QByteArray::fromStdString(orderBody(tag).dump()), {bearer(m_tokens.accessToken)});
    QVERIFY2(lost.status == 0 && lost.error != QNetworkReply::NoError && !lost.timedOut, lost.describe().constData());
    QVERIFY(lost.body.isEmpty());
    // Processed: exactly one order with this tag exists, and it was filled.
    const json orders = m_sandbox->allOrders();
    QCOMPARE(countWithClientId(orders, tag), 1);
    for (const auto &order : orders) {
        if (jsonText(order, "clientId") == tag)
            QCOMPARE(jsonText(order, "ordStatus"), QStringLiteral("FILLED"));
    }
    QCOMPARE(m_sandbox->requestCount(QStringLiteral("POST /v1/orders")), 1);
}

void TestSandboxFaults::faultTruncate_processesAndCutsTheAnswer()
{
    QVERIFY(
        m_sandbox->addFault(QStringLiteral("/v1/orders"), QStringLiteral("truncate"), 1, 0, QStringLiteral("POST")));
    const QString tag = QStringLiteral("truncate-%1").arg(++m_tag);
    TestHttpClient client(5000);
    const auto cut = client.sendOnce("POST", url(QStringLiteral("/v1/orders")),
        QByteArray::fromStdString(orderBody(tag).dump()), {bearer(m_tokens.accessToken)});
    QVERIFY2(cut.error != QNetworkReply::NoError && !cut.timedOut, cut.describe().constData());
    QVERIFY2(cut.json().is_discarded(), cut.describe().constData());
    QCOMPARE(countWithClientId(m_sandbox->allOrders(), tag), 1);

    // The whole answer of the same kind of request is longer than what came.
    const auto whole = client.sendOnce("POST", url(QStringLiteral("/v1/orders")),
        QByteArray::fromStdString(orderBody(tag).dump()), {bearer(m_tokens.accessToken)});
    QVERIFY2(whole.status == 200 && whole.error == QNetworkReply::NoError, whole.describe().constData());
    QVERIFY(whole.json().is_object());
    QVERIFY(cut.body.size() < whole.body.size());
}

void TestSandboxFaults::faultHang_neverAnswersNorProcesses()
{
    QVERIFY(m_sandbox->addFault(QStringLiteral("/v1/orders"), QStringLiteral("hang"), 1, 0, QStringLiteral("POST")));
    const QString tag = QStringLiteral("hang-%1").arg(++m_tag);
    TestHttpClient impatient(1500);
    const auto hung =
        impatient.postJson(url(QStringLiteral("/v1/orders")), orderBody(tag), {bearer(m_tokens.accessToken)});
    QVERIFY2(hung.timedOut && hung.status == 0, hung.describe().constData());
    QCOMPARE(countWithClientId(m_sandbox->allOrders(), tag), 0);
    QCOMPARE(m_sandbox->requestCount(QStringLiteral("POST /v1/orders")), 1);

    const auto placed =
        impatient.postJson(url(QStringLiteral("/v1/orders")), orderBody(tag), {bearer(m_tokens.accessToken)});
    QVERIFY2(placed.status == 200, placed.describe().constData());
    QCOMPARE(countWithClientId(m_sandbox->allOrders(), tag), 1);
}

void TestSandboxFaults::faultCount_nextRequestAfterCountSucceeds()
{
    QVERIFY(m_sandbox->addFault(QStringLiteral("/v1/users/me"), QStringLiteral("error"), 3, 503));
    for (int i = 0; i < 3; ++i) {
        const auto response = getWithToken(QStringLiteral("/v1/users/me"));
        QVERIFY2(response.status == 503, response.describe().constData());
    }
    const auto fourth = getWithToken(QStringLiteral("/v1/users/me"));
    QVERIFY2(fourth.status == 200, fourth.describe().constData());
    QCOMPARE(m_sandbox->requestCount(QStringLiteral("GET /v1/users/me")), 4);
}

void TestSandboxFaults::faultPrefix_matchesEveryPathUnderIt()
{
    QVERIFY(m_sandbox->addFault(QStringLiteral("/v1/stocks/*"), QStringLiteral("error"), 2, 502));
    // A path outside the prefix is untouched and does not use up the rule.
    QCOMPARE(getWithToken(QStringLiteral("/v1/marketdata/search?query=KO")).status, 200);
    QCOMPARE(getWithToken(QStringLiteral("/v1/stocks/last-trade?ticker=KO")).status, 502);
    QCOMPARE(getWithToken(QStringLiteral("/v1/stocks/last-quote?ticker=KO")).status, 502);
    QCOMPARE(getWithToken(QStringLiteral("/v1/stocks/prev?ticker=KO")).status, 200);
}

void TestSandboxFaults::faultMethod_onlyMatchesThatMethod()
{
    QVERIFY(
        m_sandbox->addFault(QStringLiteral("/v1/users/me"), QStringLiteral("error"), 1, 500, QStringLiteral("POST")));
    QCOMPARE(getWithToken(QStringLiteral("/v1/users/me")).status, 200);
    QVERIFY(m_sandbox->clearFaults());
    QVERIFY(
        m_sandbox->addFault(QStringLiteral("/v1/users/me"), QStringLiteral("error"), 1, 500, QStringLiteral("GET")));
    QCOMPARE(getWithToken(QStringLiteral("/v1/users/me")).status, 500);
    QCOMPARE(getWithToken(QStringLiteral("/v1/users/me")).status, 200);
}

void TestSandboxFaults::clearFaults_removesEveryRule()
{
    QVERIFY(m_sandbox->addFault(QStringLiteral("/v1/users/me"), QStringLiteral("error"), 5, 500));
    QVERIFY(m_sandbox->addFault(QStringLiteral("/v1/*"), QStringLiteral("error"), 5, 500));
    QCOMPARE(getWithToken(QStringLiteral("/v1/users/me")).status, 500);
    QVERIFY(m_sandbox->clearFaults());
    QCOMPARE(getWithToken(QStringLiteral("/v1/users/me")).status, 200);
    QCOMPARE(getWithToken(QStringLiteral("/v1/marketdata/search?query=KO")).status, 200);
}

namespace {

/** Which of @p requests GETs of /v1/users/me (no token: 401 unless faulted) were faulted with 503, as a bit string. */
QString faultPattern(SandboxProcess &sandbox, int requests)
{
    QString pattern;
    for (int i = 0; i < requests; ++i) {
        const int status = sandbox.http().get(sandbox.url(QStringLiteral("/v1/users/me"))).status;
        pattern += status == 503 ? QLatin1Char('1') : status == 401 ? QLatin1Char('0') : QLatin1Char('?');
    }
    return pattern;
}

} // namespace

void TestSandboxFaults::faultRate_faultsThatShare_sameSeedSameRequests()
{
    // Two fresh sandboxes with the same seed fault the same requests, so a failing run can be repeated.
    QStringList patterns;
    for (int run = 0; run < 2; ++run) {
        SandboxProcess sandbox;
        QVERIFY2(sandbox.start({QStringLiteral("--seed"), QStringLiteral("42"), QStringLiteral("--tick-ms"),
                     QStringLiteral("0")}),
            qPrintable(sandbox.errorString()));
        const auto added = sandbox.http().postJson(sandbox.url(QStringLiteral("/_sandbox/faults")),
            json {{"path", "/v1/users/me"}, {"mode", "error"}, {"status", 503}, {"rate", 0.25}});
        QVERIFY2(added.status == 200, added.describe().constData());
        patterns << faultPattern(sandbox, 400);
    }
    QVERIFY(!patterns[0].contains(QLatin1Char('?')));
    QCOMPARE(patterns[1], patterns[0]);
    // Without a count the rule stays: about a quarter of 400 requests, far from none and far from all.
    const auto faulted = patterns[0].count(QLatin1Char('1'));
    QVERIFY2(faulted >= 60 && faulted <= 140, qPrintable(QString::number(faulted)));
}

void TestSandboxFaults::faultRate_withCount_endsAfterThatManyFaults()
{
    const auto added = m_sandbox->http().postJson(url(QStringLiteral("/_sandbox/faults")),
        json {{"path", "/v1/users/me"}, {"mode", "error"}, {"status", 503}, {"rate", 0.5}, {"count", 3}});
    QVERIFY2(added.status == 200, added.describe().constData());
    const QString pattern = faultPattern(*m_sandbox, 200);
    QCOMPARE(pattern.count(QLatin1Char('1')), 3);
    QVERIFY(!pattern.contains(QLatin1Char('?')));
}

void TestSandboxFaults::faultRate_outOfRange_isRefused()
{
    for (const json &rate : {json(0), json(1.5), json(-0.1), json("0.2")}) {
        const auto refused = m_sandbox->http().postJson(url(QStringLiteral("/_sandbox/faults")),
            json {{"path", "/v1/users/me"}, {"mode", "error"}, {"rate", rate}});
        QVERIFY2(refused.status == 400, refused.describe().constData());
    }
    QCOMPARE(getWithToken(QStringLiteral("/v1/users/me")).status, 200);
}

QTEST_GUILESS_MAIN(TestSandboxFaults)
#include "TestSandboxFaults.moc"
