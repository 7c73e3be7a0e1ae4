// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/OrderTools.h"

#include "aries/AriesClient.h"
#include "auth/AccessTokenSource.h"
#include "mcp/McpServer.h"
#include "mcp/McpSession.h"
#include "tools/AriesConnection.h"
#include "trading/AuditLog.h"
#include "trading/OrderApprover.h"
#include "trading/TradingPolicy.h"

#include "SandboxProcess.h"
#include "SandboxSignIn.h"

#include <QDeadlineTimer>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <nlohmann/json.hpp>

#include <memory>

using namespace Companion;
using namespace Companion::Trading;
using namespace Companion::Testing;
using namespace std::chrono_literals;
using nlohmann::json;

#define JCOMPARE(actual, expected)                                                                                     \
    QVERIFY2(json(actual) == json(expected), (json(actual).dump() + " != " + json(expected).dump()).c_str())

namespace {

class StaticTokenSource final : public Auth::AccessTokenSource
{
public:
    QString token;
    void withAccessToken(QObject *context, TokenCallback callback) override
    {
        const QString current = token;
        QTimer::singleShot(0, context, [callback, current]() { callback(current); });
    }
    void reportUnauthorized(const QString &, QObject *context, TokenCallback callback) override
    {
        QTimer::singleShot(0, context, [callback]() {
            callback(Unexpected(Auth::AuthError {Auth::AuthError::Code::InvalidGrant, {}}));
        });
    }
};

class TestConnection final : public Tools::AriesConnection
{
public:
    Aries::AriesClient *aries = nullptr;
    QString account;
    Aries::AriesClient *client() override { return aries; }
    QString notConnectedReason() const override { return QStringLiteral("Connect Aries Companion to Aries."); }
    QString defaultAccountId() const override { return account; }
    Aries::AriesEnvironment environment() const override { return Aries::AriesEnvironment::Sandbox; }
};

/** Answers approval requests as the test scripts: a decision after a delay, or never. */
class ScriptedApprover final : public OrderApprover
{
public:
    std::optional<ApprovalDecision> decision = ApprovalDecision::Approved; ///< nullopt: never answers
    int delayMs = 50;
    QList<ApprovalRequest> requests;
    QStringList withdrawn;

    void request(const ApprovalRequest &request, QObject *context, Callback callback) override
    {
        requests.append(request);
        if (decision) {
            const ApprovalDecision d = *decision;
            QTimer::singleShot(delayMs, context, [callback, d]() { callback(d); });
        }
    }
    void withdraw(const QString &requestId) override { withdrawn.append(requestId); }
};

QString text(const json &value)
{
    return value.is_string() ? QString::fromStdString(value.get<std::string>()) : QString();
}

} // namespace

class TestOrderTools final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void toolsList_hasAnnotationsAndSchemas();
    void approve_placesOrderInSandbox();
    void preview_placesNothing();
    void deny_sendsNothing();
    void timeout_sendsNothing();
    void readOnly_sendsNothing();
    void pause_sendsNothing();
    void caps_sendNothing_data();
    void caps_sendNothing();
    void invalid_saysWhatToFix();
    void unknownSymbol_sendsNothing();
    void lostAnswer_placedOnceWithRealStatus();
    void replaceAndCancel_approved();
    void cancelledCall_withdrawsApproval();
    void auditUnwritable_refuses();
    void reconcile_afterCrash_recordsFinalState();

private:
    /** Sends tools/call and waits for its response; progress notifications are collected. */
    json callTool(const char *name, const json &arguments, int timeoutMs = 30000);
    int sandboxOrderCount();
    void resetTools(TradingLimits limits);

    std::unique_ptr<SandboxProcess> m_sandbox;
    SandboxTokens m_tokens;
    QNetworkAccessManager m_network;
    StaticTokenSource m_source;
    std::unique_ptr<Aries::AriesClient> m_client;
    TestConnection m_connection;
    QTemporaryDir m_dir;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<TradingPolicy> m_policy;
    ScriptedApprover m_approver;
    std::unique_ptr<Tools::OrderTools> m_tools;
    std::unique_ptr<Mcp::McpServer> m_server;
    std::unique_ptr<Mcp::McpSession> m_session;
    QList<json> m_sent;
    int m_nextId = 10;
};

void TestOrderTools::initTestCase()
{
    m_sandbox = std::make_unique<SandboxProcess>();
    QVERIFY2(
        m_sandbox->start({QStringLiteral("--tick-ms"), QStringLiteral("0")}), qPrintable(m_sandbox->errorString()));
    m_tokens = SandboxSignIn::signIn(*m_sandbox);
    QVERIFY(m_tokens.isValid());
    m_source.token = m_tokens.accessToken;
    Aries::AriesClientConfig config;
    config.baseUrl = m_sandbox->baseUrl();
    config.lookupDelay = 200ms;
    m_client = std::make_unique<Aries::AriesClient>(m_source, config);
    m_connection.aries = m_client.get();
    const json accounts =
        m_sandbox->http()
            .get(m_sandbox->url(QStringLiteral("/v1/users/me/accounts")), {bearer(m_tokens.accessToken)})
            .json();
    for (const json &account : accounts["accounts"]) {
        if (text(account["account_class"]) == QLatin1String("MARGIN")) {
            m_connection.account = text(account["sterling_account_id"]);
        }
    }
    QVERIFY(!m_connection.account.isEmpty());
}

void TestOrderTools::resetTools(TradingLimits limits)
{
    m_session.reset();
    m_server.reset();
    m_tools.reset();
    m_policy = std::make_unique<TradingPolicy>(limits);
    m_tools = std::make_unique<Tools::OrderTools>(m_connection, *m_policy, m_approver, *m_audit);
    m_tools->setProgressInterval(100ms);
    m_server = std::make_unique<Mcp::McpServer>();
    m_tools->registerTools(*m_server);
    m_session = m_server->createSession(QStringLiteral("local"));
    connect(m_session.get(), &Mcp::McpSession::send, this, [this](const QByteArray &message) {
        m_sent.append(json::parse(message.constBegin(), message.constEnd(), nullptr, false));
    });
    m_session->receive(QByteArray::fromStdString(json {{"jsonrpc", "2.0"}, {"id", 1}, {"method", "initialize"},
        {"params",
            {{"protocolVersion", "2025-06-18"}, {"capabilities", json::object()},
                {"clientInfo", {{"name", "claude-test"}, {"version", "1"}}}}}}
                                                     .dump()));
    m_session->receive(R"({"jsonrpc":"2.0","method":"notifications/initialized"})");
    m_sent.clear();
}

void TestOrderTools::init()
{
    QVERIFY(m_sandbox->clearFaults());
    m_audit = std::make_unique<AuditLog>(m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction())));
    m_approver = ScriptedApprover();
    TradingLimits limits;
    limits.tradingEnabled = true;
    resetTools(limits);
}

void TestOrderTools::cleanup()
{
    m_session.reset();
    m_server.reset();
    m_tools.reset();
}

void TestOrderTools::cleanupTestCase()
{
    m_client.reset();
    m_sandbox.reset();
}

json TestOrderTools::callTool(const char *name, const json &arguments, int timeoutMs)
{
    const int id = ++m_nextId;
    m_sent.clear();
    m_session->receive(QByteArray::fromStdString(json {{"jsonrpc", "2.0"}, {"id", id}, {"method", "tools/call"},
        {"params", {{"name", name}, {"arguments", arguments}, {"_meta", {{"progressToken", id}}}}}}
                                                     .dump()));
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        for (const json &message : m_sent) {
            if (message.contains("id") && message["id"] == id) {
                return message;
            }
        }
        QTest::qWait(10);
    }
    return json {{"timeout", true}};
}

int TestOrderTools::sandboxOrderCount()
{
    return int(m_sandbox->allOrders().size());
}

namespace {
json limitBuy(const char *quantity = "2", const char *price = "1.25")
{
    return json {{"side", "buy"}, {"quantity", quantity}, {"symbol", "AAPL"}, {"type", "limit"}, {"limit_price", price},
        {"time_in_force", "gtc"}};
}
json structured(const json &response)
{
    return response.value("result", json::object()).value("structuredContent", json::object());
}
} // namespace

#define CHECK_OUTCOME(response, expected)                                                                              \
    do {                                                                                                               \
        const json s_ = structured(response);                                                                          \
        QVERIFY2(s_.value("outcome", "") == (expected), (response).dump().c_str());                                    \
        JCOMPARE(s_.value("environment", ""), "sandbox");                                                              \
    } while (false)

void TestOrderTools::toolsList_hasAnnotationsAndSchemas()
{
    m_sent.clear();
    m_session->receive(R"({"jsonrpc":"2.0","id":2,"method":"tools/list"})");
    QCOMPARE(m_sent.size(), 1);
    const json tools = m_sent[0]["result"]["tools"];
    QCOMPARE(tools.size(), 4u);
    for (const json &tool : tools) {
        QVERIFY(tool.contains("outputSchema"));
        JCOMPARE(tool["inputSchema"]["type"], "object");
        if (tool["name"] != "preview_order") {
            JCOMPARE(tool["annotations"]["destructiveHint"], true);
            JCOMPARE(tool["annotations"]["readOnlyHint"], false);
            JCOMPARE(tool["annotations"]["idempotentHint"], false);
            JCOMPARE(tool["annotations"]["openWorldHint"], true);
        }
    }
}

void TestOrderTools::approve_placesOrderInSandbox()
{
    const int before = sandboxOrderCount();
    m_approver.delayMs = 400; // long enough for progress notifications
    const json response = callTool("place_order", limitBuy());
    CHECK_OUTCOME(response, "placed");
    JCOMPARE(response["result"]["isError"], false);
    const json aries = structured(response)["aries"];
    QVERIFY(!text(aries["order_id"]).isEmpty());
    JCOMPARE(aries["status"], "NEW");
    QCOMPARE(sandboxOrderCount(), before + 1);
    QVERIFY(QString::fromStdString(response["result"]["content"][0]["text"]).contains(QStringLiteral("sandbox")));

    QCOMPARE(m_approver.requests.size(), 1);
    const ApprovalRequest &request = m_approver.requests[0];
    QCOMPARE(request.clientName, QStringLiteral("claude-test"));
    QCOMPARE(request.symbol, QStringLiteral("AAPL"));
    QCOMPARE(request.quantity, Decimal::fromInt(2));
    QCOMPARE(request.timeInForce, QStringLiteral("GTC"));
    QCOMPARE(request.accountId, m_connection.account);
    QVERIFY(request.preview.has_value());
    QCOMPARE(request.environment, Aries::AriesEnvironment::Sandbox);
    QCOMPARE(request.timeout, 120s);

    bool progress = false;
    for (const json &message : m_sent) {
        progress = progress || message.value("method", "") == "notifications/progress";
    }
    QVERIFY(progress);

    QStringList outcomes;
    for (const AuditRecord &record : m_audit->readAll()) {
        outcomes << record.outcome;
    }
    QCOMPARE(outcomes,
        QStringList({QStringLiteral("requested"), QStringLiteral("pending_approval"), QStringLiteral("sending"),
            QStringLiteral("placed")}));
    QCOMPARE(m_audit->readAll().last().orderId, text(aries["order_id"]));
    QCOMPARE(m_audit->readAll().last().client, QStringLiteral("claude-test"));
}

void TestOrderTools::preview_placesNothing()
{
    const int before = sandboxOrderCount();
    const json response = callTool("preview_order", limitBuy());
    CHECK_OUTCOME(response, "previewed");
    QVERIFY(structured(response)["preview"].contains("estimated_cost"));
    QCOMPARE(m_approver.requests.size(), 0);
    QCOMPARE(sandboxOrderCount(), before);
}

void TestOrderTools::deny_sendsNothing()
{
    const int before = sandboxOrderCount();
    m_approver.decision = ApprovalDecision::Denied;
    const json response = callTool("place_order", limitBuy());
    CHECK_OUTCOME(response, "denied");
    JCOMPARE(response["result"]["isError"], true);
    QCOMPARE(sandboxOrderCount(), before);
    QCOMPARE(m_audit->readAll().last().outcome, QStringLiteral("denied"));
    QCOMPARE(m_policy->dayTotal(QDate::currentDate()), Decimal());
}

void TestOrderTools::timeout_sendsNothing()
{
    const int before = sandboxOrderCount();
    TradingLimits limits;
    limits.tradingEnabled = true;
    limits.approvalTimeout = 1s;
    resetTools(limits);
    m_approver.decision.reset();
    const json response = callTool("place_order", limitBuy());
    CHECK_OUTCOME(response, "timed_out");
    QCOMPARE(sandboxOrderCount(), before);
    QCOMPARE(m_approver.withdrawn.size(), 1);
}

void TestOrderTools::readOnly_sendsNothing()
{
    const int before = sandboxOrderCount();
    resetTools(TradingLimits {}); // a fresh install
    const json cancel {{"order_id", "ORDER-1"}};
    const json replace {{"order_id", "ORDER-1"}, {"quantity", 1}};
    for (const auto &[tool, arguments] :
        {std::pair {"place_order", limitBuy()}, std::pair {"preview_order", limitBuy()},
            std::pair {"cancel_order", cancel}, std::pair {"replace_order", replace}}) {
        const json response = callTool(tool, arguments);
        CHECK_OUTCOME(response, "refused");
        QVERIFY(text(structured(response)["message"]).contains(QStringLiteral("read-only")));
    }
    QCOMPARE(m_approver.requests.size(), 0);
    QCOMPARE(sandboxOrderCount(), before);
}

void TestOrderTools::pause_sendsNothing()
{
    const int before = sandboxOrderCount();
    m_policy->setPaused(true);
    CHECK_OUTCOME(callTool("place_order", limitBuy()), "refused");
    QCOMPARE(m_approver.requests.size(), 0);
    // Paused while the window is open: the approval no longer counts.
    m_policy->setPaused(false);
    m_approver.delayMs = 300;
    QTimer::singleShot(100, this, [this]() { m_policy->setPaused(true); });
    const json response = callTool("place_order", limitBuy());
    CHECK_OUTCOME(response, "refused");
    QVERIFY(text(structured(response)["message"]).contains(QStringLiteral("paused")));
    QCOMPARE(sandboxOrderCount(), before);
}

void TestOrderTools::caps_sendNothing_data()
{
    QTest::addColumn<QString>("cap");
    QTest::addColumn<QByteArray>("arguments");
    QTest::newRow("max quantity") << "quantity" << QByteArray::fromStdString(limitBuy("11").dump());
    QTest::newRow("per order") << "order" << QByteArray::fromStdString(limitBuy("10", "10.01").dump());
    QTest::newRow("per day") << "day" << QByteArray::fromStdString(limitBuy("10", "5").dump());
    QTest::newRow("allowlist") << "allowlist"
                               << QByteArray::fromStdString(json {{"side", "buy"}, {"quantity", 1}, {"symbol", "MSFT"},
                                      {"type", "market"}}.dump());
    QTest::newRow("market order over cap")
        << "order"
        << QByteArray::fromStdString(
               json {{"side", "buy"}, {"quantity", 10}, {"symbol", "AAPL"}, {"type", "market"}}.dump());
}

void TestOrderTools::caps_sendNothing()
{
    QFETCH(QString, cap);
    QFETCH(QByteArray, arguments);
    TradingLimits limits;
    limits.tradingEnabled = true;
    limits.maxQuantity = Decimal::fromInt(10);
    limits.maxNotionalPerOrder = Decimal::fromInt(100);
    limits.maxNotionalPerDay = Decimal::fromInt(120);
    limits.symbolAllowlist = {QStringLiteral("AAPL")};
    resetTools(limits);
    if (cap == QLatin1String("day")) {
        m_policy->seedDay(QDate::currentDate(), Decimal::fromInt(80));
    }
    const int before = sandboxOrderCount();
    const json response = callTool("place_order", json::parse(arguments.toStdString()));
    CHECK_OUTCOME(response, "refused");
    QVERIFY(text(structured(response)["message"]).contains(QStringLiteral("settings")));
    QCOMPARE(m_approver.requests.size(), 0);
    QCOMPARE(sandboxOrderCount(), before);
}

void TestOrderTools::invalid_saysWhatToFix()
{
    const json response = callTool("place_order", limitBuy("1.5"));
    CHECK_OUTCOME(response, "invalid");
    QVERIFY(text(structured(response)["message"]).contains(QStringLiteral("whole shares")));
    const json precision = callTool("place_order", limitBuy("1", "10.001"));
    CHECK_OUTCOME(precision, "invalid");
    QVERIFY(text(structured(precision)["message"]).contains(QStringLiteral("limit_price")));
    QCOMPARE(m_approver.requests.size(), 0);
}

void TestOrderTools::unknownSymbol_sendsNothing()
{
    const int before = sandboxOrderCount();
    json args = limitBuy();
    args["symbol"] = "ZZZQX";
    const json response = callTool("place_order", args);
    CHECK_OUTCOME(response, "invalid");
    QVERIFY(text(structured(response)["message"]).contains(QStringLiteral("ZZZQX")));
    QCOMPARE(sandboxOrderCount(), before);
}

void TestOrderTools::lostAnswer_placedOnceWithRealStatus()
{
    const int before = sandboxOrderCount();
    QVERIFY(m_sandbox->addFault(QStringLiteral("/v1/orders"), QStringLiteral("lose"), 1, 0, QStringLiteral("POST")));
    const json response = callTool("place_order", limitBuy("3"));
    CHECK_OUTCOME(response, "placed");
    const json aries = structured(response)["aries"];
    JCOMPARE(aries["found_after_lost_answer"], true);
    const json orders = m_sandbox->allOrders();
    QCOMPARE(int(orders.size()), before + 1);
    int tagged = 0;
    for (const json &order : orders) {
        if (order.value("clientId", "") == aries["client_tag"]) {
            ++tagged;
            JCOMPARE(order.value("ordStatus", order.value("status", "")), aries["status"]);
        }
    }
    QCOMPARE(tagged, 1);
    QCOMPARE(m_audit->readAll().last().outcome, QStringLiteral("placed"));
    QCOMPARE(m_audit->readAll().last().clientTag, text(aries["client_tag"]));
    QVERIFY(m_audit->pendingUncertain().isEmpty());
}

void TestOrderTools::replaceAndCancel_approved()
{
    const json placed = callTool("place_order", limitBuy("4", "1.10"));
    CHECK_OUTCOME(placed, "placed");
    const json id = structured(placed)["aries"]["order_id"];
    const json replaced = callTool("replace_order", json {{"order_id", id}, {"limit_price", "1.20"}});
    CHECK_OUTCOME(replaced, "replaced");
    QCOMPARE(m_approver.requests.last().action, ApprovalRequest::Action::Replace);
    QCOMPARE(m_approver.requests.last().limitPrice->toString(2), QStringLiteral("1.20"));
    QCOMPARE(m_approver.requests.last().quantity, Decimal::fromInt(4));
    const json newId = structured(replaced)["aries"]["order_id"];
    QVERIFY(newId != id);
    const json stale = callTool("cancel_order", json {{"order_id", id}});
    CHECK_OUTCOME(stale, "invalid");
    const json cancelled = callTool("cancel_order", json {{"order_id", newId}});
    CHECK_OUTCOME(cancelled, "cancelled");
    QCOMPARE(m_approver.requests.last().action, ApprovalRequest::Action::Cancel);
    QCOMPARE(m_approver.requests.last().symbol, QStringLiteral("AAPL"));
}

void TestOrderTools::cancelledCall_withdrawsApproval()
{
    const int before = sandboxOrderCount();
    m_approver.decision.reset();
    m_sent.clear();
    m_session->receive(QByteArray::fromStdString(json {{"jsonrpc", "2.0"}, {"id", 500}, {"method", "tools/call"},
        {"params", {{"name", "place_order"}, {"arguments", limitBuy()}}}}
                                                     .dump()));
    QTRY_COMPARE(m_approver.requests.size(), 1);
    m_session->receive(R"({"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":500}})");
    QTRY_COMPARE(m_approver.withdrawn.size(), 1);
    QCOMPARE(m_approver.withdrawn[0], m_approver.requests[0].id);
    QTRY_COMPARE(m_audit->readAll().last().outcome, QStringLiteral("cancelled"));
    QCOMPARE(sandboxOrderCount(), before);
}

void TestOrderTools::auditUnwritable_refuses()
{
    const QString blocked = m_dir.filePath(QStringLiteral("blocked-file"));
    QFile file(blocked);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    m_audit = std::make_unique<AuditLog>(blocked + QStringLiteral("/audit"));
    TradingLimits limits;
    limits.tradingEnabled = true;
    resetTools(limits);
    const int before = sandboxOrderCount();
    const json response = callTool("place_order", limitBuy());
    CHECK_OUTCOME(response, "error");
    QVERIFY(text(structured(response)["message"]).contains(QStringLiteral("audit log")));
    QCOMPARE(sandboxOrderCount(), before);
}

void TestOrderTools::reconcile_afterCrash_recordsFinalState()
{
    // The app crashed after "sending": one order reached Aries, the other never did.
    const QString reached = Aries::AriesClient::newClientTag();
    const QString never = Aries::AriesClient::newClientTag();
    for (const QString &tag : {reached, never}) {
        AuditRecord record;
        record.time = QDateTime::currentDateTimeUtc();
        record.tool = QStringLiteral("place_order");
        record.outcome = QStringLiteral("sending");
        record.accountId = m_connection.account;
        record.clientTag = tag;
        QVERIFY(m_audit->append(record));
    }
    const json ack = m_sandbox->http()
                         .postJson(m_sandbox->url(QStringLiteral("/v1/orders")),
                             {{"tradingAccountId", m_connection.account.toStdString()}, {"symbol", "AAPL"},
                                 {"side", "BUY"}, {"type", "LIMIT"}, {"qty", "1"}, {"price", "1.05"},
                                 {"timeInForce", "GTC"}, {"clientId", reached.toStdString()}},
                             {bearer(m_tokens.accessToken)})
                         .json();
    QVERIFY2(ack.value("success", false), ack.dump().c_str());

    AuditLog reopened(QFileInfo(m_audit->filePath()).path());
    QCOMPARE(reopened.pendingUncertain().size(), 2);
    std::optional<int> resolved;
    reopened.reconcile(*m_client, this, [&resolved](int count) { resolved = count; });
    QTRY_VERIFY_WITH_TIMEOUT(resolved.has_value(), 20000);
    QCOMPARE(*resolved, 2);
    QVERIFY(reopened.pendingUncertain().isEmpty());
    const auto records = reopened.readAll();
    int resolvedRecords = 0;
    for (const AuditRecord &record : records) {
        if (record.outcome == QLatin1String("resolved")) {
            ++resolvedRecords;
            QCOMPARE(record.clientTag, reached);
            QCOMPARE(record.orderId, text(ack["clOrdId"]));
            QCOMPARE(record.status, text(ack["status"]));
        }
        if (record.outcome == QLatin1String("not_found")) {
            QCOMPARE(record.clientTag, never);
        }
    }
    QCOMPARE(resolvedRecords, 1);
}

QTEST_GUILESS_MAIN(TestOrderTools)
#include "TestOrderTools.moc"
