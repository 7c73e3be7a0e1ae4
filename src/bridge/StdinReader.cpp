// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "StdinReader.h"

#include <QtGlobal>

#include <array>
#include <cerrno>
#include <cstring>

#ifdef Q_OS_WIN
#include <windows.h>
#else
#include <fcntl.h>
#include <poll.h>
#include <unistd.h>
#endif

namespace Companion::McpBridge {

namespace {
// Large enough that a multi-MiB message takes few wake-ups, small enough for the thread's stack.
constexpr qsizetype kChunkBytes = 64 * 1024;
} // namespace

StdinReader::StdinReader(QObject *parent)
    : QThread(parent)
{
    setObjectName(QStringLiteral("StdinReader"));
#ifndef Q_OS_WIN
    if (::pipe2(m_wakePipe, O_CLOEXEC) != 0) {
        qWarning("Cannot create the wake-up pipe for standard input: %s", std::strerror(errno));
    }
#endif
}

StdinReader::~StdinReader()
{
    stop();
    wait();
#ifndef Q_OS_WIN
    for (const int fd : m_wakePipe) {
        if (fd >= 0) {
            ::close(fd);
        }
    }
#endif
}

void StdinReader::stop()
{
    if (m_stopping.exchange(true)) {
        return;
    }
#ifdef Q_OS_WIN
    if (void *handle = m_threadHandle.load()) {
        ::CancelSynchronousIo(static_cast<HANDLE>(handle));
    }
#else
    if (m_wakePipe[1] >= 0) {
        const char wake = 0;
        [[maybe_unused]] const auto written = ::write(m_wakePipe[1], &wake, 1);
    }
#endif
}

void StdinReader::run()
{
    std::array<char, kChunkBytes> buffer;
#ifdef Q_OS_WIN
    HANDLE thread = ::OpenThread(THREAD_TERMINATE, FALSE, ::GetCurrentThreadId());
    m_threadHandle.store(thread);
    const HANDLE input = ::GetStdHandle(STD_INPUT_HANDLE);
    while (!m_stopping.load()) {
        DWORD read = 0;
        if (!::ReadFile(input, buffer.data(), DWORD(buffer.size()), &read, nullptr)) {
            const DWORD error = ::GetLastError();
            if (error != ERROR_BROKEN_PIPE && error != ERROR_OPERATION_ABORTED) {
                qWarning("Reading standard input failed (error %lu)", static_cast<unsigned long>(error));
            }
            break;
        }
        if (read == 0) {
            break;
        }
        Q_EMIT chunkRead(QByteArray(buffer.data(), qsizetype(read)));
    }
    m_threadHandle.store(nullptr);
    if (thread) {
        ::CloseHandle(thread);
    }
#else
    while (!m_stopping.load()) {
        pollfd fds[2] = {{STDIN_FILENO, POLLIN, 0}, {m_wakePipe[0], POLLIN, 0}};
        if (::poll(fds, m_wakePipe[0] >= 0 ? 2 : 1, -1) < 0) {
            if (errno == EINTR) {
                continue;
            }
            qWarning("Waiting for standard input failed: %s", std::strerror(errno));
            break;
        }
        if (fds[1].revents != 0) {
            break;
        }
        const ssize_t read = ::read(STDIN_FILENO, buffer.data(), buffer.size());
        if (read > 0) {
            Q_EMIT chunkRead(QByteArray(buffer.data(), qsizetype(read)));
        } else if (read < 0 && (errno == EINTR || errno == EAGAIN)) {
            continue;
        } else {
            if (read < 0) {
                qWarning("Reading standard input failed: %s", std::strerror(errno));
            }
            break;
        }
    }
#endif
    if (!m_stopping.load()) {
        Q_EMIT inputClosed();
    }
}

} // namespace Companion::McpBridge
