// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace Bench {

/**
 * One keep-alive HTTP/1.1 connection to 127.0.0.1 with blocking reads and writes, as small as a benchmark
 * client can be: its own cost per request is a write and a read, the same for the app's endpoint and for
 * the sandbox, so the difference between two paths is theirs and not the client's. It reads
 * Content-Length and chunked bodies (the app's SSE answers are chunked); nothing else of HTTP is needed.
 */
class HttpConnection final
{
public:
    struct Response
    {
        int status = 0;
        /** Header names in lower case. */
        std::map<std::string, std::string> headers;
        std::string body;
    };
    using Headers = std::vector<std::pair<std::string, std::string>>;

    explicit HttpConnection(int port);
    ~HttpConnection();
    HttpConnection(const HttpConnection &) = delete;
    HttpConnection &operator=(const HttpConnection &) = delete;

    /** Sends a request without waiting for its answer (several can be under way on different connections). */
    bool send(const std::string &method, const std::string &target, const Headers &headers = {},
        const std::string &body = {});
    /** Reads the answer to the oldest request sent; nothing if the connection failed or closed. */
    std::optional<Response> receive();
    std::optional<Response> request(const std::string &method, const std::string &target, const Headers &headers = {},
        const std::string &body = {});

    int port() const { return m_port; }

private:
    bool connectNow();
    bool fill();
    std::optional<std::string> line();

    int m_port;
    int m_fd = -1;
    std::string m_buffer;
};

} // namespace Bench
