// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConnectionGuard.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTcpSocket>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

namespace Companion::Http {

namespace {

Q_LOGGING_CATEGORY(lcHttp, "companion.http", QtInfoMsg)

// What a rejected client may still send while it reads our answer; beyond it the connection is cut at once.
constexpr qint64 kMaxDrainBytes = 1024 * 1024;

QByteArray statusText(int status)
{
    switch (status) {
    case 400: return QByteArrayLiteral("Bad Request");
    case 408: return QByteArrayLiteral("Request Timeout");
    case 413: return QByteArrayLiteral("Content Too Large");
    case 431: return QByteArrayLiteral("Request Header Fields Too Large");
    case 503: return QByteArrayLiteral("Service Unavailable");
    default: return QByteArrayLiteral("Error");
    }
}

/** A complete response in the MCP transport's style: a JSON-RPC error with a null id, then the connection ends. */
QByteArray errorResponse(int status, const QByteArray &reason, const QByteArray &extraHeaders)
{
    // -32600 (invalid request) for what the client sent, -32000 (server error) for what the server will not do.
    const int code = (status == 408 || status == 503) ? -32000 : -32600;
    const QByteArray body = QJsonDocument(
        QJsonObject {{QStringLiteral("jsonrpc"), QStringLiteral("2.0")}, {QStringLiteral("id"), QJsonValue::Null},
            {QStringLiteral("error"),
                QJsonObject {
                    {QStringLiteral("code"), code}, {QStringLiteral("message"), QString::fromLatin1(reason)}}}})
                                .toJson(QJsonDocument::Compact);
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + statusText(status)
        + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
        + "\r\nConnection: close\r\n" + extraHeaders + "\r\n" + body;
}

} // namespace

ConnectionGuard::ConnectionGuard(QTcpSocket *socket, const HttpLimits &limits)
    : QObject(socket)
    , m_socket(socket)
    , m_limits(limits)
    , m_checker(limits.maxHeadBytes, limits.maxBodyBytes)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ConnectionGuard::onTimeout);
    // Connected before the socket reaches QtHttpServer, so this slot runs before its parser on every readyRead
    // (slots run in the order they were connected) and can stop it from ever seeing a rejected request.
    connect(m_socket, &QIODevice::readyRead, this, &ConnectionGuard::onReadyRead);
    updateTimer();
}

ConnectionGuard::~ConnectionGuard() = default;

void ConnectionGuard::refuse(QTcpSocket *socket, const HttpLimits &limits)
{
    auto *guard = new ConnectionGuard(socket, limits);
    connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
    guard->reject(
        503, QByteArrayLiteral("Service Unavailable: too many connections"), QByteArrayLiteral("Retry-After: 1\r\n"));
}

ConnectionGuard *ConnectionGuard::of(QTcpSocket *socket)
{
    return socket ? socket->findChild<ConnectionGuard *>(QString(), Qt::FindDirectChildrenOnly) : nullptr;
}

void ConnectionGuard::requestDispatched(QTcpSocket *socket)
{
    if (ConnectionGuard *guard = of(socket)) {
        ++guard->m_dispatched;
        guard->updateTimer();
    }
}

void ConnectionGuard::responseFinished(QTcpSocket *socket)
{
    if (ConnectionGuard *guard = of(socket)) {
        ++guard->m_finished;
        guard->updateTimer();
    }
}

void ConnectionGuard::onReadyRead()
{
    if (m_rejected) {
        drain();
        return;
    }
    // peek() reads from where QtHttpServer's parser stands without moving it. Its parser reads inside a socket
    // transaction and consumes every byte available each time it runs, committing only when a request is
    // complete. So: no transaction open means the buffer begins a new request (check it from the start, even if
    // part of it was seen before, pipelined behind the previous request); a transaction open means the parser
    // is inside a request and everything available is new to it, and to us.
    if (!m_socket->isTransactionStarted())
        m_checker.reset();
    const QByteArray fresh = m_socket->peek(m_socket->bytesAvailable());
    const RequestChecker::Verdict verdict = m_checker.feed(fresh);
    qCDebug(lcHttp) << "connection" << m_socket->peerPort() << "read" << fresh.size() << "bytes, in transaction"
                    << m_socket->isTransactionStarted() << "phase" << int(m_checker.phase());
    if (verdict.rejected()) {
        reject(verdict.status, verdict.reason);
        return;
    }
    updateTimer();
}

void ConnectionGuard::updateTimer()
{
    if (m_rejected)
        return;
    Timed want = Timed::None;
    if (busy()) {
        // A response is under way (a slow tool call, an SSE stream): no timer may cut it.
        want = Timed::None;
    } else if (m_checker.phase() == RequestChecker::Phase::Head) {
        want = Timed::Head;
    } else if (m_checker.phase() == RequestChecker::Phase::Body) {
        want = Timed::Body;
    } else {
        // A connection that never completed a request is held to the head deadline from its opening, so one
        // that sends nothing at all is not kept for the longer idle time.
        want = m_dispatched == 0 ? Timed::Head : Timed::Idle;
    }
    // Deadlines run from the phase's start, not from the last byte: a client that trickles one byte a second
    // (slowloris) must not keep its connection by doing so.
    if (want == m_timed)
        return;
    m_timed = want;
    qCDebug(lcHttp) << "connection" << m_socket->peerPort() << "timer" << int(want) << "dispatched" << m_dispatched
                    << "finished" << m_finished;
    switch (want) {
    case Timed::None: m_timer.stop(); break;
    case Timed::Head: m_timer.start(m_limits.headTimeoutMs); break;
    case Timed::Body: m_timer.start(m_limits.bodyTimeoutMs); break;
    case Timed::Idle: m_timer.start(m_limits.idleTimeoutMs); break;
    }
}

void ConnectionGuard::onTimeout()
{
    switch (m_timed) {
    case Timed::Head: reject(408, QByteArrayLiteral("Request Timeout: the request header took too long")); break;
    case Timed::Body: reject(408, QByteArrayLiteral("Request Timeout: the request body took too long")); break;
    case Timed::Idle:
        qCDebug(lcHttp) << "closing idle connection" << m_socket->peerPort();
        m_timed = Timed::None;
        m_socket->disconnectFromHost();
        break;
    case Timed::None: break;
    }
}

void ConnectionGuard::reject(int status, const QByteArray &reason, const QByteArray &extraHeaders)
{
    // Never the bytes themselves: a request may carry the bearer key.
    qCInfo(lcHttp) << "refusing a connection from port" << m_socket->peerPort() << status << reason;
    m_rejected = true;
    m_timer.stop();
    m_timed = Timed::None;
    // Nothing more reaches QtHttpServer's parser: not this request and nothing pipelined behind it. Slots
    // disconnected during an emission are skipped, so its slot does not run for the bytes that caused this.
    QObject::disconnect(m_socket, &QIODevice::readyRead, nullptr, nullptr);
    connect(m_socket, &QIODevice::readyRead, this, &ConnectionGuard::drain);
    // The parser's transaction would keep every byte buffered; end it so that drain() can free them.
    if (m_socket->isTransactionStarted())
        m_socket->commitTransaction();
    if (busy()) {
        // A response is being written on this connection; an error response would corrupt it.
        m_socket->abort();
        return;
    }
    m_socket->write(errorResponse(status, reason, extraHeaders));
    // Closing with unread bytes in the kernel makes it send a reset, and a client that is still sending would
    // then lose our answer. So only the sending side is closed once the answer is out, what the client sends
    // meanwhile is read and dropped, and the connection is cut when the client closes or the linger ends.
    auto halfClose = [this] {
        if (m_socket->bytesToWrite() > 0)
            return;
#ifdef Q_OS_UNIX
        ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
#else
        m_socket->disconnectFromHost();
#endif
    };
    connect(m_socket, &QIODevice::bytesWritten, this, halfClose);
    m_socket->flush();
    halfClose();
    QTimer::singleShot(m_limits.lingerMs, this, [this] { m_socket->abort(); });
    drain();
}

void ConnectionGuard::drain()
{
    m_drained += m_socket->skip(m_socket->bytesAvailable());
    if (m_drained > kMaxDrainBytes)
        m_socket->abort();
}

} // namespace Companion::Http
