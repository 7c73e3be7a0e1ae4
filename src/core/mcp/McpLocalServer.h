// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Expected.h"
#include "LocalEndpoint.h"

#include <QList>
#include <QLocalServer>
#include <QObject>
#include <QString>

namespace Companion::Mcp {

class McpConnection;
class McpServer;

/**
 * The app's end of the local socket that aries-mcp bridges connect to: one McpConnection (and one MCP session)
 * per bridge.
 *
 * Only this user may connect: on Unix the socket lives in a 0700 folder and is itself owner-only
 * (QLocalServer::UserAccessOption); on Windows the pipe name carries the user name and the pipe's ACL admits
 * only this user. A socket file left by a crashed instance is removed, but only after checking that no
 * running instance answers on it, so a second app cannot steal the first one's clients.
 */
class McpLocalServer final : public QObject
{
    Q_OBJECT

public:
    explicit McpLocalServer(
        McpServer &engine, QString serverName = Ipc::LocalEndpoint::serverName(), QObject *parent = nullptr);
    ~McpLocalServer() override;
    Q_DISABLE_COPY_MOVE(McpLocalServer)

    /** Starts accepting bridges. The error says why not, in words for the user. */
    Expected<void, QString> listen();
    /** Stops accepting and closes every connection. */
    void close();

    bool isListening() const { return m_server.isListening(); }
    QString serverName() const { return m_serverName; }
    /** The socket file's path on Unix, the pipe's full name on Windows. */
    QString fullServerName() const { return m_server.fullServerName(); }
    int connectionCount() const { return int(m_connections.size()); }

Q_SIGNALS:
    /** A bridge connected or disconnected. */
    void connectionCountChanged(int count);

private:
    Expected<void, QString> ensureDirectory() const;
    bool otherInstanceAnswers() const;
    void acceptConnections();
    void forget(McpConnection *connection);

    McpServer &m_engine;
    QString m_serverName;
    QLocalServer m_server;
    QList<McpConnection *> m_connections;
};

} // namespace Companion::Mcp
