// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "McpHttpTransport.h"

#include "HttpServer.h"
#include "Logging.h"
#include "mcp/McpServer.h"
#include "mcp/McpSession.h"
#include "mcp/ServerSession.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QUrl>

#include <nlohmann/json.hpp>

#include <array>

namespace Companion::Mcp {

namespace {

using nlohmann::json;

const QString kPath = QStringLiteral("/mcp");
constexpr char kMetaProtocolVersion[] = "io.modelcontextprotocol/protocolVersion";

bool isLoopbackName(const QString &host)
{
    return host == QLatin1String("localhost") || host == QLatin1String("127.0.0.1") || host == QLatin1String("::1");
}

bool isPort(QByteArrayView digits)
{
    if (digits.isEmpty() || digits.size() > 5)
        return false;
    for (const char c : digits) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

/** Host: localhost, 127.0.0.1 or [::1], any port. Anything else may be a DNS-rebinding page. */
bool validHost(const QByteArray &value)
{
    QByteArrayView host = value;
    QByteArrayView port;
    if (host.startsWith('[')) {
        const qsizetype close = host.indexOf(']');
        if (close < 0)
            return false;
        const QByteArrayView rest = host.sliced(close + 1);
        host = host.sliced(1, close - 1);
        if (!rest.isEmpty()) {
            if (!rest.startsWith(':') || !isPort(rest.sliced(1)))
                return false;
        }
        return host == "::1";
    }
    const qsizetype colon = host.indexOf(':');
    if (colon >= 0) {
        port = host.sliced(colon + 1);
        host = host.first(colon);
        if (!isPort(port))
            return false;
    }
    const QString name = QString::fromLatin1(host).toLower();
    return name == QLatin1String("localhost") || name == QLatin1String("127.0.0.1");
}

/** Origin: absent, or exactly scheme://loopback[:port] as a browser sends it. "null" is a sandboxed page. */
bool validOrigin(const QByteArray &value, bool present)
{
    if (!present)
        return true;
    const QUrl url(QString::fromLatin1(value), QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return false;
    if (!url.userInfo().isEmpty() || !url.path().isEmpty() || url.hasQuery() || url.hasFragment())
        return false;
    return isLoopbackName(url.host().toLower());
}

bool hasHeader(const Http::HttpRequest &request, QByteArrayView name)
{
    for (const auto &header : request.headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QByteArray errorBody(int code, const char *message)
{
    return QByteArray::fromStdString(
        json {{"jsonrpc", "2.0"}, {"id", nullptr}, {"error", {{"code", code}, {"message", message}}}}.dump());
}

/** Whether an Accept header allows @p type (a bare list match; q-values are not weighed). */
bool accepts(const QByteArray &accept, QByteArrayView type)
{
    for (const QByteArray &item : accept.split(',')) {
        const QByteArray mediaType = item.split(';').constFirst().trimmed();
        if (mediaType.compare(type, Qt::CaseInsensitive) == 0 || mediaType == "*/*")
            return true;
    }
    return false;
}

/** One Server-Sent Event carrying one JSON-RPC message. */
QByteArray sseEvent(const QByteArray &message)
{
    // Serialized JSON has no raw line breaks, so one data line carries the whole message.
    return QByteArrayLiteral("event: message\ndata: ") + message + QByteArrayLiteral("\n\n");
}

const Http::HeaderList kStreamHeaders {{"Content-Type", "text/event-stream"}, {"Cache-Control", "no-cache"},
    // Tells buffering proxies (if a user puts one in front) to pass events on at once.
    {"X-Accel-Buffering", "no"}};

/**
 * A 2026-07-28 header value: plain visible ASCII, or the sentinel =?base64?…?= for values that are not
 * (non-ASCII names, leading spaces). Returns the decoded UTF-8, or nullopt when the sentinel is broken.
 */
std::optional<QByteArray> decodeHeaderValue(const QByteArray &value)
{
    if (!value.startsWith("=?base64?") || !value.endsWith("?="))
        return value;
    const QByteArray inner = value.sliced(9, value.size() - 11);
    auto decoded = QByteArray::fromBase64Encoding(inner, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return decoded.decoded;
}

/** The params member that Mcp-Name must repeat for @p method, or nullptr when the method has none. */
const char *nameParamOf(const std::string &method)
{
    if (method == "tools/call" || method == "prompts/get")
        return "name";
    if (method == "resources/read")
        return "uri";
    return nullptr;
}

/**
 * The HTTP status of a 2026-07-28 answer: errors that the revision maps to a status (so that clients and
 * gateways can tell them without parsing) get it, everything else is 200.
 */
int statelessStatus(const json &response)
{
    const auto error = response.find("error");
    if (error == response.end() || !error->is_object() || !error->contains("code") || !(*error)["code"].is_number())
        return 200;
    switch ((*error)["code"].get<int>()) {
    case -32601: // method not found
        return 404;
    case -32600: // invalid request
    case -32020: // header mismatch
    case -32022: // unsupported protocol version
        return 400;
    default: return 200;
    }
}

QByteArray newSessionId()
{
    std::array<quint32, 8> words {};
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    const QByteArray raw(reinterpret_cast<const char *>(words.data()), qsizetype(sizeof(words)));
    // base64url is visible ASCII, as the spec requires of session ids.
    return raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

} // namespace

McpHttpTransport::McpHttpTransport(McpServer &engine, QByteArray bearerKey, Options options, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_bearerKey(std::move(bearerKey))
    , m_options(options)
{ }

McpHttpTransport::McpHttpTransport(McpServer &engine, QByteArray bearerKey, QObject *parent)
    : McpHttpTransport(engine, std::move(bearerKey), Options {}, parent)
{ }

McpHttpTransport::~McpHttpTransport()
{
    for (const auto &session : std::as_const(m_sessions)) {
        if (session->session)
            session->session->close();
    }
}

Expected<quint16, QString> McpHttpTransport::listen()
{
    if (m_options.port == 0 && !m_options.ephemeralPort)
        return Unexpected(QStringLiteral("the HTTP endpoint is disabled (port 0)"));
    if (m_bearerKey.isEmpty())
        return Unexpected(QStringLiteral("no local key for the HTTP endpoint"));
    if (m_server)
        return m_port;
    // The server refuses bodies over the limit from their Content-Length (or chunk sizes) before reading them;
    // handle() checks again, so the limit holds whatever the server's framing.
    Http::HttpLimits limits = m_options.limits;
    limits.maxBodyBytes = m_options.maxBodyBytes;
    auto server = std::make_unique<Http::HttpServer>(
        [this](const Http::HttpRequest &request, const Responder &responder) { handle(request, responder); }, limits);
    // Loopback only: the bearer key is the sole barrier, and it must never be reachable from the network.
    const auto listening = server->listen(address(), m_options.port);
    if (!listening)
        return Unexpected(listening.error());
    m_server = std::move(server);
    m_port = *listening;
    return m_port;
}

int McpHttpTransport::connectionCount() const
{
    return m_server ? m_server->connectionCount() : 0;
}

bool McpHttpTransport::authorized(const Http::HttpRequest &request) const
{
    const QByteArray value = request.header("Authorization");
    const QByteArrayView prefix = "Bearer ";
    if (value.size() <= prefix.size()
        || QByteArrayView(value).first(prefix.size()).compare(prefix, Qt::CaseInsensitive) != 0)
        return false;
    // Timing: the key is compared as SHA-256 digests, so the compared length never depends on the key or the
    // guess, and the loop ORs the XOR of every byte pair without stopping early (no memcmp, no QByteArray ==,
    // which return at the first difference). Where the guess first differs changes nothing in the time taken;
    // TestMcpHttpTransport::bearerTiming_firstVsLastByte measures it.
    const QByteArray given = QCryptographicHash::hash(value.sliced(prefix.size()), QCryptographicHash::Sha256);
    const QByteArray expected = QCryptographicHash::hash(m_bearerKey, QCryptographicHash::Sha256);
    unsigned char diff = 0;
    for (qsizetype i = 0; i < expected.size(); ++i)
        diff |= static_cast<unsigned char>(given[i] ^ expected[i]);
    return diff == 0;
}

void McpHttpTransport::handle(const Http::HttpRequest &request, const Responder &responder)
{
    if (!validHost(request.header("Host"))) {
        responder->sendJson(403, errorBody(-32000, "Forbidden: invalid Host"));
        return;
    }
    if (!validOrigin(request.header("Origin"), hasHeader(request, "Origin"))) {
        responder->sendJson(403, errorBody(-32000, "Forbidden: invalid Origin"));
        return;
    }
    if (!authorized(request)) {
        responder->sendJson(401, errorBody(-32000, "Unauthorized"), {{"WWW-Authenticate", "Bearer"}});
        return;
    }
    if (request.path != kPath) {
        responder->sendJson(404, errorBody(-32000, "Not found"));
        return;
    }
    if (request.body.size() > m_options.maxBodyBytes) {
        responder->sendJson(413, errorBody(-32600, "Message too large"));
        return;
    }
    if (request.method == "POST")
        handlePost(request, responder);
    else if (request.method == "GET")
        handleGet(request, responder);
    else if (request.method == "DELETE")
        handleDelete(request, responder);
    else
        responder->sendJson(405, errorBody(-32000, "Method not allowed"), {{"Allow", "GET, POST, DELETE"}});
}

void McpHttpTransport::handlePost(const Http::HttpRequest &request, const Responder &responder)
{
    const json message = json::parse(request.body.toStdString(), nullptr, false);
    if (message.is_discarded()) {
        responder->sendJson(400, errorBody(-32700, "Parse error"));
        return;
    }
    // One message per POST: batches were removed in 2025-06-18.
    if (!message.is_object()) {
        responder->sendJson(400, errorBody(-32600, "Invalid Request: one JSON-RPC message per POST"));
        return;
    }
    const auto method = message.find("method");
    const bool hasMethod = method != message.end() && method->is_string();
    const bool isRequest = hasMethod && message.contains("id");
    if (isRequest && !message["id"].is_string() && !message["id"].is_number_integer()) {
        // MCP ids are strings or integers. The engine answers any other id with a null id, which matches no
        // waiting request here, so this POST would never be answered: refuse it now.
        responder->sendJson(400, errorBody(-32600, "Invalid Request: id must be a string or an integer"));
        return;
    }
    const bool isInitialize = isRequest && method->get<std::string>() == "initialize";
    const QByteArray idText = isRequest ? QByteArray::fromStdString(message["id"].dump()) : QByteArray();
    const QByteArray sessionId = request.header("Mcp-Session-Id");
    const QByteArray versionHeader = request.header("MCP-Protocol-Version");
    const bool acceptsStream = accepts(request.header("Accept"), "text/event-stream");

    if (isInitialize) {
        const auto session = startSession();
        const QByteArray id = newSessionId();
        m_sessions.insert(id, session);
        session->pending.insert(idText, Pending {responder, id, false, acceptsStream});
        session->session->receive(request.body);
        return;
    }

    if (sessionId.isEmpty()) {
        const json *meta = nullptr;
        if (isRequest && message.contains("params") && message["params"].is_object()
            && message["params"].contains("_meta") && message["params"]["_meta"].is_object())
            meta = &message["params"]["_meta"];
        if (!meta || !meta->contains(kMetaProtocolVersion)) {
            responder->sendJson(400, errorBody(-32000, "Bad Request: missing Mcp-Session-Id"));
            return;
        }
        if (const auto problem = statelessHeaderProblem(request, message)) {
            responder->sendJson(400, *problem);
            return;
        }
        // Stateless revision: a session for this one request, gone after its answer.
        const auto session = startSession();
        session->pending.insert(idText, Pending {responder, {}, true, acceptsStream});
        // In 2026-07-28 a client cancels by closing the request's connection; nobody reads the answer then.
        responder->onClientGone([weak = std::weak_ptr<Session>(session)] {
            if (const auto owned = weak.lock(); owned && owned->session) {
                owned->pending.clear();
                owned->session->close();
                owned->session->deleteLater();
            }
        });
        session->session->receive(request.body);
        return;
    }

    const auto found = m_sessions.constFind(sessionId);
    if (found == m_sessions.constEnd() || !found.value()->session) {
        responder->sendJson(404, errorBody(-32001, "Session not found"));
        return;
    }
    if (!versionHeader.isEmpty()) {
        QStringList supported = ServerSession::legacyVersions();
        supported.append(ServerSession::modernVersion());
        if (!supported.contains(QString::fromLatin1(versionHeader))) {
            responder->sendJson(400, errorBody(-32000, "Bad Request: unsupported MCP-Protocol-Version"));
            return;
        }
    }
    const std::shared_ptr<Session> session = found.value();
    if (!isRequest) {
        // A notification, or the client's answer to a sampling or elicitation request.
        session->session->receive(request.body);
        responder->send(202, {});
        return;
    }
    if (session->pending.contains(idText)) {
        responder->sendJson(400, errorBody(-32600, "Invalid Request: id already in use"));
        return;
    }
    session->pending.insert(idText, Pending {responder, {}, false, acceptsStream});
    session->session->receive(request.body);
}

std::optional<QByteArray> McpHttpTransport::statelessHeaderProblem(
    const Http::HttpRequest &request, const json &message) const
{
    // 2026-07-28 repeats the routing facts in headers so that gateways need not parse bodies; a header that
    // disagrees with the body would let such a gateway see one request and the server run another.
    const json &version = message["params"]["_meta"][kMetaProtocolVersion];
    if (!hasHeader(request, "MCP-Protocol-Version"))
        return errorBody(-32020, "Header mismatch: MCP-Protocol-Version is required");
    if (!version.is_string()
        || request.header("MCP-Protocol-Version") != QByteArray::fromStdString(version.get<std::string>()))
        return errorBody(-32020, "Header mismatch: MCP-Protocol-Version differs from _meta");
    const std::string method = message["method"].get<std::string>();
    if (!hasHeader(request, "Mcp-Method"))
        return errorBody(-32020, "Header mismatch: Mcp-Method is required");
    const auto methodHeader = decodeHeaderValue(request.header("Mcp-Method"));
    if (!methodHeader || *methodHeader != QByteArray::fromStdString(method))
        return errorBody(-32020, "Header mismatch: Mcp-Method differs from the body's method");
    if (const char *nameParam = nameParamOf(method)) {
        const json &params = message["params"];
        const auto given = params.find(nameParam);
        if (given == params.end() || !given->is_string()) {
            // The engine answers the missing parameter itself (-32602); only a present name must match.
            return std::nullopt;
        }
        if (!hasHeader(request, "Mcp-Name"))
            return errorBody(-32020, "Header mismatch: Mcp-Name is required");
        const auto nameHeader = decodeHeaderValue(request.header("Mcp-Name"));
        if (!nameHeader || *nameHeader != QByteArray::fromStdString(given->get<std::string>()))
            return errorBody(-32020, "Header mismatch: Mcp-Name differs from the body");
    }
    return std::nullopt;
}

void McpHttpTransport::handleGet(const Http::HttpRequest &request, const Responder &responder)
{
    const QByteArray sessionId = request.header("Mcp-Session-Id");
    if (sessionId.isEmpty()) {
        // Without a session there is nothing to stream; 2026-07-28 has no GET at all.
        responder->sendJson(
            405, errorBody(-32000, "Method not allowed: open a session first"), {{"Allow", "POST, DELETE"}});
        return;
    }
    const auto found = m_sessions.constFind(sessionId);
    if (found == m_sessions.constEnd() || !found.value()->session) {
        responder->sendJson(404, errorBody(-32001, "Session not found"));
        return;
    }
    if (!accepts(request.header("Accept"), "text/event-stream")) {
        responder->sendJson(406, errorBody(-32000, "Not Acceptable: the GET stream is text/event-stream"));
        return;
    }
    const std::shared_ptr<Session> session = found.value();
    if (session->standaloneStream && session->standaloneStream->isStreaming()) {
        responder->sendJson(409, errorBody(-32000, "Conflict: this session already has a GET stream"));
        return;
    }
    session->standaloneStream = responder;
    responder->beginStream(200, kStreamHeaders);
    responder->onClientGone([weak = std::weak_ptr<Session>(session), raw = responder.get()] {
        if (const auto owned = weak.lock(); owned && owned->standaloneStream.get() == raw)
            owned->standaloneStream.reset();
    });
}

void McpHttpTransport::handleDelete(const Http::HttpRequest &request, const Responder &responder)
{
    const QByteArray sessionId = request.header("Mcp-Session-Id");
    if (sessionId.isEmpty()) {
        responder->sendJson(400, errorBody(-32000, "Bad Request: missing Mcp-Session-Id"));
        return;
    }
    const auto session = m_sessions.take(sessionId);
    if (!session) {
        responder->sendJson(404, errorBody(-32001, "Session not found"));
        return;
    }
    endSession(session);
    responder->send(200, {});
}

std::shared_ptr<McpHttpTransport::Session> McpHttpTransport::startSession()
{
    auto session = std::make_shared<Session>();
    // Owned by this object, so sessions die with the transport; the engine outlives both.
    McpSession *engineSession = m_engine.createSession(QStringLiteral("http")).release();
    engineSession->setParent(this);
    session->session = engineSession;
    connect(engineSession, &McpSession::send, this,
        // The connection owns the Session record, so it lives exactly as long as the engine's session.
        [this, owner = session](const QByteArray &message, const QByteArray &relatedRequest, bool isResponse) {
            deliver(owner.get(), message, relatedRequest, isResponse);
        });
    return session;
}

void McpHttpTransport::endSession(const std::shared_ptr<Session> &session)
{
    for (const Pending &pending : std::as_const(session->pending)) {
        if (pending.responder->isStreaming())
            pending.responder->endStream();
        else
            pending.responder->sendJson(404, errorBody(-32001, "Session closed"));
    }
    session->pending.clear();
    if (session->standaloneStream) {
        session->standaloneStream->endStream();
        session->standaloneStream.reset();
    }
    if (McpSession *engineSession = session->session) {
        engineSession->close();
        // Not deleted at once: we may be inside its own send signal.
        engineSession->deleteLater();
    }
}

void McpHttpTransport::deliver(
    Session *session, const QByteArray &message, const QByteArray &relatedRequest, bool isResponse)
{
    const auto it = relatedRequest.isEmpty() ? session->pending.end() : session->pending.find(relatedRequest);
    if (it == session->pending.end()) {
        // Belongs to no open request: the standalone GET stream is its only way to the client.
        if (session->standaloneStream && session->standaloneStream->isStreaming())
            session->standaloneStream->writeChunk(sseEvent(message));
        else
            qCDebug(lcMcp) << "HTTP: dropping a message with no stream to carry it";
        return;
    }
    Pending &pending = it.value();
    // Only initialize's answer and stateless answers depend on what the response says, so only they are
    // parsed; every other message passes through as the bytes the engine wrote.
    const json parsed = isResponse && (!pending.sessionHeader.isEmpty() || pending.stateless)
        ? json::parse(message.toStdString(), nullptr, false)
        : json();
    const bool isError = parsed.is_object() && parsed.contains("error");
    Http::HeaderList headers;
    if (!pending.sessionHeader.isEmpty() && !isError)
        headers.append({QByteArrayLiteral("Mcp-Session-Id"), pending.sessionHeader});

    if (!isResponse) {
        // Progress, a log message or a request to the client while the request runs: answer as a stream.
        if (!pending.acceptsStream) {
            qCDebug(lcMcp) << "HTTP: client accepts no stream; dropping a message for a pending request";
            return;
        }
        if (!pending.responder->isStreaming())
            pending.responder->beginStream(200, kStreamHeaders + headers);
        pending.responder->writeChunk(sseEvent(message));
        return;
    }

    const Pending done = pending;
    session->pending.erase(it);
    if (!done.sessionHeader.isEmpty() && isError) {
        // A failed initialize leaves no session behind.
        if (const auto owned = m_sessions.take(done.sessionHeader))
            endSession(owned);
    }
    if (done.responder->isStreaming()) {
        done.responder->writeChunk(sseEvent(message));
        done.responder->endStream();
    } else {
        done.responder->sendJson(done.stateless ? statelessStatus(parsed) : 200, message, headers);
    }
    if (done.stateless && session->session) {
        session->session->close();
        session->session->deleteLater();
    }
}

} // namespace Companion::Mcp
