// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "HttpServer.h"

#include <QAbstractHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QTcpServer>

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
        auto responder = std::make_shared<HttpResponder>(makeResponder(request, socket));
        m_handler(copyRequest(request), responder);
        return true;
    }
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        handleRequest(request, socket);
    }
#else
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
    : QObject(parent)
    , m_backend(std::make_unique<Backend>(std::move(handler)))
{ }

HttpServer::~HttpServer() = default;

Expected<quint16, QString> HttpServer::listen(const QHostAddress &address, quint16 port)
{
    auto *tcp = new QTcpServer(m_backend.get());
    if (!tcp->listen(address, port)) {
        const QString why = tcp->errorString();
        delete tcp;
        return Unexpected(why);
    }
    m_backend->bind(tcp);
    return tcp->serverPort();
}

} // namespace Companion::Http
