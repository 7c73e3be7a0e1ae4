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
    auto server = std::make_unique<Http::HttpServer>(
        [this](const Http::HttpRequest &request, const Responder &responder) { handle(request, responder); });
    // Loopback only: the bearer key is the sole barrier, and it must never be reachable from the network.
    const auto listening = server->listen(address(), m_options.port);
    if (!listening)
        return Unexpected(listening.error());
    m_server = std::move(server);
    m_port = *listening;
    return m_port;
}

bool McpHttpTransport::authorized(const Http::HttpRequest &request) const
{
    const QByteArray value = request.header("Authorization");
    const QByteArrayView prefix = "Bearer ";
    if (value.size() <= prefix.size()
        || QByteArrayView(value).first(prefix.size()).compare(prefix, Qt::CaseInsensitive) != 0)
        return false;
    // Comparing digests of equal length in full takes the same time wherever the first difference is.
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
    else if (request.method == "DELETE")
        handleDelete(request, responder);
    else
        responder->sendJson(405, errorBody(-32000, "Method not allowed"), {{"Allow", "POST, DELETE"}});
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
    const bool isInitialize = isRequest && method->get<std::string>() == "initialize";
    const QByteArray idText = isRequest ? QByteArray::fromStdString(message["id"].dump()) : QByteArray();
    const QByteArray sessionId = request.header("Mcp-Session-Id");
    const QByteArray versionHeader = request.header("MCP-Protocol-Version");

    if (isInitialize) {
        const auto session = startSession();
        const QByteArray id = newSessionId();
        m_sessions.insert(id, session);
        session->pending.insert(idText, Pending {responder, id, false});
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
        const json &version = (*meta)[kMetaProtocolVersion];
        if (!versionHeader.isEmpty()
            && (!version.is_string() || QByteArray::fromStdString(version.get<std::string>()) != versionHeader)) {
            responder->sendJson(400, errorBody(-32020, "MCP-Protocol-Version does not match _meta"));
            return;
        }
        // Stateless revision: a session for this one request, gone after its answer.
        const auto session = startSession();
        session->pending.insert(idText, Pending {responder, {}, true});
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
        session->session->receive(request.body);
        responder->send(202, {});
        return;
    }
    if (session->pending.contains(idText)) {
        responder->sendJson(400, errorBody(-32600, "Invalid Request: id already in use"));
        return;
    }
    session->pending.insert(idText, Pending {responder, {}, false});
    session->session->receive(request.body);
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
        [this, owner = session](const QByteArray &message) { deliver(owner.get(), message); });
    return session;
}

void McpHttpTransport::endSession(const std::shared_ptr<Session> &session)
{
    for (const Pending &pending : std::as_const(session->pending))
        pending.responder->sendJson(404, errorBody(-32001, "Session closed"));
    session->pending.clear();
    if (McpSession *engineSession = session->session) {
        engineSession->close();
        // Not deleted at once: we may be inside its own send signal.
        engineSession->deleteLater();
    }
}

void McpHttpTransport::deliver(Session *session, const QByteArray &message)
{
    const json parsed = json::parse(message.toStdString(), nullptr, false);
    if (!parsed.is_object() || parsed.contains("method") || !parsed.contains("id")) {
        // A notification or server request: with JSON answers and no GET stream there is nowhere to send it.
        qCDebug(lcMcp) << "HTTP: dropping a message with no stream to carry it";
        return;
    }
    const QByteArray idText = QByteArray::fromStdString(parsed["id"].dump());
    const auto it = session->pending.find(idText);
    if (it == session->pending.end())
        return;
    const Pending pending = it.value();
    session->pending.erase(it);
    Http::HeaderList headers;
    if (!pending.sessionHeader.isEmpty()) {
        if (parsed.contains("error")) {
            // A failed initialize leaves no session behind.
            if (const auto owned = m_sessions.take(pending.sessionHeader))
                endSession(owned);
        } else {
            headers.append({QByteArrayLiteral("Mcp-Session-Id"), pending.sessionHeader});
        }
    }
    pending.responder->sendJson(200, message, headers);
    if (pending.stateless && session->session) {
        session->session->close();
        session->session->deleteLater();
    }
}

} // namespace Companion::Mcp
