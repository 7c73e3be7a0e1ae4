// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RequestChecker.h"

#include <algorithm>

namespace Companion::Http {

namespace {

// QHttpHeaderParser (qtbase) gives up on a header block with more fields or a longer field than these, and
// QtHttpServer 6.4 ignores that failure: the request then has no headers at all and a body it cannot frame,
// which becomes the next request. So the checker must never let such a block through.
constexpr int kMaxHeaderLines = 100;
constexpr qsizetype kMaxHeaderLineBytes = 8 * 1024;
// A chunk size of more hex digits than this cannot be below any sensible body limit.
constexpr qsizetype kMaxChunkSizeDigits = 8;

bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(QByteArrayView text)
{
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), isTokenChar);
}

bool isDigits(QByteArrayView text)
{
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

QByteArrayView trimmedOws(QByteArrayView text)
{
    while (!text.isEmpty() && (text.front() == ' ' || text.front() == '\t'))
        text = text.sliced(1);
    while (!text.isEmpty() && (text.back() == ' ' || text.back() == '\t'))
        text.chop(1);
    return text;
}

bool equalsIgnoringCase(QByteArrayView a, QByteArrayView b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

} // namespace

RequestChecker::RequestChecker(qsizetype maxHeadBytes, qsizetype maxBodyBytes)
    : m_maxHeadBytes(maxHeadBytes)
    , m_maxBodyBytes(maxBodyBytes)
{ }

void RequestChecker::reset()
{
    *this = RequestChecker(m_maxHeadBytes, m_maxBodyBytes);
}

RequestChecker::Phase RequestChecker::phase() const
{
    if (m_rejection.rejected())
        return Phase::Rejected;
    switch (m_state) {
    case State::Line:
    case State::LineCR: return (m_headBytes == 0) ? Phase::Idle : Phase::Head;
    default: return Phase::Body;
    }
}

RequestChecker::Verdict RequestChecker::fail(int status, const char *reason)
{
    m_rejection = Verdict::reject(status, reason);
    return m_rejection;
}

RequestChecker::Verdict RequestChecker::feed(QByteArrayView bytes)
{
    if (m_rejection.rejected())
        return m_rejection;
    qsizetype i = 0;
    while (i < bytes.size()) {
        const char c = bytes[i];
        switch (m_state) {
        case State::Line:
        case State::LineCR: {
            if (++m_headBytes > m_maxHeadBytes)
                return fail(431, "Request header too large");
            if (m_state == State::LineCR) {
                if (c != '\n')
                    return fail(400, "Bad Request: a bare CR in the request header");
                m_state = State::Line;
                if (const Verdict v = headLine(); v.rejected())
                    return v;
                break;
            }
            if (c == '\r') {
                m_state = State::LineCR;
                break;
            }
            if (c == '\n')
                return fail(400, "Bad Request: a line ends in LF without CR");
            // Control bytes (NUL among them) have no place in a head; HTAB only inside header values.
            const auto u = static_cast<unsigned char>(c);
            if ((u < 0x20 && c != '\t') || u == 0x7f)
                return fail(400, "Bad Request: a control character in the request header");
            if (m_line.size() >= kMaxHeaderLineBytes)
                return fail(431, "Request header too large: one line is too long");
            m_line.append(c);
            break;
        }
        case State::FixedBody: {
            const qint64 take = std::min<qint64>(m_bodyLeft, bytes.size() - i);
            m_bodyLeft -= take;
            i += take;
            if (m_bodyLeft == 0)
                requestDone();
            continue;
        }
        case State::ChunkSize:
            if (c == '\r') {
                m_state = State::ChunkSizeCR;
                break;
            }
            if (hexValue(c) < 0)
                return fail(400, "Bad Request: a malformed chunk size");
            if (m_line.size() >= kMaxChunkSizeDigits)
                return fail(413, "Message too large");
            m_line.append(c);
            break;
        case State::ChunkSizeCR:
            if (c != '\n')
                return fail(400, "Bad Request: a malformed chunk size line");
            if (const Verdict v = chunkSizeLine(); v.rejected())
                return v;
            break;
        case State::ChunkData: {
            const qint64 take = std::min<qint64>(m_bodyLeft, bytes.size() - i);
            m_bodyLeft -= take;
            i += take;
            if (m_bodyLeft == 0)
                m_state = State::ChunkDataCR;
            continue;
        }
        case State::ChunkDataCR:
            if (c != '\r')
                return fail(400, "Bad Request: a chunk is longer than its size");
            m_state = State::ChunkDataLF;
            break;
        case State::ChunkDataLF:
            if (c != '\n')
                return fail(400, "Bad Request: a chunk is not followed by CRLF");
            m_state = State::ChunkSize;
            break;
        case State::LastCR:
            // QtHttpServer takes whatever follows the last chunk for a trailer end or the next request.
            if (c != '\r')
                return fail(400, "Bad Request: trailers after a chunked body are not accepted");
            m_state = State::LastLF;
            break;
        case State::LastLF:
            if (c != '\n')
                return fail(400, "Bad Request: a chunked body does not end in CRLF");
            requestDone();
            break;
        }
        ++i;
    }
    return Verdict::proceed();
}

RequestChecker::Verdict RequestChecker::headLine()
{
    const QByteArray line = std::exchange(m_line, {});
    if (!m_sawRequestLine) {
        if (line.isEmpty())
            return Verdict::proceed(); // RFC 9112 §2.2: empty lines before a request line are ignored
        m_sawRequestLine = true;
        return requestLine(line);
    }
    if (line.isEmpty())
        return headEnd();
    return headerLine(line);
}

RequestChecker::Verdict RequestChecker::requestLine(QByteArrayView line)
{
    const qsizetype first = line.indexOf(' ');
    const qsizetype last = line.lastIndexOf(' ');
    if (first <= 0 || last == first)
        return fail(400, "Bad Request: a malformed request line");
    const QByteArrayView method = line.first(first);
    const QByteArrayView target = line.sliced(first + 1, last - first - 1);
    const QByteArrayView version = line.sliced(last + 1);
    if (!isToken(method))
        return fail(400, "Bad Request: a malformed request method");
    if (target.isEmpty() || !std::all_of(target.begin(), target.end(), [](char c) { return c > 0x20 && c < 0x7f; }))
        return fail(400, "Bad Request: a malformed request target");
    if (version == "HTTP/1.0")
        m_http10 = true;
    else if (version != "HTTP/1.1")
        return fail(400, "Bad Request: only HTTP versions 1.1 and 1.0 are spoken here");
    return Verdict::proceed();
}

RequestChecker::Verdict RequestChecker::headerLine(QByteArrayView line)
{
    if (line.front() == ' ' || line.front() == '\t')
        return fail(400, "Bad Request: folded header lines are not accepted");
    if (++m_headerCount > kMaxHeaderLines)
        return fail(431, "Request header too large: too many header lines");
    const qsizetype colon = line.indexOf(':');
    if (colon < 0)
        return fail(400, "Bad Request: a header line without a colon");
    const QByteArrayView name = line.first(colon);
    if (!isToken(name))
        return fail(400, "Bad Request: a malformed header name (a space before the colon?)");
    const QByteArrayView value = trimmedOws(line.sliced(colon + 1));

    if (equalsIgnoringCase(name, "Content-Length")) {
        if (m_hasContentLength)
            return fail(400, "Bad Request: more than one Content-Length");
        m_hasContentLength = true;
        if (!isDigits(value))
            return fail(400, "Bad Request: a malformed Content-Length");
        // More digits than a qint64 holds is over any limit; the number is not parsed then.
        if (value.size() > 18 || value.toLongLong() > m_maxBodyBytes)
            return fail(413, "Message too large");
        m_contentLength = value.toLongLong();
    } else if (equalsIgnoringCase(name, "Transfer-Encoding")) {
        if (m_hasTransferEncoding)
            return fail(400, "Bad Request: more than one Transfer-Encoding");
        m_hasTransferEncoding = true;
        if (!equalsIgnoringCase(value, "chunked"))
            return fail(400, "Bad Request: the only Transfer-Encoding accepted is chunked");
    } else if (equalsIgnoringCase(name, "Host")) {
        if (m_hasHost)
            return fail(400, "Bad Request: more than one Host");
        m_hasHost = true;
    } else if (equalsIgnoringCase(name, "Upgrade")) {
        // QtHttpServer 6.4 hands a WebSocket upgrade to the request handler and then to its missing-handler,
        // which would run one request twice; nothing here speaks WebSocket.
        if (QByteArray(value.data(), value.size()).toLower().contains("websocket"))
            return fail(400, "Bad Request: WebSocket is not spoken here");
    }
    return Verdict::proceed();
}

RequestChecker::Verdict RequestChecker::headEnd()
{
    if (m_hasContentLength && m_hasTransferEncoding)
        return fail(400, "Bad Request: both Content-Length and Transfer-Encoding");
    if (m_hasTransferEncoding && m_http10)
        return fail(400, "Bad Request: Transfer-Encoding in an HTTP/1.0 request");
    if (m_hasTransferEncoding) {
        m_state = State::ChunkSize;
        return Verdict::proceed();
    }
    if (m_contentLength > 0) {
        m_bodyLeft = m_contentLength;
        m_state = State::FixedBody;
        return Verdict::proceed();
    }
    requestDone();
    return Verdict::proceed();
}

RequestChecker::Verdict RequestChecker::chunkSizeLine()
{
    const QByteArray digits = std::exchange(m_line, {});
    if (digits.isEmpty())
        return fail(400, "Bad Request: a malformed chunk size");
    qint64 size = 0;
    for (const char c : digits)
        size = size * 16 + hexValue(c);
    m_bodyTotal += size;
    if (m_bodyTotal > m_maxBodyBytes)
        return fail(413, "Message too large");
    if (size == 0) {
        m_state = State::LastCR;
    } else {
        m_bodyLeft = size;
        m_state = State::ChunkData;
    }
    return Verdict::proceed();
}

void RequestChecker::requestDone()
{
    ++m_completed;
    const int completed = m_completed;
    reset();
    m_completed = completed;
}

} // namespace Companion::Http
