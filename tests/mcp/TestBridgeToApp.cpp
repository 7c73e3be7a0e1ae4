// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mcp/McpLocalServer.h"
#include "mcp/McpServer.h"
#include "mcp/ToolCall.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <memory>

using namespace Companion;

namespace {

constexpr int kWaitMs = 30'000;

} // namespace

/** The whole path a message from Claude Desktop takes: aries-mcp's stdin → local socket → engine → back. */
class TestBridgeToApp final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void bridge_handshakeAndRequests_repliesOnStdout();

private:
    QList<QJsonObject> waitForReplies(qsizetype count);

    QString m_serverName;
    std::unique_ptr<Mcp::McpServer> m_engine;
    std::unique_ptr<Mcp::McpLocalServer> m_server;
    std::unique_ptr<QProcess> m_bridge;
    QByteArray m_stdout;
    QByteArray m_stderr;
};

void TestBridgeToApp::init()
{
    QString dir = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (dir.isEmpty()) {
        dir = QDir::tempPath();
    }
    m_serverName =
        QStringLiteral("%1/aries-companion-e2e-%2/mcp.sock").arg(dir).arg(QCoreApplication::applicationPid());
    m_engine = std::make_unique<Mcp::McpServer>();
    Mcp::ToolDefinition quote;
    quote.name = QStringLiteral("get_quote");
    quote.description = QStringLiteral("A test tool.");
    m_engine->addTool(quote, [](const std::shared_ptr<Mcp::ToolCall> &) {});
    m_server = std::make_unique<Mcp::McpLocalServer>(*m_engine, m_serverName);
    const auto listening = m_server->listen();
    QVERIFY2(listening, qPrintable(listening ? QString() : listening.error()));
    m_stdout.clear();
    m_stderr.clear();
}

void TestBridgeToApp::cleanup()
{
    if (m_bridge && m_bridge->state() != QProcess::NotRunning) {
        m_bridge->kill();
        m_bridge->waitForFinished(5000);
    }
    if (m_bridge) {
        m_stderr.append(m_bridge->readAllStandardError());
    }
    if (QTest::currentTestFailed()) {
        qWarning("aries-mcp stderr:\n%s", m_stderr.constData());
    }
    m_bridge.reset();
    m_server.reset();
    m_engine.reset();
}

QList<QJsonObject> TestBridgeToApp::waitForReplies(qsizetype count)
{
    // A shortfall shows in the count the caller compares.
    (void)QTest::qWaitFor([this, count] { return m_stdout.count('\n') >= count; }, kWaitMs);
    QList<QJsonObject> replies;
    for (const QByteArray &line : m_stdout.split('\n')) {
        if (!line.isEmpty()) {
            QJsonParseError error;
            const QJsonDocument document = QJsonDocument::fromJson(line, &error);
            if (error.error != QJsonParseError::NoError) {
                qWarning("Not a JSON line on stdout: %s", line.constData());
            }
            replies.append(document.object());
        }
    }
    return replies;
}

void TestBridgeToApp::bridge_handshakeAndRequests_repliesOnStdout()
{
    m_bridge = std::make_unique<QProcess>();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("ARIES_COMPANION_IPC_NAME"), m_serverName);
    environment.insert(QStringLiteral("ARIES_MCP_NO_LAUNCH"), QStringLiteral("1"));
    m_bridge->setProcessEnvironment(environment);
    connect(m_bridge.get(), &QProcess::readyReadStandardOutput, this,
        [this] { m_stdout.append(m_bridge->readAllStandardOutput()); });
    connect(m_bridge.get(), &QProcess::readyReadStandardError, this,
        [this] { m_stderr.append(m_bridge->readAllStandardError()); });
    m_bridge->start(QStringLiteral(ARIES_MCP_BIN), {});
    QVERIFY2(m_bridge->waitForStarted(), qPrintable(m_bridge->errorString()));

    m_bridge->write(R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",)"
                    R"("capabilities":{},"clientInfo":{"name":"claude-ai","version":"0.1.0"}}})"
                    "\n");
    auto replies = waitForReplies(1);
    QCOMPARE(replies.size(), 1);
    QCOMPARE(replies[0].value(QLatin1String("id")).toInt(), 1);
    const QJsonObject result = replies[0].value(QLatin1String("result")).toObject();
    QCOMPARE(result.value(QLatin1String("protocolVersion")).toString(), QStringLiteral("2025-06-18"));
    QVERIFY(result.value(QLatin1String("capabilities")).toObject().contains(QLatin1String("tools")));
    QCOMPARE(m_server->connectionCount(), 1);

    m_bridge->write(R"({"jsonrpc":"2.0","method":"notifications/initialized"})"
                    "\n"
                    R"({"jsonrpc":"2.0","id":2,"method":"ping"})"
                    "\n"
                    R"({"jsonrpc":"2.0","id":3,"method":"tools/list"})"
                    "\n");
    replies = waitForReplies(3);
    QCOMPARE(replies.size(), 3);
    QCOMPARE(replies[1].value(QLatin1String("id")).toInt(), 2);
    QCOMPARE(replies[1].value(QLatin1String("result")).toObject(), QJsonObject());
    QCOMPARE(replies[2].value(QLatin1String("id")).toInt(), 3);
    const QJsonArray tools =
        replies[2].value(QLatin1String("result")).toObject().value(QLatin1String("tools")).toArray();
    QCOMPARE(tools.size(), 1);
    QCOMPARE(tools[0].toObject().value(QLatin1String("name")).toString(), QStringLiteral("get_quote"));

    // Claude Desktop quits: the bridge exits 0 and the app forgets the connection.
    m_bridge->closeWriteChannel();
    QDeadlineTimer deadline(kWaitMs);
    while (m_bridge->state() != QProcess::NotRunning && !deadline.hasExpired()) {
        QTest::qWait(10);
    }
    QCOMPARE(m_bridge->state(), QProcess::NotRunning);
    QCOMPARE(m_bridge->exitCode(), 0);
    QVERIFY(QTest::qWaitFor([this] { return m_server->connectionCount() == 0; }, kWaitMs));
    QCOMPARE(m_engine->sessionCount(), 0);
}

QTEST_GUILESS_MAIN(TestBridgeToApp)
#include "TestBridgeToApp.moc"
