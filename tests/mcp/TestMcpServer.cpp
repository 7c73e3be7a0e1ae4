// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mcp/McpServer.h"
#include "mcp/McpSession.h"
#include "mcp/ToolCall.h"

#include <QSignalSpy>
#include <QTest>

#include <nlohmann/json.hpp>

#include <memory>
#include <vector>

using namespace Companion::Mcp;
using nlohmann::json;

// QCOMPARE on nlohmann::json trips over QTest's overloads (its implicit conversions); compare the
// compact texts instead, which also prints both sides on failure.
#define JCOMPARE(actual, expected)                                                                                     \
    QCOMPARE(QByteArray::fromStdString(json(actual).dump()), QByteArray::fromStdString(json(expected).dump()))

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

private:
    QList<json> exchange(const QByteArray &message);
    json request(const json &id, const char *method, const json &params = json::object(), bool modern = false);
    void initializeSession(const char *version = "2025-11-25");

    std::unique_ptr<McpServer> m_server;
    std::unique_ptr<McpSession> m_session;
    QList<json> m_sent;
    std::vector<std::shared_ptr<ToolCall>> m_calls;
};

void TestMcpServer::init()
{
    m_server = std::make_unique<McpServer>();
    m_sent.clear();
    m_calls.clear();
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
    connect(m_session.get(), &McpSession::send, this, [this](const QByteArray &message) {
        const json parsed = json::parse(message.constBegin(), message.constEnd(), nullptr, false);
        QVERIFY(!parsed.is_discarded());
        QVERIFY(!message.contains('\n'));
        m_sent.append(parsed);
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

void TestMcpServer::initializeSession(const char *version)
{
    const json reply = request(0, "initialize",
        json {{"protocolVersion", version}, {"capabilities", json::object()},
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
    JCOMPARE(result["capabilities"]["resources"], json::object());
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

QTEST_GUILESS_MAIN(TestMcpServer)
#include "TestMcpServer.moc"
