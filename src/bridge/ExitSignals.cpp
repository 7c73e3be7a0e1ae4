// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ExitSignals.h"

#include <QMetaObject>
#include <QSocketNotifier>

#include <cerrno>
#include <cstring>

#ifdef Q_OS_WIN
#include <windows.h>
#else
#include <csignal>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace Companion::McpBridge {

namespace {
#ifdef Q_OS_WIN
ExitSignals *s_instance = nullptr;

BOOL WINAPI consoleHandler(DWORD event)
{
    // Runs on a thread Windows creates for the event; hand over to the main thread.
    if (ExitSignals *instance = s_instance) {
        QMetaObject::invokeMethod(
            instance, [instance, event] { Q_EMIT instance->exitRequested(int(event)); }, Qt::QueuedConnection);
        return TRUE;
    }
    return FALSE;
}
#else
// Self-pipe trick: a signal handler may only do async-signal-safe work, so it writes the signal number to a
// socket the event loop watches.
int s_fds[2] = {-1, -1};

void handleSignal(int signal)
{
    const int savedErrno = errno;
    const unsigned char number = static_cast<unsigned char>(signal);
    [[maybe_unused]] const auto written = ::write(s_fds[0], &number, 1);
    errno = savedErrno;
}
#endif
} // namespace

ExitSignals::ExitSignals(QObject *parent)
    : QObject(parent)
{
#ifdef Q_OS_WIN
    s_instance = this;
    ::SetConsoleCtrlHandler(consoleHandler, TRUE);
#else
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, s_fds) != 0) {
        qWarning("Cannot watch for exit signals: %s", std::strerror(errno));
        return;
    }
    m_notifier = new QSocketNotifier(s_fds[1], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, [this] {
        unsigned char number = 0;
        if (::read(s_fds[1], &number, 1) == 1) {
            Q_EMIT exitRequested(number);
        }
    });
    struct sigaction action = {};
    action.sa_handler = handleSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (const int signal : {SIGINT, SIGTERM, SIGHUP}) {
        ::sigaction(signal, &action, nullptr);
    }
#endif
}

ExitSignals::~ExitSignals()
{
#ifdef Q_OS_WIN
    ::SetConsoleCtrlHandler(consoleHandler, FALSE);
    s_instance = nullptr;
#else
    if (m_notifier) {
        for (const int signal : {SIGINT, SIGTERM, SIGHUP}) {
            ::signal(signal, SIG_DFL);
        }
        delete m_notifier;
        ::close(s_fds[0]);
        ::close(s_fds[1]);
        s_fds[0] = s_fds[1] = -1;
    }
#endif
}

} // namespace Companion::McpBridge
