// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "HttpConnection.h"

#include <arpa/inet.h>
#include <cerrno>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>

namespace Bench {

HttpConnection::HttpConnection(int port)
    : m_port(port)
{ }

HttpConnection::~HttpConnection()
{
    if (m_fd >= 0) {
        close(m_fd);
    }
}

bool HttpConnection::connectNow()
{
    m_fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (m_fd < 0) {
        return false;
    }
    const int one = 1;
    setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_port = htons(std::uint16_t(m_port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(m_fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0) {
        close(m_fd);
        m_fd = -1;
        return false;
    }
    m_buffer.clear();
    return true;
}

bool HttpConnection::send(
    const std::string &method, const std::string &target, const Headers &headers, const std::string &body)
{
    if (m_fd < 0 && !connectNow()) {
        return false;
    }
    std::string out = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(m_port) + "\r\n";
    for (const auto &[name, value] : headers) {
        out += name + ": " + value + "\r\n";
    }
    if (!body.empty() || method == "POST") {
        out += "Content-Length: " + std::to_string(body.size()) + "\r\n";
    }
    out += "\r\n" + body;
    std::size_t done = 0;
    while (done < out.size()) {
        const ssize_t n = ::send(m_fd, out.data() + done, out.size() - done, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            close(m_fd);
            m_fd = -1;
            return false;
        }
        done += std::size_t(n);
    }
    return true;
}

bool HttpConnection::fill()
{
    char chunk[65536];
    for (;;) {
        const ssize_t n = recv(m_fd, chunk, sizeof chunk, 0);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return false;
        }
        m_buffer.append(chunk, std::size_t(n));
        return true;
    }
}

std::optional<std::string> HttpConnection::line()
{
    for (;;) {
        const auto end = m_buffer.find("\r\n");
        if (end != std::string::npos) {
            std::string text = m_buffer.substr(0, end);
            m_buffer.erase(0, end + 2);
            return text;
        }
        if (!fill()) {
            return std::nullopt;
        }
    }
}

std::optional<HttpConnection::Response> HttpConnection::receive()
{
    if (m_fd < 0) {
        return std::nullopt;
    }
    const auto fail = [this]() -> std::optional<Response> {
        close(m_fd);
        m_fd = -1;
        return std::nullopt;
    };
    Response response;
    const auto statusLine = line();
    if (!statusLine || statusLine->size() < 12) {
        return fail();
    }
    response.status = std::atoi(statusLine->c_str() + 9);
    for (;;) {
        const auto header = line();
        if (!header) {
            return fail();
        }
        if (header->empty()) {
            break;
        }
        const auto colon = header->find(':');
        if (colon == std::string::npos) {
            continue;
        }
        std::string name = header->substr(0, colon);
        std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return char(std::tolower(c)); });
        std::string value = header->substr(colon + 1);
        value.erase(0, value.find_first_not_of(' '));
        response.headers[name] = value;
    }
    const auto take = [this](std::size_t count, std::string &into) {
        while (m_buffer.size() < count) {
            if (!fill()) {
                return false;
            }
        }
        into.append(m_buffer, 0, count);
        m_buffer.erase(0, count);
        return true;
    };
    if (const auto length = response.headers.find("content-length"); length != response.headers.end()) {
        if (!take(std::size_t(std::strtoull(length->second.c_str(), nullptr, 10)), response.body)) {
            return fail();
        }
    } else if (const auto coding = response.headers.find("transfer-encoding");
               coding != response.headers.end() && strcasecmp(coding->second.c_str(), "chunked") == 0) {
        for (;;) {
            const auto size = line();
            if (!size) {
                return fail();
            }
            const std::size_t count = std::strtoull(size->c_str(), nullptr, 16);
            std::string crlf;
            if (count == 0) {
                // Trailers are not used here; the empty line ends the body.
                while (const auto trailer = line()) {
                    if (trailer->empty()) {
                        break;
                    }
                }
                break;
            }
            if (!take(count, response.body) || !take(2, crlf)) {
                return fail();
            }
        }
    }
    if (const auto connection = response.headers.find("connection");
        connection != response.headers.end() && strcasecmp(connection->second.c_str(), "close") == 0) {
        close(m_fd);
        m_fd = -1;
    }
    return response;
}

std::optional<HttpConnection::Response> HttpConnection::request(
    const std::string &method, const std::string &target, const Headers &headers, const std::string &body)
{
    if (!send(method, target, headers, body)) {
        return std::nullopt;
    }
    return receive();
}

} // namespace Bench
