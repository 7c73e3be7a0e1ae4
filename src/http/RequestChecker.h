// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace Companion::Http {

/**
 * Checks the bytes a client sends on one connection, as they arrive, before QtHttpServer parses them.
 *
 * Pure: no sockets, no timers, no Qt event loop, so it can be unit tested and fuzzed byte by byte.
 *
 * QtHttpServer 6.4's parser is lenient (LF-only lines, any "HTTP????" version, folded lines, Transfer-Encoding
 * that merely contains "chunked" winning over Content-Length, chunk sizes read with toLong() whose failure
 * means 0, trailers read as the next request, header blocks it cannot parse silently turned into no headers at
 * all). Each leniency lets one byte stream mean two different things, which is what request smuggling needs.
 * This checker accepts only a strict subset of HTTP/1.1 on which QtHttpServer and any sane peer agree, and
 * rejects everything else before QtHttpServer has seen a complete request:
 *
 *   request-line  = token SP 1*VCHAR SP ("HTTP/1.1" | "HTTP/1.0") CRLF
 *   header        = token ":" OWS *(VCHAR | obs-text | SP | HTAB) CRLF    (no space before ":", no folding)
 *   head end      = CRLF; every line ends in CRLF; no other control byte (NUL, bare CR or LF, DEL) anywhere
 *   framing       = at most one Content-Length (digits only) or exactly "Transfer-Encoding: chunked", never both
 *   chunked body  = 1*HEXDIG CRLF data CRLF ... "0" CRLF CRLF   (no extensions, no trailers)
 *
 * Limits: the head (from the request's first byte to its empty line) may have maxHeadBytes (else 431), at most
 * 100 header lines of at most 8 KiB each (QtHttpServer's own parser drops every header past those), and the
 * body maxBodyBytes (else 413, decided from Content-Length or each chunk size, before the body arrives).
 *
 * A connection may carry several requests one after another (keep-alive, pipelining); the checker follows the
 * framing from one to the next. After a rejection it stays rejected.
 */
class RequestChecker final
{
public:
    enum class Phase {
        Idle, ///< Between requests: nothing of the next one seen yet
        Head, ///< Part of a request line or header block seen
        Body, ///< Head complete, body not yet
        Rejected,
    };

    /** Continue, or Reject with the HTTP status to answer and a reason in plain words. */
    struct Verdict
    {
        int status = 0; ///< 0: continue; else 400, 413 or 431
        QByteArray reason;

        bool rejected() const { return status != 0; }
        static Verdict proceed() { return {}; }
        static Verdict reject(int status, const char *reason) { return {status, QByteArray(reason)}; }
    };

    RequestChecker(qsizetype maxHeadBytes, qsizetype maxBodyBytes);

    /** Checks the next bytes of the stream; once rejected, always returns that rejection. */
    Verdict feed(QByteArrayView bytes);
    /** Forgets everything: the next byte starts a new request. */
    void reset();

    Phase phase() const;
    /** Complete, accepted requests since the last reset(). */
    int completedRequests() const { return m_completed; }

private:
    enum class State {
        Line, ///< Inside a head line
        LineCR, ///< A head line's CR seen, LF must follow
        ChunkSize,
        ChunkSizeCR,
        ChunkData,
        ChunkDataCR,
        ChunkDataLF,
        LastCR,
        LastLF,
        FixedBody,
    };

    Verdict fail(int status, const char *reason);
    Verdict headLine();
    Verdict requestLine(QByteArrayView line);
    Verdict headerLine(QByteArrayView line);
    Verdict headEnd();
    Verdict chunkSizeLine();
    void requestDone();

    qsizetype m_maxHeadBytes;
    qsizetype m_maxBodyBytes;

    State m_state = State::Line;
    Verdict m_rejection;
    QByteArray m_line;
    bool m_sawRequestLine = false;
    qsizetype m_headBytes = 0;
    int m_headerCount = 0;
    bool m_http10 = false;
    bool m_hasContentLength = false;
    qint64 m_contentLength = 0;
    bool m_hasTransferEncoding = false;
    bool m_hasHost = false;
    qint64 m_bodyLeft = 0; ///< Of the fixed body or of the current chunk
    qint64 m_bodyTotal = 0;
    int m_completed = 0;
};

} // namespace Companion::Http
