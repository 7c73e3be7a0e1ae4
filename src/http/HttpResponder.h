// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

#include <functional>
#include <memory>

class QHttpServerResponder;
class QTcpSocket;

namespace Companion::Http {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

/**
 * The answer channel of one request. Handlers may keep it (through the shared pointer they are given)
 * and answer later, from a timer or after a network call; nothing blocks while it waits.
 *
 * Every method is safe after the client went away: QtHttpServer deletes the socket on disconnect and
 * its responder keeps a raw pointer to it, so we guard it here and turn late writes into no-ops.
 * A responder answers at most once; later calls are ignored.
 */
class HttpResponder final
{
public:
    explicit HttpResponder(QHttpServerResponder &&responder);
    ~HttpResponder();
    HttpResponder(const HttpResponder &) = delete;
    HttpResponder &operator=(const HttpResponder &) = delete;

    /** True until an answer was sent (or a stream ended), or the connection was closed by either side. */
    bool isOpen() const;
    /** True between beginStream() and endStream() while the connection is up. */
    bool isStreaming() const;

    /** A complete response. */
    void send(int status, const QByteArray &body, const HeaderList &headers = {});
    /** A complete response with Content-Type: application/json. */
    void sendJson(int status, const QByteArray &json, const HeaderList &extraHeaders = {});
    /** Closes the connection without answering. */
    void drop();
    /**
     * Sends the status line, headers (with the full Content-Length) and only the first @p keepBytes of
     * the body, then closes the connection: a response cut off mid-way.
     */
    void sendTruncated(int status, const QByteArray &body, qsizetype keepBytes, const HeaderList &headers = {});

    /**
     * Starts a response whose body follows in pieces (Transfer-Encoding: chunked), for Server-Sent Events.
     * The response stays open until endStream() or the client leaves.
     */
    void beginStream(int status, const HeaderList &headers);
    /** One piece of a streamed body; ignored when not streaming. */
    void writeChunk(const QByteArray &data);
    /** Ends a streamed body; the connection stays usable for the client's next request. */
    void endStream();

    /**
     * @p callback runs once when the connection closes before this responder has finished answering
     * (the client went away, or drop()). Used to cancel work nobody waits for any more.
     */
    void onClientGone(std::function<void()> callback);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Companion::Http
