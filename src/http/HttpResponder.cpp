// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "HttpResponder.h"

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

    QHttpServerResponder responder;
    // QtHttpServer deleteLater()s the socket when the peer disconnects while the responder keeps a raw
    // pointer; this guard is what makes answering late safe.
    QPointer<QTcpSocket> socket;
    bool answered = false;

    bool writable() const { return !answered && socket && socket->state() == QAbstractSocket::ConnectedState; }

    void writeHead(int status, const HeaderList &headers, qsizetype contentLength)
    {
        responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(status));
        for (const auto &[name, value] : headers) {
            responder.writeHeader(name, value);
        }
        responder.writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(contentLength));
    }
};

HttpResponder::HttpResponder(QHttpServerResponder &&responder)
    : d(std::make_unique<Private>(std::move(responder)))
{ }

HttpResponder::~HttpResponder() = default;

bool HttpResponder::isOpen() const
{
    return d->writable();
}

void HttpResponder::send(int status, const QByteArray &body, const HeaderList &headers)
{
    if (!d->writable()) {
        return;
    }
    d->answered = true;
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
    d->socket->disconnectFromHost();
}

void HttpResponder::sendTruncated(int status, const QByteArray &body, qsizetype keepBytes, const HeaderList &headers)
{
    if (!d->writable()) {
        return;
    }
    d->answered = true;
    d->writeHead(status, headers, body.size());
    d->responder.writeBody(body.left(std::clamp<qsizetype>(keepBytes, 0, body.size())));
    d->socket->disconnectFromHost();
}

} // namespace Companion::Http
