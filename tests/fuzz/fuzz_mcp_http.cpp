// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The local MCP HTTP endpoint (McpHttpTransport over Http::HttpServer) fed requests through a real loopback
// connection. HttpResponder needs a QHttpServerResponder, which only QtHttpServer creates from a socket, so the
// target drives the transport the way a client does: a fresh transport on an ephemeral 127.0.0.1 port per
// input, one TCP connection per request. That also puts the HTTP layer's own checks (Host, framing, limits) in
// the path, as in the app.
//
// Input: one byte of options, then
//  - option bit 0 clear: up to 8 requests separated by a line "%%". Each is "METHOD /path?query", header lines
//    "Name: value", an empty line and the body. The target adds Content-Length (and drops any framing headers
//    given) so the request always reaches the transport; a header value "$session" becomes the Mcp-Session-Id
//    of the last answer that carried one, so a fuzzed flow can use the session it opened.
//  - option bit 0 set: raw bytes written to one connection as they are, then the sending side is closed.
//
// Invariants:
//  - every answer starts with a well-formed HTTP/1.1 status line;
//  - nothing succeeds (2xx) without the bearer key, without a loopback Host, or with a non-loopback Origin (the
//    checks are deliberately looser than the transport's, so a pass here is never a false alarm);
//  - a JSON answer, and every Server-Sent Event, is one JSON-RPC 2.0 message;
//  - every POST and DELETE is answered (a GET may open a stream that stays open).
#include "FuzzSupport.h"

#include "aries/AriesClient.h"
#include "mcp/McpHttpTransport.h"
#include "mcp/McpServer.h"
#include "tools/AccountTools.h"
#include "tools/AriesConnection.h"
#include "tools/AriesPrompts.h"
#include "tools/AriesResources.h"
#include "tools/MarketTools.h"
#include "tools/OrderQueryTools.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QList>
#include <QTcpSocket>

#include <nlohmann/json.hpp>

#include <memory>

#include <sys/socket.h>

namespace {

using nlohmann::json;
using namespace Companion;

const QByteArray kKey = QByteArrayLiteral("fuzz-local-key-7Yq2");
constexpr int kMaxRequests = 8;
/**
 * Long enough for any answer the engine gives at once, with a wide margin: runs at low priority on a busy machine
 * saw a 250 ms wait pass without an answer that came (the same input answered in 20 ms when replayed). A request
 * still unanswered after it is hanging.
 */
constexpr int kAnswerWaitMs = 2000;
/** With several answers on one connection (pipelining), the last is taken to have come after this much quiet. */
constexpr int kQuietMs = 10;

class SignedOut final : public Tools::AriesConnection
{
public:
    Aries::AriesClient *client() override { return nullptr; }
    QString notConnectedReason() const override { return QStringLiteral("Not connected to Aries (fuzzing)."); }
    QString defaultAccountId() const override { return {}; }
    Aries::AriesEnvironment environment() const override { return Aries::AriesEnvironment::Sandbox; }
};

struct Engine
{
    SignedOut connection;
    Mcp::McpServer server;

    Engine()
    {
        Tools::AccountTools::registerTools(server, connection);
        Tools::MarketTools::registerTools(server, connection);
        Tools::OrderQueryTools::registerTools(server, connection);
        Tools::AriesPrompts::registerPrompts(server);
        Tools::AriesResources::registerResources(server);
    }
};

Engine *engine = nullptr;

/** One HTTP answer as read by the client, as far as it arrived. */
struct Answer
{
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body; ///< Decoded from chunks when chunked
    bool complete = false; ///< The whole body arrived (or the server closed after it)
    bool stream = false; ///< text/event-stream

    QByteArray header(QByteArrayView name) const
    {
        for (const auto &[key, value] : headers) {
            if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0) {
                return value;
            }
        }
        return {};
    }
};

/** Decodes a chunked body; nullopt while it is unfinished. */
std::optional<QByteArray> dechunk(const QByteArray &raw)
{
    QByteArray body;
    qsizetype pos = 0;
    for (;;) {
        const qsizetype lineEnd = raw.indexOf("\r\n", pos);
        if (lineEnd < 0) {
            return std::nullopt;
        }
        bool ok = false;
        const qsizetype length = raw.mid(pos, lineEnd - pos).split(';').constFirst().trimmed().toLongLong(&ok, 16);
        COMPANION_FUZZ_CHECK(ok && length >= 0, "a chunk size is hexadecimal");
        pos = lineEnd + 2;
        if (length == 0) {
            return body;
        }
        if (raw.size() < pos + length + 2) {
            return std::nullopt;
        }
        body += raw.mid(pos, length);
        pos += length + 2;
    }
}

/** Reads one answer from what arrived so far; nullopt while even the head is incomplete. */
std::optional<Answer> readAnswer(QByteArray received, bool closed)
{
    // Interim answers (100 Continue to "Expect: 100-continue") come before the real one.
    while (received.startsWith("HTTP/1.1 1") && received.indexOf("\r\n\r\n") >= 0) {
        received = received.sliced(received.indexOf("\r\n\r\n") + 4);
    }
    const qsizetype headEnd = received.indexOf("\r\n\r\n");
    if (headEnd < 0) {
        COMPANION_FUZZ_CHECK(received.isEmpty() || QByteArrayLiteral("HTTP/1.1 ").startsWith(received.left(9))
                || received.startsWith("HTTP/1.1 "),
            "an answer starts with an HTTP/1.1 status line");
        return std::nullopt;
    }
    Answer answer;
    const QList<QByteArray> lines = received.first(headEnd).split('\n');
    const QByteArray statusLine = lines.constFirst().trimmed();
    COMPANION_FUZZ_CHECK(
        statusLine.startsWith("HTTP/1.1 ") && statusLine.size() >= 12, "an answer starts with an HTTP/1.1 status line");
    bool ok = false;
    answer.status = statusLine.mid(9, 3).toInt(&ok);
    COMPANION_FUZZ_CHECK(ok && answer.status >= 100 && answer.status <= 599, "the status is a 3-digit code");
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        COMPANION_FUZZ_CHECK(colon > 0, "every header line is Name: value");
        answer.headers.append({line.first(colon).trimmed(), line.sliced(colon + 1).trimmed()});
    }
    answer.stream = answer.header("Content-Type").startsWith("text/event-stream");
    const QByteArray raw = received.sliced(headEnd + 4);
    if (answer.header("Transfer-Encoding").compare("chunked", Qt::CaseInsensitive) == 0) {
        const auto body = dechunk(raw);
        answer.complete = body.has_value();
        answer.body = body.value_or(raw);
    } else if (const QByteArray length = answer.header("Content-Length"); !length.isEmpty()) {
        answer.complete = raw.size() >= length.toLongLong();
        answer.body = raw.left(length.toLongLong());
    } else {
        answer.complete = closed;
        answer.body = raw;
    }
    return answer;
}

void checkJsonRpc(const QByteArray &text, const char *where)
{
    const json message = json::parse(text.constBegin(), text.constEnd(), nullptr, false);
    COMPANION_FUZZ_CHECK(message.is_object() && message.contains("jsonrpc") && message["jsonrpc"] == "2.0", where);
}

void checkBody(const Answer &answer)
{
    if (!answer.complete && !answer.stream) {
        return;
    }
    if (answer.stream) {
        for (const QByteArray &line : answer.body.split('\n')) {
            if (line.startsWith("data: ")) {
                checkJsonRpc(line.sliced(6), "every Server-Sent Event carries one JSON-RPC message");
            }
        }
    } else if (answer.header("Content-Type").startsWith("application/json") && !answer.body.isEmpty()) {
        checkJsonRpc(answer.body, "a JSON answer is one JSON-RPC message");
    }
}

/** One client connection, cut with a reset at the end so that thousands of runs leave no TIME_WAIT behind. */
struct Connection
{
    std::unique_ptr<QTcpSocket> socket = std::make_unique<QTcpSocket>();
    QByteArray received;

    ~Connection()
    {
        if (socket->socketDescriptor() >= 0) {
            const linger reset {1, 0};
            ::setsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &reset, sizeof reset);
        }
        socket->abort();
    }

    bool open(quint16 port)
    {
        socket->connectToHost(QHostAddress(QHostAddress::LocalHost), port);
        // A loopback connect completes in the kernel's backlog; the server accepts it in the event loop later.
        return socket->waitForConnected(1000);
    }

    /** Spins the event loop until an answer is complete (or a stream has begun) or the wait is over. */
    std::optional<Answer> await(bool untilClosed = false, int waitMs = kAnswerWaitMs)
    {
        QElapsedTimer timer;
        timer.start();
        qint64 lastByte = 0;
        std::optional<Answer> answer;
        for (;;) {
            QCoreApplication::processEvents(QEventLoop::AllEvents);
            const QByteArray more = socket->readAll();
            if (!more.isEmpty()) {
                received += more;
                lastByte = timer.elapsed();
            }
            const bool closed = socket->state() != QAbstractSocket::ConnectedState;
            answer = readAnswer(received, closed);
            if (closed || timer.elapsed() > waitMs) {
                break;
            }
            const bool done = answer && (answer->complete || answer->stream);
            // After a refusal the server lingers before closing, so that the client can read the answer; once
            // answers have stopped coming, waiting for that close would only slow the run down.
            if (done && (!untilClosed || timer.elapsed() - lastByte > kQuietMs)) {
                break;
            }
            // Raw bytes are often an unfinished request, which the server rightly waits on (until its head
            // timeout); the server runs in this thread, so a few quiet turns of the loop mean nothing else comes.
            if (untilClosed && timer.elapsed() - lastByte > 3 * kQuietMs) {
                break;
            }
        }
        return answer;
    }
};

struct Request
{
    QByteArray method;
    QByteArray target;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
};

Request parseRequest(const QByteArray &text, const QByteArray &sessionId)
{
    Request request;
    const qsizetype headEnd = text.indexOf("\n\n");
    const QByteArray head = headEnd < 0 ? text : text.first(headEnd);
    request.body = headEnd < 0 ? QByteArray() : text.sliced(headEnd + 2);
    QList<QByteArray> lines = head.split('\n');
    const QByteArray requestLine = lines.takeFirst().trimmed();
    const qsizetype space = requestLine.indexOf(' ');
    request.method = space < 0 ? requestLine : requestLine.first(space);
    request.target = space < 0 ? QByteArrayLiteral("/mcp") : requestLine.sliced(space + 1).trimmed();
    for (const QByteArray &line : std::as_const(lines)) {
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            continue;
        }
        const QByteArray name = line.first(colon).trimmed();
        QByteArray value = line.sliced(colon + 1).trimmed();
        // Framing is the target's job: a fuzzed Content-Length would only make the request wait for bytes.
        if (name.compare("Content-Length", Qt::CaseInsensitive) == 0
            || name.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0) {
            continue;
        }
        if (value == "$session") {
            value = sessionId;
        }
        request.headers.append({name, value});
    }
    return request;
}

QByteArray serialize(const Request &request)
{
    QByteArray wire = request.method + ' ' + request.target + " HTTP/1.1\r\n";
    for (const auto &[name, value] : request.headers) {
        wire += name + ": " + value + "\r\n";
    }
    wire += "Content-Length: " + QByteArray::number(request.body.size()) + "\r\n\r\n" + request.body;
    return wire;
}

/** Keeps only what an HTTP request line and header line can hold; bare CR or LF would change the framing. */
bool writable(const Request &request)
{
    const auto clean = [](const QByteArray &text) { return !text.contains('\r') && !text.contains('\n'); };
    if (request.method.isEmpty() || !clean(request.method) || request.method.contains(' ') || !clean(request.target)
        || request.target.contains(' ') || request.target.isEmpty()) {
        return false;
    }
    for (const auto &[name, value] : request.headers) {
        if (!clean(name) || !clean(value) || name.contains(' ')) {
            return false;
        }
    }
    return true;
}

/** The loose version of the transport's gates: when one of these is false, nothing may succeed. */
struct Credentials
{
    bool mayHaveKey = false;
    bool mayHaveLoopbackHost = false;
    bool mayHaveLoopbackOrigin = true;
};

Credentials credentialsIn(const QByteArray &wire)
{
    Credentials credentials;
    credentials.mayHaveKey = wire.contains(kKey);
    bool hasHost = false;
    bool hasOrigin = false;
    bool loopbackHost = false;
    bool loopbackOrigin = false;
    for (const QByteArray &line : wire.split('\n')) {
        // Header lines only: "Name: value" with the name exactly Host or Origin. A line that starts with blanks
        // may continue the previous header (obsolete folding) and is not counted either way.
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || line.startsWith(' ') || line.startsWith('\t')) {
            continue;
        }
        const QByteArray name = line.first(colon).trimmed().toLower();
        const QByteArray value = line.sliced(colon + 1).toLower();
        const bool loopback = value.contains("localhost") || value.contains("127.0.0.1") || value.contains("::1");
        if (name == "host") {
            hasHost = true;
            loopbackHost = loopbackHost || loopback;
        } else if (name == "origin") {
            hasOrigin = true;
            loopbackOrigin = loopbackOrigin || loopback || value.contains("null");
        }
    }
    credentials.mayHaveLoopbackHost = !hasHost || loopbackHost;
    credentials.mayHaveLoopbackOrigin = !hasOrigin || loopbackOrigin;
    return credentials;
}

void checkGates(const QByteArray &wire, int status)
{
    if (status < 200 || status > 299) {
        return;
    }
    const Credentials credentials = credentialsIn(wire);
    COMPANION_FUZZ_CHECK(credentials.mayHaveKey, "no request succeeds without the bearer key");
    COMPANION_FUZZ_CHECK(credentials.mayHaveLoopbackHost, "no request succeeds with a non-loopback Host");
    COMPANION_FUZZ_CHECK(credentials.mayHaveLoopbackOrigin, "no request succeeds with a non-loopback Origin");
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    Fuzz::initApplication(argc, argv);
    engine = new Engine;
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0) {
        return 0;
    }
    const uint8_t options = data[0];
    const QByteArray input = Fuzz::bytes(data + 1, size - 1);

    Mcp::McpHttpTransport::Options transportOptions;
    transportOptions.port = 0;
    transportOptions.ephemeralPort = true;
    auto transport = std::make_unique<Mcp::McpHttpTransport>(engine->server, kKey, transportOptions);
    const auto port = transport->listen();
    if (!port) {
        std::fprintf(stderr, "listen: %s\n", qPrintable(port.error()));
    }
    COMPANION_FUZZ_CHECK(port.has_value(), "the endpoint listens on an ephemeral loopback port");

    QList<std::shared_ptr<Connection>> connections;
    if (options & 1) {
        auto connection = std::make_shared<Connection>();
        connections.append(connection);
        if (connection->open(*port)) {
            connection->socket->write(input);
            connection->socket->waitForBytesWritten(1000);
            ::shutdown(int(connection->socket->socketDescriptor()), SHUT_WR);
            // Several answers may arrive (pipelined requests); each is checked against the whole input.
            connection->await(true);
            QByteArray rest = connection->received;
            while (!rest.isEmpty()) {
                const auto answer = readAnswer(rest, true);
                if (!answer) {
                    break;
                }
                checkGates(input, answer->status);
                checkBody(*answer);
                const qsizetype next = rest.indexOf("HTTP/1.1 ", 1);
                rest = next < 0 ? QByteArray() : rest.sliced(next);
            }
        }
    } else {
        QByteArray sessionId;
        const QList<QByteArray> texts = input.split('\n');
        QList<QByteArray> requests {QByteArray()};
        for (const QByteArray &line : texts) {
            if (line == "%%") {
                requests.append(QByteArray());
            } else {
                requests.last() += line + '\n';
            }
        }
        for (qsizetype i = 0; i < requests.size() && i < kMaxRequests; ++i) {
            QByteArray text = requests[i];
            text.chop(1);
            const Request request = parseRequest(text, sessionId);
            if (!writable(request)) {
                continue;
            }
            auto connection = std::make_shared<Connection>();
            connections.append(connection);
            if (!connection->open(*port)) {
                continue;
            }
            const QByteArray wire = serialize(request);
            connection->socket->write(wire);
            connection->socket->waitForBytesWritten(1000);
            const auto answer = connection->await(false, kAnswerWaitMs);
            const bool mustAnswer = request.method == "POST" || request.method == "DELETE";
            COMPANION_FUZZ_CHECK(
                !mustAnswer || (answer && (answer->complete || answer->stream)), "every POST and DELETE is answered");
            if (!answer) {
                continue;
            }
            checkGates(wire, answer->status);
            checkBody(*answer);
            if (const QByteArray id = answer->header("Mcp-Session-Id"); !id.isEmpty()) {
                sessionId = id;
            }
        }
    }

    connections.clear();
    transport.reset();
    Fuzz::drainEvents();
    return 0;
}
