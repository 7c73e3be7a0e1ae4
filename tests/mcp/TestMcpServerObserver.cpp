// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// What McpServer tells the status view and the audit log: the clients connected now (from initialize's
// clientInfo, per transport) and one toolCallFinished per tools/call, whatever its end, without arguments.
#include "mcp/McpServer.h"
#include "mcp/McpSession.h"
#include "mcp/ToolCall.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Companion::Mcp;
using nlohmann::json;

Q_DECLARE_METATYPE(Companion::Mcp::ToolCallEvent)

namespace {

QByteArray initialize(const char *name, const char *version)
{
    return QByteArray::fromStdString(json {{"jsonrpc", "2.0"}, {"id", 0}, {"method", "initialize"},
        {"params",
            {{"protocolVersion", "2025-11-25"}, {"capabilities", json::object()},
                {"clientInfo", {{"name", name}, {"version", version}}}}}}
                                         .dump());
}

QByteArray toolsCall(int id, const char *tool, const json &arguments = json::object())
{
    return QByteArray::fromStdString(json {{"jsonrpc", "2.0"}, {"id", id}, {"method", "tools/call"},
        {"params", {{"name", tool}, {"arguments", arguments}}}}
                                         .dump());
}

ToolDefinition tool(const char *name)
{
    ToolDefinition definition;
    definition.name = QString::fromLatin1(name);
    definition.description = QStringLiteral("test tool");
    definition.inputSchema = json {{"type", "object"}};
    return definition;
}

} // namespace

class TestMcpServerObserver final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void connectedClients_listsInitializedSessionsWithTransport();
    void connectedClients_sessionClosed_leavesListAndSignals();
    void toolCall_ok_reportedWithoutArguments();
    void toolCall_error_detailIsFirstLineCutShort();
    void toolCall_orderRefused_isDenied();
    void toolCall_unknownTool_isError();
    void toolCall_cancelledByClient_isCancelled();
    void toolCall_clientGoneWhilePending_isCancelled();
};

void TestMcpServerObserver::initTestCase()
{
    qRegisterMetaType<ToolCallEvent>();
}

void TestMcpServerObserver::connectedClients_listsInitializedSessionsWithTransport()
{
    McpServer server;
    QSignalSpy changed(&server, &McpServer::clientsChanged);
    auto local = server.createSession(QStringLiteral("local"));
    auto http = server.createSession(QStringLiteral("http"));
    auto silent = server.createSession(QStringLiteral("http")); // never initializes: not listed
    QVERIFY(server.connectedClients().isEmpty());
    local->receive(initialize("Claude Desktop", "0.14.2"));
    http->receive(initialize("cursor", "1.2"));
    QTRY_VERIFY(changed.count() >= 1);
    const QList<ConnectedClient> clients = server.connectedClients();
    QCOMPARE(clients.size(), 2);
    QCOMPARE(clients[0].name, QStringLiteral("Claude Desktop"));
    QCOMPARE(clients[0].version, QStringLiteral("0.14.2"));
    QCOMPARE(clients[0].transport, QStringLiteral("local"));
    QCOMPARE(clients[0].protocolVersion, QStringLiteral("2025-11-25"));
    QVERIFY(clients[0].since.isValid());
    QVERIFY(qAbs(clients[0].since.secsTo(QDateTime::currentDateTimeUtc())) < 60);
    QCOMPARE(clients[1].name, QStringLiteral("cursor"));
    QCOMPARE(clients[1].transport, QStringLiteral("http"));
}

void TestMcpServerObserver::connectedClients_sessionClosed_leavesListAndSignals()
{
    McpServer server;
    auto local = server.createSession(QStringLiteral("local"));
    local->receive(initialize("Claude Desktop", "1"));
    auto http = server.createSession(QStringLiteral("http"));
    http->receive(initialize("vscode", "2"));
    QTRY_COMPARE(server.connectedClients().size(), 2);
    QSignalSpy changed(&server, &McpServer::clientsChanged);
    local.reset(); // the bridge disconnected
    QTRY_COMPARE(changed.count(), 1);
    QCOMPARE(server.connectedClients().size(), 1);
    QCOMPARE(server.connectedClients().constFirst().name, QStringLiteral("vscode"));
    http->close(); // the HTTP client deleted its session
    QTRY_COMPARE(changed.count(), 2);
    QVERIFY(server.connectedClients().isEmpty());
}

void TestMcpServerObserver::toolCall_ok_reportedWithoutArguments()
{
    McpServer server;
    server.addTool(tool("echo"),
        [](std::shared_ptr<ToolCall> call) { call->finish(ToolResult::fromText(QStringLiteral("done"))); });
    QSignalSpy finished(&server, &McpServer::toolCallFinished);
    auto session = server.createSession(QStringLiteral("http"));
    session->receive(initialize("cursor", "1.2"));
    session->receive(toolsCall(1, "echo", json {{"password", "hunter2-secret"}}));
    QCOMPARE(finished.count(), 1);
    const auto event = finished.first().first().value<ToolCallEvent>();
    QCOMPARE(event.tool, QStringLiteral("echo"));
    QCOMPARE(event.client, QStringLiteral("cursor"));
    QCOMPARE(event.clientVersion, QStringLiteral("1.2"));
    QCOMPARE(event.transport, QStringLiteral("http"));
    QCOMPARE(event.outcome, ToolCallEvent::Outcome::Ok);
    QCOMPARE(ToolCallEvent::outcomeName(event.outcome), QStringLiteral("ok"));
    QVERIFY(event.detail.isEmpty());
    QVERIFY(event.time.isValid());
    QVERIFY(event.durationMs >= 0);
}

void TestMcpServerObserver::toolCall_error_detailIsFirstLineCutShort()
{
    McpServer server;
    server.addTool(tool("fails"), [](std::shared_ptr<ToolCall> call) {
        call->finish(ToolResult::error(QString(300, QLatin1Char('x')) + QStringLiteral("\nsecond line")));
    });
    QSignalSpy finished(&server, &McpServer::toolCallFinished);
    auto session = server.createSession(QStringLiteral("local"));
    session->receive(initialize("Claude Desktop", "1"));
    session->receive(toolsCall(1, "fails"));
    QCOMPARE(finished.count(), 1);
    const auto event = finished.first().first().value<ToolCallEvent>();
    QCOMPARE(event.outcome, ToolCallEvent::Outcome::Error);
    QVERIFY(event.detail.size() <= 160);
    QVERIFY(event.detail.startsWith(QStringLiteral("xxxx")));
    QVERIFY(!event.detail.contains(QStringLiteral("second line")));
}

void TestMcpServerObserver::toolCall_orderRefused_isDenied()
{
    McpServer server;
    server.addTool(tool("place_order"), [](std::shared_ptr<ToolCall> call) {
        ToolResult result;
        result.isError = true;
        result.structuredContent =
            json {{"outcome", "refused"}, {"message", "Trading is paused in Aries Companion. Nothing was sent."}};
        result.text = QStringLiteral("[Aries sandbox, not real money] Trading is paused.");
        call->finish(result);
    });
    QSignalSpy finished(&server, &McpServer::toolCallFinished);
    auto session = server.createSession(QStringLiteral("local"));
    session->receive(initialize("Claude Desktop", "1"));
    session->receive(toolsCall(1, "place_order", json {{"symbol", "AAPL"}}));
    QCOMPARE(finished.count(), 1);
    const auto event = finished.first().first().value<ToolCallEvent>();
    QCOMPARE(event.outcome, ToolCallEvent::Outcome::Denied);
    QCOMPARE(event.detail, QStringLiteral("Trading is paused in Aries Companion. Nothing was sent."));
}

void TestMcpServerObserver::toolCall_unknownTool_isError()
{
    McpServer server;
    QSignalSpy finished(&server, &McpServer::toolCallFinished);
    auto session = server.createSession(QStringLiteral("local"));
    session->receive(initialize("Claude Desktop", "1"));
    session->receive(toolsCall(1, "no_such_tool"));
    QCOMPARE(finished.count(), 1);
    const auto event = finished.first().first().value<ToolCallEvent>();
    QCOMPARE(event.tool, QStringLiteral("no_such_tool"));
    QCOMPARE(event.outcome, ToolCallEvent::Outcome::Error);
    QCOMPARE(event.detail, QStringLiteral("Unknown tool"));
}

void TestMcpServerObserver::toolCall_cancelledByClient_isCancelled()
{
    McpServer server;
    std::shared_ptr<ToolCall> held;
    server.addTool(tool("slow"), [&held](std::shared_ptr<ToolCall> call) { held = std::move(call); });
    QSignalSpy finished(&server, &McpServer::toolCallFinished);
    auto session = server.createSession(QStringLiteral("local"));
    session->receive(initialize("Claude Desktop", "1"));
    session->receive(toolsCall(7, "slow"));
    QCOMPARE(finished.count(), 0);
    session->receive(R"({"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":7}})");
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().first().value<ToolCallEvent>().outcome, ToolCallEvent::Outcome::Cancelled);
    held->finish(ToolResult::fromText(QStringLiteral("late"))); // nothing more is reported
    QCOMPARE(finished.count(), 1);
}

void TestMcpServerObserver::toolCall_clientGoneWhilePending_isCancelled()
{
    McpServer server;
    std::shared_ptr<ToolCall> held;
    server.addTool(tool("slow"), [&held](std::shared_ptr<ToolCall> call) { held = std::move(call); });
    QSignalSpy finished(&server, &McpServer::toolCallFinished);
    auto session = server.createSession(QStringLiteral("http"));
    session->receive(initialize("cursor", "1"));
    session->receive(toolsCall(1, "slow"));
    session.reset();
    QCOMPARE(finished.count(), 1);
    const auto event = finished.first().first().value<ToolCallEvent>();
    QCOMPARE(event.outcome, ToolCallEvent::Outcome::Cancelled);
    QCOMPARE(event.client, QStringLiteral("cursor"));
}

QTEST_GUILESS_MAIN(TestMcpServerObserver)
#include "TestMcpServerObserver.moc"
