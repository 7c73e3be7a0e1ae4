// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aries/HttpAnswerParser.h"

namespace Companion::Aries {

namespace {

/**
 * Decodes a chunked body into @p decoded; the offset just past its end (after the last chunk and the
 * trailers), -1 while incomplete, -2 when malformed.
 */
qsizetype decodeChunked(QByteArrayView raw, QByteArray &decoded)
{
    decoded.clear();
    qsizetype pos = 0;
    while (true) {
        const qsizetype lineEnd = raw.indexOf(QByteArrayView("\r\n"), pos);
        if (lineEnd < 0) {
            return -1;
        }
        bool ok = false;
        const QByteArray sizeLine = raw.sliced(pos, lineEnd - pos).toByteArray().split(';').value(0).trimmed();
        const qsizetype size = sizeLine.toLongLong(&ok, 16);
        if (!ok || size < 0) {
            return -2;
        }
        if (size == 0) {
            // Trailers (not used) end with an empty line; without any, the empty line follows at once.
            const qsizetype after = lineEnd + 2;
            if (raw.size() >= after + 2 && raw.sliced(after, 2) == QByteArrayView("\r\n")) {
                return after + 2;
            }
            const qsizetype trailersEnd = raw.indexOf(QByteArrayView("\r\n\r\n"), after);
            return trailersEnd < 0 ? -1 : trailersEnd + 4;
        }
        if (lineEnd + 2 + size + 2 > raw.size()) {
            return -1;
        }
        decoded += raw.sliced(lineEnd + 2, size);
        pos = lineEnd + 2 + size + 2;
    }
}

} // namespace

HttpAnswerParser::HttpAnswerParser(qsizetype maxSize)
    : m_maxSize(maxSize)
{ }

QByteArray HttpAnswerParser::header(QByteArrayView name) const
{
    for (const Header &header : m_headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0) {
            return header.second;
        }
    }
    return {};
}

HttpAnswerParser::State HttpAnswerParser::feed(QByteArrayView bytes)
{
    if (m_state != State::Incomplete) {
        // Bytes after a complete answer: nothing was asked for them, so the connection is not reused.
        if (m_state == State::Complete && !bytes.isEmpty()) {
            m_end = -1;
        }
        return m_state;
    }
    m_received.append(bytes);
    m_state = parse();
    // Checked after parsing: a whole answer followed by more bytes in the same read is still a whole answer.
    if (m_state == State::Incomplete && m_received.size() > m_maxSize) {
        m_state = State::TooLarge;
    }
    return m_state;
}

HttpAnswerParser::State HttpAnswerParser::finishAtClose()
{
    if (m_state == State::Incomplete && m_headersParsed && m_closeDelimited) {
        m_body = m_received.mid(m_bodyStart);
        m_end = -1;
        m_state = State::Complete;
    }
    return m_state;
}

bool HttpAnswerParser::reusable() const
{
    return m_state == State::Complete && !m_http10 && !m_closeDelimited && m_end == m_received.size()
        && !header("Connection").toLower().contains("close");
}

HttpAnswerParser::State HttpAnswerParser::parse()
{
    if (!m_headersParsed) {
        const qsizetype headerEnd = m_received.indexOf("\r\n\r\n");
        if (headerEnd < 0) {
            return State::Incomplete;
        }
        const QList<QByteArray> lines = m_received.left(headerEnd).split('\n');
        const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
        bool ok = false;
        m_status = statusLine.value(1).toInt(&ok);
        if (!statusLine.value(0).startsWith("HTTP/1.") || !ok) {
            m_status = 0;
            return State::Invalid;
        }
        m_http10 = statusLine.value(0) == "HTTP/1.0";
        m_headers.clear();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon > 0) {
                m_headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
            }
        }
        m_headersParsed = true;
        m_bodyStart = headerEnd + 4;
        if (m_status >= 100 && m_status < 200) {
            // An interim answer (100 Continue): the real one follows.
            m_received.remove(0, m_bodyStart);
            m_headersParsed = false;
            ++m_answers;
            return parse();
        }
    }
    const QByteArrayView raw = QByteArrayView(m_received).sliced(m_bodyStart);
    if (header("Transfer-Encoding").toLower().contains("chunked")) {
        const qsizetype end = decodeChunked(raw, m_body);
        if (end == -2) {
            return State::Invalid;
        }
        if (end < 0) {
            return State::Incomplete;
        }
        m_end = m_bodyStart + end;
        return State::Complete;
    }
    const QByteArray lengthHeader = header("Content-Length");
    if (lengthHeader.isEmpty()) {
        // No body at all for these; otherwise the body ends when the server closes the connection.
        if (m_status == 204 || m_status == 304) {
            m_body.clear();
            m_end = m_bodyStart;
            return State::Complete;
        }
        m_closeDelimited = true;
        return State::Incomplete;
    }
    bool ok = false;
    const qsizetype length = lengthHeader.toLongLong(&ok);
    if (!ok || length < 0) {
        return State::Invalid;
    }
    if (raw.size() < length) {
        return State::Incomplete;
    }
    m_body = raw.first(length).toByteArray();
    m_end = m_bodyStart + length;
    return State::Complete;
}

} // namespace Companion::Aries
