// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "HttpResponder.h"

#include "ConnectionGuard.h"

#include <QHttpServerResponder>
#include <QPointer>
#include <QTcpSocket>

namespace Companion::Http {

struct HttpResponder::Private
{
    explicit Private(QHttpServerResponder &&r)
        : responder(std::move(r))
        , socket(responder.socket())
    { }
    ~Private()
    {
        QObject::disconnect(goneConnection);
        // A handler that dropped its responder without answering: the connection is no longer busy.
        done();
    }

    QHttpServerResponder responder;
    // QtHttpServer deleteLater()s the socket when the peer disconnects while the responder keeps a raw
    // pointer; this guard is what makes answering late safe.
    QPointer<QTcpSocket> socket;
    bool answered = false;
    bool streaming = false;
    bool counted = false; ///< The connection's guard was told this response is over
    QMetaObject::Connection goneConnection;

    bool connected() const { return socket && socket->state() == QAbstractSocket::ConnectedState; }
    bool writable() const { return !answered && connected(); }

    void writeHead(int status, const HeaderList &headers, qsizetype contentLength)
    {
        responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(status));
        for (const auto &[name, value] : headers) {
            responder.writeHeader(name, value);
        }
        responder.writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(contentLength));
    }

    void finished()
    {
        answered = true;
        QObject::disconnect(goneConnection);
        done();
    }

    /** Tells the connection's guard, once, that this response is over, so its idle timer may run again. */
    void done()
    {
        if (!counted) {
            counted = true;
            ConnectionGuard::responseFinished(socket);
        }
    }
};

HttpResponder::HttpResponder(QHttpServerResponder &&responder)
    : d(std::make_unique<Private>(std::move(responder)))
{ }

HttpResponder::~HttpResponder() = default;

bool HttpResponder::isOpen() const
{
    return (d->streaming && d->connected()) || d->writable();
}

bool HttpResponder::isStreaming() const
{
    return d->streaming && d->connected();
}

void HttpResponder::beginStream(int status, const HeaderList &headers)
{
    if (!d->writable()) {
        return;
    }
    d->answered = true;
    d->streaming = true;
    d->responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(status));
    for (const auto &[name, value] : headers) {
        d->responder.writeHeader(name, value);
    }
    // QtHttpServer 6.4 has no chunked writer of its own; the framing below is HTTP/1.1's (RFC 9112 §7.1).
    d->responder.writeHeader(QByteArrayLiteral("Transfer-Encoding"), QByteArrayLiteral("chunked"));
    d->responder.writeBody(QByteArray());
}

void HttpResponder::writeChunk(const QByteArray &data)
{
    if (!d->streaming || !d->connected() || data.isEmpty()) {
        return;
    }
    d->responder.writeBody(QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n");
}

void HttpResponder::endStream()
{
    if (!d->streaming || !d->connected()) {
        d->streaming = false;
        return;
    }
    d->streaming = false;
    QObject::disconnect(d->goneConnection);
    d->responder.writeBody(QByteArrayLiteral("0\r\n\r\n"));
    d->done();
}

void HttpResponder::onClientGone(std::function<void()> callback)
{
    if (!d->socket || (d->answered && !d->streaming)) {
        return;
    }
    QObject::disconnect(d->goneConnection);
    d->goneConnection =
        QObject::connect(d->socket, &QTcpSocket::disconnected, d->socket, [callback = std::move(callback), this] {
            QObject::disconnect(d->goneConnection);
            // The socket may be in its destructor (QAbstractSocket emits disconnected() there), and the callback
            // may drop this responder: forget the socket first, so nothing reads it as a QTcpSocket any more.
            // Its connection guard goes with it, so there is nobody left to tell that the response ended.
            d->counted = true;
            d->socket.clear();
            callback();
        });
}

void HttpResponder::send(int status, const QByteArray &body, const HeaderList &headers)
{
    if (!d->writable()) {
        return;
    }
    d->finished();
    d->writeHead(status, headers, body.size());
    d->responder.writeBody(body);
}

void HttpResponder::sendJson(int status, const QByteArray &json, const HeaderList &extraHeaders)
{
    HeaderList headers {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}};
    headers += extraHeaders;
    send(status, json, headers);
}

void HttpResponder::drop()
{
    if (!d->writable()) {
        return;
    }
    d->answered = true;
    d->done();
    d->socket->disconnectFromHost();
}

void HttpResponder::sendTruncated(int status, const QByteArray &body, qsizetype keepBytes, const HeaderList &headers)
{
    if (!d->writable()) {
        return;
    }
    d->finished();
    d->writeHead(status, headers, body.size());
    d->responder.writeBody(body.left(std::clamp<qsizetype>(keepBytes, 0, body.size())));
    d->socket->disconnectFromHost();
}

} // namespace Companion::Http
