// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Child.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace Bench {

Child::~Child()
{
    stop(std::chrono::seconds(2));
}

bool Child::start(const Options &options)
{
    int in[2] = {-1, -1};
    int out[2] = {-1, -1};
    int secret[2] = {-1, -1};
    if ((options.pipeStdin && pipe2(in, O_CLOEXEC) != 0) || (options.pipeStdout && pipe2(out, O_CLOEXEC) != 0)
        || (options.fd3 && pipe2(secret, O_CLOEXEC) != 0)) {
        m_error = std::string("pipe: ") + std::strerror(errno);
        return false;
    }

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    if (options.pipeStdin) {
        posix_spawn_file_actions_adddup2(&actions, in[0], 0);
    } else {
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    }
    if (options.pipeStdout) {
        posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    } else {
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    }
    const std::string errPath = options.stderrPath.empty() ? std::string("/dev/null") : options.stderrPath;
    posix_spawn_file_actions_addopen(&actions, 2, errPath.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    if (options.fd3) {
        posix_spawn_file_actions_adddup2(&actions, secret[0], 3);
    }

    std::vector<std::string> envStrings;
    for (char **e = environ; *e; ++e) {
        const std::string entry(*e);
        bool replaced = false;
        for (const auto &[name, value] : options.environment) {
            replaced = replaced || entry.rfind(name + "=", 0) == 0;
        }
        if (!replaced) {
            envStrings.push_back(entry);
        }
    }
    for (const auto &[name, value] : options.environment) {
        envStrings.push_back(name + "=" + value);
    }
    std::vector<char *> envp;
    for (std::string &entry : envStrings) {
        envp.push_back(entry.data());
    }
    envp.push_back(nullptr);
    std::vector<std::string> argStrings {options.program};
    argStrings.insert(argStrings.end(), options.arguments.begin(), options.arguments.end());
    std::vector<char *> argv;
    for (std::string &argument : argStrings) {
        argv.push_back(argument.data());
    }
    argv.push_back(nullptr);

    const int rc = posix_spawnp(&m_pid, options.program.c_str(), &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    if (options.pipeStdin) {
        close(in[0]);
        m_in = in[1];
    }
    if (options.pipeStdout) {
        close(out[1]);
        m_out = out[0];
    }
    if (options.fd3) {
        close(secret[0]);
        ssize_t written = ::write(secret[1], options.fd3->data(), options.fd3->size());
        close(secret[1]);
        if (written != ssize_t(options.fd3->size())) {
            m_error = "could not hand over file descriptor 3";
        }
    }
    if (rc != 0) {
        m_pid = -1;
        m_error = options.program + ": " + std::strerror(rc);
        return false;
    }
    return true;
}

bool Child::running()
{
    if (m_pid <= 0) {
        return false;
    }
    int status = 0;
    if (waitpid(m_pid, &status, WNOHANG) == m_pid) {
        m_pid = -1;
        return false;
    }
    return true;
}

bool Child::write(const std::string &data)
{
    std::size_t done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(m_in, data.data() + done, data.size() - done);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return false;
        }
        done += std::size_t(n);
    }
    return true;
}

std::optional<std::string> Child::readLine(std::chrono::milliseconds timeout)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        const auto newline = m_buffer.find('\n');
        if (newline != std::string::npos) {
            std::string line = m_buffer.substr(0, newline);
            m_buffer.erase(0, newline + 1);
            return line;
        }
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0 || m_out < 0) {
            return std::nullopt;
        }
        pollfd fd {m_out, POLLIN, 0};
        if (poll(&fd, 1, int(left.count())) <= 0) {
            continue;
        }
        char chunk[65536];
        const ssize_t n = read(m_out, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return std::nullopt;
        }
        m_buffer.append(chunk, std::size_t(n));
    }
}

void Child::closeStdin()
{
    if (m_in >= 0) {
        close(m_in);
        m_in = -1;
    }
}

bool Child::waitForExit(std::chrono::milliseconds timeout)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (running()) {
        if (std::chrono::steady_clock::now() >= deadline) {
            return false;
        }
        usleep(2000);
    }
    return true;
}

void Child::stop(std::chrono::milliseconds grace)
{
    closeStdin();
    if (running()) {
        kill(m_pid, SIGTERM);
        if (!waitForExit(grace)) {
            kill(m_pid, SIGKILL);
            waitForExit(std::chrono::seconds(5));
        }
    }
    if (m_out >= 0) {
        close(m_out);
        m_out = -1;
    }
}

} // namespace Bench
