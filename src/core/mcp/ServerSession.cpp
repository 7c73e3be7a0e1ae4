// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mcp/ServerSession.h"

#include "AppInfo.h"
#include "Logging.h"
#include "mcp/JsonRpc.h"
#include "mcp/McpServer.h"
#include "mcp/SchemaValidator.h"
#include "mcp/ToolCall.h"

#include <algorithm>
#include <string>
#include <utility>

namespace Companion::Mcp {

namespace {

using nlohmann::json;

constexpr char kMetaProtocolVersion[] = "io.modelcontextprotocol/protocolVersion";
constexpr char kMetaClientInfo[] = "io.modelcontextprotocol/clientInfo";
constexpr char kMetaServerInfo[] = "io.modelcontextprotocol/serverInfo";
constexpr char kMetaClientCapabilities[] = "io.modelcontextprotocol/clientCapabilities";
constexpr char kMetaLogLevel[] = "io.modelcontextprotocol/logLevel";
/** The spec's limit on completion values per answer. */
constexpr qsizetype kMaxCompletionValues = 100;

const QString kInstructions = QStringLiteral(
    "Aries Companion connects you to the user's Aries brokerage account through the tray app on this computer. "
    "Read-only tools answer at once; orders always need the user's confirmation in the app.");

std::string toStd(const QString &text)
{
    return text.toStdString();
}

QString toQt(const std::string &text)
{
    return QString::fromStdString(text);
}

QByteArray encodeCursor(const std::string &name)
{
    return QByteArray::fromStdString(name).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

/**
 * The client capability a server-to-client request needs (the spec lets a server use only what
 * the client declared), or nullptr for methods that need none.
 */
const char *capabilityFor(const QString &method)
{
    if (method.startsWith(QLatin1String("sampling/"))) {
        return "sampling";
    }
    if (method.startsWith(QLatin1String("elicitation/"))) {
        return "elicitation";
    }
    if (method.startsWith(QLatin1String("roots/"))) {
        return "roots";
    }
    return nullptr;
}

/** The _meta object of a request's params, or null. */
json metaOf(const json &params)
{
    if (params.is_object()) {
        const auto it = params.find("_meta");
        if (it != params.end() && it->is_object()) {
            return *it;
        }
    }
    return nullptr;
}

/**
 * One page of a name-ordered registry. The cursor is the base64url of the first name of the next
 * page: opaque to clients, and still valid if entries are added between pages.
 */
template <typename Map, typename ToJson>
std::expected<json, std::pair<int, QString>> page(
    const Map &map, const json &params, const char *listKey, int pageSize, ToJson toJson)
{
    auto it = map.begin();
    if (params.is_object() && params.contains("cursor") && !params["cursor"].is_null()) {
        const json &cursor = params["cursor"];
        if (!cursor.is_string()) {
            return std::unexpected(std::pair {JsonRpc::kInvalidParams, QStringLiteral("Invalid cursor")});
        }
        const auto decoded = QByteArray::fromBase64Encoding(QByteArray::fromStdString(cursor.get<std::string>()),
            QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded) {
            return std::unexpected(std::pair {JsonRpc::kInvalidParams, QStringLiteral("Invalid cursor")});
        }
        it = map.find(decoded.decoded.toStdString());
        if (it == map.end()) {
            return std::unexpected(std::pair {JsonRpc::kInvalidParams, QStringLiteral("Invalid cursor")});
        }
    }
    json items = json::array();
    for (int count = 0; it != map.end() && count < pageSize; ++it, ++count) {
        items.push_back(toJson(it->second));
    }
    json result {{listKey, std::move(items)}};
    if (it != map.end()) {
        result["nextCursor"] = encodeCursor(it->first).toStdString();
    }
    return result;
}

json toolToJson(const ToolDefinition &tool)
{
    json out {{"name", toStd(tool.name)}, {"inputSchema", tool.inputSchema}};
    if (!tool.title.isEmpty()) {
        out["title"] = toStd(tool.title);
    }
    if (!tool.description.isEmpty()) {
        out["description"] = toStd(tool.description);
    }
    if (tool.outputSchema) {
        out["outputSchema"] = *tool.outputSchema;
    }
    json annotations = json::object();
    const auto addHint = [&annotations](const char *key, const std::optional<bool> &hint) {
        if (hint) {
            annotations[key] = *hint;
        }
    };
    addHint("readOnlyHint", tool.annotations.readOnlyHint);
    addHint("destructiveHint", tool.annotations.destructiveHint);
    addHint("idempotentHint", tool.annotations.idempotentHint);
    addHint("openWorldHint", tool.annotations.openWorldHint);
    if (!annotations.empty()) {
        out["annotations"] = std::move(annotations);
    }
    return out;
}

json toolResultToJson(const ToolResult &result)
{
    if (!result.content.isEmpty()) {
        json content = json::array();
        for (const ContentBlock &block : result.content) {
            content.push_back(block.toJson());
        }
        json out {{"content", std::move(content)}, {"isError", result.isError}};
        if (result.structuredContent) {
            out["structuredContent"] = *result.structuredContent;
        }
        return out;
    }
    QByteArray text = result.text.toUtf8();
    if (result.text.isEmpty() && result.structuredContent) {
        // Clients without structuredContent support read the text block (spec back-compat advice).
        text = JsonRpc::serialize(*result.structuredContent);
    }
    json out {
        {"content", json::array({json {{"type", "text"}, {"text", text.toStdString()}}})}, {"isError", result.isError}};
    if (result.structuredContent) {
        out["structuredContent"] = *result.structuredContent;
    }
    return out;
}

/** Longer tool names are cut in what the observer reports; ours are short, a client's typo could be anything. */
constexpr qsizetype kMaxReportedToolName = 100;
constexpr qsizetype kMaxReportedDetail = 160;

/** One line, at most kMaxReportedDetail characters: enough to say why, too little to carry a whole payload. */
QString shortDetail(const QString &text)
{
    QString line = text.section(QLatin1Char('\n'), 0, 0).simplified();
    if (line.size() > kMaxReportedDetail) {
        line = line.left(kMaxReportedDetail - 1) + QChar(0x2026);
    }
    return line;
}

/**
 * How a tool's result reads in the status view and the audit log. An order tool says in its
 * structuredContent whether the user or the safety settings said no; that is "denied", not a failure.
 */
std::pair<ToolCallEvent::Outcome, QString> classify(const ToolResult &result)
{
    if (!result.isError) {
        return {ToolCallEvent::Outcome::Ok, QString()};
    }
    QString detail = result.text;
    if (result.structuredContent && result.structuredContent->is_object()) {
        const json &content = *result.structuredContent;
        const QString outcome = JsonRpc::stringValue(content, "outcome");
        if (const QString message = JsonRpc::stringValue(content, "message"); !message.isEmpty()) {
            detail = message;
        }
        if (outcome == QLatin1String("denied") || outcome == QLatin1String("refused")
            || outcome == QLatin1String("timed_out")) {
            return {ToolCallEvent::Outcome::Denied, detail};
        }
    }
    if (detail.isEmpty()) {
        for (const ContentBlock &block : result.content) {
            if (const QString text = JsonRpc::stringValue(block.toJson(), "text"); !text.isEmpty()) {
                detail = text;
                break;
            }
        }
    }
    return {ToolCallEvent::Outcome::Error, detail};
}

} // namespace

ServerSession::ServerSession(McpServer *server, QString transport, QObject *parent)
    : McpSession(parent)
    , m_server(server)
    , m_transport(std::move(transport))
    , m_startedAt(QDateTime::currentDateTimeUtc())
{ }

ServerSession::~ServerSession()
{
    close();
}

QStringList ServerSession::legacyVersions()
{
    return {QStringLiteral("2025-03-26"), QStringLiteral("2025-06-18"), QStringLiteral("2025-11-25")};
}

QString ServerSession::modernVersion()
{
    return QStringLiteral("2026-07-28");
}

void ServerSession::receive(const QByteArray &message)
{
    if (m_closed) {
        return;
    }
    const qsizetype limit = m_server ? m_server->maxMessageBytes() : McpServer::kDefaultMaxMessageBytes;
    if (message.size() > limit) {
        // Not parsed at all, so the id is unknown: JSON-RPC says answer with a null id.
        qCWarning(lcMcp) << "refused a message of" << message.size() << "bytes on" << m_transport;
        sendMessage(JsonRpc::errorResponse(nullptr, JsonRpc::kInvalidRequest, QStringLiteral("Message too large")));
        return;
    }
    const json parsed = json::parse(message.constBegin(), message.constEnd(), nullptr, false);
    if (parsed.is_discarded()) {
        sendMessage(JsonRpc::errorResponse(nullptr, JsonRpc::kParseError, QStringLiteral("Parse error")));
        return;
    }
    if (parsed.is_array()) {
        // 2025-03-26 allowed JSON-RPC batches, 2025-06-18 and later forbid them. We refuse them for
        // every revision: one message per line keeps cancellation and ordering simple, and no
        // client we target sends them.
        sendMessage(JsonRpc::errorResponse(
            nullptr, JsonRpc::kInvalidRequest, QStringLiteral("Invalid Request: batches are not supported")));
        return;
    }
    if (!parsed.is_object()) {
        sendMessage(JsonRpc::errorResponse(
            nullptr, JsonRpc::kInvalidRequest, QStringLiteral("Invalid Request: not a JSON object")));
        return;
    }
    const bool hasId = parsed.contains("id");
    if (!parsed.contains("method") && (parsed.contains("result") || parsed.contains("error"))) {
        // A response: never answered, whatever it holds (JSON-RPC forbids replying to a response).
        handleResponse(parsed);
        return;
    }
    if (hasId && !JsonRpc::isValidId(parsed["id"])) {
        sendMessage(JsonRpc::errorResponse(
            nullptr, JsonRpc::kInvalidRequest, QStringLiteral("Invalid Request: id must be a string or an integer")));
        return;
    }
    const json id = hasId ? parsed["id"] : json(nullptr);
    if (JsonRpc::stringValue(parsed, "jsonrpc") != QLatin1String("2.0")) {
        sendMessage(JsonRpc::errorResponse(
                        id, JsonRpc::kInvalidRequest, QStringLiteral("Invalid Request: jsonrpc must be \"2.0\"")),
            JsonRpc::serialize(id));
        return;
    }
    // find(), not operator[]: on a const json, operator[] of a missing key reads past the object (no method
    // and no result/error, e.g. {"jsonrpc":"2.0","id":1}).
    const auto methodMember = parsed.find("method");
    if (methodMember == parsed.end() || !methodMember->is_string()) {
        sendMessage(JsonRpc::errorResponse(
                        id, JsonRpc::kInvalidRequest, QStringLiteral("Invalid Request: method must be a string")),
            JsonRpc::serialize(id));
        return;
    }
    const QString method = toQt(methodMember->get<std::string>());
    const json params = parsed.contains("params") ? parsed["params"] : json::object();
    if (!params.is_object()) {
        // MCP params are always objects (JSON-RPC would also allow arrays).
        if (hasId) {
            sendMessage(JsonRpc::errorResponse(
                            id, JsonRpc::kInvalidParams, QStringLiteral("Invalid params: params must be an object")),
                JsonRpc::serialize(id));
        }
        return;
    }
    if (hasId) {
        handleRequest(id, method, params);
    } else {
        handleNotification(method, params);
    }
}

void ServerSession::close()
{
    if (m_closed) {
        return;
    }
    m_closed = true;
    // The client can no longer answer; the handlers are documented never to be called then.
    m_clientRequests.clear();
    m_pendingReads.clear();
    // Swap first: a cancelled() slot may call back into the session.
    const QHash<QByteArray, PendingCall> pending = std::exchange(m_pending, {});
    for (const PendingCall &entry : pending) {
        reportToolCall(entry.call->toolName(), entry.started, ToolCallEvent::Outcome::Cancelled,
            QStringLiteral("The client went away before the call finished"));
        entry.call->cancel();
    }
    if (m_server) {
        m_server->sessionsChanged();
    }
}

void ServerSession::log(LogLevel level, const QString &logger, const json &data)
{
    if (m_state == State::AwaitingInitialize || level < m_logLevel) {
        return;
    }
    json params {{"level", toStd(logLevelName(level))}, {"data", data}};
    if (!logger.isEmpty()) {
        params["logger"] = toStd(logger);
    }
    sendMessage(JsonRpc::notification("notifications/message", std::move(params)));
}

void ServerSession::notifyResourceUpdated(const QString &uri)
{
    if (!m_subscriptions.contains(uri)) {
        return;
    }
    sendMessage(JsonRpc::notification("notifications/resources/updated", json {{"uri", toStd(uri)}}));
}

void ServerSession::handleResponse(const json &message)
{
    const json id = message.contains("id") ? message["id"] : json(nullptr);
    if (!JsonRpc::isValidId(id)) {
        return;
    }
    const auto it = m_clientRequests.find(JsonRpc::serialize(id));
    if (it == m_clientRequests.end()) {
        // Not ours, or for a call that ended meanwhile: nobody waits for it.
        return;
    }
    // Taken out first: the handler may send the next request or finish the call.
    const ToolCall::ClientReplyHandler handler = it->handler;
    m_clientRequests.erase(it);
    if (!handler) {
        return;
    }
    if (message.contains("error")) {
        const json &error = message["error"];
        ToolCall::ClientError failure;
        failure.code = error.is_object() && error.contains("code") && error["code"].is_number_integer()
            ? error["code"].get<int>()
            : JsonRpc::kInternalError;
        failure.message = JsonRpc::stringValue(error, "message");
        failure.data = error.is_object() && error.contains("data") ? error["data"] : json(nullptr);
        handler(std::unexpected(std::move(failure)));
        return;
    }
    handler(message.contains("result") ? message["result"] : json(nullptr));
}

void ServerSession::handleRequest(const json &id, const QString &method, const json &params)
{
    if (m_pending.contains(JsonRpc::serialize(id))) {
        sendMessage(JsonRpc::errorResponse(id, JsonRpc::kInvalidRequest,
                        QStringLiteral("Invalid Request: id is already in use by a pending request")),
            JsonRpc::serialize(id));
        return;
    }

    RequestContext context;
    const json meta = metaOf(params);
    if (meta.is_object() && meta.contains(kMetaProtocolVersion)) {
        // A 2026-07-28 request: it carries its version, so it needs no initialize.
        const json &requested = meta[kMetaProtocolVersion];
        if (!requested.is_string() || toQt(requested.get<std::string>()) != modernVersion()) {
            const json data {{"supported", json::array({toStd(modernVersion())})}, {"requested", requested}};
            sendMessage(JsonRpc::errorResponse(id, JsonRpc::kUnsupportedProtocolVersion,
                            QStringLiteral("Unsupported protocol version"), data),
                JsonRpc::serialize(id));
            return;
        }
        context.modern = true;
        context.method = method;
        if (meta.contains(kMetaLogLevel) && meta[kMetaLogLevel].is_string()) {
            context.logLevel = logLevelFromName(toQt(meta[kMetaLogLevel].get<std::string>()));
        }
        if (meta.contains(kMetaClientCapabilities) && meta[kMetaClientCapabilities].is_object()) {
            context.clientCapabilities = meta[kMetaClientCapabilities];
        }
        if (m_protocolVersion.isEmpty()) {
            m_protocolVersion = modernVersion();
            if (m_server) {
                m_server->sessionsChanged();
            }
        }
        const json clientInfo = meta.contains(kMetaClientInfo) ? meta[kMetaClientInfo] : json(nullptr);
        if (m_clientName.isEmpty() && clientInfo.is_object()) {
            m_clientName = JsonRpc::stringValue(clientInfo, "name");
            m_clientVersion = JsonRpc::stringValue(clientInfo, "version");
        }
    }

    const bool needsInitialize = !context.modern && method != QLatin1String("initialize")
        && method != QLatin1String("ping") && method != QLatin1String("server/discover");
    if (needsInitialize && m_state == State::AwaitingInitialize) {
        // initialize negotiates the revision and capabilities that every other answer depends on.
        sendMessage(JsonRpc::errorResponse(id, JsonRpc::kInvalidRequest,
                        QStringLiteral("Invalid Request: not initialized (send initialize first)")),
            JsonRpc::serialize(id));
        if (method == QLatin1String("tools/call")) {
            const QString tool = params.contains("name") && params["name"].is_string()
                ? toQt(params["name"].get<std::string>()).left(kMaxReportedToolName)
                : QString();
            reportToolCall(tool, QDateTime::currentDateTimeUtc(), ToolCallEvent::Outcome::Error,
                QStringLiteral("The client called a tool before initialize"));
        }
        return;
    }
    if (method == QLatin1String("tools/call")) {
        callTool(id, params, context);
        return;
    }
    if (method == QLatin1String("resources/read") && startAsyncRead(id, params, context)) {
        return;
    }
    reply(id, dispatch(method, params, context), context);
}

ServerSession::Outcome ServerSession::dispatch(const QString &method, const json &params, const RequestContext &context)
{
    if (!m_server) {
        return std::unexpected(RpcError {JsonRpc::kInternalError, QStringLiteral("Server is shutting down"), {}});
    }
    if (method == QLatin1String("server/discover")) {
        return discover();
    }
    // 2026-07-28 replaced resources/subscribe with subscriptions/listen.
    if (!context.modern
        && (method == QLatin1String("resources/subscribe") || method == QLatin1String("resources/unsubscribe"))) {
        return subscribe(params, method == QLatin1String("resources/subscribe"));
    }
    if (method == QLatin1String("completion/complete")) {
        return complete(params);
    }
    if (method == QLatin1String("initialize")) {
        if (context.modern) {
            return std::unexpected(RpcError {
                JsonRpc::kInvalidRequest, QStringLiteral("Invalid Request: 2026-07-28 has no initialize"), {}});
        }
        return initialize(params);
    }
    // ping and logging/setLevel were removed in 2026-07-28.
    if (!context.modern && method == QLatin1String("ping")) {
        return json::object();
    }
    if (!context.modern && method == QLatin1String("logging/setLevel")) {
        return setLogLevel(params);
    }
    if (method == QLatin1String("tools/list")) {
        return listTools(params);
    }
    if (method == QLatin1String("resources/list")) {
        return listResources(params);
    }
    if (method == QLatin1String("resources/read")) {
        return readResource(params, context);
    }
    if (method == QLatin1String("resources/templates/list")) {
        return listResourceTemplates(params);
    }
    if (method == QLatin1String("prompts/list")) {
        return listPrompts(params);
    }
    if (method == QLatin1String("prompts/get")) {
        return getPrompt(params);
    }
    return std::unexpected(RpcError {JsonRpc::kMethodNotFound, QStringLiteral("Method not found: %1").arg(method), {}});
}

void ServerSession::handleNotification(const QString &method, const json &params)
{
    if (method == QLatin1String("notifications/initialized")) {
        if (m_state == State::Initializing) {
            m_state = State::Ready;
        }
        return;
    }
    if (method == QLatin1String("notifications/cancelled")) {
        const json requestId = params.contains("requestId") ? params["requestId"] : json(nullptr);
        if (!JsonRpc::isValidId(requestId)) {
            return;
        }
        // A resource read in progress is forgotten; its reader's late answer finds nothing to answer.
        if (m_pendingReads.remove(JsonRpc::serialize(requestId)) > 0) {
            return;
        }
        // The spec lets either side race: an unknown or already answered id is simply ignored.
        const auto it = m_pending.find(JsonRpc::serialize(requestId));
        if (it == m_pending.end()) {
            return;
        }
        const std::shared_ptr<ToolCall> call = it->call;
        const QByteArray callKey = it.key();
        const QDateTime started = it->started;
        m_pending.erase(it);
        qCDebug(lcMcp) << "client cancelled tool call" << call->toolName();
        reportToolCall(
            call->toolName(), started, ToolCallEvent::Outcome::Cancelled, QStringLiteral("Cancelled by the client"));
        dropClientRequests(callKey, true);
        call->cancel();
        return;
    }
    // Other notifications (roots/list_changed, progress, …) need nothing from us.
}

ServerSession::Outcome ServerSession::initialize(const json &params)
{
    if (m_state != State::AwaitingInitialize) {
        return std::unexpected(
            RpcError {JsonRpc::kInvalidRequest, QStringLiteral("Invalid Request: already initialized"), {}});
    }
    if (!params.contains("protocolVersion") || !params["protocolVersion"].is_string()) {
        return std::unexpected(
            RpcError {JsonRpc::kInvalidParams, QStringLiteral("Invalid params: protocolVersion must be a string"), {}});
    }
    const QString requested = toQt(params["protocolVersion"].get<std::string>());
    // Echo a supported version (some clients treat any other answer as fatal); otherwise offer our
    // latest and let the client decide. Never refuse: the spec leaves closing to the client.
    const QStringList supported = legacyVersions();
    m_protocolVersion = supported.contains(requested) ? requested : supported.constLast();
    const json clientInfo = params.contains("clientInfo") ? params["clientInfo"] : json(nullptr);
    m_clientName = JsonRpc::stringValue(clientInfo, "name");
    m_clientVersion = JsonRpc::stringValue(clientInfo, "version");
    // What the client can do for us (sampling, elicitation, roots) decides which requests we may send.
    m_clientCapabilities =
        params.contains("capabilities") && params["capabilities"].is_object() ? params["capabilities"] : json::object();
    m_state = State::Initializing;
    if (m_server) {
        m_server->sessionsChanged();
    }
    qCInfo(lcMcp) << "client" << m_clientName << m_clientVersion << "initialized" << m_protocolVersion << "on"
                  << m_transport;
    return json {{"protocolVersion", toStd(m_protocolVersion)}, {"capabilities", capabilities()},
        {"serverInfo", serverInfo()}, {"instructions", toStd(kInstructions)}};
}

ServerSession::Outcome ServerSession::discover() const
{
    json versions = json::array();
    for (const QString &version : legacyVersions()) {
        versions.push_back(toStd(version));
    }
    versions.push_back(toStd(modernVersion()));
    return json {{"supportedVersions", std::move(versions)}, {"capabilities", capabilities(true)},
        {"instructions", toStd(kInstructions)}};
}

ServerSession::Outcome ServerSession::setLogLevel(const json &params)
{
    const auto level = logLevelFromName(JsonRpc::stringValue(params, "level"));
    if (!level) {
        return std::unexpected(RpcError {JsonRpc::kInvalidParams,
            QStringLiteral("Invalid params: level must be one of debug, info, notice, warning, error, critical, "
                           "alert, emergency"),
            {}});
    }
    m_logLevel = *level;
    return json::object();
}

ServerSession::Outcome ServerSession::listTools(const json &params) const
{
    auto result = page(m_server->m_tools, params, "tools", m_server->pageSize(),
        [](const McpServer::ToolEntry &entry) { return toolToJson(entry.definition); });
    if (!result) {
        return std::unexpected(RpcError {result.error().first, result.error().second, {}});
    }
    return *result;
}

void ServerSession::callTool(const json &id, const json &params, const RequestContext &context)
{
    if (!m_server) {
        reply(id, dispatch(QString(), params, context), context);
        return;
    }
    const QDateTime started = QDateTime::currentDateTimeUtc();
    const QString requestedTool = params.contains("name") && params["name"].is_string()
        ? toQt(params["name"].get<std::string>()).left(kMaxReportedToolName)
        : QString();
    const auto invalid = [this, &id, &context, &requestedTool, &started](const QString &message) {
        reply(id, std::unexpected(RpcError {JsonRpc::kInvalidParams, message, {}}), context);
        // The message may quote the unknown name; the tool column already shows it, cut short.
        reportToolCall(requestedTool, started, ToolCallEvent::Outcome::Error,
            message.startsWith(QLatin1String("Unknown tool")) ? QStringLiteral("Unknown tool") : message);
    };
    if (!params.contains("name") || !params["name"].is_string()) {
        invalid(QStringLiteral("Invalid params: name must be a string"));
        return;
    }
    const std::string name = params["name"].get<std::string>();
    const auto tool = m_server->m_tools.find(name);
    if (tool == m_server->m_tools.end()) {
        invalid(QStringLiteral("Unknown tool: %1").arg(toQt(name)));
        return;
    }
    json arguments = json::object();
    if (params.contains("arguments") && !params["arguments"].is_null()) {
        arguments = params["arguments"];
        if (!arguments.is_object()) {
            invalid(QStringLiteral("Invalid params: arguments must be an object"));
            return;
        }
    }
    json progressToken = nullptr;
    const json meta = metaOf(params);
    if (meta.is_object() && meta.contains("progressToken") && JsonRpc::isValidId(meta["progressToken"])) {
        progressToken = meta["progressToken"];
    }
    auto call = std::make_shared<ToolCall>(this, id, toQt(name), std::move(arguments), std::move(progressToken),
        context.modern ? context.clientCapabilities : m_clientCapabilities);
    // Registered before the handler runs, because the handler may finish synchronously.
    m_pending.insert(JsonRpc::serialize(id), PendingCall {call, context, started});
    // Arguments that do not fit the tool's inputSchema never reach the handler; the model gets an
    // isError result listing every problem, so it can correct the call in one go.
    const QStringList problems = SchemaValidator::validate(tool->second.definition.inputSchema, call->arguments());
    if (!problems.isEmpty()) {
        call->finish(ToolResult::error(
            QStringLiteral("The arguments do not match the input schema of %1. Fix these and call it again:\n- %2")
                .arg(toQt(name), problems.join(QStringLiteral("\n- ")))));
        return;
    }
    // A copy: a handler could replace its own registration while running.
    const McpServer::ToolHandler handler = tool->second.handler;
    handler(std::move(call));
}

ServerSession::Outcome ServerSession::listResources(const json &params) const
{
    auto result = page(
        m_server->m_resources, params, "resources", m_server->pageSize(), [](const McpServer::ResourceEntry &entry) {
            const ResourceDefinition &resource = entry.definition;
            json out {{"uri", toStd(resource.uri)}, {"name", toStd(resource.name)}};
            if (!resource.title.isEmpty()) {
                out["title"] = toStd(resource.title);
            }
            if (!resource.description.isEmpty()) {
                out["description"] = toStd(resource.description);
            }
            if (!resource.mimeType.isEmpty()) {
                out["mimeType"] = toStd(resource.mimeType);
            }
            return out;
        });
    if (!result) {
        return std::unexpected(RpcError {result.error().first, result.error().second, {}});
    }
    return *result;
}

ServerSession::Outcome ServerSession::readResource(const json &params, const RequestContext &context) const
{
    if (!params.contains("uri") || !params["uri"].is_string()) {
        return std::unexpected(
            RpcError {JsonRpc::kInvalidParams, QStringLiteral("Invalid params: uri must be a string"), {}});
    }
    const std::string uri = params["uri"].get<std::string>();
    // -32002 until 2025-11-25; 2026-07-28 folded "not found" into invalid params.
    const RpcError notFound {context.modern ? JsonRpc::kInvalidParams : JsonRpc::kResourceNotFound,
        QStringLiteral("Resource not found"), json {{"uri", uri}}};
    const QString qUri = toQt(uri);
    const auto entry = m_server->m_resources.find(uri);
    if (entry != m_server->m_resources.end()) {
        const std::optional<ResourceContent> content = entry->second.reader ? entry->second.reader(qUri) : std::nullopt;
        if (!content) {
            return std::unexpected(notFound);
        }
        return json {{"contents", json::array({content->toJson(qUri, entry->second.definition.mimeType)})}};
    }
    // Not a fixed resource: the first template (in template order) that the URI expands is asked.
    for (const auto &[key, templateEntry] : m_server->m_resourceTemplates) {
        const std::optional<QMap<QString, QString>> variables = templateEntry.uriTemplate.match(qUri);
        if (!variables) {
            continue;
        }
        const std::optional<ResourceContent> content = templateEntry.reader(qUri, *variables);
        if (!content) {
            return std::unexpected(notFound);
        }
        return json {{"contents", json::array({content->toJson(qUri, templateEntry.definition.mimeType)})}};
    }
    return std::unexpected(notFound);
}

bool ServerSession::startAsyncRead(const json &id, const json &params, const RequestContext &context)
{
    if (!m_server || !params.contains("uri") || !params["uri"].is_string()) {
        return false;
    }
    const std::string uri = params["uri"].get<std::string>();
    const auto entry = m_server->m_resources.find(uri);
    if (entry == m_server->m_resources.end() || !entry->second.asyncReader) {
        return false;
    }
    const QByteArray key = JsonRpc::serialize(id);
    m_pendingReads.insert(key, context);
    const QString mimeType = entry->second.definition.mimeType;
    // A copy: the reader may replace its own registration while it runs.
    const AsyncResourceReader reader = entry->second.asyncReader;
    reader(toQt(uri),
        [session = QPointer<ServerSession>(this), id, key, uri, mimeType](
            std::expected<ResourceContent, QString> content) {
            if (!session || !session->m_pendingReads.contains(key)) {
                return; // cancelled, or the connection is gone
            }
            const RequestContext requestContext = session->m_pendingReads.take(key);
            if (!content) {
                // The resource exists but cannot be read now (signed out, Aries unreachable): say why.
                session->reply(id,
                    std::unexpected(RpcError {JsonRpc::kInternalError, content.error(), json {{"uri", uri}}}),
                    requestContext);
                return;
            }
            session->reply(
                id, json {{"contents", json::array({content->toJson(toQt(uri), mimeType)})}}, requestContext);
        });
    return true;
}

ServerSession::Outcome ServerSession::listResourceTemplates(const json &params) const
{
    auto result = page(m_server->m_resourceTemplates, params, "resourceTemplates", m_server->pageSize(),
        [](const McpServer::ResourceTemplateEntry &entry) {
            const ResourceTemplateDefinition &definition = entry.definition;
            json out {{"uriTemplate", toStd(definition.uriTemplate)}, {"name", toStd(definition.name)}};
            if (!definition.title.isEmpty()) {
                out["title"] = toStd(definition.title);
            }
            if (!definition.description.isEmpty()) {
                out["description"] = toStd(definition.description);
            }
            if (!definition.mimeType.isEmpty()) {
                out["mimeType"] = toStd(definition.mimeType);
            }
            return out;
        });
    if (!result) {
        return std::unexpected(RpcError {result.error().first, result.error().second, {}});
    }
    return *result;
}

ServerSession::Outcome ServerSession::subscribe(const json &params, bool subscribing)
{
    if (!params.contains("uri") || !params["uri"].is_string()) {
        return std::unexpected(
            RpcError {JsonRpc::kInvalidParams, QStringLiteral("Invalid params: uri must be a string"), {}});
    }
    const QString uri = toQt(params["uri"].get<std::string>());
    if (!subscribing) {
        // Unsubscribing from something never subscribed is harmless; the client just wants silence.
        m_subscriptions.remove(uri);
        return json::object();
    }
    bool known = m_server->m_resources.contains(uri.toStdString());
    for (auto it = m_server->m_resourceTemplates.begin(); !known && it != m_server->m_resourceTemplates.end(); ++it) {
        known = it->second.uriTemplate.match(uri).has_value();
    }
    if (!known) {
        // A typo would otherwise wait forever for updates that never come.
        return std::unexpected(
            RpcError {JsonRpc::kResourceNotFound, QStringLiteral("Resource not found"), json {{"uri", toStd(uri)}}});
    }
    m_subscriptions.insert(uri);
    return json::object();
}

ServerSession::Outcome ServerSession::listPrompts(const json &params) const
{
    auto result =
        page(m_server->m_prompts, params, "prompts", m_server->pageSize(), [](const McpServer::PromptEntry &entry) {
            const PromptDefinition &prompt = entry.definition;
            json out {{"name", toStd(prompt.name)}};
            if (!prompt.title.isEmpty()) {
                out["title"] = toStd(prompt.title);
            }
            if (!prompt.description.isEmpty()) {
                out["description"] = toStd(prompt.description);
            }
            json arguments = json::array();
            for (const PromptArgument &argument : prompt.arguments) {
                json item {{"name", toStd(argument.name)}, {"required", argument.required}};
                if (!argument.description.isEmpty()) {
                    item["description"] = toStd(argument.description);
                }
                arguments.push_back(std::move(item));
            }
            out["arguments"] = std::move(arguments);
            return out;
        });
    if (!result) {
        return std::unexpected(RpcError {result.error().first, result.error().second, {}});
    }
    return *result;
}

ServerSession::Outcome ServerSession::getPrompt(const json &params) const
{
    const auto invalid = [](const QString &message) {
        return std::unexpected(RpcError {JsonRpc::kInvalidParams, message, {}});
    };
    if (!params.contains("name") || !params["name"].is_string()) {
        return invalid(QStringLiteral("Invalid params: name must be a string"));
    }
    const std::string name = params["name"].get<std::string>();
    const auto entry = m_server->m_prompts.find(name);
    if (entry == m_server->m_prompts.end()) {
        return invalid(QStringLiteral("Unknown prompt: %1").arg(toQt(name)));
    }
    QMap<QString, QString> arguments;
    if (params.contains("arguments") && !params["arguments"].is_null()) {
        const json &given = params["arguments"];
        if (!given.is_object()) {
            return invalid(QStringLiteral("Invalid params: arguments must be an object"));
        }
        for (auto it = given.begin(); it != given.end(); ++it) {
            if (!it.value().is_string()) {
                return invalid(QStringLiteral("Invalid params: argument %1 must be a string").arg(toQt(it.key())));
            }
            arguments.insert(toQt(it.key()), toQt(it.value().get<std::string>()));
        }
    }
    const PromptDefinition &prompt = entry->second.definition;
    for (const PromptArgument &argument : prompt.arguments) {
        if (argument.required && !arguments.contains(argument.name)) {
            return invalid(QStringLiteral("Invalid params: missing required argument %1").arg(argument.name));
        }
    }
    json messages = json::array();
    if (entry->second.renderer) {
        for (const PromptMessage &message : entry->second.renderer(arguments)) {
            messages.push_back(json {{"role", toStd(message.role)}, {"content", message.content.toJson()}});
        }
    }
    json result {{"messages", std::move(messages)}};
    if (!prompt.description.isEmpty()) {
        result["description"] = toStd(prompt.description);
    }
    return result;
}

ServerSession::Outcome ServerSession::complete(const json &params) const
{
    const auto invalid = [](const QString &message) {
        return std::unexpected(RpcError {JsonRpc::kInvalidParams, message, {}});
    };
    const json ref = params.contains("ref") ? params["ref"] : json(nullptr);
    const json argument = params.contains("argument") ? params["argument"] : json(nullptr);
    if (!ref.is_object() || !argument.is_object() || !argument.contains("name") || !argument["name"].is_string()) {
        return invalid(QStringLiteral("Invalid params: ref and argument.name are required"));
    }
    const QString argumentName = JsonRpc::stringValue(argument, "name");
    const QString value = JsonRpc::stringValue(argument, "value");
    QMap<QString, QString> chosen;
    if (params.contains("context") && params["context"].is_object() && params["context"].contains("arguments")
        && params["context"]["arguments"].is_object()) {
        const json &given = params["context"]["arguments"];
        for (auto it = given.begin(); it != given.end(); ++it) {
            if (it.value().is_string()) {
                chosen.insert(toQt(it.key()), toQt(it.value().get<std::string>()));
            }
        }
    }

    const QString type = JsonRpc::stringValue(ref, "type");
    CompletionProvider completer;
    if (type == QLatin1String("ref/prompt")) {
        const QString name = JsonRpc::stringValue(ref, "name");
        const auto entry = m_server->m_prompts.find(name.toStdString());
        if (entry == m_server->m_prompts.end()) {
            return invalid(QStringLiteral("Unknown prompt: %1").arg(name));
        }
        const QList<PromptArgument> &declared = entry->second.definition.arguments;
        const bool known = std::any_of(declared.begin(), declared.end(),
            [&argumentName](const PromptArgument &candidate) { return candidate.name == argumentName; });
        if (!known) {
            return invalid(QStringLiteral("Prompt %1 has no argument %2").arg(name, argumentName));
        }
        completer = entry->second.completer;
    } else if (type == QLatin1String("ref/resource")) {
        // The ref names the template itself ("test://template/{id}/data"), not an expansion of it.
        const QString uri = JsonRpc::stringValue(ref, "uri");
        const auto entry = m_server->m_resourceTemplates.find(uri.toStdString());
        if (entry == m_server->m_resourceTemplates.end()) {
            return invalid(QStringLiteral("Unknown resource template: %1").arg(uri));
        }
        if (!entry->second.uriTemplate.variables().contains(argumentName)) {
            return invalid(QStringLiteral("Resource template %1 has no variable %2").arg(uri, argumentName));
        }
        completer = entry->second.completer;
    } else {
        return invalid(QStringLiteral("Invalid params: ref.type must be ref/prompt or ref/resource"));
    }

    const QStringList suggestions = completer ? completer(argumentName, value, chosen) : QStringList();
    json values = json::array();
    for (qsizetype i = 0; i < suggestions.size() && i < kMaxCompletionValues; ++i) {
        values.push_back(toStd(suggestions.at(i)));
    }
    return json {{"completion",
        {{"values", std::move(values)}, {"total", suggestions.size()},
            {"hasMore", suggestions.size() > kMaxCompletionValues}}}};
}

json ServerSession::capabilities(bool modern) const
{
    json resources = json::object();
    if (!modern) {
        resources["subscribe"] = true;
    }
    return json {{"tools", {{"listChanged", false}}}, {"resources", std::move(resources)}, {"prompts", json::object()},
        {"logging", json::object()}, {"completions", json::object()}};
}

json ServerSession::serverInfo() const
{
    return json {{"name", "aries-companion"}, {"title", "Aries Companion"}, {"version", toStd(AppInfo::version())}};
}

json ServerSession::decorate(json result, const RequestContext &context) const
{
    if (context.modern && result.is_object()) {
        result["resultType"] = "complete";
        result["_meta"][kMetaServerInfo] = serverInfo();
        // 2026-07-28 list and read results say how long a client may cache them (SEP-2549). The lists
        // are the same for everybody and never change while the app runs; what a resource holds
        // (portfolio, balances) is the user's own and changes at any time.
        static const QStringList kStaticLists {QStringLiteral("server/discover"), QStringLiteral("tools/list"),
            QStringLiteral("prompts/list"), QStringLiteral("resources/list"),
            QStringLiteral("resources/templates/list")};
        if (kStaticLists.contains(context.method)) {
            result["ttlMs"] = 300000;
            result["cacheScope"] = "public";
        } else if (context.method == QLatin1String("resources/read")
            || context.method == QLatin1String("prompts/get")) {
            result["ttlMs"] = 0;
            result["cacheScope"] = "private";
        }
    }
    return result;
}

void ServerSession::reply(const json &id, const Outcome &outcome, const RequestContext &context)
{
    if (outcome) {
        sendMessage(JsonRpc::response(id, decorate(*outcome, context)), JsonRpc::serialize(id));
    } else {
        sendMessage(JsonRpc::errorResponse(id, outcome.error().code, outcome.error().message, outcome.error().data),
            JsonRpc::serialize(id));
    }
}

void ServerSession::sendMessage(const json &message, const QByteArray &relatedRequest)
{
    if (m_closed) {
        return;
    }
    // Requests and notifications have a method; responses never do.
    Q_EMIT send(JsonRpc::serialize(message), relatedRequest, !message.contains("method"));
}

void ServerSession::reportToolCall(
    const QString &tool, const QDateTime &started, ToolCallEvent::Outcome outcome, const QString &detail)
{
    if (!m_server) {
        return;
    }
    ToolCallEvent event;
    event.time = QDateTime::currentDateTimeUtc();
    event.client = m_clientName;
    event.clientVersion = m_clientVersion;
    event.transport = m_transport;
    event.tool = tool;
    event.outcome = outcome;
    event.detail = shortDetail(detail);
    event.durationMs = started.isValid() ? std::max<qint64>(0, started.msecsTo(event.time)) : 0;
    Q_EMIT m_server->toolCallFinished(event);
}

void ServerSession::finishToolCall(const json &requestId, const ToolResult &result)
{
    const auto it = m_pending.find(JsonRpc::serialize(requestId));
    if (it == m_pending.end()) {
        // Cancelled or closed meanwhile: the spec forbids a response.
        return;
    }
    const RequestContext context = it->context;
    const QByteArray callKey = it.key();
    const QString tool = it->call->toolName();
    const QDateTime started = it->started;
    m_pending.erase(it);
    // Before the response: on HTTP the response ends the call's stream.
    dropClientRequests(callKey, true);
    reply(requestId, toolResultToJson(result), context);
    const auto [outcome, detail] = classify(result);
    reportToolCall(tool, started, outcome, detail);
}

void ServerSession::sendProgress(const json &requestId, const json &progressToken, double progress,
    std::optional<double> total, const QString &message)
{
    json params {{"progressToken", progressToken}, {"progress", progress}};
    if (total) {
        params["total"] = *total;
    }
    if (!message.isEmpty()) {
        params["message"] = toStd(message);
    }
    sendMessage(JsonRpc::notification("notifications/progress", std::move(params)), JsonRpc::serialize(requestId));
}

void ServerSession::requestClient(
    const json &callId, const QString &method, json params, ToolCall::ClientReplyHandler handler)
{
    const QByteArray callKey = JsonRpc::serialize(callId);
    const auto pending = m_pending.find(callKey);
    if (m_closed || pending == m_pending.end()) {
        // The call is over: documented as dropped, the handler is not called.
        return;
    }
    const auto unavailable = [&handler](const QString &message) {
        if (handler) {
            handler(std::unexpected(ToolCall::ClientError {ToolCall::kClientRequestUnavailable, message, nullptr}));
        }
    };
    if (pending->context.modern) {
        unavailable(QStringLiteral("2026-07-28 has no server-to-client requests (%1)").arg(method));
        return;
    }
    const char *capability = capabilityFor(method);
    if (capability && !m_clientCapabilities.contains(capability)) {
        unavailable(QStringLiteral("The client did not declare the %1 capability").arg(QLatin1String(capability)));
        return;
    }
    // Our own id space, and strings, so they are never mistaken for a client's (mostly numeric) ids.
    const json id = "s-" + std::to_string(++m_nextClientRequest);
    m_clientRequests.insert(JsonRpc::serialize(id), ClientRequest {callKey, std::move(handler)});
    json request {{"jsonrpc", "2.0"}, {"id", id}, {"method", toStd(method)}};
    if (!params.is_null()) {
        request["params"] = std::move(params);
    }
    sendMessage(request, callKey);
}

void ServerSession::dropClientRequests(const QByteArray &callKey, bool notifyClient)
{
    QList<QByteArray> dropped;
    for (auto it = m_clientRequests.begin(); it != m_clientRequests.end();) {
        if (it->callKey == callKey) {
            dropped.append(it.key());
            it = m_clientRequests.erase(it);
        } else {
            ++it;
        }
    }
    if (!notifyClient) {
        return;
    }
    for (const QByteArray &id : dropped) {
        // The client may be showing a dialog for it (elicitation); the spec asks senders that give up
        // on a request to say so.
        json params {{"requestId", json::parse(id.constBegin(), id.constEnd())},
            {"reason", "The tool call this request belonged to has ended"}};
        sendMessage(JsonRpc::notification("notifications/cancelled", std::move(params)), callKey);
    }
}

void ServerSession::logForCall(const json &callId, LogLevel level, const QString &logger, const json &data)
{
    const QByteArray callKey = JsonRpc::serialize(callId);
    const auto pending = m_pending.find(callKey);
    if (pending == m_pending.end()) {
        return;
    }
    // 2026-07-28 removed logging/setLevel: each request opts in with its own _meta level.
    const std::optional<LogLevel> threshold = pending->context.modern ? pending->context.logLevel : m_logLevel;
    if (!threshold || level < *threshold) {
        return;
    }
    json params {{"level", toStd(logLevelName(level))}, {"data", data}};
    if (!logger.isEmpty()) {
        params["logger"] = toStd(logger);
    }
    sendMessage(JsonRpc::notification("notifications/message", std::move(params)), callKey);
}

} // namespace Companion::Mcp
