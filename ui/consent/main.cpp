// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// aries-consent: the tray app starts it to show Aries' sign-in page. It reads one request line on stdin
// and prints exactly one result line on stdout (the protocol is described in
// src/core/auth/ConsentProcessPresenter.h). Exit code 0 for every result, 2 for an unreadable request.
#include "AppInfo.h"
#include "ConsentWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QSocketNotifier>
#include <QTranslator>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>
#include <optional>
#include <string>

#ifdef Q_OS_UNIX
#include <csignal>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>
#endif
#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#endif

using namespace Companion;
using Companion::Consent::ConsentWindow;
using nlohmann::json;

namespace {

// Where the result line goes. Only writeResult() uses it, and only once.
FILE *g_resultStream = stdout;
bool g_resultWritten = false;

void writeResult(const json &result)
{
    if (g_resultWritten) {
        return;
    }
    g_resultWritten = true;
    // Replace rather than throw on text that is not valid UTF-8: the line must go out whatever it holds.
    const std::string line = result.dump(-1, ' ', false, json::error_handler_t::replace) + '\n';
    std::fwrite(line.data(), 1, line.size(), g_resultStream);
    std::fflush(g_resultStream);
}

json loadFailed(const QString &detail)
{
    return json {{"error", "load_failed"}, {"detail", detail.toStdString()}};
}

json toJson(const ConsentWindow::Result &result)
{
    switch (result.kind) {
    case ConsentWindow::Result::Kind::Redirect:
        return json {{"redirect", result.redirect.toString(QUrl::FullyEncoded).toStdString()}};
    case ConsentWindow::Result::Kind::OAuthError:
        return json {{"error", result.error.toStdString()}, {"detail", result.detail.toStdString()}};
    case ConsentWindow::Result::Kind::LoadFailed: return loadFailed(result.detail);
    case ConsentWindow::Result::Kind::Cancelled: break;
    }
    return json {{"error", "cancelled"}};
}

// Keeps the result channel ours alone. Chromium's helper processes inherit stdout, and a library may print
// to it; everything but the result line therefore goes to stderr, and the result to a private copy of
// the original stdout that no child inherits.
void reserveStdoutForResult()
{
#ifdef Q_OS_UNIX
    const int resultFd = ::fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 3);
    if (resultFd < 0) {
        return;
    }
    if (FILE *stream = ::fdopen(resultFd, "w")) {
        g_resultStream = stream;
        ::dup2(STDERR_FILENO, STDOUT_FILENO);
    } else {
        ::close(resultFd);
    }
    // If the tray app has gone, writing the result must not kill us before the window is closed cleanly.
    std::signal(SIGPIPE, SIG_IGN);
#endif
}

std::optional<QString> stringField(const json &object, const char *key)
{
    const auto it = object.find(key);
    if (it == object.end() || !it->is_string()) {
        return std::nullopt;
    }
    return QString::fromStdString(it->get_ref<const std::string &>());
}

/** The request line, or why it cannot be used. */
std::optional<ConsentWindow::Request> parseRequest(const std::string &line, QString &error)
{
    const json request = json::parse(line, nullptr, false);
    if (request.is_discarded() || !request.is_object()) {
        error = QStringLiteral("the request is not a JSON object");
        return std::nullopt;
    }
    const auto authorizationUrl = stringField(request, "authorizationUrl");
    const auto redirectUri = stringField(request, "redirectUri");
    const auto environment = stringField(request, "environment");
    ConsentWindow::Request result;
    result.authorizationUrl = QUrl(authorizationUrl.value_or(QString()), QUrl::StrictMode);
    result.redirectUri = QUrl(redirectUri.value_or(QString()), QUrl::StrictMode);
    const QString scheme = result.authorizationUrl.scheme();
    if (!result.authorizationUrl.isValid() || result.authorizationUrl.host().isEmpty()
        || (scheme != QLatin1String("https") && scheme != QLatin1String("http"))) {
        error = QStringLiteral("authorizationUrl is missing or not an http(s) URL");
        return std::nullopt;
    }
    if (!result.redirectUri.isValid() || result.redirectUri.scheme().isEmpty()) {
        error = QStringLiteral("redirectUri is missing or not a URL");
        return std::nullopt;
    }
    if (environment && environment->compare(QLatin1String("Sandbox"), Qt::CaseInsensitive) == 0) {
        result.sandbox = true;
    } else if (environment && environment->compare(QLatin1String("Aries"), Qt::CaseInsensitive) != 0) {
        error = QStringLiteral("environment must be \"Aries\" or \"Sandbox\"");
        return std::nullopt;
    }
    return result;
}

#ifdef Q_OS_UNIX
int g_signalPipe[2] = {-1, -1};

void onTerminate(int)
{
    // Only async-signal-safe work here: wake the event loop, which closes the window.
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalPipe[0], &byte, 1);
}
#endif

// SIGTERM and SIGINT close the window the way the user's close button does, so the result is "cancelled"
// and QtWebEngine shuts down cleanly. That is what a session logout does, what the tray app's cancel()
// does, and how the tests close the window of a separate process without a window manager. On Linux the
// kernel also sends SIGTERM when the tray app dies, so no orphaned sign-in window is left behind.
void closeOnTermination(ConsentWindow &window)
{
#ifdef Q_OS_UNIX
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, g_signalPipe) != 0) {
        return;
    }
    auto *notifier = new QSocketNotifier(g_signalPipe[1], QSocketNotifier::Read, &window);
    QObject::connect(notifier, &QSocketNotifier::activated, &window, [&window] {
        char byte = 0;
        [[maybe_unused]] const auto read = ::read(g_signalPipe[1], &byte, 1);
        window.close();
    });
    std::signal(SIGTERM, onTerminate);
    std::signal(SIGINT, onTerminate);
#ifdef Q_OS_LINUX
    ::prctl(PR_SET_PDEATHSIG, SIGTERM);
#endif
#else
    Q_UNUSED(window)
#endif
}

} // namespace

int main(int argc, char *argv[])
{
    {
        // Parse before the GUI exists, so --help and --version work without a display (over SSH, in CI).
        QCoreApplication probe(argc, argv);
        AppInfo::applyTo(probe);
        QCommandLineParser parser;
        parser.setApplicationDescription(
            QStringLiteral("Shows the Aries sign-in and permission page for Aries Companion.\n"
                           "Aries Companion starts this program when you connect; it is not meant to be run by hand."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.process(probe);
    }

    reserveStdoutForResult();

    // The request comes on stdin rather than argv so the authorization URL never shows in a process list.
    std::string line;
    if (!std::getline(std::cin, line)) {
        writeResult(loadFailed(QStringLiteral("no request on standard input")));
        return 2;
    }
    QString requestError;
    const auto request = parseRequest(line, requestError);
    if (!request) {
        writeResult(loadFailed(requestError));
        return 2;
    }

    // QtWebEngine shares OpenGL contexts with the widgets; this must be set before the application exists.
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    AppInfo::applyTo(app);
    // The same catalogs as the tray app (embedded under :/i18n) and Qt's own, installed before the window
    // exists; a language without a catalog stays English.
    QTranslator qtTranslations;
    if (qtTranslations.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(&qtTranslations);
    }
    QTranslator ownTranslations;
    if (ownTranslations.load(
            QLocale(), QStringLiteral("aries-companion"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(&ownTranslations);
    }

    ConsentWindow window(*request);
    QObject::connect(&window, &ConsentWindow::finished, &app, [](const ConsentWindow::Result &result) {
        writeResult(toJson(result));
        QCoreApplication::exit(0);
    });
    // Testing aid (the tests save a picture of the window to look at): after the first page has loaded,
    // a PNG of the window is written to this path. It is the only file this program ever writes.
    const QString screenshotPath = qEnvironmentVariable("ARIES_CONSENT_SCREENSHOT");
    if (!screenshotPath.isEmpty()) {
        window.setScreenshotPath(screenshotPath);
    }
    closeOnTermination(window);
    window.show();
    window.start();
    const int code = app.exec();

    // Whatever ended the event loop, the tray app gets its one line.
    writeResult(json {{"error", "cancelled"}});
    return code;
}
