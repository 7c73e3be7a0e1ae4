// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AppInfo.h"
#include "SandboxServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#include <unistd.h>
#endif

using namespace Companion;
using namespace Companion::Sandbox;

namespace {

#ifdef Q_OS_UNIX
int g_signalPipe[2] = {-1, -1};

void onTerminate(int)
{
    // Only async-signal-safe work here: wake the event loop, which quits cleanly and saves --state.
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalPipe[0], &byte, 1);
}

void quitOnTermination(QCoreApplication &app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0) {
        return;
    }
    auto *notifier = new QSocketNotifier(g_signalPipe[1], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, &QCoreApplication::quit);
    std::signal(SIGTERM, onTerminate);
    std::signal(SIGINT, onTerminate);
}
#else
void quitOnTermination(QCoreApplication &)
{ }
#endif

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    app.setApplicationName(QStringLiteral("aries-sandbox"));
    app.setApplicationVersion(AppInfo::version());

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("A local simulator of the Aries brokerage API (OAuth sign-in, accounts, orders, market data),\n"
                       "for Aries Companion's demo mode, tests and benchmarks. Listens on 127.0.0.1 only.\n"
                       "See docs/sandbox.md for the endpoints and the control API."));
    SandboxOptions::addTo(parser);
    parser.process(app);
    const auto options = SandboxOptions::from(parser);
    if (!options) {
        std::fprintf(stderr, "aries-sandbox: %s\n", qPrintable(options.error()));
        return 2;
    }

    SandboxServer server(*options);
    const auto port = server.start();
    if (!port) {
        std::fprintf(stderr, "aries-sandbox: %s\n", qPrintable(port.error()));
        return 1;
    }
    quitOnTermination(app);

    std::printf("listening on http://127.0.0.1:%u\n", static_cast<unsigned>(*port));
    std::printf("demo client id: %s\n", SandboxServer::kDemoClientId);
    std::printf("demo redirect uri: %s\n", SandboxServer::kDemoRedirectUri);
    std::printf("demo user: %s\n", SandboxServer::kDemoEmail);
    std::printf("demo password: %s\n", SandboxServer::kDemoPassword);
    std::fflush(stdout);
    return app.exec();
}
