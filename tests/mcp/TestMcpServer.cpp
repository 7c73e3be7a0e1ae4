// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mcp/ContentBlock.h"
#include "mcp/McpServer.h"
#include "mcp/McpSession.h"
#include "mcp/ResourceContent.h"
#include "mcp/ToolCall.h"
#include "mcp/UriTemplate.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <nlohmann/json.hpp>

#include <memory>
#include <vector>

using namespace Companion::Mcp;
using nlohmann::json;

// QCOMPARE on nlohmann::json trips over QTest's overloads (its implicit conversions); compare the
// compact texts instead, which also prints both sides on failure.
#define JCOMPARE(actual, expected)                                                                                     \
    QCOMPARE(QByteArray::fromStdString(json(actual).dump()), QByteArray::fromStdString(json(expected).dump()))

namespace {

ResourceDefinition resourceNamed(const QString &uri, const QString &name)
{
    ResourceDefinition definition;
    definition.uri = uri;
    definition.name = name;
    return definition;
}

ResourceTemplateDefinition templateNamed(const QString &uriTemplate, const QString &name)
{
    ResourceTemplateDefinition definition;
    definition.uriTemplate = uriTemplate;
    definition.name = name;
    return definition;
}

} // namespace

class TestMcpServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void receive_invalidMessage_answersError_data();
    void receive_invalidMessage_answersError();
    void receive_notification_sendsNothing_data();
    void receive_notification_sendsNothing();
    void receive_tooLarge_refused_data();
    void receive_tooLarge_refused();
    void receive_duplicatePendingId_refused();

    void initialize_negotiatesVersion_data();
    void initialize_negotiatesVersion();
    void ping_beforeInitialize_answersEmpty();

    void toolsList_paginates_data();
    void toolsList_paginates();
    void toolsList_describesTool();
    void toolsCall_result_data();
    void toolsCall_result();
    void toolsCall_outOfOrder_answersEachId();
    void toolsCall_progress_onlyWithToken();
    void cancelled_call_neverAnswered();
    void close_cancelsPendingAndSilences();

    void logging_filtersByLevel_data();
    void logging_filtersByLevel();
    void resourcesAndPrompts_shapes();
    void modern_requestsWithoutInitialize();
    void modern_unsupportedVersion_reportsSupported();

    void toolsCall_contentBlocks_data();
    void toolsCall_contentBlocks();
    void uriTemplate_match_data();
    void uriTemplate_match();
    void resources_blobsAndTemplates_data();
    void resources_blobsAndTemplates();
    void resources_subscribe_onlySubscribersNotified();
    void prompts_multipleMessages();
    void completion_complete_data();
    void completion_complete();
    void clientRequest_response_data();
    void clientRequest_response();
    void clientRequest_cancelledCallDropsPending();
    void clientRequest_closeDropsPending();
    void clientRequest_refusedWithoutCapabilityOrInModernContext_data();
    void clientRequest_refusedWithoutCapabilityOrInModernContext();
    void toolCall_messagesCarryTheCallsRequestId();
    void toolsCall_argumentsAgainstInputSchema_isErrorListingProblems();
    void resources_asyncReader_answersLaterOrSaysWhyNot();
    void runTool_deliversTheToolsResultWithoutAClient();

private:
    QList<json> exchange(const QByteArray &message);
    json request(const json &id, const char *method, const json &params = json::object(), bool modern = false);
    /** Registers the "content" and "ask" tools (not in init(): other tests count the tools). */
    void addTestTools();
    void initializeSession(const char *version = "2025-11-25", const json &capabilities = json::object());

    std::unique_ptr<McpServer> m_server;
    std::unique_ptr<McpSession> m_session;
    QList<json> m_sent;
    /** relatedRequest of each message in m_sent. */
    QList<QByteArray> m_related;
    std::vector<std::shared_ptr<ToolCall>> m_calls;
    /** What the "ask" tool's client requests got back. */
    std::vector<ToolCall::ClientReply> m_replies;
    /** What the "content" tool answers. */
    ToolResult m_contentResult;
};

void TestMcpServer::init()
{
    m_server = std::make_unique<McpServer>();
    m_sent.clear();
    m_related.clear();
    m_calls.clear();
    m_replies.clear();
    ToolDefinition echo;
    echo.name = QStringLiteral("echo");
    echo.title = QStringLiteral("Echo");
    echo.description = QStringLiteral("Returns its arguments");
    echo.outputSchema = json {{"type", "object"}};
    echo.annotations.readOnlyHint = true;
    echo.annotations.openWorldHint = false;
    m_server->addTool(
        echo, [](std::shared_ptr<ToolCall> call) { call->finish(ToolResult::fromJson(call->arguments())); });
    ToolDefinition slow;
    slow.name = QStringLiteral("slow");
    m_server->addTool(slow, [this](std::shared_ptr<ToolCall> call) { m_calls.push_back(std::move(call)); });
    m_session = m_server->createSession(QStringLiteral("local"));
    connect(m_session.get(), &McpSession::send, this,
        [this](const QByteArray &message, const QByteArray &related, bool isResponse) {
            const json parsed = json::parse(message.constBegin(), message.constEnd(), nullptr, false);
            QVERIFY(!parsed.is_discarded());
            QVERIFY(!message.contains('\n'));
            // The flag transports rely on instead of parsing: set exactly on results and errors.
            QCOMPARE(isResponse, parsed.is_object() && !parsed.contains("method"));
            QCOMPARE(isResponse, parsed.contains("result") || parsed.contains("error"));
            m_sent.append(parsed);
            m_related.append(related);
        });
}

void TestMcpServer::addTestTools()
{
    ToolDefinition content;
    content.name = QStringLiteral("content");
    m_server->addTool(content, [this](std::shared_ptr<ToolCall> call) { call->finish(m_contentResult); });
    // Asks the client (arguments.method, default sampling) and answers with what came back.
    ToolDefinition ask;
    ask.name = QStringLiteral("ask");
    m_server->addTool(ask, [this](std::shared_ptr<ToolCall> call) {
        m_calls.push_back(call);
        const QString method =
            QString::fromStdString(call->arguments().value("method", std::string("sampling/createMessage")));
        call->requestClient(method, json {{"maxTokens", 10}}, [this, call](const ToolCall::ClientReply &reply) {
            m_replies.push_back(reply);
            call->finish(reply ? ToolResult::fromJson(*reply) : ToolResult::error(reply.error().message));
        });
    });
}

void TestMcpServer::cleanup()
{
    m_calls.clear();
    m_session.reset();
    m_server.reset();
}

QList<json> TestMcpServer::exchange(const QByteArray &message)
{
    m_sent.clear();
    m_related.clear();
    m_session->receive(message);
    return m_sent;
}

json TestMcpServer::request(const json &id, const char *method, const json &params, bool modern)
{
    json message {{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", params}};
    if (modern) {
        message["params"]["_meta"]["io.modelcontextprotocol/protocolVersion"] = "2026-07-28";
    }
    const QList<json> replies = exchange(QByteArray::fromStdString(message.dump()));
    if (replies.size() != 1) {
        return json {{"replies", replies.size()}};
    }
    return replies.constFirst();
}

void TestMcpServer::initializeSession(const char *version, const json &capabilities)
{
    const json reply = request(0, "initialize",
        json {{"protocolVersion", version}, {"capabilities", capabilities},
            {"clientInfo", {{"name", "claude-ai"}, {"version", "1.0"}}}});
    QVERIFY2(reply.contains("result"), reply.dump().c_str());
    exchange(R"({"jsonrpc":"2.0","method":"notifications/initialized"})");
    QVERIFY(m_sent.isEmpty());
}

void TestMcpServer::receive_invalidMessage_answersError_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<bool>("initialized");
    QTest::addColumn<int>("code");
    QTest::addColumn<QByteArray>("id");

    QTest::newRow("malformed") << QByteArray("{\"jsonrpc\":") << true << -32700 << QByteArray("null");
    QTest::newRow("not-object") << QByteArray("42") << true << -32600 << QByteArray("null");
    QTest::newRow("batch") << QByteArray(R"([{"jsonrpc":"2.0","id":1,"method":"ping"}])") << true << -32600
                           << QByteArray("null");
    QTest::newRow("empty-batch") << QByteArray("[]") << true << -32600 << QByteArray("null");
    QTest::newRow("bad-jsonrpc") << QByteArray(R"({"jsonrpc":"1.0","id":1,"method":"ping"})") << true << -32600
                                 << QByteArray("1");
    QTest::newRow("no-jsonrpc") << QByteArray(R"({"id":1,"method":"ping"})") << true << -32600 << QByteArray("1");
    QTest::newRow("id-null") << QByteArray(R"({"jsonrpc":"2.0","id":null,"method":"ping"})") << true << -32600
                             << QByteArray("null");
    QTest::newRow("id-fraction") << QByteArray(R"({"jsonrpc":"2.0","id":1.5,"method":"ping"})") << true << -32600
                                 << QByteArray("null");
    QTest::newRow("id-object") << QByteArray(R"({"jsonrpc":"2.0","id":{},"method":"ping"})") << true << -32600
                               << QByteArray("null");
    QTest::newRow("method-number") << QByteArray(R"({"jsonrpc":"2.0","id":1,"method":5})") << true << -32600
                                   << QByteArray("1");
    QTest::newRow("method-missing") << QByteArray(R"({"jsonrpc":"2.0","id":1})") << true << -32600 << QByteArray("1");
    QTest::newRow("unknown-method") << QByteArray(R"({"jsonrpc":"2.0","id":1,"method":"nope"})") << true << -32601
                                    << QByteArray("1");
    QTest::newRow("unknown-method-string-id")
        << QByteArray(R"({"jsonrpc":"2.0","id":"a","method":"nope"})") << true << -32601 << QByteArray("\"a\"");
    QTest::newRow("params-array") << QByteArray(R"({"jsonrpc":"2.0","id":1,"method":"ping","params":[]})") << true
                                  << -32602 << QByteArray("1");
    QTest::newRow("not-initialized") << QByteArray(R"({"jsonrpc":"2.0","id":1,"method":"tools/list"})") << false
                                     << -32600 << QByteArray("1");
    QTest::newRow("initialize-twice") << QByteArray(
        R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25"}})")
                                      << true << -32600 << QByteArray("1");
    QTest::newRow("initialize-no-version")
        << QByteArray(R"({"jsonrpc":"2.0","id":1,"method":"initialize"})") << false << -32602 << QByteArray("1");
    QTest::newRow("call-no-name") << QByteArray(R"({"jsonrpc":"2.0","id":1,"method":"tools/call","params":{}})") << true
                                  << -32602 << QByteArray("1");
    QTest::newRow("call-unknown-tool") << QByteArray(
        R"({"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"nope"}})")
                                       << true << -32602 << QByteArray("1");
    QTest::newRow("call-arguments-array")
        << QByteArray(R"({"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","arguments":[]}})")
        << true << -32602 << QByteArray("1");
    QTest::newRow("list-cursor-garbage") << QByteArray(
        R"({"jsonrpc":"2.0","id":1,"method":"tools/list","params":{"cursor":"!!"}})")
                                         << true << -32602 << QByteArray("1");
    QTest::newRow("list-cursor-unknown") << QByteArray(
        R"({"jsonrpc":"2.0","id":1,"method":"tools/list","params":{"cursor":"bm9wZQ"}})")
                                         << true << -32602 << QByteArray("1");
    QTest::newRow("list-cursor-number") << QByteArray(
        R"({"jsonrpc":"2.0","id":1,"method":"tools/list","params":{"cursor":3}})")
                                        << true << -32602 << QByteArray("1");
    QTest::newRow("set-level-bad") << QByteArray(
        R"({"jsonrpc":"2.0","id":1,"method":"logging/setLevel","params":{"level":"loud"}})")
                                   << true << -32602 << QByteArray("1");
    QTest::newRow("set-level-missing") << QByteArray(R"({"jsonrpc":"2.0","id":1,"method":"logging/setLevel"})") << true
                                       << -32602 << QByteArray("1");
    QTest::newRow("resource-unknown") << QByteArray(
        R"({"jsonrpc":"2.0","id":1,"method":"resources/read","params":{"uri":"aries://x"}})")
                                      << true << -32002 << QByteArray("1");
    QTest::newRow("resource-no-uri") << QByteArray(R"({"jsonrpc":"2.0","id":1,"method":"resources/read"})") << true
                                     << -32602 << QByteArray("1");
    QTest::newRow("prompt-unknown") << QByteArray(
        R"({"jsonrpc":"2.0","id":1,"method":"prompts/get","params":{"name":"x"}})")
                                    << true << -32602 << QByteArray("1");
}

void TestMcpServer::receive_invalidMessage_answersError()
{
    QFETCH(QByteArray, message);
    QFETCH(bool, initialized);
    QFETCH(int, code);
    QFETCH(QByteArray, id);
    if (initialized) {
        initializeSession();
    }
    const QList<json> replies = exchange(message);
    QCOMPARE(replies.size(), 1);
    const json &reply = replies.constFirst();
    QCOMPARE(reply.value("jsonrpc", ""), std::string("2.0"));
    QVERIFY(reply.contains("id"));
    JCOMPARE(QByteArray::fromStdString(reply["id"].dump()), id);
    QVERIFY(reply["error"].is_object());
    QCOMPARE(reply["error"].value("code", 0), code);
    QVERIFY(!reply["error"].value("message", "").empty());
}

void TestMcpServer::receive_notification_sendsNothing_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("initialized") << QByteArray(R"({"jsonrpc":"2.0","method":"notifications/initialized"})");
    QTest::newRow("unknown") << QByteArray(R"({"jsonrpc":"2.0","method":"notifications/whatever"})");
    QTest::newRow("bad-params") << QByteArray(R"({"jsonrpc":"2.0","method":"notifications/cancelled","params":5})");
    QTest::newRow("cancel-unknown") << QByteArray(
        R"({"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":99}})");
    QTest::newRow("response") << QByteArray(R"({"jsonrpc":"2.0","id":7,"result":{}})");
}

void TestMcpServer::receive_notification_sendsNothing()
{
    QFETCH(QByteArray, message);
    initializeSession();
    QVERIFY(exchange(message).isEmpty());
}

void TestMcpServer::receive_tooLarge_refused_data()
{
    QTest::addColumn<int>("padding");
    QTest::addColumn<bool>("refused");
    QTest::newRow("at-limit") << 0 << false;
    QTest::newRow("one-over") << 1 << true;
    QTest::newRow("far-over") << 100000 << true;
}

void TestMcpServer::receive_tooLarge_refused()
{
    QFETCH(int, padding);
    QFETCH(bool, refused);
    const QByteArray ping = R"({"jsonrpc":"2.0","id":1,"method":"ping"})";
    m_server->setMaxMessageBytes(ping.size());
    const QList<json> replies = exchange(ping + QByteArray(padding, ' '));
    QCOMPARE(replies.size(), 1);
    if (refused) {
        QCOMPARE(replies.constFirst()["error"].value("code", 0), -32600);
        QCOMPARE(replies.constFirst()["error"].value("message", ""), std::string("Message too large"));
        QVERIFY(replies.constFirst()["id"].is_null());
    } else {
        JCOMPARE(replies.constFirst()["result"], json::object());
    }
}

void TestMcpServer::receive_duplicatePendingId_refused()
{
    initializeSession();
    JCOMPARE(request(5, "tools/call", {{"name", "slow"}}), json({{"replies", 0}}));
    const json reply = request(5, "tools/call", {{"name", "slow"}});
    QCOMPARE(reply["error"].value("code", 0), -32600);
    QCOMPARE(m_calls.size(), std::size_t(1));
}

void TestMcpServer::initialize_negotiatesVersion_data()
{
    QTest::addColumn<QString>("requested");
    QTest::addColumn<QString>("answered");
    QTest::newRow("2025-03-26") << QStringLiteral("2025-03-26") << QStringLiteral("2025-03-26");
    QTest::newRow("2025-06-18") << QStringLiteral("2025-06-18") << QStringLiteral("2025-06-18");
    QTest::newRow("2025-11-25") << QStringLiteral("2025-11-25") << QStringLiteral("2025-11-25");
    QTest::newRow("older") << QStringLiteral("2024-11-05") << QStringLiteral("2025-11-25");
    QTest::newRow("modern-via-initialize") << QStringLiteral("2026-07-28") << QStringLiteral("2025-11-25");
    QTest::newRow("garbage") << QStringLiteral("v1") << QStringLiteral("2025-11-25");
}

void TestMcpServer::initialize_negotiatesVersion()
{
    QFETCH(QString, requested);
    QFETCH(QString, answered);
    QVERIFY(m_session->clientName().isEmpty());
    const json reply = request(1, "initialize",
        {{"protocolVersion", requested.toStdString()}, {"capabilities", json::object()},
            {"clientInfo", {{"name", "claude-ai"}, {"version", "0.9"}}}});
    const json &result = reply["result"];
    QCOMPARE(QString::fromStdString(result.value("protocolVersion", "")), answered);
    QCOMPARE(m_session->protocolVersion(), answered);
    QCOMPARE(m_session->clientName(), QStringLiteral("claude-ai"));
    QCOMPARE(m_session->clientVersion(), QStringLiteral("0.9"));
    JCOMPARE(result["capabilities"]["tools"], json({{"listChanged", false}}));
    JCOMPARE(result["capabilities"]["resources"], json({{"subscribe", true}}));
    JCOMPARE(result["capabilities"]["completions"], json::object());
    JCOMPARE(result["capabilities"]["prompts"], json::object());
    JCOMPARE(result["capabilities"]["logging"], json::object());
    QCOMPARE(result["serverInfo"].value("name", ""), std::string("aries-companion"));
    QCOMPARE(result["serverInfo"].value("title", ""), std::string("Aries Companion"));
    QVERIFY(!result["serverInfo"].value("version", "").empty());
    QVERIFY(!result.value("instructions", "").empty());
}

void TestMcpServer::ping_beforeInitialize_answersEmpty()
{
    const json reply = request(1, "ping");
    JCOMPARE(reply["id"], json(1));
    JCOMPARE(reply["result"], json::object());
}

void TestMcpServer::toolsList_paginates_data()
{
    QTest::addColumn<int>("pageSize");
    QTest::addColumn<int>("pages");
    // 7 tools: echo, slow and t0..t4.
    QTest::newRow("1") << 1 << 7;
    QTest::newRow("2") << 2 << 4;
    QTest::newRow("7") << 7 << 1;
    QTest::newRow("100") << 100 << 1;
}

void TestMcpServer::toolsList_paginates()
{
    QFETCH(int, pageSize);
    QFETCH(int, pages);
    for (int i = 4; i >= 0; --i) {
        ToolDefinition tool;
        tool.name = QStringLiteral("t%1").arg(i);
        m_server->addTool(tool, [](std::shared_ptr<ToolCall>) {});
    }
    m_server->setPageSize(pageSize);
    initializeSession();
    QStringList names;
    json params = json::object();
    int pageCount = 0;
    for (;;) {
        const json reply = request(pageCount + 10, "tools/list", params);
        const json &result = reply["result"];
        QVERIFY2(result["tools"].is_array(), reply.dump().c_str());
        QVERIFY(int(result["tools"].size()) <= pageSize);
        for (const json &tool : result["tools"]) {
            names.append(QString::fromStdString(tool.value("name", "")));
        }
        ++pageCount;
        if (!result.contains("nextCursor")) {
            break;
        }
        params = {{"cursor", result["nextCursor"]}};
        QVERIFY(pageCount < 20);
    }
    QCOMPARE(pageCount, pages);
    QCOMPARE(names,
        QStringList({QStringLiteral("echo"), QStringLiteral("slow"), QStringLiteral("t0"), QStringLiteral("t1"),
            QStringLiteral("t2"), QStringLiteral("t3"), QStringLiteral("t4")}));
}

void TestMcpServer::toolsList_describesTool()
{
    initializeSession();
    const json tools = request(1, "tools/list")["result"]["tools"];
    QCOMPARE(tools.size(), std::size_t(2));
    const json &echo = tools[0];
    QCOMPARE(echo.value("title", ""), std::string("Echo"));
    QCOMPARE(echo.value("description", ""), std::string("Returns its arguments"));
    JCOMPARE(echo["inputSchema"], json({{"type", "object"}}));
    JCOMPARE(echo["outputSchema"], json({{"type", "object"}}));
    JCOMPARE(echo["annotations"], json({{"readOnlyHint", true}, {"openWorldHint", false}}));
    QVERIFY(!tools[1].contains("annotations"));
}

void TestMcpServer::toolsCall_result_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("isError");
    QTest::addColumn<bool>("structured");
    QTest::newRow("text") << 0 << QStringLiteral("hello") << false << false;
    QTest::newRow("json") << 1 << QStringLiteral(R"({"a":1})") << false << true;
    QTest::newRow("json-and-text") << 2 << QStringLiteral("summary") << false << true;
    QTest::newRow("error") << 3 << QStringLiteral("Log in via the tray app") << true << false;
}

void TestMcpServer::toolsCall_result()
{
    QFETCH(int, kind);
    QFETCH(QString, text);
    QFETCH(bool, isError);
    QFETCH(bool, structured);
    initializeSession();
    JCOMPARE(request(3, "tools/call", {{"name", "slow"}, {"arguments", {{"a", 1}}}}), json({{"replies", 0}}));
    QCOMPARE(m_calls.size(), std::size_t(1));
    const std::shared_ptr<ToolCall> call = m_calls.front();
    QCOMPARE(call->toolName(), QStringLiteral("slow"));
    QCOMPARE(call->clientName(), QStringLiteral("claude-ai"));
    JCOMPARE(call->arguments(), json({{"a", 1}}));
    ToolResult result;
    switch (kind) {
    case 0: result = ToolResult::fromText(text); break;
    case 1: result = ToolResult::fromJson(call->arguments()); break;
    case 2: result = ToolResult {call->arguments(), text, false}; break;
    default: result = ToolResult::error(text);
    }
    m_sent.clear();
    call->finish(result);
    call->finish(ToolResult::fromText(QStringLiteral("second")));
    QCOMPARE(m_sent.size(), 1);
    const json &reply = m_sent.constFirst();
    JCOMPARE(reply["id"], json(3));
    const json &out = reply["result"];
    JCOMPARE(out["content"], json::array({json {{"type", "text"}, {"text", text.toStdString()}}}));
    QCOMPARE(out.value("isError", !isError), isError);
    QCOMPARE(out.contains("structuredContent"), structured);
    if (structured) {
        JCOMPARE(out["structuredContent"], json({{"a", 1}}));
    }
}

void TestMcpServer::toolsCall_outOfOrder_answersEachId()
{
    initializeSession();
    JCOMPARE(request("first", "tools/call", {{"name", "slow"}}), json({{"replies", 0}}));
    JCOMPARE(request("second", "tools/call", {{"name", "slow"}}), json({{"replies", 0}}));
    // A synchronous tool answers at once while the others wait.
    JCOMPARE(request(9, "tools/call", {{"name", "echo"}, {"arguments", {{"x", 2}}}})["result"]["structuredContent"],
        json({{"x", 2}}));
    QCOMPARE(m_calls.size(), std::size_t(2));
    m_sent.clear();
    m_calls[1]->finish(ToolResult::fromText(QStringLiteral("2")));
    m_calls[0]->finish(ToolResult::fromText(QStringLiteral("1")));
    QCOMPARE(m_sent.size(), 2);
    JCOMPARE(m_sent[0]["id"], json("second"));
    JCOMPARE(m_sent[0]["result"]["content"][0]["text"], json("2"));
    JCOMPARE(m_sent[1]["id"], json("first"));
    JCOMPARE(m_sent[1]["result"]["content"][0]["text"], json("1"));
}

void TestMcpServer::toolsCall_progress_onlyWithToken()
{
    initializeSession();
    request(1, "tools/call", {{"name", "slow"}});
    request(2, "tools/call", {{"name", "slow"}, {"_meta", {{"progressToken", "tok"}}}});
    QCOMPARE(m_calls.size(), std::size_t(2));
    QVERIFY(m_calls[0]->progressToken().is_null());
    JCOMPARE(m_calls[1]->progressToken(), json("tok"));
    m_sent.clear();
    m_calls[0]->reportProgress(1, 2, QStringLiteral("half"));
    QVERIFY(m_sent.isEmpty());
    m_calls[1]->reportProgress(1, 2, QStringLiteral("half"));
    m_calls[1]->reportProgress(1, 2); // not increasing: dropped
    m_calls[1]->reportProgress(2);
    QCOMPARE(m_sent.size(), 2);
    JCOMPARE(m_sent[0],
        json({{"jsonrpc", "2.0"}, {"method", "notifications/progress"},
            {"params", {{"progressToken", "tok"}, {"progress", 1.0}, {"total", 2.0}, {"message", "half"}}}}));
    JCOMPARE(m_sent[1]["params"], json({{"progressToken", "tok"}, {"progress", 2.0}}));
    m_calls[1]->finish(ToolResult::fromText(QStringLiteral("done")));
    m_sent.clear();
    m_calls[1]->reportProgress(3);
    QVERIFY(m_sent.isEmpty());
}

void TestMcpServer::cancelled_call_neverAnswered()
{
    initializeSession();
    request(4, "tools/call", {{"name", "slow"}});
    QCOMPARE(m_calls.size(), std::size_t(1));
    QSignalSpy spy(m_calls[0].get(), &ToolCall::cancelled);
    QVERIFY(exchange(R"({"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":4,"reason":"x"}})")
                .isEmpty());
    QCOMPARE(spy.size(), 1);
    QVERIFY(m_calls[0]->isCancelled());
    m_calls[0]->finish(ToolResult::fromText(QStringLiteral("late")));
    QVERIFY(m_sent.isEmpty());
    // The id is free again and the session keeps working.
    JCOMPARE(request(4, "ping")["result"], json::object());
}

void TestMcpServer::close_cancelsPendingAndSilences()
{
    initializeSession();
    request(1, "tools/call", {{"name", "slow"}});
    request(2, "tools/call", {{"name", "slow"}, {"_meta", {{"progressToken", 1}}}});
    QSignalSpy first(m_calls[0].get(), &ToolCall::cancelled);
    QSignalSpy second(m_calls[1].get(), &ToolCall::cancelled);
    m_sent.clear();
    m_session->close();
    QCOMPARE(first.size(), 1);
    QCOMPARE(second.size(), 1);
    m_calls[1]->reportProgress(1);
    m_calls[0]->finish(ToolResult::fromText(QStringLiteral("late")));
    m_calls[1]->finish(ToolResult::fromText(QStringLiteral("late")));
    m_server->log(LogLevel::Emergency, QString(), "x");
    QVERIFY(exchange(R"({"jsonrpc":"2.0","id":3,"method":"ping"})").isEmpty());
    QVERIFY(m_sent.isEmpty());
}

void TestMcpServer::logging_filtersByLevel_data()
{
    QTest::addColumn<QString>("setLevel");
    QTest::addColumn<int>("level");
    QTest::addColumn<bool>("delivered");
    QTest::newRow("default-info-passes-info") << QString() << int(LogLevel::Info) << true;
    QTest::newRow("default-info-drops-debug") << QString() << int(LogLevel::Debug) << false;
    QTest::newRow("debug-passes-debug") << QStringLiteral("debug") << int(LogLevel::Debug) << true;
    QTest::newRow("warning-drops-notice") << QStringLiteral("warning") << int(LogLevel::Notice) << false;
    QTest::newRow("warning-passes-warning") << QStringLiteral("warning") << int(LogLevel::Warning) << true;
    QTest::newRow("error-passes-emergency") << QStringLiteral("error") << int(LogLevel::Emergency) << true;
    QTest::newRow("emergency-drops-alert") << QStringLiteral("emergency") << int(LogLevel::Alert) << false;
}

void TestMcpServer::logging_filtersByLevel()
{
    QFETCH(QString, setLevel);
    QFETCH(int, level);
    QFETCH(bool, delivered);
    // Nothing before initialize.
    m_server->log(LogLevel::Emergency, QStringLiteral("test"), "early");
    QVERIFY(m_sent.isEmpty());
    initializeSession();
    if (!setLevel.isEmpty()) {
        JCOMPARE(request(1, "logging/setLevel", {{"level", setLevel.toStdString()}})["result"], json::object());
    }
    m_sent.clear();
    m_server->log(LogLevel(level), QStringLiteral("orders"), json {{"note", "hi"}});
    QCOMPARE(m_sent.size(), delivered ? 1 : 0);
    if (delivered) {
        JCOMPARE(m_sent[0]["method"], json("notifications/message"));
        JCOMPARE(m_sent[0]["params"]["level"], json(logLevelName(LogLevel(level)).toStdString()));
        JCOMPARE(m_sent[0]["params"]["logger"], json("orders"));
        JCOMPARE(m_sent[0]["params"]["data"], json({{"note", "hi"}}));
    }
}

void TestMcpServer::resourcesAndPrompts_shapes()
{
    m_server->addResource({QStringLiteral("aries://status"), QStringLiteral("status"), QStringLiteral("Status"),
                              QString(), QStringLiteral("text/plain")},
        [](const QString &) { return std::optional<QString>(QStringLiteral("ok")); });
    m_server->addPrompt({QStringLiteral("review"), QStringLiteral("Review"), QStringLiteral("Review a position"),
                            {{QStringLiteral("symbol"), QStringLiteral("Ticker"), true}}},
        [](const QMap<QString, QString> &arguments) {
            return QStringLiteral("Review %1").arg(arguments.value(QStringLiteral("symbol")));
        });
    initializeSession();
    JCOMPARE(request(1, "resources/list")["result"]["resources"],
        json::array(
            {json {{"uri", "aries://status"}, {"name", "status"}, {"title", "Status"}, {"mimeType", "text/plain"}}}));
    JCOMPARE(request(2, "resources/read", {{"uri", "aries://status"}})["result"]["contents"],
        json::array({json {{"uri", "aries://status"}, {"mimeType", "text/plain"}, {"text", "ok"}}}));
    JCOMPARE(request(3, "resources/templates/list")["result"], json({{"resourceTemplates", json::array()}}));
    const json prompts = request(4, "prompts/list")["result"]["prompts"];
    QCOMPARE(prompts.size(), std::size_t(1));
    JCOMPARE(prompts[0]["arguments"][0]["required"], json(true));
    JCOMPARE(request(5, "prompts/get", {{"name", "review"}})["error"]["code"], json(-32602));
    const json got = request(6, "prompts/get", {{"name", "review"}, {"arguments", {{"symbol", "AAPL"}}}})["result"];
    JCOMPARE(got["messages"][0], json({{"role", "user"}, {"content", {{"type", "text"}, {"text", "Review AAPL"}}}}));
}

void TestMcpServer::modern_requestsWithoutInitialize()
{
    const json discover = request(1, "server/discover")["result"];
    QVERIFY(discover["supportedVersions"].is_array());
    QVERIFY(std::find(discover["supportedVersions"].begin(), discover["supportedVersions"].end(), json("2026-07-28"))
        != discover["supportedVersions"].end());
    JCOMPARE(discover["capabilities"]["tools"], json({{"listChanged", false}}));
    json params {{"_meta", {{"io.modelcontextprotocol/clientInfo", {{"name", "claude-code"}, {"version", "2"}}}}}};
    const json list = request(2, "tools/list", params, true)["result"];
    QCOMPARE(list.value("resultType", ""), std::string("complete"));
    JCOMPARE(list["_meta"]["io.modelcontextprotocol/serverInfo"]["name"], json("aries-companion"));
    QCOMPARE(list["tools"].size(), std::size_t(2));
    QCOMPARE(m_session->protocolVersion(), QStringLiteral("2026-07-28"));
    QCOMPARE(m_session->clientName(), QStringLiteral("claude-code"));
    const json call = request(3, "tools/call", {{"name", "echo"}, {"arguments", {{"a", 1}}}}, true)["result"];
    QCOMPARE(call.value("resultType", ""), std::string("complete"));
    JCOMPARE(call["structuredContent"], json({{"a", 1}}));
    JCOMPARE(request(4, "resources/read", {{"uri", "aries://none"}}, true)["error"]["code"], json(-32602));
    JCOMPARE(request(5, "ping", json::object(), true)["error"]["code"], json(-32601));
    // Legacy requests still need initialize.
    JCOMPARE(request(6, "tools/list")["error"]["code"], json(-32600));
}

void TestMcpServer::modern_unsupportedVersion_reportsSupported()
{
    const json params {{"_meta", {{"io.modelcontextprotocol/protocolVersion", "2099-01-01"}}}};
    const json reply = request(1, "tools/list", params);
    JCOMPARE(reply["error"]["code"], json(-32022));
    JCOMPARE(reply["error"]["data"]["requested"], json("2099-01-01"));
    JCOMPARE(reply["error"]["data"]["supported"], json::array({"2026-07-28"}));
}

void TestMcpServer::toolsCall_contentBlocks_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QByteArray>("expected");
    const QByteArray png = QByteArray("\x89PNG").toBase64();
    QTest::newRow("image") << 0
                           << QByteArray(R"({"content":[{"type":"image","data":")" + png
                                  + R"(","mimeType":"image/png"}],"isError":false})");
    QTest::newRow("audio") << 1
                           << QByteArray(R"({"content":[{"type":"audio","data":"UklGRg==","mimeType":"audio/wav"}],)"
                                         R"("isError":false})");
    QTest::newRow("embedded-text")
        << 2
        << QByteArray(R"({"content":[{"type":"resource","resource":{"uri":"aries://a","mimeType":"text/plain",)"
                      R"("text":"hi"}}],"isError":false})");
    QTest::newRow("embedded-blob")
        << 3
        << QByteArray(R"({"content":[{"type":"resource","resource":{"uri":"aries://b","mimeType":"application/pdf",)"
                      R"("blob":"AAE="}}],"isError":false})");
    QTest::newRow("resource-link")
        << 4
        << QByteArray(R"({"content":[{"type":"resource_link","uri":"aries://c","name":"c","mimeType":"text/csv",)"
                      R"("description":"Fills"}],"isError":false})");
    QTest::newRow("mixed-with-structured-and-error")
        << 5
        << QByteArray(R"({"content":[{"type":"text","text":"one"},{"type":"text","text":"two",)"
                      R"("annotations":{"audience":["user"]}}],"isError":true,"structuredContent":{"n":2}})");
}

void TestMcpServer::toolsCall_contentBlocks()
{
    QFETCH(int, kind);
    QFETCH(QByteArray, expected);
    addTestTools();
    initializeSession();
    switch (kind) {
    case 0:
        m_contentResult = ToolResult::fromContent({ContentBlock::image("\x89PNG", QStringLiteral("image/png"))});
        break;
    case 1:
        m_contentResult = ToolResult::fromContent({ContentBlock::audio("RIFF", QStringLiteral("audio/wav"))});
        break;
    case 2:
        m_contentResult = ToolResult::fromContent({ContentBlock::resource(ResourceContent::fromText(
            QStringLiteral("hi"), QStringLiteral("text/plain"), QStringLiteral("aries://a")))});
        break;
    case 3:
        m_contentResult = ToolResult::fromContent({ContentBlock::resource(ResourceContent::fromBlob(
            QByteArray("\x00\x01", 2), QStringLiteral("application/pdf"), QStringLiteral("aries://b")))});
        break;
    case 4:
        m_contentResult = ToolResult::fromContent({ContentBlock::resourceLink(
            QStringLiteral("aries://c"), QStringLiteral("c"), QStringLiteral("text/csv"), QStringLiteral("Fills"))});
        break;
    default:
        m_contentResult = ToolResult::fromContent(
            {ContentBlock::text(QStringLiteral("one")),
                ContentBlock::text(QStringLiteral("two")).withAnnotations(json {{"audience", {"user"}}})},
            true);
        m_contentResult.structuredContent = json {{"n", 2}};
        // Explicit blocks win over the text field.
        m_contentResult.text = QStringLiteral("ignored");
    }
    const json reply = request(1, "tools/call", {{"name", "content"}});
    JCOMPARE(reply["result"], json::parse(expected.toStdString()));
}

void TestMcpServer::uriTemplate_match_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("uri");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QStringList>("values"); // empty: no match
    QTest::newRow("one") << "test://template/{id}/data"
                         << "test://template/123/data" << true << QStringList {"123"};
    QTest::newRow("two") << "a://{x}/{y}"
                         << "a://1/2" << true << QStringList {"1", "2"};
    QTest::newRow("decoded") << "a://{x}"
                             << "a://b%20c" << true << QStringList {"b c"};
    QTest::newRow("no-segment-crossing") << "a://{x}/d"
                                         << "a://b/c/d" << true << QStringList();
    QTest::newRow("empty-value") << "a://{x}/d"
                                 << "a:///d" << true << QStringList();
    QTest::newRow("literal-mismatch") << "a://{x}/d"
                                      << "a://b/e" << true << QStringList();
    QTest::newRow("regex-chars-literal") << "a://x.y/{z}"
                                         << "a://xzy/1" << true << QStringList();
    QTest::newRow("operator") << "a://{+x}"
                              << "a://b" << false << QStringList();
    QTest::newRow("unbalanced") << "a://{x"
                                << "a://b" << false << QStringList();
    QTest::newRow("duplicate") << "a://{x}/{x}"
                               << "a://b/b" << false << QStringList();
}

void TestMcpServer::uriTemplate_match()
{
    QFETCH(QString, pattern);
    QFETCH(QString, uri);
    QFETCH(bool, valid);
    QFETCH(QStringList, values);
    const UriTemplate uriTemplate(pattern);
    QCOMPARE(uriTemplate.isValid(), valid);
    const auto matched = uriTemplate.match(uri);
    QCOMPARE(matched.has_value(), !values.isEmpty());
    if (matched) {
        QStringList got;
        for (const QString &name : uriTemplate.variables()) {
            got.append(matched->value(name));
        }
        QCOMPARE(got, values);
    }
}

void TestMcpServer::resources_blobsAndTemplates_data()
{
    QTest::addColumn<QString>("uri");
    QTest::addColumn<QByteArray>("expected"); // the contents[0], or the error code
    QTest::newRow("blob") << "aries://chart.png"
                          << QByteArray(R"({"uri":"aries://chart.png","mimeType":"image/png","blob":"iVBO"})");
    QTest::newRow("text-reader-still-works")
        << "aries://status" << QByteArray(R"({"uri":"aries://status","mimeType":"text/plain","text":"ok"})");
    QTest::newRow("template") << "aries://orders/42/fills"
                              << QByteArray(R"({"uri":"aries://orders/42/fills","mimeType":"application/json",)"
                                            R"("text":"fills of 42"})");
    QTest::newRow("template-decoded") << "aries://orders/a%2Fb/fills"
                                      << QByteArray(R"({"uri":"aries://orders/a%2Fb/fills",)"
                                                    R"("mimeType":"application/json","text":"fills of a/b"})");
    QTest::newRow("template-blob-override")
        << "aries://statements/2026"
        << QByteArray(R"({"uri":"aries://statements/2026","mimeType":"application/pdf","blob":"MjAyNg=="})");
    QTest::newRow("template-reader-says-missing") << "aries://orders/0/fills" << QByteArray("-32002");
    QTest::newRow("matches-no-template") << "aries://orders/42" << QByteArray("-32002");
    QTest::newRow("unknown") << "aries://nothing" << QByteArray("-32002");
}

void TestMcpServer::resources_blobsAndTemplates()
{
    QFETCH(QString, uri);
    QFETCH(QByteArray, expected);
    m_server->addResource(resourceNamed(QStringLiteral("aries://status"), QStringLiteral("status")),
        [](const QString &) -> std::optional<QString> { return QStringLiteral("ok"); });
    m_server->addResource(
        {QStringLiteral("aries://chart.png"), QStringLiteral("chart"), {}, {}, QStringLiteral("image/png")},
        [](const QString &) -> std::optional<ResourceContent> {
            return ResourceContent::fromBlob(QByteArray::fromBase64("iVBO"));
        });
    m_server->addResourceTemplate({QStringLiteral("aries://orders/{orderId}/fills"), QStringLiteral("fills"), {},
                                      QStringLiteral("Fills of an order"), QStringLiteral("application/json")},
        [](const QString &, const QMap<QString, QString> &variables) -> std::optional<ResourceContent> {
            const QString id = variables.value(QStringLiteral("orderId"));
            if (id == QLatin1String("0")) {
                return std::nullopt;
            }
            return QStringLiteral("fills of %1").arg(id);
        });
    m_server->addResourceTemplate(
        templateNamed(QStringLiteral("aries://statements/{year}"), QStringLiteral("statement")),
        [](const QString &, const QMap<QString, QString> &variables) -> std::optional<ResourceContent> {
            return ResourceContent::fromBlob(
                variables.value(QStringLiteral("year")).toUtf8(), QStringLiteral("application/pdf"));
        });
    initializeSession();
    const json reply = request(1, "resources/read", {{"uri", uri.toStdString()}});
    const json wanted = json::parse(expected.toStdString());
    if (wanted.is_number()) {
        JCOMPARE(reply["error"]["code"], wanted);
        JCOMPARE(reply["error"]["data"]["uri"], json(uri.toStdString()));
    } else {
        JCOMPARE(reply["result"]["contents"], json::array({wanted}));
    }
    // Raw strings stay out of the macro arguments: moc's preprocessor does not read them.
    const json templates = json::parse(R"([{"uriTemplate":"aries://orders/{orderId}/fills","name":"fills",)"
                                       R"("description":"Fills of an order","mimeType":"application/json"},)"
                                       R"({"uriTemplate":"aries://statements/{year}","name":"statement"}])");
    JCOMPARE(request(2, "resources/templates/list")["result"]["resourceTemplates"], templates);
}

void TestMcpServer::resources_subscribe_onlySubscribersNotified()
{
    m_server->addResource(resourceNamed(QStringLiteral("aries://status"), QStringLiteral("status")),
        [](const QString &) -> std::optional<QString> { return QStringLiteral("ok"); });
    m_server->addResourceTemplate(templateNamed(QStringLiteral("aries://orders/{id}"), QStringLiteral("order")),
        [](const QString &, const QMap<QString, QString> &) -> std::optional<ResourceContent> {
            return QStringLiteral("order");
        });
    initializeSession();
    // A second client that never subscribes.
    std::unique_ptr<McpSession> other = m_server->createSession(QStringLiteral("local"));
    QList<QByteArray> otherSent;
    connect(
        other.get(), &McpSession::send, this, [&otherSent](const QByteArray &message) { otherSent.append(message); });
    other->receive(R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25",)"
                   R"("capabilities":{},"clientInfo":{"name":"b","version":"1"}}})");
    QCOMPARE(otherSent.size(), 1);

    JCOMPARE(request(1, "resources/subscribe", {{"uri", "aries://status"}})["result"], json::object());
    JCOMPARE(request(2, "resources/subscribe", {{"uri", "aries://orders/7"}})["result"], json::object());
    JCOMPARE(request(3, "resources/subscribe", {{"uri", "aries://nothing"}})["error"]["code"], json(-32002));
    JCOMPARE(request(4, "resources/subscribe", json::object())["error"]["code"], json(-32602));
    // 2026-07-28 has subscriptions/listen instead.
    JCOMPARE(request(5, "resources/subscribe", {{"uri", "aries://status"}}, true)["error"]["code"], json(-32601));
    JCOMPARE(request(6, "resources/unsubscribe", {{"uri", "aries://status"}}, true)["error"]["code"], json(-32601));

    m_sent.clear();
    m_related.clear();
    m_server->notifyResourceUpdated(QStringLiteral("aries://status"));
    m_server->notifyResourceUpdated(QStringLiteral("aries://orders/7"));
    m_server->notifyResourceUpdated(QStringLiteral("aries://orders/8"));
    QCOMPARE(m_sent.size(), 2);
    JCOMPARE(m_sent[0],
        json({{"jsonrpc", "2.0"}, {"method", "notifications/resources/updated"},
            {"params", {{"uri", "aries://status"}}}}));
    JCOMPARE(m_sent[1]["params"]["uri"], json("aries://orders/7"));
    QCOMPARE(m_related, QList<QByteArray>({QByteArray(), QByteArray()}));
    QCOMPARE(otherSent.size(), 1);

    JCOMPARE(request(7, "resources/unsubscribe", {{"uri", "aries://status"}})["result"], json::object());
    JCOMPARE(request(8, "resources/unsubscribe", {{"uri", "aries://never"}})["result"], json::object());
    m_sent.clear();
    m_server->notifyResourceUpdated(QStringLiteral("aries://status"));
    QVERIFY(m_sent.isEmpty());
    m_server->notifyResourceUpdated(QStringLiteral("aries://orders/7"));
    QCOMPARE(m_sent.size(), 1);
}

void TestMcpServer::prompts_multipleMessages()
{
    m_server->addPrompt(
        {QStringLiteral("chart"), {}, QStringLiteral("Discuss a chart"), {{QStringLiteral("symbol"), QString(), true}}},
        [](const QMap<QString, QString> &arguments) {
            const QString symbol = arguments.value(QStringLiteral("symbol"));
            return QList<PromptMessage> {
                {QStringLiteral("user"), ContentBlock::image("PNG", QStringLiteral("image/png"))},
                {QStringLiteral("user"),
                    ContentBlock::resource(ResourceContent::fromText(QStringLiteral("fills"),
                        QStringLiteral("text/csv"), QStringLiteral("aries://fills/%1").arg(symbol)))},
                {QStringLiteral("assistant"), ContentBlock::text(QStringLiteral("Looking at %1").arg(symbol))}};
        });
    initializeSession();
    const json got = request(1, "prompts/get", {{"name", "chart"}, {"arguments", {{"symbol", "MSFT"}}}})["result"];
    const json expected =
        json::parse(R"({"messages":[)"
                    R"({"role":"user","content":{"type":"image","data":"UE5H","mimeType":"image/png"}},)"
                    R"({"role":"user","content":{"type":"resource","resource":{"uri":"aries://fills/MSFT",)"
                    R"("mimeType":"text/csv","text":"fills"}}},)"
                    R"({"role":"assistant","content":{"type":"text","text":"Looking at MSFT"}}],)"
                    R"("description":"Discuss a chart"})");
    JCOMPARE(got, expected);
}

void TestMcpServer::completion_complete_data()
{
    QTest::addColumn<QByteArray>("params");
    QTest::addColumn<QByteArray>("expected"); // the result, or the error code
    QTest::newRow("prompt-argument") << QByteArray(
        R"({"ref":{"type":"ref/prompt","name":"review"},"argument":{"name":"symbol","value":"AA"}})")
                                     << QByteArray(
                                            R"({"completion":{"values":["AAL","AAPL"],"total":2,"hasMore":false}})");
    QTest::newRow("prompt-context-passed")
        << QByteArray(R"({"ref":{"type":"ref/prompt","name":"review"},"argument":{"name":"side","value":""},)"
                      R"("context":{"arguments":{"symbol":"AAPL"}}})")
        << QByteArray(R"({"completion":{"values":["buy AAPL","sell AAPL"],"total":2,"hasMore":false}})");
    QTest::newRow("capped-at-100") << QByteArray(
        R"({"ref":{"type":"ref/resource","uri":"aries://orders/{id}"},"argument":{"name":"id","value":""}})")
                                   << QByteArray("");
    QTest::newRow("prompt-without-provider")
        << QByteArray(R"({"ref":{"type":"ref/prompt","name":"plain"},"argument":{"name":"x","value":"a"}})")
        << QByteArray(R"({"completion":{"values":[],"total":0,"hasMore":false}})");
    QTest::newRow("unknown-prompt") << QByteArray(
        R"({"ref":{"type":"ref/prompt","name":"nope"},"argument":{"name":"symbol","value":""}})")
                                    << QByteArray("-32602");
    QTest::newRow("unknown-argument") << QByteArray(
        R"({"ref":{"type":"ref/prompt","name":"review"},"argument":{"name":"nope","value":""}})")
                                      << QByteArray("-32602");
    QTest::newRow("unknown-template") << QByteArray(
        R"({"ref":{"type":"ref/resource","uri":"aries://orders/1"},"argument":{"name":"id","value":""}})")
                                      << QByteArray("-32602");
    QTest::newRow("unknown-ref-type") << QByteArray(
        R"({"ref":{"type":"ref/tool","name":"review"},"argument":{"name":"symbol","value":""}})")
                                      << QByteArray("-32602");
    QTest::newRow("no-argument") << QByteArray(R"({"ref":{"type":"ref/prompt","name":"review"}})")
                                 << QByteArray("-32602");
}

void TestMcpServer::completion_complete()
{
    QFETCH(QByteArray, params);
    QFETCH(QByteArray, expected);
    m_server->addPrompt(
        {QStringLiteral("review"), {}, {},
            {{QStringLiteral("symbol"), QString(), true}, {QStringLiteral("side"), QString(), false}}},
        [](const QMap<QString, QString> &) { return QStringLiteral("x"); },
        [](const QString &argument, const QString &value, const QMap<QString, QString> &context) {
            if (argument == QLatin1String("side")) {
                const QString symbol = context.value(QStringLiteral("symbol"));
                return QStringList {QStringLiteral("buy ") + symbol, QStringLiteral("sell ") + symbol};
            }
            return QStringList {QStringLiteral("AAL"), QStringLiteral("AAPL"), QStringLiteral("MSFT")}.filter(
                QRegularExpression(QStringLiteral("^") + value));
        });
    m_server->addPrompt({QStringLiteral("plain"), {}, {}, {{QStringLiteral("x"), QString(), false}}},
        [](const QMap<QString, QString> &) { return QStringLiteral("x"); });
    m_server->addResourceTemplate(
        templateNamed(QStringLiteral("aries://orders/{id}"), QStringLiteral("order")),
        [](const QString &, const QMap<QString, QString> &) -> std::optional<ResourceContent> { return std::nullopt; },
        [](const QString &, const QString &, const QMap<QString, QString> &) {
            QStringList ids;
            for (int i = 0; i < 150; ++i) {
                ids.append(QString::number(i));
            }
            return ids;
        });
    initializeSession();
    const json reply = request(1, "completion/complete", json::parse(params.toStdString()));
    if (expected.isEmpty()) {
        const json &completion = reply["result"]["completion"];
        QCOMPARE(completion["values"].size(), std::size_t(100));
        JCOMPARE(completion["values"][99], json("99"));
        JCOMPARE(completion["total"], json(150));
        JCOMPARE(completion["hasMore"], json(true));
        return;
    }
    const json wanted = json::parse(expected.toStdString());
    if (wanted.is_number()) {
        JCOMPARE(reply["error"]["code"], wanted);
    } else {
        JCOMPARE(reply["result"], wanted);
    }
}

void TestMcpServer::clientRequest_response_data()
{
    QTest::addColumn<QByteArray>("response");
    QTest::addColumn<QByteArray>("expectedReply"); // {"result":…} or {"error":[code,message]}; empty: no callback
    QTest::newRow("result") << QByteArray(R"({"jsonrpc":"2.0","id":"s-1","result":{"role":"assistant"}})")
                            << QByteArray(R"({"result":{"role":"assistant"}})");
    QTest::newRow("error") << QByteArray(
        R"({"jsonrpc":"2.0","id":"s-1","error":{"code":-32600,"message":"User rejected sampling request"}})")
                           << QByteArray(R"({"error":[-32600,"User rejected sampling request"]})");
    QTest::newRow("unknown-id") << QByteArray(R"({"jsonrpc":"2.0","id":"s-2","result":{}})") << QByteArray();
    QTest::newRow("client-id-space") << QByteArray(R"({"jsonrpc":"2.0","id":7,"result":{}})") << QByteArray();
    QTest::newRow("id-as-number") << QByteArray(R"({"jsonrpc":"2.0","id":1,"result":{}})") << QByteArray();
}

void TestMcpServer::clientRequest_response()
{
    QFETCH(QByteArray, response);
    QFETCH(QByteArray, expectedReply);
    addTestTools();
    initializeSession("2025-11-25", json {{"sampling", json::object()}});
    const QList<json> sent = exchange(R"({"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"ask"}})");
    QCOMPARE(sent.size(), 1);
    JCOMPARE(sent[0],
        json({{"jsonrpc", "2.0"}, {"id", "s-1"}, {"method", "sampling/createMessage"},
            {"params", {{"maxTokens", 10}}}}));
    QCOMPARE(m_related, QList<QByteArray>({QByteArray("7")}));
    JCOMPARE(m_calls.front()->clientCapabilities(), json({{"sampling", json::object()}}));

    const QList<json> after = exchange(response);
    if (expectedReply.isEmpty()) {
        QVERIFY(after.isEmpty());
        QVERIFY(m_replies.empty());
        // The real answer still reaches the call.
        QCOMPARE(exchange(R"({"jsonrpc":"2.0","id":"s-1","result":{}})").size(), 1);
        QCOMPARE(m_replies.size(), std::size_t(1));
        return;
    }
    QCOMPARE(m_replies.size(), std::size_t(1));
    const ToolCall::ClientReply &reply = m_replies.front();
    const json wanted = json::parse(expectedReply.toStdString());
    if (wanted.contains("result")) {
        QVERIFY(reply.has_value());
        JCOMPARE(*reply, wanted["result"]);
    } else {
        QVERIFY(!reply.has_value());
        QCOMPARE(reply.error().code, wanted["error"][0].get<int>());
        QCOMPARE(reply.error().message, QString::fromStdString(wanted["error"][1].get<std::string>()));
    }
    // The handler finished the call: its answer followed, on the call's own request.
    QCOMPARE(after.size(), 1);
    JCOMPARE(after[0]["id"], json(7));
    QCOMPARE(m_related, QList<QByteArray>({QByteArray("7")}));
    // A second answer to the same id is ignored.
    QVERIFY(exchange(response).isEmpty());
    QCOMPARE(m_replies.size(), std::size_t(1));
}

void TestMcpServer::clientRequest_cancelledCallDropsPending()
{
    addTestTools();
    initializeSession("2025-11-25", json {{"sampling", json::object()}});
    request(7, "tools/call", {{"name", "ask"}});
    QCOMPARE(m_calls.size(), std::size_t(1));
    // The client gives up on the tool call: our request to it is withdrawn, on the call's stream.
    const QList<json> sent =
        exchange(R"({"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":7}})");
    QCOMPARE(sent.size(), 1);
    JCOMPARE(sent[0]["method"], json("notifications/cancelled"));
    JCOMPARE(sent[0]["params"]["requestId"], json("s-1"));
    QCOMPARE(m_related, QList<QByteArray>({QByteArray("7")}));
    QVERIFY(m_calls.front()->isCancelled());
    // A late answer is ignored and the handler is never called.
    QVERIFY(exchange(R"({"jsonrpc":"2.0","id":"s-1","result":{}})").isEmpty());
    QVERIFY(m_replies.empty());
    // A cancelled call sends no new requests.
    m_calls.front()->requestClient(QStringLiteral("sampling/createMessage"), json::object(), {});
    QVERIFY(m_sent.isEmpty());

    // Finishing a call also withdraws what it still waits for, before its answer.
    request(8, "tools/call", {{"name", "ask"}});
    m_sent.clear();
    m_related.clear();
    m_calls.back()->finish(ToolResult::fromText(QStringLiteral("gave up")));
    QCOMPARE(m_sent.size(), 2);
    JCOMPARE(m_sent[0]["params"]["requestId"], json("s-2"));
    JCOMPARE(m_sent[1]["id"], json(8));
    QCOMPARE(m_related, QList<QByteArray>({QByteArray("8"), QByteArray("8")}));
    QVERIFY(exchange(R"({"jsonrpc":"2.0","id":"s-2","result":{}})").isEmpty());
    QVERIFY(m_replies.empty());
}

void TestMcpServer::clientRequest_closeDropsPending()
{
    addTestTools();
    initializeSession("2025-11-25", json {{"sampling", json::object()}});
    request(7, "tools/call", {{"name", "ask"}});
    m_sent.clear();
    m_session->close();
    QVERIFY(m_sent.isEmpty());
    m_session->receive(R"({"jsonrpc":"2.0","id":"s-1","result":{}})");
    QVERIFY(m_replies.empty());
    QVERIFY(m_sent.isEmpty());
}

void TestMcpServer::clientRequest_refusedWithoutCapabilityOrInModernContext_data()
{
    QTest::addColumn<QByteArray>("capabilities");
    QTest::addColumn<QString>("method");
    QTest::addColumn<bool>("modern");
    QTest::newRow("no-sampling") << QByteArray(R"({"elicitation":{}})") << "sampling/createMessage" << false;
    QTest::newRow("no-elicitation") << QByteArray(R"({"sampling":{}})") << "elicitation/create" << false;
    QTest::newRow("no-roots") << QByteArray("{}") << "roots/list" << false;
    QTest::newRow("modern") << QByteArray(R"({"sampling":{}})") << "sampling/createMessage" << true;
}

void TestMcpServer::clientRequest_refusedWithoutCapabilityOrInModernContext()
{
    QFETCH(QByteArray, capabilities);
    QFETCH(QString, method);
    QFETCH(bool, modern);
    addTestTools();
    const json declared = json::parse(capabilities.toStdString());
    json params {{"name", "ask"}, {"arguments", {{"method", method.toStdString()}}}};
    if (modern) {
        params["_meta"]["io.modelcontextprotocol/clientCapabilities"] = declared;
    } else {
        initializeSession("2025-11-25", declared);
    }
    // The handler is called at once with an error; only the tool's answer goes out.
    const json reply = request(1, "tools/call", params, modern);
    QCOMPARE(m_replies.size(), std::size_t(1));
    QVERIFY(!m_replies.front().has_value());
    QCOMPARE(m_replies.front().error().code, ToolCall::kClientRequestUnavailable);
    JCOMPARE(reply["result"]["isError"], json(true));
    JCOMPARE(m_calls.front()->clientCapabilities(), declared);
}

void TestMcpServer::toolCall_messagesCarryTheCallsRequestId()
{
    ToolDefinition chatty;
    chatty.name = QStringLiteral("chatty");
    m_server->addTool(chatty, [this](std::shared_ptr<ToolCall> call) {
        m_calls.push_back(call);
        call->reportProgress(1, 2);
        call->log(LogLevel::Warning, QStringLiteral("orders"), "working");
        call->log(LogLevel::Debug, QStringLiteral("orders"), "below the level");
        call->requestClient(QStringLiteral("elicitation/create"), json {{"message", "Sure?"}}, {});
    });
    initializeSession("2025-11-25", json {{"elicitation", json::object()}});
    const QList<json> sent = exchange(
        R"({"jsonrpc":"2.0","id":"abc","method":"tools/call","params":{"name":"chatty","_meta":{"progressToken":1}}})");
    QCOMPARE(sent.size(), 3);
    JCOMPARE(sent[0]["method"], json("notifications/progress"));
    JCOMPARE(sent[1],
        json({{"jsonrpc", "2.0"}, {"method", "notifications/message"},
            {"params", {{"level", "warning"}, {"data", "working"}, {"logger", "orders"}}}}));
    JCOMPARE(sent[2]["method"], json("elicitation/create"));
    const QByteArray id = R"("abc")";
    QCOMPARE(m_related, QList<QByteArray>({id, id, id}));

    // The session-wide log belongs to no request.
    m_sent.clear();
    m_related.clear();
    m_server->log(LogLevel::Error, QString(), "broadcast");
    QCOMPARE(m_related, QList<QByteArray>({QByteArray()}));

    // The call's log follows logging/setLevel.
    JCOMPARE(request(2, "logging/setLevel", {{"level", "error"}})["result"], json::object());
    m_sent.clear();
    m_calls.front()->log(LogLevel::Warning, QString(), "filtered");
    QVERIFY(m_sent.isEmpty());
    m_calls.front()->log(LogLevel::Error, QString(), "kept");
    QCOMPARE(m_sent.size(), 1);

    // 2026-07-28: no logs unless the request opted in through _meta.
    json params {{"name", "chatty"}};
    exchange(QByteArray::fromStdString(json {{"jsonrpc", "2.0"}, {"id", 3}, {"method", "tools/call"},
        {"params",
            {{"name", "chatty"},
                {"_meta",
                    {{"io.modelcontextprotocol/protocolVersion", "2026-07-28"},
                        {"io.modelcontextprotocol/logLevel",
                            "info"}}}}}}.dump()));
    QCOMPARE(m_sent.size(), 1);
    JCOMPARE(m_sent[0]["params"]["data"], json("working"));
    QCOMPARE(m_related, QList<QByteArray>({QByteArray("3")}));
    request(4, "tools/call", params, true);
    QVERIFY(m_sent.isEmpty());
}

void TestMcpServer::toolsCall_argumentsAgainstInputSchema_isErrorListingProblems()
{
    int handled = 0;
    ToolDefinition strict;
    strict.name = QStringLiteral("strict");
    strict.inputSchema = json {{"type", "object"}, {"required", {"symbol"}}, {"additionalProperties", false},
        {"properties",
            {{"symbol", {{"type", "string"}}}, {"quantity", {{"type", "number"}, {"exclusiveMinimum", 0}}}}}};
    m_server->addTool(strict, [&handled](std::shared_ptr<ToolCall> call) {
        ++handled;
        call->finish(ToolResult::fromJson(call->arguments()));
    });
    initializeSession();

    const json bad = request(1, "tools/call", {{"name", "strict"}, {"arguments", {{"quantity", 0}, {"qty", 1}}}});
    QCOMPARE(handled, 0);
    QVERIFY2(bad.contains("result"), bad.dump().c_str());
    JCOMPARE(bad["result"]["isError"], json(true));
    const QString text = QString::fromStdString(bad["result"]["content"][0]["text"].get<std::string>());
    QVERIFY2(text.contains(QStringLiteral("missing required argument 'symbol'")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("quantity must be greater than 0")), qPrintable(text));
    QVERIFY2(
        text.contains(QStringLiteral("unknown argument 'qty'; expected one of: quantity, symbol")), qPrintable(text));

    // No arguments at all are checked as an empty object.
    const json none = request(2, "tools/call", {{"name", "strict"}});
    JCOMPARE(none["result"]["isError"], json(true));
    QCOMPARE(handled, 0);

    const json good = request(3, "tools/call", {{"name", "strict"}, {"arguments", {{"symbol", "A"}, {"quantity", 2}}}});
    QCOMPARE(handled, 1);
    JCOMPARE(good["result"]["structuredContent"], json({{"quantity", 2}, {"symbol", "A"}}));
}

void TestMcpServer::resources_asyncReader_answersLaterOrSaysWhyNot()
{
    std::vector<std::function<void(std::expected<ResourceContent, QString>)>> waiting;
    m_server->addResource(resourceNamed(QStringLiteral("aries://portfolio"), QStringLiteral("portfolio")),
        [&waiting](const QString &, std::function<void(std::expected<ResourceContent, QString>)> done) {
            waiting.push_back(std::move(done));
        });
    initializeSession();

    // Nothing is answered until the reader is; other requests are served meanwhile.
    const QByteArray read =
        R"({"jsonrpc":"2.0","id":"r1","method":"resources/read","params":{"uri":"aries://portfolio"}})";
    QCOMPARE(exchange(read).size(), 0);
    QCOMPARE(waiting.size(), std::size_t(1));
    QVERIFY(request(2, "ping").contains("result"));
    m_sent.clear();
    waiting[0](ResourceContent::fromText(QStringLiteral("{\"positions\":[]}")));
    QCOMPARE(m_sent.size(), 1);
    QVERIFY(m_sent[0]["id"] == "r1");
    QVERIFY(m_sent[0]["result"]["contents"][0]["text"] == "{\"positions\":[]}");
    QVERIFY(m_sent[0]["result"]["contents"][0]["uri"] == "aries://portfolio");
    QCOMPARE(m_related.last(), QByteArray("\"r1\""));

    // A reader that cannot read says why, as an error naming the URI.
    m_sent.clear();
    exchange(R"({"jsonrpc":"2.0","id":3,"method":"resources/read","params":{"uri":"aries://portfolio"}})");
    waiting[1](std::unexpected(QStringLiteral("Not connected to Aries.")));
    QCOMPARE(m_sent.size(), 1);
    QCOMPARE(m_sent[0]["error"]["code"].get<int>(), -32603);
    QVERIFY(m_sent[0]["error"]["message"] == "Not connected to Aries.");
    QVERIFY(m_sent[0]["error"]["data"]["uri"] == "aries://portfolio");

    // Cancelled: the late answer is not sent.
    m_sent.clear();
    exchange(R"({"jsonrpc":"2.0","id":4,"method":"resources/read","params":{"uri":"aries://portfolio"}})");
    exchange(R"({"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":4}})");
    waiting[2](ResourceContent::fromText(QStringLiteral("late")));
    QCOMPARE(m_sent.size(), 0);

    // The session closed: nothing either, and no crash.
    exchange(R"({"jsonrpc":"2.0","id":5,"method":"resources/read","params":{"uri":"aries://portfolio"}})");
    m_session.reset();
    waiting[3](ResourceContent::fromText(QStringLiteral("after close")));
    QCOMPARE(m_sent.size(), 0);
}

void TestMcpServer::runTool_deliversTheToolsResultWithoutAClient()
{
    ToolDefinition echo;
    echo.name = QStringLiteral("echo");
    m_server->addTool(echo, [](std::shared_ptr<ToolCall> call) {
        QTimer::singleShot(0, call.get(), [call] { call->finish(ToolResult::fromJson(call->arguments())); });
    });
    std::optional<ToolResult> result;
    QObject context;
    m_server->runTool(
        QStringLiteral("echo"), json {{"a", 1}}, &context, [&result](const ToolResult &r) { result = r; });
    QTRY_VERIFY(result.has_value());
    QVERIFY(!result->isError);
    QVERIFY(*result->structuredContent == (json {{"a", 1}}));

    std::optional<ToolResult> unknown;
    m_server->runTool(
        QStringLiteral("nope"), json::object(), &context, [&unknown](const ToolResult &r) { unknown = r; });
    QVERIFY(unknown.has_value() && unknown->isError);

    // The caller went away: its callback is not called.
    bool called = false;
    {
        QObject gone;
        m_server->runTool(
            QStringLiteral("echo"), json::object(), &gone, [&called](const ToolResult &) { called = true; });
    }
    QTest::qWait(20);
    QVERIFY(!called);
}

QTEST_GUILESS_MAIN(TestMcpServer)
#include "TestMcpServer.moc"
