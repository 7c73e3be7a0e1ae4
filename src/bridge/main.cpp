// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AppInfo.h"
#include "Bridge.h"
#include "ExitSignals.h"
#include "LocalEndpoint.h"
#include "StdinReader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>

#include <cstdio>

#ifdef Q_OS_WIN
#include <fcntl.h>
#include <io.h>
#else
#include <csignal>
#endif

using namespace Companion;

namespace {

// stdout belongs to the MCP client and carries nothing but messages. Qt's default handler may send logs to
// journald or the debugger instead; the client collects stderr into its log, so everything goes there.
void logToStderr(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QByteArray text = qFormatLogMessage(type, context, message).toUtf8();
    std::fwrite(text.constData(), 1, size_t(text.size()), stderr);
    std::fputc('\n', stderr);
    std::fflush(stderr);
}

McpBridge::Bridge::Options optionsFromEnvironment()
{
    McpBridge::Bridge::Options options;
    options.serverName = Ipc::LocalEndpoint::serverName();
    bool ok = false;
    const int timeoutMs = qEnvironmentVariableIntValue("ARIES_MCP_CONNECT_TIMEOUT_MS", &ok);
    if (ok && timeoutMs >= 0) {
        options.connectTimeoutMs = timeoutMs;
    }
    if (qEnvironmentVariable("ARIES_MCP_NO_LAUNCH") != QLatin1String("1")) {
#ifdef Q_OS_WIN
        const QString program = QStringLiteral("aries-companion.exe");
#else
        const QString program = QStringLiteral("aries-companion");
#endif
        options.appProgram = QDir(QCoreApplication::applicationDirPath()).filePath(program);
    }
    return options;
}

} // namespace

int main(int argc, char *argv[])
{
#ifdef Q_OS_WIN
    // MCP messages are bytes; text mode would turn '\n' into "\r\n" and stop at ^Z.
    _setmode(_fileno(stdin), _O_BINARY);
    _setmode(_fileno(stdout), _O_BINARY);
#else
    // A client that closes our stdout must not kill us mid-write; the failed write is handled instead.
    std::signal(SIGPIPE, SIG_IGN);
#endif
    qInstallMessageHandler(logToStderr);
    qSetMessagePattern(QStringLiteral("aries-mcp: %{if-warning}warning: %{endif}%{if-critical}error: %{endif}"
                                      "%{message}"));

    QCoreApplication app(argc, argv);
    AppInfo::applyTo(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Connects an MCP client such as Claude Desktop to Aries Companion.\n"
                       "The client starts this program and speaks MCP on its standard input and output;\n"
                       "every message is passed to the Aries Companion tray app on this computer."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);

    McpBridge::Bridge bridge(optionsFromEnvironment());
    McpBridge::StdinReader reader;
    McpBridge::ExitSignals exitSignals;
    QObject::connect(&reader, &McpBridge::StdinReader::chunkRead, &bridge, &McpBridge::Bridge::handleInput);
    QObject::connect(&reader, &McpBridge::StdinReader::inputClosed, &bridge, &McpBridge::Bridge::handleInputClosed);
    QObject::connect(&exitSignals, &McpBridge::ExitSignals::exitRequested, &bridge, [&bridge](int signal) {
        qInfo("Stopping on signal %d", signal);
        bridge.quit(0);
    });
    QObject::connect(
        &bridge, &McpBridge::Bridge::finished, &app, [](int exitCode) { QCoreApplication::exit(exitCode); });

    bridge.start();
    reader.start();
    const int exitCode = QCoreApplication::exec();
    reader.stop();
    reader.wait();
    return exitCode;
}
