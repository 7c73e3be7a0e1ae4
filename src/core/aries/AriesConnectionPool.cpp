// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aries/AriesConnectionPool.h"

#include "aries/HttpAnswerParser.h"
#include "aries/HttpRequestHead.h"

#include <QMetaObject>
#include <QPointer>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

#include <optional>

namespace Companion::Aries {

struct AriesConnectionPool::Request
{
    QString server;
    QUrl url;
    QByteArray bytes;
    std::chrono::milliseconds timeout {};
    Done done;
    bool retried = false;
};

struct AriesConnectionPool::Connection
{
    QString server;
    /** Owned; deleted later (never inside one of its own signals). */
    QAbstractSocket *socket = nullptr;
    QTimer *deadline = nullptr;
    QTimer *idle = nullptr;
    std::shared_ptr<Request> request;
    std::optional<HttpAnswerParser> answer;
    bool connected = false;
    bool sent = false;
    int served = 0;
};

AriesConnectionPool::AriesConnectionPool(int maxConnectionsPerServer, QObject *parent)
    : QObject(parent)
    , m_maxPerServer(std::max(1, maxConnectionsPerServer))
{ }

AriesConnectionPool::~AriesConnectionPool()
{
    // Requests still waiting or under way are dropped with their callbacks, as the owner expects.
    for (const std::shared_ptr<Connection> &connection : std::as_const(m_connections)) {
        connection->socket->disconnect(this);
        connection->socket->abort();
        delete connection->socket;
    }
}

void AriesConnectionPool::get(
    const QUrl &url, const QList<Header> &headers, std::chrono::milliseconds timeout, Done done)
{
    if (!HttpRequestHead::allowed(url)) {
        QMetaObject::invokeMethod(
            this,
            [done = std::move(done)]() {
                Answer answer;
                answer.failure = Answer::Failure::NotSent;
                answer.errorString = HttpRequestHead::refusal();
                done(answer);
            },
            Qt::QueuedConnection);
        return;
    }
    auto request = std::make_shared<Request>();
    request->url = url;
    request->server = url.scheme() + QStringLiteral("://") + url.host() + QLatin1Char(':')
        + QString::number(HttpRequestHead::port(url));
    request->bytes = HttpRequestHead::start("GET", url);
    for (const Header &header : headers) {
        request->bytes += header.first + ": " + header.second + "\r\n";
    }
    request->bytes += "\r\n";
    request->timeout = timeout;
    request->done = std::move(done);
    m_queues[request->server].push_back(request);
    pump(request->server);
}

void AriesConnectionPool::pump(const QString &server)
{
    auto queue = m_queues.find(server);
    while (queue != m_queues.end() && !queue->empty()) {
        std::shared_ptr<Connection> idle;
        int count = 0;
        for (const std::shared_ptr<Connection> &connection : std::as_const(m_connections)) {
            if (connection->server == server) {
                ++count;
                if (!idle && !connection->request && connection->connected) {
                    idle = connection;
                }
            }
        }
        if (!idle && count >= m_maxPerServer) {
            break;
        }
        const std::shared_ptr<Request> request = queue->front();
        queue->pop_front();
        if (idle) {
            assign(idle, request);
            continue;
        }

        auto connection = std::make_shared<Connection>();
        connection->server = server;
        const std::weak_ptr<Connection> weak = connection;
        const QUrl &url = request->url;
        const quint16 port = HttpRequestHead::port(url);
        if (url.scheme() == QLatin1String("https")) {
            auto *socket = new QSslSocket(this);
            connection->socket = socket;
            connect(socket, &QSslSocket::encrypted, this, [this, weak]() {
                if (const auto c = weak.lock()) {
                    onConnected(c);
                }
            });
        } else {
            auto *socket = new QTcpSocket(this);
            connection->socket = socket;
            connect(socket, &QTcpSocket::connected, this, [this, weak]() {
                if (const auto c = weak.lock()) {
                    onConnected(c);
                }
            });
        }
        connect(connection->socket, &QAbstractSocket::readyRead, this, [this, weak]() {
            if (const auto c = weak.lock()) {
                onReadyRead(c);
            }
        });
        connect(connection->socket, &QAbstractSocket::disconnected, this, [this, weak]() {
            if (const auto c = weak.lock()) {
                onClosed(c, QStringLiteral("the connection closed"));
            }
        });
        connect(connection->socket, &QAbstractSocket::errorOccurred, this,
            [this, weak](QAbstractSocket::SocketError error) {
                // A server closing its end is reported by disconnected() too, with what arrived read first.
                if (const auto c = weak.lock(); c && error != QAbstractSocket::RemoteHostClosedError) {
                    onClosed(c, c->socket->errorString());
                }
            });
        connection->deadline = new QTimer(this);
        connection->deadline->setSingleShot(true);
        connect(connection->deadline, &QTimer::timeout, this, [this, weak]() {
            if (const auto c = weak.lock()) {
                onTimeout(c);
            }
        });
        connection->idle = new QTimer(this);
        connection->idle->setSingleShot(true);
        connect(connection->idle, &QTimer::timeout, this, [this, weak]() {
            if (const auto c = weak.lock(); c && !c->request) {
                drop(c);
            }
        });
        m_connections.append(connection);
        ++m_opened;
        assign(connection, request);
        // Last, with every signal connected: a failure reported at once reaches onClosed(), which may run pump()
        // again and change the queues, so the queue is looked up anew.
        if (auto *tls = qobject_cast<QSslSocket *>(connection->socket)) {
            tls->connectToHostEncrypted(url.host(), port);
        } else {
            connection->socket->connectToHost(url.host(), port);
        }
        queue = m_queues.find(server);
    }
    if (queue != m_queues.end() && queue->empty()) {
        m_queues.erase(queue);
    }
}

void AriesConnectionPool::onConnected(const std::shared_ptr<Connection> &connection)
{
    connection->connected = true;
    // Requests are small and answers awaited: nothing is gained by holding bytes back (set once connected, as
    // a socket not yet connected ignores its options).
    connection->socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    if (connection->request) {
        send(connection);
    }
}

void AriesConnectionPool::assign(const std::shared_ptr<Connection> &connection, const std::shared_ptr<Request> &request)
{
    connection->request = request;
    connection->answer.emplace();
    connection->sent = false;
    connection->idle->stop();
    connection->deadline->start(request->timeout);
    if (connection->connected) {
        send(connection);
    }
}

void AriesConnectionPool::send(const std::shared_ptr<Connection> &connection)
{
    connection->sent = true;
    connection->socket->write(connection->request->bytes);
}

void AriesConnectionPool::onReadyRead(const std::shared_ptr<Connection> &connection)
{
    const QByteArray bytes = connection->socket->readAll();
    if (!connection->request) {
        // Nothing was asked on this connection: whatever the server sends, it is not ours to read.
        drop(connection);
        return;
    }
    Answer answer;
    switch (connection->answer->feed(bytes)) {
    case HttpAnswerParser::State::Incomplete: return;
    case HttpAnswerParser::State::Complete:
        answer.status = connection->answer->status();
        answer.body = connection->answer->body();
        answer.retryAfter = connection->answer->header("Retry-After");
        complete(connection, answer, connection->answer->reusable());
        return;
    case HttpAnswerParser::State::Invalid:
        answer.failure = Answer::Failure::Truncated;
        answer.errorString = QStringLiteral("the answer could not be read");
        break;
    case HttpAnswerParser::State::TooLarge:
        answer.failure = Answer::Failure::Truncated;
        answer.errorString = QStringLiteral("the answer was too large");
        break;
    }
    complete(connection, answer, false);
}

void AriesConnectionPool::onClosed(const std::shared_ptr<Connection> &connection, const QString &why)
{
    if (!m_connections.contains(connection)) {
        return; // Both errorOccurred() and disconnected() came.
    }
    if (!connection->request) {
        drop(connection);
        return;
    }
    Answer answer;
    HttpAnswerParser &parser = *connection->answer;
    const QByteArray rest = connection->socket->readAll();
    if (parser.feed(rest) == HttpAnswerParser::State::Complete
        || parser.finishAtClose() == HttpAnswerParser::State::Complete) {
        answer.status = parser.status();
        answer.body = parser.body();
        answer.retryAfter = parser.header("Retry-After");
        complete(connection, answer, false);
        return;
    }
    const std::shared_ptr<Request> request = connection->request;
    if (!connection->sent) {
        answer.failure = Answer::Failure::NotSent;
        answer.errorString = why;
    } else if (!parser.receivedAnything()) {
        if (connection->served > 0 && !request->retried) {
            // The server had closed this idle connection as our request went out: the request never
            // reached it. Once, on a fresh connection.
            request->retried = true;
            connection->request.reset();
            drop(connection);
            m_queues[request->server].push_front(request);
            pump(request->server);
            return;
        }
        answer.failure = Answer::Failure::Lost;
        answer.errorString = QStringLiteral("the connection closed before Aries answered");
    } else {
        answer.failure = Answer::Failure::Truncated;
        answer.errorString = QStringLiteral("the answer was cut short");
    }
    complete(connection, answer, false);
}

void AriesConnectionPool::onTimeout(const std::shared_ptr<Connection> &connection)
{
    if (!connection->request) {
        return;
    }
    Answer answer;
    answer.failure = Answer::Failure::Timeout;
    answer.errorString = QStringLiteral("timed out");
    complete(connection, answer, false);
}

void AriesConnectionPool::complete(const std::shared_ptr<Connection> &connection, const Answer &answer, bool keep)
{
    const std::shared_ptr<Request> request = std::move(connection->request);
    connection->request.reset();
    connection->answer.reset();
    connection->deadline->stop();
    ++connection->served;
    if (keep) {
        connection->idle->start(m_idleTimeout);
    } else {
        drop(connection);
    }
    // Waiting requests first: the callback may end the pool (its owner going), after which nothing here runs.
    pump(request->server);
    request->done(answer);
}

void AriesConnectionPool::drop(const std::shared_ptr<Connection> &connection)
{
    if (!m_connections.removeOne(connection)) {
        return;
    }
    connection->deadline->stop();
    connection->idle->stop();
    connection->deadline->deleteLater();
    connection->idle->deleteLater();
    connection->socket->disconnect(this);
    connection->socket->abort();
    connection->socket->deleteLater();
}

} // namespace Companion::Aries
