// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mcp/McpHttpTransport.h"
#include "mcp/McpServer.h"
#include "mcp/ToolCall.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <memory>
#include <optional>

using namespace Companion::Mcp;
using nlohmann::json;

Q_DECLARE_METATYPE(nlohmann::json)

namespace {

const QByteArray kKey = QByteArrayLiteral("test-key-0123456789abcdef");

struct Reply
{
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &h : headers) {
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        }
        return {};
    }
    json parsed() const { return json::parse(body.toStdString(), nullptr, false); }
};

/** A chunked body once its last chunk arrived, else nullopt (HTTP/1.1 chunked framing). */
std::optional<QByteArray> dechunk(const QByteArray &raw)
{
    QByteArray body;
    qsizetype pos = 0;
    for (;;) {
        const qsizetype lineEnd = raw.indexOf("\r\n", pos);
        if (lineEnd < 0)
            return std::nullopt;
        bool ok = false;
        const qsizetype size = raw.sliced(pos, lineEnd - pos).toLongLong(&ok, 16);
        if (!ok)
            return std::nullopt;
        if (size == 0)
            return raw.size() >= lineEnd + 4 ? std::optional(body) : std::nullopt;
        if (raw.size() < lineEnd + 2 + size + 2)
            return std::nullopt;
        body += raw.sliced(lineEnd + 2, size);
        pos = lineEnd + 2 + size + 2;
    }
}

/** The JSON messages of an SSE body, in order. */
QList<json> sseMessages(const QByteArray &body)
{
    QList<json> messages;
    for (const QByteArray &line : body.split('\n')) {
        if (line.startsWith("data: ") && line.size() > 6)
            messages.append(json::parse(line.sliced(6).toStdString(), nullptr, false));
    }
    return messages;
}

/** A raw HTTP/1.1 exchange, so the test controls every header (Host included) byte for byte. */
Reply exchange(quint16 port, const QByteArray &method, const QByteArray &path,
    const QList<QPair<QByteArray, QByteArray>> &headers, const QByteArray &body = {})
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    QByteArray request = method + ' ' + path + " HTTP/1.1\r\n";
    for (const auto &h : headers)
        request += h.first + ": " + h.second + "\r\n";
    request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    socket.write(request);

    QByteArray buffer;
    Reply reply;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 10000) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        buffer += socket.readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            continue;
        const QList<QByteArray> lines = buffer.first(end).split('\n');
        reply.status = lines.first().split(' ').value(1).toInt();
        reply.headers.clear();
        qsizetype length = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            const QByteArray name = lines[i].first(colon).trimmed();
            const QByteArray value = lines[i].sliced(colon + 1).trimmed();
            reply.headers.append(QPair<QByteArray, QByteArray>(name, value));
            if (name.compare("Content-Length", Qt::CaseInsensitive) == 0)
                length = value.toLongLong();
        }
        if (reply.header("Transfer-Encoding") == "chunked") {
            if (const auto chunked = dechunk(buffer.sliced(end + 4))) {
                reply.body = *chunked;
                return reply;
            }
            continue;
        }
        if (buffer.size() - end - 4 >= length) {
            reply.body = buffer.sliced(end + 4, length);
            return reply;
        }
    }
    return reply;
}

using Headers = QList<QPair<QByteArray, QByteArray>>;

Headers goodHeaders(const QByteArray &session = {})
{
    Headers h {{"Host", "127.0.0.1:7465"}, {"Authorization", "Bearer " + kKey}, {"Content-Type", "application/json"},
        {"Accept", "application/json, text/event-stream"}};
    if (!session.isEmpty()) {
        h.append(QPair<QByteArray, QByteArray>("Mcp-Session-Id", session));
        h.append(QPair<QByteArray, QByteArray>("MCP-Protocol-Version", "2025-06-18"));
    }
    return h;
}

Headers replaced(Headers headers, const QByteArray &name, const QByteArray &value)
{
    headers.removeIf([&](const auto &h) { return h.first.compare(name, Qt::CaseInsensitive) == 0; });
    if (!value.isNull())
        headers.append(QPair<QByteArray, QByteArray>(name, value));
    return headers;
}

QByteArray initializeBody()
{
    return QByteArray::fromStdString(json {{"jsonrpc", "2.0"}, {"id", 1}, {"method", "initialize"},
        {"params",
            {{"protocolVersion", "2025-06-18"}, {"capabilities", json::object()},
                {"clientInfo", {{"name", "test"}, {"version", "1"}}}}}}
                                         .dump());
}

QByteArray toolCallBody(int id = 7)
{
    return QByteArray::fromStdString(json {{"jsonrpc", "2.0"}, {"id", id}, {"method", "tools/call"},
        {"params", {{"name", "probe"}, {"arguments", json::object()}}}}
                                         .dump());
}

/** Writes @p bytes as they are and collects everything until the server closes the connection. */
QByteArray rawExchange(quint16 port, const QByteArray &bytes)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    socket.write(bytes);
    QByteArray received;
    // A shortfall shows in what the caller compares.
    (void)QTest::qWaitFor(
        [&] {
            received += socket.readAll();
            return socket.state() == QAbstractSocket::UnconnectedState;
        },
        10000);
    return received + socket.readAll();
}

QByteArray headerBlock(const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QByteArray block;
    for (const auto &h : headers)
        block += h.first + ": " + h.second + "\r\n";
    return block;
}

/** Whether @p raw holds a whole response with a Content-Length body. */
bool responseComplete(const QByteArray &raw)
{
    const qsizetype end = raw.indexOf("\r\n\r\n");
    if (end < 0)
        return false;
    const qsizetype at = raw.indexOf("Content-Length: ");
    if (at < 0 || at > end)
        return false;
    const qsizetype length = raw.mid(at + 16, raw.indexOf("\r\n", at) - at - 16).toLongLong();
    return raw.size() - end - 4 >= length;
}

double median(QList<qint64> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0.0 : double(values[values.size() / 2]);
}

} // namespace

class TestMcpHttpTransport : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<McpServer> m_engine;
    std::unique_ptr<McpHttpTransport> m_transport;
    int m_toolCalls = 0;
    int m_smugglingRejected = 0;

    QByteArray initialize()
    {
        const Reply reply = exchange(m_transport->port(), "POST", "/mcp", goodHeaders(), initializeBody());
        if (reply.status != 200)
            return {};
        const QByteArray id = reply.header("Mcp-Session-Id");
        exchange(m_transport->port(), "POST", "/mcp", goodHeaders(id),
            R"({"jsonrpc":"2.0","method":"notifications/initialized"})");
        return id;
    }

private Q_SLOTS:
    void init()
    {
        m_toolCalls = 0;
        m_engine = std::make_unique<McpServer>();
        ToolDefinition probe;
        probe.name = QStringLiteral("probe");
        probe.description = QStringLiteral("Counts calls");
        m_engine->addTool(probe, [this](std::shared_ptr<ToolCall> call) {
            ++m_toolCalls;
            call->finish(ToolResult::fromText(QStringLiteral("ok")));
        });
        McpHttpTransport::Options options;
        options.port = 0;
        options.ephemeralPort = true;
        options.maxBodyBytes = 64 * 1024;
        m_transport = std::make_unique<McpHttpTransport>(*m_engine, kKey, options);
        const auto listening = m_transport->listen();
        QVERIFY2(listening.has_value(), qPrintable(listening ? QString() : listening.error()));
    }
    void cleanup()
    {
        m_transport.reset();
        m_engine.reset();
    }

    void listensOnLoopbackOnly()
    {
        QCOMPARE(m_transport->address(), QHostAddress(QHostAddress::LocalHost));
        QVERIFY(m_transport->port() != 0);
    }

    void portZeroDisables()
    {
        McpHttpTransport::Options options;
        options.port = 0;
        McpHttpTransport disabled(*m_engine, kKey, options);
        QVERIFY(!disabled.listen());
        QVERIFY(!disabled.isListening());
    }

    void rejected_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<bool>("withSession");
        QTest::addColumn<Headers>("headers");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");

        const QByteArray call = toolCallBody();
        // Headers are completed with the live session id in the test when withSession is set.
        QTest::newRow("null origin") << QByteArray("POST") << true << Headers {{"Origin", "null"}} << call << 403;
        QTest::newRow("foreign origin") << QByteArray("POST") << true << Headers {{"Origin", "http://evil.example"}}
                                        << call << 403;
        QTest::newRow("look-alike origin")
            << QByteArray("POST") << true << Headers {{"Origin", "http://127.0.0.1.evil.example"}} << call << 403;
        QTest::newRow("userinfo origin") << QByteArray("POST") << true
                                         << Headers {{"Origin", "http://localhost@evil.example"}} << call << 403;
        QTest::newRow("foreign host") << QByteArray("POST") << true << Headers {{"Host", "evil.example.com"}} << call
                                      << 403;
        QTest::newRow("look-alike host") << QByteArray("POST") << true
                                         << Headers {{"Host", "localhost.evil.example:7465"}} << call << 403;
        QTest::newRow("no bearer") << QByteArray("POST") << true << Headers {{"Authorization", QByteArray()}} << call
                                   << 401;
        QTest::newRow("wrong bearer") << QByteArray("POST") << true << Headers {{"Authorization", "Bearer nope"}}
                                      << call << 401;
        QTest::newRow("key prefix only") << QByteArray("POST") << true
                                         << Headers {{"Authorization", "Bearer " + kKey.first(10)}} << call << 401;
        QTest::newRow("oversized body") << QByteArray("POST") << true << Headers {}
                                        << QByteArray(call + QByteArray(70 * 1024, ' ')) << 413;
        QTest::newRow("malformed json") << QByteArray("POST") << true << Headers {} << QByteArray("{\"jsonrpc\":")
                                        << 400;
        QTest::newRow("unknown session") << QByteArray("POST") << false << Headers {{"Mcp-Session-Id", "unknown"}}
                                         << call << 404;
        QTest::newRow("missing session") << QByteArray("POST") << false << Headers {} << call << 400;
        QTest::newRow("bad protocol version")
            << QByteArray("POST") << true << Headers {{"MCP-Protocol-Version", "1999-01-01"}} << call << 400;
        QTest::newRow("get without session") << QByteArray("GET") << false << Headers {} << QByteArray() << 405;
        QTest::newRow("get stream, unknown session")
            << QByteArray("GET") << false << Headers {{"Mcp-Session-Id", "unknown"}} << QByteArray() << 404;
        QTest::newRow("get stream, not accepted")
            << QByteArray("GET") << true << Headers {{"Accept", "application/json"}} << QByteArray() << 406;
    }
    void rejected()
    {
        QFETCH(QByteArray, method);
        QFETCH(bool, withSession);
        QFETCH(Headers, headers);
        QFETCH(QByteArray, body);
        QFETCH(int, status);

        const QByteArray session = initialize();
        QVERIFY(!session.isEmpty());
        const int sessions = m_engine->sessionCount();
        Headers all = goodHeaders(withSession ? session : QByteArray());
        for (const auto &h : headers)
            all = replaced(all, h.first, h.second);
        const Reply reply = exchange(m_transport->port(), method, "/mcp", all, body);
        QCOMPARE(reply.status, status);
        if (status == 401)
            QCOMPARE(reply.header("WWW-Authenticate"), QByteArray("Bearer"));
        if (QTest::currentDataTag() == QByteArray("malformed json"))
            QCOMPARE(reply.parsed()["error"]["code"].get<int>(), -32700);
        QCOMPARE(m_toolCalls, 0);
        QCOMPARE(m_engine->sessionCount(), sessions);

        // The same call with the right headers does reach the engine: the test above did not pass by accident.
        const Reply good = exchange(m_transport->port(), "POST", "/mcp", goodHeaders(session), toolCallBody(8));
        QCOMPARE(good.status, 200);
        QCOMPARE(m_toolCalls, 1);
    }

    void rejectedInitializeCreatesNoSession()
    {
        const Reply reply = exchange(m_transport->port(), "POST", "/mcp",
            replaced(goodHeaders(), "Origin", "http://evil.example"), initializeBody());
        QCOMPARE(reply.status, 403);
        QCOMPARE(m_engine->sessionCount(), 0);
        QCOMPARE(m_transport->sessionCount(), 0);
    }

    void acceptedHostsAndOrigins_data()
    {
        QTest::addColumn<QByteArray>("host");
        QTest::addColumn<QByteArray>("origin");
        QTest::newRow("localhost") << QByteArray("localhost") << QByteArray();
        QTest::newRow("ipv6") << QByteArray("[::1]:1234") << QByteArray("http://[::1]:1234");
        QTest::newRow("https localhost") << QByteArray("127.0.0.1:80") << QByteArray("https://localhost:3000");
        QTest::newRow("ipv4 origin") << QByteArray("127.0.0.1") << QByteArray("http://127.0.0.1");
    }
    void acceptedHostsAndOrigins()
    {
        QFETCH(QByteArray, host);
        QFETCH(QByteArray, origin);
        Headers headers = replaced(goodHeaders(), "Host", host);
        if (!origin.isEmpty())
            headers.append(QPair<QByteArray, QByteArray>("Origin", origin));
        const Reply reply = exchange(m_transport->port(), "POST", "/mcp", headers, initializeBody());
        QCOMPARE(reply.status, 200);
        QVERIFY(!reply.header("Mcp-Session-Id").isEmpty());
    }

    void happyPath()
    {
        const quint16 port = m_transport->port();
        const Reply init = exchange(port, "POST", "/mcp", goodHeaders(), initializeBody());
        QCOMPARE(init.status, 200);
        QCOMPARE(init.header("Content-Type"), QByteArray("application/json"));
        QVERIFY(init.parsed()["result"]["protocolVersion"] == "2025-06-18");
        const QByteArray session = init.header("Mcp-Session-Id");
        QVERIFY(session.size() >= 32);
        QCOMPARE(m_transport->sessionCount(), 1);

        const Reply initialized = exchange(
            port, "POST", "/mcp", goodHeaders(session), R"({"jsonrpc":"2.0","method":"notifications/initialized"})");
        QCOMPARE(initialized.status, 202);
        QVERIFY(initialized.body.isEmpty());

        const Reply list =
            exchange(port, "POST", "/mcp", goodHeaders(session), R"({"jsonrpc":"2.0","id":2,"method":"tools/list"})");
        QCOMPARE(list.status, 200);
        QVERIFY(list.parsed()["id"] == 2);
        QVERIFY(list.parsed()["result"]["tools"][0]["name"] == "probe");

        const Reply call = exchange(port, "POST", "/mcp", goodHeaders(session), toolCallBody(3));
        QCOMPARE(call.status, 200);
        QCOMPARE(m_toolCalls, 1);

        const Reply deleted = exchange(port, "DELETE", "/mcp", goodHeaders(session));
        QCOMPARE(deleted.status, 200);
        QCOMPARE(m_transport->sessionCount(), 0);

        const Reply after =
            exchange(port, "POST", "/mcp", goodHeaders(session), R"({"jsonrpc":"2.0","id":4,"method":"tools/list"})");
        QCOMPARE(after.status, 404);
        QCOMPARE(exchange(port, "DELETE", "/mcp", goodHeaders(session)).status, 404);
    }

    void statelessRequestGetsItsOwnSession()
    {
        const QByteArray body = QByteArray::fromStdString(json {{"jsonrpc", "2.0"}, {"id", 5}, {"method", "tools/list"},
            {"params",
                {{"_meta",
                    {{"io.modelcontextprotocol/protocolVersion", "2026-07-28"},
                        {"io.modelcontextprotocol/clientInfo", {{"name", "modern"}, {"version", "2"}}}}}}}}
                                                              .dump());
        Headers headers = goodHeaders();
        headers.append(QPair<QByteArray, QByteArray>("MCP-Protocol-Version", "2026-07-28"));
        headers.append(QPair<QByteArray, QByteArray>("Mcp-Method", "tools/list"));
        const Reply reply = exchange(m_transport->port(), "POST", "/mcp", headers, body);
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.header("Mcp-Session-Id").isEmpty());
        QVERIFY(reply.parsed()["result"]["tools"][0]["name"] == "probe");
        QCOMPARE(m_transport->sessionCount(), 0);
        // The one-request session is gone once its answer left.
        QTRY_COMPARE(m_engine->sessionCount(), 0);

        const Reply mismatch = exchange(
            m_transport->port(), "POST", "/mcp", replaced(headers, "MCP-Protocol-Version", "2025-06-18"), body);
        QCOMPARE(mismatch.status, 400);
        QCOMPARE(m_engine->sessionCount(), 0);
    }

    void invalidIdAnsweredAtOnce_data()
    {
        QTest::addColumn<json>("id");
        QTest::addColumn<QByteArray>("kind"); ///< session, stateless or initialize
        for (const auto &[name, id] : {std::pair {"null", json()}, std::pair {"fraction", json(1.5)},
                 std::pair {"bool", json(true)}, std::pair {"object", json::object()}}) {
            for (const char *kind : {"session", "stateless", "initialize"}) {
                QTest::newRow(qPrintable(QStringLiteral("%1 id, %2").arg(QLatin1String(name), QLatin1String(kind))))
                    << id << QByteArray(kind);
            }
        }
    }
    void invalidIdAnsweredAtOnce()
    {
        // Found by fuzzing: the engine answers such an id with a null id, which matched no waiting POST, so the
        // client waited for ever (and a session kept the entry until it ended).
        QFETCH(json, id);
        QFETCH(QByteArray, kind);
        json message {{"jsonrpc", "2.0"}, {"id", id}, {"method", "tools/list"}};
        Headers headers = goodHeaders();
        if (kind == "session") {
            headers = goodHeaders(initialize());
        } else if (kind == "stateless") {
            message["params"] = {{"_meta",
                {{"io.modelcontextprotocol/protocolVersion", "2026-07-28"},
                    {"io.modelcontextprotocol/clientInfo", {{"name", "modern"}, {"version", "2"}}}}}};
            headers.append(QPair<QByteArray, QByteArray>("MCP-Protocol-Version", "2026-07-28"));
            headers.append(QPair<QByteArray, QByteArray>("Mcp-Method", "tools/list"));
        } else {
            message = json::parse(initializeBody().toStdString());
            message["id"] = id;
        }
        const int sessions = m_transport->sessionCount();
        const Reply reply =
            exchange(m_transport->port(), "POST", "/mcp", headers, QByteArray::fromStdString(message.dump()));
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.parsed()["error"]["code"].get<int>(), -32600);
        QCOMPARE(m_transport->sessionCount(), sessions);
    }

    void statelessHeaders_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<json>("params");
        QTest::addColumn<Headers>("headers");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("code");
        QTest::addColumn<int>("toolCalls");

        const json call {{"name", "probe"}, {"arguments", json::object()}};
        const Headers good {
            {"MCP-Protocol-Version", "2026-07-28"}, {"Mcp-Method", "tools/call"}, {"Mcp-Name", "probe"}};
        QTest::newRow("all headers") << QByteArray("tools/call") << call << good << 200 << 0 << 1;
        QTest::newRow("base64 name") << QByteArray("tools/call") << call
                                     << replaced(good, "Mcp-Name", "=?base64?" + QByteArray("probe").toBase64() + "?=")
                                     << 200 << 0 << 1;
        QTest::newRow("no version header")
            << QByteArray("tools/call") << call << replaced(good, "MCP-Protocol-Version", QByteArray()) << 400 << -32020
            << 0;
        QTest::newRow("version header differs")
            << QByteArray("tools/call") << call << replaced(good, "MCP-Protocol-Version", "2025-11-25") << 400 << -32020
            << 0;
        QTest::newRow("no method header")
            << QByteArray("tools/call") << call << replaced(good, "Mcp-Method", QByteArray()) << 400 << -32020 << 0;
        QTest::newRow("method header differs")
            << QByteArray("tools/call") << call << replaced(good, "Mcp-Method", "tools/list") << 400 << -32020 << 0;
        QTest::newRow("no name header") << QByteArray("tools/call") << call << replaced(good, "Mcp-Name", QByteArray())
                                        << 400 << -32020 << 0;
        QTest::newRow("name header differs")
            << QByteArray("tools/call") << call << replaced(good, "Mcp-Name", "other") << 400 << -32020 << 0;
        QTest::newRow("broken base64 name")
            << QByteArray("tools/call") << call << replaced(good, "Mcp-Name", "=?base64?%%%?=") << 400 << -32020 << 0;
        QTest::newRow("unknown method") << QByteArray("nothing/here") << json::object()
                                        << replaced(good, "Mcp-Method", "nothing/here") << 404 << -32601 << 0;
    }
    void statelessHeaders()
    {
        QFETCH(QByteArray, method);
        QFETCH(json, params);
        QFETCH(Headers, headers);
        QFETCH(int, status);
        QFETCH(int, code);
        QFETCH(int, toolCalls);

        params["_meta"] = {{"io.modelcontextprotocol/protocolVersion", "2026-07-28"}};
        const QByteArray body = QByteArray::fromStdString(
            json {{"jsonrpc", "2.0"}, {"id", 9}, {"method", method.toStdString()}, {"params", params}}.dump());
        Headers all = goodHeaders();
        for (const auto &h : headers)
            all = replaced(all, h.first, h.second);
        const Reply reply = exchange(m_transport->port(), "POST", "/mcp", all, body);
        QCOMPARE(reply.status, status);
        if (code != 0)
            QCOMPARE(reply.parsed()["error"]["code"].get<int>(), code);
        else
            QVERIFY(reply.parsed()["result"]["resultType"] == "complete");
        QCOMPARE(m_toolCalls, toolCalls);
    }

    void unsupportedModernVersionIs400()
    {
        const QByteArray body = R"({"jsonrpc":"2.0","id":1,"method":"tools/list","params":{"_meta":{)"
                                R"("io.modelcontextprotocol/protocolVersion":"2099-01-01"}}})";
        Headers headers = goodHeaders();
        headers.append(QPair<QByteArray, QByteArray>("MCP-Protocol-Version", "2099-01-01"));
        headers.append(QPair<QByteArray, QByteArray>("Mcp-Method", "tools/list"));
        const Reply reply = exchange(m_transport->port(), "POST", "/mcp", headers, body);
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.parsed()["error"]["code"].get<int>(), -32022);
    }

    void progressTurnsTheAnswerIntoAStream()
    {
        ToolDefinition slow;
        slow.name = QStringLiteral("slow");
        m_engine->addTool(slow, [](std::shared_ptr<ToolCall> call) {
            call->reportProgress(1, 2, QStringLiteral("half way"));
            QTimer::singleShot(20, call.get(), [call] {
                call->reportProgress(2, 2);
                call->finish(ToolResult::fromText(QStringLiteral("done")));
            });
        });
        const QByteArray session = initialize();
        const QByteArray body = R"({"jsonrpc":"2.0","id":"c1","method":"tools/call","params":{"name":"slow",)"
                                R"("_meta":{"progressToken":"p1"}}})";
        const Reply reply = exchange(m_transport->port(), "POST", "/mcp", goodHeaders(session), body);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.header("Content-Type"), QByteArray("text/event-stream"));
        const QList<json> messages = sseMessages(reply.body);
        QCOMPARE(messages.size(), 3);
        QVERIFY(messages[0]["method"] == "notifications/progress");
        QVERIFY(messages[0]["params"]["progressToken"] == "p1");
        QVERIFY(messages[0]["params"]["message"] == "half way");
        QVERIFY(messages[1]["params"]["progress"] == 2);
        QVERIFY(messages[2]["id"] == "c1");
        QVERIFY(messages[2]["result"]["content"][0]["text"] == "done");

        // A client that accepts JSON only still gets its answer; the progress has nowhere to go.
        const Reply plain = exchange(m_transport->port(), "POST", "/mcp",
            replaced(goodHeaders(session), "Accept", "application/json"),
            R"({"jsonrpc":"2.0","id":"c2","method":"tools/call","params":{"name":"slow","_meta":{"progressToken":2}}})");
        QCOMPARE(plain.status, 200);
        QCOMPARE(plain.header("Content-Type"), QByteArray("application/json"));
        QVERIFY(plain.parsed()["id"] == "c2");

        // And the session still works over the same endpoint afterwards.
        const Reply after = exchange(m_transport->port(), "POST", "/mcp", goodHeaders(session), toolCallBody(11));
        QCOMPARE(after.header("Content-Type"), QByteArray("application/json"));
        QCOMPARE(m_toolCalls, 1);
    }

    void standaloneStreamCarriesUnrelatedMessages()
    {
        const QByteArray session = initialize();
        QTcpSocket stream;
        stream.connectToHost(QHostAddress::LocalHost, m_transport->port());
        QByteArray request = "GET /mcp HTTP/1.1\r\n";
        for (const auto &h : replaced(goodHeaders(session), "Accept", "text/event-stream"))
            request += h.first + ": " + h.second + "\r\n";
        stream.write(request + "\r\n");
        QByteArray received;
        QTRY_VERIFY((received += stream.readAll()).contains("\r\n\r\n"));
        QVERIFY(received.startsWith("HTTP/1.1 200"));
        QVERIFY(received.contains("text/event-stream"));

        // A second GET stream for the same session is refused while the first is open.
        Headers getHeaders = replaced(goodHeaders(session), "Accept", "text/event-stream");
        QCOMPARE(exchange(m_transport->port(), "GET", "/mcp", getHeaders).status, 409);

        m_engine->log(LogLevel::Warning, QStringLiteral("test"), "for everybody");
        QTRY_VERIFY((received += stream.readAll()).contains("for everybody"));
        const QList<json> messages = sseMessages(received.sliced(received.indexOf("\r\n\r\n") + 4));
        QCOMPARE(messages.size(), 1);
        QVERIFY(messages[0]["method"] == "notifications/message");

        // Once the client leaves, a new stream may be opened.
        stream.disconnectFromHost();
        QTRY_VERIFY(stream.state() == QAbstractSocket::UnconnectedState);
        QTest::qWait(50);
        QTcpSocket again;
        again.connectToHost(QHostAddress::LocalHost, m_transport->port());
        again.write(request + "\r\n");
        QByteArray second;
        QTRY_VERIFY((second += again.readAll()).contains("\r\n\r\n"));
        QVERIFY(second.startsWith("HTTP/1.1 200"));
    }

    void closingAStatelessRequestCancelsIt()
    {
        bool cancelled = false;
        ToolDefinition forever;
        forever.name = QStringLiteral("forever");
        std::shared_ptr<ToolCall> kept;
        m_engine->addTool(forever, [&](std::shared_ptr<ToolCall> call) {
            connect(call.get(), &ToolCall::cancelled, this, [&cancelled] { cancelled = true; });
            kept = std::move(call);
        });
        const QByteArray body = R"({"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"forever",)"
                                R"("_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28"}}})";
        Headers headers = goodHeaders();
        headers.append(QPair<QByteArray, QByteArray>("MCP-Protocol-Version", "2026-07-28"));
        headers.append(QPair<QByteArray, QByteArray>("Mcp-Method", "tools/call"));
        headers.append(QPair<QByteArray, QByteArray>("Mcp-Name", "forever"));
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_transport->port());
        QByteArray request = "POST /mcp HTTP/1.1\r\n";
        for (const auto &h : headers)
            request += h.first + ": " + h.second + "\r\n";
        socket.write(request + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        QTRY_VERIFY(kept != nullptr);
        QVERIFY(!cancelled);
        socket.disconnectFromHost();
        QTRY_VERIFY(cancelled);
        QTRY_COMPARE(m_engine->sessionCount(), 0);
    }

    void smuggling_neverReachesTheEngine_data()
    {
        QTest::addColumn<QByteArray>("framing");
        QTest::addColumn<QByteArray>("body");
        // Every request carries a valid key and session; the smuggled part is a complete tools/call of its own.
        // QtHttpServer 6.4 alone would run the hidden call in each of these (see TestHttpServer for why).
        QTest::newRow("CL+TE") << QByteArray("Content-Length: 5\r\nTransfer-Encoding: chunked\r\n")
                               << QByteArray("0\r\n\r\n");
        QTest::newRow("two content-lengths")
            << QByteArray("Content-Length: 0\r\nContent-Length: 5\r\n") << QByteArray();
        QTest::newRow("content-length list") << QByteArray("Content-Length: 0, 0\r\n") << QByteArray();
        QTest::newRow("TE chunked, identity")
            << QByteArray("Transfer-Encoding: chunked, identity\r\n") << QByteArray("0\r\n\r\n");
        QTest::newRow("space before colon") << QByteArray("Content-Length : 0\r\n") << QByteArray();
        QTest::newRow("obs-fold") << QByteArray("Content-Length: 0\r\nX-A: 1\r\n b\r\n") << QByteArray();
        QTest::newRow("NUL") << QByteArray("Content-Length: 0\r\nX-A: \0\r\n", 27) << QByteArray();
        QTest::newRow("chunk size not hex") << QByteArray("Transfer-Encoding: chunked\r\n") << QByteArray("zz\r\n");
        QTest::newRow("trailer") << QByteArray("Transfer-Encoding: chunked\r\n") << QByteArray("0\r\nX: y\r\n\r\n");
        QTest::newRow("websocket upgrade")
            << QByteArray("Content-Length: 0\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n") << QByteArray();
    }
    void smuggling_neverReachesTheEngine()
    {
        QFETCH(QByteArray, framing);
        QFETCH(QByteArray, body);
        const QByteArray session = initialize();
        QVERIFY(!session.isEmpty());
        const QByteArray headers = headerBlock(goodHeaders(session));
        const QByteArray hidden = toolCallBody(22);
        const QByteArray piggyBack = "POST /mcp HTTP/1.1\r\n" + headers
            + "Content-Length: " + QByteArray::number(hidden.size()) + "\r\n\r\n" + hidden;
        const QByteArray received =
            rawExchange(m_transport->port(), "POST /mcp HTTP/1.1\r\n" + headers + framing + "\r\n" + body + piggyBack);
        QVERIFY2(received.startsWith("HTTP/1.1 400 "), received.constData());
        QVERIFY(received.contains("\"code\":-32600"));
        QCOMPARE(received.count("HTTP/1.1 "), 1);
        QCOMPARE(m_toolCalls, 0);
        ++m_smugglingRejected;

        // The piggy-backed request on its own is fine: the test did not pass because it was malformed.
        const Reply alone = exchange(m_transport->port(), "POST", "/mcp", goodHeaders(session), hidden);
        QCOMPARE(alone.status, 200);
        QCOMPARE(m_toolCalls, 1);
    }

    void oversizedBody_refusedFromItsLength()
    {
        const QByteArray session = initialize();
        // Only the head is sent: the 413 must not wait for the 10 MB body.
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_transport->port());
        socket.write("POST /mcp HTTP/1.1\r\n" + headerBlock(goodHeaders(session)) + "Content-Length: 10485760\r\n\r\n");
        QByteArray received;
        QTRY_VERIFY_WITH_TIMEOUT((received += socket.readAll()).contains("\r\n\r\n"), 10000);
        QVERIFY(received.startsWith("HTTP/1.1 413 "));
        QCOMPARE(m_toolCalls, 0);
    }

    void bearerTiming_firstVsLastByte()
    {
        // Timing is measured and printed, never asserted: only that every guess is refused.
        const QByteArray session = initialize();
        QVERIFY(!session.isEmpty());
        QByteArray wrongFirst = kKey;
        wrongFirst[0] = wrongFirst[0] == 'x' ? 'y' : 'x';
        QByteArray wrongLast = kKey;
        wrongLast[wrongLast.size() - 1] = wrongLast.back() == 'x' ? 'y' : 'x';
        const QByteArray body = toolCallBody(30);
        auto request = [&](const QByteArray &key) -> QByteArray {
            return "POST /mcp HTTP/1.1\r\n"
                + headerBlock(replaced(goodHeaders(session), "Authorization", "Bearer " + key))
                + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
        };
        const QByteArray first = request(wrongFirst);
        const QByteArray last = request(wrongLast);

        // One keep-alive connection, the two kinds interleaved so that drift affects both alike.
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_transport->port());
        QVERIFY(socket.waitForConnected(5000));
        QList<qint64> firstTimes;
        QList<qint64> lastTimes;
        int unauthorized = 0;
        constexpr int kRounds = 2000;
        QElapsedTimer clock;
        QElapsedTimer total;
        total.start();
        QByteArray received;
        QEventLoop wait;
        connect(&socket, &QIODevice::readyRead, &wait, [&] {
            received += socket.readAll();
            if (responseComplete(received))
                wait.quit();
        });
        connect(&socket, &QAbstractSocket::disconnected, &wait, &QEventLoop::quit);
        QTimer guard;
        guard.setSingleShot(true);
        connect(&guard, &QTimer::timeout, &wait, &QEventLoop::quit);
        for (int i = 0; i < 2 * kRounds; ++i) {
            const bool isFirst = i % 2 == 0;
            received.clear();
            guard.start(10000);
            clock.start();
            socket.write(isFirst ? first : last);
            // A local event loop wakes as soon as the answer arrives, without polling.
            wait.exec();
            (isFirst ? firstTimes : lastTimes).append(clock.nsecsElapsed());
            if (received.startsWith("HTTP/1.1 401 "))
                ++unauthorized;
            else
                QFAIL(qPrintable(QStringLiteral("request %1 after %2 ms: %3")
                                     .arg(i)
                                     .arg(total.elapsed())
                                     .arg(QString::fromLatin1(received))));
        }
        QCOMPARE(unauthorized, 2 * kRounds);
        QCOMPARE(m_toolCalls, 0);
        qInfo("RELIABILITY: bearer timing: median of %d requests with the key wrong in its first byte %.1f us, in its "
              "last byte %.1f us (difference %.1f us); all %d refused 401",
            kRounds, median(firstTimes) / 1000.0, median(lastTimes) / 1000.0,
            (median(lastTimes) - median(firstTimes)) / 1000.0, 2 * kRounds);
    }

    void streams_outliveTheServerTimeouts()
    {
        // Server timeouts far shorter than the streams: neither the GET stream nor a POST answered as a stream may
        // be cut once its response has begun.
        McpHttpTransport::Options options;
        options.port = 0;
        options.ephemeralPort = true;
        options.limits.headTimeoutMs = 150;
        options.limits.bodyTimeoutMs = 150;
        options.limits.idleTimeoutMs = 150;
        m_transport = std::make_unique<McpHttpTransport>(*m_engine, kKey, options);
        QVERIFY(m_transport->listen());
        ToolDefinition slow;
        slow.name = QStringLiteral("slow");
        m_engine->addTool(slow, [](std::shared_ptr<ToolCall> call) {
            call->reportProgress(1, 2);
            QTimer::singleShot(900, call.get(), [call] { call->finish(ToolResult::fromText(QStringLiteral("late"))); });
        });
        const QByteArray session = initialize();
        QVERIFY(!session.isEmpty());

        QTcpSocket getStream;
        getStream.connectToHost(QHostAddress::LocalHost, m_transport->port());
        getStream.write("GET /mcp HTTP/1.1\r\n"
            + headerBlock(replaced(goodHeaders(session), "Accept", "text/event-stream")) + "\r\n");
        QByteArray streamed;
        QTRY_VERIFY((streamed += getStream.readAll()).contains("\r\n\r\n"));
        QVERIFY(streamed.startsWith("HTTP/1.1 200"));

        QTcpSocket post;
        post.connectToHost(QHostAddress::LocalHost, m_transport->port());
        const QByteArray body = R"({"jsonrpc":"2.0","id":"s1","method":"tools/call","params":{"name":"slow",)"
                                R"("_meta":{"progressToken":"p"}}})";
        post.write("POST /mcp HTTP/1.1\r\n" + headerBlock(goodHeaders(session))
            + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        QByteArray answer;
        // The answer ends with the last chunk, long after every server timeout.
        QTRY_VERIFY_WITH_TIMEOUT((answer += post.readAll()).contains("\r\n0\r\n\r\n"), 10000);
        QVERIFY(answer.contains("text/event-stream"));
        QVERIFY(answer.contains("late"));

        m_engine->log(LogLevel::Warning, QStringLiteral("test"), "still streaming");
        QTRY_VERIFY((streamed += getStream.readAll()).contains("still streaming"));
        QCOMPARE(getStream.state(), QAbstractSocket::ConnectedState);
    }

    void cleanupTestCase()
    {
        qInfo(
            "RELIABILITY: MCP HTTP transport: %d smuggling shapes with a hidden tools/call sent, %d answered 400 with "
            "the engine never called",
            10, m_smugglingRejected);
    }

    void sessionIdsDiffer()
    {
        const QByteArray a = initialize();
        const QByteArray b = initialize();
        QVERIFY(!a.isEmpty());
        QVERIFY(a != b);
    }
};

QTEST_GUILESS_MAIN(TestMcpHttpTransport)
#include "TestMcpHttpTransport.moc"
