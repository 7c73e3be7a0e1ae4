// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QPointer>
#include <QProcess>
#include <QTest>

#include <memory>

namespace {

using Chunks = QList<QByteArray>;

constexpr int kLongWaitMs = 30'000;

const QByteArray kNotRunning = "Aries Companion is not running. Start Aries Companion from your applications menu (it "
                               "lives in the system tray), then try again.";

QByteArray notRunningReply(const QByteArray &id)
{
    return R"({"jsonrpc":"2.0","id":)" + id + R"(,"error":{"code":-32000,"message":")" + kNotRunning + R"("}})";
}

QByteArray joined(const Chunks &chunks)
{
    QByteArray all;
    for (const QByteArray &chunk : chunks) {
        all.append(chunk);
    }
    return all;
}

Chunks split(const QByteArray &bytes, qsizetype chunkSize)
{
    Chunks chunks;
    for (qsizetype pos = 0; pos < bytes.size(); pos += chunkSize) {
        chunks.append(bytes.mid(pos, chunkSize));
    }
    return chunks;
}

QByteArray bigMessage(qsizetype size)
{
    const QByteArray pattern = QStringLiteral(R"({"text":"Grüße 日本語 🚀 Ελληνικά العربية"},)").toUtf8();
    QByteArray message = R"({"jsonrpc":"2.0","id":7,"result":{"items":[)";
    while (message.size() < size) {
        message.append(pattern);
    }
    message.append(R"({}]}})");
    return message;
}

// Rows shared by both directions: how the bytes are cut into writes.
void addFramingRows()
{
    QTest::addColumn<Chunks>("writes");
    const QByteArray utf8 =
        QStringLiteral(R"({"jsonrpc":"2.0","method":"x","params":{"t":"Grüße 🚀👩‍💻 日本語 )"
                       R"(Ελληνικά עברית हिन्दी"}})")
            .toUtf8();
    QTest::newRow("several messages per write") << Chunks {R"({"jsonrpc":"2.0","id":1,"method":"a"})"
                                                           "\n"
                                                           R"({"jsonrpc":"2.0","id":2,"method":"b"})"
                                                           "\n"
                                                           R"({"jsonrpc":"2.0","method":"c"})"
                                                           "\n"};
    QTest::newRow("one message over many writes")
        << split(R"({"jsonrpc":"2.0","id":"split","method":"tools/call","params":{"name":"quote"}})"
                 "\n",
               7);
    QTest::newRow("utf8 cut inside characters") << split(utf8 + "\n" + utf8 + "\n", 5);
    QTest::newRow("5 MiB message") << Chunks {bigMessage(5 << 20) + "\n"};
    QTest::newRow("lines across writes") << Chunks {"{\"a\":1}\n{\"b\"", ":2}\n{\"c\":3", "}\n"};
}

} // namespace

class TestBridge final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void clientToApp_writes_arriveAsSentAndExitZeroOnEof_data();
    void clientToApp_writes_arriveAsSentAndExitZeroOnEof();
    void appToClient_writes_stdoutHoldsExactlyTheLines_data();
    void appToClient_writes_stdoutHoldsExactlyTheLines();
    void stdinEof_lastLineWithoutNewline_isDelivered();
    void appCloses_connection_exitsOne();
    void relativeName_meetsTheServerInTheTempFolder();
    void appNotRunning_line_answeredWhenQueuedAndLater_data();
    void appNotRunning_line_answeredWhenQueuedAndLater();
    void appAppearsLater_queuedMessages_delivered();

private:
    void listen();
    void startBridge(int connectTimeoutMs);
    void writeToBridge(const Chunks &writes);
    bool waitForExit(int expectedCode);

    QString m_serverName;
    std::unique_ptr<QLocalServer> m_server;
    QPointer<QLocalSocket> m_app;
    QByteArray m_received;
    std::unique_ptr<QProcess> m_bridge;
    QByteArray m_stdout;
    QByteArray m_stderr;
};

void TestBridge::init()
{
    static int counter = 0;
    QString dir = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (dir.isEmpty()) {
        dir = QDir::tempPath();
    }
    m_serverName = QStringLiteral("%1/aries-test-bridge-%2-%3.sock")
                       .arg(dir)
                       .arg(QCoreApplication::applicationPid())
                       .arg(++counter);
    m_received.clear();
    m_stdout.clear();
    m_stderr.clear();
}

void TestBridge::cleanup()
{
    if (m_bridge) {
        if (m_bridge->state() != QProcess::NotRunning) {
            m_bridge->kill();
            m_bridge->waitForFinished(5000);
        }
        m_stderr.append(m_bridge->readAllStandardError());
        if (QTest::currentTestFailed()) {
            qWarning("aries-mcp stderr:\n%s", m_stderr.constData());
        }
    }
    m_bridge.reset();
    delete m_app;
    m_server.reset();
}

void TestBridge::listen()
{
    QLocalServer::removeServer(m_serverName);
    m_server = std::make_unique<QLocalServer>();
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    QVERIFY2(m_server->listen(m_serverName), qPrintable(m_server->errorString()));
    connect(m_server.get(), &QLocalServer::newConnection, this, [this] {
        QVERIFY(!m_app); // one bridge, one connection
        m_app = m_server->nextPendingConnection();
        connect(m_app, &QLocalSocket::readyRead, this, [this] { m_received.append(m_app->readAll()); });
    });
}

void TestBridge::startBridge(int connectTimeoutMs)
{
    m_bridge = std::make_unique<QProcess>();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("ARIES_COMPANION_IPC_NAME"), m_serverName);
    environment.insert(QStringLiteral("ARIES_MCP_NO_LAUNCH"), QStringLiteral("1"));
    environment.insert(QStringLiteral("ARIES_MCP_CONNECT_TIMEOUT_MS"), QString::number(connectTimeoutMs));
    m_bridge->setProcessEnvironment(environment);
    connect(m_bridge.get(), &QProcess::readyReadStandardOutput, this,
        [this] { m_stdout.append(m_bridge->readAllStandardOutput()); });
    connect(m_bridge.get(), &QProcess::readyReadStandardError, this,
        [this] { m_stderr.append(m_bridge->readAllStandardError()); });
    m_bridge->start(QStringLiteral(ARIES_MCP_BIN), {});
    QVERIFY2(m_bridge->waitForStarted(), qPrintable(m_bridge->errorString()));
}

void TestBridge::writeToBridge(const Chunks &writes)
{
    for (const QByteArray &chunk : writes) {
        m_bridge->write(chunk);
        if (writes.size() > 1) {
            // Separate writes, so the bridge really sees the message in pieces.
            QVERIFY(m_bridge->waitForBytesWritten(5000));
            QTest::qWait(1);
        }
    }
}

bool TestBridge::waitForExit(int expectedCode)
{
    // Not waitForFinished(): the local server in this process has to keep reading meanwhile.
    QDeadlineTimer deadline(kLongWaitMs);
    while (m_bridge->state() != QProcess::NotRunning && !deadline.hasExpired()) {
        QTest::qWait(10);
    }
    m_stdout.append(m_bridge->readAllStandardOutput());
    if (m_bridge->state() != QProcess::NotRunning || m_bridge->exitStatus() != QProcess::NormalExit
        || m_bridge->exitCode() != expectedCode) {
        qWarning("aries-mcp did not exit with %d (state %d, status %d, code %d)", expectedCode, int(m_bridge->state()),
            int(m_bridge->exitStatus()), m_bridge->exitCode());
        return false;
    }
    return true;
}

void TestBridge::clientToApp_writes_arriveAsSentAndExitZeroOnEof_data()
{
    addFramingRows();
}

void TestBridge::clientToApp_writes_arriveAsSentAndExitZeroOnEof()
{
    QFETCH(Chunks, writes);
    const QByteArray expected = joined(writes);
    listen();
    startBridge(5000);
    QTRY_VERIFY(m_app);
    writeToBridge(writes);
    m_bridge->closeWriteChannel();
    QVERIFY(waitForExit(0));
    QTRY_COMPARE_WITH_TIMEOUT(m_received.size(), expected.size(), kLongWaitMs);
    QVERIFY(m_received == expected); // not QCOMPARE: a failure would print megabytes
    QVERIFY(m_stdout.isEmpty());
}

void TestBridge::appToClient_writes_stdoutHoldsExactlyTheLines_data()
{
    addFramingRows();
}

void TestBridge::appToClient_writes_stdoutHoldsExactlyTheLines()
{
    QFETCH(Chunks, writes);
    const QByteArray expected = joined(writes);
    listen();
    startBridge(5000);
    QTRY_VERIFY(m_app);
    for (const QByteArray &chunk : writes) {
        m_app->write(chunk);
        m_app->flush();
        if (writes.size() > 1) {
            QTest::qWait(1);
        }
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_stdout.size(), expected.size(), kLongWaitMs);
    QVERIFY(m_stdout == expected);
    m_bridge->closeWriteChannel();
    QVERIFY(waitForExit(0));
    QVERIFY(m_stdout == expected);
}

void TestBridge::stdinEof_lastLineWithoutNewline_isDelivered()
{
    listen();
    startBridge(5000);
    m_bridge->write(R"({"jsonrpc":"2.0","id":1,"method":"ping"})"
                    "\n"
                    R"({"jsonrpc":"2.0","method":"notifications/cancelled"})");
    m_bridge->closeWriteChannel();
    QVERIFY(waitForExit(0));
    QCOMPARE(m_received,
        QByteArray(R"({"jsonrpc":"2.0","id":1,"method":"ping"})"
                   "\n"
                   R"({"jsonrpc":"2.0","method":"notifications/cancelled"})"
                   "\n"));
}

void TestBridge::appCloses_connection_exitsOne()
{
    listen();
    startBridge(5000);
    QTRY_VERIFY(m_app);
    const QByteArray last = R"({"jsonrpc":"2.0","method":"notifications/message","params":{"data":"bye"}})"
                            "\n";
    m_app->write(last);
    m_app->flush();
    m_app->disconnectFromServer();
    QVERIFY(waitForExit(1));
    QCOMPARE(m_stdout, last);
}

void TestBridge::relativeName_meetsTheServerInTheTempFolder()
{
    // A name that is not a path: QLocalServer listens in the temp folder, and the bridge (which does not use
    // QLocalSocket on Unix) must look for it there too.
    m_serverName = QFileInfo(m_serverName).fileName();
    listen();
    startBridge(5000);
    QTRY_VERIFY(m_app);
    const QByteArray line = R"({"jsonrpc":"2.0","id":1,"method":"ping"})"
                            "\n";
    m_bridge->write(line);
    QTRY_COMPARE(m_received, line);
    m_bridge->closeWriteChannel();
    QVERIFY(waitForExit(0));
}

void TestBridge::appNotRunning_line_answeredWhenQueuedAndLater_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QByteArray>("reply");
    QTest::newRow("string id") << QByteArray(R"({"jsonrpc":"2.0","id":"abc-1","method":"initialize","params":{}})")
                               << notRunningReply(R"("abc-1")");
    QTest::newRow("integer id") << QByteArray(R"({"jsonrpc":"2.0","id":42,"method":"tools/list"})")
                                << notRunningReply("42");
    QTest::newRow("integer id beyond double precision")
        << QByteArray(R"({"jsonrpc":"2.0","id":9007199254740993,"method":"ping"})")
        << notRunningReply("9007199254740993");
    QTest::newRow("utf8 string id") << QStringLiteral(R"({"id":"ünï🚀","jsonrpc":"2.0","method":"ping"})").toUtf8()
                                    << notRunningReply(QStringLiteral(R"("ünï🚀")").toUtf8());
    QTest::newRow("notification") << QByteArray(R"({"jsonrpc":"2.0","method":"notifications/initialized"})")
                                  << QByteArray();
    QTest::newRow("not json") << QByteArray("this is not json")
                              << QByteArray(
                                     R"({"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"Parse error"}})");
    QTest::newRow("truncated json")
        << QByteArray(R"({"jsonrpc":"2.0","id":5,"meth)")
        << QByteArray(R"({"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"Parse error"}})");
    QTest::newRow("too large") << QByteArray(9 << 20,
        'x') << QByteArray(R"({"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"Message too large"}})");
}

void TestBridge::appNotRunning_line_answeredWhenQueuedAndLater()
{
    QFETCH(QByteArray, line);
    QFETCH(QByteArray, reply);
    constexpr int connectTimeoutMs = 500;
    startBridge(connectTimeoutMs);
    // Once while the bridge is still trying to connect (queued), once after it has given up.
    m_bridge->write(line + "\n");
    QTest::qWait(connectTimeoutMs + 400);
    m_bridge->write(line + "\n");
    const QByteArray expected = reply.isEmpty() ? QByteArray() : reply + "\n" + reply + "\n";
    if (!expected.isEmpty()) {
        QTRY_COMPARE_WITH_TIMEOUT(m_stdout, expected, kLongWaitMs);
    }
    m_bridge->closeWriteChannel();
    QVERIFY(waitForExit(0));
    QCOMPARE(m_stdout, expected);
}

void TestBridge::appAppearsLater_queuedMessages_delivered()
{
    const QByteArray messages = R"({"jsonrpc":"2.0","id":0,"method":"initialize","params":{}})"
                                "\n"
                                R"({"jsonrpc":"2.0","method":"notifications/initialized"})"
                                "\n"
                                R"({"jsonrpc":"2.0","id":"x","method":"tools/list"})"
                                "\n";
    startBridge(10'000);
    m_bridge->write(messages);
    QTest::qWait(700);
    QVERIFY(m_stdout.isEmpty());
    listen();
    QTRY_COMPARE_WITH_TIMEOUT(m_received, messages, kLongWaitMs);
    const QByteArray reply = R"({"jsonrpc":"2.0","id":0,"result":{}})"
                             "\n";
    m_app->write(reply);
    m_app->flush();
    QTRY_COMPARE_WITH_TIMEOUT(m_stdout, reply, kLongWaitMs);
    m_bridge->closeWriteChannel();
    QVERIFY(waitForExit(0));
}

QTEST_GUILESS_MAIN(TestBridge)
#include "TestBridge.moc"
