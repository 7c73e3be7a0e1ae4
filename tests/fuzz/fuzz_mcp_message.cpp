// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The MCP engine (McpServer, ServerSession, JsonRpc, SchemaValidator, ToolCall) fed what a client may send.
//
// Input: one byte of options, then messages separated by '\n' exactly as the bridge's framing delivers them (one
// message is the common case). Option bit 0 starts the session with a well-formed initialize and
// notifications/initialized, so a single fuzzed message reaches every method, not only the handshake; bit 1
// declares the sampling, elicitation and roots capabilities in it.
//
// The server has the real account, market and order-query tools, the real prompts and resources, and one probe
// tool with a schema of every kind SchemaValidator knows. With no Aries connection the real tools answer at once
// ("not connected"), so tools/call exercises argument validation and the result path without any network.
//
// Invariants, on everything the session sends:
//  - each message is one JSON object with "jsonrpc":"2.0" that parses back;
//  - the session's isResponse flag is true exactly for messages without a method;
//  - a response has an id that is null or a valid request id, and exactly one of result and error; an error has
//    an integer code and a string message; its relatedRequest is the id's JSON text;
//  - every request with a valid id gets exactly one response with that id (fewer only when the client cancelled
//    it), and there are no responses to ids the client never sent;
//  - tools/list lists tools with a name and an object inputSchema.
#include "FuzzSupport.h"

#include "aries/AriesClient.h"
#include "mcp/JsonRpc.h"
#include "mcp/McpServer.h"
#include "mcp/McpSession.h"
#include "mcp/ToolCall.h"
#include "tools/AccountTools.h"
#include "tools/AriesConnection.h"
#include "tools/AriesPrompts.h"
#include "tools/AriesResources.h"
#include "tools/MarketTools.h"
#include "tools/OrderQueryTools.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>

#include <nlohmann/json.hpp>

#include <memory>

namespace {

using nlohmann::json;
using namespace Companion;

/** Signed out: the real tools answer with the reason instead of calling Aries. */
class SignedOut final : public Tools::AriesConnection
{
public:
    Aries::AriesClient *client() override { return nullptr; }
    QString notConnectedReason() const override { return QStringLiteral("Not connected to Aries (fuzzing)."); }
    QString defaultAccountId() const override { return {}; }
    Aries::AriesEnvironment environment() const override { return Aries::AriesEnvironment::Sandbox; }
};

/** A schema using every keyword SchemaValidator checks, so that argument validation is fuzzed in depth. */
json probeSchema()
{
    return json::parse(R"({
        "type": "object",
        "properties": {
            "symbol": {"type": "string", "minLength": 1, "maxLength": 12, "pattern": "^[A-Z.]+$"},
            "side": {"type": "string", "enum": ["buy", "sell"]},
            "quantity": {"type": "integer", "minimum": 1, "maximum": 100000},
            "price": {"type": "number", "exclusiveMinimum": 0},
            "flags": {"type": "array", "items": {"type": "boolean"}, "minItems": 1, "maxItems": 4, "uniqueItems": true},
            "when": {"type": ["string", "null"]},
            "limit": {"type": "integer", "exclusiveMaximum": 500, "const": 7},
            "choice": {"oneOf": [{"type": "string", "maxLength": 2}, {"type": "integer"}]},
            "either": {"anyOf": [{"type": "null"}, {"type": "array", "items": {"type": "string"}}]},
            "nested": {"type": "object", "properties": {"a": {"type": "integer"}}, "required": ["a"],
                       "additionalProperties": false},
            "any": {}
        },
        "required": ["symbol"],
        "additionalProperties": false
    })");
}

struct Harness
{
    SignedOut connection;
    Mcp::McpServer server;

    Harness()
    {
        Tools::AccountTools::registerTools(server, connection);
        Tools::MarketTools::registerTools(server, connection);
        Tools::OrderQueryTools::registerTools(server, connection);
        Tools::AriesPrompts::registerPrompts(server);
        Tools::AriesResources::registerResources(server);

        Mcp::ToolDefinition probe;
        probe.name = QStringLiteral("fuzz_probe");
        probe.description = QStringLiteral("Echoes its arguments after progress and a log message.");
        probe.inputSchema = probeSchema();
        server.addTool(probe, [](const std::shared_ptr<Mcp::ToolCall> &call) {
            call->reportProgress(0.5, 1.0, QStringLiteral("half way"));
            call->log(Mcp::LogLevel::Info, QStringLiteral("fuzz"), call->arguments());
            call->finish(Mcp::ToolResult::fromJson(call->arguments()));
        });
        // Small pages, so that cursors are used.
        server.setPageSize(3);
    }
};

Harness *harness = nullptr;

/** What the engine must answer, from the client's side of the wire (mirrors the JSON-RPC rules, not the code). */
struct Expectations
{
    /** Requests sent with a valid id, by the id's JSON text: how many. */
    QHash<QByteArray, int> requests;
    /** Ids named by notifications/cancelled: their requests may go unanswered. */
    QSet<QByteArray> cancelled;
    /** Ids of tools/list requests, whose results are checked in depth. */
    QSet<QByteArray> toolLists;
    int messages = 0;
};

void expect(Expectations &expected, const QByteArray &message)
{
    ++expected.messages;
    const json parsed = json::parse(message.constBegin(), message.constEnd(), nullptr, false);
    if (!parsed.is_object()) {
        return;
    }
    const bool isResponse = !parsed.contains("method") && (parsed.contains("result") || parsed.contains("error"));
    if (isResponse) {
        return;
    }
    const auto id = parsed.find("id");
    if (id != parsed.end() && Mcp::JsonRpc::isValidId(*id)) {
        const QByteArray key = Mcp::JsonRpc::serialize(*id);
        ++expected.requests[key];
        const auto method = parsed.find("method");
        if (method != parsed.end() && method->is_string() && *method == "tools/list") {
            expected.toolLists.insert(key);
        }
        return;
    }
    const auto method = parsed.find("method");
    const auto params = parsed.find("params");
    if (id == parsed.end() && method != parsed.end() && *method == "notifications/cancelled" && params != parsed.end()
        && params->is_object() && params->contains("requestId")) {
        expected.cancelled.insert(Mcp::JsonRpc::serialize((*params)["requestId"]));
    }
}

void checkToolList(const json &result)
{
    COMPANION_FUZZ_CHECK(result.is_object() && result.contains("tools") && result["tools"].is_array(),
        "tools/list answers a tools array");
    for (const json &tool : result["tools"]) {
        COMPANION_FUZZ_CHECK(
            tool.is_object() && tool.contains("name") && tool["name"].is_string(), "every listed tool has a name");
        COMPANION_FUZZ_CHECK(tool.contains("inputSchema") && tool["inputSchema"].is_object(),
            "every listed tool has an object inputSchema");
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    Fuzz::initApplication(argc, argv);
    harness = new Harness;
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0) {
        return 0;
    }
    const uint8_t options = data[0];
    const QByteArray input = Fuzz::bytes(data + 1, size - 1);

    QList<QByteArray> messages;
    if (options & 1) {
        const char *capabilities =
            (options & 2) ? R"({"sampling":{},"elicitation":{},"roots":{"listChanged":true}})" : "{}";
        messages.append(
            QByteArrayLiteral(R"({"jsonrpc":"2.0","id":"init","method":"initialize","params":{)"
                              R"("protocolVersion":"2025-11-25","clientInfo":{"name":"fuzz","version":"1"},)"
                              R"("capabilities":)")
            + capabilities + QByteArrayLiteral("}}"));
        messages.append(QByteArrayLiteral(R"({"jsonrpc":"2.0","method":"notifications/initialized"})"));
    }
    messages.append(input.split('\n'));

    Expectations expected;
    QHash<QByteArray, int> answered;
    int nullIdAnswers = 0;

    std::unique_ptr<Mcp::McpSession> session = harness->server.createSession(QStringLiteral("local"));
    QObject::connect(session.get(), &Mcp::McpSession::send,
        [&](const QByteArray &message, const QByteArray &relatedRequest, bool isResponse) {
            const json parsed = json::parse(message.constBegin(), message.constEnd(), nullptr, false);
            COMPANION_FUZZ_CHECK(parsed.is_object(), "every message sent is one JSON object");
            COMPANION_FUZZ_CHECK(Mcp::JsonRpc::stringValue(parsed, "jsonrpc") == QLatin1String("2.0"),
                "every message sent says jsonrpc 2.0");
            COMPANION_FUZZ_CHECK(isResponse == !parsed.contains("method"), "isResponse is set exactly on responses");
            if (!isResponse) {
                COMPANION_FUZZ_CHECK(parsed["method"].is_string(), "requests and notifications sent name a method");
                return;
            }
            COMPANION_FUZZ_CHECK(parsed.contains("id"), "a response has an id");
            const json &id = parsed["id"];
            COMPANION_FUZZ_CHECK(id.is_null() || Mcp::JsonRpc::isValidId(id), "a response id is null or valid");
            COMPANION_FUZZ_CHECK(parsed.contains("result") != parsed.contains("error"),
                "a response has exactly one of result and error");
            if (parsed.contains("error")) {
                const json &error = parsed["error"];
                COMPANION_FUZZ_CHECK(error.is_object() && error.contains("code") && error["code"].is_number_integer(),
                    "an error has an integer code");
                COMPANION_FUZZ_CHECK(
                    error.contains("message") && error["message"].is_string(), "an error has a string message");
            }
            if (id.is_null()) {
                ++nullIdAnswers;
                return;
            }
            const QByteArray key = Mcp::JsonRpc::serialize(id);
            COMPANION_FUZZ_CHECK(relatedRequest == key, "a response belongs to the request it answers");
            ++answered[key];
            // Only when the id was used once: a reused id may belong to another method's answer.
            if (expected.toolLists.contains(key) && expected.requests.value(key) == 1 && parsed.contains("result")) {
                checkToolList(parsed["result"]);
            }
        });

    for (const QByteArray &message : std::as_const(messages)) {
        expect(expected, message);
        session->receive(message);
        // Queued answers (resource reads, deferred deletes) are handled between messages, as in the app.
        QCoreApplication::processEvents();
    }
    Fuzz::drainEvents();

    COMPANION_FUZZ_CHECK(nullIdAnswers <= expected.messages, "at most one null-id error per message");
    for (auto it = answered.cbegin(); it != answered.cend(); ++it) {
        COMPANION_FUZZ_CHECK(expected.requests.contains(it.key()), "no response to an id the client never sent");
        COMPANION_FUZZ_CHECK(it.value() <= expected.requests.value(it.key()), "at most one response per request");
    }
    for (auto it = expected.requests.cbegin(); it != expected.requests.cend(); ++it) {
        if (!expected.cancelled.contains(it.key())) {
            COMPANION_FUZZ_CHECK(answered.value(it.key()) == it.value(), "every request is answered exactly once");
        }
    }

    session->close();
    session.reset();
    Fuzz::drainEvents();
    return 0;
}
