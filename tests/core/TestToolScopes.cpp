// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// ToolScopes: the table itself, and the table against the tools' real behaviour. Every tool is called
// through a real MCP session against the real aries-sandbox (which refuses a request whose token lacks
// the scope, as Aries documents), signed in with fewer scopes, and must fail for a missing permission
// exactly when the table says it cannot work.
#include "aries/AriesClient.h"
#include "auth/OAuthConfig.h"
#include "mcp/McpServer.h"
#include "mcp/McpSession.h"
#include "tools/AccountTools.h"
#include "tools/AriesConnection.h"
#include "tools/MarketTools.h"
#include "tools/OrderQueryTools.h"
#include "tools/OrderTools.h"
#include "tools/ToolScopes.h"
#include "trading/AuditLog.h"
#include "trading/OrderApprover.h"
#include "trading/TradingPolicy.h"

#include "SandboxProcess.h"
#include "SandboxSignIn.h"
#include "StaticTokenSource.h"

#include <QDeadlineTimer>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace Companion;
using namespace Companion::Testing;
using Companion::Tools::ToolScopes;
using nlohmann::json;

namespace {

const QString kScopeError = QStringLiteral("needs the Aries permission");

/** Approves every order at once: the point is whether Aries accepts the request, not the person. */
class Approving final : public Trading::OrderApprover
{
public:
    void request(const Trading::ApprovalRequest &, QObject *context, Callback callback) override
    {
        QTimer::singleShot(0, context, [callback] { callback(Trading::ApprovalDecision::Approved); });
    }
    void withdraw(const QString &) override { }
};

/** The assistant's tools over one sandbox sign-in with the given scopes, driven through an MCP session. */
class Rig final : public Tools::AriesConnection
{
public:
    Rig(SandboxProcess &sandbox, const QStringList &scopes, const QString &auditDir)
        : m_audit(auditDir)
    {
        m_tokens = SandboxSignIn::signIn(sandbox, scopes);
        m_source.setToken(m_tokens.accessToken);
        Aries::AriesClientConfig config;
        config.baseUrl = sandbox.baseUrl();
        config.maxReadAttempts = 1;
        m_client = std::make_unique<Aries::AriesClient>(m_source, config);
        Trading::TradingLimits limits;
        limits.tradingEnabled = true;
        m_policy.setLimits(limits);
        m_orders = std::make_unique<Tools::OrderTools>(*this, m_policy, m_approver, m_audit);
        Tools::AccountTools::registerTools(m_server, *this);
        Tools::MarketTools::registerTools(m_server, *this);
        Tools::OrderQueryTools::registerTools(m_server, *this);
        m_orders->registerTools(m_server);
        m_session = m_server.createSession(QStringLiteral("local"));
        QObject::connect(m_session.get(), &Mcp::McpSession::send, m_session.get(),
            [this](const QByteArray &message, const QByteArray &, bool) {
                m_sent.append(json::parse(message.constBegin(), message.constEnd(), nullptr, false));
            });
        m_session->receive(QByteArray::fromStdString(json {{"jsonrpc", "2.0"}, {"id", 0}, {"method", "initialize"},
            {"params",
                {{"protocolVersion", "2025-11-25"}, {"capabilities", json::object()},
                    {"clientInfo", {{"name", "scope-test"}, {"version", "1"}}}}}}
                                                         .dump()));
        m_session->receive(R"({"jsonrpc":"2.0","method":"notifications/initialized"})");
    }
    ~Rig() override { m_session.reset(); }
    Q_DISABLE_COPY_MOVE(Rig)

    bool isValid() const { return m_tokens.isValid(); }
    QStringList granted() const { return m_tokens.scope.split(QLatin1Char(' '), Qt::SkipEmptyParts); }

    /** The tool's result ({content, isError, structuredContent}), or {"timeout": true}. */
    json call(const QString &tool, const json &arguments)
    {
        m_sent.clear();
        const int id = m_nextId++;
        m_session->receive(QByteArray::fromStdString(json {{"jsonrpc", "2.0"}, {"id", id}, {"method", "tools/call"},
            {"params", {{"name", tool.toStdString()}, {"arguments", arguments}}}}
                                                         .dump()));
        const QDeadlineTimer deadline(30000);
        while (!deadline.hasExpired()) {
            for (const json &message : std::as_const(m_sent)) {
                if (message.value("id", json()) == json(id)) {
                    return message.value("result", json {{"rpcError", message.value("error", json())}});
                }
            }
            QTest::qWait(5);
        }
        return json {{"timeout", true}};
    }

    Aries::AriesClient *client() override { return m_client.get(); }
    QString notConnectedReason() const override { return QStringLiteral("not connected"); }
    QString defaultAccountId() const override { return {}; }
    Aries::AriesEnvironment environment() const override { return Aries::AriesEnvironment::Sandbox; }

private:
    SandboxTokens m_tokens;
    StaticTokenSource m_source;
    QNetworkAccessManager m_network;
    std::unique_ptr<Aries::AriesClient> m_client;
    Trading::AuditLog m_audit;
    Trading::TradingPolicy m_policy;
    Approving m_approver;
    Mcp::McpServer m_server;
    std::unique_ptr<Tools::OrderTools> m_orders;
    std::unique_ptr<Mcp::McpSession> m_session;
    QList<json> m_sent;
    int m_nextId = 1;
};

QString resultText(const json &result)
{
    QString text;
    for (const json &block : result.value("content", json::array())) {
        if (block.contains("text") && block["text"].is_string()) {
            text += QString::fromStdString(block["text"].get<std::string>());
        }
    }
    return text;
}

bool failedForScope(const json &result)
{
    return result.value("isError", false) && resultText(result).contains(kScopeError);
}

json limitBuy(const QString &account)
{
    json order {{"side", "buy"}, {"quantity", "1"}, {"symbol", "AAPL"}, {"type", "limit"}, {"limit_price", "1.10"},
        {"time_in_force", "gtc"}};
    if (!account.isEmpty()) {
        order["account"] = account.toStdString();
    }
    return order;
}

} // namespace

class TestToolScopes final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void table_coversEveryRegisteredTool();
    void table_namesOnlyKnownScopes();
    void availability_allGranted_everythingWorks();
    void availability_noneGranted_nothingWorks();
    void availability_accountListOnlySometimes_isLimited();
    void missingScopes_namesPreferredScope();
    void toolsUsing_listsTools();

    void sandbox_toolsFailForScopeExactlyWhenTableSaysSo_data();
    void sandbox_toolsFailForScopeExactlyWhenTableSaysSo();

private:
    /** Places an open limit order with every scope, for replace/cancel to find. */
    QString placeOpenOrder();
    json callFor(Rig &rig, const QString &tool, bool withAccount, const QString &openOrder);

    std::unique_ptr<SandboxProcess> m_sandbox;
    QTemporaryDir m_dir;
    QString m_account;
    std::unique_ptr<Rig> m_full;
};

void TestToolScopes::initTestCase()
{
    QVERIFY2(qEnvironmentVariableIsSet("ARIES_SANDBOX_BIN"), "run through CTest: needs ARIES_SANDBOX_BIN");
    QVERIFY(m_dir.isValid());
    m_sandbox = std::make_unique<SandboxProcess>();
    QVERIFY2(
        m_sandbox->start({QStringLiteral("--tick-ms"), QStringLiteral("0")}), qPrintable(m_sandbox->errorString()));
    m_full =
        std::make_unique<Rig>(*m_sandbox, Auth::OAuthConfig::defaultScopes(), m_dir.filePath(QStringLiteral("full")));
    QVERIFY(m_full->isValid());
    const json accounts = m_full->call(QStringLiteral("get_accounts"), json::object());
    for (const json &account : accounts["structuredContent"]["accounts"]) {
        if (account.value("accountClass", std::string()) == "MARGIN") {
            m_account = QString::fromStdString(account["accountId"].get<std::string>());
        }
    }
    QVERIFY2(!m_account.isEmpty(), accounts.dump().c_str());
}

void TestToolScopes::cleanupTestCase()
{
    m_full.reset();
    m_sandbox.reset();
}

void TestToolScopes::table_coversEveryRegisteredTool()
{
    // The tools the app registers, as a client lists them.
    Mcp::McpServer server;
    Tools::AccountTools::registerTools(server, *m_full);
    Tools::MarketTools::registerTools(server, *m_full);
    Tools::OrderQueryTools::registerTools(server, *m_full);
    QStringList registered;
    auto session = server.createSession(QStringLiteral("local"));
    json listed;
    QObject::connect(session.get(), &Mcp::McpSession::send, session.get(),
        [&listed](const QByteArray &message, const QByteArray &, bool) {
            listed = json::parse(message.constBegin(), message.constEnd(), nullptr, false);
        });
    session->receive(QByteArray::fromStdString(json {{"jsonrpc", "2.0"}, {"id", 1}, {"method", "tools/list"},
        {"params", {{"_meta", {{"io.modelcontextprotocol/protocolVersion", "2026-07-28"}}}}}}
                                                   .dump()));
    for (const json &tool : listed["result"]["tools"]) {
        registered << QString::fromStdString(tool["name"].get<std::string>());
    }
    for (const Mcp::ToolDefinition &definition : Tools::OrderTools::definitions()) {
        registered << definition.name;
    }
    QVERIFY2(registered.size() >= 12, listed.dump().c_str());
    QStringList inTable;
    for (const Tools::ToolScopeRequirement &requirement : ToolScopes::all()) {
        inTable << requirement.tool;
        QVERIFY2(!requirement.needs.isEmpty(), qPrintable(requirement.tool));
    }
    registered.sort();
    inTable.sort();
    QCOMPARE(inTable, registered);
}

void TestToolScopes::table_namesOnlyKnownScopes()
{
    const QStringList known = Auth::OAuthConfig::defaultScopes();
    for (const Tools::ToolScopeRequirement &requirement : ToolScopes::all()) {
        for (const Tools::ScopeNeed &need : requirement.needs) {
            QVERIFY(!need.anyOf.isEmpty());
            for (const QString &scope : need.anyOf) {
                // Every scope a tool needs is one the app asks for, or Reconnect could not fix it.
                QVERIFY2(known.contains(scope), qPrintable(requirement.tool + QLatin1Char(' ') + scope));
            }
        }
    }
}

void TestToolScopes::availability_allGranted_everythingWorks()
{
    for (const Tools::ToolScopeRequirement &requirement : ToolScopes::all()) {
        QCOMPARE(ToolScopes::availability(requirement.tool, Auth::OAuthConfig::defaultScopes()),
            ToolScopes::Availability::Available);
        QVERIFY(ToolScopes::missingScopes(requirement.tool, Auth::OAuthConfig::defaultScopes(), true).isEmpty());
    }
}

void TestToolScopes::availability_noneGranted_nothingWorks()
{
    for (const Tools::ToolScopeRequirement &requirement : ToolScopes::all()) {
        QCOMPARE(ToolScopes::availability(requirement.tool, {}), ToolScopes::Availability::Unavailable);
    }
}

void TestToolScopes::availability_accountListOnlySometimes_isLimited()
{
    // Orders can be listed for a named account without the account list.
    const QStringList granted {QStringLiteral("order:information")};
    QCOMPARE(ToolScopes::availability(QStringLiteral("list_orders"), granted), ToolScopes::Availability::Limited);
    QCOMPARE(ToolScopes::missingScopes(QStringLiteral("list_orders"), granted), QStringList());
    QCOMPARE(ToolScopes::missingScopes(QStringLiteral("list_orders"), granted, true),
        QStringList {QStringLiteral("account:information")});
}

void TestToolScopes::missingScopes_namesPreferredScope()
{
    QCOMPARE(ToolScopes::missingScopes(QStringLiteral("get_quote"), {}),
        QStringList {QStringLiteral("market:supplemental")});
    QCOMPARE(
        ToolScopes::missingScopes(QStringLiteral("get_quote"), {QStringLiteral("market:information")}), QStringList());
    QCOMPARE(ToolScopes::missingScopes(QStringLiteral("place_order"), {QStringLiteral("market:information")}),
        QStringList {QStringLiteral("order:execution")});
    QCOMPARE(ToolScopes::availability(QStringLiteral("no_such_tool"), {}), ToolScopes::Availability::Available);
}

void TestToolScopes::toolsUsing_listsTools()
{
    const QStringList execution = ToolScopes::toolsUsing(QStringLiteral("order:execution"));
    QCOMPARE(execution,
        (QStringList {QStringLiteral("preview_order"), QStringLiteral("place_order"), QStringLiteral("replace_order"),
            QStringLiteral("cancel_order")}));
    QVERIFY(ToolScopes::toolsUsing(QStringLiteral("calendar:information")).isEmpty());
    QVERIFY(ToolScopes::toolsUsing(QStringLiteral("market:supplemental")).contains(QStringLiteral("get_quote")));
}

QString TestToolScopes::placeOpenOrder()
{
    const json placed = m_full->call(QStringLiteral("place_order"), limitBuy(m_account));
    const json aries = placed.value("structuredContent", json::object()).value("aries", json::object());
    return aries.contains("order_id") ? QString::fromStdString(aries["order_id"].get<std::string>()) : QString();
}

json TestToolScopes::callFor(Rig &rig, const QString &tool, bool withAccount, const QString &openOrder)
{
    const std::string account = withAccount ? m_account.toStdString() : std::string();
    json args = json::object();
    const auto withAccountId = [&](json value) {
        if (withAccount) {
            value["accountId"] = account;
        }
        return value;
    };
    if (tool == QLatin1String("get_accounts")) {
        args = json::object();
    } else if (tool == QLatin1String("get_balances") || tool == QLatin1String("get_portfolio")
        || tool == QLatin1String("list_orders")) {
        args = withAccountId(json::object());
    } else if (tool == QLatin1String("get_order")) {
        args = withAccountId(json {{"orderId", openOrder.toStdString()}});
    } else if (tool == QLatin1String("get_quote")) {
        args = json {{"symbol", "AAPL"}};
    } else if (tool == QLatin1String("search_symbols")) {
        args = json {{"query", "Apple"}};
    } else if (tool == QLatin1String("get_price_history")) {
        args = json {{"symbol", "AAPL"}, {"resolution", "D"},
            {"from", QDate::currentDate().addDays(-10).toString(Qt::ISODate).toStdString()}};
    } else if (tool == QLatin1String("preview_order") || tool == QLatin1String("place_order")) {
        args = limitBuy(withAccount ? m_account : QString());
    } else if (tool == QLatin1String("replace_order")) {
        args = json {{"order_id", openOrder.toStdString()}, {"limit_price", "1.15"}};
        if (withAccount) {
            args["account"] = account;
        }
    } else if (tool == QLatin1String("cancel_order")) {
        args = json {{"order_id", openOrder.toStdString()}};
        if (withAccount) {
            args["account"] = account;
        }
    }
    return rig.call(tool, args);
}

void TestToolScopes::sandbox_toolsFailForScopeExactlyWhenTableSaysSo_data()
{
    QTest::addColumn<QStringList>("scopes");
    const auto list = [](const char *text) { return QString::fromLatin1(text).split(QLatin1Char(' ')); };
    QTest::newRow("all") << Auth::OAuthConfig::defaultScopes();
    QTest::newRow("market-only") << list("market:information");
    QTest::newRow("account-orders") << list("account:information order:information");
    QTest::newRow("supplemental-execution-user") << list("user:information order:execution market:supplemental");
    QTest::newRow("position-market-execution") << list("position:information order:execution market:information");
    QTest::newRow("orders-execution-supplemental") << list("order:information order:execution market:supplemental");
}

void TestToolScopes::sandbox_toolsFailForScopeExactlyWhenTableSaysSo()
{
    QFETCH(QStringList, scopes);
    Rig rig(*m_sandbox, scopes, m_dir.filePath(QString::fromLatin1(QTest::currentDataTag())));
    QVERIFY(rig.isValid());
    QStringList granted = rig.granted();
    granted.sort();
    QStringList asked = scopes;
    asked.sort();
    QCOMPARE(granted, asked);

    for (const Tools::ToolScopeRequirement &requirement : ToolScopes::all()) {
        const QString &tool = requirement.tool;
        const ToolScopes::Availability availability = ToolScopes::availability(tool, granted);
        // The account named: only the needs the tool always has decide.
        const QString order = placeOpenOrder();
        QVERIFY(!order.isEmpty());
        const json named = callFor(rig, tool, true, order);
        QVERIFY2(!named.contains("timeout") && !named.contains("rpcError"), named.dump().c_str());
        QVERIFY2(failedForScope(named) == (availability == ToolScopes::Availability::Unavailable),
            qPrintable(QStringLiteral("%1 with %2: %3")
                           .arg(tool, scopes.join(QLatin1Char(' ')), QString::fromStdString(named.dump()).left(600))));
        if (availability == ToolScopes::Availability::Available) {
            QVERIFY2(!named.value("isError", false), qPrintable(tool + QStringLiteral(": ") + resultText(named)));
        }
        // No account named and none chosen: the account list is read, so its need decides too.
        const bool listNeeded =
            ToolScopes::missingScopes(tool, granted, true).contains(QStringLiteral("account:information"));
        if (availability == ToolScopes::Availability::Limited && listNeeded) {
            const json unnamed = callFor(rig, tool, false, placeOpenOrder());
            QVERIFY2(failedForScope(unnamed), qPrintable(tool + QStringLiteral(": ") + resultText(unnamed)));
        }
    }
}

QTEST_GUILESS_MAIN(TestToolScopes)
#include "TestToolScopes.moc"
