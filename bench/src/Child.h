// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace Bench {

/**
 * A program the benchmark starts, with its stdin and stdout as pipes read and written with plain blocking
 * calls. The driver is deliberately not event-driven: one client per thread, each waiting on its own
 * descriptor, is the cheapest and steadiest way to time a round trip, and it costs every path the same.
 */
class Child final
{
public:
    struct Options
    {
        std::string program;
        std::vector<std::string> arguments;
        /** Added to (or replacing in) the driver's environment. */
        std::vector<std::pair<std::string, std::string>> environment;
        /** Handed to the child on file descriptor 3 (a pipe, closed after writing): how a secret reaches a
         * peer without appearing in its argv, environment or a file. */
        std::optional<std::string> fd3;
        /** Where stderr goes; empty = /dev/null. */
        std::string stderrPath;
        bool pipeStdin = true;
        bool pipeStdout = true;
    };

    Child() = default;
    ~Child();
    Child(const Child &) = delete;
    Child &operator=(const Child &) = delete;

    /** Starts the program; false (with errorString()) if it could not be started. */
    bool start(const Options &options);
    pid_t pid() const { return m_pid; }
    bool running();
    const std::string &errorString() const { return m_error; }

    bool write(const std::string &data);
    /** The next line from stdout without its newline, or nothing after @p timeout or at end of file. */
    std::optional<std::string> readLine(std::chrono::milliseconds timeout);
    /** Closes stdin: how a stdio MCP client says goodbye. */
    void closeStdin();

    /** SIGTERM, then SIGKILL after @p grace; returns once the process is gone. */
    void stop(std::chrono::milliseconds grace = std::chrono::seconds(5));
    /** Waits up to @p timeout for the process to end by itself. */
    bool waitForExit(std::chrono::milliseconds timeout);

private:
    pid_t m_pid = -1;
    int m_in = -1;
    int m_out = -1;
    std::string m_buffer;
    std::string m_error;
};

} // namespace Bench
