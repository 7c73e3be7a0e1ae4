// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "LineFramer.h"

#include <QByteArray>
#include <QObject>

#include <memory>

class QLocalSocket;

namespace Companion::Mcp {

class McpServer;
class McpSession;

/**
 * One aries-mcp bridge connected to the app's local socket: frames the byte stream into messages ('\n' per
 * message, as MCP over stdio) and hands them to a session of its own.
 *
 * Everything is driven by the socket's signals; nothing here waits, so a slow client never holds up the app.
 * When the client goes away the session is closed (its pending work cancelled), closed() is emitted and the
 * connection deletes itself later.
 */
class McpConnection final : public QObject
{
    Q_OBJECT

public:
    /** The same cap the bridge applies to its client; a bigger line is refused instead of being buffered. */
    static constexpr qsizetype kMaxMessageBytes = 8 * 1024 * 1024;

    /** Takes ownership of @p socket, a connected socket from QLocalServer. */
    McpConnection(QLocalSocket *socket, McpServer &engine, QObject *parent = nullptr);
    ~McpConnection() override;
    Q_DISABLE_COPY_MOVE(McpConnection)

    McpSession &session() { return *m_session; }
    bool isClosed() const { return m_closed; }

    /** Closes the session and the socket, as if the client had disconnected. */
    void close();

Q_SIGNALS:
    /** The client is gone and the session closed; emitted once. */
    void closed();

private:
    void readMessages();
    void handleDisconnected();
    void write(const QByteArray &message);

    QLocalSocket *m_socket;
    Ipc::LineFramer m_framer {kMaxMessageBytes};
    std::unique_ptr<McpSession> m_session;
    bool m_closed = false;
};

} // namespace Companion::Mcp
