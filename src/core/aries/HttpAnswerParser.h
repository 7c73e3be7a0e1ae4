// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <utility>

namespace Companion::Aries {

/**
 * Reads one HTTP/1.1 answer from the bytes of a connection as they arrive: status line, headers, and a
 * body delimited by Content-Length, chunked encoding or the end of the connection. Interim (1xx) answers
 * are skipped. Shared by both of the Aries client's connections: AriesOneShotRequest (one request per
 * connection) and AriesConnectionPool (keep-alive), which also needs to know where the answer ends and
 * whether the connection may carry another request.
 */
class HttpAnswerParser final
{
public:
    using Header = std::pair<QByteArray, QByteArray>;
    enum class State {
        Incomplete, ///< More bytes are needed
        Complete, ///< A whole answer is there
        Invalid, ///< Not HTTP/1.x, or a malformed length or chunk
        TooLarge, ///< More than the limit given to the constructor
    };

    explicit HttpAnswerParser(qsizetype maxSize = 64 * 1024 * 1024);

    /** Adds bytes that arrived; returns where the answer stands. */
    State feed(QByteArrayView bytes);
    /**
     * The connection closed: an answer without a length ends here. Complete only if it was one; a
     * length-delimited or chunked answer still short of its end stays Incomplete (cut short).
     */
    State finishAtClose();

    bool receivedAnything() const { return !m_received.isEmpty() || m_answers > 0; }
    bool headersParsed() const { return m_headersParsed; }
    int status() const { return m_status; }
    const QByteArray &body() const { return m_body; }
    /** The first header called @p name (case-insensitive); empty when absent. */
    QByteArray header(QByteArrayView name) const;
    /**
     * After Complete: the server keeps the connection open for another request (HTTP/1.1 without
     * "Connection: close", a delimited body, and no stray bytes after it).
     */
    bool reusable() const;

private:
    State parse();

    qsizetype m_maxSize;
    QByteArray m_received;
    QList<Header> m_headers;
    QByteArray m_body;
    int m_status = 0;
    int m_answers = 0;
    bool m_http10 = false;
    bool m_headersParsed = false;
    bool m_closeDelimited = false;
    qsizetype m_bodyStart = 0;
    qsizetype m_end = -1; ///< Where the complete answer ends in m_received
    State m_state = State::Incomplete;
};

} // namespace Companion::Aries
