// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "HttpServer.h"

#include "ConnectionGuard.h"
#include "GuardedTcpServer.h"

#include <QAbstractHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>

namespace Companion::Http {

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    using M = QHttpServerRequest::Method;
    switch (method) {
    case M::Get: return QByteArrayLiteral("GET");
    case M::Put: return QByteArrayLiteral("PUT");
    case M::Delete: return QByteArrayLiteral("DELETE");
    case M::Post: return QByteArrayLiteral("POST");
    case M::Head: return QByteArrayLiteral("HEAD");
    case M::Options: return QByteArrayLiteral("OPTIONS");
    case M::Patch: return QByteArrayLiteral("PATCH");
    case M::Connect: return QByteArrayLiteral("CONNECT");
    case M::Trace: return QByteArrayLiteral("TRACE");
    default: return QByteArrayLiteral("UNKNOWN");
    }
}

HttpRequest copyRequest(const QHttpServerRequest &request)
{
    HttpRequest r;
    r.method = methodName(request.method());
    r.path = request.url().path(QUrl::FullyDecoded);
    r.query = request.query();
    r.headers = request.headers();
    r.body = request.body();
    r.peer = request.remoteAddress();
    return r;
}

} // namespace

// QtHttpServer 6.4 hands over the raw socket, and every request is routed to us; we turn it into our
// own request and responder types. (Qt 6.8 passes a responder reference instead; that build path is
// not compiled on Debian 12 and is kept to the minimum.)
class HttpServer::Backend final : public QAbstractHttpServer
{
public:
    explicit Backend(Handler handler)
        : m_handler(std::move(handler))
    { }

protected:
#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        ConnectionGuard::requestDispatched(socket);
        auto responder = std::make_shared<HttpResponder>(makeResponder(request, socket));
        m_handler(copyRequest(request), responder);
        return true;
    }
    void missingHandler(const QHttpServerRequest &, QTcpSocket *) override
    {
        // handleRequest() takes every request, so QtHttpServer 6.4 calls this only after it already did, for a
        // WebSocket upgrade; running the handler again would execute one request twice. (The guard refuses
        // such upgrades before they get here.)
    }
#else
    // Qt 6.8's responder no longer exposes its socket: the guard's busy/idle accounting (requestDispatched,
    // HttpResponder's responseFinished) needs another way to find the connection there.
    bool handleRequest(const QHttpServerRequest &request, QHttpServerResponder &responder) override
    {
        m_handler(copyRequest(request), std::make_shared<HttpResponder>(std::move(responder)));
        return true;
    }
    void missingHandler(const QHttpServerRequest &request, QHttpServerResponder &responder) override
    {
        handleRequest(request, responder);
    }
#endif

private:
    Handler m_handler;
};

HttpServer::HttpServer(Handler handler, QObject *parent)
    : HttpServer(std::move(handler), HttpLimits {}, parent)
{ }

HttpServer::HttpServer(Handler handler, const HttpLimits &limits, QObject *parent)
    : QObject(parent)
    , m_limits(limits)
    , m_backend(std::make_unique<Backend>(std::move(handler)))
{ }

int HttpServer::connectionCount() const
{
    int count = 0;
    for (const auto *tcp : m_backend->findChildren<GuardedTcpServer *>(QString(), Qt::FindDirectChildrenOnly))
        count += tcp->activeConnections();
    return count;
}

HttpServer::~HttpServer() = default;

Expected<quint16, QString> HttpServer::listen(const QHostAddress &address, quint16 port)
{
    auto *tcp = new GuardedTcpServer(m_limits, m_backend.get());
    if (!tcp->listen(address, port)) {
        const QString why = tcp->errorString();
        delete tcp;
        return Unexpected(why);
    }
    m_backend->bind(tcp);
    return tcp->serverPort();
}

} // namespace Companion::Http
