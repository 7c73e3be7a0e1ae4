// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Test-only fixture for the official MCP conformance suite (@modelcontextprotocol/conformance):
// serves McpServer through McpHttpTransport on an ephemeral 127.0.0.1 port with the tools,
// resources and prompts the suite's server scenarios expect, prints
//   MCP_URL http://127.0.0.1:<port>/mcp
// on stdout and runs until killed. The bearer key comes from the environment variable
// MCP_CONFORMANCE_KEY (bearer-proxy.mjs adds it to every request; the check stays on).
// Every 2025-11-25 server scenario of suite 0.1.16 has its fixture here; run-conformance.sh says
// which scenarios are asserted and why the others are not.
#include "mcp/ContentBlock.h"
#include "mcp/McpHttpTransport.h"
#include "mcp/McpServer.h"
#include "mcp/ResourceContent.h"
#include "mcp/ToolCall.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QTextStream>
#include <QTimer>

#include <cstdio>

using namespace Companion::Mcp;
using nlohmann::json;

namespace {

/** A 1x1 PNG, the smallest image the image scenarios accept. */
QByteArray testPng()
{
    return QByteArray::fromBase64(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");
}

/** A valid WAV file: 8 kHz mono 8-bit PCM, eight samples of silence. */
QByteArray testWav()
{
    const auto le32 = [](quint32 value) {
        QByteArray bytes(4, '\0');
        for (int i = 0; i < 4; ++i) {
            bytes[i] = char((value >> (8 * i)) & 0xff);
        }
        return bytes;
    };
    const auto le16 = [](quint16 value) { return QByteArray {char(value & 0xff), char(value >> 8)}; };
    const QByteArray samples(8, char(0x80));
    QByteArray wav = "RIFF" + le32(quint32(36 + samples.size())) + "WAVEfmt " + le32(16) + le16(1) + le16(1)
        + le32(8000) + le32(8000) + le16(1) + le16(8) + "data" + le32(quint32(samples.size())) + samples;
    return wav;
}

/** The fixtures' answer to an elicitation: "action=…, content={…}", or the error. */
ToolResult elicitationOutcome(const QString &prefix, const ToolCall::ClientReply &reply)
{
    if (!reply) {
        return ToolResult::error(QStringLiteral("Elicitation failed: %1").arg(reply.error().message));
    }
    const json content = reply->contains("content") ? (*reply)["content"] : json::object();
    return ToolResult::fromText(QStringLiteral("%1: action=%2, content=%3")
                                    .arg(prefix, QString::fromStdString(reply->value("action", std::string())),
                                        QString::fromStdString(content.dump())));
}

/** Registers a tool that sends one elicitation/create with @p schema and reports the outcome. */
void addElicitationTool(
    McpServer &server, const QString &name, const QString &description, const json &schema, const QString &message = {})
{
    ToolDefinition tool;
    tool.name = name;
    tool.description = description;
    if (message.isEmpty()) {
        tool.inputSchema = json::parse(R"({
            "type": "object",
            "properties": {"message": {"type": "string", "description": "The message to show the user"}},
            "required": ["message"]
        })");
    }
    server.addTool(tool, [schema, message](std::shared_ptr<ToolCall> call) {
        if (!call->clientCapabilities().contains("elicitation")) {
            call->finish(ToolResult::error(QStringLiteral("The client does not support elicitation")));
            return;
        }
        const std::string text =
            message.isEmpty() ? call->arguments().value("message", std::string()) : message.toStdString();
        call->requestClient(QStringLiteral("elicitation/create"), json {{"message", text}, {"requestedSchema", schema}},
            [call, message](const ToolCall::ClientReply &reply) {
                call->finish(elicitationOutcome(
                    message.isEmpty() ? QStringLiteral("User response") : QStringLiteral("Elicitation completed"),
                    reply));
            });
    });
}

void addTools(McpServer &server)
{
    ToolDefinition simple;
    simple.name = QStringLiteral("test_simple_text");
    simple.description = QStringLiteral("Returns simple text content");
    server.addTool(simple, [](std::shared_ptr<ToolCall> call) {
        call->finish(ToolResult::fromText(QStringLiteral("This is a simple text response for testing.")));
    });

    ToolDefinition error;
    error.name = QStringLiteral("test_error_handling");
    error.description = QStringLiteral("Always returns an error result");
    server.addTool(error, [](std::shared_ptr<ToolCall> call) {
        call->finish(ToolResult::error(QStringLiteral("This tool intentionally returns an error for testing")));
    });

    ToolDefinition logging;
    logging.name = QStringLiteral("test_tool_with_logging");
    logging.description = QStringLiteral("Sends three log notifications while it runs");
    // The call's own log: the messages belong to this request (on HTTP, its SSE stream).
    server.addTool(logging, [](std::shared_ptr<ToolCall> call) {
        const QString logger = QStringLiteral("conformance");
        call->log(LogLevel::Info, logger, "Tool execution started");
        QTimer::singleShot(50, call.get(), [call, logger] {
            call->log(LogLevel::Info, logger, "Tool processing data");
            QTimer::singleShot(50, call.get(), [call, logger] {
                call->log(LogLevel::Info, logger, "Tool execution completed");
                call->finish(ToolResult::fromText(QStringLiteral("Tool with logging executed successfully")));
            });
        });
    });

    ToolDefinition progress;
    progress.name = QStringLiteral("test_tool_with_progress");
    progress.description = QStringLiteral("Reports progress 0, 50, 100 of 100");
    server.addTool(progress, [](std::shared_ptr<ToolCall> call) {
        call->reportProgress(0, 100);
        QTimer::singleShot(50, call.get(), [call] {
            call->reportProgress(50, 100);
            QTimer::singleShot(50, call.get(), [call] {
                call->reportProgress(100, 100);
                call->finish(ToolResult::fromText(QString::fromStdString(call->progressToken().dump())));
            });
        });
    });

    ToolDefinition schema;
    schema.name = QStringLiteral("json_schema_2020_12_tool");
    schema.description = QStringLiteral("Tool with JSON Schema 2020-12 features");
    schema.inputSchema = nlohmann::json::parse(R"({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "type": "object",
        "$defs": {
            "address": {
                "type": "object",
                "properties": {"street": {"type": "string"}, "city": {"type": "string"}}
            }
        },
        "properties": {"name": {"type": "string"}, "address": {"$ref": "#/$defs/address"}},
        "additionalProperties": false
    })");
    server.addTool(schema, [](std::shared_ptr<ToolCall> call) {
        call->finish(ToolResult::fromText(QString::fromStdString(call->arguments().dump())));
    });

    ToolDefinition image;
    image.name = QStringLiteral("test_image_content");
    image.description = QStringLiteral("Returns image content");
    server.addTool(image, [](std::shared_ptr<ToolCall> call) {
        call->finish(ToolResult::fromContent({ContentBlock::image(testPng(), QStringLiteral("image/png"))}));
    });

    ToolDefinition audio;
    audio.name = QStringLiteral("test_audio_content");
    audio.description = QStringLiteral("Returns audio content");
    server.addTool(audio, [](std::shared_ptr<ToolCall> call) {
        call->finish(ToolResult::fromContent({ContentBlock::audio(testWav(), QStringLiteral("audio/wav"))}));
    });

    ToolDefinition embedded;
    embedded.name = QStringLiteral("test_embedded_resource");
    embedded.description = QStringLiteral("Returns an embedded resource");
    server.addTool(embedded, [](std::shared_ptr<ToolCall> call) {
        call->finish(ToolResult::fromContent(
            {ContentBlock::resource(ResourceContent::fromText(QStringLiteral("This is an embedded resource content."),
                QStringLiteral("text/plain"), QStringLiteral("test://embedded-resource")))}));
    });

    ToolDefinition mixed;
    mixed.name = QStringLiteral("test_multiple_content_types");
    mixed.description = QStringLiteral("Returns text, image and resource content");
    server.addTool(mixed, [](std::shared_ptr<ToolCall> call) {
        call->finish(ToolResult::fromContent({ContentBlock::text(QStringLiteral("Multiple content types test:")),
            ContentBlock::image(testPng(), QStringLiteral("image/png")),
            ContentBlock::resource(ResourceContent::fromText(QStringLiteral(R"({"test":"data","value":123})"),
                QStringLiteral("application/json"), QStringLiteral("test://mixed-content-resource")))}));
    });

    ToolDefinition sampling;
    sampling.name = QStringLiteral("test_sampling");
    sampling.description = QStringLiteral("Asks the client's LLM to answer a prompt (sampling)");
    sampling.inputSchema = json::parse(R"({
        "type": "object",
        "properties": {"prompt": {"type": "string", "description": "The prompt to send to the LLM"}},
        "required": ["prompt"]
    })");
    server.addTool(sampling, [](std::shared_ptr<ToolCall> call) {
        if (!call->clientCapabilities().contains("sampling")) {
            call->finish(ToolResult::error(QStringLiteral("The client does not support sampling")));
            return;
        }
        const json params {
            {"messages",
                json::array({{{"role", "user"},
                    {"content", {{"type", "text"}, {"text", call->arguments().value("prompt", std::string())}}}}})},
            {"maxTokens", 100}};
        call->requestClient(
            QStringLiteral("sampling/createMessage"), params, [call](const ToolCall::ClientReply &reply) {
                if (!reply) {
                    call->finish(ToolResult::error(QStringLiteral("Sampling failed: %1").arg(reply.error().message)));
                    return;
                }
                const json content = reply->contains("content") ? (*reply)["content"] : json::object();
                const std::string text = content.is_object() ? content.value("text", std::string()) : std::string();
                call->finish(
                    ToolResult::fromText(QStringLiteral("LLM response: %1").arg(QString::fromStdString(text))));
            });
    });

    addElicitationTool(server, QStringLiteral("test_elicitation"),
        QStringLiteral("Asks the user for a username and an email (elicitation)"), json::parse(R"({
            "type": "object",
            "properties": {
                "username": {"type": "string", "description": "User's response"},
                "email": {"type": "string", "description": "User's email address"}
            },
            "required": ["username", "email"]
        })"));
    addElicitationTool(server, QStringLiteral("test_elicitation_sep1034_defaults"),
        QStringLiteral("Elicitation whose schema has a default for every primitive type (SEP-1034)"), json::parse(R"({
            "type": "object",
            "properties": {
                "name": {"type": "string", "description": "User name", "default": "John Doe"},
                "age": {"type": "integer", "description": "User age", "default": 30},
                "score": {"type": "number", "description": "User score", "default": 95.5},
                "status": {"type": "string", "description": "User status", "enum": ["active", "inactive", "pending"],
                    "default": "active"},
                "verified": {"type": "boolean", "description": "Verification status", "default": true}
            }
        })"),
        QStringLiteral("Please review and update the form fields with defaults"));
    addElicitationTool(server, QStringLiteral("test_elicitation_sep1330_enums"),
        QStringLiteral("Elicitation with the five enum schema variants (SEP-1330)"), json::parse(R"({
            "type": "object",
            "properties": {
                "untitledSingle": {"type": "string", "enum": ["option1", "option2", "option3"]},
                "titledSingle": {"type": "string", "oneOf": [
                    {"const": "value1", "title": "First Option"},
                    {"const": "value2", "title": "Second Option"},
                    {"const": "value3", "title": "Third Option"}]},
                "legacyEnum": {"type": "string", "enum": ["opt1", "opt2", "opt3"],
                    "enumNames": ["Option One", "Option Two", "Option Three"]},
                "untitledMulti": {"type": "array", "items": {"type": "string", "enum": ["option1", "option2", "option3"]}},
                "titledMulti": {"type": "array", "items": {"anyOf": [
                    {"const": "value1", "title": "First Choice"},
                    {"const": "value2", "title": "Second Choice"},
                    {"const": "value3", "title": "Third Choice"}]}}
            }
        })"),
        QStringLiteral("Please select options from the enum fields"));
}

void addResources(McpServer &server)
{
    ResourceDefinition text;
    text.uri = QStringLiteral("test://static-text");
    text.name = QStringLiteral("Static Text Resource");
    text.description = QStringLiteral("A static text resource for testing");
    server.addResource(text, [](const QString &) -> std::optional<QString> {
        return QStringLiteral("This is the content of the static text resource.");
    });

    ResourceDefinition watched;
    watched.uri = QStringLiteral("test://watched-resource");
    watched.name = QStringLiteral("Watched Resource");
    watched.description = QStringLiteral("A resource for subscription tests");
    server.addResource(
        watched, [](const QString &) -> std::optional<QString> { return QStringLiteral("Watched resource content"); });

    ResourceDefinition binary;
    binary.uri = QStringLiteral("test://static-binary");
    binary.name = QStringLiteral("Static Binary Resource");
    binary.description = QStringLiteral("A static binary resource (PNG) for testing");
    binary.mimeType = QStringLiteral("image/png");
    server.addResource(binary, [](const QString &) -> std::optional<ResourceContent> {
        return ResourceContent::fromBlob(testPng(), QStringLiteral("image/png"));
    });

    ResourceTemplateDefinition templated;
    templated.uriTemplate = QStringLiteral("test://template/{id}/data");
    templated.name = QStringLiteral("Template Resource");
    templated.description = QStringLiteral("A resource template with an id parameter");
    templated.mimeType = QStringLiteral("application/json");
    server.addResourceTemplate(
        templated,
        [](const QString &, const QMap<QString, QString> &variables) -> std::optional<ResourceContent> {
            const std::string id = variables.value(QStringLiteral("id")).toStdString();
            return QString::fromStdString(
                json {{"id", id}, {"templateTest", true}, {"data", "Data for ID: " + id}}.dump());
        },
        [](const QString &, const QString &value, const QMap<QString, QString> &) {
            return QStringList {QStringLiteral("123"), QStringLiteral("456"), QStringLiteral("789")}.filter(
                QRegularExpression(QStringLiteral("^") + QRegularExpression::escape(value)));
        });
}

void addPrompts(McpServer &server)
{
    PromptDefinition simple;
    simple.name = QStringLiteral("test_simple_prompt");
    simple.description = QStringLiteral("A simple prompt without arguments");
    server.addPrompt(
        simple, [](const QMap<QString, QString> &) { return QStringLiteral("This is a simple prompt for testing."); });

    PromptDefinition withArgs;
    withArgs.name = QStringLiteral("test_prompt_with_arguments");
    withArgs.description = QStringLiteral("A prompt with required arguments");
    withArgs.arguments = {{QStringLiteral("arg1"), QStringLiteral("First test argument"), true},
        {QStringLiteral("arg2"), QStringLiteral("Second test argument"), true}};
    server.addPrompt(
        withArgs,
        [](const QMap<QString, QString> &arguments) {
            return QStringLiteral("Prompt with arguments: arg1='%1', arg2='%2'")
                .arg(arguments.value(QStringLiteral("arg1")), arguments.value(QStringLiteral("arg2")));
        },
        [](const QString &, const QString &value, const QMap<QString, QString> &) {
            const QStringList words {QStringLiteral("paris"), QStringLiteral("park"), QStringLiteral("party"),
                QStringLiteral("test"), QStringLiteral("testing"), QStringLiteral("testValue1")};
            QStringList matches;
            for (const QString &word : words) {
                if (word.startsWith(value, Qt::CaseInsensitive)) {
                    matches.append(word);
                }
            }
            return matches;
        });

    PromptDefinition embedded;
    embedded.name = QStringLiteral("test_prompt_with_embedded_resource");
    embedded.description = QStringLiteral("A prompt that embeds a resource");
    embedded.arguments = {{QStringLiteral("resourceUri"), QStringLiteral("URI of the resource to embed"), true}};
    server.addPrompt(embedded, [](const QMap<QString, QString> &arguments) {
        const QString uri = arguments.value(QStringLiteral("resourceUri"));
        return QList<PromptMessage> {
            {QStringLiteral("user"),
                ContentBlock::resource(ResourceContent::fromText(
                    QStringLiteral("Embedded resource content for testing."), QStringLiteral("text/plain"), uri))},
            {QStringLiteral("user"),
                ContentBlock::text(QStringLiteral("Please process the embedded resource above."))}};
    });

    PromptDefinition image;
    image.name = QStringLiteral("test_prompt_with_image");
    image.description = QStringLiteral("A prompt with image content");
    server.addPrompt(image, [](const QMap<QString, QString> &) {
        return QList<PromptMessage> {
            {QStringLiteral("user"), ContentBlock::image(testPng(), QStringLiteral("image/png"))},
            {QStringLiteral("user"), ContentBlock::text(QStringLiteral("Please analyze the image above."))}};
    });
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QByteArray key = qgetenv("MCP_CONFORMANCE_KEY");
    if (key.isEmpty()) {
        std::fprintf(stderr, "mcp-conformance-server: set MCP_CONFORMANCE_KEY to the bearer key\n");
        return 2;
    }

    McpServer server;
    addTools(server);
    addResources(server);
    addPrompts(server);

    McpHttpTransport::Options options;
    options.port = 0;
    options.ephemeralPort = true;
    McpHttpTransport transport(server, key, options);
    const auto listening = transport.listen();
    if (!listening) {
        std::fprintf(stderr, "mcp-conformance-server: %s\n", qPrintable(listening.error()));
        return 1;
    }
    std::printf("MCP_URL http://127.0.0.1:%u/mcp\n", unsigned(*listening));
    std::fflush(stdout);
    return app.exec();
}
