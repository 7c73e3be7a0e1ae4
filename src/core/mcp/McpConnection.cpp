// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "McpConnection.h"

#include "Logging.h"
#include "McpServer.h"
#include "McpSession.h"

#include <QLocalSocket>

namespace Companion::Mcp {

namespace {

// The line was dropped unread, so its id is unknown: JSON-RPC says to answer with id null then.
constexpr char kTooLargeReply[] =
    R"({"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"Message too large"}})";

bool isBlank(const QByteArray &line)
{
    return line.trimmed().isEmpty();
}

} // namespace

McpConnection::McpConnection(QLocalSocket *socket, McpServer &engine, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_session(engine.createSession(QStringLiteral("local")))
{
    m_socket->setParent(this);
    connect(m_session.get(), &McpSession::send, this, &McpConnection::write);
    connect(m_socket, &QLocalSocket::readyRead, this, &McpConnection::readMessages);
    connect(m_socket, &QLocalSocket::disconnected, this, &McpConnection::handleDisconnected);
    if (m_socket->state() != QLocalSocket::ConnectedState) {
        // The client may already have hung up between accept and here; disconnected() will not come again.
        QMetaObject::invokeMethod(this, &McpConnection::handleDisconnected, Qt::QueuedConnection);
    } else if (m_socket->bytesAvailable() > 0) {
        QMetaObject::invokeMethod(this, &McpConnection::readMessages, Qt::QueuedConnection);
    }
}

McpConnection::~McpConnection()
{
    // The socket is deleted after this body, with the other children; its last signals must not reach us.
    m_socket->disconnect(this);
    if (!m_closed) {
        m_closed = true;
        m_session->close();
    }
}

void McpConnection::close()
{
    if (m_closed) {
        return;
    }
    m_socket->disconnectFromServer(); // flushes what is written, then emits disconnected()
    if (m_socket->state() == QLocalSocket::UnconnectedState) {
        handleDisconnected();
    }
}

void McpConnection::readMessages()
{
    if (m_closed) {
        return;
    }
    const auto frames = m_framer.feed(m_socket->readAll());
    for (const auto &frame : frames) {
        if (m_closed) {
            return; // a message led to close(); the rest has no one to answer
        }
        if (frame.tooLong) {
            qCWarning(lcMcp) << "refused a local message over" << kMaxMessageBytes << "bytes";
            write(QByteArray(kTooLargeReply));
            continue;
        }
        if (isBlank(frame.line)) {
            continue; // blank lines between messages are harmless; they are not messages
        }
        m_session->receive(frame.line);
    }
}

void McpConnection::handleDisconnected()
{
    if (m_closed) {
        return;
    }
    m_closed = true;
    m_session->close();
    Q_EMIT closed();
    deleteLater();
}

void McpConnection::write(const QByteArray &message)
{
    if (m_closed || m_socket->state() != QLocalSocket::ConnectedState) {
        return; // the client is gone; the session's late answers have nowhere to go
    }
    QByteArray line;
    line.reserve(message.size() + 1);
    line.append(message);
    line.append('\n');
    m_socket->write(line);
}

} // namespace Companion::Mcp
