// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace Companion::Http {

/**
 * What one HttpServer lets a client hold. QtHttpServer 6.4 has none of these limits itself: it accepts any
 * number of connections, buffers heads and bodies of any size and never times a connection out, so a local
 * process (or a web page reaching 127.0.0.1) could exhaust memory or every connection slot. The defaults suit
 * a local MCP endpoint with a handful of clients; tests shorten the timeouts.
 */
struct HttpLimits
{
    /** Open connections at once; one more is answered 503 and closed. */
    int maxConnections = 32;
    /** Request line plus headers; larger heads are answered 431 before they complete. */
    qsizetype maxHeadBytes = 16 * 1024;
    /** Request body (Content-Length or the sum of chunks); larger bodies are answered 413 before they are read. */
    qsizetype maxBodyBytes = 4 * 1024 * 1024;
    /** From a connection's opening (or the first byte of a later request) to the end of its head: else 408. */
    int headTimeoutMs = 10'000;
    /** From the end of a head to the end of its body: else 408. */
    int bodyTimeoutMs = 30'000;
    /** A keep-alive connection with no request and no response in progress is closed after this long. */
    int idleTimeoutMs = 30'000;
    /** After a rejection the client may read the answer this long before the connection is cut. */
    int lingerMs = 1'000;
};

} // namespace Companion::Http
