// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Test-only fixture for the official MCP conformance suite (@modelcontextprotocol/conformance):
// serves McpServer through McpHttpTransport on an ephemeral 127.0.0.1 port with the tools,
// resources and prompts the suite's server scenarios expect, prints
//   MCP_URL http://127.0.0.1:<port>/mcp
// on stdout and runs until killed. The bearer key comes from the environment variable
// MCP_CONFORMANCE_KEY (bearer-proxy.mjs adds it to every request; the check stays on).
// Fixtures the engine cannot express (image/audio/embedded content, binary resources,
// templates, sampling, elicitation) are left out; run-conformance.sh lists those scenarios.
#include "mcp/McpHttpTransport.h"
#include "mcp/McpServer.h"
#include "mcp/ToolCall.h"

#include <QCoreApplication>
#include <QTextStream>
#include <QTimer>

#include <cstdio>

using namespace Companion::Mcp;

namespace {

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
    server.addTool(logging, [&server](std::shared_ptr<ToolCall> call) {
        const QString logger = QStringLiteral("conformance");
        server.log(LogLevel::Info, logger, "Tool execution started");
        QTimer::singleShot(50, call.get(), [&server, call, logger] {
            server.log(LogLevel::Info, logger, "Tool processing data");
            QTimer::singleShot(50, call.get(), [&server, call, logger] {
                server.log(LogLevel::Info, logger, "Tool execution completed");
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
    server.addPrompt(withArgs, [](const QMap<QString, QString> &arguments) {
        return QStringLiteral("Prompt with arguments: arg1='%1', arg2='%2'")
            .arg(arguments.value(QStringLiteral("arg1")), arguments.value(QStringLiteral("arg2")));
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
